"""Burmese questions that say how the asker heard the claim (near_misses_blind68.tsv and
near_misses_blind69.tsv, docs/benchmarks.md, "Burmese: how the asker heard it"): what they were
doing ("…ရင်း", while…), who told them with the telling later in the message, and everything
before the first word of telling, are the asker's, not the claim's; a place, a doer or the
claim's own words there are read as before."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # an older brother says those people fight because they get money
        ("ကိုကြီးက ပြောတယ် ဟိုလူတွေ ပိုက်ဆံရလို့ တိုက်နေတာတဲ့ 🙄 တကယ်လား ဟ", "mm-protesters-paid"),
        # waiting in the queue at the clinic, someone said the protests turned to terror attacks
        (
            "ဆေးခန်းမှာ တန်းစီစောင့်နေတုန်း တစ်ယောက်က ပြောတယ် ဆန္ဒပြပွဲတွေ ငြိမ်းချမ်းတာမဟုတ်ဘူး "
            "၂၀၂၁ နှစ်လယ်လောက်ကစပြီး အကြမ်းဖက်တိုက်ခိုက်မှုတွေ ဖြစ်လာတာတဲ့။ ဟုတ်လား",
            "mm-protests-became-terrorism",
        ),
        # a monk said at a sermon (the verb of saying last) that people are afraid
        (
            "ဆရာတော်တစ်ပါးက တရားပွဲမှာ ဆန္ဒပြသူတွေကြောင့် ပြည်သူတွေ ထိတ်လန့်နေရတာလို့ မိန့်တယ်။ "
            "စစ်ခေါင်းဆောင်လည်း အဲ့လိုပြောတယ်။ မှန်ပါသလား",
            "mm-protesters-spread-fear",
        ),
    ],
)
def test_how_the_asker_heard_it_is_no_name_the_claim_lacks(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        # picking up the child, a parent said Hong Kong's protesters took money: another place
        "ကလေးကျောင်းကြိုရင်း မိဘတစ်ယောက်က ပြောတယ် ဟောင်ကောင်ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာတဲ့ ဟုတ်လား",
        # monks took money to protest, they say: monks are the doers, not who told it
        "ဘုန်းကြီးတွေက ပိုက်ဆံယူပြီး ဆန္ဒပြတယ်လို့ ပြောတယ် ဟုတ်လား",
        # while protesting against the dam, they took money: another protest
        "မြစ်ဆုံဆည်ကို ကန့်ကွက်ပြီး ဆန္ဒပြရင်း ပိုက်ဆံယူတယ်လို့ ဦးလေးက ပြောတယ် ဟုတ်လား",
    ],
)
def test_a_place_a_doer_or_another_protest_is_still_read(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
