"""The Telegram handlers: what Factbot does with each message, button tap and inline query.

It only translates between Telegram and the core (:class:`bot.contract.FactChecker`:
``handle``, ``show_claim``, ``search``…), reading each update with
:mod:`adapters.telegram_events` and rendering each reply with :mod:`adapters.telegram_render`;
the core decides what to answer and when to stay silent.

- A new message becomes the core's question; for ``/watch`` only, ``chat_admin`` comes from
  ``getChatMember``. Edited messages are not read. A photo's text is read off the event loop.
- Buttons: a ``suggest`` answer lists its candidates (``show:<claim id>``: a tap sends that
  claim's verdict card) and "None of these"; an answer asks "did this answer your question?"
  (``fb:<answer id>:1|0``, ``feedback``); a question nobody has checked yet offers "tell me
  when it's checked" (``notify:<queue id>``, ``subscribe``). Every tap is answered, so no
  spinner is left hanging.
- Every 30 seconds the core's pending notifications ("it has now been checked", "the verdict
  changed") are sent to the chats that asked for them (:mod:`adapters.notices`).
- Inline mode (``@bot some claim``) offers up to five verdict cards.
- A handler error is logged and the user gets a short apology.

:mod:`adapters.telegram_app` builds the application around these handlers and runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import replace
from typing import Any

from telegram import Bot as TelegramBot
from telegram import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    CallbackQuery,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import BotCommandLimit, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from adapters import notices
from adapters.fetch import fetch_page
from adapters.notices import Postponed, Undeliverable
from adapters.telegram_events import button_reply, command_of, image_of, incoming_from_message
from adapters.telegram_render import (
    MAX_INLINE_RESULTS,
    NO_PREVIEW,
    SHOW_PREFIX,
    inline_results,
    render_reply,
    reply_keyboard,
)
from bot import media
from bot.contract import FactChecker, PendingNote
from bot.i18n import DEFAULT, LANGUAGES, N_, _, supported, use_language
from bot.messages import ClaimView, ImageReading, Incoming, Platform, Reply, ReplyKind
from bot.runner import CoreRunner

log = logging.getLogger("factbot.telegram")

APOLOGY = N_("Sorry, something went wrong while handling that. Please try again in a moment.")
INLINE_CACHE_SECONDS = 60
CALLBACK_TOAST_LIMIT = 200  # characters an answerCallbackQuery notification may hold
_ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


class TelegramAdapter:
    """Registers the Factbot handlers on a PTB :class:`~telegram.ext.Application`."""

    def __init__(self, core: FactChecker, runner: CoreRunner) -> None:
        self.core = core
        # Where the core's calls run: on worker threads, or (``threads=0``) here on the loop.
        self.runner = runner
        self._notifier: asyncio.Task[None] | None = None

    def install(self, app: TelegramApp) -> None:
        new_messages = filters.UpdateType.MESSAGE & (
            filters.TEXT
            | filters.CAPTION
            | filters.PHOTO
            | filters.Document.ALL
            | filters.VOICE
            | filters.AUDIO
            | filters.VIDEO
            | filters.VIDEO_NOTE
            | filters.ANIMATION
            | filters.Sticker.ALL
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
        async with media.images_in_hand():  # a flood of pictures is not all in memory at once
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
                incoming.chat_id, lambda core: button_reply(core, data, incoming)
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
