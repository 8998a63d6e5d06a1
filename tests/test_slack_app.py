"""The Slack adapter in process: the real AsyncApp and core, signed requests, a fake Web API."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from adapters.slack_app import build_app
from adapters.slack_listeners import SlackAdapter
from adapters.slack_render import APOLOGY, NOTIFY_ACTION, SHARE_ACTION
from bot.commands import CommandRegistry
from bot.core import Core
from bot.media import Inline
from bot.messages import ClaimView, Incoming, Reply, ReplyKind
from knowledge.desk import Actor
from knowledge.store import ClaimBase
from tests.fakes.slack_api import (
    BOT_ID,
    BOT_USER_ID,
    CHANNEL,
    DM_CHANNEL,
    OTHER_BOT_ID,
    SIGNING_SECRET,
    USER,
    FakeSlackApi,
    block_action,
    command_body,
    event_body,
    interactive_body,
    mention_event,
    message_event,
    message_shortcut,
    sign,
)
from tests.helpers import ASKED_OF_BOTH, add_disagreeing_checks
from tests.test_slack_render import INJECTION, all_mrkdwn, claim_view

QUESTION = "Were the Myanmar protesters paid terrorists?"
CLAIM_ID = "mm-protesters-paid"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@pytest.fixture
def fake(slack_fake: FakeSlackApi) -> FakeSlackApi:
    return slack_fake


@pytest.fixture
def core(bot: Core) -> Core:
    """The real core on a fresh seeded claim base (``bot`` comes from conftest.py)."""
    return bot


def make_app(fake: FakeSlackApi, bot: Any, adapter: SlackAdapter | None = None) -> AsyncApp:
    return build_app(
        bot,
        token="xoxb-test-token",
        signing_secret=SIGNING_SECRET,
        api_url=fake.api_url,
        process_before_response=True,  # the listener has finished when dispatch returns
        adapter=adapter,
    )


@pytest.fixture
def app(fake: FakeSlackApi, core: Core) -> AsyncApp:
    return make_app(fake, core)


@pytest.fixture(autouse=True)
def no_errors_logged(caplog: pytest.LogCaptureFixture) -> Any:
    """Tests that expect an error clear ``caplog`` after checking it."""
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


async def dispatch(app: AsyncApp, body: str, content_type: str) -> BoltResponse:
    signed = sign(body, content_type)
    headers: dict[str, str | Sequence[str]] = dict(signed.headers)
    return await app.async_dispatch(AsyncBoltRequest(body=signed.body, headers=headers))


async def send_event(app: AsyncApp, event: dict[str, Any]) -> BoltResponse:
    response = await dispatch(app, event_body(event), JSON)
    assert response.status == 200
    return response


async def send_command(app: AsyncApp, fake: FakeSlackApi, text: str) -> BoltResponse:
    body = command_body(text, response_url=fake.response_url("command"))
    response = await dispatch(app, body, FORM)
    assert response.status == 200
    assert response.body == ""  # acknowledged at once; the answer goes to response_url
    return response


async def click(app: AsyncApp, payload: dict[str, Any]) -> None:
    response = await dispatch(app, interactive_body(payload), FORM)
    assert response.status == 200


def header(message: dict[str, Any]) -> str:
    assert message["blocks"][0]["type"] == "header"
    return str(message["blocks"][0]["text"]["text"])


def button(message: dict[str, Any], action_prefix: str) -> dict[str, Any]:
    for block in message["blocks"]:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if str(element.get("action_id", "")).startswith(action_prefix):
                return dict(element)
    raise AssertionError(f"no {action_prefix} button")


# -- /factcheck --------------------------------------------------------------------------------


async def test_slash_command_answers_privately_then_shares_in_channel(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_command(app, fake, QUESTION)

    [private] = fake.calls_to("response_url")
    assert private["response_type"] == "ephemeral"
    assert header(private) == "❌ FALSE"
    assert "work for money" in private["text"]  # plain fallback text
    assert "Min Aung Hlaing" in "\n".join(all_mrkdwn(private["blocks"]))
    assert "Match confidence: *very close match (100%)*" in all_mrkdwn(private["blocks"])[-1]
    share = button(private, SHARE_ACTION)
    assert json.loads(share["value"])["c"] == CLAIM_ID
    assert fake.calls_to("chat.postMessage") == []  # nothing public yet

    fake.reset()
    await click(app, block_action(SHARE_ACTION, share["value"], response_url=fake.response_url()))

    public, delete = fake.calls_to("response_url")
    assert public["response_type"] == "in_channel"
    assert public["replace_original"] is False
    assert public["text"] == private["text"]
    assert public["blocks"][:-1] == private["blocks"][:-2]  # the same answer…
    assert f"Shared by <@{USER}>" in all_mrkdwn(public["blocks"])[-1]
    assert "Match confidence: *very close match (100%)*" in all_mrkdwn(public["blocks"])[-2]
    assert "actions" not in [b["type"] for b in public["blocks"]]  # …without the button
    assert delete == {"text": "", "delete_original": True}


async def test_share_after_a_restart_rebuilds_the_same_answer_from_the_button(
    fake: FakeSlackApi, core: Core
) -> None:
    question = "Were the protesters in Myanmar paid?"  # a close match, not an exact one
    await send_command(make_app(fake, core), fake, question)
    [private] = fake.calls_to("response_url")
    value = button(private, SHARE_ACTION)["value"]
    fake.reset()

    restarted = make_app(fake, core)
    await click(restarted, block_action(SHARE_ACTION, value, response_url=fake.response_url()))
    public, _ = fake.calls_to("response_url")
    assert public["response_type"] == "in_channel"
    assert public["blocks"][:-1] == private["blocks"][:-2]  # same confidence, no extra notes
    assert f"asked: “{question}”" in all_mrkdwn(public["blocks"])[-1]
    assert all_mrkdwn(public["blocks"])[-2] == all_mrkdwn(private["blocks"])[-1]  # its confidence


async def test_a_crafted_share_value_cannot_reveal_another_answer(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_command(app, fake, "Were the protesters in Myanmar paid?")
    [private] = fake.calls_to("response_url")
    key = json.loads(button(private, SHARE_ACTION)["value"])["k"]
    assert len(key) >= 16  # random, not a counter
    fake.reset()
    for value in ["not json", "[]", json.dumps({"k": "s1"}), json.dumps({"c": "no-such-id"})]:
        await click(app, block_action(SHARE_ACTION, value, response_url=fake.response_url()))
    assert all(c["response_type"] == "ephemeral" for c in fake.calls_to("response_url"))
    assert "no longer available" in fake.calls_to("response_url")[-1]["text"]


@pytest.mark.parametrize("text", ["", "help", "  HELP  "])
async def test_slash_command_alone_or_help_shows_the_help(
    app: AsyncApp, fake: FakeSlackApi, text: str
) -> None:
    await send_command(app, fake, text)
    [reply] = fake.calls_to("response_url")
    assert reply["response_type"] == "ephemeral"
    # Slack would take "/check" as a slash command of its own: the help says how to type it.
    help_text = all_mrkdwn(reply["blocks"])[0]
    assert "/factcheck check &lt;text&gt;" in reply["text"]
    assert "/factcheck help" in help_text
    assert " /check" not in help_text and "\n/check" not in help_text


async def test_slash_command_check_word_works_without_its_slash(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_command(app, fake, f"check {QUESTION}")
    [reply] = fake.calls_to("response_url")
    assert header(reply) == "❌ FALSE"


# -- mentions, DMs, ignored messages -----------------------------------------------------------


async def test_mention_is_answered_in_a_thread_under_it(app: AsyncApp, fake: FakeSlackApi) -> None:
    await send_event(app, mention_event(QUESTION, ts="1700000100.000100"))
    [post] = fake.calls_to("chat.postMessage")
    assert post["channel"] == CHANNEL
    assert post["thread_ts"] == "1700000100.000100"
    assert header(post) == "❌ FALSE"
    assert post["text"]
    [actions] = [b for b in post["blocks"] if b["type"] == "actions"]
    labels = [e["text"]["text"] for e in actions["elements"]]
    assert labels == ["👍 That answers it", "👎 Not what I asked"]  # no Share: already public


@pytest.mark.parametrize("text", ["/help", ""])
async def test_mention_with_a_command_or_nothing_shows_the_help(
    app: AsyncApp, fake: FakeSlackApi, text: str
) -> None:
    await send_event(app, mention_event(text))
    [post] = fake.calls_to("chat.postMessage")
    assert "/factcheck check &lt;text&gt;" in post["text"]


async def test_mention_inside_a_thread_answers_in_that_thread(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    event = mention_event(QUESTION, ts="1700000150.000100", thread_ts="1700000001.000001")
    await send_event(app, event)
    [post] = fake.calls_to("chat.postMessage")
    assert post["thread_ts"] == "1700000001.000001"


async def test_duplicate_message_event_for_a_mention_is_ignored(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    text = f"<@{BOT_USER_ID}> {QUESTION}"
    duplicate = message_event(text, channel=CHANNEL, channel_type="channel")
    await send_event(app, mention_event(QUESTION))
    await send_event(app, duplicate)
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_a_redelivered_event_is_answered_once(app: AsyncApp, fake: FakeSlackApi) -> None:
    event = event_body(mention_event(QUESTION), event_id="Ev0REDELIVERED")
    for _ in range(2):
        response = await dispatch(app, event, JSON)
        assert response.status == 200
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_direct_message_is_a_check(app: AsyncApp, fake: FakeSlackApi) -> None:
    await send_event(app, message_event(QUESTION))
    [post] = fake.calls_to("chat.postMessage")
    assert post["channel"] == DM_CHANNEL
    assert "thread_ts" not in post
    assert header(post) == "❌ FALSE"


async def test_a_file_shared_with_a_caption_is_checked(app: AsyncApp, fake: FakeSlackApi) -> None:
    await send_event(app, message_event(QUESTION, subtype="file_share", files=[{"id": "F1"}]))
    [post] = fake.calls_to("chat.postMessage")
    assert header(post) == "❌ FALSE"


@pytest.mark.parametrize(
    ("shared", "kind", "said"),
    [
        ({"mimetype": "audio/webm", "subtype": "slack_audio"}, "voice", "voice messages"),
        ({"mimetype": "audio/mpeg"}, "audio", "listen to audio"),
        ({"mimetype": "video/mp4"}, "video", "watch videos"),
        ({"mimetype": "application/pdf"}, "file", "this kind of file"),
    ],
)
async def test_a_file_the_bot_does_not_read_gets_a_plain_answer_and_is_queued(
    app: AsyncApp, fake: FakeSlackApi, core: Core, shared: dict[str, str], kind: str, said: str
) -> None:
    files = [{"id": "F2", **shared}]
    await send_event(app, message_event("", subtype="file_share", files=files))
    [post] = fake.calls_to("chat.postMessage")
    assert said in post["text"] and "/factcheck notify" in post["text"]
    [entry] = core.desk.queue.entries()
    assert entry.text == f"[{kind} slack:F2]"


async def test_the_words_shared_with_a_video_are_checked(
    app: AsyncApp, fake: FakeSlackApi, core: Core
) -> None:
    files = [{"id": "F3", "mimetype": "video/mp4"}]
    await send_event(app, message_event(QUESTION, subtype="file_share", files=files))
    [post] = fake.calls_to("chat.postMessage")
    assert header(post) == "❌ FALSE"
    assert "I didn't open the file you sent" in str(post["blocks"])
    assert core.desk.queue.entries() == []


async def test_message_shortcut_on_a_voice_clip(app: AsyncApp, fake: FakeSlackApi) -> None:
    payload = message_shortcut("", response_url=fake.response_url())
    payload["message"]["files"] = [{"id": "F4", "mimetype": "audio/webm", "subtype": "slack_audio"}]
    await click(app, payload)
    [reply] = fake.calls_to("response_url")
    assert reply["response_type"] == "ephemeral"
    assert "voice messages" in reply["text"]


async def test_direct_message_help_without_slash_shows_help(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_event(app, message_event("help"))
    [post] = fake.calls_to("chat.postMessage")
    assert post["text"].startswith("Send me any claim and I'll look it up.")
    assert "/factcheck help" in post["text"]


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(message_event(QUESTION, user=BOT_USER_ID, bot_id=BOT_ID), id="own-message"),
        pytest.param(
            message_event(QUESTION, user=None, bot_id=OTHER_BOT_ID, subtype="bot_message"),
            id="other-bot",
        ),
        pytest.param(message_event(QUESTION, bot_id=OTHER_BOT_ID), id="bot-with-a-user"),
        pytest.param(
            message_event(
                None,
                subtype="message_changed",
                message={"type": "message", "user": USER, "text": QUESTION, "ts": "1.2"},
            ),
            id="edit",
        ),
        pytest.param(message_event(QUESTION, subtype="channel_join"), id="join"),
        pytest.param(message_event(QUESTION, channel_type="channel", channel=CHANNEL), id="chan"),
        pytest.param(mention_event(QUESTION, bot_id=OTHER_BOT_ID), id="bot-mention"),
    ],
)
async def test_ignored_messages_get_no_answer(
    app: AsyncApp, fake: FakeSlackApi, event: dict[str, Any]
) -> None:
    await send_event(app, event)
    assert fake.messages() == []


# -- watch mode ---------------------------------------------------------------------------------


EVENT_IDS = itertools.count(1)


async def send_new(app: AsyncApp, event: dict[str, Any]) -> None:
    """An event with an id of its own (``send_event`` reuses one: a redelivery)."""
    body = event_body(event, event_id=f"Ev0NEW{next(EVENT_IDS)}")
    assert (await dispatch(app, body, JSON)).status == 200


async def test_a_workspace_admin_turns_watch_mode_on_and_falsehoods_get_a_reply(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    fake.users[USER] = {"is_admin": True}
    await send_new(app, mention_event("/watch on"))
    [lookup] = fake.admin_lookups()
    assert lookup["user"] == USER
    [turned_on] = fake.calls_to("chat.postMessage")
    assert "Watch mode is on" in turned_on["text"]
    fake.reset()
    # a channel message nobody addressed to the bot: corrected, in a thread under it
    said = message_event(QUESTION, channel=CHANNEL, channel_type="channel", ts="1700000300.1")
    await send_new(app, said)
    [post] = fake.calls_to("chat.postMessage")
    assert (post["channel"], post["thread_ts"]) == (CHANNEL, "1700000300.1")
    assert header(post) == "❌ FALSE"
    # once an hour per claim and channel; small talk gets nothing
    again = message_event(QUESTION, channel=CHANNEL, channel_type="channel", ts="1700000400.1")
    chatter = message_event("lunch at noon?", channel=CHANNEL, channel_type="channel")
    for event in (again, chatter):
        await send_new(app, event)
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_watch_mode_reaches_private_channels_and_stays_out_of_other_channels(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    fake.users[USER] = {"is_owner": True}
    await send_new(app, mention_event("/watch on", channel="G0PRIVATE1"))
    fake.reset()
    private = message_event(QUESTION, channel="G0PRIVATE1", channel_type="group")
    await send_new(app, private)
    [post] = fake.calls_to("chat.postMessage")
    assert post["channel"] == "G0PRIVATE1"
    fake.reset()
    elsewhere = message_event(QUESTION, channel=CHANNEL, channel_type="channel")
    await send_new(app, elsewhere)
    assert fake.messages() == []


async def test_only_workspace_admins_switch_watch_mode(
    app: AsyncApp, fake: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    await send_new(app, mention_event("/watch on"))
    [refused] = fake.calls_to("chat.postMessage")
    assert "only this group's admins" in refused["text"]
    fake.reset()
    fake.fail("users.info", "missing_scope")  # an app installed without users:read
    await send_new(app, mention_event("/watch on", ts="1700000500.1"))
    [refused] = fake.calls_to("chat.postMessage")
    assert "only this group's admins" in refused["text"]
    assert "could not ask Slack" in caplog.text
    # anyone may ask for the setting; nothing is looked up for it
    fake.reset()
    await send_new(app, mention_event("/watch", ts="1700000600.1"))
    [state] = fake.calls_to("chat.postMessage")
    assert "Watch mode is off" in state["text"]
    assert fake.admin_lookups() == []
    said = message_event(QUESTION, channel=CHANNEL, channel_type="channel")
    await send_new(app, said)
    assert len(fake.calls_to("chat.postMessage")) == 1


# -- message shortcut and suggestion buttons ----------------------------------------------------


async def test_message_shortcut_answers_only_the_user(app: AsyncApp, fake: FakeSlackApi) -> None:
    payload = message_shortcut(
        "Min Aung Hlaing says the people attacking the military only do it for money",
        response_url=fake.response_url("shortcut"),
    )
    await click(app, payload)
    [reply] = fake.calls_to("response_url")
    assert reply["response_type"] == "ephemeral"
    assert header(reply) == "❌ FALSE"
    assert button(reply, SHARE_ACTION)
    assert fake.calls_to("chat.postMessage") == []


async def test_message_shortcut_on_a_message_without_text(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await click(app, message_shortcut("", response_url=fake.response_url()))
    [reply] = fake.calls_to("response_url")
    assert reply["response_type"] == "ephemeral"
    assert "no text" in reply["text"]


async def test_public_suggestion_button_posts_the_claim_in_the_thread(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_event(app, mention_event("paid protesters", ts="1700000500.000500"))
    [suggestions] = fake.calls_to("chat.postMessage")
    assert suggestions["thread_ts"] == "1700000500.000500"
    first = button(suggestions, "factcheck_show")
    assert first["value"] == CLAIM_ID
    fake.reset()

    message = {"type": "message", "ts": "1700000501.000001", "thread_ts": "1700000500.000500"}
    payload = block_action(
        first["action_id"],
        first["value"],
        response_url=fake.response_url(),
        ephemeral=False,
        message=message,
    )
    await click(app, payload)
    [answer] = fake.calls_to("chat.postMessage")
    assert answer["channel"] == CHANNEL
    assert answer["thread_ts"] == "1700000500.000500"
    assert header(answer) == "❌ FALSE"
    assert "work for money" in answer["text"]


async def test_private_suggestion_button_replaces_the_suggestions(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_command(app, fake, "protesters")
    [suggestions] = fake.calls_to("response_url")
    assert suggestions["response_type"] == "ephemeral"
    buttons = [b["accessory"] for b in suggestions["blocks"] if "accessory" in b]
    assert len(buttons) >= 2
    fake.reset()

    second = buttons[1]
    await click(
        app, block_action(second["action_id"], second["value"], response_url=fake.response_url())
    )
    [answer] = fake.calls_to("response_url")
    assert answer["response_type"] == "ephemeral"
    assert answer["replace_original"] is True
    assert json.loads(button(answer, SHARE_ACTION)["value"])["c"] == second["value"]
    assert fake.calls_to("chat.postMessage") == []


# -- escaping ----------------------------------------------------------------------------------


class Scripted:
    """A stand-in core that returns a given reply (or raises) and records what it received."""

    def __init__(self, reply: Callable[[Incoming], Reply | None]) -> None:
        self.reply = reply
        self.received: list[Incoming] = []
        self.commands = CommandRegistry()

    def search(self, text: str, limit: int = 5) -> list[ClaimView]:
        return []

    def language_of(self, msg: Incoming, text: str = "") -> str:
        return "en"

    def handle(self, msg: Incoming) -> Reply | None:
        self.received.append(msg)
        return self.reply(msg)

    def admit(self, msg: Incoming) -> None:
        return None  # no request limit for the stand-in

    def first_delivery(self, platform: str, delivery_id: str) -> bool:
        return True  # de-duplicated by the adapter's own memory only

    def show_claim(self, claim_id: str, msg: Incoming) -> Reply:
        self.received.append(msg)
        result = self.reply(msg)
        assert result is not None
        return result

    def feedback(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        return self.show_claim("", msg)

    def subscribe(self, msg: Incoming, queue_id: int) -> Reply:
        return self.show_claim("", msg)

    def pending_notifications(self, platform: str) -> list[tuple[Any, Reply]]:
        return []

    def notification_delivered(self, notification_id: int) -> None:
        raise AssertionError("nothing was pending")


def evil_answer(msg: Incoming) -> Reply:
    view = claim_view(claim=INJECTION, summary=INJECTION, claimant=INJECTION)
    return Reply(kind=ReplyKind.ANSWER, query=msg.text, matches=(view,), notes=(INJECTION,))


async def test_user_text_reaches_the_core_as_plain_text_and_comes_back_escaped(
    fake: FakeSlackApi, core: Core
) -> None:
    app = make_app(fake, core)
    # The user typed "/<!here> & co": Slack escapes it as below.
    await send_event(app, message_event("/&lt;!here&gt; &amp; co"))
    [post] = fake.calls_to("chat.postMessage")
    assert "/&lt;!here&gt;" in post["text"]
    assert "<!here>" not in json.dumps(post)

    scripted = Scripted(evil_answer)
    app = make_app(fake, scripted)
    await send_event(app, mention_event("&lt;b&gt; <!channel> <https://x.example|link>"))
    # The word "link" links to a page it does not show: the address comes with it.
    assert scripted.received[0].text == "<b> @channel link\nhttps://x.example"
    assert scripted.received[0].addressed and not scripted.received[0].is_direct


async def test_claim_text_cannot_inject_mentions_or_links(fake: FakeSlackApi) -> None:
    app = make_app(fake, Scripted(evil_answer))
    await send_command(app, fake, "anything")
    [reply] = fake.calls_to("response_url")
    rendered = json.dumps(reply)
    assert "<!channel>" not in rendered
    assert "<@U999>" not in rendered
    assert "<https://evil.example|click>" not in rendered
    assert "&lt;!channel&gt; &lt;@U999&gt;" in rendered
    assert "&amp;amp;" in rendered  # an already-escaped entity stays visible as typed
    fake.reset()

    value = button(reply, SHARE_ACTION)["value"]
    await click(app, block_action(SHARE_ACTION, value, response_url=fake.response_url()))
    public, _ = fake.calls_to("response_url")
    assert "<!channel>" not in json.dumps(public)


# -- failures ----------------------------------------------------------------------------------


def broken(msg: Incoming) -> Reply:
    raise RuntimeError("the claim base is on fire")


async def test_listener_error_is_logged_and_the_user_gets_an_apology(
    fake: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(fake, Scripted(broken))
    await send_event(app, mention_event(QUESTION, ts="1700000600.000600"))
    await send_command(app, fake, QUESTION)

    [post] = fake.calls_to("chat.postMessage")
    assert post["text"] == APOLOGY
    assert post["thread_ts"] == "1700000600.000600"
    [private] = fake.calls_to("response_url")
    assert private["text"] == APOLOGY
    assert private["response_type"] == "ephemeral"
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(failures) == 2
    assert all("the claim base is on fire" in (r.exc_text or "") for r in failures)
    caplog.clear()

    # The app keeps running: the next request is answered normally.
    fixed = Scripted(lambda msg: Reply(kind=ReplyKind.TEXT, text="fine again"))
    app = make_app(fake, fixed)
    await send_event(app, message_event("hello"))
    assert fake.calls_to("chat.postMessage")[-1]["text"] == "fine again"


async def test_a_failing_web_api_is_logged_not_raised(
    app: AsyncApp, fake: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("chat.postMessage", "not_in_channel")
    response = await dispatch(app, event_body(mention_event(QUESTION)), JSON)
    assert response.status == 200
    assert len(fake.calls_to("chat.postMessage")) == 2  # the answer, then the apology
    assert any("not_in_channel" in (r.exc_text or "") for r in caplog.records)
    caplog.clear()


async def test_core_silence_sends_nothing(fake: FakeSlackApi) -> None:
    app = make_app(fake, Scripted(lambda msg: None))
    await send_event(app, mention_event(QUESTION))
    await send_event(app, message_event(QUESTION))
    assert fake.messages() == []


async def test_bot_token_is_the_one_used_for_every_web_api_call(
    app: AsyncApp, fake: FakeSlackApi
) -> None:
    await send_event(app, message_event(QUESTION))
    assert {c.token for c in fake.calls if c.method != "response_url"} == {"xoxb-test-token"}
    # the asker's locale, once, for the language to answer in
    assert [c.method for c in fake.calls] == ["auth.test", "users.info", "chat.postMessage"]


async def test_share_value_fits_a_button_even_for_a_long_escaped_question(
    fake: FakeSlackApi,
) -> None:
    app = make_app(fake, Scripted(evil_answer))  # answers anything, echoing the question
    question = "Were the protesters in Myanmar paid? " + '"ဆန္ဒပြသူ\\' * 400
    await send_command(app, fake, question)
    [private] = fake.calls_to("response_url")
    value = button(private, SHARE_ACTION)["value"]
    assert len(value) <= 2000
    assert json.loads(value)["q"].startswith("Were the protesters")


async def test_message_shortcut_checks_the_text_even_if_it_looks_like_a_command(
    fake: FakeSlackApi,
) -> None:
    scripted = Scripted(lambda msg: Reply(kind=ReplyKind.NONE))
    app = make_app(fake, scripted)
    await click(app, message_shortcut("help", response_url=fake.response_url()))
    [msg] = scripted.received
    assert msg.text == "/check help"
    assert msg.is_direct and msg.user_id == USER
    assert msg.chat_id == USER  # private: anything sent later goes to the user, not the channel


async def test_private_questions_belong_to_the_asker_not_the_channel(fake: FakeSlackApi) -> None:
    scripted = Scripted(lambda msg: Reply(kind=ReplyKind.NONE))
    app = make_app(fake, scripted)
    await send_command(app, fake, "in a channel")
    in_dm = command_body("in a DM", response_url=fake.response_url()).replace(
        f"channel_id={CHANNEL}", f"channel_id={DM_CHANNEL}"
    )
    await dispatch(app, in_dm, FORM)
    await send_event(app, mention_event("in public"))
    assert [(m.text, m.chat_id) for m in scripted.received] == [
        ("in a channel", USER),
        ("in a DM", DM_CHANNEL),
        ("in public", CHANNEL),
    ]


# -- feedback and "tell me when it's checked" --------------------------------------------------


async def test_feedback_then_notify_then_the_notice_arrives_as_a_dm(
    fake: FakeSlackApi, core: Core
) -> None:
    adapter = SlackAdapter(core, runner=Inline(core))
    app = make_app(fake, core, adapter)
    await send_command(app, fake, QUESTION)
    [private] = fake.calls_to("response_url")
    labels = [e["text"]["text"] for e in private["blocks"][-1]["elements"]]
    assert labels == ["Share in channel", "👍 That answers it", "👎 Not what I asked"]
    unhelpful = button(private, "factcheck_feedback_0")
    assert unhelpful["value"].endswith(":0")
    fake.reset()

    await click(
        app,
        block_action(unhelpful["action_id"], unhelpful["value"], response_url=fake.response_url()),
    )
    [thanks] = fake.calls_to("response_url")
    assert thanks["response_type"] == "ephemeral"
    assert "passed your question to the fact-checkers" in thanks["text"]
    notify = button(thanks, NOTIFY_ACTION)
    fake.reset()

    await click(app, block_action(NOTIFY_ACTION, notify["value"], response_url=fake.response_url()))
    [subscribed] = fake.calls_to("response_url")
    assert subscribed["response_type"] == "ephemeral"
    assert "It will come as a direct message." in json.dumps(subscribed)
    assert fake.calls_to("chat.postMessage") == []
    fake.reset()

    # A moderator links the question to a fact-check: the asker is told, privately.
    core.desk.queue.link(
        int(notify["value"]), "mm-protests-became-terrorism", Actor("slack", "UMOD")
    )
    assert await adapter.deliver_notifications(app.client) == 1
    [notice] = fake.calls_to("chat.postMessage")
    assert notice["channel"] == USER  # the user's DM with the app, not the channel
    assert header(notice) == "❌ FALSE"
    assert "has now been checked" in json.dumps(notice)
    assert "actions" not in [b["type"] for b in notice["blocks"]]
    assert await adapter.deliver_notifications(app.client) == 0  # delivered once


async def test_suggestions_offer_none_of_these(app: AsyncApp, fake: FakeSlackApi) -> None:
    await send_event(app, message_event("protesters"))
    [suggestions] = fake.calls_to("chat.postMessage")
    none_of_these = button(suggestions, "factcheck_feedback_0")
    assert none_of_these["text"]["text"] == "None of these"
    fake.reset()
    click_payload = block_action(
        none_of_these["action_id"],
        none_of_these["value"],
        response_url=fake.response_url(),
        ephemeral=False,
        channel=DM_CHANNEL,
        message={"type": "message", "ts": "1700000900.000900"},
    )
    await click(app, click_payload)
    [thanks] = fake.calls_to("response_url")
    assert thanks["response_type"] == "ephemeral"
    assert thanks["replace_original"] is False
    assert button(thanks, NOTIFY_ACTION)


@pytest.mark.parametrize("action", ["factcheck_feedback_1", NOTIFY_ACTION])
async def test_a_tampered_button_has_expired(
    app: AsyncApp, fake: FakeSlackApi, action: str
) -> None:
    await click(app, block_action(action, "x:y", response_url=fake.response_url()))
    [reply] = fake.calls_to("response_url")
    assert reply["text"] == "That button has expired."


@dataclass(frozen=True)
class Note:
    id: int
    chat_id: str


class Notifying(Scripted):
    def __init__(self, notes: list[Note]) -> None:
        super().__init__(lambda msg: None)
        self.notes = notes
        self.delivered: list[int] = []

    def pending_notifications(self, platform: str) -> list[tuple[Any, Reply]]:
        assert platform == "slack"
        left = [n for n in self.notes if n.id not in self.delivered]
        return [(n, Reply(kind=ReplyKind.TEXT, text=f"notice {n.id}")) for n in left]

    def notification_delivered(self, notification_id: int) -> None:
        self.delivered.append(notification_id)


@pytest.mark.parametrize(("error", "dropped"), [("channel_not_found", [1, 2]), ("ratelimited", [])])
async def test_undeliverable_notices_are_dropped_and_outages_postponed(
    fake: FakeSlackApi, error: str, dropped: list[int]
) -> None:
    core = Notifying([Note(1, "U1"), Note(2, "U2")])
    adapter = SlackAdapter(core)
    app = make_app(fake, core, adapter)
    fake.fail("chat.postMessage", error)
    assert await adapter.deliver_notifications(app.client) == 0
    assert core.delivered == dropped
    fake.reset()
    assert await adapter.deliver_notifications(app.client) == 2 - len(dropped)
    assert [c["text"] for c in fake.calls_to("chat.postMessage")] == [
        f"notice {n}" for n in (1, 2) if n not in dropped
    ]


# -- moderation through Slack ---------------------------------------------------------------


async def test_an_admin_grants_a_moderator_by_mention_and_the_moderator_can_edit(
    fake: FakeSlackApi, base: ClaimBase
) -> None:
    from bot.access import Access

    admin = message_event("x")["user"]
    core = Core(base, access=Access(admins=frozenset({f"slack:{admin}"})))
    app = make_app(fake, core)
    await send_command(app, fake, "grant <@U0NEWMOD|newmod>")
    [granted] = fake.calls_to("response_url")
    assert "slack:U0NEWMOD is now a moderator" in json.dumps(granted)
    assert core.desk.roles.is_moderator("slack", "U0NEWMOD")
    await send_event(app, message_event("retract mm-election-fraud under review", user="U0NEWMOD"))
    post = fake.calls_to("chat.postMessage")[-1]
    assert "is retracted" in post["text"]
    stored = base.get("mm-election-fraud")
    assert stored is not None and stored.status == "retracted"


async def test_a_user_cannot_moderate_from_slack(fake: FakeSlackApi, base: ClaimBase) -> None:
    app = make_app(fake, Core(base))
    await send_event(app, message_event("retract mm-election-fraud", user="U0SOMEONE"))
    post = fake.calls_to("chat.postMessage")[-1]
    assert "for moderators only" in post["text"]
    stored = base.get("mm-election-fraud")
    assert stored is not None and stored.status == "published"


async def test_checks_that_disagree_are_offered_together_with_a_note(
    app: AsyncApp, fake: FakeSlackApi, core: Core
) -> None:
    add_disagreeing_checks(core.base)
    await send_event(app, message_event(ASKED_OF_BOTH))
    [suggestions] = fake.calls_to("chat.postMessage")
    assert "reached different verdicts" in json.dumps(suggestions, ensure_ascii=False)
    values = [b["accessory"]["value"] for b in suggestions["blocks"] if "accessory" in b]
    assert {"tax-1", "tax-2"} <= {v.split(":")[-1] for v in values}
