"""Running the synchronous core off the event loop.

``Bot.handle`` is synchronous: a check costs a few milliseconds of CPU (tens with the optional
embeddings), and while it runs on the event loop no other update is read or answered. A
:class:`CoreRunner` hands each call to a bounded pool of threads, as many as there are cores;
each thread has its own :class:`~bot.core.Bot` on its own SQLite connection (a connection is
not shared between threads), and they share what must be shared: the access rules and the
abuse limits. Calls for one chat run one after another, in the order they were made, so a
conversation's messages are answered in order; different chats run side by side.

With ``threads=0`` every call runs at once on the loop's thread, on the given bot (tests that
reach into the bot, and the console). By default there are worker threads only when the
optional semantic matching is on: lexical checks are quicker on the loop (see ``__init__``).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import os
import threading
from collections.abc import AsyncIterator, Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported when a thread needs its bot: adapters import this module early
    from bot.core import Bot

T = TypeVar("T")


def default_threads() -> int:
    """One worker thread per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class CoreRunner:
    def __init__(self, bot: Bot, threads: int | None = None) -> None:
        self.bot = bot
        if threads is None:
            # Measured (benchmarks/load.py, lexical matching only): a check is a few ms of
            # GIL-bound Python, and handing it to a thread cost more than it saved (Telegram
            # 223-232 → 165-203 msg/s). The semantic model's ~40-70 ms is what blocks the loop.
            threads = default_threads() if getattr(bot.matcher, "semantic", None) else 0
        self.threads = threads
        in_memory = bot.base.path is None
        if in_memory:
            self.threads = 0  # a private in-memory base cannot be opened again by a thread
        self._pool = (
            ThreadPoolExecutor(self.threads, thread_name_prefix="factbot-core")
            if self.threads
            else None
        )
        self._local = threading.local()
        self._bots: list[Bot] = []
        self._bots_lock = threading.Lock()
        self._chats: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    @contextlib.asynccontextmanager
    async def in_order(self, chat: Hashable) -> AsyncIterator[None]:
        """One chat at a time, first come first served: hold it from the core's call until
        the reply is sent, so a chat's answers go out in the order its messages came."""
        lock, users = self._chats.get(chat) or (asyncio.Lock(), 0)
        self._chats[chat] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._chats[chat]
            if users == 1:
                del self._chats[chat]  # nobody else waits for this chat: forget its lock
            else:
                self._chats[chat] = (lock, users - 1)

    async def call(self, work: Callable[[Bot], T]) -> T:
        """``work(bot)`` on a worker thread (or here, without threads)."""
        if self._pool is None:
            return work(self.bot)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self._in_thread, work)

    async def run(self, chat: Hashable, work: Callable[[Bot], T]) -> T:
        """``work(bot)`` on a worker thread, after every earlier call for ``chat`` ended."""
        async with self.in_order(chat):
            return await self.call(work)

    def _in_thread(self, call: Callable[[Bot], T]) -> T:
        bot: Bot | None = getattr(self._local, "bot", None)
        if bot is None:
            bot = self._local.bot = self._thread_bot()
        return call(bot)

    def _thread_bot(self) -> Bot:
        """A bot for this thread: its own connection to the same base, the shared limits."""
        from bot.core import Bot
        from knowledge.store import ClaimBase

        origin = self.bot
        assert origin.base.path is not None
        access = copy.copy(origin.access)
        access.moderators = None  # its own desk, on its own connection
        bot = Bot(
            ClaimBase.open(origin.base.path, seed=False), origin.settings, access, origin.clock
        )
        bot.user_limit = origin.user_limit
        bot.group_limit = origin.group_limit
        bot.request_limit = origin.request_limit
        bot._bursts = origin._bursts
        with self._bots_lock:
            self._bots.append(bot)
        return bot

    def close(self) -> None:
        """Wait for the calls under way, then close the threads' connections."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        with self._bots_lock:
            for bot in self._bots:
                bot.base.close()
            self._bots.clear()
