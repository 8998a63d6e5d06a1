"""The fact-checking desk: moderators' changes to the claim base, and the loop between users
and moderators (the queue of unanswered questions, notifications, feedback, statistics).

Every change to a claim goes through :mod:`knowledge.audit`, so it is recorded with who, where,
when and the rows before and after, and can be undone. Roles are data here, not code.

What is kept about people (see the README): the queue keeps question texts, not who asked;
a subscription keeps only the platform and chat id, and is deleted when its notification is
created; a notification is deleted once delivered; the answers log keeps the platform, chat
id, question and verdict given for ``retention_days`` (the corrections window), then is pruned.
Per-conversation state (:mod:`knowledge.state`) keeps, per platform user id, the ids of the
answers and queued questions that are theirs (no text) for the same window, and an unfinished
guided /add for a day; expired rows are ignored and pruned.

Beside :class:`Desk`: ``change`` (:class:`Actor`, :class:`DeskError`, ``recorded``: one
transaction per change with its audit rows) and ``history`` (audit entries as /history lines).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from knowledge import audit, claimreview, links, verdicts
from knowledge.desk.change import Actor, DeskError, ago, recorded
from knowledge.desk.history import describe_change, group_changes
from knowledge.limits import MAX_CHARS, claim_problem, too_long
from knowledge.matching import Matcher
from knowledge.matching import text as textlib
from knowledge.models import Claim, Decision, Source, Status, Translation
from knowledge.store import ClaimBase, claim_row, now_iso, source_row

__all__ = [
    "EDITABLE_FIELDS",
    "Actor",
    "Desk",
    "DeskError",
    "Notification",
    "QueueEntry",
    "describe_change",
    "group_changes",
]

EDITABLE_FIELDS = {
    "claim": "claim",
    "title": "title",
    "claimant": "claimant",
    "date": "claim_date",
    "claim_date": "claim_date",
    "appearance": "appearance",
    "summary": "summary",
    "rating": "rating",
    "review_url": "review_url",
    "url": "review_url",
    "review_date": "review_date",
    "publisher": "publisher",
    "language": "language",
}


@dataclass(frozen=True, slots=True)
class QueueEntry:
    id: int
    text: str
    asked: int
    first_seen: str
    last_seen: str
    subscribers: int


@dataclass(frozen=True, slots=True)
class Notification:
    id: int
    platform: str
    chat_id: str
    kind: str  # "checked" | "updated"
    claim_id: str
    question: str | None
    old_verdict: str | None


class Desk:
    def __init__(self, base: ClaimBase, matcher: Matcher, *, retention_days: float = 30) -> None:
        self.base = base
        self.db = base.db
        self.matcher = matcher
        self.retention_days = retention_days

    # -- roles ---------------------------------------------------------------------------

    def is_moderator(self, platform: str, user_id: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM roles WHERE platform = ? AND user_id = ? AND role = 'moderator'",
            [platform, user_id],
        ).fetchone()
        return row is not None

    def moderators(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM roles ORDER BY platform, user_id"))

    def grant(self, platform: str, user_id: str, by: Actor) -> bool:
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
        with recorded(self.base, "revoke", by) as c:
            return c.delete("roles", {"platform": platform, "user_id": user_id})

    # -- claims --------------------------------------------------------------------------

    def claim(self, claim_id: str) -> Claim:
        found = self.base.get(claim_id)
        if found is None:
            raise DeskError(f"There is no fact-check with id {claim_id!r}.")
        return found

    def add_claim(self, claim: Claim, by: Actor) -> Claim:
        problem = claim_problem(claim)
        if problem:
            raise DeskError(f"Too long: {problem}.")
        if not claim.id:
            claim = replace(claim, id=claimreview.make_id(None, claim.review_url, claim.claim))
        if self.base.exists(claim.id):
            raise DeskError(f"A fact-check with id {claim.id!r} exists already.")
        stamp = now_iso()
        with recorded(self.base, "add", by, claim.id) as c:
            c.insert(
                "claims",
                claim_row(
                    replace(claim, status=Status.PUBLISHED),
                    origin=f"moderator:{by.key}",
                    stamp=stamp,
                ),
            )
            for position, source in enumerate(claim.sources):
                c.insert("sources", source_row(claim.id, source, position, stamp))
            for alias in claim.aliases:
                c.insert(
                    "aliases",
                    {
                        "claim_id": claim.id,
                        "text": alias.text,
                        "language": alias.language,
                        "created_at": stamp,
                    },
                )
        self.refresh_queue(by, claim.id)
        return self.claim(claim.id)

    def add_source(self, claim_id: str, source: Source, by: Actor) -> None:
        self.claim(claim_id)
        position = self.db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM sources WHERE claim_id = ?", [claim_id]
        ).fetchone()[0]
        with recorded(self.base, "add source", by, claim_id) as c:
            c.insert("sources", source_row(claim_id, source, int(position), now_iso()))
            c.update("claims", {"id": claim_id}, {"updated_at": now_iso()})

    def add_alias(self, claim_id: str, text: str, by: Actor, language: str | None = None) -> bool:
        self.claim(claim_id)
        text = " ".join(text.split())
        if not text:
            raise DeskError("The alias is empty.")
        exists = self.db.execute(
            "SELECT 1 FROM aliases WHERE claim_id = ? AND text = ?", [claim_id, text]
        ).fetchone()
        if exists:
            return False
        with recorded(self.base, "add alias", by, claim_id) as c:
            c.insert(
                "aliases",
                {"claim_id": claim_id, "text": text, "language": language, "created_at": now_iso()},
            )
        self.refresh_queue(by, claim_id)
        return True

    def add_appearance(self, claim_id: str, url: str, by: Actor) -> bool:
        """Add a web address where the claim appeared (appended to its ``appearance``);
        False when the claim knows that page already. Audited; /undo reverts it."""
        claim = self.claim(claim_id)
        wanted = links.normalise_url(url)
        if wanted is None:
            raise DeskError(f"{url!r} is not a web address: write it as https://…")
        known = links.appearance_urls(claim.appearance)
        if any(links.normalise_url(u) == wanted for u in known):
            return False
        value = f"{claim.appearance}; {url}" if claim.appearance else url
        problem = too_long("The appearance", value, MAX_CHARS.get("appearance", 2_000))
        if problem:
            raise DeskError(f"{problem}.")
        with recorded(self.base, "add appearance", by, claim_id) as c:
            c.update("claims", {"id": claim_id}, {"appearance": value})
        return True

    def add_image(
        self, claim_id: str, hashes: tuple[str, ...], by: Actor, ref: str | None = None
    ) -> bool:
        """Attach an image to a fact-check by its perceptual hashes (the whole picture and a
        few crops of it); False when it has that picture already. One audited change: /undo
        removes it."""
        self.claim(claim_id)
        if not hashes:
            raise DeskError("The image has no hash to keep.")
        exists = self.db.execute(
            "SELECT 1 FROM claim_images WHERE claim_id = ? AND phash = ?", [claim_id, hashes[0]]
        ).fetchone()
        if exists:
            return False
        with recorded(self.base, "add image", by, claim_id) as c:
            for phash in dict.fromkeys(hashes):
                known = self.db.execute(
                    "SELECT 1 FROM claim_images WHERE claim_id = ? AND phash = ?",
                    [claim_id, phash],
                ).fetchone()
                if not known:
                    c.insert(
                        "claim_images",
                        {"claim_id": claim_id, "phash": phash, "ref": ref, "created_at": now_iso()},
                    )
        return True

    def set_verdict(
        self, claim_id: str, verdict: verdicts.Verdict, rating: str, reason: str, by: Actor
    ) -> str:
        """Change a claim's verdict; returns the old verdict key. Everyone who was given the
        old verdict within the retention window gets an "updated" notice."""
        old = self.claim(claim_id)
        if not reason.strip():
            raise DeskError("Give a reason for changing the verdict.")
        with recorded(self.base, "verdict", by, claim_id, reason=reason.strip()) as c:
            changed = c.update(
                "claims", {"id": claim_id}, {"verdict": verdict.key, "rating": rating}
            )
            if changed and old.verdict != verdict.key:
                self._queue_corrections(claim_id, old.verdict)
        return old.verdict

    def edit(self, claim_id: str, field: str, value: str, by: Actor) -> str:
        """Change one field; returns the column name changed."""
        self.claim(claim_id)
        column = EDITABLE_FIELDS.get(field.casefold())
        if column is None:
            allowed = ", ".join(sorted(set(EDITABLE_FIELDS) - {"claim_date", "url"}))
            raise DeskError(f"Unknown field {field!r}. Fields you can edit: {allowed}.")
        value = value.strip()
        problem = too_long(f"The {field}", value, MAX_CHARS.get(column, 2_000))
        if problem:
            raise DeskError(f"{problem}.")
        if column in ("claim", "rating") and not value:
            raise DeskError(f"The {field} cannot be empty.")
        with recorded(self.base, f"edit {column}", by, claim_id) as c:
            if not c.update("claims", {"id": claim_id}, {column: value or None}):
                raise DeskError(f"The {field} is already that.")
        if column in ("claim", "title"):
            self.refresh_queue(by, claim_id)
        return column

    def translate(self, claim_id: str, translation: Translation, by: Actor) -> bool:
        """Add or replace the fact-check's words in one language (recorded; /undo reverts
        it). False when the translation is already exactly that."""
        from knowledge.interchange import write_translation

        claim = self.claim(claim_id)
        if not translation.claim.strip():
            raise DeskError("The translated claim is empty.")
        for name, value in (("claim", translation.claim), ("summary", translation.summary)):
            problem = too_long(f"The translated {name}", value, MAX_CHARS.get(name, 2_000))
            if problem:
                raise DeskError(f"{problem}.")
        notes = translation.source_notes
        if len(notes) > len(claim.sources):
            raise DeskError(
                f"{claim_id} has {len(claim.sources)} sources; a note was given for source "
                f"{len(notes)}."
            )
        with recorded(self.base, f"translate {translation.language}", by, claim_id) as c:
            return write_translation(c, claim_id, translation)

    def set_status(self, claim_id: str, status: Status, by: Actor, reason: str | None) -> bool:
        self.claim(claim_id)
        action = "retract" if status == Status.RETRACTED else "restore"
        with recorded(self.base, action, by, claim_id, reason=reason) as c:
            changed = c.update("claims", {"id": claim_id}, {"status": str(status)})
        if changed and status == Status.PUBLISHED:
            self.refresh_queue(by, claim_id)
        return changed

    def history(self, claim_id: str, limit: int = 20) -> list[audit.AuditEntry]:
        self.claim(claim_id)
        return audit.entries(self.base, claim_id=claim_id, limit=limit)

    def undo(self, by: Actor) -> tuple[str, str | None] | None:
        undone = audit.undo(self.base, by.key, by.platform)
        if undone is not None and undone[1] and self.matcher.semantic is not None:
            self.matcher.semantic.sync(claim_ids=[undone[1]])
        return undone

    # -- queue ---------------------------------------------------------------------------

    def enqueue(self, question: str) -> int | None:
        """Add a question nobody could answer (or count it again). Returns its queue id."""
        normalised = textlib.normalise(question[:1000])
        if not textlib.content_words(normalised):
            # A message that is only a link is queued by its link (links are not read yet).
            normalised = " ".join(textlib.links(question[:1000])).casefold()
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

    def queue(self, limit: int = 10) -> list[QueueEntry]:
        rows = self.db.execute(
            "SELECT q.id, q.text, q.asked, q.first_seen, q.last_seen, "
            "(SELECT count(*) FROM subscriptions s WHERE s.queue_id = q.id) "
            "FROM queue q WHERE q.status = 'open' ORDER BY q.asked DESC, q.last_seen DESC LIMIT ?",
            [limit],
        )
        return [QueueEntry(*row) for row in rows]

    def queue_length(self) -> int:
        return int(
            self.db.execute("SELECT count(*) FROM queue WHERE status = 'open'").fetchone()[0]
        )

    def link(self, queue_id: int, claim_id: str, by: Actor) -> str:
        """Resolve a queued question with an existing claim; the question becomes an alias and
        its subscribers are notified. Returns the question."""
        row = self.db.execute("SELECT text, status FROM queue WHERE id = ?", [queue_id]).fetchone()
        if row is None:
            raise DeskError(f"There is no queued question number {queue_id}.")
        claim = self.claim(claim_id)
        if claim.status != Status.PUBLISHED:
            raise DeskError(f"{claim_id} is retracted; restore it first.")
        question = str(row[0])
        self.add_alias(claim_id, question, by)
        self._resolve(queue_id, claim_id, by)
        return question

    def refresh_queue(self, by: Actor, claim_id: str, limit: int = 200) -> int:
        """After a change to a claim: resolve the open questions the base can now answer,
        and notify their subscribers. Returns how many were resolved.

        Only questions sharing a word with the claim's phrasings are matched again (a cheap
        filter over the queue), so a long queue does not slow every moderator's change."""
        claim = self.base.get(claim_id)
        if claim is None:
            return 0
        if self.matcher.semantic is not None:
            # The changed claim's vector first (a new claim, a new alias, an edit).
            self.matcher.semantic.sync(claim_ids=[claim_id])
        phrasings = " ".join([claim.claim, claim.title or "", *(a.text for a in claim.aliases)])
        words = set(textlib.content_words(textlib.normalise(phrasings)))
        rows = self.db.execute(
            "SELECT id, normalised, text FROM queue WHERE status = 'open' ORDER BY asked DESC"
        )
        related = [
            (queue_id, question)
            for queue_id, normalised, question in rows
            if _could_match(words, normalised)
        ][:limit]
        resolved = 0
        for queue_id, question in related:
            result = self.matcher.match(question)
            if result.decision == Decision.ANSWER:
                self._resolve(queue_id, result.matches[0].claim_id, by)
                resolved += 1
        return resolved

    def _resolve(self, queue_id: int, claim_id: str, by: Actor) -> None:
        with self.base.transaction() as db:
            question = db.execute("SELECT text FROM queue WHERE id = ?", [queue_id]).fetchone()[0]
            db.execute(
                "UPDATE queue SET status = 'resolved', claim_id = ?, resolved_by = ?, "
                "resolved_at = ? WHERE id = ?",
                [claim_id, by.key, now_iso(), queue_id],
            )
            subscribers = list(
                db.execute(
                    "SELECT platform, chat_id FROM subscriptions WHERE queue_id = ?", [queue_id]
                )
            )
            for platform, chat_id in subscribers:
                db.execute(
                    "INSERT OR REPLACE INTO notifications "
                    "(platform, chat_id, kind, claim_id, question, created_at) "
                    "VALUES (?, ?, 'checked', ?, ?, ?)",
                    [platform, chat_id, claim_id, question, now_iso()],
                )
            db.execute("DELETE FROM subscriptions WHERE queue_id = ?", [queue_id])

    # -- subscriptions and notifications --------------------------------------------------

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
        rows = self.db.execute(
            "SELECT id, platform, chat_id, kind, claim_id, question, old_verdict "
            "FROM notifications WHERE platform = ? ORDER BY id LIMIT ?",
            [platform, limit],
        )
        return [Notification(*row) for row in rows]

    def delivered(self, notification_id: int) -> None:
        with self.base.transaction() as db:
            db.execute("DELETE FROM notifications WHERE id = ?", [notification_id])

    def _queue_corrections(self, claim_id: str, old_verdict: str) -> None:
        """Inside a change: an "updated" notice for every chat given the old verdict lately."""
        chats = self.db.execute(
            "SELECT DISTINCT platform, chat_id, question FROM answers WHERE claim_id = ? "
            "AND decision = 'answer' AND verdict = ? AND created_at >= ?",
            [claim_id, old_verdict, ago(self.retention_days)],
        )
        for platform, chat_id, question in list(chats):
            self.db.execute(
                "INSERT OR REPLACE INTO notifications "
                "(platform, chat_id, kind, claim_id, question, old_verdict, created_at) "
                "VALUES (?, ?, 'updated', ?, ?, ?, ?)",
                [platform, chat_id, claim_id, question, old_verdict, now_iso()],
            )

    # -- answers log, feedback, statistics --------------------------------------------------

    def log_answer(
        self,
        platform: str,
        chat_id: str,
        question: str,
        decision: str,
        claim_id: str | None,
        verdict: str | None,
    ) -> int:
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
        result: dict[str, Any] = {}
        for label, days in (("24h", 1), ("7d", 7)):
            counts = dict(
                self.db.execute(
                    "SELECT decision, count(*) FROM answers WHERE created_at >= ? "
                    "GROUP BY decision",
                    [ago(days)],
                ).fetchall()
            )
            result[label] = {d.value: int(counts.get(d.value, 0)) for d in Decision}
        result["top_claims"] = [
            (claim_id, int(n))
            for claim_id, n in self.db.execute(
                "SELECT claim_id, count(*) AS n FROM answers WHERE decision = 'answer' "
                "AND created_at >= ? GROUP BY claim_id ORDER BY n DESC LIMIT 5",
                [ago(7)],
            )
        ]
        result["queue"] = self.queue_length()
        feedback = dict(
            self.db.execute(
                "SELECT feedback, count(*) FROM answers WHERE feedback IS NOT NULL "
                "GROUP BY feedback"
            ).fetchall()
        )
        result["feedback"] = {"yes": int(feedback.get("yes", 0)), "no": int(feedback.get("no", 0))}
        return result


def _could_match(claim_words: set[str], question: str) -> bool:
    """A cheap test before matching: the question shares two content words with the claim
    (one, if it has only one)."""
    words = set(textlib.content_words(question))
    return len(words & claim_words) >= min(2, len(words)) > 0
