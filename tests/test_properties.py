"""Hostile input, as properties: whatever people send (or a claim says), nothing raises and every
reply is well-formed for its platform and within its limits.

- the matcher and the core take arbitrary Unicode: right-to-left overrides, zero-width and
  combining characters, lone surrogates, NUL bytes, HTML, Telegram entities, Slack mrkdwn
  (``<!channel>``, ``<@U1>``, ``<http://x|y>``) and FTS5 query syntax, plus 1 MB messages;
- every renderer gets replies built from hostile claims, claimants, summaries and sources:
  Telegram HTML parses as Telegram parses it (allowed tags, balanced, entities escaped) and
  each message fits in 4,096 characters; Slack messages are valid Block Kit with a fallback
  text and no mrkdwn control character that came from user or claim text; console text has no
  control characters but newlines.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram import InputTextMessageContent

from adapters import console
from adapters import slack_render as slack
from adapters import telegram_render as telegram
from bot.access import Access
from bot.config import Settings
from bot.core import Core
from bot.messages import ClaimView, Decision, Incoming, Reply, ReplyKind, SourceView
from knowledge import verdicts
from knowledge.matching import Matcher
from knowledge.models import Decision as MatchDecision
from knowledge.store import ClaimBase
from tests.fakes.slack_api import message_problems
from tests.fakes.telegram_api import MAX_TEXT_LENGTH, html_problem

# Health checks: the claim base is shared by every example on purpose (one file per module).
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RENDER = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- hostile text ------------------------------------------------------------------------------

FRAGMENTS = [
    # bidi and invisible characters
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u202d\u2066\u2069",
    "\u200b\u200c\u200d\u2060\ufeff",  # zero-width
    "e\u0301\u0301\u0301\u0301\u0301",  # stacked combining accents
    "\u0338" * 30,
    "Z\u0351\u0300\u0353\u0320",
    # lone surrogates, as a broken UTF-16 client or a bad decode hands them over
    "\ud800",
    "\udfff",
    "\udc80abc",
    # control characters
    "\x00",
    "\x1b[31m",
    "\x07\x08\x7f\x9b",
    "\r\n\t\v\f",
    "\u2028\u2029",
    # HTML and Telegram markup
    "<b>",
    "</i>",
    "<a href='javascript:alert(1)'>x</a>",
    '<a href="http://x">',
    "<tg-spoiler>",
    "<script>alert(1)</script>",
    "&amp;",
    "&#0;",
    "&lt;",
    "&",
    "<",
    ">",
    "<<>>",
    '"',
    "'",
    "*bold* _it_ ~s~ `code` ```pre```",
    "[link](http://evil.example)",
    "/start",
    "/add\nclaim: x",
    "/retract mm-election-fraud",
    "/grant 99",
    "@factbot_test_bot",
    # Slack mrkdwn
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U1>",
    "<@UFACTBOT1>",
    "<#C1|general>",
    "<http://x|y>",
    "<https://evil.example|click here>",
    "<!subteam^S1|@team>",
    "<!date^1392734382^{date}|fallback>",
    # FTS5 query syntax and SQL
    "NEAR(paid protesters, 2)",
    " AND ",
    " OR ",
    " NOT ",
    "protest*",
    "^terror",
    "claim: ",
    "search_fts:",
    "{claim text}: paid",
    '"unterminated',
    "((((",
    "'; DROP TABLE claims; --",
    # words that reach the claim base
    "Myanmar protesters paid terrorists",
    "election fraud",
    "緬甸 抗議者",
    "မြန်မာ",
    "🙂🇲🇲👩‍👩‍👧",
]

# Every code point but surrogates, and surrogates on their own: lone surrogates are included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ANY_CHAR, max_size=12)), max_size=14
).map("".join)

# What a claim base can hold: any Unicode a moderator or an import could store (no lone
# surrogates: SQLite cannot store them), control characters included.
stored_text = st.lists(
    st.one_of(
        st.sampled_from([f for f in FRAGMENTS if not any(0xD800 <= ord(c) <= 0xDFFF for c in f)]),
        st.text(st.characters(codec="utf-8"), max_size=12),
    ),
    max_size=10,
).map("".join)
long_stored_text = st.one_of(
    stored_text,
    st.builds(lambda s, n: (s + " ") * n, stored_text, st.integers(1, 200)),
)
optional_text = st.none() | stored_text
urls = st.none() | st.sampled_from(
    [
        "https://factcheck.example/a",
        "http://x.example/a>b|c&d=<e>",
        'https://x.example/"quoted"',
        "javascript:alert(1)",
        "https://x.example/" + "a" * 2000,
        "https://x.example/" + "b" * 3500,
        "ftp://x.example",
        "https://x.example/<!channel>",
    ]
)
dates = st.none() | st.sampled_from(["2021-03-02", "2021-13", "2021", "not a date", "<b>"])

source_views = st.builds(
    SourceView,
    publisher=stored_text,
    title=optional_text,
    url=urls,
    date=dates,
    supports=optional_text,
)
claim_views = st.builds(
    ClaimView,
    id=st.text(st.characters(codec="utf-8"), min_size=1, max_size=90),
    claim=long_stored_text.filter(lambda text: text.split()),  # entry points refuse blanks
    claimant=optional_text,
    claimant_role=optional_text,
    claim_date=dates,
    appearance=st.none() | stored_text | urls,
    verdict=st.sampled_from([v.key for v in verdicts.SCALE] + ["<b>unknown</b>"]),
    verdict_label=stored_text,
    rating=stored_text,
    summary=long_stored_text,
    review_url=urls,
    review_date=dates,
    publisher=optional_text,
    sources=st.lists(source_views, max_size=14).map(tuple),
    score=st.floats(0, 1),
    negation_mismatch=st.booleans(),
)
replies = st.builds(
    Reply,
    kind=st.sampled_from(list(ReplyKind)),
    text=long_stored_text,
    query=stored_text,
    decision=st.none() | st.sampled_from(list(Decision)),
    matches=st.lists(claim_views, max_size=4).map(tuple),
    notes=st.lists(stored_text, max_size=4).map(tuple),
    answer_id=st.none() | st.integers(0, 2**62),
    queue_id=st.none() | st.integers(0, 2**62),
)

# -- what well-formed means, per platform ----------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def assert_telegram_ok(messages: list[str]) -> None:
    """Each message parses in Telegram's HTML mode and is within its length limit."""
    for message in messages:
        assert isinstance(message, str)
        problem = html_problem(message)
        assert problem is None, (problem, message[:300])
        assert len(message) <= telegram.MAX_MESSAGE
        visible = html.unescape(_TAG.sub("", message))
        assert visible.strip(), "an empty message would be refused"
        assert utf16_length(visible) <= MAX_TEXT_LENGTH
        message.encode("utf-8")  # sendable: no lone surrogate


