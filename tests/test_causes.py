"""A cause a Burmese question gives that the claim does not (knowledge.matching.causes)."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.messages import ReplyKind
from knowledge.matching import Matcher
from knowledge.matching.causes import another_cause, clauses
from knowledge.models import Decision
from tests.helpers import dm

# The checks' Burmese texts, as the built-in base words them
BECAME = (
    "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုအဆင့်ကို ရောက်သွားပြီလား",
    "ထို့နောက် ဆန္ဒပြမှုများသည် အကြမ်းဖက်မှု အဆင့်သို့ တိုးမြင့်လာခဲ့ပြီး ဤနေရာတွင် အခြားအကြောင်းရင်းများက အခန်းကဏ္ဍ ပါဝင်လာသည်။",
)
FEAR = ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား",)
PAID = ("ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",)
FRAUD = (
    "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား",
    "အစပိုင်းတွင် ဆန္ဒပြမှုများ ရှိခဲ့သည်။ အကြောင်းရင်းကို သင်တို့ သိပြီးဖြစ်သည် — ရွေးကောက်ပွဲ မဲလိမ်မှုကြောင့် ဖြစ်သည်။",
)


@pytest.mark.parametrize(
    ("question", "texts", "cause"),
    [
        # "did the terrorism come about because they wanted revenge?"
        ("အကြမ်းဖက်မှုတွေက လက်စားချေချင်လို့ ဖြစ်လာတာလား", BECAME, "လက်စားချေချင်"),
        # "… because Western countries incited it"
        (
            "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုဖြစ်လာတာ အနောက်နိုင်ငံတွေက လှုံ့ဆော်ပေးလို့ဆိုတာ မှန်လား",
            BECAME,
            "လှုံ့ဆော်ပေး",
        ),
        # "… because young people are out of work, they say"
        (
            "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်ဖြစ်လာတာ လူငယ်တွေ အလုပ်လက်မဲ့ ဖြစ်နေလို့တဲ့ မှန်လား",
            BECAME,
            "လူငယ်တွေ အလုပ်လက်မဲ့ ဖြစ်နေ",
        ),
        # "the protesters frighten people because of religious hatred"
        (
            "ဆန္ဒပြသူတွေ ပြည်သူကို ခြောက်လှန့်နေတာ ဘာသာရေး အမုန်းတရားကြောင့်ဆိုတာ မှန်လား",
            FEAR,
            "ဘာသာရေး အမုန်းတရား",
        ),
        # "the first protests came because of the coup": the check gives another cause
        ("အစပိုင်း ဆန္ဒပြပွဲတွေက အာဏာသိမ်းလို့ ဖြစ်ခဲ့တာ ဟုတ်လား", FRAUD, "အာဏာသိမ်း"),
        # "…that it is because of the coup: true?": a polite "…လို့ပါ" the sentence goes on after
        ("အစပိုင်း ဆန္ဒပြကြတာ အာဏာသိမ်းလို့ပါ ဆိုတာ မှန်လား", FRAUD, "အာဏာသိမ်း"),
    ],
)
def test_a_cause_the_claim_does_not_give_is_found(
    question: str, texts: tuple[str, ...], cause: str
) -> None:
    assert another_cause(question, texts) == cause


@pytest.mark.parametrize(
    ("question", "texts"),
    [
        # The claim's own cause in other words: "because the vote was stolen", "because there
        # was dishonesty in the vote"
        ("၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲခိုးလို့ ဆန္ဒပြပွဲတွေ စဖြစ်တာလား", FRAUD),
        ("ရွေးကောက်ပွဲမှာ မဲမသမာမှုရှိလို့ ဆန္ဒပြကြတာလို့ မင်းအောင်လှိုင်က ပြောတယ်", FRAUD),
        # The claim's cause denied for another: the claim, asked about
        (
            "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်တာ မရှိခဲ့ဘူး မဟုတ်လား။ လူတွေ ဆန္ဒပြတာက "
            "အာဏာသိမ်းလို့ပဲ၊ မဲလိမ်မှုကြောင့်ဆိုတဲ့ မင်းအောင်လှိုင် စကား မှားတယ်",
            FRAUD,
        ),
        # A cause the claim's words hold: "people took to the streets because they got money"
        ("ပြည်သူတွေ လမ်းပေါ်ထွက်တာ ပိုက်ဆံရလို့တဲ့ ဟုတ်လာဟ", PAID),
        # "cannot live normally": "လို့ မရ" says what one cannot do
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင်လုပ်ပြီး ပုံမှန်နေထိုင်လို့မရအောင် လုပ်နေတာလား", FEAR),
        # "said that…": "လို့" after a sentence's ending quotes
        ("ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်လို့ ပြောတာ မှန်လား", PAID),
        # Why the asker asks: "I ask because I want to know", "I'm asking because I'm upset"
        ("ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာ ဟုတ်မဟုတ် သိချင်လို့ပါ", FEAR),
        ("စိတ်ညစ်လို့ မေးတာပါ ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား", FEAR),
        # "… because an uncle shared this post, that's all. Did he really say it?": "because…"
        # closing its sentence
        ("ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာလား။ ဒီ post ကို ဦးလေးတစ်ယောက် share ထားလို့ပါ၊ မှန်လား", PAID),
        # "why…?" asks for a cause, gives none
        ("ဆန္ဒပြသူတွေ ဘာကြောင့် ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလဲ", FEAR),
        # "because of that": no word of content
        ("ဆန္ဒပြပွဲတွေ အဲဒါကြောင့် ဖြစ်ခဲ့တာလား", FRAUD),
    ],
)
def test_no_other_cause_is_read_where_none_is_given(question: str, texts: tuple[str, ...]) -> None:
    assert another_cause(question, texts) is None


@pytest.mark.parametrize(
    ("question", "texts", "cause"),
    [
        # Chinese: "do Myanmar protesters create fear because of religious hatred?"
        ("缅甸抗议者制造恐惧是因为宗教仇恨吗？", ("缅甸抗议者在当地民众中制造恐惧吗",), "宗教仇恨"),
        # … in traditional characters, the clause ending at a mark
        (
            "緬甸的抗議是因為報復才升級為恐怖主義的嗎？",
            ("缅甸的抗议活动升级为恐怖主义了吗",),
            "報復",
        ),
        # Russian: "did the protests in Myanmar turn into terrorism out of revenge?"
        (
            "Протесты в Мьянме переросли в терроризм из-за мести?",
            ("Протесты в Мьянме переросли в терроризм?",),
            "мести",
        ),
        # English: "… because young people have no jobs?"
        (
            "Did the Myanmar protests become terrorism because young people have no jobs?",
            ("Did the Myanmar protests turn into terrorism?",),
            "young people have no jobs",
        ),
    ],
)
def test_a_cause_is_found_in_chinese_russian_and_english(
    question: str, texts: tuple[str, ...], cause: str
) -> None:
    assert another_cause(question, texts) == cause


FRAUD_EVERYWHERE = (
    *FRAUD,
    "At first there were protests. You already know the reason — because of the election fraud.",
    "缅甸的抗议是因为选举舞弊吗",
    "Протесты в Мьянме начались из-за фальсификации выборов?",
)


@pytest.mark.parametrize(
    "question",
    [
        "缅甸的抗议是因为选举舞弊吗",  # the claim's own cause
        # Its own cause named beside another: the claim, doubted
        "緬甸一開始的抗議是因為 election fraud？不是因為政變嗎？",
        "protesty v Myanme nachalis' iz-za falsifikacii vyborov? ili iz-za perevorota?",
        "в мьянме на выборах были фальсификации, из-за этого люди вышли на улицы",
        "Myanmar protests started because the election was rigged?",
        # Why the asker asks, or who said it
        "Did the protests start over fraud? Asking because my uncle keeps sharing it",
        "Протесты начались из-за выборов? Мама верит, потому что по телеку так сказали",
    ],
)
def test_no_other_cause_is_read_in_other_languages_where_none_is_given(question: str) -> None:
    assert another_cause(question, FRAUD_EVERYWHERE) is None


def test_a_clause_stops_at_the_phrase_before_it() -> None:
    # Who the main verb's doer is ("…က") and a clause made a noun ("…တာ") are not the cause's
    assert list(clauses("အကြမ်းဖက်မှုတွေက လက်စားချေချင်လို့ ဖြစ်လာတာလား")) == ["လက်စားချေချင်"]
    # A sentence's end stops it too
    assert list(clauses("မှန်လား။ အဲဒါကြောင့် ဖြစ်တာ")) == ["အဲဒါ"]


def test_the_built_in_base_offers_not_answers_a_question_about_another_cause(
    matcher: Matcher,
) -> None:
    result = matcher.match("အကြမ်းဖက်မှုတွေက လက်စားချေချင်လို့ ဖြစ်လာတာလား")
    assert result.decision == Decision.SUGGEST
    assert result.matches[0].claim_id == "mm-protests-became-terrorism"
    assert result.matches[0].context is not None
    assert "လက်စားချေချင်" in result.matches[0].context.unread_names


def test_the_reply_names_the_cause_the_checks_do_not_give(bot: Core) -> None:
    reply = bot.handle(dm("အကြမ်းဖက်မှုတွေက လက်စားချေချင်လို့ ဖြစ်လာတာလား"))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert any("“လက်စားချေချင်”" in note for note in reply.notes)
