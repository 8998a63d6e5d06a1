"""Every near-miss set at once, one line a set, and the totals of each family of sets.

    .venv/bin/python -m benchmarks.near_miss_sets [--semantic] [--listing DIR]

Runs :func:`benchmarks.trust.near_misses` on each ``benchmarks/data/near_misses*.tsv``, as
written and typed in small letters, against the built-in base, and prints for each set: the
rewordings (a) answered with their claim, by language; those answered with another claim; the
questions about something else (b) and the other Myanmar claims (c) answered, as written and
in small letters. The families are the public set (``near_misses.tsv``), the unseen one, the
blind probes (``near_misses_blind*.tsv``, written by helpers blind to the code) and the rest.

``--listing DIR`` writes each set's misses (every (a) not answered with its claim, every (b)
or (c) answered), one line each and sorted, to ``DIR/<set>.txt``: run it with the code before
and after a change and ``diff -r`` the two folders to see every question that moved. A change
to matching or decisions is measured so, with both installs, before it lands.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from benchmarks.trust import NEAR_MISSES, IndexFactory, near_misses, semantic_factory
from knowledge.matching import MatchSettings

LANGUAGES = ("en", "my", "zh", "ru")
FAMILIES = ("public", "unseen", "blind", "other")


def family(path: Path) -> str:
    """Which family a near-miss set belongs to, by its file's name."""
    if path.name == NEAR_MISSES.name:
        return "public"
    if path.stem.startswith("near_misses_blind"):
        return "blind"
    if path.stem == "near_misses_unseen":
        return "unseen"
    return "other"


def sets(folder: Path = NEAR_MISSES.parent) -> list[Path]:
    """Every near-miss set of ``folder``, the public one first."""
    return sorted(folder.glob("near_misses*.tsv"), key=lambda p: (p != NEAR_MISSES, p.name))


def counts(written: Mapping[str, Any], small: Mapping[str, Any]) -> Counter[str]:
    """One set's figures from :func:`near_misses` as written and in small letters: ``a <lang>``
    and ``a <lang> right`` (questions, answered with their claim), ``a wrong``, ``b`` and ``c``
    answered, ``b small`` and ``c small`` answered typed in small letters."""
    found: Counter[str] = Counter()
    for suffix, result in (("", written), (" small", small)):
        for key, tally in result["tallies"].items():
            group, lang = key.split()
            if group == "a":
                if not suffix:
                    found[f"a {lang}"] += tally.get("questions", 0)
                    found[f"a {lang} right"] += tally.get("right", 0)
                    found["a wrong"] += tally.get("wrong", 0)
            else:
                found[f"{group}{suffix}"] += tally.get("answer", 0)
    return found


def row(name: str, found: Counter[str]) -> str:
    rewordings = " | ".join(
        f"{found[f'a {lang} right']}/{found[f'a {lang}']}" for lang in LANGUAGES
    )
    return (
        f"| {name} | {rewordings} | {found['a wrong']} | {found['b']} | {found['c']} "
        f"| {found['b small']} | {found['c small']} |"
    )


def table(rows: Iterable[str]) -> str:
    head = (
        "| set | (a) right en | my | zh | ru | (a) wrong claim | (b) answered | (c) answered "
        "| (b) small letters | (c) small letters |\n"
        "|---|---|---|---|---|---|---|---|---|---|"
    )
    return "\n".join([head, *rows])


def listing(written: Mapping[str, Any], small: Mapping[str, Any]) -> list[str]:
    """One set's misses, as written and in small letters, a line each, sorted."""
    lines = []
    for how, result in (("as written", written), ("small letters", small)):
        for group, lang, text, outcome in result["misses"]:
            lines.append(f"{how}\t{group}\t{lang}\t{outcome}\t{text}")
    return sorted(lines)


def run(
    paths: list[Path], settings: MatchSettings, semantic: IndexFactory | None, out: Path | None
) -> str:
    """The report of every set of ``paths``; each set's misses written to ``out`` if given."""
    per_set: list[str] = []
    totals = {name: Counter[str]() for name in FAMILIES}
    for path in paths:
        written = near_misses(settings, semantic, path)
        small = near_misses(settings, semantic, path, small_letters=True)
        found = counts(written, small)
        totals[family(path)].update(found)
        per_set.append(row(path.stem.removeprefix("near_misses_") or "public", found))
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{path.stem}.txt").write_text(
                "\n".join(listing(written, small)) + "\n", encoding="utf-8"
            )
    by_family = [row(name, totals[name]) for name in FAMILIES if totals[name]]
    matcher = "words and embeddings" if semantic else "words only"
    return (
        f"matcher: {matcher}\n\n### Every near-miss set\n{table(per_set)}\n\n"
        f"### By family\n{table(by_family)}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--semantic", action="store_true", help="with the optional embeddings")
    parser.add_argument("--cache", help="vector cache folder (benchmarks.embed_quality's)")
    parser.add_argument("--listing", type=Path, help="write each set's misses to this folder")
    parser.add_argument(
        "--sets", type=Path, nargs="+", help="near-miss sets (default: every one of the data)"
    )
    args = parser.parse_args(argv)
    semantic = semantic_factory(args.cache) if args.semantic else None
    print(run(args.sets or sets(), MatchSettings(), semantic, args.listing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
