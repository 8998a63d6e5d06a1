"""Telegram adapter latency and throughput, over real long polling against the fake Bot API.

    .venv/bin/python benchmarks/telegram_latency.py [--updates 1000] [--throttled]

Two processes, as in production where the Bot API server is elsewhere: this one runs the fake
Bot API server and drives the load; a child process runs the bot (the real PTB Application,
``adapters.telegram_app.build_application`` and the real core on a fresh claim base), long
polling the fake. Latency is measured at the fake: from the moment an update is queued to the
moment the bot's ``sendMessage`` for it arrives (both on the same monotonic clock).

1. sequential: one update at a time (each waits for its answer): the latency of one message.
2. burst: all updates queued at once: messages per second through one process, and the
   latency a message sees under that load.

By default the bot's rate limiter is unthrottled, to measure the adapter itself; with
``--throttled`` it keeps Telegram's real flood limits (30 messages a second overall), which
then bound the burst.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram_api import FakeBotAPI, message_update, private_chat, user

QUESTIONS = (
    "Were the Myanmar protesters paid terrorists?",  # answer
    "protesters",  # suggest, with buttons
    "Is the moon made of green cheese?",  # no fact-check
    "The protests escalated to terrorism",
    "Was there election fraud in Myanmar?",
)
WARM_UP = 50


# -- the bot, in its own process -----------------------------------------------------------------


def bot_process(api_url: str, token: str, db: str, throttled: bool) -> None:
    from telegram.ext import AIORateLimiter

    from adapters.telegram_app import ALLOWED_UPDATES, build_application
    from bot.core import open_core

    limiter = (
        AIORateLimiter(max_retries=3)
        if throttled
        else AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)
    )
    app = build_application(open_core(db), token, api_url=api_url, rate_limiter=limiter)
    app.run_polling(poll_interval=0, allowed_updates=ALLOWED_UPDATES)  # until SIGTERM


# -- the driver, next to the fake ----------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def update_for(n: int) -> dict[str, Any]:
    chat_id = 1_000_000 + n  # one chat per update: its answer is found by chat id
    return message_update(
        QUESTIONS[n % len(QUESTIONS)], chat=private_chat(chat_id), sender=user(chat_id)
    )


def latencies_ms(
    fake: FakeBotAPI, update_ids: dict[int, int], first: int, count: int
) -> list[float]:
    queued = {update_for(n)["message"]["chat"]["id"]: n for n in range(first, first + count)}
    times: dict[int, float] = {}
    for call in fake.calls:
        if call.method == "sendMessage" and call.ok and call.params["chat_id"] in queued:
            times.setdefault(call.params["chat_id"], call.at)
    return [(times[chat] - fake.queued_at[update_ids[n]]) * 1000 for chat, n in queued.items()]


async def drive(fake: FakeBotAPI, updates: int) -> dict[str, Any]:
    async def until_answered(count: int, seconds: float) -> None:
        await fake.wait_for(lambda: fake.ok_counts["sendMessage"] >= count, seconds)

    await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), 30)
    update_ids: dict[int, int] = {}  # our index -> the fake's update_id

    def push(index: int) -> None:
        update_ids[index] = fake.push_update(update_for(index))

    for index in range(WARM_UP + updates):
        push(index)
        await until_answered(index + 1, 30)
    sequential = latencies_ms(fake, update_ids, WARM_UP, updates)

    first = WARM_UP + updates
    began = time.perf_counter()
    for index in range(first, first + updates):
        push(index)
    await until_answered(first + updates, 600)
    elapsed = max(c.at for c in fake.calls if c.method == "sendMessage") - began
    burst = latencies_ms(fake, update_ids, first, updates)
    kinds = Counter(reply_kind(params) for params in fake.sent_messages()[WARM_UP:])
    return {"sequential": sequential, "burst": burst, "burst_seconds": elapsed, "kinds": kinds}


def reply_kind(params: dict[str, Any]) -> str:
    """What the bot sent, roughly: so a run that only produced refusals cannot pass unseen."""
    if "<b>Claim:</b>" in params["text"]:
        return "verdict cards"
    if "show:" in json.dumps(params.get("reply_markup", {})):
        return "suggestions"
    return "other replies"


async def main_async(options: argparse.Namespace) -> dict[str, Any]:
    async with FakeBotAPI() as fake:
        with tempfile.TemporaryDirectory() as tmp:
            context = multiprocessing.get_context("spawn")
            child = context.Process(
                target=bot_process,
                args=(fake.url, fake.token, str(Path(tmp) / "claims.db"), options.throttled),
            )
            child.start()
            try:
                return await drive(fake, options.updates)
            finally:
                child.terminate()  # SIGTERM: run_polling stops cleanly
                await asyncio.get_running_loop().run_in_executor(None, child.join, 10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--updates", type=int, default=1000, help="updates per phase")
    parser.add_argument(
        "--throttled", action="store_true", help="keep Telegram's flood limits (30 msg/s)"
    )
    options = parser.parse_args()
    results = asyncio.run(main_async(options))
    mode = "throttled to Telegram's limits" if options.throttled else "rate limiter unthrottled"
    print(f"Telegram adapter, {options.updates} updates per phase, real long polling ({mode})")
    for phase in ("sequential", "burst"):
        values: list[float] = results[phase]
        print(
            f"  {phase:<10}  median {statistics.median(values):6.2f} ms   "
            f"p99 {percentile(values, 0.99):7.2f} ms   max {max(values):7.2f} ms"
        )
    seconds = results["burst_seconds"]
    print(f"  throughput  {options.updates / seconds:6.0f} messages/s  ({seconds:.2f} s burst)")
    print("  replies     " + ", ".join(f"{n} {kind}" for kind, n in results["kinds"].most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
