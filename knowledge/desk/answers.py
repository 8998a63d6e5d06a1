"""The answers log: what the bot answered, where, with which verdict, and whether it helped
(feedback); the statistics moderators read with /stats.

The log keeps the platform, chat id, question and verdict given for ``retention_days`` (the
corrections window: a changed verdict is sent to the chats given the old one), then is pruned.
"""

from __future__ import annotations

from typing import Any

from knowledge.desk.change import ago
from knowledge.desk.queue import Queue
from knowledge.models import Decision
from knowledge.store import ClaimBase, now_iso


class Answers:
    def __init__(self, base: ClaimBase, queue: Queue, *, retention_days: float) -> None:
        self.base = base
        self.queue = queue
        self.retention_days = retention_days

    def log(
        self,
        platform: str,
        chat_id: str,
        question: str,
        decision: str,
        claim_id: str | None,
        verdict: str | None,
    ) -> int:
        """Log one answer; returns its id (for feedback). Every hundredth prunes the log."""
        with self.base.transaction() as db:
            cursor = db.execute(
                "INSERT INTO answers (platform, chat_id, question, decision, claim_id, verdict, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [platform, chat_id, question[:1000], decision, claim_id, verdict, now_iso()],
            )
            answer_id = int(cursor.lastrowid or 0)
            if answer_id % 100 == 0:
                db.execute("DELETE FROM answers WHERE created_at < ?", [ago(self.retention_days)])
        return answer_id

    def feedback(self, answer_id: int, helpful: bool) -> str | None:
        """Record "did this answer your question?". Returns the question, or None if the
        answer is unknown (pruned)."""
        with self.base.transaction() as db:
            row = db.execute("SELECT question FROM answers WHERE id = ?", [answer_id]).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE answers SET feedback = ? WHERE id = ?",
                ["yes" if helpful else "no", answer_id],
            )
        return str(row[0])

    def stats(self) -> dict[str, Any]:
        """Decisions in the last day and week, the most asked claims (id, answers, the claim's
        status now), the queue's length and the feedback given."""
        result: dict[str, Any] = {}
        for label, days in (("24h", 1), ("7d", 7)):
            counts = dict(
                self.base.conn.execute(
                    "SELECT decision, count(*) FROM answers WHERE created_at >= ? "
                    "GROUP BY decision",
                    [ago(days)],
                ).fetchall()
            )
            result[label] = {d.value: int(counts.get(d.value, 0)) for d in Decision}
        # Each with its status now: a claim answered this week may have been retracted
        # since (an /add undone), and the moderators should see that, not a live claim.
        result["top_claims"] = [
            (claim_id, int(n), status)
            for claim_id, n, status in self.base.conn.execute(
                "SELECT a.claim_id, count(*) AS n, c.status FROM answers AS a "
                "LEFT JOIN claims AS c ON c.id = a.claim_id "
                "WHERE a.decision = 'answer' AND a.created_at >= ? "
                "GROUP BY a.claim_id ORDER BY n DESC, a.claim_id LIMIT 5",
                [ago(7)],
            )
        ]
        result["queue"] = self.queue.length()
        feedback = dict(
            self.base.conn.execute(
                "SELECT feedback, count(*) FROM answers WHERE feedback IS NOT NULL "
                "GROUP BY feedback"
            ).fetchall()
        )
        result["feedback"] = {"yes": int(feedback.get("yes", 0)), "no": int(feedback.get("no", 0))}
        return result
