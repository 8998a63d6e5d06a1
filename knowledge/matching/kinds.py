"""Another election of the same place: "local elections", "the party's internal elections",
"президентские выборы", "补选" (a by-election).

A question about an election the claim's texts do not name by its kind asks about another
election, as one naming another country or year does ("was there fraud in the NLD's internal
elections?" against "Was there election fraud in Myanmar?"). The kinds are a closed class of
words, as the stop words are: each makes an election another one than a country's general
election, and none is a way of naming that one ("general", "national", "parliamentary",
"November" are not kinds here; "union" is not, for Myanmar's Union Election Commission). A
body or office may stand between the kind and the election ("village administrator
elections", "student union elections"). The kind found, as the question writes it, is what
the reply says differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.matching import text as textlib

_ENGLISH = re.compile(
    r"\b(local|municipal|provincial|regional|internal|intra-party|party|primary|student"
    r"|village|mayoral|council|presidential|gubernatorial|midterm|runoff)"
    r"(?:\s+(?:union|council|committee|board|administrator|head|chief|tract|ward))?"
    r"\s+(?:elections?|polls?|votes?|ballots?)\b",
)
_PRIMARIES = re.compile(r"\bprimaries\b")
_RUSSIAN = re.compile(
    r"(?<!\w)(местн|муниципальн|внутрипартийн|партийн|президентск|губернаторск|региональн"
    r"|студенческ|дополнительн|сельск)\w*\s+выбор\w*",
)
_RUSSIAN_PRIMARIES = re.compile(r"(?<!\w)праймериз")
_CHINESE = re.compile(
    r"(地方|党内|市政|学生会|总统|村委会|村民委员会)(?:.{0,2})(?:选举|大选)|补选|初选"
)
# A word an election is named by, in some form: no election named, nothing to read.
_ELECTION_WORDS = ("elect", "poll", "vote", "ballot", "primar", "выбор", "праймериз", "选")


def another_election(question: str, subject: Iterable[str]) -> str | None:
    """The kind of election ``question`` names that none of the claim's ``subject`` texts (in
    any language) does, as the question writes it; None where it names none, or the claim's."""
    asked = textlib.normalise(question)
    if not any(w in asked for w in _ELECTION_WORDS):
        return None
    held = _held(tuple(subject))
    for pattern in (_ENGLISH, _PRIMARIES, _RUSSIAN, _RUSSIAN_PRIMARIES, _CHINESE):
        for found in pattern.finditer(asked):
            kind = (found.group(1) if found.groups() else None) or found.group()
            if kind not in held:
                return found.group()
    return None


@lru_cache(maxsize=1024)
def _held(subject: tuple[str, ...]) -> str:
    """The claim's texts, folded, joined: a kind they hold in any form is the claim's."""
    return " ".join(textlib.normalise(text) for text in subject)