def assert_telegram_keyboard_ok(reply: Reply) -> None:
    keyboard = telegram.reply_keyboard(reply)
    if keyboard is None:
        return
    for row in keyboard.inline_keyboard:
        for button in row:
            assert button.callback_data is not None
            assert len(str(button.callback_data).encode()) <= telegram.MAX_CALLBACK_DATA
            assert 0 < len(button.text) <= 64 + 3


# Links and mentions the Slack renderer makes itself: <http(s)://...|label> and <@Uxxx>.
_OWN_LINK = re.compile(r"<(https?://[^|<>\s]+)\|[^<>]*>|<@U[A-Z0-9]+>")
_ENTITY = re.compile(r"&(amp|lt|gt);")


def _mrkdwn(blocks: Any) -> Iterator[str]:
    if isinstance(blocks, dict):
        if blocks.get("type") == "mrkdwn":
            yield blocks["text"]
        for value in blocks.values():
            yield from _mrkdwn(value)
    elif isinstance(blocks, list):
        for value in blocks:
            yield from _mrkdwn(value)


def assert_slack_ok(message: slack.SlackMessage) -> None:
    """Valid Block Kit within its limits, with plain fallback text, and no ``<``, ``>`` or
    ``&`` in mrkdwn that the renderer did not put there itself."""
    payload = message.as_kwargs()
    json.dumps(payload)  # serialisable
    assert message_problems(payload) == [], message_problems(payload)
    assert isinstance(message.text, str) and message.text.strip()
    assert len(message.blocks) <= slack.MAX_BLOCKS
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= slack.MAX_TEXT
    for text in [message.text, *_mrkdwn(message.blocks)]:
        bare = _ENTITY.sub("", _OWN_LINK.sub("", text))
        assert "<" not in bare and ">" not in bare and "&" not in bare, text[:300]


def assert_console_ok(text: str) -> None:
    assert isinstance(text, str)
    bad = [c for c in text if c != "\n" and unicodedata.category(c) == "Cc"]
    assert not bad, (bad[:5], text[:300])


