"""The Slack listeners: what Factbot does with each event, click and command.

It only translates between Slack and the core (:class:`bot.contract.FactChecker`:
``handle``, ``show_claim``…), reading each payload with :mod:`adapters.slack_events` and
rendering each reply with :mod:`adapters.slack_render`:

- ``/factcheck <text>``: acknowledged at once; the answer is shown to the asker only, with a
  "Share in channel" button that posts the same answer for everyone
  (:mod:`adapters.slack_share`).
- a mention of the bot in a channel: the answer in a thread under that message;
- a direct message: any text is a check;
- the message shortcut "Fact-check this message": an answer only the user sees;
- any other channel message, when a workspace admin (or a Factbot admin) has sent
  ``@Factbot /watch on`` there: the core answers only claims rated false or misleading, in a
  thread, at most once an hour per claim (watch mode);
- a suggestion button: that claim's full answer;
- feedback buttons and "tell me when it's checked", whose notices (and verdict corrections)
  :meth:`SlackAdapter.notify_forever` delivers (:mod:`adapters.notices`); for a private
  question, to the user's DM.

The bot's own messages, other bots, message subtypes (edits, joins…) and the ``message``
event that duplicates a channel mention are ignored, and an event Slack delivers twice is
answered once. A listener error is logged and the user gets a short apology. The bot's
commands are shown as ``/factcheck <name>``: Slack keeps every ``/word`` for itself.
:mod:`adapters.slack_app` builds the app around these listeners and serves it.

Over 500 lines: one class, the listeners and the few helpers they share; what they remember
(locales, redeliveries, shared answers) and how they read Slack are in modules of their own.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters import notices
from adapters.fetch import fetch_page
from adapters.notices import Postponed, Undeliverable
from adapters.slack_events import (
    Json,
    Locales,
    Redeliveries,
    Where,
    attachment_of,
    event_message,
    is_ignored,
    mentioned_users,
    private_chat,
    shared_files,
    thread_start,
    with_image,
    workspace_admin,
)
from adapters.slack_render import (
    FEEDBACK_ACTION_PREFIX,
    NOTIFY_ACTION,
    SHARE_ACTION,
    SHOW_ACTION_PREFIX,
    SlackMessage,
    apology,
    message_text,
    notice,
    plain_text,
    render_reply,
    slack_commands,
)
from adapters.slack_share import SharedAnswers
from bot import media
from bot.config import Settings
from bot.contract import FactChecker, PendingNote
from bot.i18n import DEFAULT, _, supported, use_language
from bot.messages import Incoming, Platform, Reply, ReplyKind, parse_number
from bot.runner import CoreRunner

log = logging.getLogger("factbot.slack")

COMMAND = "/factcheck"
SHORTCUT_CALLBACK_ID = "factcheck_message"
WATCHED_CHANNELS = ("channel", "group")  # public and private channels: watch mode's reach
WATCH_COMMAND = re.compile(r"/watch\s+(?:on|off)\b", re.IGNORECASE)  # a switch, not a look
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
        self._shared = SharedAnswers(cache_size)
        self._redeliveries = Redeliveries(core, cache_size)
        self._locales = Locales(cache_size)

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

    async def _with_locale(self, msg: Incoming, client: AsyncWebClient | None) -> Incoming:
        return replace(msg, language_hint=await self._locales.ask(client, msg.user_id))

    def _in_language(self, user_id: str) -> str:
        """A short notice's language: the person's locale if already known (no lookup)."""
        return supported(self._locales.get(user_id)) or DEFAULT

    async def on_command(
        self, ack: AsyncAck, command: Json, respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        if self._redeliveries.seen_before(f"trigger:{command.get('trigger_id') or ''}"):
            log.info("ignoring a replayed slash command (trigger_id seen before)")
            return
        text = plain_text(command.get("text") or "") or "help"
        user_id = str(command.get("user_id", ""))
        msg = Incoming(
            platform=Platform.SLACK,
            chat_id=private_chat(str(command.get("channel_id", "")), user_id),
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
        text = message_text(message.get("text") or "", bot_user_id=context.bot_user_id)
        user = shortcut.get("user") or {}
        channel = shortcut.get("channel") or {}

        async def work() -> None:
            user_id = str(user.get("id", ""))
            if not text and not shared_files(message):
                with use_language(supported(await self._locales.ask(client, user_id))):
                    said = notice(_("That message has no text I can check."))
                await respond(**said.as_kwargs(), response_type="ephemeral")
                return
            msg = Incoming(
                platform=Platform.SLACK,
                chat_id=private_chat(str(channel.get("id", "")), user_id),
                user_id=user_id,
                text=f"/check {text}",  # the shortcut asks for a check, whatever the text
                is_direct=True,
                user_name=user.get("username") or user.get("name"),
                language_hint=await self._locales.ask(client, user_id),
            )
            msg = replace(msg, attachment=attachment_of(message))
            msg = await with_image(client, message, msg, self._settings())
            await self._answer_privately(msg, respond)

        await self._guarded("message shortcut", work, _ephemeral(respond))

    async def on_mention(
        self, body: Json, event: Json, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        if is_ignored(event, context) or str(event.get("channel", "")).startswith("D"):
            return  # in a DM the ``message`` event carries the same text
        if self._redeliveries.event(body):
            return
        channel = str(event["channel"])
        thread_ts = event.get("thread_ts") or event.get("ts")
        text = message_text(event.get("text") or "", bot_user_id=context.bot_user_id)
        user_id = str(event.get("user", ""))  # who asks: for /watch, who may switch it

        async def work() -> None:
            # A bare mention in a thread whose first message shared an image: that image.
            shared = event
            if not text and not shared_files(event) and event.get("thread_ts"):
                shared = await thread_start(client, channel, str(event["thread_ts"])) or event
            asked = text or ("" if shared_files(shared) else "/help")
            # Only /watch asks who administers the chat: on Slack, the workspace's admins.
            admin = bool(WATCH_COMMAND.match(asked)) and await workspace_admin(client, user_id)
            msg = event_message(
                event,
                channel,
                asked,
                is_direct=False,
                addressed=True,
                chat_admin=admin,
                mentioned_user_ids=mentioned_users(event.get("text") or "", context.bot_user_id),
            )
            msg = replace(msg, attachment=attachment_of(shared))
            msg = await with_image(client, shared, msg, self._settings())
            msg = await self._with_locale(msg, client)
            await self._answer_publicly(msg, client, channel, thread_ts)

        await self._guarded("mention", work, _post(client, channel, thread_ts))

    async def on_message(
        self, body: Json, event: Json, context: AsyncBoltContext, client: AsyncWebClient
    ) -> None:
        kind = event.get("channel_type")
        if kind not in ("im", *WATCHED_CHANNELS) or is_ignored(event, context):
            return
        raw_text = event.get("text") or ""
        if kind != "im" and context.bot_user_id and f"<@{context.bot_user_id}>" in raw_text:
            return  # a mention arrives both as ``app_mention`` and as ``message``
        if self._redeliveries.event(body):
            return
        channel = str(event["channel"])
        text = message_text(raw_text, bot_user_id=context.bot_user_id)
        if kind != "im":
            if text:
                await self._watch(event, channel, text, client)
            return
        if not text and not shared_files(event):
            return
        thread_ts = event.get("thread_ts")
        msg = event_message(
            event,
            channel,
            text,
            is_direct=True,
            bare_commands=True,
            mentioned_user_ids=mentioned_users(raw_text, context.bot_user_id),
        )
        msg = replace(msg, attachment=attachment_of(event))

        async def work() -> None:
            pictured = await with_image(client, event, msg, self._settings())
            asked = await self._with_locale(pictured, client)
            await self._answer_publicly(asked, client, channel, thread_ts)

        await self._guarded("direct message", work, _post(client, channel, thread_ts))

    async def _watch(self, event: Json, channel: str, text: str, client: AsyncWebClient) -> None:
        """A channel message nobody addressed to the bot: the core answers it only in watch
        mode, and only to correct a claim rated false or misleading (in a thread under it)."""
        msg = event_message(event, channel, text, is_direct=False, addressed=False)
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
        where = Where.of(body)
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
        where = Where.of(body)

        async def work() -> None:
            if await self._over_limit(where.incoming(body), respond):
                return
            reply = self._shared.recall(str(action.get("value", "")), where, self.core)
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
        where = Where.of(body)
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
        where = Where.of(body)
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
        return self._render(reply, share_value=self._shared.offer(reply))

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


# -- where a listener sends what it has to say ----------------------------------------


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
