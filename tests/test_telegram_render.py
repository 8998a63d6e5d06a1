"""Telegram HTML rendering: verdict cards, escaping, suggestion buttons, message splitting."""

from __future__ import annotations

import html
import os
import re

os.environ.setdefault("PTB_TIMEDELTA", "1")

from hypothesis import given
from hypothesis import strategies as st

from adapters.telegram_render import (
    MAX_MESSAGE,
    MAX_PARTS,
    SHORTENED,
    esc,
    inline_results,
    link,
    render_card,
    render_reply,
    reply_keyboard,
    split_message,
)
from bot.messages import ClaimView, Decision, Reply, ReplyKind, SourceView
from tests.fakes.telegram_api import html_problem


def claim_view(**overrides: object) -> ClaimView:
    fields: dict[str, object] = {
        "id": "c-5g",
        "claim": "5G towers spread the coronavirus.",
        "claimant": "Viral Facebook post",
        "claim_date": "2020-03-20",
        "appearance": None,
        "verdict": "false",
        "verdict_label": "False",
        "rating": "Pants on Fire",
        "summary": "Radio waves cannot carry a virus.\n\nThe first outbreaks had no 5G.",
        "review_url": "https://example.org/fact-check/5g",
        "review_date": "2020-03-25",
        "publisher": "PolitiFact",
        "sources": (
            SourceView("WHO", "Mythbusters", "https://who.int/myth", "2020-04-01", "refutes"),
        ),
        "score": 0.93,
    }
    fields.update(overrides)
    return ClaimView(**fields)  # type: ignore[arg-type]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def visible(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", html_text))


def assert_balanced(html_text: str) -> None:
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-z]+)[^>]*>", html_text):
        if closing:
            assert stack and stack.pop() == name, html_text
        else:
            stack.append(name)
    assert not stack, html_text
    assert html_problem(html_text) is None  # and Telegram's parser (the fake's) agrees
    # no raw angle brackets or bare ampersands outside tags and entities
    outside = re.sub(r"<[^>]*>", "", html_text)
    assert "<" not in outside and ">" not in outside
    assert not re.search(r"&(?!(amp|lt|gt|quot|#x27);)", outside)


def test_card_starts_with_the_verdict_and_shows_claim_claimant_summary_sources() -> None:
    [message] = render_card(claim_view())
    lines = message.split("\n")
    assert lines[0].startswith("<b>❌ FALSE</b>")
    assert "Rated “Pants on Fire” by PolitiFact" in lines[0]
    assert lines[1] == "<b>Claim:</b> <i>5G towers spread the coronavirus.</i>"
    assert lines[2] == "— Viral Facebook post, 20 March 2020"
    assert "Radio waves cannot carry a virus." in message
    assert '• <a href="https://who.int/myth">Mythbusters</a> — WHO, 1 April 2020' in message
    assert 'Fact-check: <a href="https://example.org/fact-check/5g">PolitiFact</a>' in message
    assert message.index("Claim:") < message.index("Radio waves") < message.index("Sources")
    assert_balanced(message)


def test_rating_is_not_repeated_when_it_equals_the_label() -> None:
    [message] = render_card(claim_view(rating="false"))
    assert message.split("\n")[0] == "<b>❌ FALSE</b>"


def test_claim_text_with_html_and_entities_is_escaped() -> None:
    evil = claim_view(
        claim='<b>bold</b> & <a href="javascript:alert(1)">x</a> &amp;',
        claimant="<script>",
        claimant_role="</i><b>junta</b>",
        summary="1 < 2 && 3 > 2",
        sources=(SourceView("P&G", "A <title>", 'https://x.org/?a=1&b="2"', None),),
        review_url="javascript:alert(1)",
    )
    [message] = render_card(evil)
    assert_balanced(message)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=" in message
    assert "&amp;amp;" in message
    assert "&lt;script&gt; (&lt;/i&gt;&lt;b&gt;junta&lt;/b&gt;)" in message
    assert "1 &lt; 2 &amp;&amp; 3 &gt; 2" in message
    assert 'href="https://x.org/?a=1&amp;b=&quot;2&quot;"' in message
    assert '<a href="javascript' not in message  # no link for that scheme
    assert "Fact-check: PolitiFact" in message


