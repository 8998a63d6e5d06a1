"""Asked with personal stakes (near_misses_blind60.tsv, "A sixtieth blind probe: personal
stakes"): the story around a question gives people's ages, which are no numbers of what the
claim is about."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.numbers import ages
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("my son, 18 years old, voted for the first time", {"18"}),
        ("a debate class for 16 year olds", {"16"}),
        ("my 18-year-old son", {"18"}),
        ("aged 80", {"80"}),
        ("Дедушка в 80 лет впервые проголосовал в 2020", {"80"}),
        ("в возрасте 18 лет", {"18"}),
        ("18-летний сын", {"18"}),
        ("我外公80岁了", {"80"}),
        ("八十岁的爷爷", {"80"}),
        ("အသက် ၁၈ နှစ်", {"18"}),
        # how long something lasted, a year, a sum: no age
        ("в 2020 году", set()),
        ("за 5 лет", set()),
        ("protests for 5 years", set()),
        ("paid 5,000 kyat", set()),
    ],
)
def test_a_persons_age_is_read_as_one(text: str, found: set[str]) -> None:
    assert ages(text) == found


def test_an_age_in_the_story_is_no_other_number(matcher: Matcher) -> None:
    """ "我兒子18歲" (my son is 18): before, "18" was a number the claim lacks."""
    assert_answered(
        matcher,
        "我兒子18歲，2020年第一次投票，三個月後就上街抗議了。緬甸軍方說抗議是因為選舉舞弊，有證據嗎？",
        "mm-election-fraud",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Were the Myanmar protesters paid 5,000 kyat a day?",
        "My son is 18 years old. Was the 2015 election in Myanmar rigged?",
    ],
)
def test_other_numbers_and_years_still_make_another_claim(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
