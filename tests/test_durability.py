"""Nothing lost: crash safety under SIGKILL, two processes on one file, online backups and
checked restores, and a private database file. Child processes run
:mod:`tests.reliability_worker` (moderator writes, bot reads) or the real ``factbot`` command
line."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher
from knowledge.store import ClaimBase
from tests.processes import (
    factbot,
    factbot_here,
    fresh_base,
    integrity,
    mode,
    worker,
)
from tests.reliability_worker import ALIAS_CLAIM, EDIT_CLAIM

# -- crash safety ------------------------------------------------------------------------------

ROUNDS = 24


def present(path: Path) -> dict[str, set[str]]:
    """What the moderators' writes left in the base, by kind (as the worker acknowledges)."""
    conn = sqlite3.connect(path)
    try:
        aliases = {r[0] for r in conn.execute("SELECT text FROM aliases")}
        sources = {r[0] for r in conn.execute("SELECT publisher FROM sources")}
        edits = {
            json.loads(r[0])["summary"]
            for r in conn.execute(
                "SELECT after FROM audit WHERE action = 'edit summary' AND claim_id = ?",
                [EDIT_CLAIM],
            )
        }
        return {"alias": aliases, "source": sources, "edit": edits}
    finally:
        conn.close()


def test_moderator_writes_survive_sigkill_at_random_moments(tmp_path: Path) -> None:
    """A moderator process is killed with SIGKILL mid-stream, again and again. After each
    restart the file is intact and every write acknowledged to the moderator is there."""
    db = tmp_path / "claims.db"
    fresh_base(db)
    rng = random.Random(7)
    acknowledged: dict[str, set[str]] = {"alias": set(), "source": set(), "edit": set()}
    total_acks = 0
    parent = worker("crash", str(db))  # forks the moderator processes
    assert parent.stdin is not None and parent.stdout is not None

    def command(line: str) -> None:
        assert parent.stdin is not None
        parent.stdin.write(line + "\n")
        parent.stdin.flush()

    def read() -> tuple[str, str]:
        assert parent.stdout is not None
        line = parent.stdout.readline()
        assert line, "the worker died"
        kind, _, value = line.rstrip("\n").partition("\t")
        return kind, value

    try:
        for round_ in range(ROUNDS):
            command(f"fork r{round_}")
            pid, wanted, acks = None, rng.randint(1, 10), 0
            while pid is None or acks < wanted:  # let it acknowledge some writes
                kind, value = read()
                if kind == "pid":
                    pid = int(value)
                else:
                    acknowledged[kind].add(value)
                    acks += 1
            # then kill it a moment later: mostly in the middle of the next transaction
            time.sleep(rng.uniform(0, 0.003))
            os.kill(pid, signal.SIGKILL)
            command(f"reap {pid}")
            while (line := read())[0] != "reaped":  # acknowledged before it died
                acknowledged[line[0]].add(line[1])
                acks += 1
            assert line[1].endswith(f"\t{signal.SIGKILL}"), line  # killed, not failed
            total_acks += acks

            assert integrity(db) == "ok", f"round {round_}"
            base = ClaimBase.open(db)  # the restart: recovers the WAL; migrations: nothing
            try:
                assert base.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert base.db.execute("PRAGMA foreign_key_check").fetchall() == []
            finally:
                base.close()
            found = present(db)
            for kind, values in acknowledged.items():
                assert values <= found[kind], (round_, kind, values - found[kind])
    finally:
        parent.communicate(timeout=10)  # closes its standard input: it ends
    assert total_acks >= ROUNDS


# -- two processes on one file -----------------------------------------------------------------


