"""Claim vectors kept on disk by the text they embed, so nothing is embedded twice.

Embedding is the slow part of the optional semantic matching (some 35 claims a second here):
``factbot eval`` builds a fresh claim base every run, and an archive imported into a new base
holds texts embedded before. :class:`PassageCache` wraps an embedder: a claim text's vector is
looked up by the model's name and the text's SHA-1 in a small SQLite file (``vectors.sqlite3``
in the user's cache folder, readable by its owner only) and only the texts never seen are
embedded. Vectors are stored as the model gave them (float32), so a cached vector is the
model's to the last bit. Questions are not kept here (the index keeps recent ones in memory).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.matching.embeddings import Embedder, text_hash

if TYPE_CHECKING:
    import numpy as np

    from knowledge.matching.embeddings import Vectors
else:
    from knowledge.deferred import numpy as np

log = logging.getLogger(__name__)


class VectorStore:
    """float32 vectors by (model, text hash), in one SQLite file, opened when first asked (a
    bot whose claims all have their vectors never opens it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @property
    def conn(self) -> sqlite3.Connection:
        """The file's connection, made with the file (its owner's only) and its table."""
        if self._conn is None:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)
            conn = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, hash TEXT NOT NULL, "
                "vector BLOB NOT NULL, PRIMARY KEY (model, hash)) WITHOUT ROWID"
            )
            self._conn = conn
        return self._conn

    def get_many(self, model: str, hashes: Iterable[str]) -> dict[str, Vectors]:
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, Vectors] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT hash, vector FROM vectors WHERE model = ? AND hash IN ({marks})",
                    [model, *chunk],
                )
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, items: Iterable[tuple[str, Vectors]]) -> None:
        rows = [(model, key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items]
        with self._lock, self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


class PassageCache:
    """An :class:`~knowledge.matching.embeddings.Embedder` that asks the model only for claim
    texts it has never embedded; ``embedded`` counts those it did."""

    def __init__(self, inner: Embedder, store: VectorStore) -> None:
        self.inner = inner
        self.store = store
        self.name = inner.name
        self.dim = inner.dim
        self.embedded = 0

    def query(self, texts: list[str]) -> Vectors:
        return self.inner.query(texts)

    def passage(self, texts: list[str]) -> Vectors:
        """The texts' vectors, those never embedded asked of the model and kept. A cache that
        fails (a read-only home, its disk full, locked for longer than the timeout) costs time,
        not vectors."""
        keys = [text_hash(t) for t in texts]
        try:
            found = self.store.get_many(self.name, keys)
        except (OSError, sqlite3.Error) as error:
            log.warning("the vector cache is not read (%s)", error)
            found = {}
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            fresh = np.asarray(self.inner.passage([texts[i] for i in missing]), np.float32)
            self.embedded += len(missing)
            try:
                self.store.put_many(self.name, ((keys[i], fresh[n]) for n, i in enumerate(missing)))
            except (OSError, sqlite3.Error) as error:
                log.warning("the vector cache is not written (%s)", error)
            for n, i in enumerate(missing):
                found[keys[i]] = fresh[n]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = found[key]
        return out
