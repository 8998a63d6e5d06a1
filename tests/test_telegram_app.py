"""The Telegram adapter with the real PTB Application and the real core, against a fake Bot API.

Updates go in through ``Application.process_update`` (the handler has finished when it returns);
the fake records what the bot sent, and refuses HTML that Telegram would refuse.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading

os.environ.setdefault("PTB_TIMEDELTA", "1")

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from telegram import Message, Update
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter, ContextTypes

from adapters.telegram_app import build_application
from adapters.telegram_events import incoming_from_message
from adapters.telegram_listeners import APOLOGY, TelegramAdapter, TelegramApp
from bot.core import THANKS, Core
from bot.i18n import _, use_language
from bot.messages import Incoming
from bot.runner import CoreRunner
from knowledge.desk import Actor
from knowledge.models import Claim, Source
from tests.fakes.telegram_api import (
    BOT_ID,
    BOT_USERNAME,
    Call,
    FakeBotAPI,
    bot_message,
    callback_update,
    group_chat,
    inline_update,
    local_requests,
    message,
    message_update,
    private_chat,
    user,
)
from tests.helpers import ASKED_OF_BOTH, add_disagreeing_checks

PAID_QUESTION = "Were the Myanmar protesters paid terrorists?"
PAID_ID = "mm-protesters-paid"
GROUP = group_chat(-100777)
GROUP_ID = GROUP["id"]
ALICE = user(42, "Alice")
BOB = user(43, "Bob")


@dataclass
class Harness:
    fake: FakeBotAPI
    core: Core
    app: TelegramApp
    errors: list[BaseException] = field(default_factory=list)
    caused: list[Call] = field(default_factory=list)  # the API calls of the last update

    async def feed(self, payload: dict[str, Any]) -> list[dict[str, Any]]:
        """Process one update; return the sendMessage parameters it caused."""
        self.fake.remember_chats(payload)
        before = len(self.fake.calls)
        await self.app.process_update(Update.de_json({"update_id": 1, **payload}, self.app.bot))
        self.caused = self.fake.calls[before:]
        return [c.params for c in self.caused if c.method == "sendMessage" and c.ok]


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI() as fake:
        yield fake


@contextlib.asynccontextmanager
async def telegram_harness(bot: Core, fake: FakeBotAPI | None = None) -> AsyncIterator[Harness]:
    """The real Application and core, wired to a fake Bot API (a new one unless given)."""
    async with contextlib.AsyncExitStack() as stack:
        if fake is None:
            fake = await stack.enter_async_context(FakeBotAPI())
        # the core on the loop: tests reach into it (its connection, its settings)
        app = build_application(bot, fake.token, api_url=fake.url, threads=0, **local_requests())
        h = Harness(fake, bot, app)

        async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            assert context.error is not None
            h.errors.append(context.error)

        app.add_error_handler(record)
        async with app:
            yield h
        assert not h.errors, h.errors


@pytest.fixture
async def harness(fake: FakeBotAPI, bot: Core) -> AsyncIterator[Harness]:
    """The real Application and core (``bot`` from conftest), wired to the fake."""
    async with telegram_harness(bot, fake) as h:
        yield h


def assert_html_card(sent: dict[str, Any]) -> None:
    assert sent["parse_mode"] == "HTML"
    assert sent["link_preview_options"] == {"is_disabled": True}


# -- private chats -----------------------------------------------------------------------------


async def test_private_text_is_checked_and_answered_with_a_verdict_card(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(PAID_QUESTION, chat=private_chat(42)))
    assert sent["chat_id"] == 42
    assert_html_card(sent)
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "<b>Claim:</b> <i>[T]hose who directly carry out terrorists attacks" in sent["text"]
    assert "<b>Sources</b>" in sent["text"]
    assert "reply_parameters" not in sent  # no quoting in a private chat
    [feedback] = sent["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in feedback] == ["👍 That answers it", "👎 Not what I asked"]


async def test_start_and_help_in_private(harness: Harness) -> None:
    [start] = await harness.feed(message_update("/start"))
    assert start["text"].startswith("Hello! I'm Factbot.")
    [help_] = await harness.feed(message_update("/help"))
    assert "/check &lt;text&gt; — Fact-check a claim" in help_["text"]
    assert_html_card(help_)


async def test_check_command_in_private(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(f"/check {PAID_QUESTION}"))
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_unknown_claim_gets_a_none_reply(harness: Harness) -> None:
    [sent] = await harness.feed(message_update("Is the moon made of green cheese?"))
    assert sent["text"].startswith("I found no fact-check for that")
    assert "<b>" not in sent["text"]  # plain text, no card


# -- groups: quiet unless addressed --------------------------------------------------------------


@pytest.mark.parametrize("command", ["/check", f"/check@{BOT_USERNAME}"])
async def test_check_command_in_a_group_replies_to_the_message(
    harness: Harness, command: str
) -> None:
    [sent] = await harness.feed(
        message_update(f"{command} {PAID_QUESTION}", chat=GROUP, sender=ALICE, message_id=501)
    )
    assert sent["chat_id"] == GROUP_ID
    assert sent["reply_parameters"] == {"message_id": 501, "allow_sending_without_reply": True}
    assert_html_card(sent)
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_command_for_another_bot_is_ignored(harness: Harness) -> None:
    assert await harness.feed(message_update(f"/check@other_bot {PAID_QUESTION}", chat=GROUP)) == []


async def test_unaddressed_group_message_gets_silence(harness: Harness) -> None:
    assert await harness.feed(message_update(PAID_QUESTION, chat=GROUP, sender=ALICE)) == []
    assert harness.caused == []  # not even a getChatMember


async def test_mention_in_a_group_is_checked_without_the_mention(harness: Harness) -> None:
    text = f"@{BOT_USERNAME} were the Myanmar protesters paid terrorists?"
    [sent] = await harness.feed(message_update(text, chat=GROUP, message_id=9))
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert sent["reply_parameters"]["message_id"] == 9


async def test_bare_mention_in_reply_checks_the_replied_message(harness: Harness) -> None:
    rumour = message(PAID_QUESTION, chat=GROUP, sender=BOB)
    [sent] = await harness.feed(
        message_update(f"@{BOT_USERNAME}", chat=GROUP, sender=ALICE, reply_to=rumour)
    )
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_a_bare_mention_gets_a_prompt(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(f"@{BOT_USERNAME}", chat=GROUP))
    assert sent["text"].startswith("Send me a claim to check")


async def test_reply_to_the_bot_is_answered(harness: Harness) -> None:
    earlier = bot_message("I found no fact-check for that.", chat=GROUP)
    [sent] = await harness.feed(
        message_update(PAID_QUESTION, chat=GROUP, reply_to=earlier, message_id=77)
    )
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert sent["reply_parameters"]["message_id"] == 77


async def test_reply_to_someone_else_stays_silent(harness: Harness) -> None:
    other = message("hello", chat=GROUP, sender=BOB)
    assert await harness.feed(message_update(PAID_QUESTION, chat=GROUP, reply_to=other)) == []


async def test_a_forum_topic_is_not_a_reply_to_its_creator(harness: Harness) -> None:
    forum = group_chat(-100901, forum=True)
    created = bot_message("", chat=forum) | {"forum_topic_created": {"name": "t", "icon_color": 1}}
    del created["text"]
    payload = message_update(PAID_QUESTION, chat=forum, thread_id=5, reply_to=created)
    assert await harness.feed(payload) == []  # not addressed: the bot only created the topic


async def test_answer_in_a_forum_topic_stays_in_the_topic(harness: Harness) -> None:
    forum = group_chat(-100900, forum=True)
    [sent] = await harness.feed(
        message_update(f"/check {PAID_QUESTION}", chat=forum, thread_id=12, message_id=40)
    )
    assert sent["message_thread_id"] == 12
    assert sent["reply_parameters"]["message_id"] == 40


def test_incoming_carries_who_is_replied_to_and_mentioned() -> None:
    carol = user(44, "Carol")
    text = "/grant Carol"
    payload = message(text, chat=GROUP, sender=ALICE, reply_to=message("hi", sender=BOB))
    payload["entities"].append({"type": "text_mention", "offset": 7, "length": 5, "user": carol})
    incoming = incoming_from_message(Message.de_json(payload, None), BOT_ID, BOT_USERNAME)
    assert incoming is not None
    assert incoming.reply_to_user_id == str(BOB["id"])
    assert incoming.mentioned_user_ids == (str(carol["id"]),)
    assert incoming.addressed and not incoming.is_direct
    assert (incoming.platform, incoming.chat_id, incoming.user_id) == ("telegram", "-100777", "42")


# -- forwards and captions -----------------------------------------------------------------------


async def test_forwarded_message_is_checked(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(PAID_QUESTION, forward_from=BOB))
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_burst_of_forwards_is_answered_once_per_claim(harness: Harness) -> None:
    other = "At first there were protests because of the election fraud."
    replies = []
    for text in (PAID_QUESTION, PAID_QUESTION, other, PAID_QUESTION, other):
        replies += await harness.feed(message_update(text, forward_from=BOB))
    assert len(replies) == 2
    assert replies[0]["text"].startswith("<b>❌ FALSE</b>")
    assert replies[1]["text"].startswith("<b>❓ UNPROVEN</b>")


async def test_photo_caption_is_checked_like_text(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(caption=PAID_QUESTION))
    assert sent["text"].startswith("<b>❌ FALSE</b>")


async def test_video_caption_is_checked_like_text(harness: Harness) -> None:
    video = {"file_id": "BAAD", "file_unique_id": "v1", "width": 1, "height": 1, "duration": 3}
    [sent] = await harness.feed(
        {"message": message(chat=private_chat(), video=video, caption=PAID_QUESTION)}
    )
    assert sent["text"].startswith("<b>❌ FALSE</b>")


FILES: dict[str, dict[str, Any]] = {
    "voice": {"file_id": "AwAD", "file_unique_id": "voice1", "duration": 7},
    "audio": {"file_id": "CQAD", "file_unique_id": "audio1", "duration": 60},
    "video": {
        "file_id": "BAAD",
        "file_unique_id": "video1",
        "width": 1,
        "height": 1,
        "duration": 3,
    },
    "video_note": {"file_id": "DQAD", "file_unique_id": "round1", "length": 240, "duration": 9},
    "document": {
        "file_id": "BQAD",
        "file_unique_id": "doc1",
        "file_name": "rumour.pdf",
        "mime_type": "application/pdf",
    },
}


@pytest.mark.parametrize(
    ("field", "kind", "said"),
    [
        ("voice", "voice", "I can't listen to voice messages yet"),
        ("audio", "audio", "I can't listen to audio yet"),
        ("video", "video", "I can't watch videos yet"),
        ("video_note", "video", "I can't watch videos yet"),
        ("document", "file", "I can't read this kind of file yet"),
    ],
)
async def test_a_file_the_bot_does_not_read_gets_a_plain_answer_and_is_queued(
    harness: Harness, field: str, kind: str, said: str
) -> None:
    payload = message(chat=private_chat())
    payload[field] = FILES[field]
    [sent] = await harness.feed({"message": payload})
    assert said in sent["text"] and "/notify" in sent["text"]
    [entry] = harness.core.desk.queue.entries()
    assert entry.text == f"[{kind} telegram:{FILES[field]['file_unique_id']}]"


async def test_a_recording_sent_as_a_file_is_still_one_to_listen_to(harness: Harness) -> None:
    recording = {**FILES["document"], "file_name": "rumour.mp3", "mime_type": "audio/mpeg"}
    [sent] = await harness.feed({"message": message(chat=private_chat(), document=recording)})
    assert "I can't listen to audio yet" in sent["text"]


async def test_a_gif_is_a_video_not_a_document(harness: Harness) -> None:
    gif = {**FILES["video"], "file_unique_id": "gif1"}
    as_document = {**FILES["document"], "file_unique_id": "gif1", "mime_type": "video/mp4"}
    payload = message(chat=private_chat(), animation=gif, document=as_document)
    [sent] = await harness.feed({"message": payload})
    assert "I can't watch videos yet" in sent["text"]


async def test_the_words_sent_with_a_voice_message_are_checked(harness: Harness) -> None:
    payload = message(chat=private_chat(), voice=FILES["voice"], caption=None)
    payload["caption"] = PAID_QUESTION
    [sent] = await harness.feed({"message": payload})
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "I didn't open the file you sent" in sent["text"]
    assert harness.core.desk.queue.entries() == []


async def test_a_sticker_says_what_its_emoji_says(harness: Harness) -> None:
    sticker = {
        "file_id": "CAAC",
        "file_unique_id": "st1",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "🙏",
    }
    [sent] = await harness.feed({"message": message(chat=private_chat(), sticker=sticker)})
    assert sent["text"] == THANKS
    assert harness.core.desk.queue.entries() == []


async def test_a_voice_message_in_a_group_is_nobodys_question(harness: Harness) -> None:
    await harness.feed({"message": message(chat=GROUP, voice=FILES["voice"])})
    assert harness.caused == []
    assert harness.core.desk.queue.entries() == []


async def test_caption_command_in_a_group(harness: Harness) -> None:
    [sent] = await harness.feed(message_update(caption=f"/check {PAID_QUESTION}", chat=GROUP))
    assert sent["text"].startswith("<b>❌ FALSE</b>")


# -- ignored updates -----------------------------------------------------------------------------


async def test_edits_service_messages_and_bots_are_ignored(harness: Harness) -> None:
    # with watch mode on, the group's rumours would be answered unprompted: these must not be
    harness.core.chats.set_watch("telegram", str(GROUP_ID), True, by="telegram:1")
    edited = message(PAID_QUESTION, edit_date=1_700_000_000, chat=GROUP)
    other_bot = user(999, "Spam", is_bot=True)
    ignored = [
        {"edited_message": edited},
        {"message": message(new_chat_members=[BOB], chat=GROUP)},
        {"message": message(left_chat_member=BOB, chat=GROUP)},
        {"message": message(pinned_message=message("x", chat=GROUP), chat=GROUP)},
        message_update(f"/check {PAID_QUESTION}", chat=GROUP, sender=other_bot),
        message_update(PAID_QUESTION, sender=other_bot),
        # our own verdict card, posted by a user through inline mode
        message_update("❌ FALSE " + PAID_QUESTION, chat=GROUP, via_bot=bot_message("x")["from"]),
    ]
    for payload in ignored:
        await harness.feed(payload)
        assert harness.caused == [], payload
    [correction] = await harness.feed(message_update(PAID_QUESTION, chat=GROUP, sender=BOB))
    assert correction["text"].startswith("<b>❌ FALSE</b>")  # while a person's message is


# -- buttons and inline mode ---------------------------------------------------------------------


async def test_suggestion_buttons_and_tapping_one(harness: Harness) -> None:
    [suggestion] = await harness.feed(message_update("protesters"))
    assert suggestion["text"].startswith("I'm not sure which claim you mean.")
    keyboard = suggestion["reply_markup"]["inline_keyboard"]
    data = [row[0]["callback_data"] for row in keyboard]
    assert data[0].startswith("show:mm-")  # the closest of the built-in claims first
    shown_id = data[0].removeprefix("show:")
    assert all(d.startswith("show:") and len(d.encode()) <= 64 for d in data[:-1])
    assert re.fullmatch(r"fb:\d+:0", data[-1])  # "None of these"

    # the message the user taps on, as Telegram delivers it back with the callback query
    shown = {**bot_message(suggestion["text"]), "reply_markup": suggestion["reply_markup"]}
    await harness.feed(callback_update(data[0], on_message=shown))
    answer, card = harness.fake.calls[-2:]
    assert answer.method == "answerCallbackQuery"  # the spinner stops first
    assert answer.params["callback_query_id"].startswith("cbq-")
    assert card.method == "sendMessage"
    assert card.params["text"].startswith("<b>❌ FALSE</b>")
    [note] = harness.core.show_claim(shown_id, Incoming("telegram", "42", "42", "")).notes
    assert card.params["text"].endswith(f"<i>{note}</i>")


async def test_inline_query_offers_up_to_five_verdict_cards(harness: Harness) -> None:
    await harness.feed(inline_update("protesters terrorists"))
    [call] = harness.caused
    assert call.method == "answerInlineQuery"
    results = call.params["results"]
    assert 1 <= len(results) <= 5
    assert results[0]["id"] == PAID_ID
    assert results[0]["title"].startswith("❌ FALSE: ")
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert content["link_preview_options"] == {"is_disabled": True}
    assert content["message_text"].startswith("<b>❌ FALSE</b>")


async def test_empty_inline_query_gets_no_results(harness: Harness) -> None:
    await harness.feed(inline_update(""))
    [call] = harness.caused
    assert call.method == "answerInlineQuery"
    assert call.params["results"] == []


def tapped(sent: dict[str, Any]) -> dict[str, Any]:
    """The bot's message as Telegram sends it back with a tap on one of its buttons."""
    return {**bot_message(sent["text"], chat=private_chat()), "reply_markup": sent["reply_markup"]}


