"""Slack's events as the core's :class:`~bot.messages.Incoming`: who asks, where, and what.

The listeners (:mod:`adapters.slack_listeners`) call these to read a payload: the chat to answer
in (a private question's notices go to the asker's DM, never to the channel), which events are a
person's own new message, who is mentioned, where a button was clicked (:class:`Where`); and
what a payload does not carry, asked of Slack's Web API: the person's locale, whether they
administer the workspace, a thread's first message, an image file shared with the message.
An event Slack delivers twice is recognised (:class:`Redeliveries`).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from slack_bolt.async_app import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.fetch import read_at_most
from bot import media
from bot.config import Settings
from bot.contract import FactChecker
from bot.messages import (
    Attachment,
    AttachmentKind,
    ImageReading,
    Incoming,
    Platform,
    attachment_kind,
)

log = logging.getLogger("factbot.slack")

Json = dict[str, Any]


@dataclass(frozen=True)
class Where:
    """Where an interactive payload (button click) came from."""

    channel: str
    user: str
    ephemeral: bool
    thread_ts: str | None

    @property
    def private_chat(self) -> str:
        """Where to reach the clicker alone: the DM itself, or their DM with the app."""
        return private_chat(self.channel, self.user)

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
    def of(cls, body: Json) -> Where:
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


def shared_files(event: Mapping[str, Any]) -> list[Json]:
    """The files shared with a message (each with an id): images, which are read, and any
    other (:func:`attachment_of`), which is answered unread."""
    files = event.get("files")
    if not isinstance(files, list):
        return []
    return [f for f in files if isinstance(f, dict) and f.get("id")]


def image_files(event: Mapping[str, Any]) -> list[Json]:
    """The image files shared with a message."""
    return [f for f in shared_files(event) if str(f.get("mimetype", "")).startswith("image/")]


def attachment_of(event: Mapping[str, Any]) -> Attachment | None:
    """The first file shared with a message, where none is an image (an image is read): a
    voice clip, other audio, a video or a document, which the bot does not read."""
    files = shared_files(event)
    if not files or image_files(event):
        return None
    first = files[0]
    kind: AttachmentKind = attachment_kind(str(first.get("mimetype", "")))
    if first.get("subtype") == "slack_audio":
        kind = "voice"  # a clip recorded in Slack
    return Attachment(kind, f"slack:{first['id']}")


async def thread_start(client: AsyncWebClient, channel: str, thread_ts: str) -> Json | None:
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
        body = await read_at_most(response, max_bytes)
    if body is None:
        raise DownloadError("the image is too large")
    return body


def mentioned_users(text: str, bot_user_id: str | None) -> tuple[str, ...]:
    """The users mentioned in a message (``<@U123>``), the bot itself left out."""
    found = dict.fromkeys(m for m in _USER_MENTION.findall(text) if m != bot_user_id)
    return tuple(found)


def private_chat(channel: str, user: str) -> str:
    """The chat id for something only ``user`` sees: a DM channel as it is; otherwise the
    user id, which ``chat.postMessage`` treats as the user's DM with the app. Notices about a
    private question (``/factcheck``, the shortcut) then go there, never to the channel."""
    return channel if channel.startswith("D") or not user else user


def is_ignored(event: Mapping[str, Any], context: AsyncBoltContext) -> bool:
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


def event_message(
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


async def workspace_admin(client: AsyncWebClient, user_id: str) -> bool:
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


async def with_image(
    client: AsyncWebClient, event: Json, msg: Incoming, settings: Settings
) -> Incoming:
    """The message with the text and hashes of the first image file shared with it:
    described by ``files.info``, downloaded from its ``url_private`` with the bot token
    (only from Slack's own file host, or the API's), read off the event loop."""
    files = image_files(event)
    if not files:
        return msg
    file_id = str(files[0].get("id", ""))
    ref = f"slack:{file_id}"
    command = msg.text.split(maxsplit=1)[0].lstrip("/").casefold() if msg.text else ""
    async with media.images_in_hand():  # a flood of pictures is not all in memory at once
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


class Locales:
    """Each person's Slack locale (``users.info`` with ``include_locale``), asked once: the
    language to answer in unless they chose one with /language."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._known: OrderedDict[str, str | None] = OrderedDict()

    def get(self, user_id: str) -> str | None:
        """The locale already known (no lookup), or None."""
        return self._known.get(user_id)

    async def ask(self, client: AsyncWebClient | None, user_id: str) -> str | None:
        """The person's Slack locale (``zh-CN``), asked once and remembered; None when Slack
        cannot say (no ``users:read`` scope, the API down)."""
        if user_id in self._known or client is None or not user_id:
            return self._known.get(user_id)
        locale: str | None = None
        try:
            found = await client.users_info(user=user_id, include_locale=True)
            locale = str((found.get("user") or {}).get("locale") or "") or None
        except Exception as error:  # SlackApiError, or the network
            log.info("could not ask Slack for %s's locale: %s", user_id, error)
        self._known[user_id] = locale
        while len(self._known) > self._size:
            self._known.popitem(last=False)
        return locale


class Redeliveries:
    """Event ids and slash command trigger ids already handled: Slack redelivers an event it
    thinks was not acknowledged, and a signed request can be replayed within the five minutes
    its timestamp is valid."""

    def __init__(self, core: FactChecker, size: int) -> None:
        self.core = core
        self._size = size
        self._seen: OrderedDict[str, None] = OrderedDict()

    def event(self, body: Json) -> bool:
        """True for an event handled before (logged)."""
        event_id = body.get("event_id")
        if not event_id:
            return False
        if self.seen_before(f"event:{event_id}"):
            log.info("ignoring redelivered event %s", event_id)
            return True
        return False

    def seen_before(self, key: str) -> bool:
        """True for a key (``event:<id>``, ``trigger:<id>``) already handled."""
        if key.endswith(":"):
            return False  # no id to go by
        if key in self._seen:
            return True
        self._seen[key] = None
        while len(self._seen) > self._size:
            self._seen.popitem(last=False)
        # Another worker on the same claim base may have had it: the base keeps them too.
        return not self.core.first_delivery(Platform.SLACK, key)
