"""Chinese typed by sound: a character read like the right one, read as the word it was meant
for where a candidate claim holds that word (knowledge.matching.homophones)."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, homophones
from knowledge.models import Decision
from knowledge.store import ClaimBase

HELD = [
    "缅甸2020年大选存在舞弊吗",
    "缅甸抗议者是收钱的恐怖分子吗",
    "缅甸的抗议活动升级为恐怖主义了吗",
    "缅甸军政府领导人",
]
SPEAKER = "敏昂莱"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2020年缅甸大选真的有选举午弊吗", [("午弊", "舞弊")]),  # wǔ: 午 for 舞
        ("缅甸选举舞鼻才引发抗议", [("舞鼻", "舞弊")]),  # bí and bì: tones aside
        ("抗议升级到恐布主义阶段", [("恐布主义", "恐怖主义")]),  # the longest word first
        ("缅甸军正府说抗议的人是被收钱的", [("军正府", "军政府")]),
        ("敏昂来说抗议的人都是拿钱办事的", [("敏昂来", "敏昂莱")]),  # the speaker's name
        ("缅甸抗义升级了？这个说法靠普吗", [("抗义", "抗议"), ("靠普", "靠谱")]),
    ],
)
def test_a_word_typed_by_sound_is_read_as_the_claims_word(
    typed: str, meant: list[tuple[str, str]]
) -> None:
    found = homophones.corrections(typed, HELD, [SPEAKER])
    assert found == meant
    assert all(right in homophones.corrected(typed, found) for _, right in meant)


@pytest.mark.parametrize(
    "question",
    [
        "缅甸2020年大选存在舞弊吗",  # the claim's own words
        "俄罗斯说缅甸抗议者是收钱的",  # no word of the claims sounds like 俄罗斯
        "索罗斯给缅甸抗议者钱了吗",  # Soros: 索 (suo) does not sound like 俄 (e)
        "那些人来说抗议",  # "来说" is a word of its own, whatever it sounds like
        "缅甸抗议者是收钱的恐怖分子吗",
    ],
)
def test_words_the_dictionary_or_the_claims_hold_are_read_as_written(question: str) -> None:
    assert homophones.corrections(question, HELD, [SPEAKER]) == []


def test_a_word_that_sounds_like_two_of_the_claims_is_read_as_neither() -> None:
    # 事, 世 and 势 are all read shi: "局事" could be either word (a name "局世" held too).
    assert homophones.corrections("缅甸局事怎么样", ["局势紧张", "局世"], ["局世"]) == []
    assert homophones.corrections("缅甸局事怎么样", ["局势紧张"], []) == [("局事", "局势")]


def test_readings_ignore_tones_and_keep_the_umlaut() -> None:
    assert homophones.alike("午", "舞") and homophones.alike("正", "政")
    assert homophones.alike("鼻", "弊")  # bí, bì
    assert not homophones.alike("女", "怒")  # nǚ is no nù
    assert homophones.readings("a") == frozenset()


@pytest.fixture
def matcher(base: ClaimBase) -> Matcher:
    return Matcher(base)


@pytest.mark.parametrize(
    "question",
    [
        "2020年缅甸大选真的有选举午弊吗？军方一直这么说",
        "缅甸2020年11月的选举真的有午弊吗？军方说的是真的？",
    ],
)
def test_a_rewording_typed_by_sound_is_answered(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == "mm-election-fraud"
    assert result.query == question  # the question as asked, not as read


@pytest.mark.parametrize(
    "question",
    [
        "2015年缅甸大选真的有选举午弊吗？",  # another election
        "泰国大选真的有选举午弊吗？",  # another country
        "缅甸军人是收前的恐布分子吗",  # soldiers, not protesters
    ],
)
def test_what_differs_still_differs_once_read_as_meant(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
