"""Block Kit rendering and Slack text parsing, without any server."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.slack_render import (
    MAX_BLOCKS,
    MAX_TEXT,
    SHARE_ACTION,
    escape,
    link,
    linked_labels,
    message_text,
    plain_text,
    render_reply,
    slack_commands,
    split_text,
)
from bot.messages import ClaimView, Decision, Reply, ReplyKind, SourceView
from tests.fakes.slack_api import message_problems

INJECTION = "<!channel> <@U999> <https://evil.example|click> & &amp; *bold*"


def claim_view(**changes: Any) -> ClaimView:
    view = ClaimView(
        id="c-5g",
        claim="5G towers spread the coronavirus",
        claimant="Viral post",
        claim_date="2020-04-02",
        appearance="https://social.example/post/1",
        verdict="false",
        verdict_label="False",
        rating="Pants on Fire",
        summary="Radio waves cannot carry a virus; the outbreak began in places without 5G.",
        review_url="https://factcheck.example/5g",
        review_date="2020-04-05",
        publisher="Example Checks",
        sources=(
            SourceView("WHO", "Mythbusters", "https://who.example/myths", "2020-04-01"),
            SourceView("Ofcom", None, "https://ofcom.example/emf?a=1&b=2", None),
        ),
        score=0.87,
    )
    return replace(view, **changes)


def answer(view: ClaimView | None = None, **changes: Any) -> Reply:
    reply = Reply(
        kind=ReplyKind.ANSWER,
        query="do 5g towers spread covid",
        decision=Decision.ANSWER,
        matches=(view or claim_view(),),
    )
    return replace(reply, **changes)


def all_mrkdwn(blocks: list[dict[str, Any]]) -> list[str]:
    """Every mrkdwn string in ``blocks``."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mrkdwn":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return found


def text_lengths_ok(blocks: list[dict[str, Any]]) -> bool:
    assert message_problems({"text": "fallback", "blocks": blocks}) == []
    return all(len(t) <= MAX_TEXT for t in all_mrkdwn(blocks))


# Markup this module produces itself: links, user mentions, bold, italics; anything else
# between < and > would be an injection.
OWN_LINK = re.compile(r"<(https?://[^|<>\s]+)\|[^<>]*>|<@U[A-Z0-9]+>")


def test_answer_puts_the_verdict_first_then_claim_claimant_summary_sources_confidence() -> None:
    message = render_reply(answer())
    blocks = message.blocks
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["type"] == "plain_text"
    assert "FALSE" in blocks[0]["text"]["text"]
    texts = all_mrkdwn(blocks)
    joined = "\n".join(texts)
    order = [
        joined.index("5G towers spread the coronavirus"),
        joined.index("Viral post"),
        joined.index("Radio waves"),
        joined.index("*Sources*"),
        joined.index("Match confidence"),
    ]
    assert order == sorted(order)
    assert "2 April 2020" in joined  # dates read as people write them
    assert "<https://who.example/myths|Mythbusters>" in joined
    assert "<https://ofcom.example/emf?a=1&amp;b=2|Ofcom>" in joined  # & escaped in URLs too
    assert "<https://factcheck.example/5g|read the full fact-check>" in joined
    assert "87%" in texts[-1]
    assert "Rated “Pants on Fire” by Example Checks" in joined


def test_fallback_text_is_always_present_and_plain() -> None:
    for reply in (
        answer(),
        Reply(kind=ReplyKind.NONE, query="x", decision=Decision.NONE),
        Reply(kind=ReplyKind.TEXT, text="/check <text> — check a claim"),
        Reply(kind=ReplyKind.REFUSAL, text="Slow down"),
        Reply(kind=ReplyKind.SUGGEST, matches=(claim_view(), claim_view(id="c-2"))),
    ):
        message = render_reply(reply)
        assert message.text.strip()
        assert message.blocks
    assert render_reply(answer()).text.startswith("❌ FALSE: “5G towers")
    help_text = render_reply(Reply(kind=ReplyKind.TEXT, text="/check <text> — check"))
    assert help_text.text == "/check &lt;text&gt; — check"