def button_data(sent: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]


async def test_helpful_feedback_is_a_toast_and_removes_the_buttons(harness: Harness) -> None:
    [answer] = await harness.feed(message_update(PAID_QUESTION))
    yes, _ = button_data(answer)
    assert await harness.feed(callback_update(yes, on_message=tapped(answer))) == []
    ack, edit = harness.caused
    assert ack.method == "answerCallbackQuery"
    assert ack.params["text"] == "Thanks for telling me!"
    assert edit.method == "editMessageReplyMarkup"
    assert "reply_markup" not in edit.params  # keyboard removed: one vote per answer


async def test_unhelpful_answer_is_queued_and_offers_a_notification(harness: Harness) -> None:
    [answer] = await harness.feed(message_update(PAID_QUESTION))
    _, no = button_data(answer)
    [sent] = await harness.feed(callback_update(no, on_message=tapped(answer)))
    assert harness.caused[0].method == "answerCallbackQuery"
    assert "passed your question to the fact-checkers" in sent["text"]
    [notify] = button_data(sent)
    assert re.fullmatch(r"notify:\d+", notify)


async def test_notify_me_then_the_notification_arrives(harness: Harness) -> None:
    question = "Is the moon made of green cheese?"
    [nothing] = await harness.feed(message_update(question, chat=private_chat(42)))
    [notify] = button_data(nothing)
    await harness.feed(callback_update(notify, on_message=tapped(nothing)))
    ack = harness.caused[0]
    assert ack.method == "answerCallbackQuery"
    assert ack.params["text"].startswith("I'll tell you here")

    # a moderator answers the question with a fact-check...
    queue_id = int(notify.removeprefix("notify:"))
    harness.core.desk.queue.link(queue_id, PAID_ID, Actor("telegram", "1"))
    # ...and the next delivery round sends it to the chat that asked
    adapter = TelegramAdapter(harness.core, CoreRunner(harness.core, threads=0))
    assert await adapter.deliver_notifications(harness.app.bot) == 1
    [sent] = harness.fake.sent_messages()[-1:]
    assert sent["chat_id"] == 42
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "it has now been checked" in sent["text"]
    assert "reply_markup" not in sent
    assert await adapter.deliver_notifications(harness.app.bot) == 0  # delivered once


