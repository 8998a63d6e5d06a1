"""The command registry: every command a person can type, with its help text and its role.

``/help`` is generated from here, Telegram's command menu is set from here, and a test checks
that the README lists the same commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.access import Role
from bot.i18n import N_, _
from bot.messages import Incoming, Reply

if TYPE_CHECKING:
    from bot.core import Core

Handler = Callable[["Core", Incoming, str], "Reply | None"]

ROLE_NAMES: dict[Role, str] = {
    Role.USER: N_("user"),
    Role.MODERATOR: N_("moderator"),
    Role.ADMIN: N_("admin"),
}
ROLE_ONLY: dict[Role, str] = {
    Role.USER: N_("Sorry, /{command} is for users only."),
    Role.MODERATOR: N_("Sorry, /{command} is for moderators only."),
    Role.ADMIN: N_("Sorry, /{command} is for admins only."),
}


@dataclass(frozen=True, slots=True)
class Command:
    name: str  # without the slash
    usage: str  # e.g. "/check <text>"
    help: str  # one line, in English; said with ``_`` (babel.cfg extracts it: Command:3)
    handler: Handler
    role: Role = Role.USER
    groups_only: bool = False
    # Where a command may be written without its slash (Slack: ``/factcheck queue``, a DM
    # saying ``yes``), what may follow the name for the text to be this command: a regular
    # expression the whole rest must match. "" (the default): nothing. So "No, that is
    # wrong" or "Verdict on whether…" stay questions.
    bare_args: str = ""

    def takes_bare(self, args: str) -> bool:
        return re.fullmatch(self.bare_args, args.strip(), flags=re.DOTALL) is not None


class CommandRegistry:
    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}

    def add(self, command: Command) -> None:
        if command.name in self._commands:
            raise ValueError(f"command /{command.name} is registered twice")
        self._commands[command.name] = command

    def get(self, name: str) -> Command | None:
        return self._commands.get(name.casefold())

    def exact(self, name: str, args: str) -> Command | None:
        """The command a slash-less text is, only in its exact form: the name, and arguments
        of the command's shape; otherwise None (it is a question)."""
        command = self.get(name)
        return command if command is not None and command.takes_bare(args) else None

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands.values())

    def visible_to(self, role: Role | str) -> list[Command]:
        """The commands a person with this role may run, in registration order."""
        if isinstance(role, str):
            role = Role[role.upper()]
        return [c for c in self._commands.values() if c.role <= role]

    def help_text(self, role: Role) -> str:
        lines = [f"{c.usage} — {_(c.help)}" for c in self.visible_to(role)]
        return "\n".join(lines)
