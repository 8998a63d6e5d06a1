"""Consistent online copies of the claim base, and putting one back.

Both use SQLite's backup API, which copies a consistent snapshot page by page while other
connections (the running bots) keep reading and writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from knowledge.migrations import NAME as MIGRATION_SET
from knowledge.store import BUSY_TIMEOUT_MS, claims_state_version


class BackupError(ValueError):
    pass


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def backup(db_path: Path, target: Path) -> int:
    """Copy the live claim base at ``db_path`` to ``target``. Returns the number of claims."""
    if not db_path.exists():
        raise BackupError(f"no claim base at {db_path}")
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file")
    _private_file(target)
    source, dest = _connect(db_path), _connect(target)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        return int(dest.execute("SELECT count(*) FROM claims").fetchone()[0])
    finally:
        dest.close()
        source.close()


def verify(path: Path) -> int:
    """Check that ``path`` is an intact Factbot claim base; returns its number of claims."""
    if not path.is_file():
        raise BackupError(f"no such file: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (integrity check failed)")
            applied = conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET],
            ).fetchone()[0]
            if not applied:
                raise BackupError(f"{path} is not a Factbot claim base")
            return int(conn.execute("SELECT count(*) FROM claims").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Factbot claim base ({error})") from None


def restore(backup_path: Path, db_path: Path) -> tuple[int, Path | None]:
    """Put a verified backup in place of the live claim base. The current base is first
    saved beside it; returns (claims restored, where the old base was saved)."""
    claims = verify(backup_path)
    saved: Path | None = None
    if db_path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        saved = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        backup(db_path, saved)
    else:
        _private_file(db_path)
    source, dest = _connect(backup_path), _connect(db_path)
    try:
        seen_states = {table: claims_state_version(dest, table) for table in STATES}
        seen_logs = _log_heads(dest)
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
        _restored(dest, seen_states, seen_logs)
    finally:
        dest.close()
        source.close()
    return claims, saved


# The one-row versions a running bot checks before every question: its kept results (m012)
# and its in-memory vectors (m006).
STATES = ("claims_state", "claim_vectors_state")
# The logs it follows to patch its in-memory indexes (m007, m013), and the column each names
# a changed row in.
LOGS = {"claim_docs_log": "doc", "claim_vectors_log": "claim"}


def _log_heads(conn: sqlite3.Connection) -> dict[str, int]:
    """The newest entry of each of the logs this file has."""
    heads = {}
    for log in LOGS:
        with contextlib.suppress(sqlite3.OperationalError):  # a file from before the log
            heads[log] = int(conn.execute(f"SELECT coalesce(max(seq), 0) FROM {log}").fetchone()[0])
    return heads


def _restored(
    conn: sqlite3.Connection, states: dict[str, int | None], logs: dict[str, int]
) -> None:
    """Tell a running bot that everything may have changed. Each state moves past the version
    it saw, even where the backup's own count happens to match. The restored file's logs may
    hold entries numbered like those it has read, or fewer: each is emptied but for one entry
    numbered well past the newest it could have read (past the 256 kept), so the bot finds
    entries missing and reads its index afresh."""
    now = _log_heads(conn)
    with conn:
        for table, seen in states.items():
            if seen is not None and claims_state_version(conn, table) is not None:
                conn.execute(
                    f"UPDATE {table} SET version = max(version, ?) + 1 WHERE id = 1", [seen]
                )
        for log, column in LOGS.items():
            if log not in now or log not in logs:
                continue
            past = max(logs[log], now[log]) + 1_000
            conn.execute(f"DELETE FROM {log}")
            conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", [log])
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [log, past])
            conn.execute(f"INSERT INTO {log} ({column}) VALUES (-1)")