async def test_undeliverable_notifications(harness: Harness) -> None:
    [nothing] = await harness.feed(message_update("Is the moon made of cheese?"))
    [notify] = button_data(nothing)
    await harness.feed(callback_update(notify, on_message=tapped(nothing)))
    harness.core.desk.queue.link(
        int(notify.removeprefix("notify:")), PAID_ID, Actor("telegram", "1")
    )
    adapter = TelegramAdapter(harness.core, CoreRunner(harness.core, threads=0))
    # the server is down: nothing is lost, the next round sends it
    harness.fake.fail_next("sendMessage", status=502, retry_after=None, description="Bad Gateway")
    assert await adapter.deliver_notifications(harness.app.bot) == 0
    assert len(harness.core.pending_notifications("telegram")) == 1
    # the user has blocked the bot: the notice is dropped, not retried for ever
    harness.fake.fail_next(
        "sendMessage", status=403, retry_after=None, description="Forbidden: bot was blocked"
    )
    assert await adapter.deliver_notifications(harness.app.bot) == 0
    assert harness.core.pending_notifications("telegram") == []


async def test_a_stale_or_foreign_button_gets_a_polite_toast(harness: Harness) -> None:
    assert await harness.feed(callback_update("fb:oops", on_message=bot_message("x"))) == []
    [ack] = harness.caused
    assert ack.params["text"] == "That button has expired."


