"""Per-chat settings (watch mode), stored in the claim base so they survive restarts."""

from __future__ import annotations

from knowledge.store import ClaimBase, now_iso


class ChatSettings:
    """Per-chat settings, stored in the claim base so they survive restarts."""

    def __init__(self, base: ClaimBase) -> None:
        self.base = base

    def watching(self, platform: str, chat_id: str) -> bool:
        row = self.base.conn.execute(
            "SELECT watch FROM chat_settings WHERE platform = ? AND chat_id = ?",
            [platform, chat_id],
        ).fetchone()
        return bool(row and row[0])

    def set_watch(self, platform: str, chat_id: str, on: bool, by: str) -> None:
        with self.base.transaction():
            self.base.db.table("chat_settings").upsert(
                {
                    "platform": platform,
                    "chat_id": chat_id,
                    "watch": int(on),
                    "updated_by": by,
                    "updated_at": now_iso(),
                },
                pk=("platform", "chat_id"),
            )
