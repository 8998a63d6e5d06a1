"""Claims retold second-hand (near_misses_blind61.tsv, "A sixty-first blind probe: retold"): a
retelling that grows a payment into a claim none of whose texts speaks of paying is another
claim, offered saying so."""

from __future__ import annotations

import pytest

from bot.core import Core
from bot.messages import ReplyKind
from knowledge.matching import Matcher
from knowledge.models import Decision
from tests.helpers import assert_answered, dm


@pytest.mark.parametrize(
    ("question", "claim_id", "word"),
    [
        ("Were Myanmar's election officials paid to commit fraud?", "mm-election-fraud", "paid"),
        (
            "A relative claims the Myanmar junta said foreign embassies were paying the "
            "protesters to bring about an international intervention. Is that accurate?",
            "mm-protests-became-terrorism",
            "paying",
        ),
    ],
)
def test_a_payment_none_of_the_claims_texts_holds_is_another_claim(
    matcher: Matcher, question: str, claim_id: str, word: str
) -> None:
    """Each was answered with the check its other words fit ("Unsubstantiated", "False")."""
    result = matcher.match(question)
    assert result.decision != Decision.ANSWER
    best = result.ranked[0]
    assert best.claim_id == claim_id and best.added == ("payment", word)


@pytest.mark.parametrize(
    ("question", "claim_id"),
    [
        ("Were the Myanmar protesters paid terrorists?", "mm-protesters-paid"),
        ("Did the protests in Myanmar start because of election fraud?", "mm-election-fraud"),
        # a long story's own payment is the asker's, not the claim's
        (
            "I'm an interpreter and last month I translated an interview with the Burmese "
            "general for a client. He says the protesters frighten the local population and "
            "intentionally smear the government abroad for their own benefit. It's not true "
            "that the protesters were the ones spreading fear, is it? Just curious, the job's "
            "done and paid.",
            "mm-protesters-spread-fear",
        ),
    ],
)
def test_a_payment_the_claim_speaks_of_or_a_storys_own_is_no_other_claim(
    matcher: Matcher, question: str, claim_id: str
) -> None:
    assert_answered(matcher, question, claim_id)


def test_the_offer_says_the_message_speaks_of_a_payment(bot: Core) -> None:
    reply = bot.handle(dm("Were Myanmar's election officials paid to commit fraud?"))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert any("speaks of a payment (“paid”)" in note for note in reply.notes), reply.notes
