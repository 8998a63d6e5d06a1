"""How a Chinese text says "not" (knowledge.matching.chinese_negation): the negators that
negate, the words and questions that only hold one, and whether a negation bears on a claim."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.matching import chinese_negation as zh
from knowledge.matching import negation
from knowledge.matching import text as textlib

CLAIM = textlib.normalise("缅甸抗议者是收钱的恐怖分子吗")


@pytest.mark.parametrize(
    ("text", "negators"),
    [
        ("缅甸抗议者没有收钱", ["没有"]),
        ("缅甸抗议者并没有收钱，对吧", ["并没有"]),  # 并 strengthens it: one negation
        ("缅甸抗议者不是收钱的恐怖分子吧", ["不"]),  # are not…, right?
        ("缅甸2020年大选无舞弊", ["无"]),
        ("他们没法正常生活", ["没法"]),
        # A question asked by a verb and its negation: is it or not, has or has not.
        ("缅甸抗议的人是不是收了钱", []),
        ("缅甸抗议者有没有收钱", []),
        # Words that hold a negator and negate nothing: but, the future, to confiscate.
        ("不过他们收钱", []),
        ("缅甸的未来", []),
        ("军队没收了财产", []),
        # Rhetorical: "surely they took money?", "aren't they paid terrorists?"
        ("难道缅甸抗议者没有收钱吗", []),
        ("缅甸抗议者不是收钱的恐怖分子吗", []),
    ],
)
def test_the_negators_that_negate(text: str, negators: list[str]) -> None:
    normalised = textlib.normalise(text)
    assert [normalised[start:end] for start, end in zh.negations(normalised)] == negators


def test_a_negation_bears_on_a_claim_when_what_follows_it_is_in_the_claim() -> None:
    assert zh.negation_mismatch(textlib.normalise("缅甸抗议者根本沒有收錢"), CLAIM)
    assert zh.negation_mismatch(textlib.normalise("缅甸抗议者不是收钱的恐怖分子吧"), CLAIM)
    # The claim's own "not some political movement", said by the question too: no mismatch.
    said = textlib.normalise("在缅甸发动袭击的人只是为了钱，不是政治运动")
    assert not zh.negation_mismatch(textlib.normalise("搞袭击的人是为了钱,不是什么政治运动"), said)
    # "Nothing to do with the election": what 跟, 和 or 与 names before 没关系 / 无关.
    fraud = textlib.normalise("缅甸的抗议是因为选举舞弊吗")
    assert zh.negation_mismatch(textlib.normalise("缅甸抗议是因为经济太差,跟选举没关系"), fraud)
    assert zh.negation_mismatch(textlib.normalise("缅甸的抗议与选举舞弊无关"), fraud)
    assert not zh.negation_mismatch(textlib.normalise("缅甸抗议跟选举没关系"), CLAIM)
    # A negation of something the claim does not speak of ("not afraid to go out").
    assert not zh.negation_mismatch(textlib.normalise("缅甸抗议者收钱，人们不敢出门"), CLAIM)


def test_a_chinese_text_said_positively() -> None:
    assert zh.affirmed("缅甸的抗议者并没有收钱，对吧？") == "缅甸的抗议者收钱，对吧？"
    assert zh.affirmed("緬甸抗議者根本沒有收錢。") == "緬甸抗議者根本收錢。"  # traditional
    assert zh.affirmed("缅甸2020年大选无舞弊") == "缅甸2020年大选有舞弊"
    assert zh.affirmed("缅甸抗议的人是不是收了钱") == "缅甸抗议的人是不是收了钱"
    assert negation.affirmed("缅甸抗议者不是收钱的恐怖分子吧") == "缅甸抗议者是收钱的恐怖分子吧"


@given(st.text(alphabet=st.sampled_from("不没沒有是吗并非无未来过法钱收难道，。 ab"), max_size=40))
def test_any_text_reads_without_error_and_said_positively_only_loses_negators(text: str) -> None:
    spans = zh.negations(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))  # apart, in order
    said = zh.affirmed(text)
    assert len(said) <= len(text)
    assert said == text or spans
    zh.negation_mismatch(text, CLAIM)
