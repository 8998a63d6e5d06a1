"""The Slack adapter: slack-bolt events in, Block Kit answers out.

It only translates between Slack and the core (:class:`bot.contract.FactChecker`:
``handle``, ``show_claim``…):

- ``/factcheck <text>``: acknowledged at once; the answer is shown to the asker only, with a
  "Share in channel" button that posts the same answer for everyone.
- a mention of the bot in a channel: the answer in a thread under that message;
- a direct message: any text is a check;
- the message shortcut "Fact-check this message": an answer only the user sees;
- any other channel message, when a workspace admin (or a Factbot admin) has sent
  ``@Factbot /watch on`` there: the core answers only claims rated false or misleading, in a
  thread, at most once an hour per claim (watch mode);
- a suggestion button: that claim's full answer;
- feedback buttons and "tell me when it's checked", whose notices (and verdict corrections)
  :meth:`SlackAdapter.notify_forever` delivers; for a private question, to the user's DM.

The bot's own messages, other bots, message subtypes (edits, joins…) and the ``message``
event that duplicates a channel mention are ignored, and an event Slack delivers twice is
answered once. A listener error is logged and the user gets a short apology. The bot's
commands are shown as ``/factcheck <name>``: Slack keeps every ``/word`` for itself.

:func:`run` is what ``factbot slack`` calls: Socket Mode by default (``SLACK_BOT_TOKEN``,
``SLACK_APP_TOKEN``), or the Events API over HTTP with ``--http`` (``SLACK_BOT_TOKEN``,
``SLACK_SIGNING_SECRET``). ``SLACK_API_URL`` or ``--api-url`` sets the Web API base URL.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
import signal
import sys
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from adapters import health, notices
from adapters.fetch import fetch_page
from adapters.notices import Postponed, Undeliverable
from adapters.redact import redact_secrets_in_logs
from adapters.slack_render import (
    FEEDBACK_ACTION_PREFIX,
    NOTIFY_ACTION,
    SHARE_ACTION,
    SHOW_ACTION_PREFIX,
    SlackMessage,
    apology,
    notice,
    plain_text,
    render_reply,
    slack_commands,
)
from bot import media
from bot.config import Settings
from bot.contract import FactChecker, PendingNote
from bot.core import Core
from bot.i18n import DEFAULT, _, supported, use_language
from bot.messages import ImageReading, Incoming, Platform, Reply, ReplyKind, parse_number
from bot.metrics import Metrics
from bot.runner import CoreRunner

if TYPE_CHECKING:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

log = logging.getLogger("factbot.slack")
bolt_log = logging.getLogger("factbot.slack.bolt")


class _OmitClientTokenNotice(logging.Filter):
    """Bolt warns that the client's token wins over ``$SLACK_BOT_TOKEN``: it is the same one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


bolt_log.addFilter(_OmitClientTokenNotice())

COMMAND = "/factcheck"
SHORTCUT_CALLBACK_ID = "factcheck_message"
WATCHED_CHANNELS = ("channel", "group")  # public and private channels: watch mode's reach
WATCH_COMMAND = re.compile(r"/watch\s+(?:on|off)\b", re.IGNORECASE)  # a switch, not a look
EVENTS_PATH = "/slack/events"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_API_URL = "https://slack.com/api/"
# Web API errors that leave the notices for the next round (a rate limit, an outage, a token
# being fixed). After any other (channel_not_found…) a notice can never be delivered: dropped.
_POSTPONE_ERRORS = frozenset(
    {
        "ratelimited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
    }
)

Json = dict[str, Any]


# -- the adapter ---------------------------------------------------------------------------------