def test_bots_starting_together_on_a_new_file_all_open_it(tmp_path: Path) -> None:
    """Two bots (and a CLI) started at once on a file that does not exist yet: every one opens
    it, none fails with "database is locked" while another creates the tables."""
    db = tmp_path / "new.db"
    at = str(time.time() + 0.8)  # after every process has started and imported
    children = [worker("open", str(db), at) for _ in range(4)]
    outputs = [child.communicate(timeout=30) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert out.strip() == "opened 4"
    assert integrity(db) == "ok"
    assert mode(db) == 0o600


def test_two_writers_and_four_readers_never_see_database_is_locked(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    fresh_base(db)
    seconds, at = "2.0", str(time.time() + 0.8)  # all six at once, once they have started
    children = [worker("writer", str(db), f"w{n}", seconds, at) for n in range(2)]
    children += [worker("reader", str(db), f"r{n}", seconds, at) for n in range(4)]
    reports = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        reports.append(json.loads(out))
    for report in reports:
        assert report["errors"] == [], report
        assert report["locked"] == 0
        assert report["ops"] > 0, report
    assert integrity(db) == "ok"


# -- backup and restore --------------------------------------------------------------------------


class Writer(threading.Thread):
    """A moderator adding aliases in a loop, on its own connection, until stopped; keeps the
    aliases whose write had returned (acknowledged) in order."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.acknowledged: list[str] = []
        self.failures: list[BaseException] = []
        self.stop = threading.Event()
        self.started_writing = threading.Event()

    def run(self) -> None:
        base = ClaimBase.open(self.db)
        try:
            desk = Desk(base, Matcher(base))
            moderator = Actor("telegram", "moderator")
            n = 0
            while not self.stop.is_set():
                n += 1
                text = f"backup alias {n}"
                desk.claims.add_alias(ALIAS_CLAIM, text, moderator)
                self.acknowledged.append(text)
                self.started_writing.set()
        except BaseException as error:
            self.failures.append(error)
            self.started_writing.set()
        finally:
            base.close()


@pytest.fixture
def writing(tmp_path: Path) -> Iterator[Writer]:
    db = tmp_path / "claims.db"
    fresh_base(db)
    thread = Writer(db)
    thread.start()
    assert thread.started_writing.wait(10)
    yield thread
    thread.stop.set()
    thread.join(10)
    assert not thread.failures, thread.failures


def aliases(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT text FROM aliases")}
    finally:
        conn.close()


def test_backup_while_a_moderator_writes_holds_every_acknowledged_write(
    writing: Writer, tmp_path: Path
) -> None:
    db, copy = writing.db, tmp_path / "backup.db"
    while len(writing.acknowledged) < 5:  # a few writes in, and it keeps writing
        time.sleep(0.001)
    before = list(writing.acknowledged)
    done = factbot("backup", str(copy), db=db)
    after = len(writing.acknowledged)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("backed up 4 claims from ")
    assert after > len(before), "the writer kept writing during the backup"
    assert integrity(copy) == "ok"
    copied = aliases(copy)
    assert set(before) <= copied
    assert copied <= set(writing.acknowledged) | aliases(db)  # nothing invented
    assert mode(copy) == 0o600
    assert not Path(f"{copy}-wal").exists()  # one self-contained file
    assert mode(db) == 0o600


def test_backup_refuses_to_overwrite_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, existing = tmp_path / "claims.db", tmp_path / "precious.txt"
    fresh_base(db)
    existing.write_text("keep me")
    done = factbot_here(capsys, "backup", str(existing), db=db)
    assert done.returncode == 2
    assert "exists already" in done.stderr and "Traceback" not in done.stderr
    assert existing.read_text() == "keep me"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"this is not a database at all\n" * 100, "is not a Factbot claim base"),
        (b"", "is not a Factbot claim base"),
        (None, "is not a Factbot claim base"),  # an SQLite file, but someone else's
        (b"SQLite format 3\x00" + b"\xff" * 4000, "is not a Factbot claim base"),
    ],
    ids=["text", "empty", "foreign-sqlite", "damaged-header"],
)
def test_restore_refuses_a_junk_file_and_leaves_the_base_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, words: str
) -> None:
    db, junk = tmp_path / "claims.db", tmp_path / "junk.db"
    fresh_base(db)
    before = db.read_bytes()
    if content is None:
        conn = sqlite3.connect(junk)
        conn.execute("CREATE TABLE claims (id TEXT)")
        conn.commit()
        conn.close()
    else:
        junk.write_bytes(content)
    if content and content.startswith(b"this is not"):  # once through a real process
        done = factbot("restore", str(junk), db=db)
    else:
        done = factbot_here(capsys, "restore", str(junk), db=db)
    assert done.returncode == 2
    assert done.stderr.startswith("factbot: ") and words in done.stderr, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("claims.db.before-restore-*"))


def test_restore_of_a_missing_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "claims.db"
    fresh_base(db)
    done = factbot_here(capsys, "restore", str(tmp_path / "nowhere.db"), db=db)
    assert done.returncode == 2
    assert "no such file" in done.stderr


def test_restore_puts_a_backup_back_and_keeps_the_previous_base_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, copy = tmp_path / "claims.db", tmp_path / "backup.db"
    base = ClaimBase.open(db)
    desk = Desk(base, Matcher(base))
    moderator = Actor("slack", "U0MOD")
    desk.claims.add_alias(ALIAS_CLAIM, "kept by the backup", moderator)
    base.close()
    assert factbot_here(capsys, "backup", str(copy), db=db).returncode == 0

    base = ClaimBase.open(db)  # a later change, which the restore will undo
    Desk(base, Matcher(base)).claims.add_alias(ALIAS_CLAIM, "made after the backup", moderator)
    base.close()

    done = factbot("restore", str(copy), db=db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"restored 4 claims from {copy} into {db}"
    assert lines[1].startswith("the previous claim base was saved as ")
    saved = Path(lines[1].removeprefix("the previous claim base was saved as "))
    assert saved.parent == db.parent and saved.name.startswith("claims.db.before-restore-")

    assert integrity(db) == "ok" and integrity(saved) == "ok"
    assert "kept by the backup" in aliases(db)
    assert "made after the backup" not in aliases(db)
    assert "made after the backup" in aliases(saved)
    for path in (db, copy, saved):
        assert mode(path) == 0o600, path
    # and the bot works on the restored base
    from adapters.console import incoming
    from bot.core import open_core

    bot = open_core(db)
    reply = bot.handle(incoming("Were the Myanmar protesters paid terrorists?"))
    bot.base.close()
    assert reply is not None and reply.decision == "answer"
    assert mode(db) == 0o600


def test_the_database_and_its_wal_are_private_from_the_start(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "claims.db"
    old = os.umask(0o022)  # a usual umask: files would be world-readable by default
    try:
        base = ClaimBase.open(db)
        Desk(base, Matcher(base)).claims.add_alias(
            ALIAS_CLAIM, "a write, so the WAL exists", Actor("t", "1")
        )
        wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
        assert wal.exists()
        for path in (db, wal, shm):
            assert mode(path) == 0o600, path
        base.close()
    finally:
        os.umask(old)