# -- watch mode ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["administrator", "creator"])
async def test_watch_by_an_admin_turns_on_unprompted_corrections(
    harness: Harness, status: str
) -> None:
    harness.fake.set_member_status(GROUP_ID, ALICE["id"], status)
    [sent] = await harness.feed(message_update("/watch on", chat=GROUP, sender=ALICE))
    [lookup] = harness.fake.calls_to("getChatMember")
    assert lookup.params == {"chat_id": GROUP_ID, "user_id": ALICE["id"]}
    assert sent["text"].startswith("Watch mode is on")

    [correction] = await harness.feed(message_update(PAID_QUESTION, chat=GROUP, sender=BOB))
    assert correction["text"].startswith("<b>❌ FALSE</b>")
    # once per claim per chat per hour; ordinary chatter stays unanswered
    assert await harness.feed(message_update(PAID_QUESTION, chat=GROUP, sender=BOB)) == []
    assert await harness.feed(message_update("see you at 8?", chat=GROUP, sender=BOB)) == []
    assert len(harness.fake.calls_to("getChatMember")) == 1  # only /watch looks it up


async def test_watch_is_refused_for_a_non_admin(harness: Harness) -> None:
    [sent] = await harness.feed(message_update("/watch on", chat=GROUP, sender=BOB))
    assert sent["text"] == "Sorry, only this group's admins can switch watch mode."
    assert await harness.feed(message_update(PAID_QUESTION, chat=GROUP, sender=ALICE)) == []