def test_user_and_claim_text_cannot_inject_mrkdwn_controls() -> None:
    evil = claim_view(
        claim=INJECTION,
        claimant=INJECTION,
        claimant_role=INJECTION,
        summary=INJECTION,
        publisher=INJECTION,
        rating=INJECTION,
        appearance=INJECTION,
        sources=(
            SourceView(INJECTION, INJECTION, "https://x.example/a>b|c", INJECTION, "<!here>"),
        ),
    )
    reply = answer(evil, text=INJECTION, notes=(INJECTION,), query=INJECTION)
    for message in (
        render_reply(reply, share_value="v", shared_by="U0ASKER001"),
        render_reply(replace(reply, kind=ReplyKind.SUGGEST)),
        render_reply(Reply(kind=ReplyKind.TEXT, text=INJECTION, notes=(INJECTION,))),
    ):
        for text in [*all_mrkdwn(message.blocks), message.text]:
            remaining = OWN_LINK.sub("", text)
            assert "<" not in remaining and ">" not in remaining, text
            assert "&amp;amp;" in text or INJECTION not in text
        assert "&lt;!channel&gt;" in "\n".join(all_mrkdwn(message.blocks))
    rendered = json.dumps(render_reply(reply).blocks)
    assert "https://x.example/a%3Eb%7Cc" in rendered


def test_long_summary_is_split_into_sections_within_the_limit() -> None:
    summary = ("Long & detailed <analysis> " * 400).strip()  # about 11,000 characters
    message = render_reply(answer(claim_view(summary=summary)))
    assert text_lengths_ok(message.blocks)
    summary_sections = [t for t in all_mrkdwn(message.blocks) if "detailed" in t]
    assert len(summary_sections) >= 4
    joined = " ".join(summary_sections)
    assert joined.count("&lt;analysis&gt;") == 400
    assert "&amp;amp;" not in joined


def test_many_sources_are_cut_to_ten_with_a_pointer_to_the_review() -> None:
    sources = tuple(
        SourceView(f"Pub {i}", f"T{i}", f"https://s.example/{i}", None) for i in range(25)
    )
    message = render_reply(answer(claim_view(sources=sources)))
    joined = "\n".join(all_mrkdwn(message.blocks))
    assert "https://s.example/9|" in joined and "https://s.example/10|" not in joined
    assert "and 15 more sources in the <https://factcheck.example/5g|full fact-check>" in joined


def test_an_enormous_answer_is_trimmed_to_fifty_blocks_with_the_review_link() -> None:
    summary = "Word " * 60_000  # 300,000 characters: a hundred sections
    message = render_reply(answer(claim_view(summary=summary)), share_value="{}")
    assert len(message.blocks) == MAX_BLOCKS
    assert text_lengths_ok(message.blocks)
    trimmed = all_mrkdwn(message.blocks[-4:])
    assert any("Trimmed" in t and "https://factcheck.example/5g" in t for t in trimmed)
    assert message.blocks[-1]["type"] == "actions"  # the share button survives trimming


def test_huge_claim_and_notes_stay_within_limits() -> None:
    view = claim_view(claim="x" * 10_000, claimant="y" * 5000, review_date="z" * 500)
    message = render_reply(answer(view, notes=("n" * 5000,) * 12))
    assert text_lengths_ok(message.blocks)
    assert len(message.blocks) <= MAX_BLOCKS
    for block in message.blocks:
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150


def test_share_button_carries_its_value_and_shared_answer_names_the_sharer() -> None:
    message = render_reply(answer(), share_value='{"c": "c-5g"}')
    [actions] = [b for b in message.blocks if b["type"] == "actions"]
    [button] = actions["elements"]
    assert button["action_id"] == SHARE_ACTION
    assert button["text"]["text"] == "Share in channel"
    assert json.loads(button["value"]) == {"c": "c-5g"}
    shared = render_reply(answer(), shared_by="U0ASKER001")
    assert not [b for b in shared.blocks if b["type"] == "actions"]
    assert "Shared by <@U0ASKER001>" in all_mrkdwn(shared.blocks)[-1]


def test_suggestions_are_buttons_carrying_claim_ids() -> None:
    views = tuple(claim_view(id=f"claim-{i}", claim=f"Claim number {i}") for i in range(3))
    message = render_reply(Reply(kind=ReplyKind.SUGGEST, matches=views, text="Did you mean…"))
    buttons = [b["accessory"] for b in message.blocks if "accessory" in b]
    assert [b["value"] for b in buttons] == ["claim-0", "claim-1", "claim-2"]
    assert len({b["action_id"] for b in buttons}) == 3
    assert all(b["action_id"].startswith("factcheck_show") for b in buttons)
    assert "Claim number 1" in message.text


