"""The Telegram adapter: python-telegram-bot updates in, HTML verdict cards out.

It only translates between Telegram and the core (:class:`bot.contract.FactChecker`:
``handle``, ``show_claim``, ``search``…); the core decides what to answer and when to stay
silent.

- Every new message with text or a caption (photos, videos, forwards) becomes an
  :class:`~bot.messages.Incoming`. In groups ``addressed`` is set for commands meant for this
  bot, mentions of it and replies to its own messages; ``forwarded`` for forwards; and, for
  ``/watch`` only, ``chat_admin`` from ``getChatMember``.
- Edited messages, service messages, messages from bots (this one included, and anything sent
  through its inline mode) are ignored.
- Buttons: a ``suggest`` answer lists its candidates (``show:<claim id>``: a tap sends that
  claim's verdict card) and "None of these"; an answer asks "did this answer your question?"
  (``fb:<answer id>:1|0``, ``feedback``); a question nobody has checked yet offers "tell me
  when it's checked" (``notify:<queue id>``, ``subscribe``). Every tap is answered, so no
  spinner is left hanging.
- Every 30 seconds the core's pending notifications ("it has now been checked", "the verdict
  changed") are sent to the chats that asked for them.
- Inline mode (``@bot some claim``) offers up to five verdict cards.
- Flood limits: PTB's ``AIORateLimiter``, which also retries a request answered with 429.
- A handler error is logged and the user gets a short apology.

:func:`run` is what ``factbot telegram`` calls: long polling by default, or a webhook server.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import re
import secrets
import sys
from dataclasses import replace
from typing import Any, Literal
from urllib.parse import urlsplit

from telegram import Bot as TelegramBot
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import BotCommandLimit, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest

from adapters import health, notices
from adapters.fetch import fetch_page
from adapters.notices import Postponed, Undeliverable
from adapters.redact import hide_update_content_in_logs, redact_secrets_in_logs
from adapters.telegram_render import (
    FEEDBACK_PREFIX,
    MAX_INLINE_RESULTS,
    NO_PREVIEW,
    NOTIFY_PREFIX,
    SHOW_PREFIX,
    inline_results,
    render_reply,
    reply_keyboard,
)
from bot import media
from bot.config import ConfigError, load_settings
from bot.contract import FactChecker, PendingNote
from bot.core import Core, open_core
from bot.i18n import DEFAULT, LANGUAGES, N_, _, supported, use_language
from bot.messages import (
    ClaimView,
    ImageReading,
    Incoming,
    Platform,
    Reply,
    ReplyKind,
    parse_number,
)
from bot.metrics import Metrics
from bot.runner import CoreRunner

log = logging.getLogger("factbot.telegram")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
APOLOGY = N_("Sorry, something went wrong while handling that. Please try again in a moment.")
TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
DEFAULT_LISTEN = "127.0.0.1:8443"
DEFAULT_API_URL = "https://api.telegram.org"
INLINE_CACHE_SECONDS = 60
CALLBACK_TOAST_LIMIT = 200  # characters an answerCallbackQuery notification may hold
# Updates handled at once. Enough that a chat waiting on its flood limit does not hold up the
# others; more only costs (httpx scans its whole connection pool on every request).
CONCURRENT_UPDATES = 32
_ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


# -- translation: Telegram message -> Incoming ---------------------------------------------------


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


def incoming_from_message(message: Message, bot_id: int, bot_username: str) -> Incoming | None:
    """The neutral message for ``message``, or None when the bot should not look at it."""
    text = message.text if message.text is not None else message.caption
    if text is None and image_of(message) is not None:
        text = ""  # a photo without a caption: its text is read from the image
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


def _button_reply(
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


# -- the adapter ---------------------------------------------------------------------------------


class TelegramAdapter:
    """Registers the Factbot handlers on a PTB :class:`~telegram.ext.Application`."""

    def __init__(self, core: FactChecker, runner: CoreRunner) -> None:
        self.core = core
        # Where the core's calls run: on worker threads, or (``threads=0``) here on the loop.
        self.runner = runner
        self._notifier: asyncio.Task[None] | None = None

    def install(self, app: TelegramApp) -> None:
        new_messages = filters.UpdateType.MESSAGE & (
            filters.TEXT | filters.CAPTION | filters.PHOTO | filters.Document.IMAGE
        )
        app.add_handler(MessageHandler(new_messages, self.on_message))
        app.add_handler(CallbackQueryHandler(self.on_button))
        app.add_handler(InlineQueryHandler(self.on_inline_query))
        app.add_error_handler(self.on_error)

    def bot_commands(self, *, private: bool = False, language: str = "en") -> list[BotCommand]:
        """The command menu, from the core's registry (``private``: without group commands),
        its descriptions in ``language``."""
        with use_language(language):
            return [
                BotCommand(
                    command.name.lstrip("/"),
                    _(command.help)[: BotCommandLimit.MAX_DESCRIPTION] or command.usage,
                )
                for command in self.core.commands.visible_to("user")
                if not (private and command.groups_only)
            ]

    async def post_init(self, app: TelegramApp) -> None:
        """At start (run_polling / run_webhook): the command menus, one per language (Telegram
        shows a person the one for their app's language, else the English one), and the
        notifier."""
        for language in LANGUAGES:
            code = None if language == DEFAULT else language
            await app.bot.set_my_commands(self.bot_commands(language=language), language_code=code)
            await app.bot.set_my_commands(
                self.bot_commands(private=True, language=language),
                scope=BotCommandScopeAllPrivateChats(),
                language_code=code,
            )
        self._notifier = asyncio.create_task(
            notices.deliver_forever(
                lambda: self.deliver_notifications(app.bot), log, wait_first=True
            )
        )

    async def post_stop(self, app: TelegramApp) -> None:
        if self._notifier is not None:
            self._notifier.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._notifier
        self.runner.close()

    # -- handlers ----------------------------------------------------------------------------

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None:
            return
        bot = context.bot
        incoming = incoming_from_message(message, bot.id, bot.username)
        if incoming is None:
            return
        watch = command_of(message, bot.username) == "watch"
        if watch and not incoming.is_direct and not incoming.chat_admin:
            # only /watch needs to know; one getChatMember per toggle, not per message
            member = await bot.get_chat_member(message.chat.id, int(incoming.user_id))
            incoming = replace(incoming, chat_admin=member.status in _ADMIN_STATUSES)
        if incoming.is_direct or incoming.addressed:
            incoming = await self._with_image(bot, message, incoming)
        async with self.runner.in_order(incoming.chat_id):  # answers go out in order
            reply = await media.respond(self.runner, incoming, fetch=fetch_page)
            if reply is not None:
                await self.send(bot, message.chat.id, reply, reply_to=message)

    async def _with_image(self, bot: TelegramBot, message: Message, incoming: Incoming) -> Incoming:
        """The message with the text and hashes of its image (or, for /image, of the photo it
        replies to) read, off the event loop."""
        command = command_of(message, bot.username)
        found = image_of(message)
        if command == "image" and found is None:
            found = image_of(message.reply_to_message)
        if found is None or (command is not None and command not in ("image", "check")):
            return incoming
        file_id, unique_id, size = found
        settings = self.runner.core.settings
        ref = f"telegram:{unique_id}"
        if size is not None and size > settings.image_max_bytes:
            return replace(incoming, image=ImageReading(ref, problem="the image is too large"))
        try:
            file = await bot.get_file(file_id)
            if file.file_size is not None and file.file_size > settings.image_max_bytes:
                reading = ImageReading(ref, problem="the image is too large")
                return replace(incoming, image=reading)
            data = bytes(await file.download_as_bytearray())
        except TelegramError as error:
            log.warning("could not download an image: %s", error)
            reading = ImageReading(ref, problem="it could not be downloaded")
            return replace(incoming, image=reading)
        reading = await media.read_image(data, ref, settings, ocr=command != "image")
        return replace(incoming, image=reading)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A tap on one of our buttons: show a claim, feedback, or "tell me when checked"."""
        query: CallbackQuery | None = update.callback_query
        if query is None:
            return
        origin = query.message
        toast: str | None = None
        reply: Reply | None = None
        voted = False  # feedback or "notify me": those buttons are used up
        try:  # whatever happens, answer the query so the button's spinner stops
            if origin is None or query.data is None:
                return
            incoming = Incoming(
                platform=Platform.TELEGRAM,
                chat_id=str(origin.chat.id),
                user_id=str(query.from_user.id),
                text="",
                is_direct=origin.chat.type == ChatType.PRIVATE,
                user_name=query.from_user.full_name,
                language_hint=query.from_user.language_code,
            )
            data = query.data
            limited, reply = await self.runner.run(
                incoming.chat_id, lambda core: _button_reply(core, data, incoming)
            )
            if limited is not None:  # tapping too fast: told once, then quietly ignored
                toast = limited.text[:CALLBACK_TOAST_LIMIT] if limited else None
                return
            # A refused tap (someone else's answer, a bad value) leaves the buttons in place.
            voted = (
                reply is not None
                and reply.kind is not ReplyKind.REFUSAL
                and not query.data.startswith(SHOW_PREFIX)
            )
            if reply is None:
                with use_language(supported(query.from_user.language_code)):
                    toast = _("That button has expired.")
            elif reply.kind is ReplyKind.REFUSAL and len(reply.text) <= CALLBACK_TOAST_LIMIT:
                toast, reply = reply.text, None
            elif voted and reply.queue_id is None and len(reply.text) <= CALLBACK_TOAST_LIMIT:
                # a short acknowledgement shows as a notification, not as a chat message
                toast, reply = reply.text, None
        finally:
            await query.answer(toast)
        if voted and isinstance(origin, Message):
            await query.edit_message_reply_markup(None)
        if reply is not None:
            reply_to = origin if isinstance(origin, Message) else None
            await self.send(context.bot, origin.chat.id, reply, reply_to=reply_to)

    async def on_inline_query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        if query is None:
            return
        text = query.query.strip()
        asker = Incoming(
            platform=Platform.TELEGRAM,
            chat_id=str(query.from_user.id),
            user_id=str(query.from_user.id),
            text=text,
            language_hint=query.from_user.language_code,
        )

        def search(core: FactChecker) -> tuple[str, list[ClaimView]]:
            if core.admit(asker) is not None:
                return DEFAULT, []  # over the request limit: no results, no search
            views = core.search(text, limit=MAX_INLINE_RESULTS) if text else []
            return core.language_of(asker, text), views

        language, views = await self.runner.run(asker.chat_id, search)
        with use_language(language):
            results = inline_results(views)
        await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=False)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the error; apologise to whoever was talking to the bot (not to a whole group
        for a message nobody addressed to it)."""
        if update is None and isinstance(context.error, NetworkError):
            # polling could not reach the server: PTB retries; one line, not a traceback each
            log.warning("cannot reach the Bot API server, retrying: %s", context.error)
            return
        log.error("error while handling a Telegram update", exc_info=context.error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        message = update.message
        reply_parameters = None
        if message is not None and message.chat.type != ChatType.PRIVATE:
            bot = context.bot
            incoming = incoming_from_message(message, bot.id, bot.username)
            if incoming is None or not incoming.addressed:
                return
            reply_parameters = ReplyParameters(message.message_id, allow_sending_without_reply=True)
        user = update.effective_user
        with use_language(supported(user.language_code if user else None)):
            apology = _(APOLOGY)
        try:
            await context.bot.send_message(
                update.effective_chat.id, apology, reply_parameters=reply_parameters
            )
        except TelegramError:
            log.exception("could not send the apology")

    # -- sending -----------------------------------------------------------------------------

    async def send(
        self, bot: TelegramBot, chat_id: int, reply: Reply, *, reply_to: Message | None = None
    ) -> None:
        """Send ``reply`` as one or more HTML messages; in groups, as a reply to ``reply_to``.

        Buttons go on the last message; the reply quote on the first; a forum topic's thread
        is kept.
        """
        chunks = render_reply(reply)
        if not chunks:
            return
        keyboard = reply_keyboard(reply)
        thread_id = None
        reply_parameters = None
        if reply_to is not None:
            if reply_to.is_topic_message:
                thread_id = reply_to.message_thread_id
            if reply_to.chat.type != ChatType.PRIVATE:
                reply_parameters = ReplyParameters(
                    reply_to.message_id, allow_sending_without_reply=True
                )
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            await bot.send_message(
                chat_id,
                chunk,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                message_thread_id=thread_id,
                reply_parameters=reply_parameters if index == 0 else None,
                reply_markup=keyboard if last else None,
            )

    async def deliver_notifications(self, bot: TelegramBot) -> int:
        """Send the core's pending "it has been checked" / "verdict changed" notices
        (:func:`adapters.notices.deliver`); returns how many were sent."""

        async def send(note: PendingNote, reply: Reply) -> None:
            try:
                await self.send(bot, int(note.chat_id), reply)
            except (Forbidden, BadRequest) as error:  # the bot blocked, the chat gone
                raise Undeliverable(str(error)) from error
            except TelegramError as error:
                raise Postponed(str(error)) from error

        return await notices.deliver(self.core, Platform.TELEGRAM, send, log)


# -- building and running ------------------------------------------------------------------------


def build_application(
    core: Core,
    token: str,
    *,
    api_url: str | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limiter: AIORateLimiter | None = None,
    threads: int | None = None,
) -> TelegramApp:
    """A PTB Application with the Factbot handlers, talking to ``api_url`` if given.

    ``api_url`` is the root of a Bot API server (e.g. a self-hosted ``telegram-bot-api`` at
    ``http://localhost:8081``); ``/bot<token>/<method>`` is appended. The default rate limiter
    keeps to Telegram's flood limits (30 messages a second, 20 a minute per group) and
    retries a request answered with 429 up to three times, after the wait Telegram asks for.
    The core runs on ``threads`` worker threads (0: on the event loop; default: one per core
    with the semantic matching on, else 0, see :class:`bot.runner.CoreRunner`).
    """
    hide_update_content_in_logs()  # PTB's own error lines would carry people's messages
    adapter = TelegramAdapter(core, CoreRunner(core, threads))
    root = (api_url or DEFAULT_API_URL).rstrip("/")
    bot = TolerantBot(
        token,
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        # Enough connections for every update in flight. PTB's default of 256 costs CPU on each
        # request: httpcore walks the whole pool to place it (measured: ~15% of the bot's time
        # under load).
        request=request or HTTPXRequest(connection_pool_size=CONCURRENT_UPDATES + 8),
        get_updates_request=get_updates_request or HTTPXRequest(connection_pool_size=1),
        rate_limiter=rate_limiter or AIORateLimiter(max_retries=3),
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(adapter.post_init)
        .post_stop(adapter.post_stop)
    )
    app: TelegramApp = builder.build()
    adapter.install(app)
    return app


def parse_listen(value: str) -> tuple[str, int]:
    """``"HOST:PORT"`` → (host, port); raises ValueError with a readable message."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--listen must be HOST:PORT, not {value!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def _say(message: str) -> None:
    print(f"factbot telegram: {message}. Ctrl-C stops it.", file=sys.stderr, flush=True)


def _fail(message: str, code: int = 2) -> int:
    print(f"factbot telegram: {message}", file=sys.stderr)
    return code


async def _connect(app: TelegramApp) -> tuple[str, int] | None:
    """Call getMe once, so a bad token or an unreachable server gives one clear line."""
    try:
        await app.bot.initialize()
        return None
    except InvalidToken:
        problem = ("Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped?)", 2)
    except NetworkError as error:
        problem = (f"cannot reach the Bot API server: {error}", 1)
    await app.bot.shutdown()
    return problem


def run(args: argparse.Namespace) -> int:
    """Run the Telegram bot until interrupted. Returns the process exit code."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        return _fail("TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather to get one")
    if not TOKEN_PATTERN.fullmatch(token):
        return _fail("TELEGRAM_BOT_TOKEN does not look like a bot token (123456789:AA...)")
    api_url = getattr(args, "api_url", None) or os.environ.get("TELEGRAM_API_URL") or None
    webhook = getattr(args, "webhook", None)
    try:
        listen = parse_listen(getattr(args, "listen", None) or DEFAULT_LISTEN)
    except ValueError as error:
        return _fail(str(error))
    secret = (
        getattr(args, "webhook_secret", None)
        or os.environ.get("TELEGRAM_WEBHOOK_SECRET")
        or secrets.token_urlsafe(32)
    )
    if webhook and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        return _fail("the webhook secret may only contain A-Z, a-z, 0-9, _ and - (1-256 chars)")
    try:
        metrics_address = health.metrics_address(getattr(args, "metrics", None))
    except ValueError as error:
        return _fail(str(error))
    # The token is in every Bot API URL, which httpx logs at INFO: keep it out of every log.
    redact_secrets_in_logs(token, secret)

    # PTB 22: durations (e.g. RetryAfter.retry_after) as timedelta, the coming default; without
    # it every 429 logs a deprecation warning
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as error:
        return _fail(str(error))
    core = open_core(getattr(args, "db", None), settings)
    metrics = Metrics(core, "telegram")
    metrics.count_errors_of(log.name)
    try:
        app = build_application(core, token, api_url=api_url)
        return _serve(
            app,
            webhook=webhook,
            listen=listen,
            secret=secret,
            metrics=metrics if metrics_address else None,
            metrics_address=metrics_address,
        )
    finally:
        metrics.stop_counting_errors(log.name)
        core.base.close()


def _serve(
    app: TelegramApp,
    *,
    webhook: str | None,
    listen: tuple[str, int],
    secret: str,
    metrics: Metrics | None = None,
    metrics_address: tuple[str, int] | None = None,
) -> int:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # PTB's run_* use the current loop
    problem = loop.run_until_complete(_connect(app))
    side = None
    if problem is None and metrics is not None and metrics_address is not None:
        try:
            side = loop.run_until_complete(health.start_server(metrics, *metrics_address))
        except OSError as error:
            loop.run_until_complete(app.bot.shutdown())
            where = ":".join(map(str, metrics_address))
            problem = (f"cannot listen on {where}: {error.strerror or error}", 2)
    if problem is not None:
        loop.close()
        asyncio.set_event_loop(None)
        return _fail(*problem)
    try:
        return _run_until_stopped(app, webhook=webhook, listen=listen, secret=secret)
    finally:
        if side is not None:
            loop.run_until_complete(side.cleanup())
        if not loop.is_closed():
            loop.close()


def _run_until_stopped(
    app: TelegramApp, *, webhook: str | None, listen: tuple[str, int], secret: str
) -> int:
    if webhook:
        host, port = listen
        _say(f"@{app.bot.username} is running: webhook {webhook}, listening on {host}:{port}")
        app.run_webhook(
            listen=host,
            port=port,
            url_path=urlsplit(webhook).path.lstrip("/"),
            webhook_url=webhook,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
            close_loop=False,
        )
    else:
        _say(f"@{app.bot.username} is running (long polling)")
        app.run_polling(allowed_updates=ALLOWED_UPDATES, close_loop=False)
    return 0