async def test_anonymous_admin_may_switch_watch_mode(harness: Harness) -> None:
    anonymous = user(1087968824, "Group", is_bot=True)
    [sent] = await harness.feed(
        message_update("/watch on", chat=GROUP, sender=anonymous, sender_chat=GROUP)
    )
    assert sent["text"].startswith("Watch mode is on")
    assert harness.fake.calls_to("getChatMember") == []


# -- rendering through the wire ------------------------------------------------------------------


def add_claim(core: Core, **fields: Any) -> Claim:
    claim = Claim(
        **{
            "id": "t-claim",
            "claim": "A claim",
            "verdict": "false",
            "rating": "False",
            "summary": "Summary.",
            "publisher": "Test Checkers",
            "review_url": "https://example.org/review",
            **fields,
        }
    )
    return core.base.add_claim(claim, origin="test")


async def test_html_in_user_text_is_escaped(harness: Harness) -> None:
    [sent] = await harness.feed(message_update("/<b>bold</b>&amp;"))
    assert "/&lt;b&gt;bold&lt;" in sent["text"]
    assert "<b>bold" not in sent["text"]


async def test_html_and_entities_in_claim_text_are_escaped(harness: Harness) -> None:
    add_claim(
        harness.core,
        id="t-html",
        claim='Vaccines contain <b>microchips</b> & "5G" &amp; <a href="x">nanobots</a>',
        claimant="<i>Dr. Evil</i>",
        summary="Tags like </i> and &lt; must show as typed.",
        sources=(Source("A&B <News>", "Title <1>", 'https://ex.org/?q=1&r="2"'),),
    )
    [sent] = await harness.feed(message_update("/show t-html"))
    text = sent["text"]  # the fake refuses HTML Telegram would refuse: it was accepted
    assert '&lt;b&gt;microchips&lt;/b&gt; &amp; "5G" &amp;amp; &lt;a href=' in text
    assert "&lt;i&gt;Dr. Evil&lt;/i&gt;" in text
    assert "Tags like &lt;/i&gt; and &amp;lt; must show as typed." in text
    assert '<a href="https://ex.org/?q=1&amp;r=&quot;2&quot;">Title &lt;1&gt;</a>' in text


