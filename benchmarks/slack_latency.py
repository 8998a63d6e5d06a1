"""Slack adapter latency and throughput over real HTTP, in one process.

Signed ``app_mention`` events go over HTTP to the real aiohttp server of the Slack app (as in
production: acknowledged first, answered in the background) and the answer is timed when the
fake Web API receives its ``chat.postMessage``. The bot core runs on a fresh seeded claim
base; questions rotate between an answer, a suggestion and no match, asked by a different
person each time in one of 100 channels (so the core's rate limits are not what is measured).

Usage::

    .venv/bin/python benchmarks/slack_latency.py [--events 1000] [--concurrency 1 16]

Prints, for each concurrency level, median and p99 request-to-chat.postMessage latency and
events per second (first request sent to last answer received).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from adapters.slack_app import EVENTS_PATH, build_app, start_http  # noqa: E402
from bot.core import open_core  # noqa: E402
from tests.fakes.slack_api import (  # noqa: E402
    SIGNING_SECRET,
    FakeSlackApi,
    event_body,
    mention_event,
    sign,
)

QUESTIONS = (
    "Were the Myanmar protesters paid terrorists?",  # answer
    "protesters",  # suggestions
    "Is the moon made of cheese?",  # no match
    "Min Aung Hlaing says the people attacking the military only do it for money",
)
JSON = "application/json"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


async def measure(events: int, concurrency: int, warmup: int, keep_alive: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        bot = open_core(Path(tmp) / "claims.db")
        async with FakeSlackApi() as fake:
            web_api = (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
                if keep_alive
                else None
            )
            app = build_app(
                bot,
                token="xoxb-bench",
                signing_secret=SIGNING_SECRET,
                api_url=fake.api_url,
                session=web_api,
            )
            runner = await start_http(app, "127.0.0.1", 0)
            host, port = runner.addresses[0][:2]
            url = f"http://{host}:{port}{EVENTS_PATH}"
            sent: dict[str, float] = {}
            try:
                connector = aiohttp.TCPConnector(limit=concurrency)
                async with aiohttp.ClientSession(connector=connector) as session:

                    async def send(n: int) -> None:
                        ts = f"1700000000.{n:06d}"
                        # Many people in 100 channels: within the core's per-user and
                        # per-channel rate limits, as real traffic of this volume would be.
                        event = mention_event(
                            QUESTIONS[n % len(QUESTIONS)],
                            ts=ts,
                            user=f"U{n:08d}",
                            channel=f"C{n % 100:08d}",
                        )
                        body = event_body(event, event_id=f"Ev{n:08d}")
                        headers = sign(body, JSON).headers
                        sent[ts] = time.perf_counter()
                        async with session.post(url, data=body.encode(), headers=headers) as r:
                            if r.status != 200:
                                raise RuntimeError(f"HTTP {r.status} for event {n}")

                    async def drive(first: int, count: int) -> float:
                        queue = iter(range(first, first + count))

                        async def worker() -> None:
                            for n in queue:
                                await send(n)

                        start = time.perf_counter()
                        await asyncio.gather(*(worker() for _ in range(concurrency)))
                        await fake.wait_for("chat.postMessage", first + count, seconds=120)
                        return time.perf_counter() - start

                    await drive(0, warmup)
                    elapsed = await drive(warmup, events)
            finally:
                await runner.cleanup()
                if web_api is not None:
                    await web_api.close()
            latencies = [
                (c.at - sent[c.payload["thread_ts"]]) * 1000
                for c in fake.calls
                if c.method == "chat.postMessage"
            ][warmup:]
    assert len(latencies) == events, (len(latencies), events)
    return {
        "median_ms": statistics.median(latencies),
        "p99_ms": percentile(latencies, 0.99),
        "events_per_s": events / elapsed,
    }


async def main_async(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.ERROR)
    print(f"Slack adapter over HTTP, {args.events} app_mention events per run, one process")
    print(f"{'concurrency':>11}  {'median ms':>9}  {'p99 ms':>7}  {'events/s':>8}")
    for concurrency in args.concurrency:
        result = await measure(args.events, concurrency, args.warmup, args.keep_alive)
        print(
            f"{concurrency:>11}  {result['median_ms']:>9.2f}  {result['p99_ms']:>7.2f}"
            f"  {result['events_per_s']:>8.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="timed events per run")
    parser.add_argument("--warmup", type=int, default=50, help="untimed events first")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 16], help="requests in flight"
    )
    parser.add_argument(
        "--no-keep-alive",
        dest="keep_alive",
        action="store_false",
        help="a new Web API connection per call (slack-sdk's default) instead of a shared session",
    )
    args = parser.parse_args()
    if args.events < 1 or args.warmup < 0 or min(args.concurrency) < 1:
        parser.error("--events and --concurrency must be positive")
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
