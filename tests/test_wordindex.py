"""The in-memory bm25 of the word index: FTS5's own ranking, exactly, and kept current."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from knowledge.archive import import_tsv
from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher
from knowledge.matching.candidates import fts_word_query
from knowledge.matching.wordindex import Tokenizer, WordIndex
from knowledge.models import Claim, Status
from knowledge.store import ClaimBase, claim_candidates

VOCABULARY = (  # noqa: SIM905
    "vaccine protest election fraud border wall tax rate climate carbon police army "
    "myanmar coup terrorist paid cash vote ballot senate governor bridge flood wildfire "
    "virus mask school teacher budget deficit jobs wage immigrant crime prison oil "
    "protesters protesting voted voting taxes taxed walls"
).split()
MODERATOR = Actor("console", "moderator")


def archive(tmp_path: Path, claims: int, seed: int = 7) -> Path:
    """Claims of random lengths from a small vocabulary (words repeat within a claim and
    across claim and title, so term frequency and length both matter)."""
    rng = random.Random(seed)
    lines = ["vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra"]
    for i in range(claims):
        text = " ".join(rng.choices(VOCABULARY, k=rng.randint(3, 40)))
        title = " ".join(rng.choices(VOCABULARY, k=rng.randint(0, 8)))
        lines.append(f"c{i}\t{text}\t{title}\t\t\t\t")
    path = tmp_path / "claims.tsv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.fixture
def generated(tmp_path: Path) -> ClaimBase:
    base = ClaimBase.open(tmp_path / "words.db", seed=False)
    import_tsv(base, archive(tmp_path, 400))
    return base


def in_memory(
    base: ClaimBase, weights: tuple[float, float, float] = (1.0, 1.0, 1.0), **options: int
) -> WordIndex:
    """The index held in memory, however small the base (below ``fts5_below`` FTS5 ranks)."""
    return WordIndex(base, weights, fts5_below=0, **options)


def questions(count: int, seed: int = 3) -> list[list[str]]:
    rng = random.Random(seed)
    return [rng.sample(VOCABULARY, rng.randint(1, 9)) for _ in range(count)]


def test_candidates_are_fts5_bm25_exactly(generated: ClaimBase) -> None:
    index = in_memory(generated)
    for words in questions(150):
        expected = claim_candidates(generated, fts_word_query(words), 15, (1.0, 1.0, 1.0))
        assert index.candidates(words, 15) == expected  # same claims, same order, same floats


@pytest.mark.parametrize("weights", [(1.0, 0.5, 2.0), (1.0, 0.3, 0.7)])
def test_column_weights_as_fts5_weighs_them(
    generated: ClaimBase, weights: tuple[float, float, float]
) -> None:
    # (0.3 and 0.7 sum to frequencies float32 cannot hold exactly: those lists stay float64.)
    index = in_memory(generated, weights)
    for words in questions(60, seed=5):
        expected = claim_candidates(generated, fts_word_query(words), 15, weights)
        got = index.candidates(words, 15)
        assert got is not None
        assert [c for c, _ in got] == [c for c, _ in expected]
        assert [s for _, s in got] == pytest.approx([s for _, s in expected], rel=1e-12)


def test_word_counts_are_the_index_counts(generated: ClaimBase) -> None:
    index = in_memory(generated)
    words = [*VOCABULARY, "unknownword", "protested"]
    counts = index.frequencies(words)
    for word in words:
        row = generated.db.execute(
            "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", [f'"{word}"']
        ).fetchone()
        assert counts[word] == row[0], word
    assert counts["unknownword"] == 0
    # stemmed as the index stems: "protested" counts the claims saying "protesters" too
    assert counts["protested"] == counts["protest"] > 0


def test_a_small_memory_changes_nothing(generated: ClaimBase) -> None:
    whole, lazy = in_memory(generated), in_memory(generated, resident_postings=50)
    for words in questions(40, seed=11):
        assert lazy.candidates(words, 15) == whole.candidates(words, 15)
    assert whole._complete and not lazy._complete
    assert lazy._held <= 50 or len(lazy._postings) == 1  # the least recently used went


def agrees_with_fts5(index: WordIndex, base: ClaimBase, seed: int) -> None:
    for words in questions(40, seed=seed):
        expected = claim_candidates(base, fts_word_query(words), 15, (1.0, 1.0, 1.0))
        assert index.candidates(words, 15) == expected
    fresh = in_memory(base)
    fresh.candidates(["vaccine"], 1)
    assert (index._rows, index._total) == (fresh._rows, fresh._total)
    assert index._counts == fresh._counts
    assert np.array_equal(index._lengths[: len(fresh._lengths)], fresh._lengths)


@pytest.mark.parametrize("resident", [4_000_000, 200], ids=["whole", "partly"])
def test_changes_by_another_process_are_patched_in(
    generated: ClaimBase, tmp_path: Path, resident: int
) -> None:
    index = in_memory(generated, resident_postings=resident)
    agrees_with_fts5(index, generated, seed=1)
    assert index.candidates(["zeppelin"], 5) == []
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 0}
    loads = 0
    original = index._load_all

    def counting() -> None:
        nonlocal loads
        loads += 1
        original()

    index._load_all = counting  # type: ignore[method-assign]
    other = ClaimBase.open(tmp_path / "words.db", seed=False)
    desk = Desk(other, Matcher(other))
    desk.claims.add_alias("c3", "zeppelin sightings over the bay", MODERATOR)
    found = index.candidates(["zeppelin", "bay"], 5)
    assert found is not None and found[0][0] == "c3"
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 1}
    agrees_with_fts5(index, generated, seed=2)
    # edits replace words (the old ones must go), new claims add documents
    desk.claims.edit("c5", "claim", "vaccine vaccine vaccine zeppelin", MODERATOR)
    desk.claims.edit("c3", "claim", "a border wall", MODERATOR)
    for i in range(5):
        claim = Claim(f"new{i}", f"zeppelin vaccine tax number {i}", "false", "False")
        desk.claims.add(claim, MODERATOR)
    agrees_with_fts5(index, generated, seed=3)
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 7}
    # a retraction takes the claim out at once (the index keeps it; the ranking drops it)
    desk.claims.set_status("new0", Status.RETRACTED, MODERATOR, "duplicate")
    assert "new0" not in dict(index.candidates(["zeppelin"], 15) or [])
    agrees_with_fts5(index, generated, seed=7)
    desk.claims.set_status("new0", Status.PUBLISHED, MODERATOR, "restored")
    assert "new0" in dict(index.candidates(["zeppelin"], 15) or [])
    assert loads == 0  # all of it patched, none loaded afresh
    other.close()


def test_counts_are_held_in_a_byte_and_widened_when_an_edit_outgrows_it(
    generated: ClaimBase, tmp_path: Path
) -> None:
    index = in_memory(generated)  # 400 claims: held whole
    agrees_with_fts5(index, generated, seed=1)
    assert {p.freq.dtype for p in index._postings.values()} == {np.dtype(np.uint8)}
    other = ClaimBase.open(tmp_path / "words.db", seed=False)
    Desk(other, Matcher(other)).claims.edit("c5", "claim", "tax " * 300, MODERATOR)
    found = index.candidates(["tax"], 5)
    assert found is not None and found[0][0] == "c5"
    (term,) = index.tokenizer.terms(["tax"])["tax"]
    assert index._postings[term].freq.max() > 255  # held exactly, in a wider type
    agrees_with_fts5(index, generated, seed=2)
    other.close()


def test_retracted_claims_never_take_a_place(generated: ClaimBase) -> None:
    index = in_memory(generated)
    best = index.candidates(["vaccine", "mask"], 30)
    assert best is not None
    desk = Desk(generated, Matcher(generated))
    for claim_id, _ in best[:20]:
        desk.claims.set_status(claim_id, Status.RETRACTED, MODERATOR, "test")
    # the next 10 published ones, in the same order (FTS5's query keeps 10 spare rows only)
    assert index.candidates(["vaccine", "mask"], 10) == best[20:30]


def test_far_behind_or_many_changes_load_afresh(generated: ClaimBase, tmp_path: Path) -> None:
    index = in_memory(generated)
    index.candidates(["vaccine"], 5)
    other = ClaimBase.open(tmp_path / "words.db", seed=False)
    import_tsv(other, archive(tmp_path, 300, seed=8))  # more documents than PATCH_LIMIT
    agrees_with_fts5(index, generated, seed=4)
    with other.transaction() as db:  # more changes than the log keeps
        for i in range(300):
            db.execute("UPDATE claim_docs SET aliases = ? WHERE rowid = ?", [f"zeppelin {i}", 1])
    assert generated.db.execute("SELECT count(*) FROM claim_docs_log").fetchone()[0] <= 256
    agrees_with_fts5(index, generated, seed=5)
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 1}
    other.close()


def test_inside_a_write_transaction_fts5_answers(generated: ClaimBase) -> None:
    index = in_memory(generated)
    index.candidates(["vaccine"], 5)
    seq = index._seq
    with generated.transaction() as db:
        db.execute("UPDATE claim_docs SET aliases = 'zeppelin' WHERE rowid = 1")
        assert index.candidates(["zeppelin"], 5) is None  # the matcher asks FTS5
        assert index.frequencies(["zeppelin"]) == {"zeppelin": 1}
        assert index._seq == seq  # nothing learnt from a transaction that may roll back
        db.conn.rollback()
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 0}
    agrees_with_fts5(index, generated, seed=6)


def test_the_answers_log_does_not_reload_the_index(generated: ClaimBase) -> None:
    index = in_memory(generated)
    index.candidates(["vaccine"], 5)
    held = index._postings["vaccin"]
    Desk(generated, Matcher(generated)).answers.log(
        "console", "me", "vaccine?", "answer", "c1", "false"
    )
    index.candidates(["vaccine"], 5)
    assert index._postings["vaccin"] is held  # not read again


def test_a_word_fts5_reads_as_a_phrase_is_left_to_fts5(base: ClaimBase) -> None:
    index = in_memory(base)
    # Burmese: the tokenizer splits this word into several terms, a phrase query.
    assert index.candidates(["ဆန္ဒပြသူများ"], 5) is None
    assert index.frequencies(["ဆန္ဒပြသူများ"])["ဆန္ဒပြသူများ"] == int(
        base.db.execute(
            "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", ['"ဆန္ဒပြသူများ"']
        ).fetchone()[0]
    )


def test_empty_base(tmp_path: Path) -> None:
    empty = ClaimBase.open(tmp_path / "empty.db", seed=False)
    index = in_memory(empty)
    assert index.candidates(["vaccine"], 5) == []
    assert index.frequencies(["vaccine"]) == {"vaccine": 0}
    assert index.candidates([], 5) == []


def test_long_claims_lengths_read_right(tmp_path: Path) -> None:
    # A column of 128 tokens or more takes a varint of two bytes in FTS5's docsize table.
    base = ClaimBase.open(tmp_path / "long.db", seed=False)
    lines = ["vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra"]
    rng = random.Random(9)
    for i in range(60):
        words = rng.choices(VOCABULARY, k=rng.choice([5, 127, 128, 300, 20_000]))
        lines.append(f"long{i}\t{' '.join(words)}\t{' '.join(words[:200])}\t\t\t\t")
    (tmp_path / "long.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    import_tsv(base, tmp_path / "long.tsv")
    index = in_memory(base)
    for words in questions(30, seed=12):
        expected = claim_candidates(base, fts_word_query(words), 15, (1.0, 1.0, 1.0))
        assert index.candidates(words, 15) == expected


def test_the_tokenizer_stems_as_the_index_and_forgets_in_bulk() -> None:
    tokenizer = Tokenizer(remember=3)
    assert tokenizer.terms(["protesters", "voting"]) == {
        "protesters": ("protest",),
        "voting": ("vote",),
    }
    # more words than it remembers: it starts afresh and still answers every one
    words = ["walls", "taxed", "voting", "naïve", "ဆန္ဒပြသူများ"]
    assert tokenizer.terms(words) == {
        "walls": ("wall",),
        "taxed": ("tax",),
        "voting": ("vote",),
        "naïve": ("naiv",),
        "ဆန္ဒပြသူများ": ("ဆန", "ဒပ", "သ", "မ"),
    }
    assert tokenizer.counts(["a vote, a wall, walls"]) == [{"a": 2, "vote": 1, "wall": 2}]


def test_a_restored_backup_is_read_afresh(generated: ClaimBase, tmp_path: Path) -> None:
    # The restored file's log may number its entries like those the running bot has read, or
    # stop before them: the bot must not take it for "nothing changed" (knowledge.backup).
    from knowledge import backup

    db_path = tmp_path / "words.db"
    index = in_memory(generated)
    agrees_with_fts5(index, generated, seed=1)
    saved = tmp_path / "saved.db"
    backup.backup(db_path, saved)
    desk = Desk(generated, Matcher(generated))
    desk.claims.add(Claim("zep", "zeppelin sightings over the bay", "false", "False"), MODERATOR)
    assert dict(index.candidates(["zeppelin"], 5) or []).keys() == {"zep"}
    backup.restore(saved, db_path)
    assert index.candidates(["zeppelin"], 5) == []
    agrees_with_fts5(index, generated, seed=2)
    # and after the restore, changes are patched in again
    desk.claims.add(Claim("zep2", "zeppelin over the bay", "false", "False"), MODERATOR)
    assert dict(index.candidates(["zeppelin"], 5) or []).keys() == {"zep2"}
    agrees_with_fts5(index, generated, seed=3)


def test_a_small_base_is_ranked_by_fts5_and_only_its_counts_held(
    generated: ClaimBase, tmp_path: Path
) -> None:
    index = WordIndex(generated, fts5_below=500)  # 400 claims
    assert index.candidates(["vaccine", "mask"], 15) is None  # the matcher asks FTS5
    assert index.frequencies(["vaccine", "zeppelin"]) == in_memory(generated).frequencies(
        ["vaccine", "zeppelin"]
    )
    assert not index._postings
    other = ClaimBase.open(tmp_path / "words.db", seed=False)
    Desk(other, Matcher(other)).claims.add(
        Claim("zep", "zeppelin sightings over the bay", "false", "False"), MODERATOR
    )
    assert index.frequencies(["zeppelin"]) == {"zeppelin": 1}  # read again after a change
    other.close()


def test_a_base_grown_past_the_threshold_is_held_from_then_on(
    generated: ClaimBase, tmp_path: Path
) -> None:
    index = WordIndex(generated, fts5_below=500)
    assert index.candidates(["vaccine"], 5) is None
    other = ClaimBase.open(tmp_path / "words.db", seed=False)
    import_tsv(other, archive(tmp_path, 600, seed=8))  # c0..c599: 600 claims
    agrees_with_fts5(index, generated, seed=3)
    other.close()


def test_the_matcher_decides_alike_whether_fts5_or_memory_ranks(generated: ClaimBase) -> None:
    small, whole = Matcher(generated), Matcher(generated)
    small.source.words = WordIndex(generated, fts5_below=500)
    whole.source.words = in_memory(generated)
    for words in questions(40, seed=13):
        question = " ".join(words)
        assert small.match(question) == whole.match(question)
    assert whole.source.words._held_here and not small.source.words._held_here
