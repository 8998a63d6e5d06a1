"""Import limits and spreadsheet-safe CSV (issue 15, items 11 and 12): every import path
limits field sizes, a whole file's size, and nesting; a CSV field over 131,072 characters
rejects its row, not the import; a CSV export never carries a live formula, and reads back the
same. Through ``factbot claims import|export`` as an operator runs it."""

from __future__ import annotations

import copy
import csv
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.core import Core
from knowledge import interchange
from knowledge.limits import MAX_CSV_FIELD
from knowledge.store import ClaimBase
from tests.helpers import dm
from tests.test_interchange import REVIEW, write

ROOT = Path(__file__).resolve().parent.parent


def factbot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"FACTBOT_DB": str(tmp_path / "cli.db"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_json_nested_100000_deep_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    result = factbot(tmp_path, "claims", "import", str(path))
    assert result.returncode == 2
    assert (
        result.stderr
        == "factbot: cannot import deep.json: the JSON is nested too deeply to be ClaimReview\n"
    )


def test_an_oversized_claimreview_field_rejects_that_review_only(tmp_path: Path) -> None:
    huge = copy.deepcopy(REVIEW)
    huge["claimReviewed"] = "x" * 300_000
    huge["url"] = "https://factcheck.example/huge"
    path = write(tmp_path, "mixed.json", [huge, REVIEW])
    result = factbot(tmp_path, "claims", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "1 added, 0 updated, 0 skipped, 1 rejected" in result.stdout
    assert (
        "rejected record 1: claim is 300,000 characters, over the limit of 2,000" in result.stdout
    )


def test_a_csv_field_over_the_limit_rejects_its_row_and_the_rest_imports(tmp_path: Path) -> None:
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["claim", "verdict", "summary"])
    writer.writerow(["Purple umbrellas cause rain", "false", "They do not."])
    writer.writerow(["Green umbrellas cause snow", "false", "y" * (MAX_CSV_FIELD + 1)])
    writer.writerow(["Blue umbrellas cause hail", "false", "No."])
    path = write(tmp_path, "claims.csv", rows.getvalue())
    result = factbot(tmp_path, "claims", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "2 added, 0 updated, 0 skipped, 1 rejected" in result.stdout
    assert "rejected record 3: the summary field is over 131,072 characters" in result.stdout


def test_a_tsv_field_over_the_limit_rejects_its_row(base: ClaimBase, tmp_path: Path) -> None:
    text = (
        "vclaim_id\tvclaim\ttitle\n"
        "a1\tPurple umbrellas cause rain\tUmbrellas\n"
        f"a2\t{'z' * (MAX_CSV_FIELD + 5)}\tBig\n"
        "a3\tBlue umbrellas cause hail\tHail\n"
    )
    summary = interchange.import_file(base, write(tmp_path, "v.tsv", text))
    assert summary.added == 2
    assert summary.rejected == [(3, "the vclaim field is over 131,072 characters")]


def test_a_file_over_the_size_limit_is_refused_before_reading(
    base: ClaimBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "r.json", REVIEW)
    monkeypatch.setattr(interchange, "MAX_IMPORT_BYTES", path.stat().st_size - 1)
    with pytest.raises(interchange.FormatError, match="over the import limit"):
        interchange.import_file(base, path)


def test_a_moderators_add_has_the_same_limits(base: ClaimBase) -> None:
    bot = Core(base)  # the console is an admin
    text = (
        "/add\nclaim: Pigs fly\nverdict: false\nclaimant: A post\ndate: 2021\n"
        f"summary: {'s' * 10_001}\nsource: BBC"
    )
    reply = bot.handle(dm(text, platform="console"))
    assert (
        reply is not None and "summary is 10,001 characters, over the limit of 10,000" in reply.text
    )


# -- 12. spreadsheet-safe CSV export -------------------------------------------------------------


def test_csv_export_escapes_formulas_and_reads_back_the_same(tmp_path: Path) -> None:
    risky: dict[str, Any] = copy.deepcopy(REVIEW)
    risky["claimReviewed"] = '=HYPERLINK("https://evil.example","click")'
    risky["itemReviewed"]["author"]["name"] = "@SUM(1+1)"
    risky["reviewBody"] = "+1 555 0100 called it true; '=already quoted"
    risky["reviewRating"]["alternateName"] = "-false-"
    base = ClaimBase.open(tmp_path / "a.db", seed=False)
    interchange.import_file(base, write(tmp_path, "r.json", risky))
    base.close()
    out = tmp_path / "out.csv"
    export = factbot(
        tmp_path,
        "--db",
        str(tmp_path / "a.db"),
        "claims",
        "export",
        "--format",
        "csv",
        "-o",
        str(out),
    )
    assert export.returncode == 0, export.stderr
    with out.open(encoding="utf-8", newline="") as exported:
        rows = list(csv.DictReader(exported))
    [row] = [r for r in rows if "HYPERLINK" in r["claim"]]  # the seed claims come too
    assert row["claim"] == "'" + risky["claimReviewed"]
    assert row["claimant"] == "'@SUM(1+1)" and row["rating"] == "'-false-"
    assert row["summary"] == "'+1 555 0100 called it true; '=already quoted"
    assert not any(v.startswith(interchange.FORMULA_START) for r in rows for v in r.values())
    fresh = ClaimBase.open(tmp_path / "b.db", seed=False)
    interchange.import_file(fresh, out)
    [claim] = [c for c in fresh.list_claims() if "HYPERLINK" in c.claim]
    fresh.close()
    assert claim.claim == risky["claimReviewed"] and claim.claimant == "@SUM(1+1)"
    assert claim.rating == "-false-" and claim.summary == risky["reviewBody"]


@pytest.mark.parametrize("value", ["=1+1", "'=1+1", "''@x", "'plain", "-", "a=b", "\tx"])
def test_spreadsheet_escaping_round_trips(value: str) -> None:
    escaped = interchange.spreadsheet_safe(value)
    assert not escaped.startswith(interchange.FORMULA_START)
    assert interchange.from_spreadsheet_safe(escaped) == value