def test_no_match_and_refusal_render_their_text() -> None:
    none = render_reply(Reply(kind=ReplyKind.NONE))
    assert "couldn't find a fact-check" in none.text
    refusal = render_reply(Reply(kind=ReplyKind.REFUSAL, text="Only admins may do that."))
    assert all_mrkdwn(refusal.blocks)[0].startswith(":no_entry: Only admins")


def test_plain_text_reads_slack_markup_as_a_person_would() -> None:
    raw = (
        "<@UFACTBOT1> is it true that &lt;5G&gt; &amp; <https://x.example/a|this link> "
        "says <@U123|alice> in <#C1|general>? <!here> <mailto:a@b.c|a@b.c> <https://y.example>"
    )
    assert plain_text(raw, bot_user_id="UFACTBOT1") == (
        "is it true that <5G> & this link says @alice in #general? @here a@b.c https://y.example"
    )
    assert plain_text("<@UFACTBOT1>", bot_user_id="UFACTBOT1") == ""
    assert plain_text("&amp;lt;") == "&lt;"  # decoded once, not twice


def test_words_that_link_somewhere_keep_the_address() -> None:
    raw = "<https://x.example/a?b=1&amp;c=2|read more> and <https://y.example/z|y.example/z>"
    assert linked_labels(raw) == {"read more": "https://x.example/a?b=1&c=2"}
    assert message_text(raw) == "read more and y.example/z\nhttps://x.example/a?b=1&c=2"
    assert message_text("<https://x.example/a|read more>") == "https://x.example/a"
    assert message_text("<mailto:a@b.c|write>, <#C1|general>") == "write, #general"


def test_link_without_a_web_url_is_just_the_label() -> None:
    assert link(None, "a <b>") == "a &lt;b&gt;"
    assert link("javascript:alert(1)", "x") == "x"