async def test_long_answer_is_split_in_two_at_a_paragraph(harness: Harness) -> None:
    paragraphs = [f"Part {n}. " + "The evidence says otherwise. " * 25 for n in range(8)]
    add_claim(harness.core, id="t-long", summary="\n\n".join(paragraphs))
    sent = await harness.feed(message_update("/check@factbot_test_bot x", chat=GROUP))
    sent = await harness.feed(message_update("/show t-long", chat=GROUP, message_id=321))
    assert len(sent) == 2
    first, second = sent
    assert all(len(s["text"]) <= 4096 for s in sent)
    assert first["text"].startswith("<b>❌ FALSE</b>")
    assert second["text"].startswith("Part ")  # a paragraph boundary
    assert first["reply_parameters"]["message_id"] == 321
    assert "reply_parameters" not in second
    assert all(s["parse_mode"] == "HTML" for s in sent)


async def test_a_429_is_retried(harness: Harness) -> None:
    harness.fake.fail_next("sendMessage", retry_after=1)
    [sent] = await harness.feed(message_update(PAID_QUESTION))
    first, second = harness.fake.calls_to("sendMessage")
    assert not first.ok and second.ok
    assert second.at - first.at >= 1.0  # waited as told
    assert sent["text"].startswith("<b>❌ FALSE</b>")


