"""Claims asked about from Myanmar's towns and regions (near_misses_blind63.tsv, "A sixty-third
blind probe: from the towns"): a place only the claim's setting names, written as where the
claim was made, is no other place the question is about; nor is the place a message says it is
sent from."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.messages import ReplyKind
from knowledge.matching import Matcher
from knowledge.matching.saying import whereabouts
from tests.helpers import assert_answered, dm


@pytest.mark.parametrize(
    "question",
    [
        "did the demonstrations really escalate to the stage of terrorism like the general "
        "claimed in Russia?",
        "Protesters are take money is true? General said in Russia interview",
        "ဗိုလ်ချုပ်ကြီးက ရုရှားမှာ ပြောခဲ့တာ ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်ဆိုတာ ဟုတ်လား",
        "将军在俄罗斯说抗议者都是收钱的，是真的吗",
    ],
)
def test_the_place_the_claim_was_made_in_written_as_where_it_was_said_is_no_other_place(
    matcher: Matcher, question: str
) -> None:
    """Russia (where the interview was given) was read as the place the question is about."""
    best = matcher.match(question).ranked[0]
    assert not any(name in ("Russia", "ရုရှား", "俄罗斯") for name in best.foreign), best.foreign


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Putin said the protesters in Russia are paid. Is it true?", "Russia"),
        ("Was there election fraud in Russia?", "Russia"),
        ("有人说俄罗斯的抗议者都是收钱的，是真的吗", "俄罗斯"),
        ("ရုရှားမှာ မဲပေးပွဲတွေ လိမ်တယ်ဆိုတာ ဟုတ်လား", "ရုရှား"),
        ("В России на выборах голоса подкручивают?", "России"),
    ],
)
def test_the_same_place_as_what_the_question_is_about_is_another_place(
    matcher: Matcher, question: str, place: str
) -> None:
    result = matcher.match(question)
    assert place in result.ranked[0].foreign


def test_the_offer_does_not_say_the_checks_lack_where_they_were_made(bot: Core) -> None:
    reply = bot.handle(
        dm(
            "did the demonstrations really escalate to the stage of terrorism like the "
            "general claimed in Russia?"
        )
    )
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert not any("Russia" in note for note in reply.notes), reply.notes


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        (
            "Is it true that the protests in Myanmar started because of election fraud? Asking "
            "from Kuala Lumpur, Myanmar worker here",
            "mm-election-fraud",
        ),
        (
            "From Taunggyi: Min Aung Hlaing said protesters are deliberately ruining the "
            "government's image abroad for their own interests. True?",
            "mm-protesters-spread-fear",
        ),
        (
            "Из Чиангмая: подтвердилось ли заявление Мин Аун Хлайна о фальсификации выборов "
            "2020 года? Он сказал, что всё из-за этого",
            "mm-election-fraud",
        ),
    ],
)
def test_where_a_message_is_sent_from_is_the_writers_place_not_the_claims(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    """Each was offered, the town or city read as a place the claim lacks."""
    assert_answered(matcher, question, claim_id)


@pytest.mark.parametrize(
    ("question", "names", "sent_from"),
    [
        ("asking from Pyay: is it true?", frozenset({"pyay"}), {"pyay"}),
        ("спрашиваю из Пьи, это правда?", frozenset({"пьи"}), {"пьи"}),
        ("From Chiang Mai: did he say so?", frozenset({"chiang", "mai"}), {"chiang mai"}),
        # a range, no place the message is sent from
        ("From Hong Kong to Myanmar, are protesters paid?", frozenset({"hong", "kong"}), set()),
    ],
)
def test_the_place_a_message_is_sent_from_is_read_only_so(
    question: str, names: frozenset[str], sent_from: set[str]
) -> None:
    found = whereabouts(question, names)
    assert sent_from <= found if sent_from else not found, found
