"""A long message telling the asker's own story around its question
(knowledge.matching.context.compare_in_scope): the places and names of the story are no part
of what is asked; those of what is asked still are."""

from __future__ import annotations

import pytest

from knowledge.matching import Matcher, context
from knowledge.models import Decision
from knowledge.store import ClaimBase

STORIES = [
    # A history student quoting the general for a paper: "…I'm a history student, I want to
    # quote it for a paper. Who checked this saying, and what did they find?"
    (
        "ဆန္ဒပြသူတွေက နိုင်ငံတကာမှာ အစိုးရ ဂုဏ်သိက္ခာကို တမင်ဖျက်ဆီးနေတယ်၊ သူတို့ "
        "အကျိုးစီးပွားအတွက် လုပ်နေတာလို့ မင်းအောင်လှိုင် ပြောတယ်ဆို။ ကျွန်တော် သမိုင်းဘာသာ "
        "ကျောင်းသားပါ၊ စာတမ်းအတွက် ကိုးကားချင်လို့ပါ။ ဒီစကားကို ဘယ်သူ စစ်ဆေးထားလဲ၊ ရလဒ်က ဘာလဲ။",
        "mm-protesters-spread-fear",
    ),
    # A news ticker: the markets closing lower are the screenshot's, not the question's
    (
        'ticker along the bottom of a news channel screenshot: ...MIN AUNG HLAING: ATTACKERS "JUST '
        'RECEIVE MONEY", NOT A POLITICAL MOVEMENT... ASIAN MARKETS CLOSE LOWER... — did he say '
        "that in the russia interview?",
        "mm-protesters-paid",
    ),
]


@pytest.mark.parametrize(("message", "claim_id"), STORIES)
def test_the_story_around_a_question_names_nothing_it_asks(
    matcher: Matcher, message: str, claim_id: str
) -> None:
    result = matcher.match(message)
    assert result.decision == Decision.ANSWER
    assert result.matches[0].claim_id == claim_id


@pytest.mark.parametrize(("message", "claim_id"), STORIES)
def test_read_whole_the_story_names_something_else(
    monkeypatch: pytest.MonkeyPatch, message: str, claim_id: str
) -> None:
    """Read as one (no message tells a story), the same messages are offered at most: the
    story's names are what kept them from an answer."""
    monkeypatch.setattr(context, "STORY_SENTENCES", 1_000)
    whole = Matcher(ClaimBase.open(":memory:"), semantic=None)
    assert whole.match(message).decision != Decision.ANSWER


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
