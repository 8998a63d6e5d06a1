"""Load: simulated users through the real Telegram and Slack adapters, each bot in its own process.

    .venv/bin/python benchmarks/load.py [--users 1000] [--messages 10] [--rate 400]
                                        [--platform telegram|slack|both]
                                        [--embeddings on|off|on,off] [--threads N] [--mixed]
                                        [--bench | --distinct]

Every user sends ``--messages`` fact-check requests, in their own chat, at an overall offered
rate of ``--rate`` messages a second (``--rate 0``: all at once, for the most one process can
do). This process runs the fake platform and plays the users; a child process runs the bot:

- Telegram: the real PTB ``Application`` (``adapters.telegram_app.build_application``) and the
  real core, long polling the fake Bot API (``tests/fakes/telegram_api.py``). Each user writes
  ``/check <question>`` in their own group, so every answer quotes the message it answers
  (``reply_parameters``): that is how replies are matched to messages. PTB's flood limiter is
  unthrottled here: with it, Telegram's own limit (30 messages a second per bot) is the bound.
- Slack: ``factbot slack --http`` itself (the real command line, ``adapters.slack_app.run``),
  receiving signed ``app_mention`` events over HTTP from an aiohttp client and posting answers
  to the fake Web API (``tests/fakes/slack_api.py``) in the thread of each mention (its
  ``thread_ts`` matches the answer to the message).

The core's abuse limits (20 checks a minute per user, 60 per group) are switched off for the
run with a settings file (``[limits] user_checks_per_minute = 0``, ``group_checks_per_minute
= 0``): otherwise they would, correctly, refuse most of the load.

``--bench`` sends the benchmark's real questions in turn (1,588 different ones, so in a run of
10,000 they come back, as forwarded rumours do); ``--distinct`` sends every message a different
real text: those questions, then the fact-checked claims of both collections, shuffled (a stream
of questions never seen before). ``--embeddings on,off`` runs the bots with each setting in the
same run, one after the other, and prints them side by side: the figure and its words-only
baseline.

Latency is end to end, on one clock in this process: from the moment a message is handed to
the platform (queued for ``getUpdates``; the HTTP request sent) to the moment the bot's answer
reaches the fake. Lost: messages without an answer; duplicated: answers beyond one a message.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import multiprocessing
import os
import resource
import signal
import socket
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")

from tests.fakes.slack_api import (  # noqa: E402
    FakeSlackApi,
    event_body,
    mention_event,
    sign,
)
from tests.fakes.telegram_api import FakeBotAPI, message_update, user  # noqa: E402

QUESTIONS = (
    "Were the Myanmar protesters paid terrorists?",  # an answer
    "The protests escalated to the stage of terrorism",
    "Was there election fraud in Myanmar?",
    "protesters",  # suggestions, with buttons
    "Is the moon made of green cheese?",  # no fact-check: queued
)
LIMITS_OFF = (
    "[limits]\nuser_checks_per_minute = 0\ngroup_checks_per_minute = 0\n"
    "user_requests_per_minute = 0\n"
)
# --mixed: user 0 asks this simple question while every other user sends a long post, each a
# little different (so none is answered from the question-vector cache).
SIMPLE = "Were the Myanmar protesters paid terrorists?"
HARD = " ".join(
    [
        "BREAKING: a long forwarded post about the election, the protests, the military and",
        "what people are saying in the streets of the capital, with many names and numbers,",
        "shared thousands of times today: were the Myanmar protesters paid terrorists, or is",
        "this another rumour about the coup and the fraud in the November 2020 election?",
    ]
    * 3
)


@functools.cache
def bench_questions() -> list[str]:
    """--bench: the real tweets and debate sentences of ../shared/bench (train and dev of both
    collections, 1,588 different questions), in a fixed shuffled order."""
    import random

    from adapters.cli.evaluate import load_queries
    from benchmarks.common import SPLITS, bench_dir

    folder = bench_dir(None)
    if folder is None:
        raise SystemExit("--bench needs ../shared/bench")
    texts = [
        text
        for name in SPLITS
        for split in ("train", "dev")
        for _, text in load_queries(folder / name / f"queries.{split}.tsv")
    ]
    random.Random(7).shuffle(texts)
    return texts


@functools.cache
def distinct_texts() -> list[str]:
    """--distinct: the benchmark's questions, then the claims of both collections (29,625
    fact-checked statements), each text once, in a fixed shuffled order after the questions."""
    import random

    from benchmarks.common import SPLITS, bench_dir
    from benchmarks.quality import read_claims

    questions = bench_questions()  # says so when ../shared/bench is missing
    folder = bench_dir(None)
    assert folder is not None
    claims = [
        claim for name in SPLITS for _, claim, _ in read_claims(folder / name / "vclaims.tsv")
    ]
    random.Random(7).shuffle(claims)
    return list(dict.fromkeys([*questions, *claims]))


def question_for(options: argparse.Namespace, user: int, message: int) -> str:
    """What ``user`` sends as their ``message``-th message."""
    if options.mixed:
        return SIMPLE if user == 0 else f"{HARD} (shared by reader {user}, copy {message})"
    if options.distinct:
        return distinct_texts()[user * int(options.messages) + message]
    if options.bench:
        asked = bench_questions()
        return asked[(user * int(options.messages) + message) % len(asked)]
    return QUESTIONS[(user + message) % len(QUESTIONS)]


SIGNING_SECRET = "8f742231b10e8888abcd99eeefff85a5"
SLACK_TOKEN = "xoxb-1234-5678-loadtesttoken"
QUIET_SECONDS = 15.0  # give up waiting when no answer has arrived for this long


@dataclass
class Result:
    platform: str
    setting: str = ""  # the bot's embeddings setting, when a run compares several
    sent: int = 0
    sent_at: dict[str, float] = field(default_factory=dict)  # message key -> when sent
    answered_at: dict[str, float] = field(default_factory=dict)  # key -> first answer
    answers: int = 0  # every answer, duplicates included
    simple: set[str] = field(default_factory=set)  # keys of the simple asker's messages (--mixed)
    refused: int = 0  # requests the platform side refused (HTTP errors, invalid messages)
    bot_cpu_seconds: float = 0.0  # CPU time the bot's process used, all of it

    @property
    def lost(self) -> int:
        return len(set(self.sent_at) - set(self.answered_at))

    @property
    def duplicated(self) -> int:
        return self.answers - len(self.answered_at)

    def latencies_ms(self, keys: set[str] | None = None) -> list[float]:
        return [
            (self.answered_at[k] - self.sent_at[k]) * 1000
            for k in self.answered_at
            if keys is None or k in keys
        ]

    def throughput(self) -> float:
        if not self.answered_at:
            return 0.0
        span = max(self.answered_at.values()) - min(self.sent_at.values())
        return len(self.answered_at) / span if span > 0 else 0.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def schedule(users: int, messages: int, rate: float) -> list[tuple[float, int, int]]:
    """(seconds from start, user, message number): round after round, every user once."""
    order = [(m, u) for m in range(messages) for u in range(users)]
    return [((i / rate) if rate > 0 else 0.0, u, m) for i, (m, u) in enumerate(order)]


async def paced(plan: list[tuple[float, int, int]], send: Any) -> None:
    """Call ``send(user, message)`` for each planned message at its time."""
    began = time.perf_counter()
    for offset, u, m in plan:
        delay = began + offset - time.perf_counter()
        if delay > 0.002:
            await asyncio.sleep(delay)
        await send(u, m)


async def settle(result: Result, expected: int, progress: Any) -> None:
    """Wait until every message is answered, or no answer has come for QUIET_SECONDS."""
    last, quiet_since = -1, time.monotonic()
    while True:
        done = progress()
        if done >= expected:
            await asyncio.sleep(0.5)  # a late duplicate would show up now
            return
        if done != last:
            last, quiet_since = done, time.monotonic()
        elif time.monotonic() - quiet_since > QUIET_SECONDS:
            return
        await asyncio.sleep(0.05)


# -- Telegram --------------------------------------------------------------------------------------


def telegram_bot(
    api_url: str, token: str, db: str, config: str, threads: int | None, embeddings: str
) -> None:
    """The bot process: the real Application and core, long polling until SIGTERM."""
    os.environ["FACTBOT_EMBEDDINGS"] = embeddings
    from telegram.ext import AIORateLimiter

    from adapters.telegram_app import ALLOWED_UPDATES, build_application
    from bot.config import load_settings
    from bot.core import open_core

    core = open_core(db, load_settings(config))
    limiter = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3)
    app = build_application(core, token, api_url=api_url, rate_limiter=limiter, threads=threads)
    app.run_polling(poll_interval=0, allowed_updates=ALLOWED_UPDATES)


async def load_telegram(options: argparse.Namespace, tmp: Path, config: Path) -> Result:
    result = Result("Telegram")
    message_ids = itertools.count(1)
    async with FakeBotAPI() as fake:
        context = multiprocessing.get_context("spawn")
        child = context.Process(
            target=telegram_bot,
            args=(
                fake.url,
                fake.token,
                str(tmp / "tg.db"),
                str(config),
                options.threads,
                options.setting,
            ),
        )
        child.start()
        try:
            await fake.wait_for(lambda: bool(fake.calls_to("getUpdates")), 60)

            async def send(u: int, m: int) -> None:
                mid = next(message_ids)
                chat = {"id": -(10**12) - u, "type": "supergroup", "title": f"Group {u}"}
                question = question_for(options, u, m)
                if options.mixed and u == 0:
                    result.simple.add(str(mid))
                update = message_update(
                    f"/check {question}", chat=chat, sender=user(10**9 + u), message_id=mid
                )
                result.sent_at[str(mid)] = time.perf_counter()
                fake.push_update(update)
                result.sent += 1

            plan = schedule(options.users, options.messages, options.rate)
            await paced(plan, send)
            await settle(result, len(plan), lambda: fake.ok_counts["sendMessage"])
        finally:
            child.terminate()
            await asyncio.get_running_loop().run_in_executor(None, child.join, 15)
        for call in fake.calls:
            if call.method != "sendMessage":
                continue
            if not call.ok:
                result.refused += 1
                continue
            quoted = call.params.get("reply_parameters") or {}
            if "message_id" not in quoted:
                continue  # a second part of a long answer: it quotes nothing
            result.answers += 1
            result.answered_at.setdefault(str(quoted["message_id"]), call.at)
    return result


# -- Slack -----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def load_slack(options: argparse.Namespace, tmp: Path, config: Path) -> Result:
    import aiohttp

    result = Result("Slack")
    port = free_port()
    async with FakeSlackApi() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTBOT_"))}
        env["FACTBOT_EMBEDDINGS"] = options.setting
        env |= {
            "SLACK_BOT_TOKEN": SLACK_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "PYTHONPATH": str(ROOT),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "adapters.cli",
            "slack",
            "--http",
            "--port",
            str(port),
            "--api-url",
            fake.api_url,
            "--db",
            str(tmp / "slack.db"),
            "--config",
            str(config),
            cwd=ROOT,
            env=env,
            stderr=asyncio.subprocess.PIPE,
        )
        assert process.stderr is not None
        try:
            async with asyncio.timeout(60):
                line = b""
                while b"Factbot for Slack:" not in line:
                    line = await process.stderr.readline()
                    if not line:
                        raise RuntimeError("factbot slack ended before serving")
            url = f"http://127.0.0.1:{port}/slack/events"
            connector = aiohttp.TCPConnector(limit=64)
            async with aiohttp.ClientSession(connector=connector) as session:
                pending: set[asyncio.Task[None]] = set()

                async def post(u: int, m: int) -> None:
                    ts = f"{1700000000 + u}.{m:06d}"
                    question = question_for(options, u, m)
                    if options.mixed and u == 0:
                        result.simple.add(ts)
                    event = mention_event(question, ts=ts, channel=f"C{u:09d}", user=f"U{u:09d}")
                    body = event_body(event, event_id=f"Ev{u:06d}{m:04d}")
                    headers = sign(body, "application/json", secret=SIGNING_SECRET).headers
                    result.sent_at[ts] = time.perf_counter()
                    result.sent += 1
                    async with session.post(url, data=body.encode(), headers=headers) as reply:
                        if reply.status != 200:
                            result.refused += 1

                async def send(u: int, m: int) -> None:
                    task = asyncio.create_task(post(u, m))
                    pending.add(task)
                    task.add_done_callback(pending.discard)

                plan = schedule(options.users, options.messages, options.rate)
                await paced(plan, send)
                await asyncio.gather(*pending)
                await settle(result, len(plan), lambda: len(fake.calls_to("chat.postMessage")))
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.communicate(), 15)
        result.refused += len(fake.invalid)
        for call in fake.calls:
            if call.method == "chat.postMessage" and call.payload.get("thread_ts"):
                result.answers += 1
                result.answered_at.setdefault(str(call.payload["thread_ts"]), call.at)
    return result


# -- main ------------------------------------------------------------------------------------------


def table(results: list[Result], options: argparse.Namespace) -> str:
    offered = f"{options.rate:.0f} msg/s offered" if options.rate > 0 else "all at once"
    width = max(10, *(len(label(r)) + 2 for r in results)) if results else 10
    lines = [
        f"{options.users} users x {options.messages} messages, {offered}; core limits off",
        f"{'platform':<{width}}{'sent':>7}{'answered':>10}{'msg/s':>8}{'median ms':>11}"
        f"{'p99 ms':>9}{'max ms':>9}{'lost':>6}{'dup':>5}{'refused':>9}{'bot CPU ms/msg':>16}",
    ]
    for r in results:
        lat = r.latencies_ms() or [float("nan")]
        if r.simple:
            mine = r.latencies_ms(r.simple) or [float("nan")]
            lines.append(
                f"  the simple asker among long posts: median {statistics.median(mine):.1f} ms,"
                f" p99 {percentile(mine, 0.99):.1f} ms over {len(mine)} messages"
            )
        lines.append(
            f"{label(r):<{width}}{r.sent:>7}{len(r.answered_at):>10}{r.throughput():>8.0f}"
            f"{statistics.median(lat):>11.1f}{percentile(lat, 0.99):>9.1f}{max(lat):>9.1f}"
            f"{r.lost:>6}{r.duplicated:>5}{r.refused:>9}"
            f"{r.bot_cpu_seconds * 1000 / max(1, r.sent):>16.2f}"
        )
    return "\n".join(lines)


def label(result: Result) -> str:
    return f"{result.platform}, embeddings {result.setting}" if result.setting else result.platform


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def main_async(options: argparse.Namespace) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        config = tmp / "limits-off.toml"
        config.write_text(LIMITS_OFF)
        runs = [("telegram", load_telegram), ("slack", load_slack)]
        settings = options.embeddings.split(",")
        for name, load in runs:
            if options.platform not in (name, "both"):
                continue
            for setting in settings:  # each platform's runs one after the other
                folder = tmp / setting  # a fresh claim base for each
                folder.mkdir(exist_ok=True)
                before = _children_cpu()
                result = await load(
                    argparse.Namespace(**vars(options), setting=setting), folder, config
                )
                result.bot_cpu_seconds = _children_cpu() - before  # the bot has ended
                result.setting = setting if len(settings) > 1 else ""
                results.append(result)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=10, help="messages per user")
    parser.add_argument(
        "--rate", type=float, default=400, help="messages a second offered; 0: all at once"
    )
    parser.add_argument("--platform", choices=["telegram", "slack", "both"], default="both")
    parser.add_argument(
        "--embeddings",
        default="off",
        help="the bot's setting: auto, on or off; several, comma-separated (on,off), run one "
        "after the other and shown side by side",
    )
    parser.add_argument(
        "--threads", type=int, help="Telegram: the core's worker threads (0: on the event loop)"
    )
    parser.add_argument(
        "--mixed", action="store_true", help="user 0 asks a simple question, the rest long posts"
    )
    parser.add_argument(
        "--bench",
        action="store_true",
        help="real benchmark questions (1,588 different ones, in turn) instead of five",
    )
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="every message a different real text (the benchmark's questions, then its claims)",
    )
    options = parser.parse_args()
    settings = options.embeddings.split(",")
    if not settings or any(s not in ("auto", "on", "off") for s in settings):
        parser.error("--embeddings: auto, on or off, or several of them comma-separated")
    if sum((options.mixed, options.bench, options.distinct)) > 1:
        parser.error("--mixed, --bench and --distinct are different kinds of message: one")
    if options.distinct and options.users * options.messages > len(distinct_texts()):
        parser.error(f"--distinct has {len(distinct_texts()):,} different texts")
    results = asyncio.run(main_async(options))
    print(table(results, options))
    return 0 if all(r.lost == 0 and r.duplicated == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
