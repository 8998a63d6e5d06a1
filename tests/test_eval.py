"""``factbot eval``: the run file, the official metrics and the isolation of the claim base."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from adapters import cli
from adapters.cli.evaluate import average_precision, load_qrels, metrics, percentile

CLAIMS = [
    ("c1", "Drinking bleach cures the flu.", "Bleach does not cure influenza"),
    ("c2", "The moon landing was filmed in a studio in Nevada.", "Moon landing hoax"),
    ("c3", "Five G towers spread the coronavirus.", "5G and COVID-19"),
    ("c4", "Eating carrots improves your night vision.", "Carrots and eyesight"),
]
QUERIES = [
    ("q1", "my aunt says drinking bleach will cure flu, is that right?"),
    ("q2", "they filmed the moon landing in a nevada studio"),
    ("q3", "do 5G towers spread coronavirus"),
    ("q4", "best recipe for pancakes"),
]
QRELS = "q1\t0\tc1\t1\nq2\t0\tc2\t1\nq3\t0\tc3\t1\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    claims = tmp_path / "vclaims.tsv"
    claims.write_text(
        "vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra\n"
        + "".join(f"{i}\t{c}\t{t}\t\t\t\t\n" for i, c, t in CLAIMS),
        "utf-8",
    )
    queries = tmp_path / "queries.tsv"
    queries.write_text("qid\ttext\n" + "".join(f"{q}\t{t}\n" for q, t in QUERIES), "utf-8")
    qrels = tmp_path / "qrels.tsv"
    qrels.write_text(QRELS, "utf-8")
    return {"claims": claims, "queries": queries, "qrels": qrels, "out": tmp_path / "run.jsonl"}


def eval_args(files: dict[str, Path], *extra: str) -> list[str]:
    return [
        "eval",
        "--claims",
        str(files["claims"]),
        "--queries",
        str(files["queries"]),
        "--out",
        str(files["out"]),
        *extra,
    ]


def test_eval_writes_one_line_per_query_with_decision_time_and_top_results(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(eval_args(files)) == 0
    lines = [json.loads(line) for line in files["out"].read_text("utf-8").splitlines()]
    assert [line["qid"] for line in lines] == ["q1", "q2", "q3", "q4"]
    for line in lines:
        assert set(line) == {"qid", "decision", "ms", "results"}
        assert line["decision"] in {"answer", "suggest", "none"}
        assert line["ms"] >= 0
        assert len(line["results"]) <= 10
        scores = [r["score"] for r in line["results"]]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)
    by_qid = {line["qid"]: line for line in lines}
    for qid, claim_id in (("q1", "c1"), ("q2", "c2"), ("q3", "c3")):
        assert by_qid[qid]["results"][0]["id"] == claim_id
    assert by_qid["q4"]["decision"] == "none"
    # Without qrels: decisions and latency, no metrics.
    printed = capsys.readouterr().out
    assert "MAP@5" not in printed and "decisions:" in printed and "latency:" in printed


def test_eval_with_qrels_prints_the_metrics(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(eval_args(files, "--qrels", str(files["qrels"]))) == 0
    printed = capsys.readouterr().out
    assert "MAP@1 1.000  MAP@5 1.000  MRR 1.000  Recall@10 1.000  (3 judged queries)" in printed
    assert "median" in printed and "p99" in printed


def test_eval_uses_a_fresh_base_never_the_users(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_db = tmp_path / "user.db"
    monkeypatch.setenv("FACTBOT_DB", str(user_db))
    assert cli.main(eval_args(files, "--db", str(user_db))) == 0
    assert not user_db.exists()
    ids = {
        r["id"]
        for line in files["out"].read_text("utf-8").splitlines()
        for r in json.loads(line)["results"]
    }
    assert ids <= {"c1", "c2", "c3", "c4"}  # no seed claims


def test_eval_uses_the_configured_matching_settings(files: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "factbot.toml"
    config.write_text("[matching]\nanswer_threshold = 1.01\n", "utf-8")
    assert cli.main(["--config", str(config), *eval_args(files)]) == 0
    decisions = [
        json.loads(line)["decision"] for line in files["out"].read_text("utf-8").splitlines()
    ]
    assert "answer" not in decisions


def test_eval_refuses_files_it_cannot_read(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files["queries"].write_text("id\tquestion\nq1\tanything\n", "utf-8")
    assert cli.main(eval_args(files)) == 2
    assert "qid" in capsys.readouterr().err
    files["queries"].write_text("qid\ttext\nq1\tanything\n", "utf-8")
    files["claims"] = tmp_path / "missing.tsv"
    assert cli.main(eval_args(files)) == 2


def test_average_precision_follows_the_official_definition() -> None:
    assert average_precision(["a", "x", "b"], {"a", "b"}, 5) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision(["x", "a"], {"a"}, 1) == 0.0
    assert average_precision(["x", "x2", "x3", "x4", "x5", "a"], {"a"}, 5) == 0.0


def test_metrics_skip_unjudged_queries_and_count_missing_runs_as_misses() -> None:
    qrels = {"q1": {"a"}, "q2": {"b", "c"}, "q3": {"d"}}
    runs = {"q1": ["a"], "q2": ["x", "c", "b"], "q9": ["a"]}
    scores = metrics(runs, qrels)
    assert scores["queries"] == 3
    assert scores["MAP@1"] == pytest.approx(1 / 3)
    assert scores["MAP@5"] == pytest.approx((1 + (1 / 2 + 2 / 3) / 2 + 0) / 3)
    assert scores["MRR"] == pytest.approx((1 + 1 / 2 + 0) / 3)
    assert scores["Recall@10"] == pytest.approx(2 / 3)


def test_qrels_and_percentiles(tmp_path: Path) -> None:
    path = tmp_path / "qrels.tsv"
    path.write_text("q1 0 a 1\nq1\t0\tb\t1\nq2\t0\tc\t0\n\n", "utf-8")
    assert load_qrels(path) == {"q1": {"a", "b"}}
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([], 0.99) == 0.0


@pytest.mark.parametrize("module", ["quality", "decisions", "scale", "fit_answer"])
def test_benchmarks_skip_with_a_message_without_the_data(
    module: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    benchmark = importlib.import_module(f"benchmarks.{module}")
    assert benchmark.main(["--data", str(tmp_path / "absent")]) == 0
    assert "skipped: no benchmark data" in capsys.readouterr().err


def test_a_second_check_of_the_same_statement_with_its_verdict_is_told_apart() -> None:
    """benchmarks.trust counts a wrong answer that checks the same statement as a relevant
    claim, with the same verdict label (an archive's second check of a repeated line), apart
    from a wrong verdict; another verdict, another statement or no verdict is a wrong one."""
    from benchmarks.trust import Claims

    rows = {
        "a": "a\tI was totally against the war in Iraq.\tt\tu\tfalse\t\t",
        "b": "b\tI was totally against the war in Iraq, from the start.\tt\tu\tFalse\t\t",
        "c": "c\tI was totally against the war in Iraq, from the start.\tt\tu\ttrue\t\t",
        "d": "d\tThe minimum wage has not kept up with inflation.\tt\tu\tfalse\t\t",
        "e": "e\tI was totally against the war in Iraq.\tt\tu\t\t\t",
    }
    claims = Claims("vclaim_id\tvclaim\ttitle\turl\tverdict\tdate\textra", rows, {})
    assert claims.same_check("b", {"a"})
    assert not claims.same_check("c", {"a"})  # another verdict
    assert not claims.same_check("d", {"a"})  # another statement
    assert not claims.same_check("e", {"a"})  # no verdict to compare


def test_precision_as_answers_are_read_counts_only_those_read_as_the_asked_statement(
    tmp_path: Path,
) -> None:
    """benchmarks.trust's precision as a person reads the answers: a wrong answer read as a
    check of the statement the query makes counts right; one read as another claim, or not
    read yet, counts wrong, and one not read yet is listed to be read."""
    from benchmarks.trust import Tally, answers_read
    from knowledge.matching.result import Match, MatchResult
    from knowledge.models import Decision

    read = tmp_path / "answers_read.tsv"
    read.write_text(
        "collection\tsplit\tqid\tanswered\treading\twhy\n"
        "c\ttrain\tq1\tx\tthe asked statement\tthe same line, checked twice\n"
        "c\ttrain\tq2\ty\tanother claim\tanother thing\n"
        "c\tdev\tq3\tz\tthe asked statement\tanother split\n",
        "utf-8",
    )
    readings = answers_read("c", "train", read)
    assert readings == {("q1", "x"): True, ("q2", "y"): False}

    def answer(claim: str) -> MatchResult:
        return MatchResult("q", "q", Decision.ANSWER, (Match(claim, 0.9, "q"),))

    tally = Tally()
    for qid, answered in (("q0", "r"), ("q1", "x"), ("q2", "y"), ("q3", "z")):
        tally.add(answer(answered), {"r"}, True, None, (qid, readings))
    summary = tally.summary()
    assert summary["precision"] == 0.25 and summary["precision_read"] == 0.5
    assert summary["unread"] == [("q3", "z")]


def test_every_answer_read_is_read_one_way_once() -> None:
    from benchmarks.trust import ANSWERS_READ

    with ANSWERS_READ.open(encoding="utf-8") as file:
        rows = [line.rstrip("\n").split("\t") for line in file][1:]
    assert rows and all(len(row) == 6 and row[5] for row in rows)  # each with why
    assert {row[4] for row in rows} == {"the asked statement", "another claim"}
    keys = [tuple(row[:4]) for row in rows]
    assert len(keys) == len(set(keys))


def test_the_report_says_when_the_model_was_asked_for_every_question() -> None:
    from adapters.cli.evaluate import QueryRun, summarise

    runs = [QueryRun("q1", "answer", 3.0, (("c1", 0.9),))]
    assert "model was asked for every question" in summarise(runs, None, embedded=True)
    assert "model was asked" not in summarise(runs, None)
