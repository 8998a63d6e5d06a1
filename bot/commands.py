"""The command registry: every command a person can type, with its help text and its role,
and what a command's handler is given (a :class:`Turn`) and may answer.

``/help`` is generated from here, Telegram's command menu is set from here, and a test checks
that the README lists the same commands. A guided dialogue (``bot.dialogues``) registers here
how to find one under way (:meth:`CommandRegistry.continue_with`), so the core hands a person's
next message to it without knowing what it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from bot.access import Access, Role
from bot.conversation import conversation_scope
from bot.i18n import N_, _
from bot.language import Languages
from bot.messages import Incoming, Reply, ReplyKind
from knowledge.chats import ChatSettings
from knowledge.desk import Actor, Desk
from knowledge.state import ConversationState, Scope


class Checker(Protocol):
    """What a command may ask of the core (:class:`bot.core.Core` provides it)."""

    def check_asked(self, text: str, msg: Incoming) -> Reply | None:
        """Fact-check ``text`` within the person's abuse limits, as /check asks."""
        ...

    def show_claim(self, claim_id: str, msg: Incoming) -> Reply:
        """One fact-check's full answer, by its id."""
        ...

    def subscribe(self, msg: Incoming, queue_id: int) -> Reply:
        """Tell the asker when their queued question has been checked."""
        ...

    def feedback(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        """Record whether an answer helped (a no sends the question to the moderators)."""
        ...

    def language_of(self, msg: Incoming, text: str = "") -> str:
        """The language to answer ``msg`` in."""
        ...


@dataclass(frozen=True, slots=True)
class Turn:
    """One message being answered, and what a command's handler may use for it: the person's
    role (read when asked, so a role revoked meanwhile counts), this conversation's state, the
    Desk for changes, the chats' settings, the languages chosen, the commands, and the core's
    checks."""

    msg: Incoming
    access: Access
    desk: Desk
    state: ConversationState
    chats: ChatSettings
    languages: Languages
    commands: CommandRegistry
    checker: Checker

    @property
    def role(self) -> Role:
        return self.access.role_of(self.msg)

    def allows(self, needed: Role) -> bool:
        return self.access.allows(self.msg, needed)

    @property
    def conversation(self) -> Scope:
        """This person in this chat (``bot.conversation``)."""
        return conversation_scope(self.msg)

    @property
    def actor(self) -> Actor:
        """Who makes a change, for its audit entry."""
        return Actor(self.msg.platform, self.msg.user_id)


Handler = Callable[[Turn, str], "Reply | None"]


def text_reply(text: str) -> Reply:
    return Reply(ReplyKind.TEXT, text)


def refusal(text: str) -> Reply:
    return Reply(ReplyKind.REFUSAL, text)


@dataclass(frozen=True, slots=True)
class Continuation:
    """A guided dialogue under way: the person's next message (that is not a command) is its
    next answer."""

    confirming: bool  # every question asked: waiting for "yes" (which /yes also says)
    answer: Callable[[Turn, str], Reply]


FindDialogue = Callable[[Turn], Continuation | None]

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
        self._dialogues: list[FindDialogue] = []

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

    def continue_with(self, find: FindDialogue) -> None:
        """Register how to find a guided dialogue under way (``bot.dialogues``)."""
        self._dialogues.append(find)

    def dialogue(self, turn: Turn) -> Continuation | None:
        """The guided dialogue this person has under way in this chat, if any."""
        for find in self._dialogues:
            found = find(turn)
            if found is not None:
                return found
        return None

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
