"""``factbot eval``: measure the matcher on claim-retrieval data in the CLEF CheckThat! format.

    factbot eval --claims vclaims.tsv --queries queries.dev.tsv --out run.jsonl \\
        [--qrels qrels.dev.tsv]

The claims go into a fresh temporary claim base through :func:`knowledge.archive.import_tsv`
(the product's import path); every query goes through exactly the bot's matcher, with the
matching settings of the configuration. With the embeddings extra installed (and
``embeddings`` not "off"), that matcher is the semantic one: every claim is embedded first, as
``factbot claims embed`` would (some 35 claims a second: minutes for a CLEF archive). One JSON
line per query is written to ``--out``::

    {"qid": "...", "decision": "answer", "ms": 3.1, "results": [{"id": "...", "score": 0.9}, ...]}

With ``--qrels``, MAP@1, MAP@5, MRR and Recall@10 (the official definitions: queries without a
relevant claim are skipped), the decision counts and the latency median and p99 are printed.
The command and its options are in :mod:`adapters.cli.eval_commands`; the matching benchmarks
read archives and score runs with the functions here.
"""

from __future__ import annotations

import csv
import json
import math
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from adapters.cli.progress import semantic_with_progress
from bot.config import Settings
from knowledge.archive import ArchiveError, import_tsv
from knowledge.matching import Matcher
from knowledge.store import ClaimBase

TOP_K = 10
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class QueryRun:
    """The matcher's output for one query."""

    qid: str
    decision: str
    ms: float
    results: tuple[tuple[str, float], ...]  # (claim id, score), best first

    def to_json(self) -> str:
        return json.dumps(
            {
                "qid": self.qid,
                "decision": self.decision,
                "ms": round(self.ms, 3),
                "results": [{"id": i, "score": s} for i, s in self.results],
            },
            ensure_ascii=False,
        )


