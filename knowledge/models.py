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
class Claim:
    """A fact-check: the claim exactly as it was checked, and the verdict on it."""

    id: str
    claim: str
    verdict: str  # key on knowledge.verdicts.SCALE
    rating: str  # the publisher's own rating words
    summary: str = ""
    title: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    appearance: str | None = None  # where the claim was made
    review_url: str | None = None
    review_date: str | None = None
    publisher: str | None = None  # who reviewed it
    language: str | None = None
    status: str = Status.PUBLISHED
    sources: tuple[Source, ...] = field(default=())
    aliases: tuple[Alias, ...] = field(default=())
