"""Moderators' changes to the fact-checks: add a claim, its sources, aliases, appearances,
images and translations; change its verdict, a field, its status; read its history.

Each change is one :func:`~knowledge.desk.change.recorded` transaction with its audit rows
(undone by :meth:`knowledge.desk.Desk.undo`). A change that adds a phrasing refreshes the
queue (:mod:`knowledge.desk.resolve`); a new verdict tells the people given the old one
(:meth:`knowledge.desk.notices.Notices.verdict_changed`, inside the same transaction).
"""

from __future__ import annotations

from dataclasses import replace

from knowledge import audit, claimreview, links, verdicts
from knowledge.desk.change import Actor, DeskError, recorded
from knowledge.desk.notices import Notices
from knowledge.desk.resolve import refresh
from knowledge.limits import MAX_CHARS, claim_problem, too_long
from knowledge.matching import Matcher
from knowledge.models import Claim, Source, Status, Translation
from knowledge.rows import claim_row, source_row
from knowledge.store import ClaimBase, now_iso

EDITABLE_FIELDS = {
    "claim": "claim",
    "title": "title",
    "claimant": "claimant",
    "role": "claimant_role",
    "claimant_role": "claimant_role",
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


class ClaimEdits:
    def __init__(self, base: ClaimBase, matcher: Matcher, notices: Notices) -> None:
        self.base = base
        self.matcher = matcher
        self.notices = notices

    def get(self, claim_id: str) -> Claim:
        """The claim with that id, published or retracted; a :class:`DeskError` if none."""
        found = self.base.get(claim_id)
        if found is None:
            raise DeskError(f"There is no fact-check with id {claim_id!r}.")
        return found

    def add(self, claim: Claim, by: Actor) -> Claim:
        """Publish a new fact-check with its sources and aliases (one change)."""
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
        refresh(self.base, self.matcher, by, claim.id)
        return self.get(claim.id)

    def add_source(self, claim_id: str, source: Source, by: Actor) -> None:
        self.get(claim_id)
        position = self.base.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM sources WHERE claim_id = ?", [claim_id]
        ).fetchone()[0]
        with recorded(self.base, "add source", by, claim_id) as c:
            c.insert("sources", source_row(claim_id, source, int(position), now_iso()))
            c.update("claims", {"id": claim_id}, {"updated_at": now_iso()})

    def add_alias(self, claim_id: str, text: str, by: Actor, language: str | None = None) -> bool:
        """Another phrasing of the claim; False when it has that one already."""
        self.get(claim_id)
        text = " ".join(text.split())
        if not text:
            raise DeskError("The alias is empty.")
        exists = self.base.conn.execute(
            "SELECT 1 FROM aliases WHERE claim_id = ? AND text = ?", [claim_id, text]
        ).fetchone()
        if exists:
            return False
        with recorded(self.base, "add alias", by, claim_id) as c:
            c.insert(
                "aliases",
                {"claim_id": claim_id, "text": text, "language": language, "created_at": now_iso()},
            )
        refresh(self.base, self.matcher, by, claim_id)
        return True

    def add_appearance(self, claim_id: str, url: str, by: Actor) -> bool:
        """Add a web address where the claim appeared (appended to its ``appearance``);
        False when the claim knows that page already. Audited; /undo reverts it."""
        claim = self.get(claim_id)
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
        self.get(claim_id)
        if not hashes:
            raise DeskError("The image has no hash to keep.")
        exists = self.base.conn.execute(
            "SELECT 1 FROM claim_images WHERE claim_id = ? AND phash = ?", [claim_id, hashes[0]]
        ).fetchone()
        if exists:
            return False
        with recorded(self.base, "add image", by, claim_id) as c:
            for phash in dict.fromkeys(hashes):
                known = self.base.conn.execute(
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
        old = self.get(claim_id)
        if not reason.strip():
            raise DeskError("Give a reason for changing the verdict.")
        with recorded(self.base, "verdict", by, claim_id, reason=reason.strip()) as c:
            changed = c.update(
                "claims", {"id": claim_id}, {"verdict": verdict.key, "rating": rating}
            )
            if changed and old.verdict != verdict.key:
                self.notices.verdict_changed(claim_id, old.verdict)
        return old.verdict

    def edit(self, claim_id: str, field: str, value: str, by: Actor) -> str:
        """Change one field; returns the column name changed."""
        self.get(claim_id)
        column = EDITABLE_FIELDS.get(field.casefold())
        if column is None:
            shown = set(EDITABLE_FIELDS) - {"claim_date", "claimant_role", "url"}  # other names
            allowed = ", ".join(sorted(shown))
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
            refresh(self.base, self.matcher, by, claim_id)
        return column

    def translate(self, claim_id: str, translation: Translation, by: Actor) -> bool:
        """Add or replace the fact-check's words in one language (recorded; /undo reverts
        it). False when the translation is already exactly that."""
        from knowledge.interchange import write_translation

        claim = self.get(claim_id)
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
        """Retract a claim (hidden from answers, kept) or publish it again."""
        self.get(claim_id)
        action = "retract" if status == Status.RETRACTED else "restore"
        with recorded(self.base, action, by, claim_id, reason=reason) as c:
            changed = c.update("claims", {"id": claim_id}, {"status": str(status)})
        if changed and status == Status.PUBLISHED:
            refresh(self.base, self.matcher, by, claim_id)
        return changed

    def history(self, claim_id: str, limit: int = 20) -> list[audit.AuditEntry]:
        """The claim's audit entries, newest first."""
        self.get(claim_id)
        return audit.entries(self.base, claim_id=claim_id, limit=limit)
