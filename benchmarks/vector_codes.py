"""How much of the exact nearest-claim search the vectors' codes keep, on a generated base.

    .venv/bin/python -m benchmarks.vector_codes [--data ../shared/bench] [--size 1000000]
        [--shortlists 1000,2000,3000] [--every 1]

Builds the claim vectors of ``benchmarks.scale``'s base of ``--size`` claims (the real claims'
vectors from ``benchmarks.embed_quality``'s cache, a generated claim's the normalised sum of the
two real claims it blends; int8 as the claim base stores them), embeds the dev questions of
both collections (kept in the same cache), and reports, for each shortlist size, the share of
the exact scan's ten best claims that the shortlist holds, for the shipped two-bit codes
(:mod:`knowledge.matching.vectorcodes`) and for the sign of each number alone (48 bytes), with
the time of one comparison of every code. ``--every N`` asks every N-th question only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import scale, vectors
from benchmarks.common import bench_dir
from knowledge.matching import embeddings, vectorcodes


def claim_vectors(folder: Path, size: int, model: Any) -> tuple[np.ndarray, list[str]]:
    """The base's claim vectors (dequantised int8, as the index reads them) and the questions."""
    queries, qrels, real = scale.load_benchmark(folder)
    with tempfile.TemporaryDirectory() as directory:
        archive = Path(directory) / "archive.tsv"
        sources = scale.write_archive(archive, real, qrels, size)
        lines = archive.read_text(encoding="utf-8").splitlines()[1:]
    fields = [line.split("\t") for line in lines]
    texts = {
        f[0]: embeddings.claim_text(f[1], f[2] if len(f) > 2 else None)
        for f in fields
        if f[0] not in sources
    }
    matrix = scale.blended(
        [f[0] for f in fields], sources, scale.real_vectors(folder, model, texts)
    )
    ints, scales = embeddings.quantise(matrix)
    return ints.astype(np.float32) * scales[:, np.newaxis], [text for _, text in queries]


def sign_distances(codes: np.ndarray, centre: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Differing bits between the claims' sign codes (``codes``: each number's side of the
    claims' mean ``centre``, packed) and the question's."""
    asked = np.packbits((query - centre) > 0)
    found: np.ndarray = np.bitwise_count(codes ^ asked).sum(axis=1)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--shortlists", default="1000,2000,3000")
    parser.add_argument("--every", type=int, default=1, help="ask every N-th question")
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    sizes = [int(s) for s in args.shortlists.split(",")]
    model = vectors.load_model()
    rows, questions = claim_vectors(folder, args.size, model)
    questions = questions[:: args.every]
    cache = vectors.CachedEmbedder(model, vectors.DEFAULT_CACHE / "vector-codes-questions")
    asked = np.asarray(cache.query([embeddings.query_text(q) for q in questions]), np.float32)
    cache.save()
    asked /= np.linalg.norm(asked, axis=1, keepdims=True)
    book = vectorcodes.Codebook.fit([rows], rows.shape[1])
    codes = vectorcodes.Codes(book, len(rows))
    codes.put(0, rows)
    signs_of_claims = np.packbits((rows - book.centre) > 0, axis=1)
    kept: dict[tuple[str, int], list[float]] = {}
    times: list[float] = []
    for query in asked:
        best = set(np.argpartition(-(rows @ query), 9)[:10].tolist())
        start = time.perf_counter()
        distances = codes.distances(book.encode_query(query), 0, len(rows))
        times.append((time.perf_counter() - start) * 1000)
        signs = sign_distances(signs_of_claims, book.centre, query)
        for size in sizes:
            for name, found in (("two bits", distances), ("sign", signs)):
                short = set(vectorcodes.shortlist(found, size).tolist())
                kept.setdefault((name, size), []).append(len(best & short) / 10)
    print(
        f"{len(rows):,} claims, {len(asked)} questions; comparing every code "
        f"(one core): median {statistics.median(times):.1f} ms"
    )
    print("| codes | " + " | ".join(f"shortlist {s:,}" for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in ("sign", "two bits"):
        shares = " | ".join(f"{statistics.fmean(kept[(name, s)]):.3f}" for s in sizes)
        print(f"| {name} | {shares} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
