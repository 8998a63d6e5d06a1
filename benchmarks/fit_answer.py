"""Fit the matcher's answer model (``knowledge/matching/models.json``) on train splits.

    .venv/bin/python -m benchmarks.fit_answer [--data ../shared/bench] [--check dev]

Runs the split-half protocol of :mod:`benchmarks.decisions` on the 2020 train split (with
``--both``, the 2022 debates' too: the shipped model) with the bot's matcher, collects the
answer model's features of every query's best candidate and whether that candidate is right,
and fits a logistic regression (plain gradient descent, L2). Prints the weights to
paste into ``knowledge/matching/models.json`` and, for a range of confidence thresholds, the
answer precision and coverage it would give on train and on the ``--check`` split (the score
rules applied too, with ``--answer-threshold`` and ``--answer-margin``).

With ``--near-misses WEIGHT`` the English questions of the built-in base's public near-miss sets
(``benchmarks/data``: not the unseen one) are fitted on too, each weighing ``WEIGHT`` train
questions: the best claim right for an (a) question that names it, wrong for every other. The
curves then add those sets' and the unseen set's answers, right and wrong, among the questions
whose every other rule lets them be answered, with the shipped weights beside the fitted ones
(docs/benchmarks.md, "Refitting the answer model on the near misses").
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from adapters.cli.evaluate import average_precision, build_base, load_qrels, load_queries
from benchmarks.common import SPLITS, SemanticFactory, bench_dir, semantic_indexes
from benchmarks.decisions import protocol_results
from knowledge.matching import Matcher, MatchSettings
from knowledge.matching.model import (
    ANSWER_FEATURES,
    ANSWER_WEIGHTS,
    RERANK_FEATURES,
    SEMANTIC_ANSWER_FEATURES,
    SEMANTIC_ANSWER_WEIGHTS,
    SEMANTIC_RERANK_FEATURES,
)

Sample = tuple[tuple[float, ...], bool, bool, bool]  # features, right, first half, passes rules
# The built-in base's public near-miss sets fitted on with --near-misses, and the one checked.
NEAR_MISS_SETS = (
    "near_misses",
    "near_misses_probe",
    "near_misses_short_names",
    "near_misses_platforms",
)
UNSEEN_SET = "near_misses_unseen"
# One question's candidates: (claim id, re-ranker features) in the index's order, relevant ids.
Ranking = tuple[list[tuple[str, tuple[float, ...]]], set[str]]
RERANK_NEGATIVES = 10  # per right claim, the best-placed wrong candidates it is paired with


def collect(
    data: Path,
    split: str,
    threshold: float,
    margin: float,
    semantic: SemanticFactory | None = None,
) -> list[Sample]:
    # The model is off while collecting: the score rules alone say which queries could be
    # answered (with the model on, an answer may score below a suggestion's threshold). With
    # a semantic index every question is embedded (no cascade): the semantic model's features.
    settings = replace(
        MatchSettings(),
        cascade=False,
        answer_confidence=0.0,
        answer_threshold=threshold,
        answer_margin=margin,
        suggest_threshold=min(threshold, MatchSettings().suggest_threshold),
    )
    with tempfile.TemporaryDirectory() as directory:
        rows = protocol_results(data, split, settings, directory, semantic)
    return [
        (r.result.features, r.right, r.first_half, r.result.decision == "answer")
        for r in rows
        if r.result.features
    ]


def near_miss_samples(
    names: Sequence[str], semantic: bool, cache: str | None = None
) -> list[Sample]:
    """The English questions of these near-miss sets against the built-in base, as samples:
    right where an (a) question's best claim is its claim (every other question's best claim
    is wrong: the base has not checked what it asks); "first half" always."""
    from benchmarks import trust

    settings = replace(MatchSettings(), cascade=False, answer_confidence=0.0)
    factory = trust.semantic_factory(cache) if semantic else None
    samples: list[Sample] = []
    with trust.builtin_matcher(settings, factory) as matcher:
        for name in names:
            for row in trust.read_near_misses(trust.NEAR_MISSES.with_name(f"{name}.tsv")):
                result = matcher.match(row.text)
                if row.lang != "en" or not result.features or not result.matches:
                    continue
                right = row.group == "a" and result.matches[0].claim_id == row.claim
                passes = result.decision == "answer"
                samples.append((result.features, right, True, passes))
    return samples


def probability(weights: Sequence[float], x: Sequence[float]) -> float:
    """The logistic model's output for features ``x``."""
    return 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x, strict=True))))


