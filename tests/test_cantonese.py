"""Written Cantonese read as Mandarin (knowledge.matching.cantonese): its grammar words put as
Mandarin's before the text is simplified, so that a Hong Kong question is matched as its
Mandarin would be."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, cantonese
from knowledge.matching import text as textlib
from knowledge.matching.cantonese import as_mandarin
from knowledge.models import Decision
from knowledge.store import ClaimBase


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("緬甸啲示威者係咪收咗錢㗎?", "緬甸那些示威者是不是收了錢?"),
        ("佢哋話抗議升級咗", "他們說抗議升級了"),  # they say the protests escalated
        ("唔係乜嘢政治運動", "不是什麼政治運動"),  # no political movement of any kind
        ("有冇證據喺度?", "有沒有證據在這裡?"),
        ("真的咩?", "真的嗎?"),  # really?
    ],
)
def test_grammar_words_are_put_as_mandarins(cantonese: str, mandarin: str) -> None:
    assert as_mandarin(cantonese) == mandarin


@pytest.mark.parametrize(
    "text",
    [
        "兩國關係很好",  # "係" of "關係" (relation) is no "is"
        "他打電話來說了實話",  # "話" of "電話" (telephone), "實話" (the truth): no "says"
        "這話是真的嗎",  # "this remark": no "says"
        "缅甸抗议者是收钱的恐怖分子吗",  # Mandarin, simplified: nothing to put
    ],
)
def test_the_written_languages_words_are_kept(text: str) -> None:
    assert as_mandarin(text) == text


def test_a_cantonese_question_is_normalised_as_its_mandarin() -> None:
    assert textlib.normalise("佢哋係咪收咗錢?") == textlib.normalise("他們是不是收了錢?")


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        # are the Myanmar demonstrators paid before they go to attack?
        ("緬甸啲示威者係咪收咗錢先去搞襲擊㗎?", "mm-protesters-paid"),
        # they say the protests in Myanmar escalated into terrorism: is it true?
        ("佢哋話緬甸嘅抗議升級咗做恐怖主義,係唔係真㗎?", "mm-protests-became-terrorism"),
    ],
)
def test_a_cantonese_rewording_is_answered(matcher: Matcher, question: str, claim: str) -> None:
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, question
    assert result.matches[0].claim_id == claim


def test_a_cantonese_question_about_another_place_is_not_answered(matcher: Matcher) -> None:
    # Hong Kong's demonstrators, paid: the place the claim's context lacks is read as before.
    result = matcher.match("香港啲示威者係咪收咗錢先去搞襲擊㗎?")
    assert result.decision != Decision.ANSWER


def test_without_the_reading_the_cantonese_rewording_is_not_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What the reading adds: jieba joins the grammar words to the words beside them, and the
    # characters score the question too low to answer. (Texts read are remembered: a question
    # no other test asks, normalised texts forgotten before and after.)
    question = "佢哋話緬甸嘅示威升級咗做恐怖主義,係咪真㗎?"
    monkeypatch.setattr(cantonese, "as_mandarin", lambda text: text)
    textlib.normalise.cache_clear()
    try:
        without = Matcher(ClaimBase.open(":memory:"), semantic=None).match(question)
    finally:
        textlib.normalise.cache_clear()
    assert without.decision == Decision.SUGGEST
    monkeypatch.undo()
    read = Matcher(ClaimBase.open(":memory:"), semantic=None).match(question)
    assert read.decision == Decision.ANSWER
