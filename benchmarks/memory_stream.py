"""The bot's memory over a long stream of different questions: where its bounded caches level off.

    .venv/bin/python -m benchmarks.memory_stream [--sizes 10000,1000000] [--data ../shared/bench]

``benchmarks.scale`` measures the peak over the 316 dev questions, before the matcher's caches
(phrasings, words, posting lists, question vectors, results) have filled. A bot runs for weeks:
this asks one process 3,088 different questions, the 1,588 tweets and debate sentences of both
collections' train and dev splits, then 1,500 of the base's own claims (every
``rows // 1,500``-th), and prints its resident memory after 316, 1,588 and 3,088 of them, its
peak (``VmHWM``) and its latency. The claim base is built as ``benchmarks.scale`` builds it
(the real claims, then generated blends; vectors from the cache and blended), once a size. Two
rows a size, each in its own process: words only (the baseline) and embeddings with the cascade
(the default). Figures are one run, 2 cores, wall-clock.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adapters.cli.evaluate import load_queries, percentile
from benchmarks import scale
from benchmarks.common import SPLITS, bench_dir

if TYPE_CHECKING:
    from knowledge.store import ClaimBase

CHECKPOINTS = (316, 1588)
FROM_THE_BASE = 1_500


def stream(folder: Path, base: ClaimBase) -> list[str]:
    texts = [
        text
        for name in SPLITS
        for split in ("dev", "train")
        for _, text in load_queries(folder / name / f"queries.{split}.tsv")
    ]
    step = max(1, base.count() // FROM_THE_BASE)
    sql = "SELECT claim FROM claims WHERE rowid % ? = 0 ORDER BY rowid LIMIT ?"
    texts += [row[0] for row in base.db.execute(sql, [step, FROM_THE_BASE])]
    return texts


def work(db_path: Path, folder: Path, semantic: bool) -> dict[str, Any]:
    from knowledge.matching import Matcher, MatchSettings, embeddings
    from knowledge.store import ClaimBase

    base = ClaimBase.open(db_path, seed=False)
    texts = stream(folder, base)
    index = None
    if semantic:
        from benchmarks import vectors

        index = embeddings.VectorIndex(base, vectors.load_model())
    matcher = Matcher(base, MatchSettings(), index)
    times: list[float] = []
    resident: dict[int, float | None] = {}  # None: no /proc/self/status
    for count, text in enumerate(texts, 1):
        start = time.perf_counter()
        matcher.match(text)
        times.append((time.perf_counter() - start) * 1000)
        if count in CHECKPOINTS:
            resident[count] = scale.status_mb("VmRSS")
    resident[len(texts)] = scale.status_mb("VmRSS")
    base.close()
    return {"resident": resident, "peak": scale.status_mb("VmHWM"), "times": times}


def shown(mb: float | None) -> str:
    return "–" if mb is None else f"{mb:.0f}"


def run(kind: str, db_path: Path, folder: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.memory_stream", "--worker", kind]
    command += ["--worker-db", str(db_path), "--data", str(folder)]
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--sizes", default="10000,1000000", help="claim-base sizes")
    parser.add_argument("--worker", choices=("words", "cascade"), help=argparse.SUPPRESS)
    parser.add_argument("--worker-db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    if args.worker:
        found = work(Path(args.worker_db), folder, semantic=args.worker == "cascade")
        print(json.dumps(found))
        return 0
    benchmark = scale.load_benchmark(folder)
    print(
        "| claims | matcher | questions | resident MB after 316 / 1,588 / all | peak MB "
        "| mean ms | median ms | p99 ms |\n|---|---|---|---|---|---|---|---|"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="factbot-memory-") as directory:
            print(f"{size:,} claims: building the base ...", file=sys.stderr, flush=True)
            db_path = scale.build_base(Path(directory), size, benchmark, folder)
            for kind, name in (("words", "words only"), ("cascade", "embeddings, cascade")):
                print(f"{size:,} claims: {name} ...", file=sys.stderr, flush=True)
                found = run(kind, db_path, folder)
                times = found["times"]
                resident = " / ".join(map(shown, found["resident"].values()))
                print(
                    f"| {size:,} | {name} | {len(times):,} | {resident} | {shown(found['peak'])} "
                    f"| {statistics.mean(times):.2f} | {statistics.median(times):.2f} "
                    f"| {percentile(times, 0.99):.1f} |",
                    flush=True,
                )
            os.remove(db_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