@given(st.text())
def test_escape_leaves_no_control_characters(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped and ">" not in escaped
    unescaped = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert unescaped == text


@given(st.text(alphabet=st.sampled_from("ab &<>\n"), max_size=400), st.integers(8, 60))
def test_split_text_keeps_every_word_and_respects_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(0 < len(p) <= limit for p in pieces)
    joined = "".join(pieces).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert "".join(joined.split()) == "".join(text.split())


def test_the_fake_refuses_what_slack_refuses() -> None:
    """The fake Web API's Block Kit check is what makes every recorded message meaningful."""
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
    assert message_problems({"text": "ok", "blocks": [section] * 50}) == []
    assert message_problems({"text": "ok", "blocks": [section] * 51})
    assert message_problems({"text": "", "blocks": []}) == ["no_text"]
    long = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    assert message_problems({"text": "ok", "blocks": [long]})
    header = {"type": "header", "text": {"type": "mrkdwn", "text": "loud"}}
    assert message_problems({"text": "ok", "blocks": [header]})
    button = {"type": "button", "text": {"type": "plain_text", "text": "b"}, "action_id": "a"}
    twice = {"type": "actions", "elements": [button, button]}
    assert message_problems({"text": "ok", "blocks": [twice]})


def test_many_suggestions_still_fit() -> None:
    views = tuple(claim_view(id=f"c{i}", claim="word " * 700) for i in range(80))
    message = render_reply(Reply(kind=ReplyKind.SUGGEST, matches=views, notes=("n",)))
    assert len(message.blocks) <= MAX_BLOCKS
    assert text_lengths_ok(message.blocks)


def test_bot_commands_are_written_as_slack_can_type_them() -> None:
    reply = Reply(
        kind=ReplyKind.TEXT,
        text="/check <text> — check\nSend /help, not /helpers. See https://x.example/check or /",
        notes=("Send /show <id>.",),
    )
    shown = slack_commands(reply, ["check", "help", "show"], "/factcheck")
    assert shown.text == (
        "/factcheck check <text> — check\n"
        "Send /factcheck help, not /helpers. See https://x.example/check or /"
    )
    assert shown.notes == ("Send /factcheck show <id>.",)
    assert slack_commands(reply, [], "/factcheck") is reply


def buttons_of(message: Any) -> list[tuple[str, str, str]]:
    return [
        (e["action_id"], e["value"], e["text"]["text"])
        for b in message.blocks
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_feedback_and_notify_buttons() -> None:
    rated = answer(answer_id=7)
    assert buttons_of(render_reply(rated, share_value="s")) == [
        (SHARE_ACTION, "s", "Share in channel"),
        ("factcheck_feedback_1", "7:1", "👍 That answers it"),
        ("factcheck_feedback_0", "7:0", "👎 Not what I asked"),
    ]
    assert buttons_of(render_reply(rated, shared_by="U1")) == []  # the public copy: no votes
    suggest = Reply(kind=ReplyKind.SUGGEST, matches=(claim_view(),), answer_id=8)
    assert buttons_of(render_reply(suggest)) == [("factcheck_feedback_0", "8:0", "None of these")]
    none = Reply(kind=ReplyKind.NONE, text="Nothing yet.", queue_id=12)
    assert buttons_of(render_reply(none)) == [
        ("factcheck_notify", "12", "🔔 Tell me when it's checked")
    ]
    assert buttons_of(render_reply(answer())) == []  # e.g. a notification: nothing to rate


# Any text at all, including Slack's control characters, white space and empty strings.
hostile = st.text(alphabet=st.sampled_from("ab <>&|*_~`\n\t!@#é😀"), max_size=60)
urls = st.one_of(st.none(), hostile, st.builds(lambda t: "https://x.example/" + t, hostile))


@given(
    st.builds(
        ClaimView,
        id=st.text(min_size=1, max_size=20),
        claim=hostile,
        claimant=st.one_of(st.none(), hostile),
        claimant_role=st.one_of(st.none(), hostile),
        claim_date=st.one_of(st.none(), hostile),
        appearance=urls,
        verdict=st.sampled_from(["false", "true", "unknown-key", ""]),
        verdict_label=hostile,
        rating=hostile,
        summary=hostile,
        review_url=urls,
        review_date=st.one_of(st.none(), hostile),
        publisher=st.one_of(st.none(), hostile),
        sources=st.lists(
            st.builds(SourceView, hostile, st.one_of(st.none(), hostile), urls), max_size=3
        ).map(tuple),
        score=st.floats(0, 1),
        negation_mismatch=st.booleans(),
    ),
    st.sampled_from(list(ReplyKind)),
    hostile,
    st.lists(hostile, max_size=2).map(tuple),
    st.one_of(st.none(), st.integers(1, 10**9)),
)
def test_any_reply_renders_to_a_message_slack_accepts(
    view: ClaimView, kind: ReplyKind, text: str, notes: tuple[str, ...], answer_id: int | None
) -> None:
    reply = Reply(kind, text, query=text, matches=(view,), notes=notes, answer_id=answer_id)
    for message in (
        render_reply(reply),
        render_reply(reply, share_value="v", shared_by="U0ASKER001"),
    ):
        assert message_problems(message.as_kwargs()) == []
        assert message.text.strip()
        for mrkdwn in [message.text, *all_mrkdwn(message.blocks)]:
            bare = re.sub(r"&(amp|lt|gt);", "", OWN_LINK.sub("", mrkdwn))
            assert "<" not in bare and ">" not in bare and "&" not in bare, mrkdwn


@pytest.mark.parametrize("length", [3_500, 50_000])
def test_an_absurdly_long_review_url_is_not_linked(length: int) -> None:
    url = "https://x.example/" + "y" * length
    message = render_reply(answer(claim_view(review_url=url, summary="s " * 40_000)))
    assert message_problems(message.as_kwargs()) == []
    assert url not in json.dumps(message.as_kwargs())
    assert "read the full fact-check" in json.dumps(message.blocks)  # the label stays


def test_a_claim_shown_by_its_id_says_nothing_about_a_match() -> None:
    shown = replace(answer(), matches=(claim_view(matched=False),))
    message = render_reply(shown)
    assert "FALSE" in message.blocks[0]["text"]["text"]
    assert not any("Match confidence" in text for text in all_mrkdwn(message.blocks))
    assert any("Match confidence" in text for text in all_mrkdwn(render_reply(answer()).blocks))
    assert message_problems({"text": message.text, "blocks": message.blocks}) == []
