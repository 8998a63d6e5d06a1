"""Threads that each run whole checks take turns at Python, and let go while the model reads.

A check is a few milliseconds of Python and, now and then, tens of milliseconds of the embedding
model, which runs without Python's lock (ONNX Runtime lets go of it). Two worker threads that
both run Python only fight over that lock: measured, the core on two threads cost 6.2–7.2 ms
of CPU a message against 4.5–5.3 on one, for no shorter time (docs/development.md, "Conversation
state and worker threads"). With a :class:`Turn` the threads run their Python one at a time, a
whole check each, and a check gives up its turn only while the model reads (:func:`yielded`),
so another check's Python runs then: the overlap two threads are there for.

A check never gives up its turn inside a write transaction (``may_yield`` says whether it may):
another check holding the turn could be waiting for SQLite's write lock, and neither would go
on. Outside one, a thread that gave up its turn holds nothing another check can wait for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_held = threading.local()  # the Turn this thread holds, if any


@dataclass(frozen=True, slots=True)
class Turn:
    """One thread's place in the turns: the lock the threads share, and whether this thread
    may give it up now (not inside a write transaction of its connection)."""

    lock: threading.Lock
    may_yield: Callable[[], bool]


@contextmanager
def taking(turn: Turn) -> Iterator[None]:
    """The block runs holding the turn; the model's reading inside it gives the turn up."""
    with turn.lock:
        _held.turn = turn
        try:
            yield
        finally:
            _held.turn = None


@contextmanager
def yielded() -> Iterator[None]:
    """The block (the model reading: no Python lock held) runs without this thread's turn,
    when it holds one it may give up; it has the turn back after."""
    turn: Turn | None = getattr(_held, "turn", None)
    if turn is None or not turn.may_yield():
        yield
        return
    _held.turn = None  # a reading nested in this one gives up nothing more
    turn.lock.release()
    try:
        yield
    finally:
        turn.lock.acquire()
        _held.turn = turn
