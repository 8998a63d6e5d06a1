"""Settling an argument (near_misses_blind71.tsv, "A seventy-first blind probe: settling an
argument"): people bet on who is right, and the stake is their story, not a number of what
the claim is about; "one says…, another says…" names no speaker."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.numbers import stakes
from knowledge.matching.persons import stands_for_someone
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bet my friend 100 baht that they were paid", {"100"}),
        ("bet 200 baht with my friend: he says so. who gets the 200", {"200"}),
        ("I bet him $50 it never happened", {"50"}),
        ("betting 20 bucks on it", {"20"}),
        ("поспорил с другом на 1000 рублей. он говорит", {"1000"}),
        ("поспорили на 500 рублей, кому 500?", {"500"}),
        ("跟朋友打赌100泰铢，他说", {"100"}),
        ("跟朋友赌了200块，他说", {"200"}),
        # a number that is no sum of money, or no bet: no stake
        ("I bet the 2015 election was rigged", set()),
        ("bet my friend that 2020 was stolen", set()),
        ("they were paid 5,000 kyat a day", set()),
        ("поспорил с другом. в 2020 году выборы были честными", set()),
    ],
)
def test_a_bets_stake_is_read_as_one(text: str, found: set[str]) -> None:
    assert stakes(text) == found


def test_a_stake_in_the_story_is_no_other_number(matcher: Matcher) -> None:
    """ "跟朋友打赌100泰铢" (I bet a friend 100 baht): before, "100" was a number the claim
    lacks, and "100泰铢" a name."""
    assert_answered(
        matcher,
        "跟朋友打赌100泰铢，他说缅甸那些搞袭击的都是拿钱办事的，根本不是什么政治运动。我说不可能。谁赢？",
        "mm-protesters-paid",
    )


@pytest.mark.parametrize(
    "question",
    [
        "跟朋友打赌100泰铢，他说香港那些搞袭击的都是拿钱办事的，根本不是什么政治运动。谁赢？",
        "I bet my friend 100 baht that the 2015 election in Myanmar was rigged. Who wins?",
        "Bet my friend 100 baht: he says the Myanmar protesters were paid 5,000 kyat a day. Who "
        "wins?",
        "поспорил с другом на 1000 рублей: он говорит, что протестующим в Мьянме платили по 500 "
        "долларов. Кто прав?",
    ],
)
def test_another_place_year_or_sum_beside_a_stake_is_still_another_claim(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    ("word", "stands"),
    [
        ("один", True),  # one
        ("второй", True),  # the second (the dictionary has a noun "вторая" too, in no nominative)
        ("некоторые", True),  # some
        ("кто-то", True),  # someone
        ("остальные", True),  # the others
        ("another", True),
        ("someone", True),
        ("сосед", False),  # a neighbour: a word for people, read apart (persons.person_noun)
        ("путин", False),
        ("хлайн", False),
        ("biden", False),
    ],
)
def test_a_word_standing_for_someone_names_no_one(word: str, stands: bool) -> None:
    assert stands_for_someone(word) is stands


@pytest.mark.parametrize(
    "question",
    [
        "Один говорит, что протестующим в Мьянме платят. Это правда?",
        "Некоторые говорят, что протестующим в Мьянме платят. Это правда?",
        "Another says the protesters in Myanmar are paid. Is it true?",
    ],
)
def test_one_side_of_an_argument_is_no_other_speaker(matcher: Matcher, question: str) -> None:
    """ "Один говорит…" (one says…): before, "Один" was read as the name of another speaker."""
    assert_answered(matcher, question, "mm-protesters-paid")


@pytest.mark.parametrize(
    "question",
    [
        "Путин говорит, что протестующим в Мьянме платят. Это правда?",
        "Biden says the protesters in Myanmar are paid. Is it true?",
    ],
)
def test_a_named_speaker_is_still_another(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


@pytest.mark.parametrize(
    "text",
    [
        "I bet the USDP in 2015 won by fraud",  # a year, before a word that is also a currency
        "I bet the US 2016 election was rigged",  # a year after a country's initials
        "bet 100 france is next",  # no money: "franc" is a whole word
    ],
)
def test_a_year_or_a_word_that_is_no_money_is_no_stake(text: str) -> None:
    assert stakes(text) == frozenset()
