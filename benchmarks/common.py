"""What the benchmarks share: where the data is, and the two baselines the matcher is measured
against (a plain FTS5 bm25 search and a rapidfuzz full scan)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from knowledge.matching import text as textlib
from knowledge.matching.candidates import fts_word_query

if TYPE_CHECKING:
    from knowledge.matching import SemanticIndex
    from knowledge.matching.embeddings import VectorIndex
    from knowledge.store import ClaimBase

# Builds a semantic index for a claim base holding a collection's claims (see semantic_indexes).
SemanticFactory = Callable[["ClaimBase", Path], "SemanticIndex"]

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
SPLITS = ("clef2020_2a_en", "clef2022_2b_en")


def bench_dir(path: str | None) -> Path | None:
    """The benchmark data folder (``path``, else ``../shared/bench``), or None with a message
    on standard error when it is absent: benchmarks skip rather than fail."""
    folder = Path(path) if path else DEFAULT_BENCH
    if not (folder / SPLITS[0] / "vclaims.tsv").exists():
        print(
            f"skipped: no benchmark data at {folder} (expected {SPLITS[0]}/vclaims.tsv);"
            " give the folder as --data PATH",
            file=sys.stderr,
        )
        return None
    return folder


class Bm25Baseline:
    """FTS5 bm25 over claim and title as one document, Porter stemming, stopwords dropped,
    URLs, @ and # stripped from the query: the README's reference "plain bm25"."""

    def __init__(self, claims: list[tuple[str, str, str]]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(
            "CREATE VIRTUAL TABLE docs USING fts5 (id UNINDEXED, text, tokenize='porter unicode61')"
        )
        self.conn.executemany(
            "INSERT INTO docs (id, text) VALUES (?, ?)",
            [(i, f"{c} {t}") for i, c, t in claims],
        )

    def search(self, query: str, k: int = 10) -> list[str]:
        words = textlib.content_words(textlib.normalise(query))
        if not words:
            return []
        sql = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"
        return [row[0] for row in self.conn.execute(sql, [fts_word_query(words, 64), k])]


class FuzzyScan:
    """The naive alternative: rapidfuzz ``process.extract`` with ``token_set_ratio`` over every
    claim text."""

    def __init__(self, claims: list[tuple[str, str, str]]) -> None:
        self.ids = [i for i, _, _ in claims]
        # Folded once up front, so each query pays only for the comparisons.
        self.texts = [textlib.normalise(c) for _, c, _ in claims]

    def search(self, query: str, k: int = 10) -> list[str]:
        found = process.extract(
            textlib.normalise(query), self.texts, scorer=fuzz.token_set_ratio, limit=k
        )
        return [self.ids[index] for _, _, index in found]


def semantic_indexes(
    cache: str | None = None, live_questions: bool = False, engine: str | None = None
) -> SemanticFactory:
    """A factory of semantic indexes (``knowledge.matching.embeddings``) for the benchmark
    bases, with the vectors of ``benchmarks.embed_quality``'s cache (``--cache``): a
    collection's claims and questions are embedded once, then read back. With
    ``live_questions`` every question is embedded by the model as the bot would (for latency).
    ``engine``: as ``benchmarks.vectors.load_model``. Needs the embeddings extra."""
    from benchmarks import vectors
    from knowledge.matching import embeddings

    folder = Path(cache) if cache else vectors.DEFAULT_CACHE
    model = vectors.load_model(engine=engine)
    recipe = embeddings.DEFAULT_RECIPE

    def build(base: ClaimBase, data: Path) -> VectorIndex:
        key = vectors.cache_key(data, model)
        passages = vectors.CachedEmbedder(model, folder / f"{key}-{recipe}")
        questions = vectors.CachedEmbedder(model, folder / f"{key}-queries")
        index = embeddings.VectorIndex(base, passages, recipe=recipe)
        index.sync()
        passages.save()
        if live_questions:
            return embeddings.VectorIndex(base, model, recipe=recipe)
        through = vectors.QueryThrough(questions, passages)
        return embeddings.VectorIndex(base, through, recipe=recipe)

    return build
