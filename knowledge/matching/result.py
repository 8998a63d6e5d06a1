"""What matching a question gives back: the scored claims and the decision."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.models import Decision


@dataclass(frozen=True, slots=True)
class Match:
    claim_id: str
    score: float
    matched_text: str  # the phrasing of the claim that matched best
    negation_mismatch: bool = False
    # How the question stands to the claim's context (knowledge.matching.context), for the
    # best candidates: the names and numbers it has that the claim's context lacks; it names
    # something else and nothing the claim is about; it names nothing the claim is about.
    foreign: tuple[str, ...] = ()
    unrelated: bool = False
    unanchored: bool = False
    anchored: bool = False  # the question names what the claim is about
    names_only: bool = False  # all the question shares with the claim is names


@dataclass(frozen=True, slots=True)
class MatchResult:
    query: str
    normalised: str
    decision: Decision
    matches: tuple[Match, ...]  # best first; for ``answer`` the answer, for ``suggest`` the picks
    ranked: tuple[Match, ...] = field(default=())  # every scored candidate, best first
    truncated: bool = False
    # The answer model's inputs for the best candidate (ANSWER_FEATURES order) and its output,
    # when it applies.
    features: tuple[float, ...] = ()
    confidence: float | None = None
