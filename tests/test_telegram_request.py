"""The bot's Bot API requests over aiohttp (adapters.telegram_request), driven by PTB's own Bot
against a small local server: fields and uploads arrive as httpx would send them, and PTB's
error contract holds (TimedOut, NetworkError, the server's own errors)."""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
from collections.abc import AsyncIterator
from typing import Any

import aiohttp.helpers
import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut
from yarl import URL

from adapters import telegram_request
from adapters.telegram_request import AiohttpRequest, _certificates
from tests.fakes.telegram_api import BOT_TOKEN, BOT_USER

MESSAGE = {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}}


class Server:
    """Answers getMe, sendMessage and sendDocument; records what each request carried."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        self.delay = 0.0
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        form = await request.post()
        fields: dict[str, Any] = {}
        for name, value in form.items():
            if isinstance(value, web.FileField):
                fields[name] = (value.filename, value.content_type, value.file.read())
            else:
                fields[name] = value
        self.seen.append(
            {
                "method": method,
                "type": request.content_type,
                "agent": request.headers.get("User-Agent", ""),
                "authorization": request.headers.get("Authorization"),
                "proxy_authorization": request.headers.get("Proxy-Authorization"),
                "fields": fields,
            }
        )
        await asyncio.sleep(self.delay)
        if method == "getMe":
            result: Any = BOT_USER
        elif method in ("sendMessage", "sendDocument"):
            result = MESSAGE
        else:
            return web.json_response(
                {"ok": False, "error_code": 400, "description": "Bad Request: no such method"},
                status=400,
            )
        return web.Response(text=json.dumps({"ok": True, "result": result}))

    async def __aenter__(self) -> Server:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self.handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/bot"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    async with Server() as running:
        yield running


async def test_a_message_and_an_upload_arrive_as_ptb_sends_them(server: Server) -> None:
    async with Bot(BOT_TOKEN, base_url=server.url, request=AiohttpRequest()) as bot:
        await bot.send_message(42, "<b>hi</b>", parse_mode="HTML")
        await bot.send_document(42, b'{"claims": []}', filename="claims.json", caption="export")
    get_me, message, document = server.seen
    assert get_me["method"] == "getMe"
    assert message["type"] == "application/x-www-form-urlencoded"
    assert message["fields"] == {"chat_id": "42", "text": "<b>hi</b>", "parse_mode": "HTML"}
    assert "python-telegram-bot" in message["agent"]
    assert document["type"] == "multipart/form-data"
    assert document["fields"]["caption"] == "export"
    assert document["fields"]["document"] == (
        "claims.json",
        "application/json",
        b'{"claims": []}',
    )


async def test_a_slow_answer_is_timed_out(server: Server) -> None:
    async with Bot(BOT_TOKEN, base_url=server.url, request=AiohttpRequest()) as bot:
        server.delay = 1.0
        with pytest.raises(TimedOut):
            await bot.send_message(42, "hi", read_timeout=0.1)
        with pytest.raises(TimedOut):  # the request's own default
            bot_request = AiohttpRequest(read_timeout=0.1)
            await bot_request.initialize()
            try:
                await bot_request.post(f"{server.url}{BOT_TOKEN}/sendMessage")
            finally:
                await bot_request.shutdown()


async def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{port}/bot{BOT_TOKEN}/getMe")
        assert not isinstance(raised.value, TimedOut)
        assert "aiohttp" in str(raised.value)
    finally:
        await request.shutdown()


async def test_the_servers_own_errors_reach_ptb(server: Server) -> None:
    async with Bot(BOT_TOKEN, base_url=server.url, request=AiohttpRequest()) as bot:
        with pytest.raises(BadRequest, match="No such method"):
            await bot.delete_message(42, 1)


async def test_it_is_used_only_between_initialize_and_shutdown(server: Server) -> None:
    request = AiohttpRequest()
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps the RuntimeError
        await request.post(f"{server.url}{BOT_TOKEN}/getMe")
    await request.initialize()
    assert await request.post(f"{server.url}{BOT_TOKEN}/getMe") == BOT_USER
    await request.shutdown()
    await request.shutdown()  # twice is harmless
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps the RuntimeError
        await request.post(f"{server.url}{BOT_TOKEN}/getMe")
    await request.initialize()  # and it can start again, as PTB's Application may
    assert await request.post(f"{server.url}{BOT_TOKEN}/getMe") == BOT_USER
    await request.shutdown()


def test_tls_is_checked_against_certifis_authorities() -> None:
    context = _certificates()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] > 50  # certifi's bundle, loaded once
    assert _certificates() is context


async def post_once(url: str) -> Any:
    """``url`` posted by a fresh :class:`AiohttpRequest`, shut down after."""
    request = AiohttpRequest()
    await request.initialize()
    try:
        return await request.post(url)
    finally:
        await request.shutdown()


def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment without proxy settings, whatever the machine running the tests has."""
    for scheme in ("NO", "HTTP", "HTTPS", "ALL"):
        monkeypatch.delenv(f"{scheme}_PROXY", raising=False)
        monkeypatch.delenv(f"{scheme.lower()}_proxy", raising=False)


