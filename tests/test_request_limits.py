"""Every kind of request counts against a person's request limit (issue 15, item 10), through
the real Telegram adapter: commands, button taps and inline queries. The first refusal is
said once; further requests in the window are answered quietly (a button's spinner still
stops) and logged once."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.core import Core
from knowledge.store import ClaimBase
from tests.fakes.telegram_api import (
    callback_update,
    inline_update,
    message,
    message_update,
    private_chat,
    user,
)
from tests.test_telegram_app import Harness, telegram_harness

LIMIT = 5
QUESTION = "Were the Myanmar protesters paid terrorists?"
NOW = [1_000_000.0]


@pytest.fixture
async def harness(base: ClaimBase) -> AsyncIterator[Harness]:
    NOW[0] = 1_000_000.0
    core = Core(base, settings=Settings(user_requests_per_minute=LIMIT), clock=lambda: NOW[0])
    async with telegram_harness(core) as h:
        yield h


def from_user(who: int, text: str) -> dict[str, object]:
    return message_update(text, chat=private_chat(who), sender=user(who, f"U{who}"))


async def test_a_flood_of_commands_is_refused_once_then_quietly(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        replies = [await harness.feed(from_user(43, "/help")) for _ in range(60)]
    answered = [r[0]["text"] for r in replies if r]
    assert len(answered) == LIMIT + 1
    assert all("/check" in text for text in answered[:LIMIT])
    assert "faster than I can answer them" in answered[LIMIT]
    assert sum("request limit" in r.getMessage() for r in caplog.records) == 1
    # someone else is answered as usual
    [other] = await harness.feed(from_user(42, QUESTION))
    assert other["text"].startswith("<b>❌ FALSE</b>")
    # and the flooder again once the window has room
    NOW[0] += 60
    [again] = await harness.feed(from_user(43, "/help"))
    assert "/check" in again["text"]


async def test_a_flood_of_button_taps_is_refused_once_and_every_tap_answered(
    harness: Harness,
) -> None:
    card = message("a card", chat=private_chat(43), sender=user(7000001, "Factbot"))
    tap = callback_update("show:mm-protesters-paid", on_message=card, sender=user(43, "U43"))
    sent = [await harness.feed(tap) for _ in range(40)]
    assert sum(1 for s in sent if s) == LIMIT  # the claim was shown LIMIT times
    toasts = [c.params.get("text") for c in harness.fake.calls_to("answerCallbackQuery")]
    assert len(toasts) == 40  # no spinner left hanging
    refusals = [t for t in toasts if t and "faster than" in t]
    assert len(refusals) == 1 and toasts.index(refusals[0]) == LIMIT


async def test_a_flood_of_inline_queries_gets_empty_answers(harness: Harness) -> None:
    for _ in range(30):
        await harness.feed(inline_update("myanmar protesters paid", sender=user(43, "U43")))
    answers = harness.fake.calls_to("answerInlineQuery")
    assert len(answers) == 30
    assert all(a.params["results"] for a in answers[:LIMIT])
    assert not any(a.params["results"] for a in answers[LIMIT:])
