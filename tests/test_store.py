"""The claim base: migrations, seeding, the full-text index and file safety."""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlite_utils

from knowledge.migrations import STEPS, migrations
from knowledge.models import Alias, Claim, Source
from knowledge.store import ClaimBase
from tests.helpers import merged


def test_new_base_is_seeded_with_every_claim_of_the_article(base: ClaimBase) -> None:
    claims = {c.id: c for c in base.list_claims()}
    assert set(claims) == {
        "mm-protesters-paid",
        "mm-protests-became-terrorism",
        "mm-protesters-spread-fear",
        "mm-election-fraud",
    }
    paid = claims["mm-protesters-paid"]
    assert paid.verdict == "false" and paid.rating == "False"
    assert paid.claimant == "Min Aung Hlaing"
    assert "Sputnik" in (paid.appearance or "")
    assert paid.review_url is None  # the article gives none; none is invented
    fraud = claims["mm-election-fraud"]
    assert fraud.verdict == "unproven"
    assert fraud.rating == "Unsubstantiated and disputed"
    assert any("119 to 1" in (s.supports or "") for s in fraud.sources)
    assert all(len(c.aliases) >= 3 for c in claims.values())


def test_seed_sources_carry_the_articles_figures(base: ClaimBase) -> None:
    paid = base.get("mm-protesters-paid")
    assert paid is not None
    supports = " ".join(s.supports or "" for s in paid.sources)
    for figure in ("883", "5,224", "human shields", "militias", "bloodshed"):
        assert figure in supports
    assert all(s.url is None for s in paid.sources)  # the article cites no URL


def test_seeding_twice_adds_nothing_and_keeps_moderator_edits(db_path: Path) -> None:
    first = ClaimBase.open(db_path)
    count = first.count()
    first.db.execute(
        "UPDATE claims SET summary = 'edited by a moderator' WHERE id = ?", ["mm-election-fraud"]
    )
    first.db.conn.commit()
    first.db.execute("UPDATE claims SET status = 'retracted' WHERE id = ?", ["mm-protesters-paid"])
    first.db.conn.commit()
    first.close()

    second = ClaimBase.open(db_path)
    assert second.seed() == 0
    assert second.count(status=None) == count
    fraud = second.get("mm-election-fraud")
    assert fraud is not None and fraud.summary == "edited by a moderator"
    paid = second.get("mm-protesters-paid")
    assert paid is not None and paid.status == "retracted"
    assert second.db.execute("SELECT count(*) FROM sources").fetchone()[0] == sum(
        len(c.sources) for c in second.list_claims(include_retracted=True)
    )


def test_opening_a_base_again_writes_nothing_and_needs_no_sqlite_utils(db_path: Path) -> None:
    """Its migrations applied and its seed file taken in as it reads (table ``seeds``), a
    base opens with reads alone: no write lock for `factbot ask`, and no sqlite-utils."""
    ClaimBase.open(db_path).close()
    again = ClaimBase.open(db_path)
    try:
        assert again.conn.total_changes == 0
        assert again._db is None  # sqlite-utils not wrapped around it
        (taken,) = again.conn.execute("SELECT count(*) FROM seeds").fetchone()
        assert taken == 1
    finally:
        again.close()


def test_a_seed_file_that_changed_is_taken_in_again(db_path: Path) -> None:
    """A seed file whose text changed since the base took it in (an upgrade that adds a
    translation) is read again: what it adds is added, what a person changed is kept."""
    first = ClaimBase.open(db_path)
    with first.transaction() as db:
        db.execute("UPDATE seeds SET digest = 'an earlier seed file'")
        db.execute("DELETE FROM claim_translations WHERE language = 'ru'")
        db.execute("UPDATE claims SET summary = 'edited' WHERE id = 'mm-election-fraud'")
    first.close()
    again = ClaimBase.open(db_path)
    try:
        paid = again.get("mm-protesters-paid")
        assert paid is not None and "ru" in {t.language for t in paid.translations}
        fraud = again.get("mm-election-fraud")
        assert fraud is not None and fraud.summary == "edited"
        (digest,) = again.conn.execute("SELECT digest FROM seeds").fetchone()
        assert digest != "an earlier seed file"
    finally:
        again.close()


