"""A long message telling the asker's own story around its question
(knowledge.matching.context.compare_in_scope): the places and names of the story are no part
of what is asked; those of what is asked still are."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher
from knowledge.models import Decision
from knowledge.store import ClaimBase


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(ClaimBase.open(":memory:"), semantic=None)


@pytest.mark.parametrize(
    "message",
    [
        "I run a small grocery in Jersey City and a lot of my customers are Burmese. One of "
        "them showed me a post saying the Myanmar protesters blowing things up only do it "
        "because someone pays them, and that it's not a political thing. Is it true that "
        "they're just paid?",
        "Я работаю в Новосибирске. Жена у меня из Янгона. Правда ли, что протестующих в Мьянме "
        "просто купили и им платят за теракты?",
    ],
)
def test_the_story_around_a_question_names_nothing_it_asks(matcher: Matcher, message: str) -> None:
    result = matcher.match(message)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == "mm-protesters-paid"


@pytest.mark.parametrize(
    "message",
    [
        # The other country is in what is asked
        "I work in Jersey City. My customers are from Myanmar. Were the Thai protesters paid "
        "terrorists?",
        # The question points back to the story's place ("there"), or only names the claim's
        # place in a sentence of its own
        "My cousin lives in Hong Kong. She told me about the protests there. Were the "
        "protesters paid, like the Myanmar general said?",
        "My cousin lives in Hong Kong. She follows the news from Myanmar closely. Were the "
        "protesters there paid?",
        "Моя сестра живёт в Минске. Она рассказывала про протесты там. Протестующим платили, "
        "как говорит генерал Мьянмы?",
    ],
)
def test_a_place_the_question_needs_stays_named(matcher: Matcher, message: str) -> None:
    result = matcher.match(message)
    assert result.decision != Decision.ANSWER
    assert result.ranked and result.ranked[0].speaks_of_another
