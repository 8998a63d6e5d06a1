"""A fake Slack Web API on 127.0.0.1 for offline tests and benchmarks.

It serves what the Slack adapter and slack-bolt use and records every call:

- ``POST /api/{method}``: ``auth.test`` answers with a bot user id and bot id,
  ``apps.connections.open`` returns a ``ws://`` URL to this same server, every other method
  (``chat.postMessage``, ``chat.postEphemeral``…) answers ``ok`` with a message ``ts``.
  A method can be made to fail with :meth:`FakeSlackApi.fail`.
- ``POST /response/{id}``: the ``response_url`` that ``respond()`` posts to.
- ``GET /ws``: a Socket Mode endpoint. It greets with ``hello``; :meth:`FakeSlackApi.push`
  sends an envelope and waits for the client's acknowledgement.

Messages are checked against Block Kit's limits (:func:`message_problems`): one Slack would
refuse gets ``invalid_blocks`` and is listed in :attr:`FakeSlackApi.invalid`.
The module also builds requests as Slack sends them, signed with :func:`sign`.

Usage::

    async with FakeSlackApi() as fake:
        client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url)
        ...
        [post] = fake.calls_to("chat.postMessage")
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import urlencode

from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

BOT_USER_ID = "UFACTBOT1"
BOT_ID = "BFACTBOT1"
TEAM_ID = "T0TEAM001"


@dataclass(frozen=True)
class Call:
    """One request the fake received: ``method`` is a Web API method or ``response_url``."""

    method: str
    payload: dict[str, Any]
    token: str | None = None
    path: str = ""
    at: float = field(default_factory=time.perf_counter, compare=False)  # when it arrived


class FakeSlackApi:
    """Records Web API calls; start with ``async with`` or :meth:`start`/:meth:`close`."""

    def __init__(self, *, bot_user_id: str = BOT_USER_ID, bot_id: str = BOT_ID) -> None:
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.calls: list[Call] = []
        # Messages Slack would have refused (Block Kit limits), with the reasons.
        self.invalid: list[tuple[Call, list[str]]] = []
        self.port = 0
        self._failures: dict[str, str] = {}
        # What users.info says of each user beyond the id ({"is_admin": True} for an admin).
        self.users: dict[str, dict[str, Any]] = {}
        # Files people shared (``add_file``): files.info describes them, url_private serves
        # them to a request with a bot token; the tokens each download came with.
        self.files: dict[str, tuple[str, bytes]] = {}
        self.download_tokens: list[str | None] = []
        # (channel, thread ts) -> the thread's messages, for conversations.replies
        self.threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._ts = itertools.count(1)
        self._envelope_ids = itertools.count(1)
        self._envelopes: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_ready = asyncio.Event()
        self._call_added = asyncio.Condition()
        self._runner: web.AppRunner | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # users.info and other reads
        app.router.add_post("/response/{id}", self._response_url)
        app.router.add_get("/ws", self._websocket)
        app.router.add_get("/files-pri/{id}/{tail:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- addresses -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The Web API base URL, with the trailing slash slack-sdk expects."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base_url}/response/{name}"

    # -- inspection ----------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """The payloads of every call to ``method`` (``"response_url"`` for respond())."""
        return [c.payload for c in self.calls if c.method == method]

    def admin_lookups(self) -> list[dict[str, Any]]:
        """users.info calls that ask who a user is (not their locale: the adapter asks that
        once per person, for the language to answer in)."""
        return [c for c in self.calls_to("users.info") if "include_locale" not in c]

    def messages(self) -> list[Call]:
        """Every call that shows something to a user (posts and response_url), in order."""
        shown = {"chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"}
        return [c for c in self.calls if c.method in shown]

    async def wait_for(self, method: str, count: int = 1, seconds: float = 3.0) -> list[Call]:
        """Wait until ``method`` has been called at least ``count`` times; return those calls."""

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method == method]

        async with asyncio.timeout(seconds), self._call_added:
            await self._call_added.wait_for(lambda: len(matching()) >= count)
        return matching()

    def fail(self, method: str, error: str = "internal_error") -> None:
        """Make every later call to ``method`` answer ``{"ok": false, "error": error}``."""
        self._failures[method] = error

    def reset(self) -> None:
        self.calls.clear()
        self.invalid.clear()
        self._failures.clear()

    # -- Socket Mode ---------------------------------------------------------------------------

    async def wait_for_socket(self, seconds: float = 3.0) -> None:
        async with asyncio.timeout(seconds):
            await self._socket_ready.wait()

    async def push(
        self, kind: str, payload: dict[str, Any], *, seconds: float = 3.0
    ) -> dict[str, Any]:
        """Send a Socket Mode envelope (``events_api``, ``slash_commands``, ``interactive``)
        over the open websocket and return the client's acknowledgement."""
        await self.wait_for_socket(seconds)
        envelope_id = f"env-{next(self._envelope_ids)}"
        pending: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._envelopes[envelope_id] = pending
        await self._sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": payload,
            }
        )
        async with asyncio.timeout(seconds):
            return await pending

    # -- handlers ------------------------------------------------------------------------------

    async def _record(self, call: Call) -> None:
        async with self._call_added:
            self.calls.append(call)
            self._call_added.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await _read_payload(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
        call = Call(method, payload, token, request.path)
        await self._record(call)
        if method in self._failures:
            return web.json_response({"ok": False, "error": self._failures[method]})
        if token is None and "token" not in payload:
            return web.json_response({"ok": False, "error": "not_authed"})
        if method in _MESSAGE_METHODS:
            problems = message_problems(payload)
            if problems:
                self.invalid.append((call, problems))
                return web.json_response(
                    {"ok": False, "error": "invalid_blocks", "errors": problems}
                )
        return web.json_response(self._answer(method, payload))

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://factbot-test.slack.com/",
                "team": "Factbot Test",
                "user": "factbot",
                "team_id": TEAM_ID,
                "user_id": self.bot_user_id,
                "bot_id": self.bot_id,
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/ws"}
        answer: dict[str, Any] = {"ok": True}
        if method in {"chat.postMessage", "chat.update"}:
            ts = f"1700000000.{next(self._ts):06d}"
            answer |= {"channel": payload.get("channel"), "ts": ts, "message": {"ts": ts}}
        elif method == "chat.postEphemeral":
            answer["message_ts"] = f"1700000000.{next(self._ts):06d}"
        elif method == "conversations.replies":
            key = (str(payload.get("channel", "")), str(payload.get("ts", "")))
            if key not in self.threads:
                return {"ok": False, "error": "thread_not_found"}
            limit = int(payload.get("limit", 1000) or 1000)
            answer["messages"] = self.threads[key][:limit]
        elif method == "files.info":
            file_id = str(payload.get("file", ""))
            if file_id not in self.files:
                return {"ok": False, "error": "file_not_found"}
            answer["file"] = self._file_object(file_id)
        elif method == "users.info":
            user = str(payload.get("user", ""))
            fields = {"is_admin": False, "is_owner": False, "is_primary_owner": False}
            answer["user"] = {"id": user, **fields, **self.users.get(user, {})}
            if str(payload.get("include_locale")).lower() in ("true", "1"):
                answer["user"].setdefault("locale", "en-US")  # Slack's answer when asked
            else:
                answer["user"].pop("locale", None)
        return answer

    def add_file(self, file_id: str, data: bytes, mimetype: str = "image/png") -> dict[str, Any]:
        """A file someone shared; returns the file object as an event carries it."""
        self.files[file_id] = (mimetype, data)
        return self._file_object(file_id)

    def _file_object(self, file_id: str) -> dict[str, Any]:
        mimetype, data = self.files[file_id]
        name = "image.png" if mimetype == "image/png" else "file"
        return {
            "id": file_id,
            "name": name,
            "mimetype": mimetype,
            "filetype": mimetype.rsplit("/", 1)[-1],
            "size": len(data),
            "url_private": f"{self.base_url}/files-pri/{file_id}/{name}",
            "url_private_download": f"{self.base_url}/files-pri/{file_id}/download/{name}",
        }

    async def _file(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
        self.download_tokens.append(token)
        found = self.files.get(request.match_info["id"])
        if token is None or not token.startswith("xoxb-") or found is None:
            # Slack answers an unauthenticated download with its sign-in page
            return web.Response(text="<html>sign in</html>", content_type="text/html")
        return web.Response(body=found[1], content_type=found[0])

    async def _response_url(self, request: web.Request) -> web.Response:
        payload = await _read_payload(request)
        call = Call("response_url", payload, None, request.path)
        await self._record(call)
        problems = [] if payload.get("delete_original") else message_problems(payload)
        if problems:
            self.invalid.append((call, problems))
            return web.Response(status=400, text="invalid_blocks")
        return web.Response(text="ok")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "fake-slack", "approximate_connection_time": 18060},
                "connection_info": {"app_id": "A0FACTBOT"},
            }
        )
        self._socket_ready.set()
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                data = json.loads(message.data)
                await self._record(Call("socket_mode_ack", data, None, "/ws"))
                pending = self._envelopes.pop(str(data.get("envelope_id")), None)
                if pending is not None and not pending.done():
                    pending.set_result(data)
        finally:
            self._sockets.remove(ws)
            if not self._sockets:
                self._socket_ready.clear()
        return ws


_MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update"}
_BLOCK_TYPES = {"section", "header", "context", "actions", "divider", "image", "rich_text"}


def message_problems(payload: dict[str, Any]) -> list[str]:
    """Why Slack would refuse this message (``invalid_blocks``), as Block Kit documents its
    limits: 50 blocks, 3,000 characters a text, 150 a header, 75 a button label, 2,000 a
    button value, 255 an action id, 10 context elements; text or blocks must be present."""
    problems: list[str] = []
    text = payload.get("text")
    blocks = payload.get("blocks") or []
    if not text and not blocks:
        problems.append("no_text")
    if isinstance(text, str) and len(text) > 40_000:
        problems.append("text longer than 40,000 characters")
    if not isinstance(blocks, list):
        return [*problems, "blocks is not a list"]
    if len(blocks) > 50:
        problems.append(f"{len(blocks)} blocks, more than 50")
    action_ids: set[str] = set()

    def check_text(where: str, obj: Any, limit: int, kinds: set[str]) -> None:
        if not isinstance(obj, dict) or obj.get("type") not in kinds:
            problems.append(f"{where}: text object of type {kinds}")
            return
        value = obj.get("text")
        if not isinstance(value, str) or not value:
            problems.append(f"{where}: empty text")
        elif len(value) > limit:
            problems.append(f"{where}: {len(value)} characters, more than {limit}")

    def check_button(where: str, button: Any) -> None:
        if not isinstance(button, dict) or button.get("type") != "button":
            problems.append(f"{where}: not a button")
            return
        check_text(f"{where}.text", button.get("text"), 75, {"plain_text"})
        action_id = str(button.get("action_id", ""))
        if not action_id or len(action_id) > 255:
            problems.append(f"{where}: action_id missing or longer than 255")
        elif action_id in action_ids:
            problems.append(f"{where}: action_id {action_id} used twice")
        action_ids.add(action_id)
        if len(str(button.get("value", ""))) > 2000:
            problems.append(f"{where}: value longer than 2,000")

    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        kind = block.get("type") if isinstance(block, dict) else None
        if kind not in _BLOCK_TYPES:
            problems.append(f"{where}: unknown block type {kind}")
            continue
        if kind == "section":
            check_text(where, block.get("text"), 3000, {"mrkdwn", "plain_text"})
            if "accessory" in block:
                check_button(f"{where}.accessory", block["accessory"])
        elif kind == "header":
            check_text(where, block.get("text"), 150, {"plain_text"})
        elif kind == "context":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 10:
                problems.append(f"{where}: {len(elements)} context elements, not 1 to 10")
            for j, element in enumerate(elements):
                check_text(f"{where}.elements[{j}]", element, 3000, {"mrkdwn", "plain_text"})
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 25:
                problems.append(f"{where}: {len(elements)} actions, not 1 to 25")
            for j, element in enumerate(elements):
                check_button(f"{where}.elements[{j}]", element)
    return problems


