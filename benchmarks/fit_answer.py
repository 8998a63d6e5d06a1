"""Fit the matcher's answer model (``knowledge.matcher.ANSWER_WEIGHTS``) on train splits.

    .venv/bin/python -m benchmarks.fit_answer [--data ../shared/bench] [--check dev]

Runs the split-half protocol of :mod:`benchmarks.decisions` on the 2020 train split (with
``--both``, the 2022 debates' too: the shipped model) with the bot's matcher, collects the
answer model's features of every query's best candidate and whether that candidate is right,
and fits a logistic regression (plain gradient descent, L2). Prints the weights to paste into
``knowledge/matcher.py`` and, for a range of confidence thresholds, the answer precision and
coverage it would give on train and on the ``--check`` split (the score rules applied too, with
``--answer-threshold`` and ``--answer-margin``).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from benchmarks.common import SPLITS, bench_dir
from benchmarks.decisions import protocol_results
from knowledge.matcher import ANSWER_FEATURES, MatchSettings

Sample = tuple[tuple[float, ...], bool, bool, bool]  # features, right, first half, passes rules


def collect(data: Path, split: str, threshold: float, margin: float) -> list[Sample]:
    # The model is off while collecting: the score rules alone say which queries could be
    # answered.
    settings = replace(
        MatchSettings(), answer_confidence=0.0, answer_threshold=threshold, answer_margin=margin
    )
    with tempfile.TemporaryDirectory() as directory:
        rows = protocol_results(data, split, settings, directory)
    return [
        (r.result.features, r.right, r.first_half, r.result.decision == "answer")
        for r in rows
        if r.result.features
    ]


def fit(
    samples: list[Sample], l2: float = 1e-3, steps: int = 3000, rate: float = 0.5
) -> list[float]:
    weights = [0.0] * len(samples[0][0])
    for _ in range(steps):
        gradient = [0.0] * len(weights)
        for x, right, _, _ in samples:
            p = 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x, strict=True))))
            for i, v in enumerate(x):
                gradient[i] += (p - right) * v
        weights = [
            w - rate * (g / len(samples) + l2 * w) for w, g in zip(weights, gradient, strict=True)
        ]
    return weights


def curve(
    samples: list[Sample], weights: list[float], threshold: float
) -> tuple[float, float, int]:
    answers = correct = covered = 0
    first = sum(1 for s in samples if s[2]) or 1
    for x, right, first_half, passes in samples:
        p = 1 / (1 + math.exp(-sum(w * v for w, v in zip(weights, x, strict=True))))
        if passes and p >= threshold:
            answers += 1
            correct += right
            covered += right and first_half
    return (correct / answers if answers else 1.0, covered / first, answers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--check", default="dev", help="split to check the fit on")
    defaults = MatchSettings()
    parser.add_argument("--answer-threshold", type=float, default=defaults.answer_threshold)
    parser.add_argument("--answer-margin", type=float, default=defaults.answer_margin)
    parser.add_argument("--both", action="store_true", help="fit on both collections' train")
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    gates = (args.answer_threshold, args.answer_margin)
    train = {name: collect(folder / name, "train", *gates) for name in SPLITS}
    check = {name: collect(folder / name, args.check, *gates) for name in SPLITS}
    chosen = SPLITS if args.both else SPLITS[:1]
    weights = fit([sample for name in chosen for sample in train[name]])
    print("fitted on the train split of", ", ".join(chosen))
    print("ANSWER_FEATURES =", ANSWER_FEATURES)
    print("ANSWER_WEIGHTS = (" + ", ".join(f"{w:.2f}" for w in weights) + ")")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
