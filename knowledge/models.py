"""Plain records of the claim base, free of SQL and of any conversation."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Decision(StrEnum):
    """What the matcher concluded about a question."""

    ANSWER = "answer"  # one claim matched confidently
    SUGGEST = "suggest"  # up to three plausible claims; the user picks
    NONE = "none"  # nothing in the claim base matches


class Status(StrEnum):
    PUBLISHED = "published"
    RETRACTED = "retracted"  # hidden from answers, kept in the base


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    supports: str | None = None  # what this source says in support of the verdict


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Translation:
    """A fact-check's words in another language (ClaimReview: a review ``inLanguage``)."""

    language: str  # the bot's language code: my, zh, ru, en, ...
    claim: str
    summary: str = ""
    rating: str | None = None  # the verdict's words, e.g. "မှားသည်"
    source_notes: tuple[str | None, ...] = ()  # what each source says, in source order
    machine_drafted: bool = False  # drafted by a machine, not yet reviewed by a person
    claimant: str | None = None  # who made the claim, as the language writes the name
    appearance: str | None = None  # where the claim was made, in the language
    claimant_role: str | None = None  # what the claimant is, in the language


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact-check: the claim exactly as it was checked, and the verdict on it."""

    id: str
    claim: str
    verdict: str  # key on knowledge.verdicts.SCALE
    rating: str  # the publisher's own rating words
    summary: str = ""
    title: str | None = None
    claimant: str | None = None
    # What the claimant is, or was when the claim was made ("Myanmar junta leader"; ClaimReview:
    # the author's jobTitle)
    claimant_role: str | None = None
    claim_date: str | None = None
    appearance: str | None = None  # where the claim was made
    review_url: str | None = None
    review_date: str | None = None
    publisher: str | None = None  # who reviewed it
    language: str | None = None
    status: str = Status.PUBLISHED
    sources: tuple[Source, ...] = field(default=())
    aliases: tuple[Alias, ...] = field(default=())
    translations: tuple[Translation, ...] = field(default=())

    def translation(self, language: str) -> Translation | None:
        """The fact-check's words in ``language``, when it has them."""
        return next((t for t in self.translations if t.language == language), None)
