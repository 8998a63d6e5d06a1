"""The queue of questions nobody could answer: a question is added (or counted again), listed
for moderators by how often it was asked, and resolved, by hand with /link or by itself when a
change to the claim base answers it (:mod:`knowledge.desk.resolve`).

The queue keeps question texts, not who asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.desk.change import Actor, DeskError
from knowledge.desk.claims import ClaimEdits
from knowledge.desk.resolve import resolve
from knowledge.matching import text as textlib
from knowledge.models import Status
from knowledge.store import ClaimBase, now_iso
from knowledge.urls import find_links


@dataclass(frozen=True, slots=True)
class QueueEntry:
    id: int
    text: str
    asked: int
    first_seen: str
    last_seen: str
    subscribers: int


class Queue:
    def __init__(self, base: ClaimBase, claims: ClaimEdits) -> None:
        self.base = base
        self.claims = claims

    def add(self, question: str) -> int | None:
        """Add a question nobody could answer (or count it again). Returns its queue id."""
        normalised = textlib.normalise(question[:1000])
        if not textlib.content_words(normalised):
            # A message that is only a link is queued by its link (links are not read yet).
            normalised = " ".join(find_links(question[:1000])).casefold()
            if not normalised:
                return None
        stamp = now_iso()
        with self.base.transaction() as db:
            db.execute(
                "INSERT INTO queue (normalised, text, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (normalised) DO UPDATE SET asked = asked + 1, "
                "last_seen = excluded.last_seen, "
                "status = 'open', claim_id = NULL, resolved_by = NULL, resolved_at = NULL",
                [normalised, question[:1000].strip(), stamp, stamp],
            )
            row = db.execute("SELECT id FROM queue WHERE normalised = ?", [normalised]).fetchone()
        return int(row[0])

    def entries(self, limit: int = 10) -> list[QueueEntry]:
        """The open questions, most asked first."""
        rows = self.base.conn.execute(
            "SELECT q.id, q.text, q.asked, q.first_seen, q.last_seen, "
            "(SELECT count(*) FROM subscriptions s WHERE s.queue_id = q.id) "
            "FROM queue q WHERE q.status = 'open' ORDER BY q.asked DESC, q.last_seen DESC LIMIT ?",
            [limit],
        )
        return [QueueEntry(*row) for row in rows]

    def length(self) -> int:
        """How many questions are open."""
        return int(
            self.base.conn.execute("SELECT count(*) FROM queue WHERE status = 'open'").fetchone()[0]
        )

    def link(self, queue_id: int, claim_id: str, by: Actor) -> str:
        """Resolve a queued question with an existing claim; the question becomes an alias and
        its subscribers are notified. Returns the question."""
        row = self.base.conn.execute(
            "SELECT text, status FROM queue WHERE id = ?", [queue_id]
        ).fetchone()
        if row is None:
            raise DeskError(f"There is no queued question number {queue_id}.")
        claim = self.claims.get(claim_id)
        if claim.status != Status.PUBLISHED:
            raise DeskError(f"{claim_id} is retracted; restore it first.")
        question = str(row[0])
        self.claims.add_alias(claim_id, question, by)
        resolve(self.base, queue_id, claim_id, by)
        return question
