"""Import and export: ClaimReview JSON-LD, CSV and TSV, twice, round trips, bad records."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import interchange
from knowledge.models import Claim
from knowledge.store import ClaimBase
from tests.helpers import merged

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/hot-water",
    "claimReviewed": "Drinking hot water cures the coronavirus",
    "author": {"@type": "Organization", "name": "Example Fact Check"},
    "datePublished": "2020-03-20",
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False", "ratingValue": 2},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A viral post"},
        "datePublished": "2020-03-14",
        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/1"}],
    },
    "citation": [
        {"@type": "CreativeWork", "publisher": {"name": "WHO"}, "url": "https://who.example"}
    ],
}


def write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


@pytest.mark.parametrize(
    "document",
    [REVIEW, [REVIEW], {"@context": "https://schema.org", "@graph": [REVIEW]}],
    ids=["object", "list", "graph"],
)
def test_claimreview_import_in_every_shape_and_twice(
    base: ClaimBase, tmp_path: Path, document: object
) -> None:
    path = write(tmp_path, "reviews.json", document)
    first = interchange.import_file(base, path)
    assert (first.added, first.updated, first.skipped, first.rejected) == (1, 0, 0, [])
    second = interchange.import_file(base, path)
    assert (second.added, second.skipped) == (0, 1)
    claim = next(c for c in base.list_claims() if c.review_url == REVIEW["url"])
    assert claim.verdict == "mostly-false" and claim.rating == "Mostly False"
    assert claim.claimant == "A viral post" and claim.claim_date == "2020-03-14"
    assert claim.publisher == "Example Fact Check" and claim.review_date == "2020-03-20"
    assert claim.appearance == "https://social.example/post/1"
    assert claim.sources[0].publisher == "WHO"


def test_a_changed_review_updates_the_claim_and_is_audited(base: ClaimBase, tmp_path: Path) -> None:
    interchange.import_file(base, write(tmp_path, "a.json", REVIEW))
    changed = {**REVIEW, "reviewRating": {"alternateName": "False"}}
    summary = interchange.import_file(base, write(tmp_path, "b.json", changed))
    assert (summary.added, summary.updated) == (0, 1)
    claim = next(c for c in base.list_claims() if c.review_url == REVIEW["url"])
    assert claim.verdict == "false"
    row = base.db.execute("SELECT action, actor FROM audit WHERE claim_id = ?", [claim.id])
    assert row.fetchone() == ("import", "cli:import")


def test_bad_reviews_are_reported_and_the_rest_imports(base: ClaimBase, tmp_path: Path) -> None:
    bad = [
        {"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}},
        {"@type": "ClaimReview", "claimReviewed": "No rating here"},
        REVIEW,
    ]
    summary = interchange.import_file(base, write(tmp_path, "mixed.json", bad))
    assert summary.added == 1
    assert [line for line, _ in summary.rejected] == [1, 2]
    assert "claimReviewed" in summary.rejected[0][1]
    assert "alternateName" in summary.rejected[1][1]


def test_malformed_files_are_refused_clearly(base: ClaimBase, tmp_path: Path) -> None:
    with pytest.raises(interchange.FormatError, match="not valid JSON"):
        interchange.import_file(base, write(tmp_path, "broken.json", "{not json"))
    with pytest.raises(interchange.FormatError, match="no ClaimReview"):
        interchange.import_file(base, write(tmp_path, "empty.json", {"@graph": []}))
    with pytest.raises(interchange.FormatError, match="header"):
        interchange.import_file(base, write(tmp_path, "bad.csv", "a,b\n1,2\n"))
    with pytest.raises(interchange.FormatError, match="unknown format"):
        interchange.import_file(base, write(tmp_path, "x.xml", "<a/>"))


def test_csv_import_with_bad_rows(base: ClaimBase, tmp_path: Path) -> None:
    text = (
        "claim,verdict,claimant,sources,aliases\n"
        'The sky is green,false,Someone,"[{""publisher"": ""NASA""}]","[""is the sky green""]"\n'
        ",false,Nobody,,\n"
        "Cats can fly,flying,Somebody,,\n"
    )
    summary = interchange.import_file(base, write(tmp_path, "claims.csv", text))
    assert summary.added == 1
    assert [line for line, _ in summary.rejected] == [3, 4]
    assert "unknown verdict" in summary.rejected[1][1]
    again = interchange.import_file(base, write(tmp_path, "claims.csv", text))
    assert again.added == 0 and again.skipped == 1


def test_tsv_archive_import_maps_politifact_labels(base: ClaimBase, tmp_path: Path) -> None:
    text = (
        "vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra\n"
        "pf-1\tSays taxes doubled last year.\tTaxes\thttps://pf.example/1\tpants-fire\t2020\t\n"
        "pf-2\tSays the river is clean.\t\thttps://pf.example/2\tbarely-true\t\t\n"
    )
    path = write(tmp_path, "vclaims.tsv", text)
    summary = interchange.import_file(base, path)
    assert summary.added == 2
    claims = {c.review_url: c for c in base.list_claims()}
    assert claims["https://pf.example/1"].verdict == "pants-fire"
    assert claims["https://pf.example/2"].verdict == "mostly-false"
    assert claims["https://pf.example/2"].rating == "barely-true"
    assert interchange.import_file(base, path).added == 0


def test_export_and_reimport_give_the_same_base(base: ClaimBase, tmp_path: Path) -> None:
    interchange.import_file(base, write(tmp_path, "a.json", REVIEW))
    original = {c.id: c for c in base.list_claims()}
    document = interchange.export_claimreview(base.list_claims())
    csv_text = io.StringIO()
    interchange.export_csv(base.list_claims(), csv_text)
    for name, content in (("export.json", document), ("export.csv", csv_text.getvalue())):
        fresh = ClaimBase.open(tmp_path / f"fresh-{name}.db", seed=False)
        summary = interchange.import_file(fresh, write(tmp_path, name, content))
        assert summary.added == len(original) and not summary.rejected
        assert {c.id: c for c in fresh.list_claims()} == original, name


def test_cli_import_export_list_show(tmp_path: Path) -> None:
    env = {"FACTBOT_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin"}

    def factbot(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "adapters.cli", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )

    path = write(tmp_path, "r.json", REVIEW)
    first = factbot("claims", "import", str(path))
    assert first.returncode == 0 and "1 added, 0 updated, 0 skipped, 0 rejected" in first.stdout
    assert "0 added, 0 updated, 1 skipped" in factbot("claims", "import", str(path)).stdout
    listing = factbot("claims", "list").stdout
    assert "mm-protesters-paid" in listing and "Mostly false" in listing
    shown = factbot("claims", "show", "mm-election-fraud")
    assert "UNPROVEN" in shown.stdout and "Aliases:" in shown.stdout
    out = tmp_path / "out.json"
    assert factbot("claims", "export", "-o", str(out)).returncode == 0
    assert len(json.loads(out.read_text())["@graph"]) == 5
    bad = factbot("claims", "import", str(write(tmp_path, "bad.json", "{")))
    assert bad.returncode == 2 and "cannot import" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "claim_id",
    ["drinking-hot-water-cures-the--0cb4b23521", "vclaim-sno-00042", "PolitiFact_2020_ABC", "x"],
)
def test_every_id_survives_an_export_and_import(tmp_path: Path, claim_id: str) -> None:
    first = ClaimBase.open(tmp_path / "first.db", seed=False)
    claim = Claim(
        id=claim_id,
        claim="Drinking hot water cures the coronavirus",
        verdict="false",
        rating="False",
        summary="It does not.",
    )
    first.add_claim(claim, origin="test")
    document = interchange.export_claimreview(first.list_claims())
    csv_text = io.StringIO()
    interchange.export_csv(first.list_claims(), csv_text)
    for name, content in (("e.json", document), ("e.csv", csv_text.getvalue())):
        fresh = ClaimBase.open(tmp_path / f"fresh-{name}.db", seed=False)
        interchange.import_file(fresh, write(tmp_path, name, content))
        assert [c.id for c in fresh.list_claims()] == [claim_id], name


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "claimreview-myanmar-2021.json"


def test_the_example_file_is_the_built_in_base_exported(tmp_path: Path) -> None:
    """The shipped example invents nothing: it is exactly what `claims export` writes for the
    built-in base (so a change to the seed must regenerate it)."""
    seeded = ClaimBase.open(tmp_path / "seeded.db")
    assert json.loads(EXAMPLE.read_text("utf-8")) == interchange.export_claimreview(
        seeded.list_claims()
    )
    empty = ClaimBase.open(tmp_path / "empty.db", seed=False)
    summary = interchange.import_file(empty, EXAMPLE)
    assert summary.added == 4 and not summary.rejected


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_import_replace_gives_a_base_without_the_built_in_fact_checks(tmp_path: Path) -> None:
    env = {"FACTBOT_DB": str(tmp_path / "own.db"), "PATH": "/usr/bin:/bin"}
    own = write(tmp_path, "own.json", {**REVIEW, "identifier": "own-archive-1"})
    run = cli(env, "claims", "import", "--replace", str(own))
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stdout and "4 claims not in own.json retracted" in run.stdout
    listing = cli(env, "claims", "list").stdout.splitlines()
    marks = {line.split("\t")[0]: line.split("\t")[1] for line in listing}
    assert marks.pop("own-archive-1") == "published"
    assert set(marks.values()) == {"RETRACTED"} and "mm-election-fraud" in marks
    assert cli(env, "claims", "list", "--published").stdout.startswith("own-archive-1\t")
    assert "mm-election-fraud" in cli(env, "claims", "list", "--retracted").stdout
    # the seed does not come back when the base is opened again, and it answers nothing
    asked = cli(env, "ask", "--json", "was the 2020 election in Myanmar rigged by fraud?")
    assert all(m["id"] != "mm-election-fraud" for m in json.loads(asked.stdout)["matches"])
    empty = write(tmp_path, "empty.json", "[]")
    refused = cli(env, "claims", "import", "--replace", str(empty))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "own-archive-1\tpublished" in cli(env, "claims", "list").stdout


def test_a_claimreview_import_leaves_the_full_text_indexes_merged(
    base: ClaimBase, tmp_path: Path
) -> None:
    # One transaction a claim: a segment a claim, unless merged at the end.
    reviews = [
        {**REVIEW, "url": f"{REVIEW['url']}-{n}", "claimReviewed": f"Claim {n} about a bridge"}
        for n in range(5)
    ]
    summary = interchange.import_file(base, write(tmp_path, "reviews.json", reviews))
    assert summary.added == 5
    assert merged(base)


def test_a_few_claims_imported_into_a_large_base_leave_the_merging_to_fts5(
    base: ClaimBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Merging rewrites the whole index: not for one claim in a hundred or fewer (here, with
    # the share set to one in one, for one claim into a base of five).
    monkeypatch.setattr("knowledge.store.MERGE_SHARE", 1)
    summary = interchange.import_file(base, write(tmp_path, "one.json", REVIEW))
    assert summary.added == 1
    assert not merged(base)
