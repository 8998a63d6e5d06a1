"""The console, end to end, as a person uses it: the real ``factbot`` command in a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from bot.messages import Reply, ReplyKind

QUESTION = "were the Myanmar protesters paid terrorists?"


def factbot(
    *args: str, db: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    environment.update({"FACTBOT_DB": str(db), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_ask_answers_with_verdict_claim_claimant_and_sources(db_path: Path) -> None:
    run = factbot("ask", QUESTION, db=db_path)
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert out.startswith("❌ FALSE")
    assert "[T]hose who directly carry out terrorists attacks work for money" in out
    said = " ".join(out.split())  # wrapped at 100 columns
    assert (
        "Min Aung Hlaing (Myanmar junta leader, head of the military, the Tatmadaw), June 2021"
        in said
    )
    assert "Sources:" in out and "Assistance Association of Political Prisoners" in out
    assert "Match: very close match" in out
    assert db_path.exists()  # created and seeded on first use


def test_ask_json_has_exactly_the_documented_shape(db_path: Path) -> None:
    run = factbot("ask", QUESTION, "--json", db=db_path)
    assert run.returncode == 0
    data = json.loads(run.stdout)
    assert set(data) == {"query", "decision", "language", "matches"}
    assert data["query"] == QUESTION and data["decision"] == "answer"
    assert data["language"] == "en"
    match = data["matches"][0]
    assert set(match) == {
        "id",
        "claim",
        "claimant",
        "claimant_role",
        "claim_date",
        "verdict",
        "rating",
        "summary",
        "review_url",
        "score",
        "sources",
    }
    assert match["id"] == "mm-protesters-paid" and match["verdict"] == "false"
    assert 0 <= match["score"] <= 1
    assert set(match["sources"][0]) == {"publisher", "title", "url", "date", "note"}
    assert match["sources"][0]["note"]  # what the source says


def test_ask_json_suggest_and_none(db_path: Path) -> None:
    suggest = json.loads(factbot("ask", "protesters paid", "--json", db=db_path).stdout)
    assert suggest["decision"] == "suggest" and 1 <= len(suggest["matches"]) <= 3
    none = json.loads(factbot("ask", "is the moon made of cheese?", "--json", db=db_path).stdout)
    assert none == {
        "query": "is the moon made of cheese?",
        "decision": "none",
        "language": "en",
        "matches": [],
    }


def test_empty_question_is_a_usage_error_without_traceback(db_path: Path) -> None:
    run = factbot("ask", "  ", db=db_path)
    assert run.returncode == 2
    assert b"empty" in run.stderr and b"Traceback" not in run.stderr


def test_a_megabyte_from_stdin_is_checked_on_its_first_part(db_path: Path) -> None:
    text = (QUESTION + " ") + "blah " * 210_000
    run = factbot("ask", "-", db=db_path, stdin=text.encode())
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr
    assert "first 2,000 characters" in run.stdout.decode()


def test_binary_junk_gets_a_clear_message(db_path: Path) -> None:
    junk = bytes(range(256)) * 64
    run = factbot("ask", "-", db=db_path, stdin=junk)
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    assert "doesn't look like text" in run.stdout.decode()


def test_chat_is_a_conversation(db_path: Path) -> None:
    lines = "/help\n" + QUESTION + "\nprotesters paid\n/show mm-election-fraud\n/quit\n"
    run = factbot("chat", db=db_path, stdin=lines.encode())
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert "/check <text>" in out  # help
    assert "❌ FALSE" in out  # the answer
    assert "Is it one of these?" in out  # the suggestion
    assert "❓ UNPROVEN" in out and "Unsubstantiated and disputed" in out  # /show


def test_ask_imports_no_chat_library_nor_on_a_base_made_before_sqlite_utils_nor_numpy(
    db_path: Path,
) -> None:
    """The chat libraries are never imported by `factbot ask`; sqlite-utils only where the
    base is new (its migrations); numpy only where the question needs the embedding model or
    the base is large (knowledge.deferred): about 0.1 s of the start each."""
    watched = {"telegram", "slack_bolt", "slack_sdk", "sqlite_utils", "numpy"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    env["FACTBOT_DB"] = str(db_path)
    loaded = []
    for _ in range(2):  # a new base, then the same one again; a question decided by words
        code = (
            f"import sys; from adapters.cli import main; main(['ask', {QUESTION!r}]); "
            f"print('LOADED', sorted({{m.split('.')[0] for m in sys.modules}} & {watched!r}))"
        )
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=False
        )
        assert run.returncode == 0, run.stderr
        loaded.append(run.stdout.decode().rsplit("LOADED ", 1)[1].strip())
    # A new base's claims are embedded (numpy) when the embeddings extra is installed.
    assert loaded[0] in ("['sqlite_utils']", "['numpy', 'sqlite_utils']")
    assert loaded[1] == "[]"


@pytest.mark.parametrize("args", [["telegram"], ["slack"], ["slack", "--http"]])
def test_missing_tokens_are_a_one_line_error(db_path: Path, args: list[str]) -> None:
    run = factbot(*args, db=db_path)
    assert run.returncode == 2
    assert b"Traceback" not in run.stderr
    assert len(run.stderr.decode().strip().splitlines()) == 1


def test_bad_configuration_is_reported(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[matching]\nanswer_threshold = 'high'\n")
    run = factbot("ask", QUESTION, "--config", str(config), db=db_path)
    assert run.returncode == 2 and b"answer_threshold" in run.stderr


def test_one_shot_ask_invites_nothing_it_cannot_take(db_path: Path) -> None:
    for question in (QUESTION, "protesters paid", "is the moon made of cheese?"):
        out = factbot("ask", question, db=db_path).stdout.decode()
        for command in ("/yes", "/no", "/notify", "/show"):
            assert command not in out, (question, out)
    none = factbot("ask", "is the moon made of cheese?", db=db_path).stdout.decode()
    assert "queue" in none
    suggested = factbot("ask", "protesters paid", db=db_path).stdout.decode()
    assert "factbot claims show mm-protesters-paid" in suggested


def test_a_question_ask_queued_is_in_the_closed_claim_base(db_path: Path) -> None:
    """``factbot ask`` closes the claim base before it exits (its exit skips the collector's
    last pass, which must not leave the file half-written): the queued question is there, and
    no write-ahead log is left behind."""
    question = "is the moon made of cheese?"
    assert "queue" in factbot("ask", question, db=db_path).stdout.decode()
    assert not Path(f"{db_path}-wal").exists()
    with closing(sqlite3.connect(db_path)) as conn:
        queued = [text for (text,) in conn.execute("SELECT text FROM queue")]
    assert queued == [question]


def test_ask_json_for_a_command_says_what_the_bot_said(db_path: Path) -> None:
    data = json.loads(factbot("ask", "--json", "/help", db=db_path).stdout)
    assert data["decision"] is None and data["kind"] == "text" and data["matches"] == []
    assert "/check <text>" in data["text"]
    unknown = json.loads(factbot("ask", "--json", "/nonsense", db=db_path).stdout)
    assert unknown["kind"] == "refusal" and "/nonsense" in unknown["text"]


def test_the_console_operator_is_not_rate_limited(db_path: Path) -> None:
    lines = "\n".join(["were the protesters paid?"] * 30) + "\n"
    out = factbot("chat", db=db_path, stdin=lines.encode()).stdout.decode()
    assert "faster than I can check" not in out
    assert out.count("❌ FALSE") == 30


def test_seed_sources_are_listed_once_and_summaries_name_their_fact_check(db_path: Path) -> None:
    data = json.loads(
        factbot("ask", "--json", "was the 2020 election in Myanmar rigged?", db=db_path).stdout
    )
    fraud = next(m for m in data["matches"] if m["id"] == "mm-election-fraud")
    titles = [(s["publisher"], s["title"]) for s in fraud["sources"]]
    assert len(titles) == len(set(titles)) == 1
    assert (
        "119 to 1" in fraud["sources"][0]["note"] and "deep concern" in fraud["sources"][0]["note"]
    )
    assert "the fact-check this base was built from" in fraud["summary"]
    assert "the article" not in fraud["summary"]


def test_wrapping_never_breaks_a_hyphenated_verdict() -> None:
    from adapters import console
    from bot.claimform import allowed_verdicts

    for indent in range(0, 60):
        text = console.render(Reply(ReplyKind.REFUSAL, " " * indent + allowed_verdicts()))
        assert "mostly-false" in text and "mostly-true" in text and "pants-fire" in text


def test_chat_takes_an_add_block_up_to_an_empty_line(db_path: Path) -> None:
    block = (
        "/add claim: Drinking hot water cures the coronavirus\n"
        "verdict: false\n"
        "claimant: Viral WhatsApp message\n"
        "date: 14 March 2020\n"
        "summary: Health agencies say hot water does not kill the virus.\n"
        "source: WHO | Myth busters | www.who.int/x | 2020-03-20\n"
        "\n"
        "does drinking hot water cure the coronavirus?\n"
    )
    out = factbot("chat", db=db_path, stdin=block.encode()).stdout.decode()
    assert "Added drinking-hot-water-cures-" in out
    assert "Unknown" not in out and "Missing" not in out and "Let's add" not in out
    assert "https://www.who.int/x" in out and "14 March 2020" in out  # the answer after it
