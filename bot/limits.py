"""Abuse limits: token buckets per user and per group chat, the same on every platform."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False  # told about the limit since the bucket last had a token


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    retry_after: float = 0.0  # seconds until the next message would be allowed
    warn: bool = False  # the first refusal of a run: say so (politely) once


class RateLimiter:
    """``per_minute`` messages a minute per key, with bursts of up to ``per_minute``.

    A refused key is told once (``warn``); further messages until a token is back are dropped
    quietly, so a flood does not turn into a flood of refusals.
    """

    def __init__(
        self, per_minute: float, clock: Callable[[], float], max_keys: int = 100_000
    ) -> None:
        self.capacity = max(1.0, per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()  # the core's worker threads share one limiter

    def check(self, key: str) -> Verdict:
        if self.rate <= 0:
            return Verdict(True)
        with self._lock:
            return self._check(key)

    def _check(self, key: str) -> Verdict:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return Verdict(True)
        retry = math.ceil((1 - bucket.tokens) / self.rate)
        warn = not bucket.warned
        bucket.warned = True
        return Verdict(False, retry, warn)

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled: they hold no state worth keeping."""
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.updated) * self.rate >= self.capacity
        ]
        for key in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]
