"""Child processes for the reliability tests and the soak benchmark: moderators writing and
bots reading one claim base file, each in its own process, as two bots on one file would.

    python -m tests.reliability_worker crash DB
        a parent that has imported everything once and forks a moderator process on demand
        (fast: a test can kill and restart many). Reads commands on standard input:
        ``fork TAG`` forks a child, which opens the claim base and makes moderator writes
        through ``Desk`` (alias, source, edit), writing one line on standard output after each
        has returned: ``alias<TAB>text``, ``source<TAB>publisher`` or ``edit<TAB>summary``,
        until killed; the parent prints ``pid<TAB>N``. ``reap N`` waits for child N to end and
        prints ``reaped<TAB>N<TAB>status``: everything that child wrote comes before it.
    python -m tests.reliability_worker writer DB TAG SECONDS [AT]
    python -m tests.reliability_worker reader DB TAG SECONDS [AT]
        from the time AT (seconds since the epoch) if given, a moderator's writes (with the
        answers log and queue writes every check makes), or a bot's reads (matcher, claim
        lookups, queue), for SECONDS; then one JSON line:
        ``{"role", "ops", "errors": [...], "locked": n, "p50_ms", "p99_ms", "max_ms"}``.
        Every exception that reaches the caller is an error; "database is locked" ones are
        also counted in ``locked``. With ``FACTBOT_WORKER_LATENCIES=1`` in the environment,
        ``latencies_ms`` lists every operation's latency too.
    python -m tests.reliability_worker open DB [AT]
        open (create, migrate, seed) the claim base, at the time AT (seconds since the epoch)
        if given, and print ``opened <claims>``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable

from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher
from knowledge.models import Source
from knowledge.store import ClaimBase

ALIAS_CLAIM = "mm-protesters-paid"
EDIT_CLAIM = "mm-election-fraud"
QUESTIONS = (
    "Were the Myanmar protesters paid terrorists?",
    "did the protests escalate to terrorism",
    "was the 2020 election in Myanmar rigged?",
    "protesters spread fear on purpose",
    "Is the moon made of green cheese?",
)


def crash_parent(db: str) -> None:
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "fork":
            pid = os.fork()
            if pid == 0:  # the child: write until killed
                try:
                    crash(db, arg)
                finally:
                    os._exit(1)
            print(f"pid\t{pid}", flush=True)
        elif command == "reap":
            _, status = os.waitpid(int(arg), 0)
            print(f"reaped\t{arg}\t{status}", flush=True)


def crash(db: str, tag: str) -> None:
    base = ClaimBase.open(db)
    desk = Desk(base, Matcher(base))
    moderator = Actor("telegram", f"moderator-{tag}")
    out = sys.stdout
    n = 0
    while True:
        n += 1
        kind = n % 3
        if kind == 0:
            text = f"{tag} alias {n}"
            desk.claims.add_alias(ALIAS_CLAIM, text, moderator)
            out.write(f"alias\t{text}\n")
        elif kind == 1:
            publisher = f"{tag} source {n}"
            desk.claims.add_source(
                ALIAS_CLAIM, Source(publisher, f"title {n}", None, None), moderator
            )
            out.write(f"source\t{publisher}\n")
        else:
            summary = f"{tag} summary {n}"
            desk.claims.edit(EDIT_CLAIM, "summary", summary, moderator)
            out.write(f"edit\t{summary}\n")
        out.flush()


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def wait_for(at: float | None) -> None:
    if at is not None:
        time.sleep(max(0.0, at - time.time()))


def timed_loop(role: str, seconds: float, step: Callable[[int], None]) -> dict[str, object]:
    """Call ``step(n)`` until ``seconds`` have passed; record latencies and every error."""
    latencies: list[float] = []
    errors: list[str] = []
    locked = 0
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        began = time.perf_counter()
        try:
            step(n)
        except Exception as error:  # anything that would reach a user
            errors.append(f"{type(error).__name__}: {error}")
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                locked += 1
        latencies.append((time.perf_counter() - began) * 1000)
    report: dict[str, object] = {
        "role": role,
        "ops": n,
        "errors": errors[:20],
        "error_count": len(errors),
        "locked": locked,
        "p50_ms": round(_percentile(latencies, 0.5), 3),
        "p99_ms": round(_percentile(latencies, 0.99), 3),
        "max_ms": round(max(latencies, default=0.0), 3),
    }
    if os.environ.get("FACTBOT_WORKER_LATENCIES"):  # every latency, for the soak benchmark
        report["latencies_ms"] = [round(value, 3) for value in latencies]
    return report


def writer(db: str, tag: str, seconds: float, at: float | None = None) -> dict[str, object]:
    wait_for(at)
    base = ClaimBase.open(db)
    desk = Desk(base, Matcher(base))
    moderator = Actor("slack", f"moderator-{tag}")

    def step(n: int) -> None:
        kind = n % 4
        if kind == 0:
            desk.claims.add_alias(ALIAS_CLAIM, f"{tag} alias {n}", moderator)
        elif kind == 1:
            desk.claims.add_source(
                ALIAS_CLAIM, Source(f"{tag} source {n}", None, None, None), moderator
            )
        elif kind == 2:
            desk.claims.edit(EDIT_CLAIM, "summary", f"{tag} summary {n}", moderator)
        else:  # what every check writes: the answers log and, unanswered, the queue
            desk.answers.log("slack", f"C{tag}", QUESTIONS[n % len(QUESTIONS)], "none", None, None)
            desk.queue.add(f"{tag} unanswered question number {n}")

    try:
        return timed_loop("writer", seconds, step)
    finally:
        base.close()


def reader(db: str, tag: str, seconds: float, at: float | None = None) -> dict[str, object]:
    wait_for(at)
    base = ClaimBase.open(db)
    matcher = Matcher(base)
    desk = Desk(base, matcher)

    def step(n: int) -> None:
        result = matcher.match(QUESTIONS[n % len(QUESTIONS)])
        if result.matches:
            base.get_many([m.claim_id for m in result.matches])
        if n % 10 == 0:
            desk.queue.entries()
            base.get(EDIT_CLAIM)

    try:
        return timed_loop("reader", seconds, step)
    finally:
        base.close()


def main(argv: list[str]) -> int:
    role, db = argv[0], argv[1]
    if role == "crash":
        crash_parent(db)
        return 0
    if role == "open":
        wait_for(float(argv[2]) if len(argv) > 2 else None)  # all at once
        base = ClaimBase.open(db)
        print(f"opened {base.count()}", flush=True)
        base.close()
        return 0
    work = {"writer": writer, "reader": reader}[role]
    at = float(argv[4]) if len(argv) > 4 else None
    print(json.dumps(work(db, argv[2], float(argv[3]), at)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
