"""Telling a Burmese question's candidates apart by their words of content
(knowledge.matching.syllables), alone and in the matcher."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.syllables import Overlap, classes_named, content_grams
from knowledge.models import Decision

PAID = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"  # protesters paid to do terrorism?
BECAME = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှု ဖြစ်လာပြီလား"  # did the protests become terrorism?
FEAR = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"  # do protesters make people afraid?


def test_content_grams_are_words_of_content_and_their_pairs_of_syllables() -> None:
    grams = content_grams("ဆန္ဒပြသူတွေဟာ အကြမ်းဖက်သမားတွေ မဟုတ်ပါဘူး")
    # The lexicon's words of content, and the pairs of syllables inside each
    assert {"ဆန္ဒပြ", "အကြမ်းဖက်သမား", "အကြမ်း", "ကြမ်းဖက်"} <= grams
    # Grammar (the plural, the doer's marker, the polite negation) is no word of content
    assert not {"တွေ", "ဟာ", "ပါဘူး"} & grams
    # "terrorist" shares the pairs of "terrorism"
    assert {"အကြမ်း", "ကြမ်းဖက်"} <= content_grams("အကြမ်းဖက်မှု")


def test_english_words_in_a_burmese_text_are_read_by_their_first_letters() -> None:
    grams = content_grams("electon fraud ကြောင့် ဆန္ဒပြတာ the protests")
    assert {"~elect", "~fraud", "~prote"} <= grams
    assert "~the" not in grams  # a stopword, and too short


def test_the_candidate_sharing_the_word_that_sets_it_apart_is_closest() -> None:
    texts = {"paid": [("alias", PAID)], "became": [("alias", BECAME)], "fear": [("alias", FEAR)]}
    # "the protests later turned into terrorism": "protest" every candidate holds, "terrorism"
    # two; "became" one
    shares = Overlap("ဆန္ဒပြမှုတွေ နောက်ပိုင်း အကြမ်းဖက်မှု ဖြစ်လာတယ်", texts).shares()
    assert shares["became"] == 1.0
    assert shares["fear"] < shares["paid"] < 1.0
    # "protesters take money?": the paid check's word
    shares = Overlap("ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာ ဟုတ်လား", texts).shares()
    assert max(shares, key=lambda c: shares[c]) == "paid"


def test_a_word_of_a_closed_class_shares_it_with_another_of_its_words() -> None:
    """ "the bombers only do it for money": "ငွေ" (money) and "ဗုံးခွဲ" (bombing) share no
    syllable with the paid check's "ပိုက်ဆံ" and "အကြမ်းဖက်", but their classes, paying and
    attacking (syllables.classes_named)."""
    texts = {"paid": [("alias", PAID)], "became": [("alias", BECAME)], "fear": [("alias", FEAR)]}
    assert classes_named("ဗုံးခွဲတဲ့သူတွေက ငွေရလို့ပဲ လုပ်တာ") == {"§payment", "§attack"}
    assert classes_named(PAID) == {"§payment", "§attack", "§protest"}
    # "those who took to the streets": protesting too (predicates.PROTEST)
    assert classes_named("လမ်းထွက်တဲ့သူတွေ") == {"§protest"}
    shares = Overlap("ဗုံးခွဲတဲ့သူတွေက ငွေရလို့ပဲ လုပ်တာတဲ့", texts).shares()
    assert max(shares, key=lambda c: shares[c]) == "paid"
    assert classes_named("Were the protesters paid?") == frozenset()  # Burmese words only


def test_who_made_the_claim_tells_no_candidate_apart() -> None:
    name = "မင်းအောင်လှိုင်"
    texts = {
        "paid": [("alias", PAID), ("claimant", name)],
        "fear": [("alias", FEAR), ("translation", f"{name}က ပြောသည်")],
    }
    # Only the name is shared, with the translation of one: it is left out of the question
    assert Overlap(f"{name} ပြောတာ", texts).shares() == {}


def test_a_question_sharing_no_word_of_content_moves_nothing() -> None:
    texts = {"paid": [("alias", PAID)], "fear": [("alias", FEAR)]}
    assert Overlap("မင်္ဂလာပါ", texts).shares() == {}
    assert Overlap("hello there", texts).shares() == {}


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        # "I don't know where I read it, but the army chief said the protests later became
        # terrorism: did he really?" Characters alone put the paid check first, for the
        # protesters and the terrorism its alias shares.
        (
            "ဘယ်မှာဖတ်ခဲ့လဲတော့ မသိဘူး စစ်တပ်အကြီးအကဲက ဆန္ဒပြတာတွေ နောက်ပိုင်း အကြမ်းဖက်တာ ဖြစ်လာတယ်ပြောတာ တကယ်ပြောခဲ့တာလား",
            "mm-protests-became-terrorism",
        ),
        # "the first protests came because of election dishonesty, Min Aung Hlaing told Russian
        # media: is it so?" Offered after the terrorism check before; now answered
        (
            "ပထမဆုံး ဆန္ဒပြပွဲတွေ ဖြစ်ခဲ့တာ ရွေးကောက်ပွဲ မဲမသမာမှုကြောင့်လို့ မင်းအောင်လှိုင်က ရုရှားမီဒီယာကို ပြောခဲ့တာ ဟုတ်လား",
            "mm-election-fraud",
        ),
        # "protesters take money?", English mixed in: answered, not offered beside the fear check
        ("protesters တွေ ပိုက်ဆံယူတာ ဟုတ်လား? 🤨", "mm-protesters-paid"),
        # "the protesters deliberately ruin the government's image abroad, true?": words only
        # the fear check's Burmese translation holds (its aliases say "the nation's dignity")
        (
            "ဆန္ဒပြသူတွေကနိုင်ငံတကာမှာအစိုးရရဲ့ပုံရိပ်ကိုတမင်ဖျက်ဆီးနေတာတဲ့မှန်လား",
            "mm-protesters-spread-fear",
        ),
    ],
)
def test_the_built_in_base_puts_the_claim_sharing_the_telling_words_first(
    matcher: Matcher, question: str, claim: str
) -> None:
    result = matcher.match(question)
    assert result.decision in (Decision.ANSWER, Decision.SUGGEST)
    assert result.matches[0].claim_id == claim
