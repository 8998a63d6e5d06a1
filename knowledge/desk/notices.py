"""Notifications: people who asked to be told when their question is checked (subscriptions),
and the notices waiting to be delivered ("checked": a queued question was answered;
"updated": a verdict someone was given has changed).

A subscription keeps only the platform and chat id, and is deleted when its notification is
created; a notification is deleted once delivered.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.desk.change import ago
from knowledge.store import ClaimBase, now_iso


@dataclass(frozen=True, slots=True)
class Notification:
    id: int
    platform: str
    chat_id: str
    kind: str  # "checked" | "updated"
    claim_id: str
    question: str | None
    old_verdict: str | None


class Notices:
    def __init__(self, base: ClaimBase, *, retention_days: float) -> None:
        self.base = base
        self.retention_days = retention_days

    def subscribe(self, queue_id: int, platform: str, chat_id: str) -> bool:
        """Ask to be told when a queued question is checked. False if it is not open."""
        with self.base.transaction() as db:
            open_ = db.execute(
                "SELECT 1 FROM queue WHERE id = ? AND status = 'open'", [queue_id]
            ).fetchone()
            if not open_:
                return False
            db.execute(
                "INSERT OR IGNORE INTO subscriptions (queue_id, platform, chat_id, created_at) "
                "VALUES (?, ?, ?, ?)",
                [queue_id, platform, chat_id, now_iso()],
            )
        return True

    def pending(self, platform: str, limit: int = 50) -> list[Notification]:
        """The notices waiting for delivery on one platform, oldest first."""
        rows = self.base.conn.execute(
            "SELECT id, platform, chat_id, kind, claim_id, question, old_verdict "
            "FROM notifications WHERE platform = ? ORDER BY id LIMIT ?",
            [platform, limit],
        )
        return [Notification(*row) for row in rows]

    def delivered(self, notification_id: int) -> None:
        with self.base.transaction() as db:
            db.execute("DELETE FROM notifications WHERE id = ?", [notification_id])

    def verdict_changed(self, claim_id: str, old_verdict: str) -> None:
        """Inside a change: an "updated" notice for every chat given the old verdict lately
        (within the answers log's retention window)."""
        chats = self.base.conn.execute(
            "SELECT DISTINCT platform, chat_id, question FROM answers WHERE claim_id = ? "
            "AND decision = 'answer' AND verdict = ? AND created_at >= ?",
            [claim_id, old_verdict, ago(self.retention_days)],
        )
        for platform, chat_id, question in list(chats):
            self.base.conn.execute(
                "INSERT OR REPLACE INTO notifications "
                "(platform, chat_id, kind, claim_id, question, old_verdict, created_at) "
                "VALUES (?, ?, 'updated', ?, ?, ?, ?)",
                [platform, chat_id, claim_id, question, old_verdict, now_iso()],
            )
