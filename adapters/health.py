"""``GET /healthz`` and ``GET /metrics`` for the bots in server mode (aiohttp).

``factbot slack --http`` serves both beside its events; ``--metrics HOST:PORT`` starts them on
a port of their own (Telegram, and Slack in Socket Mode). ``/healthz`` answers ``ok`` while the
claim base answers queries, else 503; ``/metrics`` is Prometheus' text format.
"""

from __future__ import annotations

from aiohttp import web

from bot.metrics import Metrics


def add_routes(application: web.Application, metrics: Metrics) -> None:
    async def healthz(_: web.Request) -> web.Response:
        if metrics.healthy():
            return web.Response(text="ok")
        return web.Response(status=503, text="the claim base does not answer")

    async def serve_metrics(_: web.Request) -> web.Response:
        body, content_type = metrics.exposition()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    application.router.add_get("/healthz", healthz)
    application.router.add_get("/metrics", serve_metrics)


def parse_address(value: str) -> tuple[str, int]:
    """``"HOST:PORT"`` → (host, port); raises ValueError with a readable message."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) < 65536:
        raise ValueError(f"--metrics must be HOST:PORT, not {value!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def metrics_address(value: str | None) -> tuple[str, int] | None:
    """The ``--metrics`` option's (host, port), or None when it was not given; raises
    ValueError with a readable message."""
    return parse_address(value) if value else None


async def start_server(metrics: Metrics, host: str, port: int) -> web.AppRunner:
    """Serve /healthz and /metrics until the returned runner is cleaned up."""
    application = web.Application()
    add_routes(application, metrics)
    return await serve(application, host, port)


async def serve(application: web.Application, host: str, port: int) -> web.AppRunner:
    """Serve an aiohttp application on ``host:port`` until the returned runner is cleaned
    up; nothing is left listening if it cannot start."""
    runner = web.AppRunner(application, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except BaseException:
        await runner.cleanup()
        raise
    return runner
