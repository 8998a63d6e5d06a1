"""A fake Telegram Bot API server for offline tests and benchmarks.

The real python-telegram-bot stack talks HTTP to it on 127.0.0.1 (a random free port). It
records every call with its decoded parameters, serves ``getUpdates`` long polling from a queue
that tests fill with :meth:`FakeBotAPI.push_update`, answers ``getChatMember`` from a table the
test controls, and can answer a method with HTTP 429 and ``retry_after`` on demand.

Usage::

    async with FakeBotAPI() as fake:
        app = build_application(core, fake.token, api_url=fake.url, ...)
        fake.push_update(message_update("is the earth flat?"))
        await fake.wait_for_calls("sendMessage", 1)

The ``*_update`` helpers build realistic update payloads (entities included: a command needs its
``bot_command`` entity at offset 0 or PTB treats it as plain text).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, Self

from aiohttp import web

# Read retry_after as a timedelta inside PTB: the int form raises a deprecation warning, which
# fails the test suite (filterwarnings = error). PTB reads the variable when the 429 arrives.
os.environ.setdefault("PTB_TIMEDELTA", "1")

BOT_ID = 7000001
BOT_USERNAME = "factbot_test_bot"
BOT_TOKEN = f"{BOT_ID}:AAF4keT0kenForTestsOnly_0123456789x"
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Factbot",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}

# Parameters PTB sends as plain strings; everything else arrives JSON-encoded (numbers, booleans,
# objects) in a form-encoded body and is decoded so tests can compare real values.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "query",
        "callback_query_id",
        "inline_query_id",
        "secret_token",
        "url",
        "parse_mode",
        "next_offset",
        "description",
        "short_description",
        "name",
    }
)

_ADMIN_RIGHTS = dict.fromkeys(
    (
        "can_be_edited",
        "is_anonymous",
        "can_manage_chat",
        "can_delete_messages",
        "can_manage_video_chats",
        "can_restrict_members",
        "can_promote_members",
        "can_change_info",
        "can_invite_users",
        "can_post_stories",
        "can_edit_stories",
        "can_delete_stories",
    ),
    False,
) | {"can_manage_chat": True, "can_delete_messages": True}


@dataclass(frozen=True, slots=True)
class Call:
    """One request the bot made: the method, its decoded parameters, when it arrived."""

    method: str
    params: dict[str, Any]
    ok: bool = True  # False when the fake answered with an injected error
    at: float = field(default_factory=time.perf_counter)


@dataclass(slots=True)
class _Failure:
    status: int
    retry_after: int | None
    description: str


class FakeBotAPI:
    """An in-process Bot API server that records calls and serves queued updates."""

    def __init__(self, token: str = BOT_TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.ok_counts: Counter[str] = Counter()  # successful calls per method
        # update_id -> perf_counter() when the update was queued (for latency measurements)
        self.queued_at: dict[int, float] = {}
        # (chat_id, user_id) -> status for getChatMember; anyone else is a plain "member"
        self.chat_members: dict[tuple[int, int], str] = {}
        self.webhook_url: str = ""
        # file_id -> the file's bytes, for getFile and the file download (``add_file``)
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []  # file paths downloaded
        self._pending: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._failures: dict[str, list[_Failure]] = {}
        self._chat_types: dict[int, str] = {}
        self._changed: asyncio.Condition | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL to hand to the bot as its API URL (``TELEGRAM_API_URL``)."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._changed = asyncio.Condition()
        self._loop = asyncio.get_running_loop()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        self._closing = True
        await self._notify()  # release pending long polls so shutdown is immediate
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @classmethod
    @contextmanager
    def in_thread(cls, token: str = BOT_TOKEN) -> Iterator[FakeBotAPI]:
        """Run a fake on its own event loop in a thread, for code that runs its own loop."""
        loop = asyncio.new_event_loop()
        fake = cls(token)
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        asyncio.run_coroutine_threadsafe(fake.start(), loop).result(5)
        try:
            yield fake
        finally:
            asyncio.run_coroutine_threadsafe(fake.close(), loop).result(5)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            loop.close()

    # -- test controls -----------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for ``getUpdates``; assigns and returns its ``update_id``."""
        update_id = next(self._update_ids)
        update = {**update, "update_id": update_id}
        self.remember_chats(update)
        self.queued_at[update_id] = time.perf_counter()
        self._pending.append(update)
        if self._loop is not None:  # safe from another thread (see in_thread)
            self._loop.call_soon_threadsafe(self._wake)
        return update_id

    def _wake(self) -> None:
        task = asyncio.get_running_loop().create_task(self._notify())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def remember_chats(self, update: dict[str, Any]) -> None:
        """Note the chat types in an update, so sent messages come back in the right kind."""
        for key in ("message", "edited_message", "channel_post"):
            chat = update.get(key, {}).get("chat")
            if chat:
                self._chat_types[int(chat["id"])] = chat["type"]

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """Make ``getChatMember`` report ``status`` (creator, administrator, member, ...)."""
        self.chat_members[(chat_id, user_id)] = status

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        description: str = "Too Many Requests: retry after 1",
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error instead of success."""
        self._failures.setdefault(method, []).extend(
            _Failure(status, retry_after, description) for _ in range(times)
        )

    def add_file(self, file_id: str, data: bytes) -> None:
        """A file the bot can fetch with getFile and download (a photo someone sent)."""
        self.files[file_id] = data

    async def _download(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        path = request.match_info["path"]
        file_id = path.removeprefix("photos/")
        if file_id not in self.files:
            return _error(404, "Not Found")
        self.downloads.append(path)
        return web.Response(body=self.files[file_id], content_type="application/octet-stream")

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any] | None:
        file_id = str(params.get("file_id", ""))
        if file_id not in self.files:
            return None
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(self.files[file_id]),
            "file_path": f"photos/{file_id}",
        }

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent_messages(self) -> list[dict[str, Any]]:
        """Parameters of every successful ``sendMessage``, in order."""
        return [call.params for call in self.calls if call.method == "sendMessage" and call.ok]

    async def wait_for(self, predicate: Callable[[], bool], seconds: float = 5.0) -> None:
        assert self._changed is not None, "the fake is not running"
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), seconds)

    async def wait_for_calls(self, method: str, count: int, seconds: float = 5.0) -> list[Call]:
        """Wait until ``method`` has been called ``count`` times; return those calls."""
        await self.wait_for(lambda: len(self.calls_to(method)) >= count, seconds)
        return self.calls_to(method)

    # -- the server --------------------------------------------------------------------------

    async def _notify(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = _decode(await request.post()) if request.can_read_body else {}
        failures = self._failures.get(method)
        failure = failures.pop(0) if failures else None
        problem = self._reject(method, params)
        # recorded on arrival: a long poll shows up while it waits
        call = Call(method, params, ok=failure is None and problem is None)
        self.calls.append(call)
        if call.ok:
            self.ok_counts[method] += 1
        await self._notify()
        if failure is not None:
            return _error(failure.status, failure.description, failure.retry_after)
        if problem:
            return _error(400, problem)
        if method == "getUpdates":
            result: Any = await self._get_updates(params)
        else:
            handler = getattr(self, f"_api_{method}", None)
            result = handler(params) if handler is not None else True
            if result is None:
                return _error(400, "Bad Request: invalid file_id")
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        timeout = float(params.get("timeout", 0) or 0)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and timeout > 0 and not self._closing:
            assert self._changed is not None
            async with self._changed:
                with suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._pending) or self._closing),
                        timeout,
                    )
        return self._pending[:limit]

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        default_type = "private" if chat_id > 0 else "supergroup"
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": self._chat_types.get(chat_id, default_type)},
            "from": BOT_USER,
        }
        if "text" in params:
            message["text"] = params["text"]
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params)

    def _reject(self, method: str, params: dict[str, Any]) -> str | None:
        """The Bot API's complaint about a message, as Telegram words it, or None."""
        if method not in ("sendMessage", "editMessageText"):
            return None
        text = str(params.get("text", ""))
        if params.get("parse_mode") == "HTML":
            problem = html_problem(text)
            if problem:
                return f"Bad Request: can't parse entities: {problem}"
            text = html.unescape(_TAG.sub("", text))
        if not text.strip():
            return "Bad Request: message text is empty"
        if _utf16_len(text) > MAX_TEXT_LENGTH:
            return "Bad Request: message is too long"
        return None

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        return self._message(params) if "chat_id" in params else True

    def _api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.chat_members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {
            "status": status,
            "user": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
        }
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member |= _ADMIN_RIGHTS
        return member

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[Any]:
        return []


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


