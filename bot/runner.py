"""Running the synchronous core off the event loop.

``Core.handle`` is synchronous: a check costs a few milliseconds of CPU (tens with the optional
embeddings), and while it runs on the event loop no other update is read or answered. A
:class:`CoreRunner` hands each call to a bounded pool of threads, as many as there are cores;
each thread has its own :class:`~bot.core.Core` on its own SQLite connection (a connection is
not shared between threads), and they share what must be shared: the access rules and the
abuse limits. Calls for one chat run one after another, in the order they were made, so a
conversation's messages are answered in order; different chats run side by side. The threads
take turns at Python, a whole call each but for the embedding model's reading
(:mod:`knowledge.matching.turns`): two threads that both run Python only fight over its lock.

With ``threads=0`` every call runs at once on the loop's thread, on the given bot (tests that
reach into the core, and the console). By default there are worker threads only when the
optional semantic matching is on: lexical checks are quicker on the loop (see ``__init__``).
Even then a call that says it reads no model (``quick``: a question the words decide, or one
asked before, ``Core.decided_by_words``) runs on the loop: most checks, since the cascade asks
the model about few questions. Only those it must read go to a thread (docs/development.md,
"Conversation state and worker threads").
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import threading
from collections.abc import AsyncIterator, Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from bot.config import default_threads
from knowledge.matching import turns

if TYPE_CHECKING:  # imported when a thread needs its bot: adapters import this module early
    from bot.core import Core

T = TypeVar("T")

log = logging.getLogger(__name__)


class CoreRunner:
    def __init__(self, core: Core, threads: int | None = None) -> None:
        self.core = core
        if threads is None:
            # Measured (benchmarks/load.py, lexical matching only): a check is a few ms of
            # GIL-bound Python, and handing it to a thread cost more than it saved (Telegram
            # 223-232 → 165-203 msg/s). The semantic model's ~40-70 ms is what blocks the loop.
            threads = default_threads() if getattr(core.matcher, "semantic", None) else 0
        self.threads = threads
        in_memory = core.base.path is None
        if in_memory:
            self.threads = 0  # a private in-memory base cannot be opened again by a thread
        self._pool = (
            ThreadPoolExecutor(self.threads, thread_name_prefix="factbot-core")
            if self.threads
            else None
        )
        self._local = threading.local()
        self._turns = threading.Lock()  # the worker threads' turns at Python
        self._cores: list[Core] = []
        self._cores_lock = threading.Lock()
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

    async def call(
        self, work: Callable[[Core], T], quick: Callable[[Core], bool] | None = None
    ) -> T:
        """``work(core)`` on a worker thread; here, on the loop, without threads or when
        ``quick(core)`` says it needs no model reading (``Core.decided_by_words``): then it is
        a few ms of Python, which cost less here than handed to a thread and back."""
        if self._pool is None or (quick is not None and self._quick(quick)):
            return work(self.core)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self._in_thread, work)

    def _quick(self, quick: Callable[[Core], bool]) -> bool:
        """``quick(self.core)``; a question it cannot answer (the base locked, unreadable) is
        not quick: the call goes to a thread, whose handling meets the error as it did."""
        try:
            return quick(self.core)
        except Exception:
            log.debug("cannot tell whether a check reads the model", exc_info=True)
            return False

    async def run(self, chat: Hashable, work: Callable[[Core], T]) -> T:
        """``work(core)`` on a worker thread, after every earlier call for ``chat`` ended."""
        async with self.in_order(chat):
            return await self.call(work)

    def _in_thread(self, call: Callable[[Core], T]) -> T:
        turn: turns.Turn | None = getattr(self._local, "turn", None)
        if turn is None:
            core = self._thread_core()
            connection = core.base.conn
            turn = self._local.turn = turns.Turn(self._turns, lambda: not connection.in_transaction)
            self._local.core = core
        # One thread's Python at a time, a whole call each, but for the model's reading
        # (knowledge.matching.turns): two threads that both run Python fight over its lock.
        with turns.taking(turn):
            return call(self._local.core)

    def _thread_core(self) -> Core:
        """A core for this thread: its own connection to the same base, the shared limits."""
        from bot.core import Core
        from knowledge.store import ClaimBase

        origin = self.core
        assert origin.base.path is not None
        access = copy.copy(origin.access)
        access.moderators = None  # its own desk, on its own connection
        core = Core(
            ClaimBase.open(origin.base.path, seed=False), origin.settings, access, origin.clock
        )
        # One question's result serves every thread, and the loop's check of whether words
        # decide it (Matcher.decided_by_words): the threads keep them where the loop looks.
        core.matcher.recent = origin.matcher.recent
        core.user_limit = origin.user_limit
        core.group_limit = origin.group_limit
        core.request_limit = origin.request_limit
        core._bursts = origin._bursts
        with self._cores_lock:
            self._cores.append(core)
        return core

    def close(self) -> None:
        """Wait for the calls under way, then close the threads' connections."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        with self._cores_lock:
            for core in self._cores:
                core.base.close()
            self._cores.clear()
