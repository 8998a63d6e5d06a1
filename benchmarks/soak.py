"""Soak: two writers and four readers on one claim base file for a sustained minute.

    .venv/bin/python benchmarks/soak.py [--seconds 60] [--writers 2] [--readers 4]

Each is its own process (``tests/reliability_worker.py``), as a Telegram bot, a Slack bot and
the moderators using them would be:

- a writer is a moderator at work: aliases, sources and summary edits through ``Desk`` (each
  in one transaction with its audit entry), and what every check writes (the answers log and,
  for an unanswered question, the queue);
- a reader is a bot answering: the matcher over the full-text indexes, then the claims.

Every exception that reaches a caller is counted as an error (``sqlite3.OperationalError:
database is locked`` separately). Prints the counts, latency percentiles per role, and
``PRAGMA integrity_check`` at the end. Exit status 1 if any error reached a caller.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def run(options: argparse.Namespace, db: Path) -> list[dict[str, Any]]:
    from knowledge.store import ClaimBase

    ClaimBase.open(db).close()  # created and seeded before the clock starts
    env = os.environ | {"PYTHONPATH": str(ROOT), "FACTBOT_WORKER_LATENCIES": "1"}
    start = str(time.time() + 1.5)  # every process starts working at the same moment
    roles = ["writer"] * options.writers + ["reader"] * options.readers
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability_worker",
                role,
                str(db),
                f"{role[0]}{n}",
                str(options.seconds),
                start,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, role in enumerate(roles)
    ]
    reports = []
    for child in children:
        out, err = child.communicate(timeout=options.seconds + 120)
        if child.returncode != 0:
            raise RuntimeError(f"a worker failed:\n{err}")
        reports.append(json.loads(out))
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--readers", type=int, default=4)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "claims.db"
        reports = run(options, db)
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        size_mb = db.stat().st_size / 1e6
        conn.close()
    print(
        f"{options.writers} writers + {options.readers} readers, one file, "
        f"{options.seconds:.0f} s each (WAL, busy timeout 10 s)"
    )
    print(
        f"{'role':<8}{'ops':>9}{'ops/s':>8}{'errors':>8}{'locked':>8}"
        f"{'median ms':>11}{'p99 ms':>9}{'max ms':>9}"
    )
    failed = 0
    for role in ("writer", "reader"):
        mine = [r for r in reports if r["role"] == role]
        latencies = [v for r in mine for v in r["latencies_ms"]]
        ops = sum(r["ops"] for r in mine)
        errors = sum(r["error_count"] for r in mine)
        failed += errors
        print(
            f"{role + 's':<8}{ops:>9}{ops / options.seconds:>8.0f}{errors:>8}"
            f"{sum(r['locked'] for r in mine):>8}{percentile(latencies, 0.5):>11.2f}"
            f"{percentile(latencies, 0.99):>9.2f}{max(latencies, default=0):>9.2f}"
        )
        for report in mine:
            for error in report["errors"][:3]:
                print(f"  {role} error: {error}")
    print(f"integrity_check: {integrity}; file {size_mb:.1f} MB")
    return 1 if failed or integrity != "ok" else 0


if __name__ == "__main__":
    sys.exit(main())
