"""What a moderator's change costs the next question the model reads, at a large claim base.

    .venv/bin/python -m benchmarks.vector_changes [--sizes 1000000] [--data ../shared/bench]

The semantic index brings itself up to date from ``claim_vectors_log`` (migration m013),
reading again only the claims a change touched. This builds the generated base as
``benchmarks.scale`` does, loads the index, and times the next question after each of three
kinds of change made by another connection (a vector rewritten, a claim retracted, the claim
published again; three claims each), beside the baseline in the same run: the index reading
every vector again, as every change cost before, and a question with nothing changed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import scale
from benchmarks.common import bench_dir

CHANGES = (
    ("a vector rewritten", "UPDATE claim_vectors SET updated_at = updated_at WHERE claim_id = ?"),
    ("a claim retracted", "UPDATE claims SET status = 'retracted' WHERE id = ?"),
    ("the claim published again", "UPDATE claims SET status = 'published' WHERE id = ?"),
)
QUESTION = "were the protesters in Myanmar paid terrorists?"


def measure(db_path: Path) -> None:
    from benchmarks import vectors
    from knowledge.matching import embeddings
    from knowledge.store import ClaimBase

    base, other = ClaimBase.open(db_path, seed=False), ClaimBase.open(db_path, seed=False)
    index = embeddings.VectorIndex(base, vectors.load_model())
    query = index.query_vector(QUESTION)
    start = time.perf_counter()
    index.nearest(query, 10)
    print(f"  first question, every vector read: {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    index._load()
    print(
        f"  reading every vector again (every change, before): {time.perf_counter() - start:.2f} s"
    )
    step = max(1, base.count() // 3)
    claims = [
        row[0] for row in other.db.execute("SELECT id FROM claims WHERE rowid % ? = 0", [step])
    ]
    for name, sql in CHANGES:
        times = []
        for claim in claims[:3]:
            with other.transaction() as db:
                db.execute(sql, [claim])
            start = time.perf_counter()
            index.nearest(query, 10)
            times.append((time.perf_counter() - start) * 1000)
        print(f"  next question after {name}: " + ", ".join(f"{t:.0f} ms" for t in times))
    times = []
    for _ in range(5):
        start = time.perf_counter()
        index.nearest(query, 10)
        times.append((time.perf_counter() - start) * 1000)
    print(f"  a question with nothing changed: median {statistics.median(times):.0f} ms")
    other.close()
    base.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--sizes", default="1000000", help="claim-base sizes, comma-separated")
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    benchmark = scale.load_benchmark(folder)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="factbot-changes-") as directory:
            print(f"{size:,} claims: building the base ...", file=sys.stderr, flush=True)
            db_path = scale.build_base(Path(directory), size, benchmark, folder)
            print(f"{size:,} claims:", flush=True)
            measure(db_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
