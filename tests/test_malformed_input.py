"""Malformed input from the platforms (issue 15, items 4–9), through the real adapters: an
update python-telegram-bot cannot read, numbers and text in commands and buttons, Slack's
command words, line breaks, bad signatures and replays."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from slack_bolt.async_app import AsyncApp
from telegram import Update

from adapters.redact import hide_update_content_in_logs
from adapters.slack_app import EVENTS_PATH, start_http
from adapters.slack_render import FEEDBACK_ACTION_PREFIX, NOTIFY_ACTION, SHOW_ACTION_PREFIX
from adapters.telegram_app import build_application
from bot.core import Core
from knowledge.store import ClaimBase
from tests.fakes.slack_api import (
    SIGNING_SECRET,
    USER,
    FakeSlackApi,
    block_action,
    command_body,
    event_body,
    message_event,
)
from tests.fakes.telegram_api import (
    FakeBotAPI,
    callback_update,
    local_requests,
    message,
    message_update,
    private_chat,
    user,
)
from tests.test_slack_app import FORM, click, dispatch, make_app, send_command, send_event
from tests.test_telegram_app import Harness, telegram_harness

QUESTION = "Were the Myanmar protesters paid terrorists?"
PRIVATE_WORDS = "my neighbour Daw Khin Khin told me this secretly"


@pytest.fixture
async def harness(bot: Core) -> AsyncIterator[Harness]:
    async with telegram_harness(bot) as h:
        yield h


# -- 4. an update the library cannot read, in a getUpdates batch -------------------------------


async def test_a_bad_update_in_a_polled_batch_is_skipped_and_the_rest_answered(
    bot: Core, caplog: pytest.LogCaptureFixture
) -> None:
    hide_update_content_in_logs()
    async with FakeBotAPI() as fake:
        app = build_application(bot, fake.token, api_url=fake.url, **local_requests())
        no_date = message(PRIVATE_WORDS, chat=private_chat(43), sender=user(43, "Khin"))
        del no_date["date"]
        wrong_type = message(PRIVATE_WORDS, chat=private_chat(44), sender=user(44, "Aung"))
        wrong_type["from"] = ["a", "field", "of", "a", "type", "the", "library", "cannot", "read"]
        first = fake.push_update(message_update(QUESTION, chat=private_chat(41)))
        fake.push_update({"message": no_date})
        fake.push_update({"message": wrong_type})
        last = fake.push_update(message_update(QUESTION, chat=private_chat(42)))
        with caplog.at_level(logging.INFO):
            async with app:
                await app.start()
                assert app.updater is not None
                await app.updater.start_polling(poll_interval=0)
                await fake.wait_for(lambda: len(fake.sent_messages()) == 2)
                await fake.wait_for(
                    lambda: fake.calls_to("getUpdates")[-1].params.get("offset") == last + 1
                )
                await app.updater.stop()
                await app.stop()
    assert sorted(m["chat_id"] for m in fake.sent_messages()) == [41, 42]
    # no hot loop: one poll got the batch, the next asked for what comes after it
    offsets = [c.params.get("offset") for c in fake.calls_to("getUpdates")]
    assert offsets.count(first) <= 1 and len(offsets) < 10
    skipped = [r.getMessage() for r in caplog.records if "skipped Telegram update" in r.message]
    assert len(skipped) == 2  # once each
    assert skipped[0].startswith(f"skipped Telegram update {first + 1}: it cannot be read (")
    assert skipped[1].startswith(f"skipped Telegram update {first + 2}: it cannot be read (")
    assert not any(
        "Khin" in r.getMessage() or "neighbour" in r.getMessage() for r in caplog.records
    )


def test_the_librarys_error_lines_name_updates_by_id_only(
    bot: Core, caplog: pytest.LogCaptureFixture
) -> None:
    hide_update_content_in_logs()
    update = Update.de_json(
        {"update_id": 77, **message_update(PRIVATE_WORDS, sender=user(43, "Khin"))}, None
    )
    with caplog.at_level(logging.WARNING):
        logging.getLogger("telegram.ext.Application").critical(
            "Error while building CallbackContext for update %s.", update
        )
        logging.getLogger("telegram.Bot").critical(
            "Error while parsing updates! Received data was %r", [update.to_dict()]
        )
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "Error while building CallbackContext for update <update 77>.",
        "Error while parsing updates! Received data was ['<update 77>']",
    ]


# -- 5. numbers and text from commands and buttons -------------------------------------------

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"/notify {HUGE}", "/notify <number>"),
        ("/notify ²", "/notify <number>"),
        ("/notify ٣", "/notify <number>"),
        ("/notify -5", "/notify <number>"),
        ("/show \ud800", "There is no fact-check with the id"),
    ],
)
async def test_bad_numbers_and_text_in_commands_get_the_expected_form(
    harness: Harness, text: str, expected: str
) -> None:
    [reply] = await harness.feed(message_update(text))
    assert expected.replace("<", "&lt;").replace(">", "&gt;") in reply["text"]


@pytest.mark.parametrize("text", [f"/link {HUGE} mm-protesters-paid", "/link ² mm-protesters-paid"])
async def test_bad_queue_numbers_in_link_get_its_usage(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    harness.core.access.admins = frozenset({"telegram:42"})
    [reply] = await harness.feed(message_update(text))
    assert "Usage: /link &lt;queue number&gt; &lt;claim id&gt;" in reply["text"]


@pytest.mark.parametrize(
    "data", ["fb:²:0", f"fb:{HUGE}:1", "fb:1:2", f"notify:{HUGE}", "notify:²", "show:\ud800"]
)
async def test_bad_callback_data_is_answered_and_changes_nothing(
    harness: Harness, data: str
) -> None:
    card = message("a card", chat=private_chat(42), sender=user(7000001, "Factbot"))
    assert await harness.feed(callback_update(data, on_message=card)) == []
    [answered] = harness.fake.calls_to("answerCallbackQuery")
    assert answered.params.get("text") in (
        "That button has expired.",
        "That is not the id of a fact-check.",
    )
    assert harness.fake.calls_to("editMessageReplyMarkup") == []


# -- Slack: button values, command words, line breaks, signatures, replays ---------------------


@pytest.fixture
def slack_app(slack_fake: FakeSlackApi, bot: Core) -> AsyncApp:
    return make_app(slack_fake, bot)


@pytest.mark.parametrize(
    ("action", "value"),
    [
        (f"{FEEDBACK_ACTION_PREFIX}_0", "²:0"),
        (f"{FEEDBACK_ACTION_PREFIX}_1", f"{HUGE}:1"),
        (NOTIFY_ACTION, HUGE),
        (NOTIFY_ACTION, "²"),
        (SHOW_ACTION_PREFIX, "\ud800"),
    ],
)
async def test_bad_slack_button_values_are_answered_and_change_nothing(
    slack_app: AsyncApp, slack_fake: FakeSlackApi, action: str, value: str
) -> None:
    await click(slack_app, block_action(action, value, response_url=slack_fake.response_url("b")))
    [reply] = slack_fake.calls_to("response_url")
    assert reply["text"] in ("That button has expired.", "That is not the id of a fact-check.")
    assert slack_fake.calls_to("chat.postMessage") == []


@pytest.mark.parametrize(
    "text",
    [
        "Verdict on whether the Myanmar protesters were paid terrorists?",
        "Show me proof the Myanmar protesters were paid terrorists",
        "No one paid the Myanmar protesters, were they terrorists?",
        "Yes or no: were the Myanmar protesters paid terrorists?",
    ],
)
async def test_a_slack_question_starting_with_a_command_word_is_a_question(
    slack_app: AsyncApp, slack_fake: FakeSlackApi, text: str
) -> None:
    await send_event(slack_app, message_event(text))
    # checked as a question: the claim it is about is offered, not a command's reply
    [post] = slack_fake.calls_to("chat.postMessage")
    assert "work for money" in post["text"], post["text"]
    await send_command(slack_app, slack_fake, text)
    [private] = slack_fake.calls_to("response_url")
    assert "work for money" in private["text"], private["text"]


async def test_exact_command_forms_are_still_commands_on_slack(
    slack_app: AsyncApp, slack_fake: FakeSlackApi
) -> None:
    await send_event(slack_app, message_event(QUESTION))
    no = event_body(message_event("no", ts="1700000201.000200"), event_id="Ev2")
    assert (await dispatch(slack_app, no, "application/json")).status == 200
    feedback = slack_fake.calls_to("chat.postMessage")[-1]
    assert "passed your question to the fact-checkers" in feedback["text"]


ADD_LINES = (
    "add\n"
    "claim: Purple umbrellas cause rain in Yangon\n"
    "verdict: false\n"
    "claimant: A viral post\n"
    "date: 2021-03-01\n"
    "summary: Weather services say umbrellas do not change the weather.\n"
    "source: Myanmar weather service | Umbrella myths | 2021-03-02"
)


@pytest.mark.parametrize("how", ["command", "direct message"])
async def test_one_message_add_keeps_its_line_breaks_on_slack(
    slack_fake: FakeSlackApi, bot: Core, how: str
) -> None:
    bot.access.admins = frozenset({f"slack:{USER}"})
    app = make_app(slack_fake, bot)
    if how == "command":
        await send_command(app, slack_fake, ADD_LINES)
        [reply] = slack_fake.calls_to("response_url")
    else:
        await send_event(app, message_event(ADD_LINES))
        [reply] = slack_fake.calls_to("chat.postMessage")
    assert "Added" in reply["text"], reply["text"]
    [added] = [c for c in bot.base.list_claims() if "umbrellas" in c.claim]
    assert added.claimant == "A viral post" and added.sources[0].title == "Umbrella myths"


async def test_a_replayed_slash_command_runs_once(
    slack_app: AsyncApp, slack_fake: FakeSlackApi
) -> None:
    body = command_body(QUESTION, response_url=slack_fake.response_url("c"))
    for _ in range(2):
        response = await dispatch(slack_app, body, FORM)
        assert response.status == 200
    assert len(slack_fake.calls_to("response_url")) == 1
    again = command_body(QUESTION, response_url=slack_fake.response_url("d"))
    await dispatch(slack_app, again, FORM)
    assert len(slack_fake.calls_to("response_url")) == 2  # a new trigger is a new command


FORGED = 'x\n2026-11-30 05:00:00 ERROR factbot: admin password is "hunter2"'


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        ("{}", {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"}),
        ("{}", {"X-Slack-Request-Timestamp": "１７００", "X-Slack-Signature": "v0=00"}),
        (FORGED, {}),
        ("{" * 50, {"X-Slack-Request-Timestamp": str(int(time.time()))}),
        (FORGED, {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=1"}),
    ],
)
async def test_unsigned_or_malformed_slack_requests_get_401_and_are_logged_by_hash(
    slack_app: AsyncApp,
    slack_fake: FakeSlackApi,
    caplog: pytest.LogCaptureFixture,
    body: str,
    headers: dict[str, str],
) -> None:
    logging.getLogger("factbot").setLevel(logging.DEBUG)
    runner = await start_http(slack_app, "127.0.0.1", 0, signing_secret=SIGNING_SECRET)
    host, port = runner.addresses[0][:2]
    try:
        with caplog.at_level(logging.DEBUG):
            async with (
                aiohttp.ClientSession() as session,
                session.post(
                    f"http://{host}:{port}{EVENTS_PATH}",
                    data=body.encode(),
                    headers={"Content-Type": "application/json", **headers},
                ) as response,
            ):
                assert response.status == 401
    finally:
        await runner.cleanup()
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "hunter2" not in logged and "{{{" not in logged
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    assert f"{len(body.encode())} bytes, sha256 {digest}" in logged
    assert slack_fake.calls == [] or all(c.method == "auth.test" for c in slack_fake.calls)


async def test_a_replay_to_another_worker_on_the_same_base_runs_once(
    slack_fake: FakeSlackApi, db_path: Path
) -> None:
    cores = [Core(ClaimBase.open(db_path)) for _ in range(2)]
    command = command_body(QUESTION, response_url=slack_fake.response_url("c"))
    event = event_body(message_event(QUESTION), event_id="EvShared1")
    for core in cores:
        app = make_app(slack_fake, core)
        assert (await dispatch(app, command, FORM)).status == 200
        assert (await dispatch(app, event, "application/json")).status == 200
        core.base.close()
    assert len(slack_fake.calls_to("response_url")) == 1
    assert len(slack_fake.calls_to("chat.postMessage")) == 1
