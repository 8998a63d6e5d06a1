"""Sarcasm, irony and rhetorical questions (near_misses_blind58.tsv, "A fifty-eighth blind probe:
sarcasm"): a question naming where the claim was made by that place's own name ("…is that what
he told Sputnik?") places the claim there, as naming its claimant does; chat's words of scorn
and laughter name nothing."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.context import ClaimContext
from knowledge.matching.names import NAME_TAGS, chinese_words
from knowledge.matching.pieces import small_latin
from knowledge.models import Decision
from tests.helpers import assert_answered

SPUTNIK = (
    "Interview with Russian state broadcaster Sputnik during his June 2021 visit to Russia for "
    "the Ninth Moscow Conference on International Security"
)


def test_where_a_claim_was_made_is_named_by_the_words_no_list_holds() -> None:
    """Not "russian" (a people), "june" (a month), "moscow" (a city), nor the ordinary words
    ("interview", "conference", "security")."""
    context = ClaimContext.of(["They just receive money."], [SPUTNIK], appearance=SPUTNIK)
    assert context.outlets == frozenset({"sputnik"})
    assert ClaimContext.of(["They just receive money."], [SPUTNIK]).outlets == frozenset()


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "ah yes the famous election fraud that nobody could ever prove. did he tell sputnik "
            "that's why the protests began?",
            "mm-election-fraud",
        ),
        (
            "«протесты переросли в стадию терроризма» 😂 это из интервью Спутнику? проверьте плз",
            "mm-protests-became-terrorism",
        ),
        (
            "In interview with Sputnik he say protests escalate to terrorism after. true or fake?",
            "mm-protests-became-terrorism",
        ),
    ],
)
def test_a_question_naming_where_the_claim_was_made_is_answered(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        # "Russian" is in the claim's setting, but names a people, no outlet
        "Were the Russian protesters paid?",
        "Did the general tell Sputnik the Thai protesters were paid?",
        "Did Lukashenko tell Sputnik the protesters were paid?",
        "Sputnik says the 2015 election in Myanmar was rigged, true?",
    ],
)
def test_the_outlet_beside_another_people_leader_or_year_is_no_answer(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER


def test_chat_words_shouted_are_no_names(matcher: Matcher) -> None:
    """ "BRO" in capitals is no acronym of something the claim lacks."""
    result = matcher.match(
        "They cause fear. bro. BRO. is this from the Sputnik interview thing? is any of it true"
    )
    best = result.ranked[0]
    assert best.claim_id == "mm-protesters-spread-fear"
    assert best.context is not None and not best.context.foreign


def test_chat_words_in_latin_letters_beside_burmese_are_ordinary(matcher: Matcher) -> None:
    assert "bro" in small_latin("bro, junta leader က protest တွေ ပြောတာ true လား")
    assert_answered(
        matcher,
        "bro, junta leader က protest တွေ start ဖြစ်တာ election fraud ကြောင့်ဆိုပြီး Russia မှာ "
        "ပြောတာ true လား? my friend",
        "mm-election-fraud",
    )


def test_burmese_laughter_is_no_piece_the_claim_lacks(matcher: Matcher) -> None:
    """ "ဟားဟား" (haha): before, read as a piece that may be a name."""
    result = matcher.match(
        'ဟားဟား အခုဆို လမ်းပေါ်က ပြည်သူတွေက "အကြမ်းဖက်သမား" ဖြစ်သွားပြီလား။ စပွတ်နစ်ကို အဲ့လိုပြောတာလား'
    )
    best = result.ranked[0]
    assert best.claim_id == "mm-protests-became-terrorism"
    assert best.context is not None and best.context.unread_names
    assert "ဟားဟား" not in best.context.unread_names


def test_the_outlet_in_burmese_script_is_where_the_claim_was_made(matcher: Matcher) -> None:
    """The Burmese translation's appearance writes "Sputnik" as Burmese does too ("စပွတ်နစ်"):
    a question writing it so names nothing the claim lacks."""
    assert_answered(
        matcher,
        "ဟုတ်ပါ့ဗျာ၊ ဆန္ဒပြသူတွေအားလုံး ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာပေါ့ 🙄 မအလ က စပွတ်နစ်ကို တကယ်ပြောခဲ့တာလား",
        "mm-protesters-paid",
    )


@pytest.mark.parametrize("word", ["真是太", "拉满", "老一套", "拜托", "大佬", "一贯"])
def test_everyday_words_of_scorn_jieba_tags_as_names_are_read_as_ordinary(word: str) -> None:
    """Really too…, to the full, the same old line, oh please, a big shot, as always
    (names.TAG_CORRECTIONS)."""
    [(_, tag, _)] = [w for w in chinese_words(f"{word}，缅甸抗议者是收钱的吗") if w[0] == word]
    assert not tag.startswith(NAME_TAGS)


def test_a_chinese_sneer_names_no_one(matcher: Matcher) -> None:
    assert_answered(
        matcher,
        "独裁者管反对者叫恐怖分子，真是太意外了呢。缅甸的抗议真的变成恐怖主义了吗？",
        "mm-protests-became-terrorism",
    )