def fit(
    samples: list[Sample],
    l2: float = 1e-3,
    steps: int = 3000,
    rate: float = 0.5,
    weighing: Sequence[float] | None = None,
) -> list[float]:
    """Logistic regression by gradient descent; ``weighing``: each sample's weight (1)."""
    weighing = weighing or [1.0] * len(samples)
    total = sum(weighing)
    weights = [0.0] * len(samples[0][0])
    for _ in range(steps):
        gradient = [0.0] * len(weights)
        for (x, right, _, _), weight in zip(samples, weighing, strict=True):
            p = probability(weights, x)
            for i, v in enumerate(x):
                gradient[i] += weight * (p - right) * v
        weights = [w - rate * (g / total + l2 * w) for w, g in zip(weights, gradient, strict=True)]
    return weights


def answered(samples: list[Sample], weights: Sequence[float], threshold: float) -> tuple[int, int]:
    """Right and wrong answers among ``samples`` that pass the other rules, at ``threshold``."""
    right = wrong = 0
    for x, is_right, _, passes in samples:
        p = probability(weights, x)
        if passes and p >= threshold:
            right += is_right
            wrong += not is_right
    return right, wrong


def curve(
    samples: list[Sample], weights: list[float], threshold: float
) -> tuple[float, float, int]:
    answers = correct = covered = 0
    first = sum(1 for s in samples if s[2]) or 1
    for x, right, first_half, passes in samples:
        p = probability(weights, x)
        if passes and p >= threshold:
            answers += 1
            correct += right
            covered += right and first_half
    return (correct / answers if answers else 1.0, covered / first, answers)