async def test_the_environments_proxy_is_followed(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As httpx does: a bot behind an outgoing proxy reaches the Bot API through it. The local
    # server stands in for the proxy; the API's host does not exist.
    no_proxy_settings(monkeypatch)
    monkeypatch.setenv("HTTP_PROXY", server.url.removesuffix("/bot"))
    answer = await post_once(f"http://api.telegram.invalid/bot{BOT_TOKEN}/getMe")
    assert answer == BOT_USER and server.seen[-1]["method"] == "getMe"


async def test_no_proxy_exempts_a_host(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # The proxy does not exist: a request that went through it would fail.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    answer = await post_once(f"{server.url}{BOT_TOKEN}/getMe")
    assert answer == BOT_USER


async def test_netrc_credentials_are_sent(
    server: Server, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # As httpx and aiohttp's trust_env send them: a Bot API server behind basic auth.
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login factbot password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    no_proxy_settings(monkeypatch)
    await post_once(f"{server.url}{BOT_TOKEN}/getMe")
    assert server.seen[-1]["authorization"] == "Basic ZmFjdGJvdDpzM2NyZXQ="  # factbot:s3cret


async def test_the_environment_is_read_once_per_host(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not on every request, as aiohttp's trust_env reads the proxy settings and ~/.netrc.
    reads: list[str] = []
    real = aiohttp.helpers.netrc_from_env

    def counted() -> Any:
        reads.append("netrc")
        return real()

    monkeypatch.setattr("adapters.telegram_request.netrc_from_env", counted)
    request = AiohttpRequest(connection_pool_size=4)
    await request.initialize()
    try:
        for _ in range(5):
            assert await request.post(f"{server.url}{BOT_TOKEN}/getMe") == BOT_USER
    finally:
        await request.shutdown()
    assert reads == ["netrc"] and len(server.seen) == 5


async def test_the_proxys_credentials_are_sent(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_proxy_settings(monkeypatch)
    proxy = server.url.removesuffix("/bot").replace("http://", "http://factbot:s3cret@")
    monkeypatch.setenv("HTTP_PROXY", proxy)
    answer = await post_once(f"http://api.telegram.invalid/bot{BOT_TOKEN}/getMe")
    assert answer == BOT_USER
    assert server.seen[-1]["proxy_authorization"] == "Basic ZmFjdGJvdDpzM2NyZXQ="


def test_an_https_hosts_proxy_credentials_go_to_the_tunnel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The Bot API is https: its requests go through a CONNECT tunnel, which carries the
    # proxy's credentials; the request itself does not.
    no_proxy_settings(monkeypatch)
    monkeypatch.setenv("HTTPS_PROXY", "http://factbot:s3cret@proxy.invalid:3128")
    monkeypatch.setenv("NETRC", "/nonexistent")
    route = telegram_request._route_to(URL("https://api.telegram.org/botTOKEN/getMe"))
    assert str(route.proxy) == "http://proxy.invalid:3128"
    assert route.proxy_headers == {"Proxy-Authorization": "Basic ZmFjdGJvdDpzM2NyZXQ="}
    assert route.headers is None
