"""Roles, checked in one place: who may run which command.

Admins come from configuration (``FACTBOT_ADMINS="telegram:123456,slack:U0123"``); the person
at the console is always an admin. Moderators are data in the claim base (``roles``), granted
and revoked by admins. Everyone else is a user.
"""

from __future__ import annotations

import os
from enum import IntEnum
from typing import Protocol

from bot.messages import Incoming, Platform


class Role(IntEnum):
    """Ordered: a higher role may do everything a lower one may."""

    USER = 0
    MODERATOR = 1
    ADMIN = 2

    @property
    def label(self) -> str:
        return self.name.lower()


def parse_admins(value: str | None) -> frozenset[str]:
    """``"telegram:1, slack:U2"`` → {"telegram:1", "slack:U2"}; malformed entries are skipped."""
    entries = (part.strip() for part in (value or "").split(","))
    return frozenset(e for e in entries if ":" in e and all(e.split(":", 1)))


class ModeratorList(Protocol):
    def is_moderator(self, platform: str, user_id: str) -> bool: ...


class Access:
    def __init__(
        self, admins: frozenset[str] | None = None, moderators: ModeratorList | None = None
    ) -> None:
        if admins is None:
            admins = parse_admins(os.environ.get("FACTBOT_ADMINS"))
        self.admins = admins
        self.moderators = moderators

    def role_of(self, msg: Incoming) -> Role:
        if msg.platform == Platform.CONSOLE:
            return Role.ADMIN
        if f"{msg.platform}:{msg.user_id}" in self.admins:
            return Role.ADMIN
        if self.moderators is not None and self.moderators.is_moderator(msg.platform, msg.user_id):
            return Role.MODERATOR
        return Role.USER

    def allows(self, msg: Incoming, needed: Role) -> bool:
        return self.role_of(msg) >= needed
