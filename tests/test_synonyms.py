"""Chinese words read in the candidate claims' words where the two are strict synonyms in
HIT's extended Tongyici Cilin (knowledge.matching.synonyms)."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, synonyms
from knowledge.models import Decision
from knowledge.store import ClaimBase

HELD = [
    "缅甸2020年大选存在舞弊吗",
    "缅甸抗议者是收钱的恐怖分子吗",
    "缅甸抗议者在当地民众中制造恐惧吗",
    "缅甸的抗议活动升级为恐怖主义了吗",
]


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("缅甸示威者拿钱了？", [("示威者", "抗议者")]),  # demonstrators: protesters
        ("缅甸大选有人作弊吗", [("作弊", "舞弊")]),  # cheating: fraud
        # in traditional characters; "老百姓" (the common people) of the class of the people
        # (predicates.PEOPLE), the claims' "民众"
        ("緬甸遊行者讓老百姓害怕嗎", [("游行者", "抗议者"), ("老百姓", "民众"), ("害怕", "恐惧")]),
        # A word the claims hold, or one no group of theirs holds, is read as written.
        ("缅甸抗议者收钱吗", []),
        ("缅甸士兵收钱吗", []),  # soldiers: no synonym of the protesters
        # Not a pronoun or an adverb: "自己" (oneself) is no "自身" of a claim's.
        ("选举委员会自己说有舞弊吗", []),
    ],
)
def test_a_synonym_is_read_as_the_claims_word(question: str, read: list[tuple[str, str]]) -> None:
    assert synonyms.corrections(question, HELD) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # taking to the streets, no synonym in Cilin: protesting, the class's word all the
        # claims' words of it hold ("抗议" of "抗议", "抗议者")
        ("缅甸上街的人是收钱的吗", [("上街", "抗议")]),
        # Not the classes of what is done or said: a bomb is no terror, "fair" no fraud.
        ("缅甸士兵扔炸弹了吗", []),
        ("缅甸选举公正吗", []),
    ],
)
def test_a_word_of_the_class_of_who_takes_part_is_read_as_the_claims_word(
    question: str, read: list[tuple[str, str]]
) -> None:
    assert synonyms.corrections(question, HELD) == read


def test_a_word_with_two_synonyms_among_the_claims_is_read_as_neither() -> None:
    # "害怕" (afraid) is a strict synonym of both "恐惧" (fear) and "畏惧" (dread).
    assert synonyms.corrections("抗议者让民众害怕吗", ["制造恐惧", "民众畏惧"]) == []


def test_the_table_holds_groups_of_the_same_meaning_only() -> None:
    table = synonyms.synonyms()
    assert "抗议者" in table.of("示威者")
    assert "士兵" not in table.of("示威者")
    assert all(len(word) >= 2 for word in table.of("舞弊"))
    assert table.of("不是一个词") == frozenset()


@pytest.fixture
def matcher(base: ClaimBase) -> Matcher:
    return Matcher(base)


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("缅甸示威者拿钱了？", "mm-protesters-paid"),  # did the demonstrators take money?
        ("缅甸示威者都是收钱的雇佣兵?", "mm-protesters-paid"),  # paid mercenaries
        ("缅甸示威者让居民恐慌，没法正常生活", "mm-protesters-spread-fear"),
        # "被雇佣" (hired) where the claim says "收钱" (take money): one class (predicates)
        ("军政府说缅甸示威者是被雇佣的恐怖分子，是真的吗", "mm-protesters-paid"),
        # who took to the streets (predicates.PROTEST): "上街" read as "抗议"
        ("缅甸示威后来变成恐怖主义了？", "mm-protests-became-terrorism"),
        (
            "家裡長輩群組轉發：緬甸軍方說上街的年輕人都是收錢的。請幫忙查證一下 🙏",
            "mm-protesters-paid",
        ),
    ],
)
def test_a_rewording_in_synonyms_is_answered(matcher: Matcher, question: str, claim: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == claim
    assert result.query == question  # the question as asked, not as read


@pytest.mark.parametrize(
    "question",
    [
        "泰国示威者拿钱了？",  # Thailand's demonstrators
        "缅甸士兵是收钱的恐怖分子吗",  # soldiers
        "缅甸选举委员会自己有没有说过2020年大选存在舞弊？",  # what the commission said
        "香港上街的人是收钱的吗？",  # those who took to the streets in Hong Kong
        # the police, as who did it (pieces.FORCES_ZH): a crackdown paid for, one become terror
        "缅甸警察镇压示威是收了钱才干的？",
        "緬甸警察的鎮壓已經升級到恐怖主義的程度了?",
    ],
)
def test_a_synonym_answers_nothing_else(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
