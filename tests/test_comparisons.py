"""A claim asked beside another country, leader or election, with the built-in base: the
clause that compares is an aside (knowledge.matching.context._without_comparisons), not
what the question asks; the same claim asked of the other one is never answered
(docs/benchmarks.md, "Comparisons are asides")."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.models import Decision
from tests.helpers import assert_answered


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        # Before the question, after a dash, a comma or a colon; and after it, not asking
        (
            "Same script as Belarus 2020 — was Myanmar's 2020 election really rigged?",
            "mm-election-fraud",
        ),
        (
            "like they said about hong kong, are the myanmar protesters just paid?",
            "mm-protesters-paid",
        ),
        (
            "did myanmar's protests really turn into terrorism like the junta says? "
            "feels like how china talks about xinjiang",
            "mm-protests-became-terrorism",
        ),
        (
            "как в Таиланде в 2014: военные говорят про нарушения на выборах и устраивают "
            "переворот. в Мьянме выборы 2020 были честными или нет?",
            "mm-election-fraud",
        ),
        ("跟白俄罗斯2020一个剧本——缅甸2020年大选真的舞弊了吗？", "mm-election-fraud"),
        (
            "缅甸的抗议真的升级成恐怖主义了吗？跟当年叙利亚阿萨德的说法好像",
            "mm-protests-became-terrorism",
        ),
        # "…or is it like Venezuela, each side with its own story?" (in traditional characters)
        ("緬甸大選舞弊是真的嗎？還是跟委內瑞拉那樣各說各話", "mm-election-fraud"),
        (
            "မာဒူရိုပြောသလိုပဲ အတိုက်အခံက ပြည်သူတွေကို ခြောက်လှန့်တယ်တဲ့၊ မြန်မာမှာ ဆန္ဒပြသူတွေ တကယ်ကြောက်အောင်လုပ်နေတာလား",
            "mm-protesters-spread-fear",
        ),
    ],
)
def test_a_comparison_beside_the_claim_is_an_aside(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        # The claim's place as the comparison, another one asked of
        "Like Myanmar, were Hong Kong's protesters paid?",
        "After Myanmar, was the 2020 Belarus election rigged as well?",
        "Hong Kong protesters were paid too, like in Myanmar, weren't they?",
        # What is left names only the claim's place: the comparison is the question
        "香港的示威者也是收钱的，跟缅甸一样吗？",
        # A clause that what follows completes is the sentence's own ("the Thai military say
        # the same as Min Aung Hlaing, that…"), and the speaker alone is no place
        "тайские военные говорят то же, что Мин Аун Хлайн, что протестующие сеют страх?",
        "Is Thailand's army saying the same as Min Aung Hlaing, that protesters cause fear?",
    ],
)
def test_the_claim_asked_of_another_one_is_not_answered(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
