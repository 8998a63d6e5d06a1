"""Claims asked about years later (near_misses_blind62.tsv, "A sixty-second blind probe:
looking back"): the year a claim was made, written as when it was said, is no year of what it
is about; a sentence ends after an acronym; a question opening "Looking back, was…" asks no
one whether they said something."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.context import read_words
from knowledge.matching.saying import asked_whether_said
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "Back in 2021 Min Aung Hlaing said the protests started because of election fraud. "
            "Was the fraud ever substantiated?",
            "mm-election-fraud",
        ),
        (
            "is the myanmar election fraud thing still considered unproven? the junta leader "
            "brought it up in his russia interview in 2021",
            "mm-election-fraud",
        ),
        (
            "В 2021 Мин Аунг Хлайн говорил, что протесты начались из-за фальсификации выборов. "
            "Фальсификации вообще были подтверждены?",
            "mm-election-fraud",
        ),
    ],
)
def test_the_year_the_claim_was_made_written_as_when_it_was_said_is_its_date(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    """Each was offered: 2021 read as the year of the election, whose claim names 2020."""
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        # the year qualifies what is asked about, beside the one who said it
        "Did Min Aung Hlaing say the 2021 coup happened because of election fraud?",
        "Was there fraud in the 2021 Myanmar election?",
        "Были ли фальсификации на выборах 2021 года в Мьянме?",
        "敏昂莱说2021年大选有舞弊，是真的吗？",
        # the same year beside who said it, and again as the election's
        "In 2021 Min Aung Hlaing said the 2021 election was rigged. Is that true?",
    ],
)
def test_a_year_qualifying_what_is_asked_about_is_still_another_year(
    matcher: Matcher, question: str
) -> None:
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    fraud = next(m for m in result.ranked if m.claim_id == "mm-election-fraud")
    assert "2021" in fraud.foreign


def test_a_sentence_ends_after_an_acronym_and_its_next_word_opens_it() -> None:
    words = read_words("Min Aung Hlaing said it on Russian TV. Looking back now, was it true?")
    assert "looking" not in words.names and "looking" in words.openers
    # an abbreviation's letters end no sentence
    assert "senate" in read_words("He told the U.S. Senate so").names


def test_a_question_opening_with_a_clause_asks_no_one_whether_they_said_it() -> None:
    assert asked_whether_said("Looking back, was the fraud claim ever verified?") == ()
    assert asked_whether_said("Избирательная комиссия заявляла, что фальсификаций не было?")