def write_old_file(
    path: Path,
    stop_before: str,
    *,
    title: str | None = None,
    aliases: tuple[str, ...] = (),
    copies: int = 0,
) -> None:
    """A claim base as an older version left it: migrations up to ``stop_before``, one claim
    (and ``copies`` more of it, each written alone: a segment each in the full-text indexes)."""
    old = sqlite_utils.Database(path)
    migrations().apply(old, stop_before=stop_before)
    row = {
        "id": "old-claim",
        "claim": "The bridge over the river was built in 1850",
        "verdict": "false",
        "rating": "False",
        "summary": "Built in 1901.",
        "status": "published",
        "created_at": "2020-01-01",
        "updated_at": "2020-01-01",
    }
    old.table("claims").insert({**row, "title": title} if title else row)
    for number in range(1, copies + 1):
        old.table("claims").insert({**row, "id": f"old-claim-{number}"})
    for text in aliases:
        old.table("aliases").insert({"claim_id": "old-claim", "text": text, "created_at": "x"})
    old.close()


def test_old_database_file_is_upgraded_in_place(db_path: Path) -> None:
    # A file written by a version that had only the first migration, with a claim in it.
    write_old_file(db_path, "m002_search_index", aliases=("when was the river bridge built",))

    base = ClaimBase.open(db_path)
    assert base.get("old-claim") is not None  # kept
    assert base.count() == 5  # plus the seed
    applied = {m.name for m in migrations().applied(base.db)}
    assert applied == {m.__name__ for m in STEPS}
    # the upgraded file has a search index that holds the old claim and its alias
    hits = dict(base.word_candidates('"bridge"', 5))
    assert "old-claim" in hits


def test_index_follows_every_write(base: ClaimBase) -> None:
    base.add_claim(
        Claim(
            id="c1",
            claim="Drinking bleach cures the flu",
            verdict="false",
            rating="False",
            sources=(Source("Health agency"),),
            aliases=(Alias("does bleach cure influenza"),),
        ),
        origin="test",
    )
    assert "c1" in dict(base.word_candidates('"bleach"', 5))
    assert "c1" in dict(base.word_candidates('"influenza"', 5))
    with base.transaction() as db:
        db.execute("UPDATE claims SET claim = 'Garlic cures the flu' WHERE id = 'c1'")
    assert "c1" not in dict(base.word_candidates('"drinking"', 5))
    assert "c1" in dict(base.word_candidates('"garlic"', 5))
    with base.transaction() as db:
        db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'c1'")
    assert "c1" not in dict(base.word_candidates('"garlic"', 5))


def test_failed_write_leaves_nothing_behind(base: ClaimBase) -> None:
    before = base.count(status=None)
    bad = Claim(
        id="mm-election-fraud",  # already exists: the insert fails
        claim="dup",
        verdict="false",
        rating="False",
        sources=(Source("x"),),
    )
    with contextlib.suppress(sqlite3.IntegrityError):
        base.add_claim(bad, origin="test")
    assert base.count(status=None) == before
    assert base.db.execute("SELECT count(*) FROM sources WHERE publisher = 'x'").fetchone()[0] == 0


def test_database_file_is_private_and_in_wal_mode(db_path: Path) -> None:
    base = ClaimBase.open(db_path)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert base.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert base.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert base.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_default_location_follows_factbot_db(monkeypatch: object, tmp_path: Path) -> None:
    from knowledge.store import default_db_path

    assert default_db_path() == tmp_path / "default.db"


