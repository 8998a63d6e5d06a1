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

from knowledge.migrations import MIGRATIONS
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
                [MIGRATIONS.name],
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
        seen = claims_state_version(dest)
        seen_logs = _log_heads(dest)
        seen_vectors = _vectors_state(dest)
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
        # Past any version a running bot has seen: the restored claims are news to its
        # kept results even where the backup's own count happens to match (m012).
        if seen is not None and claims_state_version(dest) is not None:
            with dest:
                dest.execute(
                    "UPDATE claims_state SET version = max(version, ?) + 1 WHERE id = 1", [seen]
                )
        _logs_restored(dest, seen_logs, seen_vectors)
    finally:
        dest.close()
        source.close()
    return claims, saved


# The logs a running bot follows to patch its in-memory indexes (m007, m013), and the
# column each names a changed row in.
LOGS = {"claim_docs_log": "doc", "claim_vectors_log": "claim"}


def _log_heads(conn: sqlite3.Connection) -> dict[str, int]:
    """The newest entry of each of the logs this file has."""
    heads = {}
    for log in LOGS:
        with contextlib.suppress(sqlite3.OperationalError):  # a file from before the log
            heads[log] = int(conn.execute(f"SELECT coalesce(max(seq), 0) FROM {log}").fetchone()[0])
    return heads


def _vectors_state(conn: sqlite3.Connection) -> int | None:
    try:
        row = conn.execute("SELECT version FROM claim_vectors_state WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


def _logs_restored(conn: sqlite3.Connection, seen: dict[str, int], vectors: int | None) -> None:
    """Tell a running bot that every row may have changed: the restored file's logs may hold
    entries numbered like those it has read, or fewer. Each log is emptied but for one entry
    numbered well past the newest it could have read (past the 256 kept), so the bot finds
    entries missing and reads its index afresh; and the vectors' state moves past the one it
    saw."""
    now = _log_heads(conn)
    with conn:
        for log, column in LOGS.items():
            if log not in now or log not in seen:
                continue
            past = max(seen[log], now[log]) + 1_000
            conn.execute(f"DELETE FROM {log}")
            conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", [log])
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [log, past])
            conn.execute(f"INSERT INTO {log} ({column}) VALUES (-1)")
        if vectors is not None and _vectors_state(conn) is not None:
            conn.execute(
                "UPDATE claim_vectors_state SET version = max(version, ?) + 1 WHERE id = 1",
                [vectors],
            )
