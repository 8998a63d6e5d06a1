"""Embedding with a progress bar on standard error: the semantic vectors ``factbot claims
embed``, ``claims import`` and ``eval`` compute, a claim text embedded before read from the
vector cache instead."""

from __future__ import annotations

import sys
from typing import Any

from knowledge.matching import MatchSettings, SemanticIndex, semantic_index
from knowledge.store import ClaimBase, vector_cache_path


def semantic_with_progress(
    base: ClaimBase, matching: MatchSettings
) -> tuple[SemanticIndex | None, int]:
    """The bot's optional semantic index of ``base`` with every claim embedded first (a
    progress bar on standard error while it embeds), and how many were embedded. A claim text
    embedded before (``factbot eval`` again, an archive imported again) is read from the
    vector cache (``~/.cache/factbot/vectors.sqlite3``), not embedded again."""
    with EmbeddingProgress() as progress:
        index = semantic_index(
            base,
            matching.embeddings,
            engine=matching.embedding_engine,
            sync_limit=None,
            progress=progress,
            vector_cache=vector_cache_path(),
        )
    return index, progress.done


class EmbeddingProgress:
    """A ``progress(done, total)`` callback for :meth:`VectorIndex.sync`: a progress bar on
    standard error, shown once there is something to embed. Use it as a context manager."""

    def __init__(self) -> None:
        self.done = 0
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(desc="embedding claims", unit=" claims", disable=None, file=sys.stderr)
        self._bar.total = total
        self._bar.update(done - self._bar.n)
        self.done = done

    def __enter__(self) -> EmbeddingProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