def load_queries(path: str | Path) -> list[tuple[str, str]]:
    """(qid, text) pairs of a queries TSV with a ``qid  text`` header."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header or [h.strip().lstrip("\ufeff") for h in header[:2]] != ["qid", "text"]:
            raise ArchiveError(f"{path}: expected a header 'qid<TAB>text'")
        return [(row[0], "\t".join(row[1:])) for row in reader if row and row[0]]


def load_qrels(path: str | Path) -> dict[str, set[str]]:
    """TREC qrels (``qid 0 claim_id relevance``, no header): {qid: relevant claim ids}."""
    relevant: dict[str, set[str]] = {}
    for line in Path(path).read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 4:
            continue
        qid, _, claim_id, grade = parts[:4]
        if float(grade) > 0:
            relevant.setdefault(qid, set()).add(claim_id)
    return relevant


def average_precision(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """AP@k: the sum of precision at the rank of each relevant claim found in the top k,
    divided by the number of relevant claims."""
    found = total = 0.0
    for rank, claim_id in enumerate(ranked[:k], start=1):
        if claim_id in relevant:
            found += 1
            total += found / rank
    return total / len(relevant) if relevant else 0.0


def metrics(runs: Mapping[str, Sequence[str]], qrels: Mapping[str, set[str]]) -> dict[str, float]:
    """MAP@1, MAP@5, MRR and Recall@10 over the queries that have a relevant claim.

    A query with relevant claims but no run counts as a miss."""
    judged = [qid for qid, rel in qrels.items() if rel]
    if not judged:
        return {"MAP@1": 0.0, "MAP@5": 0.0, "MRR": 0.0, "Recall@10": 0.0, "queries": 0}
    ap1 = ap5 = rr = recall = 0.0
    for qid in judged:
        ranked = list(runs.get(qid, ()))
        relevant = qrels[qid]
        ap1 += average_precision(ranked, relevant, 1)
        ap5 += average_precision(ranked, relevant, 5)
        recall += len(relevant & set(ranked[:10])) / len(relevant)
        rr += next((1 / r for r, c in enumerate(ranked, start=1) if c in relevant), 0.0)
    n = len(judged)
    return {
        "MAP@1": ap1 / n,
        "MAP@5": ap5 / n,
        "MRR": rr / n,
        "Recall@10": recall / n,
        "queries": n,
    }


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` 0..1) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


def run_queries(matcher: Matcher, queries: Iterable[tuple[str, str]]) -> list[QueryRun]:
    """Match every query; keep its decision, its time and its top ranked claims."""
    runs = []
    for qid, text in queries:
        start = time.perf_counter()
        result = matcher.match(text)
        ms = (time.perf_counter() - start) * 1000
        top = tuple((m.claim_id, m.score) for m in result.ranked[:TOP_K])
        runs.append(QueryRun(qid, str(result.decision), ms, top))
    return runs


def summarise(
    runs: Sequence[QueryRun], qrels: Mapping[str, set[str]] | None, embedded: bool = False
) -> str:
    """The printed report: metrics (with qrels), decision counts, latency; ``embedded``: the
    semantic model was asked for every question, which the report says (the bot's cascade
    asks it only where it can change the decision, so its decisions and times differ)."""
    lines = []
    if qrels is not None:
        scores = metrics({r.qid: [c for c, _ in r.results] for r in runs}, qrels)
        lines.append(
            "MAP@1 {MAP@1:.3f}  MAP@5 {MAP@5:.3f}  MRR {MRR:.3f}  Recall@10 {Recall@10:.3f}"
            "  ({queries} judged queries)".format(**scores)
        )
    counts = Counter(r.decision for r in runs)
    lines.append(
        "decisions: " + ", ".join(f"{d} {counts.get(d, 0)}" for d in ("answer", "suggest", "none"))
    )
    times = [r.ms for r in runs]
    lines.append(
        f"latency: median {statistics.median(times) if times else 0.0:.2f} ms,"
        f" p99 {percentile(times, 0.99):.2f} ms over {len(times)} queries"
    )
    if embedded:
        lines.append(
            "(embeddings: the model was asked for every question, to measure ranking; the bot"
            " asks it only where it can change the decision)"
        )
    return "\n".join(lines)


def build_base(claims: str | Path, directory: str | Path) -> ClaimBase:
    """A fresh claim base in ``directory`` holding the archive's claims (no seed claims)."""
    base = ClaimBase.open(Path(directory) / "eval.db", seed=False)
    summary = import_tsv(base, claims)
    print(
        f"imported {summary.added:,} claims from {claims}"
        + (f" ({len(summary.rejected)} rows rejected)" if summary.rejected else ""),
        file=sys.stderr,
    )
    for line, reason in summary.rejected[:5]:
        print(f"  line {line}: {reason}", file=sys.stderr)
    return base


def evaluate(claims: str, queries: str, out: str, qrels: str | None, settings: Settings) -> int:
    """Match every query of ``queries`` against the ``claims`` archive, write the runs to
    ``out`` and print the summary (scored against ``qrels`` when given); the exit status. It
    never touches a real claim base."""
    try:
        asked = load_queries(queries)
        judged = load_qrels(qrels) if qrels else None
    except (OSError, ArchiveError) as error:
        print(f"factbot eval: {error}", file=sys.stderr)
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="factbot-eval-") as directory:
        try:
            base = build_base(claims, directory)
        except (OSError, ArchiveError) as error:
            print(f"factbot eval: {error}", file=sys.stderr)
            return EXIT_USAGE
        try:
            semantic, _ = semantic_with_progress(base, settings.matching)
            # A measurement of ranking: with embeddings the model is asked for every question,
            # not only where the bot's decision can change (the cascade, MatchSettings.cascade).
            matcher = Matcher(base, replace(settings.matching, cascade=False), semantic)
            runs = run_queries(matcher, asked)
        finally:
            base.close()
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for query_run in runs:
            handle.write(query_run.to_json() + "\n")
    print(summarise(runs, judged, embedded=semantic is not None))
    return 0