def test_link_only_for_http_urls() -> None:
    assert link("https://a.b/c", "x<y") == '<a href="https://a.b/c">x&lt;y</a>'
    assert link("tg://resolve?domain=x", "t") == "t"
    assert link(None, "t & u") == "t &amp; u"


def test_user_text_in_a_none_reply_is_escaped() -> None:
    reply = Reply(ReplyKind.NONE, text='No fact-check found for "<i>x</i> & y".')
    assert render_reply(reply) == ['No fact-check found for "&lt;i&gt;x&lt;/i&gt; &amp; y".']


def test_answer_reply_renders_the_card_then_text_and_notes() -> None:
    reply = Reply(
        ReplyKind.ANSWER,
        text="",
        decision=Decision.ANSWER,
        matches=(claim_view(),),
        notes=("Your message says the opposite <of> this claim.",),
    )
    [message] = render_reply(reply)
    assert message.startswith("<b>❌ FALSE</b>")
    assert "<i>Match: very close match (93%)</i>" in message
    assert message.endswith("<i>Your message says the opposite &lt;of&gt; this claim.</i>")


def test_suggest_reply_lists_candidates_and_has_buttons() -> None:
    second = claim_view(
        id="c-2", claim="Masks <cause> hypoxia", verdict="misleading", verdict_label="Misleading"
    )
    reply = Reply(
        ReplyKind.SUGGEST,
        text="Did you mean:",
        decision=Decision.SUGGEST,
        matches=(claim_view(), second),
        answer_id=7,
    )
    [message] = render_reply(reply)
    assert message.startswith("Did you mean:\n\n1. <b>❌ FALSE</b>: 5G towers")
    assert "2. <b>⚠️ MISLEADING</b>: Masks &lt;cause&gt; hypoxia" in message
    keyboard = reply_keyboard(reply)
    assert keyboard is not None
    buttons = [row[0] for row in keyboard.inline_keyboard]
    assert [b.callback_data for b in buttons] == ["show:c-5g", "show:c-2", "fb:7:0"]
    assert buttons[1].text == "2. ⚠️ MISLEADING: Masks <cause> hypoxia"  # plain text, no HTML
    assert buttons[2].text == "None of these"
    assert all(len(b.text) <= 60 for b in buttons)


def test_answer_asks_for_feedback_and_none_offers_notification() -> None:
    answer = Reply(ReplyKind.ANSWER, matches=(claim_view(),), answer_id=12)
    keyboard = reply_keyboard(answer)
    assert keyboard is not None
    [row] = keyboard.inline_keyboard
    assert [b.callback_data for b in row] == ["fb:12:1", "fb:12:0"]
    nothing = Reply(ReplyKind.NONE, text="No fact-check yet.", answer_id=13, queue_id=5)
    keyboard = reply_keyboard(nothing)
    assert keyboard is not None
    assert [[b.callback_data for b in row] for row in keyboard.inline_keyboard] == [["notify:5"]]
    # a watch-mode correction or a notification has no answer id: no buttons at all
    assert reply_keyboard(Reply(ReplyKind.ANSWER, matches=(claim_view(),))) is None
    assert reply_keyboard(Reply(ReplyKind.TEXT, text="Hello")) is None


def test_buttons_never_exceed_64_bytes_of_callback_data() -> None:
    reply = Reply(ReplyKind.SUGGEST, matches=(claim_view(id="é" * 40), claim_view(id="ok")))
    keyboard = reply_keyboard(reply)
    assert keyboard is not None
    assert [row[0].callback_data for row in keyboard.inline_keyboard] == ["show:ok"]


def test_long_answer_is_split_at_paragraph_boundaries() -> None:
    paragraphs = [f"Paragraph {n}: " + "word " * 150 for n in range(12)]  # ~9,000 characters
    messages = render_reply(Reply(ReplyKind.TEXT, text="\n\n".join(paragraphs)))
    assert len(messages) == 3
    assert all(len(m) <= MAX_MESSAGE for m in messages)
    for message in messages:
        assert message.startswith("Paragraph")
        assert all(p.startswith("Paragraph") for p in message.split("\n\n"))
    assert visible("\n\n".join(messages)).split() == "\n\n".join(paragraphs).split()


