"""Resolving queued questions: after a change to a claim, the open questions the claim base
can now answer are resolved, and their subscribers get a "checked" notice.

Apart from :mod:`knowledge.desk.queue` because claim edits call it too (every change that adds
a phrasing refreshes the queue), and the queue's /link adds an alias through the claim edits.
"""

from __future__ import annotations

from knowledge.desk.change import Actor
from knowledge.matching import Matcher
from knowledge.matching import text as textlib
from knowledge.models import Decision
from knowledge.store import ClaimBase, now_iso


def refresh(base: ClaimBase, matcher: Matcher, by: Actor, claim_id: str, limit: int = 200) -> int:
    """After a change to a claim: resolve the open questions the base can now answer,
    and notify their subscribers. Returns how many were resolved.

    Only questions sharing a word with the claim's phrasings are matched again (a cheap
    filter over the queue), so a long queue does not slow every moderator's change."""
    claim = base.get(claim_id)
    if claim is None:
        return 0
    if matcher.semantic is not None:
        # The changed claim's vector first (a new claim, a new alias, an edit).
        matcher.semantic.sync(claim_ids=[claim_id])
    phrasings = " ".join([claim.claim, claim.title or "", *(a.text for a in claim.aliases)])
    words = set(textlib.content_words(textlib.normalise(phrasings)))
    rows = base.conn.execute(
        "SELECT id, normalised, text FROM queue WHERE status = 'open' ORDER BY asked DESC"
    )
    related = [
        (queue_id, question)
        for queue_id, normalised, question in rows
        if _could_match(words, normalised)
    ][:limit]
    resolved = 0
    for queue_id, question in related:
        result = matcher.match(question)
        if result.decision == Decision.ANSWER:
            resolve(base, queue_id, result.matches[0].claim_id, by)
            resolved += 1
    return resolved


def resolve(base: ClaimBase, queue_id: int, claim_id: str, by: Actor) -> None:
    """Mark a queued question answered by ``claim_id``; its subscriptions become notices."""
    with base.transaction() as db:
        question = db.execute("SELECT text FROM queue WHERE id = ?", [queue_id]).fetchone()[0]
        db.execute(
            "UPDATE queue SET status = 'resolved', claim_id = ?, resolved_by = ?, "
            "resolved_at = ? WHERE id = ?",
            [claim_id, by.key, now_iso(), queue_id],
        )
        subscribers = list(
            db.execute("SELECT platform, chat_id FROM subscriptions WHERE queue_id = ?", [queue_id])
        )
        for platform, chat_id in subscribers:
            db.execute(
                "INSERT OR REPLACE INTO notifications "
                "(platform, chat_id, kind, claim_id, question, created_at) "
                "VALUES (?, ?, 'checked', ?, ?, ?)",
                [platform, chat_id, claim_id, question, now_iso()],
            )
        db.execute("DELETE FROM subscriptions WHERE queue_id = ?", [queue_id])


def _could_match(claim_words: set[str], question: str) -> bool:
    """A cheap test before matching: the question shares two content words with the claim
    (one, if it has only one)."""
    words = set(textlib.content_words(question))
    return len(words & claim_words) >= min(2, len(words)) > 0
