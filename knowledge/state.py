"""Per-conversation state kept in the claim base, with expiry, so that any worker on the same
base can take any update of a conversation and a restart loses nothing.

A :class:`Scope` names whose state it is: one person in one chat (a guided dialogue, the last
answer), one person across chats (the answers and queued questions that are theirs), or a whole
chat (watch-mode cooldowns). Values are small JSON documents. Every write is its own short
transaction, or part of the caller's (``ClaimBase.transaction`` nests).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.store import ClaimBase

PRUNE_EVERY = 200  # writes between two deletions of expired rows


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose state: ``user_id`` '' is the whole chat, ``chat_id`` '' the person everywhere."""

    platform: str
    chat_id: str = ""
    user_id: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.platform, self.chat_id, self.user_id)


class ConversationState:
    """Named JSON values per :class:`Scope`, each with a time to live."""

    def __init__(self, base: ClaimBase, clock: Callable[[], float] = time.time) -> None:
        self.base = base
        self.clock = clock
        self._writes = 0

    def get(self, scope: Scope, name: str) -> Any:
        """The value, or None when there is none or it has expired."""
        row = self.base.conn.execute(
            "SELECT value FROM conversation_state WHERE platform = ? AND chat_id = ? "
            "AND user_id = ? AND name = ? AND expires_at > ?",
            [*scope.key, name, self.clock()],
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, scope: Scope, name: str, value: Any, ttl: float) -> None:
        with self.base.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO conversation_state "
                "(platform, chat_id, user_id, name, value, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                [*scope.key, name, json.dumps(value, ensure_ascii=False), self.clock() + ttl],
            )
            self._writes += 1
            if self._writes % PRUNE_EVERY == 0:
                db.execute("DELETE FROM conversation_state WHERE expires_at <= ?", [self.clock()])

    def pop(self, scope: Scope, name: str) -> Any:
        """Delete the value; return it (None if there was none)."""
        with self.base.transaction():
            value = self.get(scope, name)
            self.forget(scope, name)
        return value

    def forget(self, scope: Scope, name: str) -> None:
        """Delete the value, if there is one (no read: :meth:`pop` returns it)."""
        with self.base.transaction() as db:
            db.execute(
                "DELETE FROM conversation_state WHERE platform = ? AND chat_id = ? "
                "AND user_id = ? AND name = ?",
                [*scope.key, name],
            )

    def forget_user(self, platform: str, user_id: str, name: str) -> int:
        """Delete a person's ``name`` in every chat; returns how many there were."""
        with self.base.transaction() as db:
            cursor = db.execute(
                "DELETE FROM conversation_state WHERE platform = ? AND user_id = ? AND name = ?",
                [platform, user_id, name],
            )
        return int(cursor.rowcount)

    def remember(self, scope: Scope, name: str, item: int, ttl: float, keep: int = 50) -> None:
        """Add ``item`` to a list of the newest ``keep`` items (e.g. a person's answer ids)."""
        with self.base.transaction():
            items = [i for i in self.get(scope, name) or [] if i != item]
            self.put(scope, name, [*items[-(keep - 1) :], item], ttl)

    def holds(self, scope: Scope, name: str, item: int) -> bool:
        return item in (self.get(scope, name) or [])

    def first_within(self, scope: Scope, name: str, ttl: float) -> bool:
        """True the first time in ``ttl`` seconds (then it is marked), False after that: for
        cooldowns and de-duplication across workers."""
        with self.base.transaction():
            if self.get(scope, name) is not None:
                return False
            self.put(scope, name, 1, ttl)
        return True
