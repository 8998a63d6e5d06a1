"""Ranking quality of the bot's matcher beside the two baselines, on the CLEF splits.

    .venv/bin/python -m benchmarks.quality [--data ../shared/bench] [--split dev]

For each claim collection: the matcher exactly as ``factbot eval`` runs it (fresh claim base,
archive import, default matching settings), a plain FTS5 bm25 search and a rapidfuzz full scan,
on the same queries; with ``--semantic``, also the matcher with the optional embeddings (the claims'
vectors from ``benchmarks.embed_quality``'s cache, each question embedded live, so its time is
the bot's). Prints a Markdown table (MAP@1, MAP@5, MRR, Recall@10, median ms/query)
and writes it to ``benchmarks/results/quality.md``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from adapters.cli.evaluate import build_base, load_qrels, load_queries, metrics, run_queries
from benchmarks.common import SPLITS, Bm25Baseline, FuzzyScan, bench_dir, semantic_indexes
from knowledge.archive import ArchiveRow, read_tsv
from knowledge.matching import Matcher, MatchSettings

RESULTS = Path(__file__).resolve().parent / "results"


def read_claims(path: Path) -> list[tuple[str, str, str]]:
    """(id, claim, title) of every importable row of an archive."""
    return [
        (row.id, row.claim, row.title or "")
        for row in read_tsv(path)
        if isinstance(row, ArchiveRow)
    ]


def timed_search(
    search: Callable[[str], list[str]], queries: list[tuple[str, str]]
) -> tuple[dict[str, list[str]], float]:
    runs: dict[str, list[str]] = {}
    times = []
    for qid, text in queries:
        start = time.perf_counter()
        runs[qid] = search(text)
        times.append((time.perf_counter() - start) * 1000)
    return runs, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--split", default="dev", help="query split: dev or train")
    parser.add_argument("--no-fuzzy", action="store_true", help="skip the slow rapidfuzz scan")
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="also the matcher with the optional embeddings (claim vectors from"
        " benchmarks.embed_quality's cache, questions embedded live)",
    )
    parser.add_argument("--cache", help="vector cache folder (benchmarks.embed_quality's)")
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    semantic = semantic_indexes(args.cache, live_questions=True) if args.semantic else None
    rows = [
        "| collection | method | MAP@1 | MAP@5 | MRR | Recall@10 | median ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in SPLITS:
        data = folder / name
        queries = load_queries(data / f"queries.{args.split}.tsv")
        qrels = load_qrels(data / f"qrels.{args.split}.tsv")
        claims = read_claims(data / "vclaims.tsv")
        results: list[tuple[str, dict[str, list[str]], float]] = []
        with tempfile.TemporaryDirectory() as directory:
            base = build_base(data / "vclaims.tsv", directory)
            runs = run_queries(Matcher(base), queries)
            results.append(
                (
                    "factbot matcher",
                    {r.qid: [c for c, _ in r.results] for r in runs},
                    statistics.median(r.ms for r in runs),
                )
            )
            if semantic is not None:
                # Ranking: the model asked for every question (no cascade, which only asks it
                # where the decision can change: benchmarks/cascade.py).
                every = MatchSettings(cascade=False)
                runs = run_queries(Matcher(base, every, semantic(base, data)), queries)
                results.append(
                    (
                        "factbot matcher + embeddings (optional extra)",
                        {r.qid: [c for c, _ in r.results] for r in runs},
                        statistics.median(r.ms for r in runs),
                    )
                )
            base.close()
        bm25 = Bm25Baseline(claims)
        results.append(("FTS5 bm25 (claim+title)", *timed_search(bm25.search, queries)))
        if not args.no_fuzzy:
            scan = FuzzyScan(claims)
            results.append(("rapidfuzz token_set full scan", *timed_search(scan.search, queries)))
        for method, ranked, median in results:
            m = metrics(ranked, qrels)
            rows.append(
                f"| {name} {args.split} | {method} | {m['MAP@1']:.3f} | {m['MAP@5']:.3f} "
                f"| {m['MRR']:.3f} | {m['Recall@10']:.3f} | {median:.1f} |"
            )
        print("\n".join(rows[-len(results) :]), file=sys.stderr)
    table = "\n".join(rows)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quality.md").write_text(table + "\n", "utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