def _decode(form: Any) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, value in form.items():
        if not isinstance(value, str) or key in _STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


# -- Telegram's HTML rules ---------------------------------------------------------------------

MAX_TEXT_LENGTH = 4096  # after entity parsing, in UTF-16 code units
_TAG = re.compile(r"<[^>]*>")
_ALLOWED_TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    ]
)
_MARKUP = re.compile(
    r"<(?P<close>/)?(?P<name>[a-z-]+)(?P<attrs>(?:\s+[a-z-]+=\"[^\"<>]*\")*)\s*>"
    r"|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);"
)


def html_problem(text: str) -> str | None:
    """Why Telegram would refuse ``text`` in HTML parse mode, or None if it parses.

    Only the supported tags, properly nested; ``<``, ``>`` and ``&`` outside tags and entities
    are errors (Telegram: "Can't parse entities").
    """
    stack: list[str] = []
    position = 0
    for match in _MARKUP.finditer(text):
        between = text[position : match.start()]
        for char in "<>&":
            if char in between:
                return f"unexpected {char!r} at byte offset {position + between.index(char)}"
        position = match.end()
        name = match.group("name")
        if name is None:
            continue  # an entity
        if name not in _ALLOWED_TAGS:
            return f'unsupported start tag "{name}"'
        if match.group("close"):
            if not stack or stack.pop() != name:
                return f'unmatched end tag "{name}"'
        else:
            stack.append(name)
    tail = text[position:]
    for char in "<>&":
        if char in tail:
            return f"unexpected {char!r} at byte offset {position + tail.index(char)}"
    if stack:
        return f'unclosed start tag "{stack[-1]}"'
    return None


