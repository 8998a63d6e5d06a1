"""A question in English or Russian that the claim's context holds every word of, and names
what the claim is about or who made it, is answered though the answer model is a little less
sure than it needs to be (knowledge.matching.decide.every_word_held): a short question echoes
little of a long claim, however plainly it asks it. One word the claim lacks (another deed,
another doer), a rival that holds every word as well, or a score too low, and it is offered,
as before (docs/benchmarks.md, "Every word the claim's")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.matching import Matcher
from knowledge.matching.context import Comparison
from knowledge.matching.decide import every_word_held
from knowledge.matching.result import Match
from knowledge.matching.settings import MatchSettings
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("myanmar protesters spreading fear?", "mm-protesters-spread-fear"),
        ("Was the 2020 vote in Myanmar fraudulent?", "mm-election-fraud"),
        (
            "min aung hlaing says the resistance are only in it for the money, not politics. true?",
            "mm-protesters-paid",
        ),
        ("Правда, что протестующие в Мьянме получают деньги?", "mm-protesters-paid"),
        ("Протесты в Мьянме из-за фальсификаций?", "mm-election-fraud"),
    ],
)
def test_a_question_the_claim_holds_every_word_of_is_answered(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        "Are the Myanmar protesters helping the local people?",  # another deed
        "Are monks leading the protests in Myanmar?",  # another doer, another deed
        "Are Myanmar's soldiers spreading fear?",  # another doer in the protesters' place
        "Протестующих в Мьянме арестовывают за распространение страха?",  # arrested for it
    ],
)
def test_a_word_the_claim_lacks_is_not_answered_by_its_words(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


def _match(claim_id: str, echoed: int, unshared: tuple[str, ...] = ()) -> Match:
    context = Comparison(
        foreign=(),
        other_number=False,
        anchored=True,
        speaker=False,
        has_anchors=True,
        cased=True,
        extra=False,
        echoed=echoed,
        unshared=unshared,
    )
    return Match(claim_id, 0.5, "a phrasing", context=context)


def test_every_word_held_needs_the_model_a_lead_in_words_and_a_score() -> None:
    settings = MatchSettings()
    best = _match("fear", 3)
    assert every_word_held(best, [best, _match("paid", 2)], settings, 0.86, 0.88)
    # the answer model off, or thinking it more likely wrong than right
    assert not every_word_held(best, [best], settings, None, 0.88)
    assert not every_word_held(best, [best], settings, 0.86, 0.0)
    assert not every_word_held(best, [best], settings, 0.4, 0.88)
    stricter = replace(settings, held_answer_confidence=0.9)
    assert not every_word_held(best, [best], stricter, 0.86, 0.88)
    # a rival holding every word as well, as many of them
    assert not every_word_held(best, [best, _match("paid", 3)], settings, 0.86, 0.88)
    # a word the claim lacks; too few of its words; a score below answer_threshold
    assert not every_word_held(_match("fear", 3, ("helping",)), [best], settings, 0.86, 0.88)
    assert not every_word_held(_match("fear", 1), [best], settings, 0.86, 0.88)
    low = Match("fear", 0.2, "a phrasing", context=best.context)
    assert not every_word_held(low, [low], settings, 0.86, 0.88)