async def _read_payload(request: web.Request) -> dict[str, Any]:
    """Decode a JSON or form body, or a GET's query; JSON-in-form fields (``blocks``…) are
    decoded too."""
    if request.method == "GET":
        return dict(request.query)
    if not request.can_read_body:
        return {}
    if request.content_type == "application/json":
        data = await request.json()
        return data if isinstance(data, dict) else {"_body": data}
    form = await request.post()
    payload: dict[str, Any] = {}
    for key, value in form.items():
        text = value if isinstance(value, str) else str(value)
        if key in {"blocks", "attachments", "metadata"}:
            payload[key] = json.loads(text)
        else:
            payload[key] = text
    return payload


# -- requests as Slack sends them ----------------------------------------------------------------

SIGNING_SECRET = "8f742231b10e8888abcd99eeefff85a5"
CHANNEL = "C0CHANNEL1"
DM_CHANNEL = "D0DIRECT01"
USER = "U0ASKER001"
OTHER_BOT_ID = "B0OTHERBOT"


@dataclass(frozen=True)
class SignedRequest:
    """A request body exactly as Slack sends it, with its signing headers."""

    body: str
    headers: dict[str, str]


def sign(
    body: str,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
) -> SignedRequest:
    """Sign ``body`` the way Slack does: ``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}``."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    assert signature is not None
    return SignedRequest(
        body,
        {
            "content-type": content_type,
            "x-slack-request-timestamp": ts,
            "x-slack-signature": signature,
        },
    )


def event_body(event: dict[str, Any], *, event_id: str = "Ev0001") -> str:
    """An Events API ``event_callback`` body (JSON) wrapping ``event``."""
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "api_app_id": "A0FACTBOT",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
    )


def mention_event(text: str, *, ts: str = "1700000100.000100", **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": USER,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": CHANNEL,
        "event_ts": ts,
        **extra,
    }


def message_event(
    text: str | None,
    *,
    channel: str = DM_CHANNEL,
    channel_type: str = "im",
    ts: str = "1700000200.000200",
    **extra: Any,
) -> dict[str, Any]:
    event = {
        "type": "message",
        "user": USER,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
    }
    event.update(extra)
    return {k: v for k, v in event.items() if v is not None}


_triggers = itertools.count(1)


def command_body(text: str, *, response_url: str, command: str = "/factcheck") -> str:
    """A slash command body (form-encoded), as Slack posts it."""
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "factbot-test",
            "channel_id": CHANNEL,
            "channel_name": "general",
            "user_id": USER,
            "user_name": "asker",
            "command": command,
            "text": text,
            "api_app_id": "A0FACTBOT",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"1337.42.{next(_triggers)}",  # Slack's are unique per command
        }
    )


def interactive_body(payload: dict[str, Any]) -> str:
    """An interactivity body: the JSON payload in a ``payload`` form field."""
    return urlencode({"payload": json.dumps(payload)})


def block_action(
    action_id: str,
    value: str,
    *,
    response_url: str,
    ephemeral: bool = True,
    channel: str = CHANNEL,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``block_actions`` payload for a button click."""
    container: dict[str, Any] = {
        "type": "message",
        "message_ts": (message or {}).get("ts", "1700000300.000300"),
        "channel_id": channel,
        "is_ephemeral": ephemeral,
    }
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": USER, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "api_app_id": "A0FACTBOT",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1337.42.efgh",
        "team": {"id": TEAM_ID, "domain": "factbot-test"},
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "Button", "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": "1700000301.000001",
            }
        ],
    }
    if message is not None:
        payload["message"] = message
    return payload


def message_shortcut(text: str, *, response_url: str) -> dict[str, Any]:
    """A ``message_action`` payload: "Fact-check this message" on a message by someone else."""
    return {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": "1700000400.000001",
        "team": {"id": TEAM_ID, "domain": "factbot-test"},
        "user": {"id": USER, "username": "asker", "name": "asker", "team_id": TEAM_ID},
        "channel": {"id": CHANNEL, "name": "general"},
        "is_enterprise_install": False,
        "callback_id": "factcheck_message",
        "trigger_id": "1337.42.ijkl",
        "response_url": response_url,
        "message_ts": "1700000399.000100",
        "message": {
            "type": "message",
            "user": "U0SOMEONE1",
            "text": text,
            "ts": "1700000399.000100",
        },
    }
