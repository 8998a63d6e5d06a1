"""Who may moderate: roles are data (the ``roles`` table), granted and revoked as recorded
changes. :class:`Roles` is what :class:`bot.access.Access` asks about moderators."""

from __future__ import annotations

from typing import Any

from knowledge.desk.change import Actor, recorded
from knowledge.store import ClaimBase, now_iso


class Roles:
    def __init__(self, base: ClaimBase) -> None:
        self.base = base

    def is_moderator(self, platform: str, user_id: str) -> bool:
        row = self.base.conn.execute(
            "SELECT 1 FROM roles WHERE platform = ? AND user_id = ? AND role = 'moderator'",
            [platform, user_id],
        ).fetchone()
        return row is not None

    def moderators(self) -> list[dict[str, Any]]:
        """Every role granted, with who granted it and when."""
        return list(self.base.query("SELECT * FROM roles ORDER BY platform, user_id"))

    def grant(self, platform: str, user_id: str, by: Actor) -> bool:
        """Make someone a moderator; False if they are one already."""
        if self.is_moderator(platform, user_id):
            return False
        with recorded(self.base, "grant", by) as c:
            c.insert(
                "roles",
                {
                    "platform": platform,
                    "user_id": user_id,
                    "role": "moderator",
                    "granted_by": by.key,
                    "granted_at": now_iso(),
                },
            )
        return True

    def revoke(self, platform: str, user_id: str, by: Actor) -> bool:
        """Take the role away; False if they had none."""
        with recorded(self.base, "revoke", by) as c:
            return c.delete("roles", {"platform": platform, "user_id": user_id})
