"""Faults (issue 15, items 13–16), through the real adapters and the real ``factbot`` command:
a claim base that cannot be written still answers; a base deleted while the bot runs is
noticed and never silently replaced; a base that cannot be opened is one line and exit 2; the
console's history is private; ``factbot slack --http`` listens on 127.0.0.1 unless told."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.access import Access
from bot.core import Core
from knowledge.store import ClaimBase
from tests.fakes.telegram_api import message_update, private_chat, user
from tests.test_telegram_app import Harness, telegram_harness

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Were the Myanmar protesters paid terrorists?"
MOD = 2
# Its summary is longer than a page (4 KB), so that storing it needs a page more whatever room
# the base's pages have left: a short claim may fit in what other rows left free.
NEW_CLAIM = (
    "/add\nclaim: Purple umbrellas cause rain\nverdict: false\nclaimant: A post\n"
    f"date: 2021\nsummary: {'They do not. ' * 400}\nsource: BBC"
)


@pytest.fixture
async def harness(base: ClaimBase) -> AsyncIterator[Harness]:
    core = Core(base, access=Access(admins=frozenset({f"telegram:{MOD}"})))
    async with telegram_harness(core) as h:
        yield h


def from_user(who: int, text: str) -> dict[str, object]:
    return message_update(text, chat=private_chat(who), sender=user(who, f"U{who}"))


def fill_the_disk(base: ClaimBase) -> None:
    """As if the disk were full: the file may not grow by a page more, and the answers log's
    pages are full to the last byte."""
    pages = base.db.execute("PRAGMA page_count").fetchone()[0]
    base.db.execute(f"PRAGMA max_page_count = {pages}")
    for size in (900, 300, 100, 30, 10, 1):
        try:
            while True:
                with base.transaction() as db:
                    db.execute(
                        "INSERT INTO answers (platform, chat_id, question, decision, created_at)"
                        " VALUES ('', '', ?, 'none', '')",
                        ["f" * size],
                    )
        except Exception as error:
            assert "full" in str(error)


# -- 13. a base that cannot be written ---------------------------------------------------------


@pytest.mark.parametrize("fault", ["read-only", "disk full"])
async def test_a_base_that_cannot_be_written_still_answers_and_warns_once(
    harness: Harness, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    base = harness.core.base
    if fault == "read-only":
        base.db.execute("PRAGMA query_only = 1")
    else:
        fill_the_disk(base)
    with caplog.at_level(logging.WARNING):
        for who in (41, 42, 43):
            [answer] = await harness.feed(from_user(who, QUESTION))
            assert answer["text"].startswith("<b>❌ FALSE</b>")
            assert "reply_markup" not in answer  # nothing logged: nothing to rate
        [refused] = await harness.feed(from_user(MOD, NEW_CLAIM))
    words = "it is read-only" if fault == "read-only" else "the disk is full"
    assert f"cannot be changed just now ({words}), so nothing was changed" in refused["text"]
    warnings = [r.getMessage() for r in caplog.records if "without the answers log" in r.message]
    assert warnings == [
        f"answering without the answers log: the claim base cannot be written ({words})"
    ]
    assert any(r.levelno == logging.ERROR and "refused" in r.message for r in caplog.records)


# -- 14. the base deleted while running ----------------------------------------------------------


async def test_a_base_deleted_while_running_refuses_writes_loudly(
    harness: Harness, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    os.remove(db_path)
    with caplog.at_level(logging.WARNING):
        [refused] = await harness.feed(from_user(MOD, NEW_CLAIM))
        [answer] = await harness.feed(from_user(42, QUESTION))
    assert "cannot be changed just now" in refused["text"]
    assert "was deleted while in use" in refused["text"]
    assert answer["text"].startswith("<b>❌ FALSE</b>")  # reading still works
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(str(db_path) in e and "deleted" in e for e in errors)
    assert not exists(db_path)  # nothing re-created it behind anyone's back


def exists(path: Path) -> bool:
    return path.exists()


def factbot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "FACTBOT_EMBEDDINGS": "off", **env},
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_a_deleted_base_is_not_silently_recreated_at_start(tmp_path: Path) -> None:
    path = tmp_path / "data" / "factbot.db"
    assert factbot({"FACTBOT_DB": str(path)}, "ask", QUESTION).returncode == 0
    for leftover in path.parent.glob("factbot.db*"):
        leftover.unlink()
    result = factbot({"FACTBOT_DB": str(path)}, "ask", QUESTION)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"the claim base {path} is missing" in result.stderr
    assert "restore" in result.stderr and "to start afresh" in result.stderr
    assert not path.exists()


# -- 15. a base that cannot be opened: one line, exit 2 --------------------------------------------


def _truncated(path: Path) -> None:
    ClaimBase.open(path).close()
    with path.open("r+b") as handle:
        handle.truncate(8192)


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is not a claim base. " * 400)


@pytest.mark.parametrize(
    ("spoil", "cause"),
    [
        (_truncated, "the file is damaged (truncated?)"),
        (_garbage, "it is not an SQLite database"),
        (lambda p: p.parent.write_text("a file where a directory should be"), "is not a directory"),
    ],
    ids=["truncated", "garbage header", "directory is a file"],
)
@pytest.mark.parametrize("command", ["ask", "telegram"])
def test_a_base_that_cannot_be_opened_is_one_line_and_exit_2(
    tmp_path: Path, spoil: object, cause: str, command: str
) -> None:
    path = tmp_path / "data" / "factbot.db"
    path.parent.mkdir()
    if "directory" in cause:
        path.parent.rmdir()
    spoil(path)  # type: ignore[operator]
    env = {"FACTBOT_DB": str(path), "TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35}
    args = (
        ["ask", QUESTION] if command == "ask" else ["telegram", "--api-url", "http://127.0.0.1:9"]
    )
    result = factbot(env, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"factbot: cannot open the claim base {path}: ")
    assert cause in result.stderr


# -- 16. the console's history file -------------------------------------------------------------


def test_the_console_history_is_private(tmp_path: Path) -> None:
    import pty

    data = tmp_path / "xdg"
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(data),
        "FACTBOT_DB": str(tmp_path / "claims.db"),
        "TERM": "dumb",
    }
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "adapters.cli", "chat"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=ROOT,
    )
    os.close(follower)
    try:
        os.write(leader, b"/help\r/quit\r")
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    history = data / "factbot" / "console_history"
    assert history.exists()
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert stat.S_IMODE(history.parent.stat().st_mode) == 0o700