class SlackAdapter:
    """Registers the Factbot listeners on an :class:`AsyncApp`."""

    def __init__(
        self, core: FactChecker, *, cache_size: int = 2000, runner: media.Runner | None = None
    ) -> None:
        self.core = core
        # Checks run through the runner: a CoreRunner's worker threads, off the event loop (one
        # chat's answers in order), or media.Inline's here on the loop. Without one (a
        # stand-in core) ``core.handle`` answers and no page is read. (The rest is quick and
        # stays on the loop, with ``core``.)
        self.runner = runner
        self._cache_size = cache_size
        # Answers offered with a "Share in channel" button, so sharing posts exactly what the
        # asker saw. The key is random: a crafted button value cannot reach someone else's
        # question. After a restart the claim id in the button value is enough to rebuild it.
        self._shareable: OrderedDict[str, Reply] = OrderedDict()
        # Event ids already handled: Slack redelivers an event it thinks was not acknowledged.
        self._seen_events: OrderedDict[str, None] = OrderedDict()
        # Each person's Slack locale (users.info with include_locale), asked once: the
        # language to answer in unless they chose one with /language.
        self._locales: OrderedDict[str, str | None] = OrderedDict()

    def register(self, app: AsyncApp) -> None:
        app.command(COMMAND)(self.on_command)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.shortcut(SHORTCUT_CALLBACK_ID)(self.on_message_shortcut)
        app.action(SHARE_ACTION)(self.on_share)
        app.action(re.compile(rf"^{SHOW_ACTION_PREFIX}(_\d+)?$"))(self.on_show_claim)
        app.action(re.compile(rf"^{FEEDBACK_ACTION_PREFIX}_[01]$"))(self.on_feedback)
        app.action(NOTIFY_ACTION)(self.on_notify)
        app.error(self.on_error)

    # -- listeners (bolt injects arguments by parameter name) ----------------------------------

    async def _locale(self, client: AsyncWebClient | None, user_id: str) -> str | None:
        """The person's Slack locale (``zh-CN``), asked once and remembered; None when Slack
        cannot say (no ``users:read`` scope, the API down)."""
        if user_id in self._locales or client is None or not user_id:
            return self._locales.get(user_id)
        locale: str | None = None
        try:
            found = await client.users_info(user=user_id, include_locale=True)
            locale = str((found.get("user") or {}).get("locale") or "") or None
        except Exception as error:  # SlackApiError, or the network
            log.info("could not ask Slack for %s's locale: %s", user_id, error)
        self._locales[user_id] = locale
        while len(self._locales) > self._cache_size:
            self._locales.popitem(last=False)
        return locale

    async def _with_locale(self, msg: Incoming, client: AsyncWebClient | None) -> Incoming:
        return replace(msg, language_hint=await self._locale(client, msg.user_id))

    def _in_language(self, user_id: str) -> str:
        """A short notice's language: the person's locale if already known (no lookup)."""
        return supported(self._locales.get(user_id)) or DEFAULT

    async def on_command(
        self, ack: AsyncAck, command: Json, respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        if self._seen_before(f"trigger:{command.get('trigger_id') or ''}"):
            log.info("ignoring a replayed slash command (trigger_id seen before)")
            return
        text = plain_text(command.get("text") or "") or "help"
        user_id = str(command.get("user_id", ""))
        msg = Incoming(
            platform=Platform.SLACK,
            chat_id=_private_chat(str(command.get("channel_id", "")), user_id),
            user_id=user_id,
            text=text,
            is_direct=True,  # only the asker sees the answer
            user_name=command.get("user_name"),
            bare_commands=True,
            mentioned_user_ids=mentioned_users(command.get("text") or "", None),
        )
        msg = await self._with_locale(msg, client)
        await self._guarded(
            "slash command", lambda: self._answer_privately(msg, respond), _ephemeral(respond)
        )

    async def on_message_shortcut(
        self,
        ack: AsyncAck,
        shortcut: Json,
        respond: AsyncRespond,
        context: AsyncBoltContext,
        client: AsyncWebClient,
    ) -> None:
        await ack()
        message = shortcut.get("message") or {}
        text = plain_text(message.get("text") or "", bot_user_id=context.bot_user_id)
        user = shortcut.get("user") or {}
        channel = shortcut.get("channel") or {}

        async def work() -> None:
            user_id = str(user.get("id", ""))
            if not text and not image_files(message):
                with use_language(supported(await self._locale(client, user_id))):
                    said = notice(_("That message has no text I can check."))
                await respond(**said.as_kwargs(), response_type="ephemeral")
                return
            msg = Incoming(
                platform=Platform.SLACK,
                chat_id=_private_chat(str(channel.get("id", "")), user_id),
                user_id=user_id,
                text=f"/check {text}",  # the shortcut asks for a check, whatever the text
                is_direct=True,
                user_name=user.get("username") or user.get("name"),
                language_hint=await self._locale(client, user_id),
            )
            msg = await self._with_image(client, message, msg)
            await self._answer_privately(msg, respond)

        await self._guarded("message shortcut", work, _ephemeral(respond))

    async def on_mention(
        self, body: Json, event: Json, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        if _is_ignored(event, context) or str(event.get("channel", "")).startswith("D"):
            return  # in a DM the ``message`` event carries the same text
        if self._seen(body):
            return
        channel = str(event["channel"])
        thread_ts = event.get("thread_ts") or event.get("ts")
        text = plain_text(event.get("text") or "", bot_user_id=context.bot_user_id)
        user_id = str(event.get("user", ""))  # who asks: for /watch, who may switch it

        async def work() -> None:
            # A bare mention in a thread whose first message shared an image: that image.
            shared = event
            if not text and not image_files(event) and event.get("thread_ts"):
                shared = await _thread_start(client, channel, str(event["thread_ts"])) or event
            asked = text or ("" if image_files(shared) else "/help")
            # Only /watch asks who administers the chat: on Slack, the workspace's admins.
            admin = bool(WATCH_COMMAND.match(asked)) and await _workspace_admin(client, user_id)
            msg = _event_message(
                event,
                channel,
                asked,
                is_direct=False,
                addressed=True,
                chat_admin=admin,
                mentioned_user_ids=mentioned_users(event.get("text") or "", context.bot_user_id),
            )
            msg = await self._with_image(client, shared, msg)
            msg = await self._with_locale(msg, client)
            await self._answer_publicly(msg, client, channel, thread_ts)

        await self._guarded("mention", work, _post(client, channel, thread_ts))

    async def on_message(
        self, body: Json, event: Json, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        kind = event.get("channel_type")
        if kind not in ("im", *WATCHED_CHANNELS) or _is_ignored(event, context):
            return
        raw_text = event.get("text") or ""
        if kind != "im" and context.bot_user_id and f"<@{context.bot_user_id}>" in raw_text:
            return  # a mention arrives both as ``app_mention`` and as ``message``
        if self._seen(body):
            return
        channel = str(event["channel"])
        text = plain_text(raw_text, bot_user_id=context.bot_user_id)
        if kind != "im":
            if text:
                await self._watch(event, channel, text, client)
            return
        if not text and not image_files(event):
            return
        thread_ts = event.get("thread_ts")
        msg = _event_message(
            event,
            channel,
            text,
            is_direct=True,
            bare_commands=True,
            mentioned_user_ids=mentioned_users(raw_text, context.bot_user_id),
        )

        async def work() -> None:
            with_image = await self._with_image(client, event, msg)
            asked = await self._with_locale(with_image, client)
            await self._answer_publicly(asked, client, channel, thread_ts)

        await self._guarded("direct message", work, _post(client, channel, thread_ts))

    async def _watch(self, event: Json, channel: str, text: str, client: AsyncWebClient) -> None:
        """A channel message nobody addressed to the bot: the core answers it only in watch
        mode, and only to correct a claim rated false or misleading (in a thread under it)."""
        msg = _event_message(event, channel, text, is_direct=False, addressed=False)
        thread_ts = event.get("thread_ts") or event.get("ts")
        await self._guarded(
            "channel message",
            lambda: self._answer_publicly(msg, client, channel, thread_ts),
            _silent,  # nobody asked: no apology in the channel either
        )

    async def on_show_claim(
        self,
        ack: AsyncAck,
        body: Json,
        action: Json,
        respond: AsyncRespond,
        client: AsyncWebClient,
    ) -> None:
        await ack()
        claim_id = str(action.get("value", ""))
        where = _Where.of(body)
        msg = Incoming(
            platform=Platform.SLACK,
            chat_id=where.private_chat if where.ephemeral else where.channel,
            user_id=where.user,
            text="",
            is_direct=where.ephemeral or where.channel.startswith("D"),
            language_hint=self._locales.get(where.user),
        )

        async def work() -> None:
            if await self._over_limit(msg, respond):
                return
            reply = self.core.show_claim(claim_id, msg)
            if where.ephemeral:
                # The suggestions were private: replace them with the answer, still private.
                rendered = self._render_private(reply)
                await respond(
                    **rendered.as_kwargs(), response_type="ephemeral", replace_original=True
                )
            else:
                await client.chat_postMessage(
                    channel=where.channel,
                    thread_ts=where.thread_ts,
                    unfurl_links=False,
                    **self._render(reply).as_kwargs(),
                )

        fallback = (
            _ephemeral(respond)
            if where.ephemeral
            else _post(client, where.channel, where.thread_ts)
        )
        await self._guarded("suggestion button", work, fallback)

    async def on_share(
        self, ack: AsyncAck, body: Json, action: Json, respond: AsyncRespond
    ) -> None:
        await ack()
        where = _Where.of(body)

        async def work() -> None:
            if await self._over_limit(where.incoming(body), respond):
                return
            reply = self._shared_reply(str(action.get("value", "")), where)
            if reply is None:
                with use_language(self._in_language(where.user)):
                    gone = notice(_("That answer is no longer available; ask again."))
                await respond(
                    **gone.as_kwargs(),
                    response_type="ephemeral",
                    replace_original=False,
                )
                return
            shared = self._render(reply, shared_by=where.user)
            # response_url posts for everyone even where the bot is not a channel member.
            await respond(**shared.as_kwargs(), response_type="in_channel", replace_original=False)
            await respond(delete_original=True)

        await self._guarded("share button", work, _ephemeral(respond))

    async def on_feedback(
        self, ack: AsyncAck, body: Json, action: Json, respond: AsyncRespond
    ) -> None:
        """ "That answers it", "Not what I asked", "None of these": thanks, to the clicker only."""
        await ack()
        where = _Where.of(body)
        answer, _colon, helpful = str(action.get("value", "")).partition(":")
        answer_id = parse_number(answer)
        clicker = replace(where.incoming(body), language_hint=self._locales.get(where.user))

        async def work() -> None:
            if await self._over_limit(clicker, respond):
                return
            if answer_id is None or helpful not in ("0", "1"):
                with use_language(self._in_language(where.user)):
                    await _ephemeral(respond)(notice(_("That button has expired.")))
                return
            reply = self.core.feedback(clicker, answer_id, helpful == "1")
            await _ephemeral(respond)(self._render(reply))

        await self._guarded("feedback button", work, _ephemeral(respond))

    async def on_notify(
        self, ack: AsyncAck, body: Json, action: Json, respond: AsyncRespond
    ) -> None:
        """ "Tell me when it's checked": the notice will come as a direct message, so a
        question asked privately is never answered in the channel."""
        await ack()
        where = _Where.of(body)
        queue_id = parse_number(str(action.get("value", "")))
        clicker = replace(where.incoming(body), language_hint=self._locales.get(where.user))

        async def work() -> None:
            if await self._over_limit(clicker, respond):
                return
            if queue_id is None:
                with use_language(self._in_language(where.user)):
                    await _ephemeral(respond)(notice(_("That button has expired.")))
                return
            reply = self.core.subscribe(clicker, queue_id)
            if where.private_chat != where.channel:
                with use_language(reply.language):
                    direct = _("It will come as a direct message.")
                reply = replace(reply, notes=(*reply.notes, direct))
            await _ephemeral(respond)(self._render(reply))

        await self._guarded("notify button", work, _ephemeral(respond))

    async def deliver_notifications(self, client: AsyncWebClient) -> int:
        """Send the core's pending "it has been checked" / "verdict changed" notices
        (:func:`adapters.notices.deliver`); returns how many were sent."""

        async def send(note: PendingNote, reply: Reply) -> None:
            try:
                await client.chat_postMessage(
                    channel=note.chat_id, unfurl_links=False, **self._render(reply).as_kwargs()
                )
            except SlackApiError as error:
                code = str(error.response.get("error", ""))
                raise (Postponed if code in _POSTPONE_ERRORS else Undeliverable)(code) from error
            except (aiohttp.ClientError, OSError, TimeoutError) as error:
                raise Postponed(str(error)) from error

        return await notices.deliver(self.core, Platform.SLACK, send, log)

    async def notify_forever(
        self, client: AsyncWebClient, interval: float = notices.NOTIFY_INTERVAL_SECONDS
    ) -> None:
        """Deliver notifications now and then every ``interval`` seconds, until cancelled."""
        await notices.deliver_forever(
            lambda: self.deliver_notifications(client), log, interval=interval
        )

    async def on_error(self, error: Exception, body: Json) -> None:
        """Last resort for errors outside the guarded listener bodies: log, keep running."""
        log.error(
            "Slack request failed (%s): %r",
            body.get("type") or body.get("command"),
            error,
            exc_info=error,
        )

    # -- helpers -------------------------------------------------------------------------------

    async def _over_limit(self, msg: Incoming, respond: AsyncRespond) -> bool:
        """True when this click is over the person's request limit (told once, privately)."""
        limited = self.core.admit(msg)
        if limited is None:
            return False
        if limited:
            await _ephemeral(respond)(notice(limited.text))
        return True

    @contextlib.asynccontextmanager
    async def _in_order(self, msg: Incoming) -> AsyncIterator[None]:
        """With a CoreRunner: this chat's answers go out in the order its messages came."""
        if not isinstance(self.runner, CoreRunner):
            yield
            return
        async with self.runner.in_order(msg.chat_id):
            yield

    async def _handle(self, msg: Incoming) -> Reply | None:
        if self.runner is None:  # a stand-in core (tests): no links read
            return self.core.handle(msg)
        return await media.respond(self.runner, msg, fetch=fetch_page)

    def _settings(self) -> Settings:
        settings = getattr(self.core, "settings", None)
        return settings if isinstance(settings, Settings) else Settings()

    async def _with_image(self, client: AsyncWebClient, event: Json, msg: Incoming) -> Incoming:
        """The message with the text and hashes of the first image file shared with it:
        described by ``files.info``, downloaded from its ``url_private`` with the bot token
        (only from Slack's own file host, or the API's), read off the event loop."""
        files = image_files(event)
        if not files:
            return msg
        file_id = str(files[0].get("id", ""))
        ref = f"slack:{file_id}"
        settings = self._settings()
        command = msg.text.split(maxsplit=1)[0].lstrip("/").casefold() if msg.text else ""
        try:
            info = await client.files_info(file=file_id)
            data = await download_file(info.get("file") or {}, client, settings.image_max_bytes)
        except (SlackApiError, DownloadError, aiohttp.ClientError, TimeoutError) as error:
            problem = str(error) if isinstance(error, DownloadError) else None
            log.warning("could not download a Slack file: %s", type(error).__name__)
            reading = ImageReading(ref, problem=problem or "it could not be downloaded")
            return replace(msg, image=reading)
        reading = await media.read_image(data, ref, settings, ocr=command != "image")
        return replace(msg, image=reading)

    async def _answer_privately(self, msg: Incoming, respond: AsyncRespond) -> None:
        async with self._in_order(msg):
            reply = await self._handle(msg)
            if reply is None:
                return
            await respond(**self._render_private(reply).as_kwargs(), response_type="ephemeral")

    async def _answer_publicly(
        self, msg: Incoming, client: AsyncWebClient, channel: str, thread_ts: str | None
    ) -> None:
        async with self._in_order(msg):
            reply = await self._handle(msg)
            if reply is None:
                return
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                unfurl_links=False,
                **self._render(reply).as_kwargs(),
            )

    def _seen(self, body: Json) -> bool:
        event_id = body.get("event_id")
        if not event_id:
            return False
        if self._seen_before(f"event:{event_id}"):
            log.info("ignoring redelivered event %s", event_id)
            return True
        return False

    def _seen_before(self, key: str) -> bool:
        """True for an event id or slash command trigger id already handled: Slack redelivers
        events it thinks were not acknowledged, and a signed request can be replayed within
        the five minutes its timestamp is valid."""
        if key.endswith(":"):
            return False  # no id to go by
        if key in self._seen_events:
            return True
        self._seen_events[key] = None
        while len(self._seen_events) > self._cache_size:
            self._seen_events.popitem(last=False)
        # Another worker on the same claim base may have had it: the base keeps them too.
        return not self.core.first_delivery(Platform.SLACK, key)

    def _render(
        self, reply: Reply, *, share_value: str | None = None, shared_by: str | None = None
    ) -> SlackMessage:
        names = (command.name for command in self.core.commands)
        reply = slack_commands(reply, names, COMMAND)
        return render_reply(reply, share_value=share_value, shared_by=shared_by)

    def _render_private(self, reply: Reply) -> SlackMessage:
        """Render an answer only the asker sees; answers get a "Share in channel" button."""
        if reply.kind is not ReplyKind.ANSWER or not reply.matches:
            return self._render(reply)
        key = secrets.token_urlsafe(12)
        self._shareable[key] = reply
        while len(self._shareable) > self._cache_size:
            self._shareable.popitem(last=False)
        best = reply.matches[0]
        # A button value holds 2,000 characters: the question is cut well inside that, even
        # if every character needs escaping.
        value = {"k": key, "c": best.id, "s": round(best.score, 4), "q": reply.query[:600]}
        return self._render(reply, share_value=json.dumps(value, ensure_ascii=False))

    def _shared_reply(self, value: str, where: _Where) -> Reply | None:
        try:
            data = json.loads(value)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        cached = self._shareable.get(str(data.get("k")))
        if cached is not None and cached.matches and cached.matches[0].id == data.get("c"):
            # The notes spoke to the asker ("your message was long…"), not to the channel.
            return replace(cached, notes=())
        if not data.get("c"):
            return None
        query = str(data.get("q") or "")
        msg = Incoming(
            platform=Platform.SLACK,
            chat_id=where.channel,
            user_id=where.user,
            text=query,
            is_direct=False,
        )
        reply = self.core.show_claim(str(data["c"]), msg)
        if reply.kind is not ReplyKind.ANSWER or not reply.matches:
            return None  # withdrawn since: nothing to share
        score = data.get("s")
        best = reply.matches[0]
        if isinstance(score, int | float) and 0 <= score <= 1:
            best = replace(best, score=float(score), matched=True)  # the asker's own match
        return replace(reply, query=query or reply.query, matches=(best,), notes=())

    async def _guarded(
        self,
        what: str,
        work: Callable[[], Awaitable[None]],
        apologize: Callable[[SlackMessage], Awaitable[object]],
    ) -> None:
        try:
            await work()
        except Exception:
            log.exception("Slack %s failed", what)
            try:
                await apologize(apology())
            except Exception:
                log.exception("Could not send the apology after a failed %s", what)


@dataclass(frozen=True)
class _Where:
    """Where an interactive payload (button click) came from."""

    channel: str
    user: str
    ephemeral: bool
    thread_ts: str | None

    @property
    def private_chat(self) -> str:
        """Where to reach the clicker alone: the DM itself, or their DM with the app."""
        return _private_chat(self.channel, self.user)

    def incoming(self, body: Json) -> Incoming:
        """The click as the core sees it: from this user, answered to them alone."""
        return Incoming(
            platform=Platform.SLACK,
            chat_id=self.private_chat,
            user_id=self.user,
            text="",
            is_direct=True,
        )

    @classmethod
    def of(cls, body: Json) -> _Where:
        container = body.get("container") or {}
        message = body.get("message") or {}
        channel = str((body.get("channel") or {}).get("id") or container.get("channel_id") or "")
        ephemeral = bool(container.get("is_ephemeral"))
        thread_ts = message.get("thread_ts")
        if thread_ts is None and not channel.startswith("D"):
            thread_ts = message.get("ts") or container.get("message_ts")
        return cls(channel, str((body.get("user") or {}).get("id", "")), ephemeral, thread_ts)


# Subtypes that are still a person's own new message: a caption on a shared file, a thread
# reply also sent to the channel. Every other subtype (edits, deletions, joins…) is ignored.
_PERSON_SUBTYPES = frozenset({"file_share", "thread_broadcast"})


_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def image_files(event: Mapping[str, Any]) -> list[Json]:
    """The image files shared with a message."""
    files = event.get("files")
    if not isinstance(files, list):
        return []
    return [
        f
        for f in files
        if isinstance(f, dict) and str(f.get("mimetype", "")).startswith("image/") and f.get("id")
    ]


async def _thread_start(client: AsyncWebClient, channel: str, thread_ts: str) -> Json | None:
    """The first message of a thread (``conversations.replies``), or None."""
    try:
        found = await client.conversations_replies(channel=channel, ts=thread_ts, limit=1)
    except SlackApiError as error:
        log.warning("could not read a thread's first message: %s", error.response.get("error"))
        return None
    messages = found.get("messages") or []
    first = messages[0] if messages else None
    return first if isinstance(first, dict) else None


class DownloadError(Exception):
    """A shared file that could not be downloaded, in a few words for people."""


async def download_file(file: Json, client: AsyncWebClient, max_bytes: int) -> bytes:
    """A file's bytes from its ``url_private``, with the bot token: at most ``max_bytes``,
    no redirects, and only from Slack's file host (or the API's own host, for a local or
    enterprise API), so the token never goes anywhere else."""
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    size = file.get("size")
    if isinstance(size, int) and size > max_bytes:
        raise DownloadError("the image is too large")
    target, api = urlsplit(url), urlsplit(client.base_url)
    slack_host = target.scheme == "https" and (target.hostname or "").endswith(".slack.com")
    if not (slack_host or (target.scheme, target.netloc) == (api.scheme, api.netloc)):
        raise DownloadError("the file is not on Slack")
    headers = {"Authorization": f"Bearer {client.token}"}
    timeout = aiohttp.ClientTimeout(total=30)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        kind = response.headers.get("Content-Type", "")
        if response.status != 200 or kind.startswith("text/html"):
            raise DownloadError("it could not be downloaded")
        body = bytearray()
        async for chunk in response.content.iter_chunked(65536):
            body.extend(chunk)
            if len(body) > max_bytes:
                raise DownloadError("the image is too large")
    return bytes(body)


def mentioned_users(text: str, bot_user_id: str | None) -> tuple[str, ...]:
    """The users mentioned in a message (``<@U123>``), the bot itself left out."""
    found = dict.fromkeys(m for m in _USER_MENTION.findall(text) if m != bot_user_id)
    return tuple(found)


def _private_chat(channel: str, user: str) -> str:
    """The chat id for something only ``user`` sees: a DM channel as it is; otherwise the
    user id, which ``chat.postMessage`` treats as the user's DM with the app. Notices about a
    private question (``/factcheck``, the shortcut) then go there, never to the channel."""
    return channel if channel.startswith("D") or not user else user


def _is_ignored(event: Mapping[str, Any], context: AsyncBoltContext) -> bool:
    """Edits, joins and other subtypes; other bots; the bot itself; events without a user."""
    user = event.get("user")
    subtype = event.get("subtype")
    return bool(
        (subtype and subtype not in _PERSON_SUBTYPES)
        or event.get("bot_id")
        or event.get("bot_profile")
        or not user
        or user == context.bot_user_id
    )


def _event_message(
    event: Json,
    channel: str,
    text: str,
    *,
    is_direct: bool,
    addressed: bool = True,
    bare_commands: bool = False,
    chat_admin: bool = False,
    mentioned_user_ids: tuple[str, ...] = (),
) -> Incoming:
    """A Slack event's message for the core, and how it reached the bot."""
    return Incoming(
        platform=Platform.SLACK,
        chat_id=channel,
        user_id=str(event.get("user", "")),
        text=text,
        is_direct=is_direct,
        addressed=addressed,
        bare_commands=bare_commands,
        chat_admin=chat_admin,
        mentioned_user_ids=mentioned_user_ids,
    )


async def _workspace_admin(client: AsyncWebClient, user_id: str) -> bool:
    """Whether Slack says this user administers the workspace (an admin or an owner): who
    may switch a channel's watch mode, besides Factbot's own admins. False when it cannot say
    (the ``users:read`` scope missing, the API down): the core then refuses politely."""
    try:
        found = await client.users_info(user=user_id)
    except Exception as error:  # SlackApiError, or the network
        log.warning("could not ask Slack whether %s is a workspace admin: %s", user_id, error)
        return False
    user = found.get("user") or {}
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


async def _silent(message: SlackMessage) -> None:
    """No apology: for a message nobody addressed to the bot."""


def _ephemeral(respond: AsyncRespond) -> Callable[[SlackMessage], Awaitable[object]]:
    async def send(message: SlackMessage) -> object:
        return await respond(
            **message.as_kwargs(), response_type="ephemeral", replace_original=False
        )

    return send


def _post(
    client: AsyncWebClient, channel: str, thread_ts: str | None
) -> Callable[[SlackMessage], Awaitable[object]]:
    async def send(message: SlackMessage) -> object:
        return await client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, **message.as_kwargs()
        )

    return send


# -- building and running the app ----------------------------------------------------------------


def build_app(
    core: FactChecker,
    *,
    token: str,
    signing_secret: str | None = None,
    api_url: str | None = None,
    process_before_response: bool = False,
    session: aiohttp.ClientSession | None = None,
    adapter: SlackAdapter | None = None,
) -> AsyncApp:
    """An :class:`AsyncApp` with the Factbot listeners.

    Without ``signing_secret`` (Socket Mode) requests are not signature-checked: Socket Mode
    traffic arrives over the authenticated websocket instead. A shared ``session`` keeps Web
    API connections alive between calls (without one, each call opens a new connection).
    Pass ``adapter`` to keep a handle on it (for :meth:`SlackAdapter.notify_forever`);
    without one, the core's calls run here on the loop (``media.Inline``), or straight on a
    stand-in core that is not a :class:`~bot.core.Core` (tests)."""
    client = AsyncWebClient(token=token, base_url=api_url or DEFAULT_API_URL, session=session)
    # Slack answers 429 when a channel gets too many posts: wait as told, then retry.
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret or "",
        request_verification_enabled=signing_secret is not None,
        process_before_response=process_before_response,
        logger=bolt_log,
    )
    if adapter is None:
        inline = media.Inline(core) if isinstance(core, Core) else None
        adapter = SlackAdapter(core, runner=inline)
    adapter.register(app)
    return app