def test_one_huge_paragraph_is_split_between_words() -> None:
    text = "<&> " * 700  # 9,800 characters once escaped
    messages = render_reply(Reply(ReplyKind.TEXT, text=text))
    assert all(len(m) <= MAX_MESSAGE for m in messages)
    assert len(messages) == 3
    for message in messages:
        assert_balanced(message)
    assert visible(" ".join(messages)).split() == text.split()


@given(
    st.lists(
        st.text(alphabet=st.sampled_from("ab <>&\n\"'é🙂"), max_size=1500), min_size=1, max_size=8
    ),
    st.integers(min_value=40, max_value=600),
)
def test_split_message_keeps_every_character_and_never_breaks_markup(
    texts: list[str], limit: int
) -> None:
    paragraphs = [f"<b>{esc(t[:10].replace(chr(10), ' '))}</b> {esc(t)}" for t in texts]
    messages = split_message(paragraphs, limit)
    for message in messages:
        assert len(message) <= limit
        assert_balanced(message)
    # no character lost or added (a word longer than a whole message is cut in pieces)
    assert "".join(visible("".join(messages)).split()) == "".join(
        visible("".join(paragraphs)).split()
    )


def test_inline_results_carry_the_card_as_html_without_previews() -> None:
    views = [claim_view(id=f"c-{n}", claim=f"Claim <{n}>") for n in range(7)]
    results = inline_results(views)
    assert len(results) == 5
    first = results[0].to_dict()
    assert first["type"] == "article"
    assert first["id"] == "c-0"
    assert first["title"] == "❌ FALSE: Claim <0>"
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert content["message_text"].startswith("<b>❌ FALSE</b>")
    assert "Claim &lt;0&gt;" in content["message_text"]


def test_newlines_in_claim_text_and_notes_never_break_tags() -> None:
    view = claim_view(claim="line one\nline two</i>", verdict_label="Fa\nlse", claimant="A\n\nB")
    reply = Reply(ReplyKind.ANSWER, matches=(view,), notes=("first\nsecond\n\nthird",))
    [message] = render_reply(reply)
    for line in message.split("\n"):
        assert_balanced(line)  # each line on its own, as splitting may cut between lines
    assert "<b>Claim:</b> <i>line one line two&lt;/i&gt;</i>" in message
    assert message.endswith("<i>first</i>\n<i>second</i>\n\n<i>third</i>")


def test_unsendable_characters_are_dropped() -> None:
    text = "a\x00b\x1b[31mc\ud800d\x7fe\u202ef\tg"
    [message] = render_reply(Reply(ReplyKind.TEXT, text=text))
    assert message == "ab[31mcde\u202ef\tg"
    message.encode("utf-8")  # no lone surrogate left


def test_length_is_counted_in_utf16_units_as_telegram_does() -> None:
    text = "\n\n".join(["🙂" * 1000] * 4)  # 4,000 code points, 8,000 UTF-16 units
    messages = render_reply(Reply(ReplyKind.TEXT, text=text))
    assert len(messages) == 2
    assert all(utf16(m) <= MAX_MESSAGE for m in messages)


def test_a_huge_claim_is_shortened_to_a_few_messages() -> None:
    view = claim_view(claim="<b>&amp; " * 20_000, summary="Too long. " * 30_000)
    messages = render_reply(Reply(ReplyKind.ANSWER, matches=(view,)))
    assert len(messages) == MAX_PARTS
    assert messages[-1].endswith(f"<i>{SHORTENED}</i>")
    for message in messages:
        assert utf16(message) <= MAX_MESSAGE
        assert_balanced(message)
    [card] = [r.to_dict()["input_message_content"]["message_text"] for r in inline_results([view])]
    assert utf16(card) <= MAX_MESSAGE
    assert card.endswith(f"<i>{SHORTENED}</i>")


def test_a_claim_shown_by_its_id_says_nothing_about_a_match() -> None:
    reply = Reply(ReplyKind.ANSWER, decision=Decision.ANSWER, matches=(claim_view(matched=False),))
    [message] = render_reply(reply)
    assert message.startswith("<b>❌ FALSE</b>") and "Match" not in message