def local_requests() -> dict[str, Any]:
    """``build_application`` keyword arguments for talking plain HTTP to the fake: the bot's
    own transports (aiohttp for its requests, httpx for long polling), httpx's without TLS
    setup, which makes building an Application about 2 ms instead of about 100 ms.
    """
    from telegram.request import HTTPXRequest

    from adapters.telegram_request import AiohttpRequest

    return {
        "request": AiohttpRequest(connection_pool_size=8),
        "get_updates_request": HTTPXRequest(httpx_kwargs={"verify": False}),
    }


# -- update payloads ----------------------------------------------------------------------------

_message_counter = itertools.count(1)


def user(user_id: int = 42, name: str = "Ada", *, is_bot: bool = False) -> dict[str, Any]:
    return {"id": user_id, "is_bot": is_bot, "first_name": name, "username": name.lower()}


def private_chat(chat_id: int = 42) -> dict[str, Any]:
    return {"id": chat_id, "type": "private", "first_name": "Ada"}


def group_chat(chat_id: int = -100500, *, forum: bool = False) -> dict[str, Any]:
    chat: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": "Family chat"}
    if forum:
        chat["is_forum"] = True
    return chat


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entities_for(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would attach: a leading ``/command`` and ``@username`` mentions."""
    entities: list[dict[str, Any]] = []
    words = text.split(" ")
    position = 0
    for index, word in enumerate(words):
        token = word.strip(".,!?:;")
        if index == 0 and token.startswith("/") and len(token) > 1:
            entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(token)})
        elif token.startswith("@") and len(token) > 1:
            offset = _utf16_len(text[:position])
            entities.append({"type": "mention", "offset": offset, "length": _utf16_len(token)})
        position += len(word) + 1
    return entities


def message(
    text: str | None = None,
    *,
    chat: dict[str, Any] | None = None,
    sender: dict[str, Any] | None = None,
    message_id: int | None = None,
    caption: str | None = None,
    reply_to: dict[str, Any] | None = None,
    forward_from: dict[str, Any] | None = None,
    thread_id: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A Message object; ``text`` or ``caption`` (with a photo) get realistic entities."""
    payload: dict[str, Any] = {
        "message_id": message_id if message_id is not None else next(_message_counter),
        "date": int(time.time()),
        "chat": chat if chat is not None else private_chat(),
        "from": sender if sender is not None else user(),
    }
    if text is not None:
        payload["text"] = text
        if entities := entities_for(text):
            payload["entities"] = entities
    if caption is not None:
        payload["photo"] = [
            {"file_id": "AgAD-photo", "file_unique_id": "p1", "width": 90, "height": 60}
        ]
        payload["caption"] = caption
        if entities := entities_for(caption):
            payload["caption_entities"] = entities
    if reply_to is not None:
        payload["reply_to_message"] = reply_to
    if forward_from is not None:
        payload["forward_origin"] = {
            "type": "user",
            "date": int(time.time()) - 3600,
            "sender_user": forward_from,
        }
    if thread_id is not None:
        payload["message_thread_id"] = thread_id
        payload["is_topic_message"] = True
    payload.update(extra)
    return payload


def message_update(text: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """An update carrying a new message (see :func:`message` for the arguments)."""
    return {"message": message(text, **kwargs)}


def bot_message(text: str, *, chat: dict[str, Any] | None = None) -> dict[str, Any]:
    """A message this bot sent earlier (for replies to the bot)."""
    return message(text, chat=chat, sender=BOT_USER)


def callback_update(
    data: str, *, on_message: dict[str, Any], sender: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A tap on an inline keyboard button of ``on_message``."""
    return {
        "callback_query": {
            "id": f"cbq-{next(_message_counter)}",
            "from": sender if sender is not None else user(),
            "chat_instance": "ci-1",
            "message": on_message,
            "data": data,
        }
    }


def inline_update(query: str, *, sender: dict[str, Any] | None = None) -> dict[str, Any]:
    """Someone typing ``@bot query`` in a chat."""
    return {
        "inline_query": {
            "id": f"iq-{next(_message_counter)}",
            "from": sender if sender is not None else user(),
            "query": query,
            "offset": "",
            "chat_type": "sender",
        }
    }
