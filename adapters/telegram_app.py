"""The Telegram application: built around the handlers, run by long polling or a webhook.

:func:`build_application` makes python-telegram-bot's :class:`~telegram.ext.Application` with
the handlers (:class:`~adapters.telegram_listeners.TelegramAdapter`), the core on its worker
threads (:class:`bot.runner.CoreRunner`), and PTB's ``AIORateLimiter`` for the flood limits
(it also retries a request answered with 429).

:func:`run` is what ``factbot telegram`` calls, with the settings the command line loaded,
the claim base it names and its options as :class:`TelegramOptions`: it reads
``TELEGRAM_BOT_TOKEN`` (and the webhook's secret), checks the token with one ``getMe``, and
runs by long polling by default, or as a webhook server, until interrupted.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import AIORateLimiter, ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest

from adapters import health
from adapters.redact import hide_update_content_in_logs, redact_secrets_in_logs
from adapters.telegram_events import TolerantBot
from adapters.telegram_listeners import TelegramAdapter, TelegramApp
from adapters.telegram_request import AiohttpRequest
from bot.config import Settings
from bot.core import Core, open_core
from bot.metrics import Metrics
from bot.runner import CoreRunner

log = logging.getLogger("factbot.telegram")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
TOKEN_PATTERN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
DEFAULT_LISTEN = "127.0.0.1:8443"
DEFAULT_API_URL = "https://api.telegram.org"
# Updates handled at once. A check the model must read waits for a worker thread and holds its
# place meanwhile; with 32 places, a burst of long posts held them all, and a question the words
# decide at once waited half a minute behind them (benchmarks/load.py --mixed: 24.6 s median,
# 1.3 s with 512). A place waiting costs nothing but a little memory; the bot's connections
# (over aiohttp, one for each place) are opened only as they are needed.
CONCURRENT_UPDATES = 512


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
        # Enough connections for every update in flight, over aiohttp: httpx walks its whole
        # connection pool on each request (adapters/telegram_request.py).
        request=request or AiohttpRequest(connection_pool_size=CONCURRENT_UPDATES + 8),
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


@dataclass(frozen=True, slots=True)
class TelegramOptions:
    """The options of ``factbot telegram``, with its defaults.

    ``api_url``: the Bot API server (None: ``$TELEGRAM_API_URL``, else Telegram's);
    ``webhook``: the public URL to run a webhook server for (None: long polling); ``listen``:
    the webhook server's ``HOST:PORT``; ``webhook_secret`` (None: ``$TELEGRAM_WEBHOOK_SECRET``,
    else a random one); ``metrics``: the ``HOST:PORT`` of ``/healthz`` and ``/metrics`` (None:
    not served)."""

    api_url: str | None = None
    webhook: str | None = None
    listen: str = DEFAULT_LISTEN
    webhook_secret: str | None = None
    metrics: str | None = None


def run(settings: Settings, db: str | None, options: TelegramOptions) -> int:
    """Run the Telegram bot on the claim base ``db`` (None: ``$FACTBOT_DB``, else the default
    file) until interrupted. Returns the process exit code."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        return _fail("TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather to get one")
    if not TOKEN_PATTERN.fullmatch(token):
        return _fail("TELEGRAM_BOT_TOKEN does not look like a bot token (123456789:AA...)")
    api_url = options.api_url or os.environ.get("TELEGRAM_API_URL") or None
    webhook = options.webhook
    try:
        listen = parse_listen(options.listen or DEFAULT_LISTEN)
    except ValueError as error:
        return _fail(str(error))
    secret = (
        options.webhook_secret
        or os.environ.get("TELEGRAM_WEBHOOK_SECRET")
        or secrets.token_urlsafe(32)
    )
    if webhook and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        return _fail("the webhook secret may only contain A-Z, a-z, 0-9, _ and - (1-256 chars)")
    try:
        metrics_address = health.metrics_address(options.metrics)
    except ValueError as error:
        return _fail(str(error))
    # The token is in every Bot API URL, which httpx logs at INFO: keep it out of every log.
    redact_secrets_in_logs(token, secret)

    # PTB 22: durations (e.g. RetryAfter.retry_after) as timedelta, the coming default; without
    # it every 429 logs a deprecation warning
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    core = open_core(db, settings, serving=True)
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
