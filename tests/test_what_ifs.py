"""What-ifs, conditions and suppositions (near_misses_blind59.tsv, "A fifty-ninth blind probe:
what-ifs"): the words a supposition wraps a claim in ("Let's say…", "Suppose…", "если…",
"假如…", "…ဆိုပါစို့") say nothing of it, as "if" and "is it true that" do not."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.matching.saying import speakers_named
from knowledge.models import Decision
from tests.helpers import assert_answered


def test_lets_say_names_no_one_who_says() -> None:
    """ "Let's say…" reads as "Let says…" without it: a speaker the claim lacks."""
    question = "Let's say the general is right that the protesters were paid."
    assert speakers_named(question, frozenset({"let"}), frozenset()) == frozenset()


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "Let's say Min Aung Hlaing's claim that the protesters wreck the government's image "
            "abroad is true… is it though?",
            "mm-protesters-spread-fear",
        ),
        (
            "Suppose the general is right and the protests in Myanmar turned into terrorism — "
            "is there any proof?",
            "mm-protests-became-terrorism",
        ),
        (
            "если в мьянме в ноябре 2020 не было никаких фальсификаций, то против чего тогда "
            "протестовали?",
            "mm-election-fraud",
        ),
        (
            "ဆန္ဒပြသူတွေက နိုင်ငံတကာမှာ အစိုးရရဲ့ ပုံရိပ်ကို ဖျက်ဆီးနေတယ်ဆိုတဲ့ မင်းအောင်လှိုင်ရဲ့ စကား မှန်တယ် ဆိုပါစို့…",
            "mm-protesters-spread-fear",
        ),
    ],
)
def test_a_claim_reached_through_a_supposition_gets_its_check(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    "question",
    [
        "Suppose the Thai government is right and the 2020 youth protests turned into "
        "terrorism — is there any proof?",
        "Let's say Lukashenko is right that the opposition protesters were paid from abroad. "
        "Is there any evidence?",
        "Допустим, протестующим в Гонконге в 2019 году платили. Кто платил?",
        "假如香港示威者真的是收钱的，那钱是谁出的？",
        "ထိုင်းအစိုးရ ပြောသလို ၂၀၂၀ ကျောင်းသားဆန္ဒပြပွဲတွေ အကြမ်းဖက်ဝါဒ ဖြစ်သွားတယ် ဆိုပါစို့၊ သက်သေရှိလား",
    ],
)
def test_a_supposition_about_another_country_or_leader_is_no_answer(
    matcher: Matcher, question: str
) -> None:
    assert matcher.match(question).decision != Decision.ANSWER
