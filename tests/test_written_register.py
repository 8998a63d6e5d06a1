"""Claims asked in the formal and written register, with the built-in base: Burmese words of
the written language read as the spoken ones the claims' texts hold, its endings and words of
asking; Chinese asking clauses as reports write them; Russian officialese; English verbs of
saying of the register (docs/benchmarks.md, "Reading the written register")."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, pieces
from knowledge.matching import text as textlib
from knowledge.matching.doers import agents
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # "ပြောဆိုချက်" (the statement), "မှားယွင်း" (wrong), "ဖြစ်ပေါ်" (arise, for "ဖြစ်")
        (
            "၂၀၂၀ ရွေးကောက်ပွဲ မဲမသမာမှုကြောင့် ဆန္ဒပြမှုများ ဖြစ်ပေါ်လာသည်ဟူသော ပြောဆိုချက်သည် မှားယွင်းသည် မဟုတ်ပါလော။",
            "mm-election-fraud",
        ),
        # "တွေ့ဆုံမေးမြန်းခန်း" (an interview, as the setting's "အင်တာဗျူး"), "ရှိပါသလော"
        (
            "၂၀၂၁ ဇွန်လ တွေ့ဆုံမေးမြန်းခန်း၌ စစ်ခေါင်းဆောင်က ဆန္ဒပြမှုများသည် "
            "အကြမ်းဖက်မှုအဆင့်သို့ ရောက်ရှိသွားကြောင်း ဆိုခဲ့ခြင်းသည် မှန်ကန်မှု ရှိပါသလော။",
            "mm-protests-became-terrorism",
        ),
        # "该说法是否有依据" (has that statement a basis?): the question's "吗"
        (
            "据报道，缅甸军方称2021年政变后的示威活动已演变为恐怖主义。该说法是否有依据？",
            "mm-protests-became-terrorism",
        ),
        # "Соответствует ли это действительности?" (does it correspond to reality?)
        (
            "В интервью Sputnik старший генерал Мин Аунг Хлайн заявил, что протестующие "
            "нагнетают страх и целенаправленно портят образ правительства. Соответствует ли "
            "это действительности?",
            "mm-protesters-spread-fear",
        ),
        # "as stated by the commander-in-chief": who said it, no doer
        (
            "Please assess whether the post-coup demonstrations in Myanmar escalated into "
            "terrorism, as stated by the commander-in-chief.",
            "mm-protests-became-terrorism",
        ),
    ],
)
def test_the_written_register_answers(matcher: Matcher, question: str, claim_id: str) -> None:
    assert_answered(matcher, question, claim_id)


def test_a_written_word_is_the_claims_spoken_one() -> None:
    texts = ["အကြမ်းဖက်သူတွေဟာငွေအတွက်လုပ်ကြတာ"]
    assert pieces._held_as_spoken("ငွေကြေးအတွက်သာ", texts)  # money, for, only
    assert pieces._held_as_spoken("ပြုလုပ်ကြသည်", texts)  # do (written), they, (ending)
    # nothing of the written language in it: read as any piece
    assert not pieces._held_as_spoken("ဗုံးခွဲ", texts)


def test_the_written_endings_are_no_framing_where_syllables_are_weighed() -> None:
    assert pieces._unframed("ငွေကြေးအတွက်သာ") == "ငွေကြေး"
    # "only money" keeps its syllables where what a question shares is counted
    assert pieces.shared_syllables("ငွေကိုသာ ယူကြတာ", ["ငွေကိုသာ လက်ခံရယူကြသည်"]) >= 2
    # "ရှိ" (in, of a place) is no ending: typed in haste it ends "America"
    assert pieces._unframed("အမေရိက") != "အမေ"


def test_asking_as_reports_and_officials_write_it() -> None:
    asked = textlib.content_words(
        textlib.normalise("缅甸军方称示威已演变为恐怖主义。此说是否属实？")
    )
    assert asked == ["缅甸军方称示威已演变为恐怖主义吗"]
    russian = textlib.content_words("соответствует ли действительности просьба проверить")
    assert russian == []


def test_who_said_it_by_a_participle_of_saying_is_no_doer() -> None:
    assert agents("the protests escalated, as stated by the commander-in-chief") == ()
    assert agents("were the protesters paid by the west?") == ("west",)
