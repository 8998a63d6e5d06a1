"""Prometheus metrics of a running bot: questions by decision, check latency, the moderators'
queue, errors and rate-limit refusals.

The core knows nothing of Prometheus: :class:`Metrics` sets itself as ``Core.observer`` and the
core reports each check and each refusal to it. Errors are counted from the adapter's log
(every error an adapter handles is logged at ERROR). The console never builds one, so
``factbot ask`` does not import prometheus_client. Each instance has its own registry, so
several bots (in tests) never share counters.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

if TYPE_CHECKING:
    from bot.core import Core

DECISIONS = ("answer", "suggest", "none")
# A check takes a few milliseconds by words, about 70 ms with the embeddings: buckets from 1 ms
# to 2.5 s cover both and a machine under load.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    """The metrics of one bot process serving ``platform``; see the module docstring."""

    def __init__(self, core: Core, platform: str) -> None:
        self.core = core
        self.platform = platform
        self.registry = CollectorRegistry()
        self.questions = Counter(
            "factbot_questions",
            "Questions checked, by the decision taken (answer, suggest, none).",
            ["platform", "decision"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "factbot_check_seconds",
            "Time to check one question: matching, the reply and its log entry.",
            ["platform"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.embedded = Counter(
            "factbot_questions_embedded",
            "Questions decided with the semantic model (with embeddings; the cascade asks it "
            "only where the decision can change, and a question asked again is not read again).",
            ["platform"],
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "factbot_rate_limited",
            "Checks refused by the abuse limits (per person, per group).",
            ["platform"],
            registry=self.registry,
        )
        self.errors = Counter(
            "factbot_errors",
            "Errors logged while handling updates, events or notifications.",
            ["platform"],
            registry=self.registry,
        )
        queue = Gauge(
            "factbot_queue_open",
            "Unanswered questions waiting for a moderator (/queue).",
            registry=self.registry,
        )
        queue.set_function(lambda: float(core.desk.queue.length()))
        for decision in DECISIONS:  # every series exists from the start, at 0
            self.questions.labels(platform, decision)
        self.latency.labels(platform)
        self.embedded.labels(platform)
        self.rate_limited.labels(platform)
        self.errors.labels(platform)
        self._log_handler = _ErrorCounter(self)
        core.observer = self

    # -- what the core reports ------------------------------------------------------------

    def checked(self, platform: str, decision: str, seconds: float, embedded: bool) -> None:
        self.questions.labels(platform, decision).inc()
        self.latency.labels(platform).observe(seconds)
        if embedded:
            self.embedded.labels(platform).inc()

    def limited(self, platform: str) -> None:
        self.rate_limited.labels(platform).inc()

    # -- errors, from the adapter's log ----------------------------------------------------

    def count_errors_of(self, logger_name: str) -> None:
        logging.getLogger(logger_name).addHandler(self._log_handler)

    def stop_counting_errors(self, logger_name: str) -> None:
        logging.getLogger(logger_name).removeHandler(self._log_handler)

    # -- what the endpoint serves -----------------------------------------------------------

    def exposition(self) -> tuple[bytes, str]:
        """The metrics in Prometheus' text format, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST

    def healthy(self) -> bool:
        """The claim base answers a query."""
        try:
            self.core.base.conn.execute("SELECT count(*) FROM claims").fetchone()
        except Exception:
            return False
        return True


class _ErrorCounter(logging.Handler):
    def __init__(self, metrics: Metrics) -> None:
        super().__init__(logging.ERROR)
        self.metrics = metrics

    def emit(self, record: logging.LogRecord) -> None:
        self.metrics.errors.labels(self.metrics.platform).inc()