# -- start-up and errors -------------------------------------------------------------------------


async def test_command_menu_comes_from_the_registry(harness: Harness) -> None:
    assert harness.app.post_init is not None
    await harness.app.post_init(harness.app)
    assert harness.app.post_stop is not None
    await harness.app.post_stop(harness.app)  # stops the notifier post_init started
    calls = harness.fake.calls_to("setMyCommands")
    groups, private = calls[:2]  # English first, the menu for every other language
    assert "language_code" not in groups.params
    menu = {c["command"]: c["description"] for c in groups.params["commands"]}
    expected = {c.name: c.help for c in harness.core.commands.visible_to("user")}
    assert menu == expected
    assert {"start", "help", "check", "watch"} <= set(menu)
    assert "scope" not in groups.params  # the default menu, which groups see
    assert private.params["scope"] == {"type": "all_private_chats"}
    private_menu = {c["command"] for c in private.params["commands"]}
    assert private_menu == set(menu) - {"watch"}  # group-only commands stay out of DMs
    by_language = {c.params.get("language_code"): c for c in calls[::2]}
    assert set(by_language) == {None, "my", "zh", "ru"}
    burmese = {c["command"]: c["description"] for c in by_language["my"].params["commands"]}
    assert set(burmese) == set(menu)
    with use_language("my"):
        assert burmese == {name: _(help) for name, help in expected.items()}
    assert burmese["help"] != menu["help"]  # translated, not the English again