def rankings(data: Path, split: str, semantic: SemanticFactory | None = None) -> list[Ranking]:
    """Every judged question of the split with its candidates' re-ranker features."""
    queries = load_queries(data / f"queries.{split}.tsv")
    qrels = load_qrels(data / f"qrels.{split}.tsv")
    with tempfile.TemporaryDirectory() as directory:
        base = build_base(data / "vclaims.tsv", directory)
        matcher = Matcher(base, semantic=semantic(base, data) if semantic else None)
        found = [
            (matcher.rerank_features(text), qrels[qid]) for qid, text in queries if qrels.get(qid)
        ]
        base.close()
    return found


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems here are 15 × 15)."""
    n = len(vector)
    rows = [[*row, value] for row, value in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, n + 1):
                rows[r][c] -= factor * rows[col][c]
    solution = [0.0] * n
    for r in range(n - 1, -1, -1):
        rest = sum(rows[r][c] * solution[c] for c in range(r + 1, n))
        solution[r] = (rows[r][n] - rest) / rows[r][r]
    return solution


def fit_rerank(found: list[Ranking], l2: float = 1e-3, steps: int = 12) -> list[float]:
    """Pairwise logistic regression (Newton's method, L2): each right claim against the
    ``RERANK_NEGATIVES`` best-placed wrong candidates of its question."""
    pairs: list[list[float]] = []
    size = max(len(x) for candidates, _ in found for _, x in candidates)
    for candidates, relevant in found:
        if any(len(x) != size for _, x in candidates):
            continue  # a question in a script without spaces: ordered by closeness, not fitted
        right = [x for claim_id, x in candidates if claim_id in relevant]
        wrong = [x for claim_id, x in candidates if claim_id not in relevant][:RERANK_NEGATIVES]
        pairs.extend([a - b for a, b in zip(r, w, strict=True)] for r in right for w in wrong)
    weights = [0.0] * size
    for _ in range(steps):
        gradient = [l2 * w for w in weights]
        hessian = [[l2 if i == j else 0.0 for j in range(size)] for i in range(size)]
        for d in pairs:
            p = 1 / (
                1
                + math.exp(
                    -max(-30.0, min(30.0, sum(w * v for w, v in zip(weights, d, strict=True))))
                )
            )
            for i in range(size):
                gradient[i] -= (1 - p) * d[i] / len(pairs)
                scale = p * (1 - p) * d[i] / len(pairs)
                for j in range(size):
                    hessian[i][j] += scale * d[j]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step, strict=True)]
    return weights


def rerank_map5(found: list[Ranking], weights: list[float] | tuple[float, ...]) -> float:
    """MAP@5 when the candidates are ordered by the re-ranker (ties keep the index's order)."""
    if not found:
        return 0.0
    total = 0.0
    closeness = RERANK_FEATURES.index("closeness")
    for candidates, relevant in found:
        if any(len(x) != len(weights) for _, x in candidates):
            # Scripts without spaces have no cosine: the matcher orders them by closeness.
            ordered = sorted(candidates, key=lambda c: -c[1][closeness])
        else:
            ordered = sorted(
                candidates, key=lambda c: -sum(w * v for w, v in zip(weights, c[1], strict=True))
            )
        total += average_precision([claim_id for claim_id, _ in ordered], relevant, 5)
    return total / len(found)


def main_rerank(folder: Path, check: str, semantic: SemanticFactory | None) -> int:
    train = {name: rankings(folder / name, "train", semantic) for name in SPLITS}
    # L2 chosen on train: 0.001 for the lexical features; with the cosine, 0.01 (0.906 / 0.548
    # MAP@5 on the train splits against 0.903 / 0.537 at 0.001).
    weights = fit_rerank([r for name in SPLITS for r in train[name]], l2=0.01 if semantic else 1e-3)
    names = SEMANTIC_RERANK_FEATURES if semantic else RERANK_FEATURES
    label = "SEMANTIC_RERANK_WEIGHTS" if semantic else "RERANK_WEIGHTS"
    print(f"{label} = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    bm25_only = [1.0] + [0.0] * (len(names) - 1)
    print("| collection | split | MAP@5 re-ranked | MAP@5 bm25 order |\n|---|---|---|---|")
    for name in SPLITS:
        checked = rankings(folder / name, check, semantic)
        for split, found in (("train", train[name]), (check, checked)):
            print(
                f"| {name} | {split} | {rerank_map5(found, weights):.3f} "
                f"| {rerank_map5(found, bm25_only):.3f} |"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--check", default="dev", help="split to check the fit on")
    defaults = MatchSettings()
    parser.add_argument("--answer-threshold", type=float, default=defaults.answer_threshold)
    parser.add_argument("--answer-margin", type=float, default=defaults.answer_margin)
    parser.add_argument("--both", action="store_true", help="fit on both collections' train")
    parser.add_argument(
        "--rerank", action="store_true", help="fit the re-ranker (RERANK_WEIGHTS) instead"
    )
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="fit the models used with the optional embeddings (SEMANTIC_*; vector cache)",
    )
    parser.add_argument("--cache", help="vector cache folder (benchmarks.embed_quality's)")
    parser.add_argument(
        "--near-misses",
        type=float,
        metavar="WEIGHT",
        help="fit on the built-in base's public near misses (English) too, each weighing this",
    )
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    semantic = semantic_indexes(args.cache) if args.semantic else None
    if args.rerank:
        return main_rerank(folder, args.check, semantic)
    gates = (args.answer_threshold, args.answer_margin)
    train = {name: collect(folder / name, "train", *gates, semantic) for name in SPLITS}
    check = {name: collect(folder / name, args.check, *gates, semantic) for name in SPLITS}
    chosen = SPLITS if args.both else SPLITS[:1]
    samples = [sample for name in chosen for sample in train[name]]
    weighing = [1.0] * len(samples)
    near: dict[str, list[Sample]] = {}
    if args.near_misses is not None:
        near["public"] = near_miss_samples(NEAR_MISS_SETS, args.semantic, args.cache)
        near["unseen"] = near_miss_samples((UNSEEN_SET,), args.semantic, args.cache)
        samples += near["public"]
        weighing += [args.near_misses] * len(near["public"])
    weights = fit(samples, weighing=weighing)
    print("fitted on the train split of", ", ".join(chosen), "and the near misses" * bool(near))
    prefix = "SEMANTIC_" if semantic else ""
    print(f"{prefix}ANSWER_FEATURES =", SEMANTIC_ANSWER_FEATURES if semantic else ANSWER_FEATURES)
    print(f"{prefix}ANSWER_WEIGHTS = (" + ", ".join(f"{w:.2f}" for w in weights) + ")")
    for name in SPLITS:
        print(f"\n{name}")
        print(
            "| confidence ≥ | train precision | train coverage | answers "
            f"| {args.check} precision | {args.check} coverage | answers |"
        )
        print("|---|---|---|---|---|---|---|")
        for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
            tp, tc, tn = curve(train[name], weights, threshold)
            cp, cc, cn = curve(check[name], weights, threshold)
            print(f"| {threshold} | {tp:.3f} | {tc:.3f} | {tn} | {cp:.3f} | {cc:.3f} | {cn} |")
    if near:
        shipped = SEMANTIC_ANSWER_WEIGHTS if args.semantic else ANSWER_WEIGHTS
        print("\nnear misses, English: right / wrong answers among those the other rules let by")
        print(
            "| confidence ≥ | public, fitted | public, shipped | unseen, fitted | unseen, shipped |"
        )
        print("|---|---|---|---|---|")
        for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
            cells = [
                "{} / {}".format(*answered(near[kind], model, threshold))
                for kind in ("public", "unseen")
                for model in (weights, shipped)
            ]
            print(f"| {threshold} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
