"""The Burmese questions of the near-miss set, typed in Zawgyi: matched as they are (no
conversion) and after knowledge.matching.zawgyi converts them to Unicode, words only.

    .venv/bin/python -m benchmarks.zawgyi

Each question is converted to Zawgyi with python-myanmar's converter; a reworded claim (group
a) should be answered with its claim, a claim about something else (group b) never answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from unittest import mock

from myanmar import converter

from benchmarks.trust import NearMiss, read_near_misses
from knowledge.matching import Matcher, context, matcher, rerank, text
from knowledge.models import Decision
from knowledge.store import ClaimBase


def to_zawgyi(text: str) -> str:
    return str(converter.convert(text, "unicode", "zawgyi"))


def _clear_caches(words: Matcher) -> None:
    """The matcher caches what it worked out per text, and the results of questions asked
    before: forget them between two settings."""
    words.recent.clear()
    for module in (text, context, matcher, rerank):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@contextmanager
def without_conversion(words: Matcher) -> Iterator[None]:
    _clear_caches(words)
    with mock.patch("knowledge.matching.zawgyi.to_unicode", side_effect=lambda text: text):
        yield
    _clear_caches(words)


def measure(words: Matcher, questions: list[NearMiss]) -> dict[str, float]:
    """Right answers and mean score for group a; wrong answers for group b."""
    right = wrong_b = 0
    scores: list[float] = []
    reworded = [q for q in questions if q.group == "a"]
    for question in questions:
        result = words.match(question.text)
        answered = result.decision == Decision.ANSWER
        if question.group == "a":
            top = result.matches[0] if result.matches else None
            scores.append(top.score if top and top.claim_id == question.claim else 0.0)
            right += answered and top is not None and top.claim_id == question.claim
        else:
            wrong_b += answered
    return {
        "answered right (a)": right / len(reworded),
        "mean score of the right claim (a)": sum(scores) / len(scores),
        "answered, something else (b)": float(wrong_b),
    }


def main() -> None:
    burmese = [q for q in read_near_misses() if q.lang == "my"]
    zawgyi = [replace(q, text=to_zawgyi(q.text)) for q in burmese]
    words = Matcher(ClaimBase.open(":memory:"), semantic=None)
    with without_conversion(words):
        rows = {
            "Unicode": measure(words, burmese),
            "Zawgyi, not converted": measure(words, zawgyi),
        }
    rows["Zawgyi, converted"] = measure(words, zawgyi)
    print(f"{len(burmese)} Burmese questions ({sum(q.group == 'a' for q in burmese)} reworded)")
    for name, figures in rows.items():
        shown = ", ".join(f"{k}: {v:.2f}" for k, v in figures.items())
        print(f"{name:24} {shown}")


if __name__ == "__main__":
    main()
