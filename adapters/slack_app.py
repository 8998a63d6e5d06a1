"""The Slack app: built around the listeners, served over Socket Mode or HTTP.

:func:`build_app` puts the listeners (:class:`~adapters.slack_listeners.SlackAdapter`) on a
slack-bolt :class:`AsyncApp` with its Web API client; :func:`web_app` and :func:`start_http`
serve it as the Events API (requests Slack did not sign are refused before bolt reads them),
:func:`start_socket_mode` over Socket Mode.

:func:`run` is what ``factbot slack`` calls, with the settings the command line loaded, the
claim base it names and its options as :class:`SlackOptions`: Socket Mode by default
(``SLACK_BOT_TOKEN``, ``SLACK_APP_TOKEN``), or the Events API over HTTP with ``--http``
(``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``); :mod:`adapters.slack_config` reads them.
``SLACK_API_URL`` or ``--api-url`` sets the Web API base URL. It checks the tokens with Slack,
serves until interrupted, and delivers the core's notices every 30 seconds meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from adapters import health
from adapters.redact import redact_secrets_in_logs
from adapters.slack_config import DEFAULT_API_URL, ConfigError, SlackConfig, read_config
from adapters.slack_listeners import SlackAdapter
from bot import media
from bot.config import Settings
from bot.contract import FactChecker
from bot.core import Core
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

EVENTS_PATH = "/slack/events"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 3000


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


@dataclass(frozen=True, slots=True)
class SlackOptions:
    """The options of ``factbot slack``, with its defaults.

    ``http``: the Events API over HTTP (False: Socket Mode); ``port`` and ``host``: where the
    HTTP server listens (behind a reverse proxy by default); ``api_url``: the Web API base URL
    (None: ``$SLACK_API_URL``, else Slack's); ``metrics``: a ``HOST:PORT`` to serve ``/healthz``
    and ``/metrics`` on (None: none; with ``http`` the events server serves both too)."""

    http: bool = False
    port: int = DEFAULT_PORT
    host: str = DEFAULT_HOST
    api_url: str | None = None
    metrics: str | None = None


def run(settings: Settings, db: str | None, options: SlackOptions) -> int:
    """``factbot slack``: serve on the claim base ``db`` (None: ``$FACTBOT_DB``, else the
    default file) until interrupted. Returns the exit status: 0 after a clean stop, 2 for a
    missing, malformed or rejected setting, 1 when Slack cannot be reached."""
    http = options.http
    try:
        config = read_config(os.environ, http=http, api_url=options.api_url)
    except ConfigError as error:
        return _fail(str(error))
    redact_secrets_in_logs(config.bot_token, config.app_token, config.signing_secret)
    port = options.port or DEFAULT_PORT
    if not 0 < port < 65536:
        return _fail(f"--port must be between 1 and 65535, not {port}")
    # Behind a reverse proxy (TLS ends there) by default; --host 0.0.0.0 listens everywhere.
    host = options.host or DEFAULT_HOST
    try:
        metrics_address = health.metrics_address(options.metrics)
    except ValueError as error:
        return _fail(str(error))
    if not logging.getLogger().handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("factbot").setLevel(logging.INFO)

    from bot.core import open_core

    core = open_core(db, settings, serving=True)
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
