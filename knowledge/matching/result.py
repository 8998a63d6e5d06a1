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
