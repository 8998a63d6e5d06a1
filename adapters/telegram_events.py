"""Telegram's updates as the core's :class:`~bot.messages.Incoming`, and a button's data as
what it asks of the core.

- Every new message with text or a caption (photos, videos, forwards), a photo, a file
  (:func:`attachment_of`: a voice message, a video, a document, which the bot does not read)
  or a sticker (its emoji) becomes an :class:`~bot.messages.Incoming`
  (:func:`incoming_from_message`). In groups ``addressed`` is set for commands meant for this
  bot, mentions of it and replies to its own messages; ``forwarded`` for forwards. Service
  messages and messages from bots (this one included, and anything sent through its inline
  mode) are ignored.
- A ``getUpdates`` batch with an update python-telegram-bot cannot read is kept moving
  (:class:`TolerantBot`).
- A button's callback data (``show:``, ``fb:``, ``notify:``) becomes the core's reply
  (:func:`button_reply`).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Literal

from telegram import Bot as TelegramBot
from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ExtBot

from adapters.telegram_render import FEEDBACK_PREFIX, NOTIFY_PREFIX, SHOW_PREFIX
from bot.contract import FactChecker
from bot.messages import (
    Attachment,
    Incoming,
    Platform,
    Reply,
    attachment_kind,
    parse_number,
    with_addresses,
)

log = logging.getLogger("factbot.telegram")


def _entities(message: Message) -> dict[MessageEntity, str]:
    try:
        if message.text is not None:
            return message.parse_entities()
        return message.parse_caption_entities()
    except (UnicodeError, IndexError, ValueError):
        return {}  # text that is not valid Unicode (a lone surrogate) or entities out of range


def command_of(message: Message, bot_username: str) -> str | None:
    """The command name if the message starts with a command for this bot (``/check@me``)."""
    for entity, text in _entities(message).items():
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            name, _, target = text[1:].partition("@")
            if target and target.casefold() != bot_username.casefold():
                return None  # meant for another bot in the group
            return name.casefold()
    return None


def _mentions_bot(message: Message, bot_id: int, bot_username: str) -> bool:
    mention = "@" + bot_username.casefold()
    for entity, text in _entities(message).items():
        if entity.type == MessageEntity.MENTION and text.casefold() == mention:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def _strip_mention(text: str, bot_username: str) -> str:
    stripped = re.sub(rf"@{re.escape(bot_username)}\b", " ", text, flags=re.IGNORECASE)
    return " ".join(stripped.split()) if stripped != text else text


def with_hidden_links(message: Message, text: str) -> str:
    """``text`` with the web addresses its words link to (Telegram's text links: "read more"
    linking to a page, as a forwarded channel post has them), which it does not show
    (:func:`bot.messages.with_addresses`); not a link to a person (``tg://user?id=…``)."""
    linked = {
        label: url
        for entity, label in _entities(message).items()
        if entity.type == MessageEntity.TEXT_LINK
        and (url := entity.url or "").casefold().startswith(("http://", "https://"))
    }
    return with_addresses(text, linked)


def image_of(message: Message | None) -> tuple[str, str, int | None] | None:
    """(file id, unique id, size) of the photo or image file a message carries: the largest
    size of a photo, or a document whose type is an image."""
    if message is None:
        return None
    if message.photo:
        largest = message.photo[-1]
        return largest.file_id, largest.file_unique_id, largest.file_size
    document = message.document
    if document is not None and (document.mime_type or "").startswith("image/"):
        return document.file_id, document.file_unique_id, document.file_size
    return None


def attachment_of(message: Message) -> Attachment | None:
    """The file a message carries that the bot does not read (a voice message, audio, a
    video, a round video message, a GIF, or a document that is no image), by its unique id."""
    voice = message.voice
    if voice is not None:
        return Attachment("voice", f"telegram:{voice.file_unique_id}")
    if message.audio is not None:
        return Attachment("audio", f"telegram:{message.audio.file_unique_id}")
    # A GIF comes as an animation and as a document: a video, as people see it.
    for video in (message.video, message.video_note, message.animation):
        if video is not None:
            return Attachment("video", f"telegram:{video.file_unique_id}")
    document = message.document
    if document is not None and image_of(message) is None:
        # A recording or a clip sent as a file is still one to listen to or watch.
        kind = attachment_kind(document.mime_type or "")
        return Attachment(kind, f"telegram:{document.file_unique_id}")
    return None


def incoming_from_message(message: Message, bot_id: int, bot_username: str) -> Incoming | None:
    """The neutral message for ``message``, or None when the bot should not look at it."""
    text = message.text if message.text is not None else message.caption
    attachment = attachment_of(message)
    if text is None and (image_of(message) is not None or attachment is not None):
        text = ""  # no caption: a photo's text is read from it; a file is not read
    if text is None and message.sticker is not None:
        text = message.sticker.emoji or ""  # a sticker says what its emoji says ("🙏")
    sender = message.from_user
    # Anonymous group admins post as the group itself (the sender is a helper bot).
    anonymous_admin = message.sender_chat is not None and message.sender_chat.id == message.chat.id
    if text is None or sender is None or (sender.is_bot and not anonymous_admin):
        return None
    if message.via_bot is not None and message.via_bot.id == bot_id:
        return None  # a verdict card someone sent through inline mode
    is_direct = message.chat.type == ChatType.PRIVATE
    command = command_of(message, bot_username)
    if not text and (not is_direct or message.forum_topic_created is not None):
        return None  # a bare photo in a group is nobody's question
    replied = message.reply_to_message
    if replied is not None and replied.forum_topic_created is not None:
        replied = None  # in a forum topic every message "replies" to the topic's creation
    replies_to_bot = bool(replied and replied.from_user and replied.from_user.id == bot_id)
    mentioned_bot = _mentions_bot(message, bot_id, bot_username)
    if mentioned_bot:
        text = _strip_mention(text, bot_username)
        if not text and replied is not None:
            # "@bot" in reply to someone's message: check that message
            text = replied.text or replied.caption or ""
    if command in (None, "check"):  # a moderator's command's lines are its fields
        text = with_hidden_links(message, text)
    addressed = is_direct or command is not None or mentioned_bot or replies_to_bot
    user_id = message.chat.id if anonymous_admin else sender.id
    mentioned = tuple(  # @username mentions carry no id; text mentions of people do
        str(entity.user.id)
        for entity in _entities(message)
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id != bot_id
    )
    return Incoming(
        platform=Platform.TELEGRAM,
        chat_id=str(message.chat.id),
        user_id=str(user_id),
        text=text,
        is_direct=is_direct,
        user_name=None if anonymous_admin else sender.full_name,
        addressed=addressed,
        forwarded=message.forward_origin is not None,
        chat_admin=anonymous_admin,
        reply_to_user_id=str(replied.from_user.id) if replied and replied.from_user else None,
        mentioned_user_ids=mentioned,
        language_hint=None if anonymous_admin else sender.language_code,
        attachment=attachment,
    )


# -- reading updates ----------------------------------------------------------------------------


def readable_updates(updates: list[Any], bot: TelegramBot) -> list[Any]:
    """A ``getUpdates`` batch with every update python-telegram-bot cannot read (a missing
    ``date``, a field of the wrong type) replaced by its bare ``update_id``: no handler takes
    it, and the offset still moves past it. Without this, one bad update fails the whole
    batch, the offset never moves, and polling retries the same batch for ever."""
    kept = []
    for update in updates:
        try:
            Update.de_json(update, bot)
            kept.append(update)
        except Exception as error:
            update_id = update.get("update_id") if isinstance(update, dict) else None
            # The update's content is people's words and names: only its id goes in the log.
            log.warning(
                "skipped Telegram update %s: it cannot be read (%s)",
                update_id,
                type(error).__name__,
            )
            if isinstance(update_id, int) and not isinstance(update_id, bool):
                kept.append({"update_id": update_id})
    return kept


class TolerantBot(ExtBot[Any]):
    """PTB's bot, whose ``getUpdates`` skips an update it cannot read (:func:`readable_updates`)
    instead of failing on the whole batch."""

    async def _post(self, endpoint: str, data: Any = None, **kwargs: Any) -> Any:
        result = await super()._post(endpoint, data, **kwargs)
        if endpoint == "getUpdates" and isinstance(result, list):
            return readable_updates(result, self)
        return result


def button_reply(
    core: FactChecker, data: str, incoming: Incoming
) -> tuple[Reply | Literal[False] | None, Reply | None]:
    """(over the request limit: a refusal or False, else None; the core's reply to a button's
    callback data, or None for data it cannot use)."""
    limited = core.admit(incoming)
    if limited is not None:
        return limited, None
    if data.startswith(SHOW_PREFIX):
        return None, core.show_claim(data.removeprefix(SHOW_PREFIX), incoming)
    if data.startswith(FEEDBACK_PREFIX):
        answer, _colon, helpful = data.removeprefix(FEEDBACK_PREFIX).partition(":")
        answer_id = parse_number(answer)
        if answer_id is not None and helpful in ("0", "1"):
            return None, core.feedback(incoming, answer_id, helpful == "1")
    if data.startswith(NOTIFY_PREFIX):
        queue_id = parse_number(data.removeprefix(NOTIFY_PREFIX))
        if queue_id is not None:
            return None, core.subscribe(incoming, queue_id)
    return None, None