def test_claim_search_index_is_added_to_an_old_file_and_follows_writes(db_path: Path) -> None:
    from knowledge.store import claim_candidates

    # A file written before m005, with a claim that has a title and two aliases.
    write_old_file(
        db_path,
        "m005_claim_search_index",
        title="Old bridge date",
        aliases=("when was the river bridge built", "age of the crossing"),
    )

    base = ClaimBase.open(db_path, seed=False)
    assert "m005_claim_search_index" in {m.name for m in migrations().applied(base.db)}

    def found(word: str) -> bool:
        return "old-claim" in dict(claim_candidates(base, f'"{word}"', 5, (1.0, 1.0, 1.0)))

    # backfilled: text, title and both aliases, as one document
    assert found("bridge") and found("date") and found("crossing")
    row = base.db.execute("SELECT title, aliases FROM claim_docs WHERE claim_id = 'old-claim'")
    title, aliases = row.fetchone()
    assert title == "Old bridge date"
    assert "when was the river bridge built" in aliases and "age of the crossing" in aliases
    with base.transaction() as db:
        db.execute("UPDATE claims SET claim = 'The tunnel opened in 1850' WHERE id = 'old-claim'")
        db.execute("UPDATE claims SET title = 'Tunnel age' WHERE id = 'old-claim'")
    assert found("tunnel") and not found("date")
    with base.transaction() as db:
        db.execute("DELETE FROM aliases WHERE text = 'age of the crossing'")
        db.execute(
            "INSERT INTO aliases (claim_id, text, created_at) VALUES ('old-claim', 'ferry', 'x')"
        )
        db.execute("UPDATE aliases SET text = 'pontoon' WHERE text = 'ferry'")
    assert not found("crossing") and found("pontoon") and not found("ferry")
    with base.transaction() as db:
        db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'old-claim'")
    assert not found("tunnel")  # retracted claims are not candidates
    with base.transaction() as db:
        db.execute("DELETE FROM aliases WHERE claim_id = 'old-claim'")
        db.execute("DELETE FROM claims WHERE id = 'old-claim'")
    assert base.db.execute("SELECT count(*) FROM claim_docs").fetchone()[0] == 0
    tunnel = "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH 'tunnel'"
    assert base.db.execute(tunnel).fetchone()[0] == 0
    # the index agrees with its content table (raises if not)
    base.db.execute("INSERT INTO claim_fts (claim_fts) VALUES ('integrity-check')")


def test_a_snapshot_reads_one_state_and_defers_to_a_write(db_path: Path) -> None:
    base = ClaimBase.open(db_path)
    other = ClaimBase.open(db_path)
    count = base.count()
    with base.snapshot() as own:
        assert own
        assert base.count() == count
        with other.transaction() as db:  # another process commits meanwhile
            db.execute("UPDATE claims SET status = 'retracted' WHERE id = 'mm-election-fraud'")
        assert base.count() == count  # still the state the snapshot began with
    assert base.count() == count - 1
    with base.transaction(), base.snapshot() as own:
        assert not own  # inside a write: that transaction, which may roll back
    base.close()
    other.close()


def test_a_seeded_base_has_its_full_text_indexes_merged(base: ClaimBase) -> None:
    # Written claim by claim, the indexes would be many segments, each looked in for every
    # term of every question.
    assert merged(base)
    # A moderator's change adds a segment (FTS5 merges them as they accumulate).
    base.add_claim(
        Claim(id="x", claim="The river bridge was built in 1850", verdict="false", rating="F"),
        origin="test",
    )
    assert not merged(base)


def test_merging_the_indexes_keeps_every_search_result(db_path: Path) -> None:
    base = ClaimBase.open(db_path, seed=False)
    for number in range(30):
        base.add_claim(
            Claim(
                id=f"c{number}",
                claim=f"Claim {number} says the bridge over river {number % 7} fell in 18{number}",
                verdict="false",
                rating="False",
            ),
            origin="test",
        )
    queries = ['"bridge" OR "river"', '"fell" OR "says"', '"claim"']
    grams = '"bri" OR "rid" OR "idg" OR "fel"'

    def results() -> list[list[tuple[str, float]]]:
        return [base.word_candidates(q, 10) for q in queries] + [base.trigram_candidates(grams, 10)]

    before = results()
    assert not merged(base)  # written a claim at a time; merged() merges them
    assert results() == before


def test_old_bases_get_their_indexes_merged_once(db_path: Path) -> None:
    write_old_file(db_path, "m015_fts_optimized", copies=4)
    base = ClaimBase.open(db_path, seed=False)
    assert merged(base)


def test_a_large_old_base_is_not_merged_on_opening(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening must not hold the write lock for long: a large base is merged at its next import.
    monkeypatch.setattr("knowledge.migrations.OPTIMIZE_UP_TO", 3)
    write_old_file(db_path, "m015_fts_optimized", copies=4)
    assert not merged(ClaimBase.open(db_path, seed=False))
