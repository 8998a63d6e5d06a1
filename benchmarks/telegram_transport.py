"""The bot's Telegram transport alone: PTB's Bot sending answers over httpx and over aiohttp.

    .venv/bin/python -m benchmarks.telegram_transport [--messages 4000] [--concurrent 32]

PTB's ``Bot.send_message`` to the fake Bot API (``tests/fakes/telegram_api.py``, in this
process), ``--concurrent`` answers in flight as the bot has under load, through a pool of 40
connections (``build_application``'s), with PTB's ``HTTPXRequest`` (before) and
``adapters.telegram_request.AiohttpRequest`` (now), taking turns for ``--rounds``. Prints the
time and CPU a message of each, the fake's share included (the same for both).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable

from telegram import Bot
from telegram.request import BaseRequest, HTTPXRequest

from adapters.telegram_request import AiohttpRequest
from tests.fakes.telegram_api import FakeBotAPI

# The pool the comparison was made with (32 updates handled at once, and 8 more).
POOL = 40
TRANSPORTS: dict[str, Callable[[], BaseRequest]] = {
    "httpx (PTB's HTTPXRequest, before)": lambda: HTTPXRequest(connection_pool_size=POOL),
    "aiohttp (AiohttpRequest, now)": lambda: AiohttpRequest(connection_pool_size=POOL),
}


async def send_all(
    make: Callable[[], BaseRequest], messages: int, concurrent: int
) -> tuple[float, float]:
    """(ms, CPU ms) a message, sending ``messages`` answers ``concurrent`` at a time."""
    async with (
        FakeBotAPI() as fake,
        Bot(fake.token, base_url=f"{fake.url}/bot", request=make()) as bot,
    ):
        slots = asyncio.Semaphore(concurrent)

        async def answer(i: int) -> None:
            async with slots:
                await bot.send_message(
                    -100500 - i % 50, f"answer {i}: <b>False</b>", parse_mode="HTML"
                )

        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(answer(i) for i in range(messages)))
        return (time.perf_counter() - wall) * 1000 / messages, (
            time.process_time() - cpu
        ) * 1000 / messages


async def main_async(options: argparse.Namespace) -> str:
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in TRANSPORTS}
    for _ in range(options.rounds):
        for name, make in TRANSPORTS.items():
            found[name].append(await send_all(make, options.messages, options.concurrent))
    lines = [
        f"{options.messages} answers, {options.concurrent} in flight, pool of {POOL}, "
        f"{options.rounds} rounds taking turns (medians; the fake server's share included)",
        "| transport | ms a message | CPU ms a message | messages a second |",
        "|---|---|---|---|",
    ]
    for name, runs in found.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        lines.append(f"| {name} | {wall:.3f} | {cpu:.3f} | {1000 / wall:.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--concurrent", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    print(asyncio.run(main_async(parser.parse_args())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
