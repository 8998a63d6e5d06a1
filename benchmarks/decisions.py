"""Decisions you can trust: the split-half protocol of the matching issue.

    .venv/bin/python -m benchmarks.decisions [--data ../shared/bench] [--split dev]

The split's queries are cut in two halves (file order). The relevant claims of the second half
are retracted from the claim base, together with their near-duplicate copies (same text once
punctuation and case are folded), so for those queries the right answer is "I don't know".
Claims also relevant to a first-half query stay. Every query then runs through the bot's
matcher with the shipped thresholds. An ``answer`` is correct when its claim is relevant (or a
near-duplicate copy of a relevant claim), whichever half its query is in. Reports answer
precision (correct answers / answers), coverage (correct answers to first-half queries /
first-half queries), the suggest rate (over all queries) and how often a suggestion's first
claim is a relevant one (never, for the second half). ``--suggest-confidence 0`` decides as
before the matcher offered the answer model's near misses.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from adapters.cli.evaluate import build_base, load_qrels, load_queries
from benchmarks.common import SPLITS, SemanticFactory, bench_dir, semantic_indexes
from knowledge.matching import Matcher, MatchResult, MatchSettings
from knowledge.matching import text as textlib
from knowledge.models import Decision
from knowledge.store import ClaimBase


def fold(text: str) -> str:
    """A claim text with punctuation, quote marks and case folded away."""
    return textlib.normalise(text)


def near_duplicates(base: ClaimBase) -> dict[str, set[str]]:
    """Every claim id → the ids of the claims with the same folded text (itself included)."""
    groups: dict[str, set[str]] = {}
    for claim_id, text in base.db.execute("SELECT id, claim FROM claims"):
        groups.setdefault(fold(text), set()).add(claim_id)
    return {claim_id: group for group in groups.values() for claim_id in group}


@dataclass(frozen=True, slots=True)
class ProtocolRow:
    qid: str
    first_half: bool
    right: bool  # the best candidate is relevant (or a copy of a relevant claim)
    result: MatchResult


def protocol_results(
    data: Path,
    split: str,
    settings: MatchSettings,
    directory: str,
    semantic: SemanticFactory | None = None,
) -> list[ProtocolRow]:
    """Every judged query of the split through the matcher, the second half's relevant claims
    (and their copies) retracted first; claims also relevant to the first half stay."""
    queries = load_queries(data / f"queries.{split}.tsv")
    qrels = load_qrels(data / f"qrels.{split}.tsv")
    queries = [(qid, text) for qid, text in queries if qrels.get(qid)]
    half = len(queries) // 2
    first, second = queries[:half], queries[half:]
    base = build_base(data / "vclaims.tsv", directory)
    copies = near_duplicates(base)

    def widened(ids: set[str]) -> set[str]:
        return {c for claim_id in ids for c in copies.get(claim_id, {claim_id})}

    keep = widened({c for qid, _ in first for c in qrels[qid]})
    removed = widened({c for qid, _ in second for c in qrels[qid]}) - keep
    with base.transaction():
        base.db.conn.executemany(
            "UPDATE claims SET status = 'retracted' WHERE id = ?", [(c,) for c in removed]
        )
    matcher = Matcher(base, settings, semantic(base, data) if semantic else None)
    first_ids = {qid for qid, _ in first}
    rows = []
    for qid, text in queries:
        result = matcher.match(text)
        right = bool(result.ranked) and result.ranked[0].claim_id in widened(qrels[qid])
        rows.append(ProtocolRow(qid, qid in first_ids, right, result))
    base.close()
    return rows


def evaluate_split(
    data: Path,
    split: str,
    settings: MatchSettings,
    directory: str,
    semantic: SemanticFactory | None = None,
) -> dict[str, float]:
    return summarise(protocol_results(data, split, settings, directory, semantic))


def summarise(rows: list[ProtocolRow]) -> dict[str, float]:
    """The split-half figures of :func:`protocol_results`' rows."""
    first = sum(1 for r in rows if r.first_half)
    answered = [r for r in rows if r.result.decision == Decision.ANSWER]
    correct = sum(1 for r in answered if r.right)
    covered = sum(1 for r in answered if r.right and r.first_half)
    decisions = Counter(str(r.result.decision) for r in rows)
    suggested = [r for r in rows if r.result.decision == Decision.SUGGEST]
    return {
        "queries": len(rows),
        "answers": len(answered),
        "correct": correct,
        "precision": correct / len(answered) if answered else 1.0,
        "coverage": covered / first if first else 0.0,
        "suggest_rate": decisions.get("suggest", 0) / len(rows) if rows else 0.0,
        # over the second half's queries, whose right claims were retracted
        "suggest_rate_out": (
            sum(1 for r in suggested if not r.first_half) / (len(rows) - first)
            if len(rows) > first
            else 0.0
        ),
        # how often the first suggestion is a right claim (none is, for the second half)
        "suggest_right": sum(r.right for r in suggested) / len(suggested) if suggested else 0.0,
        "none_rate": decisions.get("none", 0) / len(rows) if rows else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--split", default="dev", help="query split: dev or train")
    parser.add_argument(
        "--semantic", action="store_true", help="with the optional embeddings (vector cache)"
    )
    parser.add_argument("--cache", help="vector cache folder (benchmarks.embed_quality's)")
    parser.add_argument(
        "--suggest-confidence",
        type=float,
        default=MatchSettings().suggest_confidence,
        help="the matcher's suggest_confidence (0: off, as before it existed)",
    )
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    semantic = semantic_indexes(args.cache) if args.semantic else None
    settings = MatchSettings(suggest_confidence=args.suggest_confidence)
    rows = [
        "| collection | answers | answer precision | coverage | suggest rate "
        "| first suggestion right | none rate |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in SPLITS:
        with tempfile.TemporaryDirectory() as directory:
            r = evaluate_split(folder / name, args.split, settings, directory, semantic)
        rows.append(
            f"| {name} {args.split} | {r['answers']} | {r['precision']:.3f} "
            f"| {r['coverage']:.3f} | {r['suggest_rate']:.3f} | {r['suggest_right']:.3f} "
            f"| {r['none_rate']:.3f} |"
        )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
