"""Builders for the messages tests send to the core."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from typing import Any, ParamSpec

from bot.messages import Incoming
from knowledge.matching import Matcher
from knowledge.migrations import FTS_INDEXES
from knowledge.models import Claim, Decision, Source
from knowledge.store import ClaimBase

P = ParamSpec("P")


# Two checks of nearly the same statement that reached different verdicts (archives hold such
# pairs: a speaker repeats a line, two fact-checkers look at one rumour).
DISAGREEING_CHECKS = (
    ("tax-1", "false", "False", "We're the highest taxed nation in the world."),
    ("tax-2", "mostly-false", "Mostly false", "We are the most highly taxed nation in the world."),
)
ASKED_OF_BOTH = "Is it true we're the highest taxed nation in the world?"


def add_disagreeing_checks(base: ClaimBase) -> None:
    for claim_id, verdict, rating, said in DISAGREEING_CHECKS:
        claim = Claim(claim_id, said, verdict, rating, sources=(Source("Tax office"),))
        base.add_claim(claim, origin="test")


def dm(text: str, *, platform: str = "telegram", user: str = "42", **kw: object) -> Incoming:
    """A direct message from an ordinary user."""
    return Incoming(platform=platform, chat_id=user, user_id=user, text=text, **kw)  # type: ignore[arg-type]


def group(text: str, *, addressed: bool = False, user: str = "7", **kw: object) -> Incoming:
    """A group message on Telegram."""
    return Incoming(
        platform="telegram",
        chat_id="-100",
        user_id=user,
        text=text,
        is_direct=False,
        addressed=addressed,
        **kw,  # type: ignore[arg-type]
    )


def run_with(
    scenario: Callable[[], None],
    run: Callable[P, int],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> int:
    """``run(*args, **kwargs)`` (``factbot``'s ``main``, or an adapter's ``run``: a command
    that serves until Ctrl-C) in this thread, ``scenario`` in another, then Ctrl-C (SIGINT),
    as a person would. Re-raises the scenario's errors; returns the command's exit status."""
    failures: list[BaseException] = []

    def play() -> None:
        try:
            scenario()
        except BaseException as error:
            failures.append(error)
        finally:
            os.kill(os.getpid(), signal.SIGINT)

    player = threading.Thread(target=play)
    player.start()
    try:
        code = run(*args, **kwargs)
    finally:
        player.join(10)
    if failures:
        raise failures[0]
    return code


def wait_until(condition: Callable[[], Any], seconds: float = 10.0) -> None:
    """Poll ``condition`` until it holds; TimeoutError after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.005)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def merged(base: ClaimBase) -> bool:
    """Whether every full-text index of ``base`` is one segment: merging it (FTS5's
    ``optimize``, which this does) changes nothing."""

    def stored() -> list[list[tuple[int, bytes]]]:
        return [
            base.db.execute(f"SELECT id, block FROM {name}_data ORDER BY id").fetchall()
            for name in FTS_INDEXES
        ]

    before = stored()
    base.optimize_indexes()
    return stored() == before


def assert_answered(matcher: Matcher, question: str, claim_id: str) -> None:
    """``question`` is answered, with ``claim_id`` (not offered, nor answered with another)."""
    result = matcher.match(question)
    assert result.decision == Decision.ANSWER, result.ranked[:2]
    assert result.matches[0].claim_id == claim_id
