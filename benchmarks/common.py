"""What the benchmarks share: where the data is, and the two baselines the matcher is measured
against (a plain FTS5 bm25 search and a rapidfuzz full scan)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

from knowledge import text as textlib
from knowledge.matcher import fts_word_query

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
