"""Roles and other people's data, through the real Telegram and Slack adapters (issue 15,
items 1–3): the guided /add checks the role at every step and at save; /notify and buttons
act only on the presser's own answers and questions, and never echo someone else's words."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from slack_bolt.async_app import AsyncApp

from adapters.slack_render import NOTIFY_ACTION
from bot.core import Core
from knowledge.desk import Actor
from tests.fakes.slack_api import USER, FakeSlackApi, block_action
from tests.fakes.telegram_api import group_chat, message, message_update, private_chat, user
from tests.test_slack_app import click, make_app, send_command
from tests.test_telegram_app import Harness, telegram_harness

ADMIN, MOD, ALICE, BOB = 1, 2, 42, 43
UNKNOWN = "Did the mayor of Mandalay ban purple umbrellas last week?"
QUESTION = "Were the Myanmar protesters paid terrorists?"
GROUP = group_chat(-100777)


@pytest.fixture(autouse=True)
def admins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("FACTBOT_ADMINS", f"telegram:{ADMIN}")
    yield


@pytest.fixture
async def harness(bot: Core) -> AsyncIterator[Harness]:
    async with telegram_harness(bot) as h:
        yield h


def dm(text: str, who: int) -> dict[str, Any]:
    return message_update(text, chat=private_chat(who), sender=user(who, f"U{who}"))


def texts(sent: list[dict[str, Any]]) -> str:
    return "\n".join(s["text"] for s in sent)


async def start_add(harness: Harness) -> None:
    assert "now a moderator" in texts(await harness.feed(dm(f"/grant {MOD}", ADMIN)))
    assert "(1/8)" in texts(await harness.feed(dm("/add", MOD)))
    assert "(2/8)" in texts(await harness.feed(dm("Purple umbrellas cause rain", MOD)))


async def finish_add(harness: Harness) -> list[str]:
    replies = []
    for answer in ("false", "A post", "2021", "They do not.", "BBC", "skip", "skip", "yes"):
        replies.append(texts(await harness.feed(dm(answer, MOD))))
    return replies


# -- 1. the role at every step and at save -------------------------------------------------------


async def test_a_revoke_ends_the_guided_add_and_nothing_is_published(harness: Harness) -> None:
    before = harness.core.base.count(status=None)
    await start_add(harness)
    assert "no longer a moderator" in texts(await harness.feed(dm(f"/revoke {MOD}", ADMIN)))
    replies = await finish_add(harness)
    assert not any("Added" in r for r in replies)
    assert harness.core.base.count(status=None) == before
    # the later messages are not eaten as dialogue answers: a question is answered again
    [answer] = await harness.feed(dm(QUESTION, MOD))
    assert answer["text"].startswith("<b>❌ FALSE</b>")


async def test_the_role_is_checked_at_each_step_even_without_the_revoke_command(
    harness: Harness,
) -> None:
    before = harness.core.base.count(status=None)
    await start_add(harness)
    harness.core.desk.roles.revoke("telegram", str(MOD), Actor("telegram", str(ADMIN)))
    [refused] = await harness.feed(dm("false", MOD))
    assert "no longer a moderator" in refused["text"] and "nothing was added" in refused["text"]
    replies = await finish_add(harness)
    assert not any("Added" in r for r in replies)
    assert harness.core.base.count(status=None) == before


async def test_the_guided_add_still_publishes_for_a_moderator(harness: Harness) -> None:
    await start_add(harness)
    replies = await finish_add(harness)
    assert "This is what will be published" in replies[-2] and "Added" in replies[-1]


# -- 2. /notify only for the asker's own question ---------------------------------------------


async def test_notify_with_someone_elses_number_is_refused_like_a_missing_one(
    harness: Harness,
) -> None:
    [none] = await harness.feed(dm(UNKNOWN, BOB))
    queue_id = harness.core.desk.queue.entries()[0].id
    assert none["reply_markup"]["inline_keyboard"][-1][0]["callback_data"] == f"notify:{queue_id}"
    [theirs] = await harness.feed(dm(f"/notify {queue_id}", ALICE))
    [missing] = await harness.feed(dm(f"/notify {queue_id + 50}", ALICE))
    assert theirs["text"] == missing["text"]  # whether the number exists is not revealed
    assert "a question you asked me yourself" in theirs["text"]
    [mine] = await harness.feed(dm(f"/notify {queue_id}", BOB))
    assert "I'll tell you here" in mine["text"]
    # the question is answered: only Bob is told, and Alice never sees Bob's words
    assert "now a moderator" in texts(await harness.feed(dm(f"/grant {MOD}", ADMIN)))
    await harness.feed(dm(f"/link {queue_id} mm-protesters-paid", MOD))
    adapter = harness.app.handlers[0][0].callback.__self__  # type: ignore[attr-defined]
    before = len(harness.fake.sent_messages())
    assert await adapter.deliver_notifications(harness.app.bot) == 1
    [notice] = harness.fake.sent_messages()[before:]
    assert notice["chat_id"] == BOB and "purple umbrellas" in notice["text"]
    assert not any(
        "purple umbrellas" in m["text"] and m["chat_id"] == ALICE
        for m in harness.fake.sent_messages()
    )


# -- 3. buttons act only on the presser's own records ------------------------------------------


async def test_someone_elses_feedback_button_is_refused_and_changes_nothing(
    harness: Harness,
) -> None:
    asked = message(f"/check {QUESTION}", chat=GROUP, sender=user(BOB, "Bob"))
    [answer] = await harness.feed({"message": asked})
    buttons = answer["reply_markup"]["inline_keyboard"][0]
    unhelpful = next(b["callback_data"] for b in buttons if b["callback_data"].endswith(":0"))
    card = {
        **message(answer["text"], chat=GROUP, sender=user(7000001, "Factbot")),
        "from": {"id": 7000001, "is_bot": True, "first_name": "Factbot"},
    }
    card["reply_markup"] = answer["reply_markup"]
    tap = {
        "callback_query": {
            "id": "cb-1",
            "from": user(ALICE, "Alice"),
            "chat_instance": "ci",
            "message": card,
            "data": unhelpful,
        }
    }
    assert await harness.feed(tap) == []
    [toast] = harness.fake.calls_to("answerCallbackQuery")
    assert "Only the person who asked" in toast.params["text"]
    assert harness.fake.calls_to("editMessageReplyMarkup") == []  # Bob's buttons stay
    feedback = harness.core.base.db.execute("SELECT feedback FROM answers").fetchall()
    assert feedback == [(None,)]
    assert harness.core.desk.queue.entries() == []  # Bob's question was not queued by Alice


async def test_someone_elses_notify_button_on_slack_is_refused(
    slack_fake: FakeSlackApi, bot: Core
) -> None:
    fake = slack_fake
    app: AsyncApp = make_app(fake, bot)
    await send_command(app, fake, UNKNOWN)
    queue_id = bot.desk.queue.entries()[0].id
    payload = block_action(NOTIFY_ACTION, str(queue_id), response_url=fake.response_url("n"))
    payload["user"] = {**payload["user"], "id": "U0SOMEONE9"}
    await click(app, payload)
    reply = fake.calls_to("response_url")[-1]
    assert "a question you asked me yourself" in json.dumps(reply)
    assert bot.base.db.execute("SELECT count(*) FROM subscriptions").fetchone() == (0,)
    own = block_action(NOTIFY_ACTION, str(queue_id), response_url=fake.response_url("m"))
    assert own["user"]["id"] == USER
    await click(app, own)
    assert bot.base.db.execute("SELECT count(*) FROM subscriptions").fetchone() == (1,)