async def test_a_handler_error_is_logged_and_the_user_gets_an_apology(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(msg: object) -> None:
        raise RuntimeError("the claim base is on fire")

    with monkeypatch.context() as patch:
        patch.setattr(harness.core, "handle", broken)
        [apology] = await harness.feed(message_update(PAID_QUESTION))
    assert apology["text"] == APOLOGY
    assert "parse_mode" not in apology
    assert "the claim base is on fire" in caplog.text
    assert [type(e) for e in harness.errors] == [RuntimeError]
    harness.errors.clear()
    # and the bot keeps working
    [sent] = await harness.feed(message_update(PAID_QUESTION))
    assert sent["text"].startswith("<b>❌ FALSE</b>")


def test_bot_identity_matches_the_fake() -> None:
    assert BOT_ID == 7000001  # the ids used in payloads above refer to this bot


async def test_no_apology_to_a_group_for_a_message_nobody_addressed(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(msg: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(harness.core, "handle", broken)
    assert await harness.feed(message_update(PAID_QUESTION, chat=GROUP)) == []
    [apology] = await harness.feed(
        message_update(f"/check {PAID_QUESTION}", chat=GROUP, message_id=8)
    )
    assert apology["text"] == APOLOGY
    assert apology["reply_parameters"]["message_id"] == 8
    assert len(harness.errors) == 2
    harness.errors.clear()


async def test_a_network_outage_while_polling_is_one_line_per_retry(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await harness.app.process_error(None, NetworkError("httpx.ConnectError: refused"))
    [record] = [r for r in caplog.records if r.name == "factbot.telegram"]
    assert record.levelname == "WARNING" and record.exc_info is None
    assert "retrying" in record.getMessage()
    assert harness.fake.sent_messages() == []
    harness.errors.clear()


async def test_checks_that_disagree_are_offered_together_with_a_note(harness: Harness) -> None:
    add_disagreeing_checks(harness.core.base)
    [sent] = await harness.feed(message_update(ASKED_OF_BOTH))
    # Both, each with its verdict, and why neither is answered.
    assert "<b>❌ FALSE</b>: We're the highest taxed nation" in sent["text"]
    assert "<b>❌ MOSTLY FALSE</b>: We are the most highly taxed nation" in sent["text"]
    assert "reached different verdicts" in sent["text"]
    shown = [row[0]["callback_data"] for row in sent["reply_markup"]["inline_keyboard"]]
    assert shown[:2] == ["show:tax-1", "show:tax-2"]


async def test_a_burst_of_checks_waiting_for_the_model_does_not_hold_up_a_quick_question(
    bot: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A check the model must read waits for a worker thread, and holds one of the places PTB
    # handles updates in meanwhile. A burst of such posts (a getUpdates batch is 100) must leave
    # room for a question the words decide at once: it is answered while they all still wait.
    model_free = threading.Event()
    handle, decided = Core.handle, Core.decided_by_words

    def slow_handle(self: Core, msg: Incoming) -> Any:
        if msg.text.startswith("long post"):
            assert model_free.wait(30)  # the model, busy
        return handle(self, msg)

    def quick_unless_long(self: Core, msg: Incoming) -> bool:
        return not msg.text.startswith("long post") and decided(self, msg)

    monkeypatch.setattr(Core, "handle", slow_handle)
    monkeypatch.setattr(Core, "decided_by_words", quick_unless_long)
    posts = 100
    async with FakeBotAPI() as fake:
        app = build_application(
            bot,
            fake.token,
            api_url=fake.url,
            get_updates_request=local_requests()["get_updates_request"],
            rate_limiter=AIORateLimiter(overall_max_rate=0, group_max_rate=0),
            threads=2,
        )
        people = range(1000, 1000 + posts + 1)  # each in their own chat; the last asks
        for i in people[:-1]:
            post = f"long post {i} {PAID_QUESTION}"
            fake.push_update(message_update(post, chat=private_chat(i), sender=user(i)))
        fake.push_update(
            message_update(PAID_QUESTION, chat=private_chat(people[-1]), sender=user(people[-1]))
        )
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0)
            try:
                [quick] = await fake.wait_for_calls("sendMessage", 1, seconds=20)
                model_free.set()
                await fake.wait_for_calls("sendMessage", posts + 1, seconds=30)
            finally:
                model_free.set()
                await app.updater.stop()
                await app.stop()
    assert quick.params["chat_id"] == people[-1]  # the quick question, first
    assert quick.params["text"].startswith("<b>❌ FALSE</b>")  # answered, not apologised to
    assert sorted(m["chat_id"] for m in fake.sent_messages()) == list(people)
