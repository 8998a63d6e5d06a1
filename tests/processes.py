"""Child processes for the reliability tests: the real ``factbot`` command line, or
:mod:`tests.reliability_worker` (moderator writes, bot reads), each with a clean environment;
and what the tests read of a claim base file afterwards."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.store import ClaimBase

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def child_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "FACTBOT_"))
    }
    env["PYTHONPATH"] = str(ROOT)
    env["PTB_TIMEDELTA"] = "1"
    env.update(extra)
    return env


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-m", "tests.reliability_worker", *args],
        cwd=ROOT,
        env=child_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def factbot(*args: str, db: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real ``factbot`` command line, in its own process."""
    return subprocess.run(
        [PYTHON, "-m", "adapters.cli", *args, "--db", str(db)],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def factbot_here(
    capsys: pytest.CaptureFixture[str], *args: str, db: Path
) -> subprocess.CompletedProcess[str]:
    """The same command line, run in this process (faster, for the variations)."""
    from adapters.cli import main

    capsys.readouterr()
    code = main([*args, "--db", str(db)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fresh_base(path: Path) -> None:
    ClaimBase.open(path).close()