def render_everywhere(reply: Reply, *, console_text_is_clean: bool = True) -> None:
    assert_telegram_ok(telegram.render_reply(reply))
    assert_telegram_keyboard_ok(reply)
    for result in telegram.inline_results(reply.matches):
        content = result.input_message_content
        assert isinstance(content, InputTextMessageContent)
        assert_telegram_ok([content.message_text])
        assert 0 < len(result.title) <= 100 and len(result.id.encode()) <= 64
    assert_slack_ok(slack.render_reply(reply))
    assert_slack_ok(slack.render_reply(reply, share_value=reply.query, shared_by="U0ASKER001"))
    rewritten = slack.slack_commands(reply, ["check", "help", "add"], "/factcheck")
    assert_slack_ok(slack.render_reply(rewritten))
    plain = console.render(reply)
    if console_text_is_clean:
        assert_console_ok(plain)
    json.dumps(console.reply_json(reply, reply.query), ensure_ascii=False)


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBase]:
    base = ClaimBase.open(Path(tmp_path_factory.mktemp("properties")) / "claims.db")
    yield base
    base.close()


@pytest.fixture(scope="module")
def core(shared_base: ClaimBase) -> Core:
    # Rate limits off: the properties are about content, not about floods (tested elsewhere).
    unlimited = Settings(user_checks_per_minute=0, group_checks_per_minute=0)
    return Core(shared_base, unlimited, access=Access(admins=frozenset()))


# -- the matcher ----------------------------------------------------------------------------------


@PROPERTY
@given(hostile_text)
@example('Myanmar protesters paid terrorists \u202e\u200b\x00 NEAR(a b) AND "')
@example("\ud800" * 10 + " election fraud")
# What the newer readings meet: traditional characters beside a lone surrogate (OpenCC reads
# only whole UTF-8), scaled numbers too long for a float, a Cyrillic word of junk, cities.
@example("\ud800緬甸抗議者是收錢的嗎\udfff " + "9" * 400 + " million, 1.2.3 тысяч")
@example("Протестующим платили " + "американцы" * 50 + " in Yangon, Ho Chi Minh City, TV")
# A lone surrogate beside a sign NFKC reads as Chinese ("㏠" is "1日"): jieba's turn too.
@example("\ud800<!date^1392734382^{date}|fallback>㏠")
def test_matcher_takes_any_text(shared_base: ClaimBase, text: str) -> None:
    result = Matcher(shared_base).match(text)
    assert result.decision in set(MatchDecision)
    assert all(0.0 <= m.score <= 1.0 + 1e-9 for m in result.ranked)
    if result.decision == MatchDecision.ANSWER:
        assert len(result.matches) == 1
    if result.decision == MatchDecision.NONE:
        assert result.matches == ()
    assert result.truncated == (len(text) > Matcher(shared_base).settings.max_query_chars)


# -- the core ------------------------------------------------------------------------------------

incomings = st.builds(
    Incoming,
    platform=st.sampled_from(["telegram", "slack", "console"]),
    chat_id=st.sampled_from(["42", "-100500", "C0CHANNEL1"]),
    user_id=st.sampled_from(["42", "U0ASKER001", "\u202e1"]),
    text=hostile_text,
    is_direct=st.booleans(),
    bare_commands=st.booleans(),
    addressed=st.booleans(),
    forwarded=st.booleans(),
)


@PROPERTY
@given(incomings)
@example(Incoming("telegram", "42", "42", "<!channel> <@U1> <http://x|y> were protesters paid?"))
@example(Incoming("slack", "D1", "U1", "/add\nclaim: <b>x</b>\nverdict: false", bare_commands=True))
@example(Incoming("telegram", "42", "42", "\x00" * 50 + "election fraud"))
def test_core_answers_any_message_with_a_well_formed_reply(core: Core, msg: Incoming) -> None:
    before = core.base.count(status=None)
    reply = core.handle(msg)
    if msg.platform != "console":  # only the console is an admin here
        assert core.base.count(status=None) == before
    if reply is None:
        assert not (msg.is_direct or msg.addressed) or msg.forwarded
        return
    assert isinstance(reply, Reply)
    render_everywhere(reply)


@pytest.mark.parametrize(
    "text",
    [
        "Were the Myanmar protesters paid terrorists? " + "x" * 1_000_000,
        ("<!channel> \u202e\x00\ud800 " * 70_000)[:1_000_000],
    ],
    ids=["1MB-question", "1MB-hostile"],
)
def test_a_one_megabyte_message_is_checked_on_its_first_part(core: Core, text: str) -> None:
    assert len(text) >= 1_000_000
    reply = core.handle(Incoming("telegram", "42", "megabyte", text))
    assert reply is not None
    render_everywhere(reply)
    if reply.kind is not ReplyKind.REFUSAL:
        assert any("long" in note for note in reply.notes)


