"""The project's verdict scale, and how publishers' rating words map onto it.

Every claim keeps two things: ``verdict``, a key on this scale (used for ordering, filtering
and the label a user sees), and ``rating``, the publisher's own words, kept as given.

The scale is ordered from true to false, with separate keys for ratings that are not a
position on that line (misleading, unproven, satire, ...). It holds the seed article's
ratings ("false", "unsubstantiated and disputed"), the usual ClaimReview textual ratings and
PolitiFact's Truth-O-Meter (true, mostly-true, half-true, barely-true, false, pants-fire).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    key: str
    label: str
    symbol: str  # a plain-text marker shown before the label
    description: str
    falsy: bool  # rated false or misleading: watch mode may correct it unprompted


SCALE: tuple[Verdict, ...] = (
    Verdict("true", "True", "✅", "Accurate, nothing significant missing.", False),
    Verdict("mostly-true", "Mostly true", "✅", "Accurate but needs clarification.", False),
    Verdict("mixed", "Half true", "⚖️", "Partly accurate, leaves out important details.", False),
    Verdict("mostly-false", "Mostly false", "❌", "An element of truth, but misleading.", True),
    Verdict("false", "False", "❌", "Not accurate.", True),
    Verdict("pants-fire", "Pants on fire", "🔥", "Not accurate and a ridiculous claim.", True),
    Verdict("misleading", "Misleading", "⚠️", "Accurate facts used to give a false picture.", True),
    Verdict("unproven", "Unproven", "❓", "No evidence supports it; disputed.", False),
    Verdict("satire", "Satire", "🎭", "Humour or parody, not meant as fact.", False),
    Verdict("outdated", "Outdated", "🕰️", "Was accurate once, no longer.", False),
    Verdict("other", "Other", "ℹ️", "A rating that fits none of the above.", False),
)

BY_KEY: dict[str, Verdict] = {v.key: v for v in SCALE}

# Publisher words → scale key. Matched after folding case, accents and punctuation.
_SYNONYMS: dict[str, str] = {
    "true": "true",
    "correct": "true",
    "accurate": "true",
    "verified": "true",
    "mostly true": "mostly-true",
    "mostly correct": "mostly-true",
    "largely accurate": "mostly-true",
    "half true": "mixed",
    "half-true": "mixed",
    "mixture": "mixed",
    "mixed": "mixed",
    "partly true": "mixed",
    "partly false": "mixed",
    "partially true": "mixed",
    "partially false": "mixed",
    "barely true": "mostly-false",
    "mostly false": "mostly-false",
    "false": "false",
    "fake": "false",
    "incorrect": "false",
    "inaccurate": "false",
    "wrong": "false",
    "untrue": "false",
    "not true": "false",
    "hoax": "false",
    "pants on fire": "pants-fire",
    "pants fire": "pants-fire",
    "pants-fire": "pants-fire",
    "misleading": "misleading",
    "missing context": "misleading",
    "lacks context": "misleading",
    "cherry picks": "misleading",
    "distorts the facts": "misleading",
    "spins the facts": "misleading",
    "exaggerated": "misleading",
    "exaggerates": "misleading",
    "full flop": "other",
    "half flip": "other",
    "no flip": "other",
    "unproven": "unproven",
    "unsubstantiated": "unproven",
    "unsupported": "unproven",
    "no evidence": "unproven",
    "unverified": "unproven",
    "disputed": "unproven",
    "unsubstantiated and disputed": "unproven",
    "satire": "satire",
    "parody": "satire",
    "outdated": "outdated",
    "legend": "false",
    "scam": "false",
    "miscaptioned": "misleading",
    "misattributed": "false",
    "correct attribution": "true",
    "labeled satire": "satire",
}


def _fold(words: str) -> str:
    text = unicodedata.normalize("NFKD", words).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w-]+", " ", text).replace("_", " ").strip()


def normalise_rating(rating: str) -> str | None:
    """The scale key for a publisher's rating words, or None when they are not recognised."""
    folded = _fold(rating)
    if folded in BY_KEY:
        return folded
    if folded in _SYNONYMS:
        return _SYNONYMS[folded]
    spaced = folded.replace("-", " ")
    return _SYNONYMS.get(spaced)


def parse_verdict(text: str) -> Verdict | None:
    """A verdict from a key, a label or publisher words, as a moderator might type it."""
    folded = _fold(text)
    for verdict in SCALE:
        if folded in (verdict.key, _fold(verdict.label)):
            return verdict
    key = normalise_rating(text)
    return BY_KEY[key] if key else None


def get(key: str) -> Verdict:
    """The verdict for a scale key; unknown keys show as "other" rather than failing."""
    return BY_KEY.get(key, BY_KEY["other"])
