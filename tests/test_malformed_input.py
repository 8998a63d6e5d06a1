"""Malformed input from the platforms (issue 15, items 4–9), through the real adapters: an
update python-telegram-bot cannot read, numbers and text in commands and buttons, Slack's
command words, line breaks, bad signatures and replays."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Update

from adapters.redact import hide_update_content_in_logs
from adapters.telegram_app import build_application
from bot.core import Bot
from tests.fakes.telegram_api import (
    FakeBotAPI,
    callback_update,
    local_requests,
    message,
    message_update,
    private_chat,
    user,
)
from tests.test_telegram_app import Harness, telegram_harness

QUESTION = "Were the Myanmar protesters paid terrorists?"
PRIVATE_WORDS = "my neighbour Daw Khin Khin told me this secretly"


@pytest.fixture
async def harness(bot: Bot) -> AsyncIterator[Harness]:
    async with telegram_harness(bot) as h:
        yield h


# -- 4. an update the library cannot read, in a getUpdates batch -------------------------------


async def test_a_bad_update_in_a_polled_batch_is_skipped_and_the_rest_answered(
    bot: Bot, caplog: pytest.LogCaptureFixture
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
    assert not any("Khin" in r.getMessage() or "neighbour" in r.getMessage() for r in caplog.records)


def test_the_librarys_error_lines_name_updates_by_id_only(
    bot: Bot, caplog: pytest.LogCaptureFixture
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