def test_a_huge_claim_renders_within_limits() -> None:
    # 90 KB in every field. (Slack's splitting is quadratic: a 1 MB summary takes about a
    # second to render there; claims that size do not reach the base in practice.)
    huge = "Paid <protesters> & <!channel> " * 3_000
    view = ClaimView(
        id="huge",
        claim=huge,
        claimant=huge,
        claimant_role=huge,
        claim_date=None,
        appearance=huge,
        verdict="false",
        verdict_label="False",
        rating=huge,
        summary=huge,
        review_url="https://x.example/" + "y" * 2000,
        review_date=None,
        publisher=huge,
        sources=tuple(SourceView(huge, huge, None, None, huge) for _ in range(3)),
        score=0.9,
    )
    for kind in (ReplyKind.ANSWER, ReplyKind.SUGGEST):
        render_everywhere(Reply(kind, text=huge, query=huge, matches=(view,), notes=(huge,)))


@pytest.mark.parametrize("length", [3_500, 50_000])
def test_slack_takes_an_absurdly_long_review_url(length: int) -> None:
    # Failed before b9fae32: the link was cut inside its <url|label> in a context block.
    view = ClaimView(
        id="long-url",
        claim="Paid protesters",
        claimant=None,
        claim_date=None,
        appearance=None,
        verdict="false",
        verdict_label="False",
        rating="Pants on fire",
        summary="",
        review_url="https://x.example/" + "y" * length,
        review_date=None,
        publisher="Checker",
        sources=(),
        score=0.9,
    )
    assert_slack_ok(slack.render_reply(Reply(ReplyKind.ANSWER, matches=(view,))))


# -- the renderers, over hostile claims ----------------------------------------------------------


@RENDER
@given(replies)
def test_every_renderer_takes_any_reply(reply: Reply) -> None:
    render_everywhere(reply)


def test_console_strips_control_characters_from_stored_claims() -> None:
    view = ClaimView(
        id="esc",
        claim="Paid protesters\x1b[2J\rFAKE VERDICT: TRUE",
        claimant="Viral post\x07",
        claim_date=None,
        appearance=None,
        verdict="false",
        verdict_label="False",
        rating="False",
        summary="\x1b]0;title\x07",
        review_url=None,
        review_date=None,
        publisher=None,
        sources=(),
        score=0.9,
    )
    assert_console_ok(console.render(Reply(ReplyKind.ANSWER, matches=(view,))))


@RENDER
@given(hostile_text)
def test_slack_text_to_plain_text_takes_anything(text: str) -> None:
    plain = slack.plain_text(text, bot_user_id="UFACTBOT1")
    assert isinstance(plain, str)
    assert "<@UFACTBOT1>" not in plain


# -- Telegram messages with entities, through the adapter's translation ---------------------------

ENTITY_TYPES = ["bot_command", "mention", "text_mention", "url", "bold", "text_link", "hashtag"]


@st.composite
def telegram_messages(draw: st.DrawFn) -> dict[str, Any]:
    """A message payload as Telegram sends it: hostile text and entities anywhere in it
    (overlapping, at odd offsets, mentions of the bot and of people)."""
    from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME, group_chat, message, private_chat

    text = draw(
        st.one_of(
            stored_text,
            st.builds(
                lambda a, b: f"/check{a} {b}",
                st.sampled_from(["", "@" + BOT_USERNAME]),
                stored_text,
            ),
            st.builds(lambda b: f"@{BOT_USERNAME} {b}", stored_text),
        ).filter(lambda t: t != "")
    )
    entities = []
    for _ in range(draw(st.integers(0, 4))):
        # anywhere, overlapping, but on character boundaries as Telegram's own are (it never
        # splits a surrogate pair: UTF-16 offsets of whole characters)
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        entity: dict[str, Any] = {
            "type": draw(st.sampled_from(ENTITY_TYPES)),
            "offset": utf16_length(text[:start]),
            "length": utf16_length(text[start:end]),
        }
        if entity["type"] == "text_mention":
            person = draw(st.sampled_from([BOT_ID, 42, 43]))
            entity["user"] = {"id": person, "is_bot": person == BOT_ID, "first_name": "X"}
        if entity["type"] == "text_link":
            entity["url"] = draw(urls.filter(lambda u: u is not None))
        entities.append(entity)
    chat = draw(st.sampled_from([private_chat(42), group_chat(-100500)]))
    payload = message(text, chat=chat)
    payload.pop("entities", None)
    if entities:
        payload["entities"] = entities
    return payload


@PROPERTY
@given(telegram_messages())
def test_telegram_messages_with_any_entities_reach_the_core_safely(
    core: Core, payload: dict[str, Any]
) -> None:
    from telegram import Message

    from adapters.telegram_events import incoming_from_message
    from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME

    msg = incoming_from_message(Message.de_json(payload, None), BOT_ID, BOT_USERNAME)
    if msg is None:
        return
    assert msg.platform == "telegram"
    reply = core.handle(msg)
    if reply is not None:
        render_everywhere(reply)
