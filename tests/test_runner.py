"""The core off the event loop (issue 15, "A core that never blocks the event loop"): worker
threads, each with its own bot and SQLite connection; one chat's calls in order; the loop free
while a check runs."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from telegram import Update

from adapters.telegram_app import build_application
from bot.core import Core
from bot.runner import CoreRunner
from knowledge.matching import turns
from knowledge.store import ClaimBase
from tests.fakes.telegram_api import FakeBotAPI, group_chat, local_requests, message_update, user

QUESTION = "Were the Myanmar protesters paid terrorists?"


async def test_a_slow_call_leaves_the_loop_and_other_chats_free(bot: Core) -> None:
    runner = CoreRunner(bot, threads=2)
    beats: list[float] = []
    finished: list[str] = []

    async def heartbeat() -> None:
        while True:
            beats.append(time.monotonic())
            await asyncio.sleep(0.005)

    held: list[float] = []  # when the slow call started and ended

    def slow(core: Core) -> str:
        held.append(time.monotonic())
        with turns.yielded():
            time.sleep(0.3)  # a hard question: the model reading, holding its thread
        held.append(time.monotonic())
        return "slow"

    beating = asyncio.create_task(heartbeat())
    try:

        async def call(chat: str, work: object) -> None:
            finished.append(await runner.run(chat, work))  # type: ignore[arg-type]

        await asyncio.gather(call("a", slow), call("b", lambda core: "quick"))
    finally:
        beating.cancel()
        runner.close()
    assert finished == ["quick", "slow"]  # the other chat did not wait
    # The loop kept running meanwhile: it beat while the slow call held its thread. A loop held
    # for the call would not beat at all in that time; a loop that runs beats some 60 times,
    # and still several where the tests, side by side on every core, stall it for a while (a
    # worker's first imports, in a fresh clone, once held it 0.25 s).
    start, end = held
    assert sum(start < beat < end for beat in beats) >= 3, (start, end, beats)


async def test_one_chats_calls_run_in_order_each_thread_on_its_own_connection(bot: Core) -> None:
    runner = CoreRunner(bot, threads=2)
    order: list[int] = []
    connections: set[int] = set()

    def step(number: int) -> object:
        def work(core: Core) -> None:
            time.sleep(0.01 * (5 - number))  # the earlier ones take longer
            order.append(number)
            connections.add(id(core.base.db.conn))
            assert core is not bot and threading.current_thread() is not threading.main_thread()

        return work

    try:
        await asyncio.gather(*(runner.run("chat", step(n)) for n in range(5)))  # type: ignore[arg-type]
        await asyncio.gather(*(runner.run(f"c{n}", step(n)) for n in range(4)))  # type: ignore[arg-type]
    finally:
        runner.close()
    assert order[:5] == [0, 1, 2, 3, 4]
    assert id(bot.base.db.conn) not in connections and 1 <= len(connections) <= 2


async def test_the_telegram_adapter_answers_every_chat_in_order_from_worker_threads(
    db_path: Path, base: ClaimBase
) -> None:
    core = Core(base)
    async with FakeBotAPI() as fake:
        app = build_application(core, fake.token, api_url=fake.url, threads=2, **local_requests())
        updates = []
        for number in range(12):
            chat = group_chat(-1000 - number % 3)
            payload = message_update(
                f"/check {QUESTION}",
                chat=chat,
                sender=user(50 + number % 3, "U"),
                message_id=number + 1,
            )
            fake.remember_chats(payload)
            updates.append(Update.de_json({"update_id": number + 1, **payload}, app.bot))
        async with app:
            await asyncio.gather(*(app.process_update(u) for u in updates))
            assert app.post_stop is not None
            await app.post_stop(app)  # as app.stop() does: the threads' connections closed
    sent = fake.sent_messages()
    assert len(sent) == 12 and all(s["text"].startswith("<b>❌ FALSE</b>") for s in sent)
    for chat_id in (-1000, -1001, -1002):
        answered = [s["reply_parameters"]["message_id"] for s in sent if s["chat_id"] == chat_id]
        assert answered == sorted(answered) and len(answered) == 4


async def test_two_calls_run_their_python_one_at_a_time_but_for_the_models_reading(
    bot: Core,
) -> None:
    # Two threads that both run Python only fight over its lock: a call holds its turn from
    # start to end, but for the model's reading, which another call's Python may overlap.
    runner = CoreRunner(bot, threads=2)
    spans: dict[str, tuple[float, float]] = {}

    def python(name: str, reading: float = 0.0) -> Callable[[Core], None]:
        def work(core: Core) -> None:
            start = time.monotonic()
            if reading:
                with turns.yielded():
                    time.sleep(reading)
            time.sleep(0.05)  # stands for Python: the turn held
            spans[name] = (start, time.monotonic())

        return work

    try:
        calls = [runner.run(f"chat-{n}", python(f"python-{n}")) for n in range(3)]
        await asyncio.gather(*calls)
        ordered = sorted(spans.values())
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ordered))  # one at a time
        spans.clear()
        reading = runner.run("reader", python("reader", reading=0.3))
        await asyncio.gather(reading, runner.run("other", python("other")))
    finally:
        runner.close()
    # The other call ran while the model read.
    assert spans["other"][1] < spans["reader"][1] - 0.1


async def test_a_call_keeps_its_turn_inside_a_write_transaction(bot: Core) -> None:
    # Another call holding the turn could be waiting for SQLite's write lock: inside a write
    # transaction the model's reading gives nothing up.
    runner = CoreRunner(bot, threads=2)
    finished: list[str] = []
    writing = threading.Event()

    def writer(core: Core) -> str:
        with core.base.transaction(), turns.yielded():
            writing.set()
            time.sleep(0.2)
        return "writer"

    async def call(chat: str, work: object) -> None:
        finished.append(await runner.run(chat, work))  # type: ignore[arg-type]

    both = threading.Barrier(2, timeout=10)

    def meet(core: Core) -> None:
        with turns.yielded():  # as the model's reading would
            both.wait()

    try:
        # Both threads get their connection first (opening one writes: the migrations).
        await asyncio.gather(runner.run("a", meet), runner.run("b", meet))
        first = asyncio.create_task(call("a", writer))
        assert await asyncio.to_thread(writing.wait, 10)
        await asyncio.gather(first, call("b", lambda core: "other"))
    finally:
        runner.close()
    assert finished == ["writer", "other"]


def test_a_reading_outside_any_turn_gives_nothing_up() -> None:
    lock = threading.Lock()
    with turns.yielded():  # no turn held: the console, a test, factbot ask
        pass
    with turns.taking(turns.Turn(lock, lambda: True)):
        with turns.yielded():
            assert not lock.locked()
            with turns.yielded():  # nested: nothing more to give up
                assert not lock.locked()
        assert lock.locked()
    assert not lock.locked()


async def test_a_call_that_says_it_is_quick_runs_on_the_loop_and_one_that_cannot_tell_does_not(
    bot: Core,
) -> None:
    runner = CoreRunner(bot, threads=2)

    def where(core: Core) -> str:
        return threading.current_thread().name

    def cannot_tell(core: Core) -> bool:
        raise sqlite3.OperationalError("database is locked")

    try:
        here = await runner.call(where, quick=lambda core: True)
        there = await runner.call(where, quick=lambda core: False)
        unsure = await runner.call(where, quick=cannot_tell)
    finally:
        runner.close()
    assert here == threading.current_thread().name
    assert there.startswith("factbot-core") and unsure.startswith("factbot-core")
