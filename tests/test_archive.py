"""Importing a fact-check archive in the CLEF ``vclaims.tsv`` format."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import audit
from knowledge.archive import ArchiveError, import_tsv
from knowledge.matching import Matcher
from knowledge.store import ClaimBase, claim_candidates
from tests.helpers import merged

HEADER = "vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra"
URL = "https://www.politifact.com/factchecks/2020/jan/01/jane-doe/"


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "vclaims.tsv"
    path.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    return path


def row(
    claim_id: str,
    text: str,
    *,
    title: str = "",
    url: str = "",
    verdict: str = "",
    date: str = "",
    extra: str = "",
) -> str:
    return "\t".join([claim_id, text, title, url, verdict, date, extra])


@pytest.fixture
def empty(tmp_path: Path) -> ClaimBase:
    return ClaimBase.open(tmp_path / "archive.db", seed=False)


def test_rows_become_claims_with_mapped_verdicts_and_original_ratings(
    empty: ClaimBase, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        row(
            "pol-1",
            "Says the wall is already being built.",
            title="Trump wrong about wall",
            url=URL + "wall",
            verdict="pants-fire",
            date="stated on January 1, 2020 in a speech:",
            extra="speaker=Donald Trump",
        ),
        row("pol-2", "Taxes went up for 90 percent.", url=URL + "tax", verdict="barely-true"),
        row("snopes-3", "Drinking bleach cures the flu.", title="Bleach and flu"),
    )
    summary = import_tsv(empty, path)
    assert (summary.added, summary.updated, summary.skipped, summary.rejected) == (3, 0, 0, [])
    wall = empty.get("pol-1")
    assert wall is not None
    assert wall.verdict == "pants-fire" and wall.rating == "pants-fire"
    assert wall.claimant == "Donald Trump" and wall.review_url == URL + "wall"
    assert wall.title == "Trump wrong about wall" and wall.publisher == "politifact.com"
    assert wall.claim_date == "stated on January 1, 2020 in a speech:"
    tax = empty.get("pol-2")
    assert tax is not None and tax.verdict == "mostly-false" and tax.rating == "barely-true"
    bleach = empty.get("snopes-3")
    assert bleach is not None and bleach.verdict == "other" and bleach.rating == ""
    assert bleach.review_url is None


def test_imported_claims_are_found_by_the_matcher(empty: ClaimBase, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row("c1", "Drinking bleach cures the flu.", title="Bleach and flu"),
        row("c2", "The moon landing was filmed in a studio."),
    )
    import_tsv(empty, path)
    result = Matcher(empty).match("does drinking bleach cure the flu?")
    assert result.ranked[0].claim_id == "c1"


def test_importing_twice_adds_nothing_twice(empty: ClaimBase, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        row("a", "First claim about vaccines.", url=URL + "a", verdict="false"),
        row("b", "Second claim about taxes."),
    )
    assert import_tsv(empty, path).added == 2
    again = import_tsv(empty, path)
    assert (again.added, again.updated, again.skipped) == (0, 0, 2)
    assert empty.count() == 2
    hits = empty.db.execute("SELECT count(*) FROM search_docs WHERE claim_id = 'a'").fetchone()
    assert hits[0] == 1
    docs = empty.db.execute("SELECT count(*) FROM claim_docs WHERE claim_id = 'a'").fetchone()
    assert docs[0] == 1


def test_same_review_url_is_the_same_claim_whatever_its_id(
    empty: ClaimBase, tmp_path: Path
) -> None:
    import_tsv(empty, write(tmp_path, row("old-id", "Claim text.", url=URL + "x", verdict="true")))
    renamed = write(tmp_path, row("new-id", "Claim text.", url=URL + "x", verdict="true"))
    summary = import_tsv(empty, renamed)
    assert (summary.added, summary.skipped) == (0, 1)
    assert empty.exists("old-id") and not empty.exists("new-id")


def test_a_changed_row_updates_the_claim_and_its_index(empty: ClaimBase, tmp_path: Path) -> None:
    import_tsv(empty, write(tmp_path, row("c1", "Garlic cures influenza.", verdict="false")))
    changed = write(tmp_path, row("c1", "Onions cure influenza.", verdict="mostly-false"))
    summary = import_tsv(empty, changed)
    assert (summary.added, summary.updated) == (0, 1)
    claim = empty.get("c1")
    assert claim is not None and claim.claim == "Onions cure influenza."
    assert claim.verdict == "mostly-false"
    assert "c1" in dict(empty.word_candidates('"onions"', 5))
    assert "c1" not in dict(empty.word_candidates('"garlic"', 5))
    # the per-claim index the matcher searches follows the update too
    assert "c1" in dict(claim_candidates(empty, '"onions"', 5, (1.0, 1.0, 1.0)))
    assert "c1" not in dict(claim_candidates(empty, '"garlic"', 5, (1.0, 1.0, 1.0)))


def test_an_update_is_recorded_and_can_be_undone(empty: ClaimBase, tmp_path: Path) -> None:
    import_tsv(empty, write(tmp_path, row("c1", "Garlic cures influenza.", verdict="false")))
    matcher = Matcher(empty)
    assert matcher.match("does garlic cure influenza?").ranked[0].claim_id == "c1"
    changed = write(tmp_path, row("c1", "Onions cure influenza.", verdict="mostly-false"))
    assert import_tsv(empty, changed, actor="cli:alice").updated == 1
    entries = audit.entries(empty, claim_id="c1")
    assert [(e.action, e.actor, e.table_name) for e in entries] == [
        ("import", "cli:alice", "claims")
    ]
    assert entries[0].before is not None and entries[0].after is not None
    assert (entries[0].before["claim"], entries[0].after["claim"]) == (
        "Garlic cures influenza.",
        "Onions cure influenza.",
    )
    assert audit.undo(empty, "cli:alice", "cli") is not None
    claim = empty.get("c1")
    assert claim is not None
    assert (claim.claim, claim.verdict) == ("Garlic cures influenza.", "false")
    assert matcher.match("does garlic cure influenza?").ranked[0].claim_id == "c1"
    assert import_tsv(empty, changed).updated == 1  # and imported again


def test_bad_rows_are_rejected_with_line_and_reason_and_the_rest_imports(
    empty: ClaimBase, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        row("ok-1", "A good claim."),
        row("empty", "   "),
        "too\tfew\tfields",
        row("", "No id and no URL."),
        row("", "No id but a URL.", url=URL + "no-id"),
        row("ok-2", "Another good claim."),
    )
    summary = import_tsv(empty, path)
    assert summary.added == 3
    lines = dict(summary.rejected)
    assert set(lines) == {3, 4, 5}
    assert "no claim text" in lines[3]
    assert "expected 7" in lines[4]
    assert "neither an id nor a review URL" in lines[5]
    assert empty.exists("ok-1") and empty.exists("ok-2")
    by_url = empty.db.execute("SELECT id FROM claims WHERE review_url = ?", [URL + "no-id"])
    assert by_url.fetchone() is not None


def test_repeats_within_one_file_across_batches(empty: ClaimBase, tmp_path: Path) -> None:
    rows = [row(f"c{i}", f"Claim number {i}.") for i in range(5)]
    path = write(tmp_path, *rows, rows[1], row("c2", "A different text."))
    seen: list[int] = []
    summary = import_tsv(empty, path, batch_size=2, progress=seen.append)
    assert summary.added == 5 and empty.count() == 5
    assert summary.skipped == 1  # the identical repeat
    assert summary.updated == 1  # c2 changed in a later batch: the later row wins
    claim = empty.get("c2")
    assert claim is not None and claim.claim == "A different text."
    assert seen == sorted(seen) and seen[-1] == 7


def test_a_file_without_the_required_columns_is_refused(empty: ClaimBase, tmp_path: Path) -> None:
    path = write(tmp_path, "1\tsome text", header="id\ttext")
    with pytest.raises(ArchiveError, match="vclaim_id"):
        import_tsv(empty, path)
    assert empty.count() == 0


def test_a_minimal_file_with_only_id_and_text_imports(empty: ClaimBase, tmp_path: Path) -> None:
    path = write(tmp_path, "7\tShort claim text.", header="vclaim_id\tvclaim")
    assert import_tsv(empty, path).added == 1
    claim = empty.get("7")
    assert claim is not None and claim.title is None and claim.verdict == "other"


def test_repeats_within_one_batch_behave_like_a_second_import(
    empty: ClaimBase, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        row("c1", "First text."),
        row("c1", "First text."),
        row("c1", "Second text."),
        row("c9", "Same id, another review.", url=URL + "one"),
        row("c9", "Same id, a third review.", url=URL + "two"),
    )
    summary = import_tsv(empty, path)
    assert (summary.added, summary.updated, summary.skipped) == (2, 1, 1)
    assert [line for line, _ in summary.rejected] == [6]
    claim = empty.get("c1")
    assert claim is not None and claim.claim == "Second text."


def test_an_import_leaves_the_full_text_indexes_merged(empty: ClaimBase, tmp_path: Path) -> None:
    # Written batch by batch, the indexes would be a segment a batch, each looked in for
    # every term of every question.
    rows = [row(f"c{n}", f"Claim {n}: the bridge over river {n} fell.") for n in range(12)]
    summary = import_tsv(empty, write(tmp_path, *rows), batch_size=4)
    assert summary.added == 12
    assert merged(empty)