MAX_REQUEST_AGE = 5 * 60  # seconds: Slack's own rule for a request's timestamp


def request_problem(body: bytes, headers: Mapping[str, str], signing_secret: str) -> str | None:
    """Why a request did not come from Slack (no valid signature, a timestamp that is not a
    recent number), or None when it did."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return "no valid timestamp"
    if abs(time.time() - int(timestamp)) > MAX_REQUEST_AGE:
        return "stale timestamp"
    if not signature or not SignatureVerifier(signing_secret).is_valid(body, timestamp, signature):
        return "bad signature"
    return None


def _verify_requests(path: str, signing_secret: str) -> Any:
    """aiohttp middleware: a POST to ``path`` that Slack did not sign gets 401 before bolt
    reads it (bolt answers a malformed timestamp or body with 500, and with ``-v`` logs the
    rejected body as it came, so anyone could write lines into the log). A rejected request
    is logged by its length and hash, never its content."""

    @web.middleware
    async def verify(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.method != "POST" or request.path != path:
            return await handler(request)
        body = await request.read()
        problem = request_problem(body, request.headers, signing_secret)
        if problem is not None:
            log.warning(
                "rejected a request to %s (%s): %d bytes, sha256 %s",
                path,
                problem,
                len(body),
                hashlib.sha256(body).hexdigest()[:16],
            )
            return web.Response(status=401)
        return await handler(request)

    return verify


def web_app(
    app: AsyncApp,
    *,
    path: str = EVENTS_PATH,
    signing_secret: str | None = None,
    metrics: Metrics | None = None,
) -> web.Application:
    """The aiohttp application serving the Events API, commands and interactivity on ``path``
    (plus ``GET /healthz`` for load balancers, and ``GET /metrics`` with ``metrics``). With
    ``signing_secret``, unsigned requests are refused before bolt sees them."""
    web_application = app.web_app(path=path)
    if signing_secret:
        web_application.middlewares.append(_verify_requests(path, signing_secret))
    if metrics is not None:
        health.add_routes(web_application, metrics)
        return web_application

    async def healthz(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_application.router.add_get("/healthz", healthz)
    return web_application


async def start_http(
    app: AsyncApp,
    host: str,
    port: int,
    metrics: Metrics | None = None,
    *,
    signing_secret: str | None = None,
) -> web.AppRunner:
    """Serve ``app`` over HTTP until the returned runner is cleaned up (``port`` 0 picks a
    free port: see ``runner.addresses``)."""
    return await health.serve(
        web_app(app, metrics=metrics, signing_secret=signing_secret), host, port
    )


async def start_socket_mode(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Connect ``app`` to Slack over Socket Mode; returns the handler (``close_async()``)."""
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(app, app_token=app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    return handler


# -- configuration -------------------------------------------------------------------------------


class ConfigError(Exception):
    """A missing or malformed setting; the message names the variable."""


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    api_url: str
    app_token: str | None = None
    signing_secret: str | None = None

    def __repr__(self) -> str:  # never show a secret, even in a traceback
        return f"SlackConfig(api_url={self.api_url!r}, secrets=<hidden>)"


_PATTERNS = {
    "SLACK_BOT_TOKEN": (re.compile(r"(xoxe\.)?xoxb-[0-9A-Za-z-]+"), "a bot token (xoxb-…)"),
    "SLACK_APP_TOKEN": (re.compile(r"xapp-[0-9A-Za-z-]+"), "an app-level token (xapp-…)"),
    "SLACK_SIGNING_SECRET": (re.compile(r"[0-9a-fA-F]{16,}"), "a hexadecimal signing secret"),
}


def _secret(env: Mapping[str, str], name: str, mode: str) -> str:
    value = env.get(name, "").strip()
    pattern, what = _PATTERNS[name]
    if not value:
        raise ConfigError(f"{name} is not set: {mode} needs {what} (see docs/slack.md)")
    if not pattern.fullmatch(value):
        raise ConfigError(f"{name} is malformed: expected {what}")
    return value


def read_config(env: Mapping[str, str], *, http: bool, api_url: str | None = None) -> SlackConfig:
    """Read and check the tokens for the chosen mode; raise :class:`ConfigError`."""
    mode = "HTTP mode" if http else "Socket Mode"
    bot_token = _secret(env, "SLACK_BOT_TOKEN", mode)
    url = (api_url or env.get("SLACK_API_URL") or DEFAULT_API_URL).strip()
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise ConfigError(f"SLACK_API_URL (or --api-url) is malformed: {url!r} is not a URL")
    url = url if url.endswith("/") else url + "/"
    if http:
        return SlackConfig(
            bot_token, url, signing_secret=_secret(env, "SLACK_SIGNING_SECRET", mode)
        )
    return SlackConfig(bot_token, url, app_token=_secret(env, "SLACK_APP_TOKEN", mode))


def run(args: argparse.Namespace) -> int:
    """``factbot slack``: serve until interrupted. Returns the exit status: 0 after a clean
    stop, 2 for a missing, malformed or rejected setting, 1 when Slack cannot be reached."""
    from bot.config import ConfigError as SettingsError
    from bot.config import load_settings

    http = bool(getattr(args, "http", False))
    try:
        config = read_config(os.environ, http=http, api_url=getattr(args, "api_url", None))
        settings = load_settings(getattr(args, "config", None))
    except (ConfigError, SettingsError) as error:
        return _fail(str(error))
    redact_secrets_in_logs(config.bot_token, config.app_token, config.signing_secret)
    port = int(getattr(args, "port", None) or 3000)
    if not 0 < port < 65536:
        return _fail(f"--port must be between 1 and 65535, not {port}")
    # Behind a reverse proxy (TLS ends there) by default; --host 0.0.0.0 listens everywhere.
    host = str(getattr(args, "host", None) or DEFAULT_HOST)
    try:
        metrics_address = health.metrics_address(getattr(args, "metrics", None))
    except ValueError as error:
        return _fail(str(error))
    if not logging.getLogger().handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("factbot").setLevel(logging.INFO)

    from bot.core import open_core

    core = open_core(getattr(args, "db", None), settings)
    metrics = Metrics(core, "slack")
    metrics.count_errors_of(log.name)
    runner = CoreRunner(core)  # checks on worker threads, one per core
    try:
        serving = _serve(
            core,
            config,
            http=http,
            host=host,
            port=port,
            metrics=metrics,
            metrics_address=metrics_address,
            runner=runner,
        )
        return asyncio.run(serving)
    except KeyboardInterrupt:
        return 0
    finally:
        metrics.stop_counting_errors(log.name)
        runner.close()
        core.base.close()


def _fail(message: str, status: int = 2) -> int:
    print(f"factbot slack: {message}", file=sys.stderr)
    return status


async def _preflight(app: AsyncApp, config: SlackConfig) -> int:
    """Check the tokens with Slack before serving, for a clear error instead of retry loops."""
    checks: list[tuple[str, Callable[[], Awaitable[object]]]] = [
        ("SLACK_BOT_TOKEN", app.client.auth_test)
    ]
    if config.app_token is not None:
        app_token = config.app_token
        checks.append(
            ("SLACK_APP_TOKEN", lambda: app.client.apps_connections_open(app_token=app_token))
        )
    for name, check in checks:
        try:
            await check()
        except SlackApiError as error:
            return _fail(f"Slack rejected {name} ({error.response.get('error', 'error')})")
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            return _fail(f"cannot reach the Slack Web API at {config.api_url}: {error}", 1)
    return 0


async def _serve(
    core: FactChecker,
    config: SlackConfig,
    *,
    http: bool,
    host: str,
    port: int,
    metrics: Metrics | None = None,
    metrics_address: tuple[str, int] | None = None,
    runner: CoreRunner | None = None,
) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    # One session for every Web API call: kept-alive connections halve the answer latency.
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        adapter = SlackAdapter(core, runner=runner)
        app = build_app(
            core,
            token=config.bot_token,
            signing_secret=config.signing_secret,
            api_url=config.api_url,
            session=session,
            adapter=adapter,
        )
        status = await _preflight(app, config)
        if status:
            return status
        notifier = asyncio.create_task(adapter.notify_forever(app.client))
        try:
            if metrics_address is not None and metrics is not None:
                try:
                    side = await health.start_server(metrics, *metrics_address)
                except OSError as error:
                    where = ":".join(map(str, metrics_address))
                    return _fail(f"cannot listen on {where}: {error.strerror or error}")
            else:
                side = None
            try:
                return await _serve_until(
                    stop, app, config, http=http, host=host, port=port, metrics=metrics
                )
            finally:
                if side is not None:
                    await side.cleanup()
        finally:
            notifier.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await notifier


async def _serve_until(
    stop: asyncio.Event,
    app: AsyncApp,
    config: SlackConfig,
    *,
    http: bool,
    host: str,
    port: int,
    metrics: Metrics | None = None,
) -> int:
    """Serve over HTTP or Socket Mode until ``stop`` is set; return the exit status."""
    if http:
        try:
            runner = await start_http(
                app, host, port, metrics, signing_secret=config.signing_secret
            )
        except OSError as error:
            return _fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
        print(
            f"Factbot for Slack: listening on http://{host}:{port}{EVENTS_PATH} (Ctrl-C stops)",
            file=sys.stderr,
        )
        try:
            await stop.wait()
        finally:
            await runner.cleanup()
        return 0
    assert config.app_token is not None
    handler = await start_socket_mode(app, config.app_token)
    print("Factbot for Slack: connected over Socket Mode (Ctrl-C stops)", file=sys.stderr)
    try:
        await stop.wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
    return 0
