"""Nothing lost, nothing leaked, no one unauthorised: crash safety under SIGKILL, two processes on
one file, online backups and checked restores, secrets kept out of logs and error messages,
moderator commands refused on every platform, and a private database file.

Child processes run :mod:`tests.reliability_worker` (moderator writes, bot reads) or the real
``factbot`` command line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from knowledge.desk import Actor, Desk
from knowledge.matching import Matcher
from knowledge.store import ClaimBase
from tests.helpers import run_with
from tests.reliability_worker import ALIAS_CLAIM, EDIT_CLAIM

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
                desk.add_alias(ALIAS_CLAIM, text, moderator)
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
    desk.add_alias(ALIAS_CLAIM, "kept by the backup", moderator)
    base.close()
    assert factbot_here(capsys, "backup", str(copy), db=db).returncode == 0

    base = ClaimBase.open(db)  # a later change, which the restore will undo
    Desk(base, Matcher(base)).add_alias(ALIAS_CLAIM, "made after the backup", moderator)
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
    from bot.core import open_bot

    bot = open_bot(db)
    reply = bot.handle(incoming("Were the Myanmar protesters paid terrorists?"))
    bot.base.close()
    assert reply is not None and reply.decision == "answer"
    assert mode(db) == 0o600


def test_the_database_and_its_wal_are_private_from_the_start(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "claims.db"
    old = os.umask(0o022)  # a usual umask: files would be world-readable by default
    try:
        base = ClaimBase.open(db)
        Desk(base, Matcher(base)).add_alias(
            ALIAS_CLAIM, "a write, so the WAL exists", Actor("t", "1")
        )
        wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
        assert wal.exists()
        for path in (db, wal, shm):
            assert mode(path) == 0o600, path
        base.close()
    finally:
        os.umask(old)


# -- secrets ---------------------------------------------------------------------------------------

TELEGRAM_TOKEN = "5550001234:AAHs3cretT0kenRecognisable_0123456789xyz"
TELEGRAM_SECRET = "WebhookS3cret_Recognisable-42"
SLACK_BOT_TOKEN = "xoxb-5550001234-5550005678-Recognisab1eBotT0ken"
SLACK_APP_TOKEN = "xapp-1-A0FACTBOT-5550009-Recognisab1eAppT0ken"
SLACK_SIGNING_SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e7ab"
SECRETS = (
    TELEGRAM_TOKEN,
    TELEGRAM_TOKEN.split(":", 1)[1],  # the secret half on its own
    TELEGRAM_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET,
)
QUESTION = "Were the Myanmar protesters paid terrorists?"
EXPLODE = "please explode now"


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"a secret appears in: {text[:500]!r}"


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """Every captured record, formatted, with its arguments and traceback."""
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


@pytest.fixture
def exploding_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core fails on one message, as a bug would: the adapters' error paths run."""
    from bot.core import Bot
    from bot.messages import Incoming, Reply

    handle = Bot.handle

    def failing(self: Bot, msg: Incoming) -> Reply | None:
        if EXPLODE in msg.text:
            raise RuntimeError(f"the claim base is on fire (asked by {msg.user_id})")
        return handle(self, msg)

    monkeypatch.setattr(Bot, "handle", failing)


def wait_until(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.005)


LOG_LEVELS = {
    # as ``factbot telegram`` / ``factbot slack`` configure logging: warnings, and our own info
    "default": {"": logging.WARNING, "factbot": logging.INFO},
    "verbose": {"": logging.INFO},  # factbot -v
    "debug": {"": logging.DEBUG},
}


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def set_levels(caplog: pytest.LogCaptureFixture, levels: dict[str, int]) -> None:
    for name, level in levels.items():
        caplog.set_level(level, logger=name or None)


def telegram_namespace(tmp_path: Path, **values: Any) -> Any:
    import argparse

    defaults: dict[str, Any] = {
        "db": str(tmp_path / "claims.db"),
        "api_url": None,
        "webhook": None,
        "listen": None,
        "webhook_secret": None,
    }
    return argparse.Namespace(**(defaults | values))


@pytest.mark.parametrize(
    "levels",
    [
        "default",
        "verbose",
        "debug",
    ],
)
def test_telegram_run_logs_no_token(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    exploding_core: None,
    levels: str,
) -> None:
    """``factbot telegram`` long polling: an answer and a handler error. The token is
    nowhere in the logs (their arguments and tracebacks too) or on the terminal."""
    from adapters.telegram_app import run
    from tests.fakes.telegram_api import FakeBotAPI, message_update

    set_levels(caplog, LOG_LEVELS[levels])
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    with FakeBotAPI.in_thread(TELEGRAM_TOKEN) as fake:

        def scenario() -> None:
            wait_until(lambda: bool(fake.calls_to("getUpdates")))
            fake.push_update(message_update(QUESTION))
            fake.push_update(message_update(EXPLODE))
            wait_until(lambda: len(fake.sent_messages()) >= 2)

        assert run_with(scenario, run, telegram_namespace(tmp_path, api_url=fake.url)) == 0
    texts = [m["text"] for m in fake.sent_messages()]
    assert any("went wrong" in t for t in texts)  # the handler error really happened
    assert any(r.levelno >= logging.ERROR and r.exc_info for r in caplog.records)
    out, err = capsys.readouterr()
    assert_no_secret(everything_logged(caplog), out, err)


@pytest.mark.parametrize(
    ("token", "reachable"),
    [
        ("AAHs3cretT0kenRecognisable_0123456789xyz", True),  # the id part forgotten
        ("5550001234:AAHs3cretT0ken", True),  # cut short
        (" 5550001234:AAHs3cretT0kenRecognisable_0123456789xyz!", True),  # a stray character
        ("5550001234:AAHs3cretT0kenRecognisable_0123456789XYZ", True),  # rejected by Telegram
        (TELEGRAM_TOKEN, False),  # the server cannot be reached
    ],
)
def test_telegram_token_problems_do_not_echo_the_token(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    token: str,
    reachable: bool,
) -> None:
    from adapters.telegram_app import run
    from tests.fakes.telegram_api import FakeBotAPI

    set_levels(caplog, LOG_LEVELS["default"])
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    if reachable:
        with FakeBotAPI.in_thread(TELEGRAM_TOKEN) as fake:
            code = run(telegram_namespace(tmp_path, api_url=fake.url))
    else:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
        code = run(telegram_namespace(tmp_path, api_url=closed))
    assert code == (2 if reachable else 1)
    out, err = capsys.readouterr()
    assert err.startswith("factbot telegram: ") and err.count("\n") == 1, err
    secret_half = token.strip().split(":")[-1].rstrip("!")
    for text in (out, err, everything_logged(caplog)):
        assert secret_half not in text
        assert_no_secret(text)


def test_telegram_webhook_secret_is_not_logged(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The webhook server refuses a wrong secret token, and says so without the secret."""
    import urllib.error
    import urllib.request

    from adapters.telegram_app import run
    from tests.fakes.telegram_api import FakeBotAPI, message_update

    set_levels(caplog, LOG_LEVELS["default"])
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    statuses: list[int] = []

    def post(secret: str | None) -> int:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        body = json.dumps({"update_id": len(statuses) + 1, **message_update(QUESTION)})
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/hook", body.encode(), headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    with FakeBotAPI.in_thread(TELEGRAM_TOKEN) as fake:

        def scenario() -> None:
            wait_until(lambda: bool(fake.calls_to("setWebhook")))
            wait_until(lambda: listening(port))
            statuses.append(post(TELEGRAM_SECRET[:-1]))  # nearly right
            statuses.append(post(None))
            statuses.append(post(TELEGRAM_SECRET))
            wait_until(lambda: bool(fake.sent_messages()))

        namespace = telegram_namespace(
            tmp_path,
            api_url=fake.url,
            webhook="https://bot.example.org/hook",
            listen=f"127.0.0.1:{port}",
        )
        assert run_with(scenario, run, namespace) == 0
    assert statuses == [403, 403, 200]
    out, err = capsys.readouterr()
    logged = everything_logged(caplog)
    assert_no_secret(logged, out, err)
    assert TELEGRAM_SECRET[:-1] not in logged


SLACK_ENV = {
    "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
    "SLACK_APP_TOKEN": SLACK_APP_TOKEN,
    "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
}


@pytest.mark.parametrize("levels", list(LOG_LEVELS))
async def test_slack_app_logs_no_token_or_signing_secret(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    slack_fake: Any,
    exploding_core: None,
    levels: str,
) -> None:
    """Signed and forged requests, an answer and a listener error over the real HTTP server,
    with every logger at the level given: no token or signing secret in the logs."""
    import aiohttp

    from adapters.slack_app import EVENTS_PATH, build_app, start_http
    from bot.core import open_bot
    from tests.fakes.slack_api import event_body, mention_event, sign

    set_levels(caplog, LOG_LEVELS[levels])
    core = open_bot(tmp_path / "claims.db")
    app = build_app(
        core, token=SLACK_BOT_TOKEN, signing_secret=SLACK_SIGNING_SECRET, api_url=slack_fake.api_url
    )
    runner = await start_http(app, "127.0.0.1", 0)
    host, port = runner.addresses[0][:2]
    statuses = []
    try:
        async with aiohttp.ClientSession() as session:
            for n, (text, secret) in enumerate(
                [
                    (QUESTION, SLACK_SIGNING_SECRET),
                    (EXPLODE, SLACK_SIGNING_SECRET),
                    (QUESTION, SLACK_SIGNING_SECRET[::-1]),  # forged
                ]
            ):
                body = event_body(mention_event(text, ts=f"17000001{n}.000100"), event_id=f"Ev{n}")
                headers = sign(body, "application/json", secret=secret).headers
                url = f"http://{host}:{port}{EVENTS_PATH}"
                async with session.post(url, data=body.encode(), headers=headers) as response:
                    statuses.append(response.status)
        posts = await slack_fake.wait_for("chat.postMessage", 2)
    finally:
        await runner.cleanup()
        core.base.close()
    assert statuses == [200, 200, 401]
    assert any("went wrong" in c.payload["text"] for c in posts)  # the error path ran
    assert all(c.token == SLACK_BOT_TOKEN for c in posts)  # the token was really used
    assert any(r.levelno >= logging.ERROR and r.exc_info for r in caplog.records)
    assert_no_secret(everything_logged(caplog))


async def run_cli(
    *args: str, env: dict[str, str], until: str, then: Any = None, seconds: float = 20
) -> tuple[int, str]:
    """``factbot ARGS`` in its own process: wait for ``until`` on its standard error, run
    ``then()``, stop it with SIGTERM; returns (exit status, everything it wrote).

    A plain ``subprocess.Popen`` read from worker threads, not asyncio's subprocess support:
    asyncio's child watcher has reported a fast-exiting child as "unknown" (exit 255) on a
    loaded machine."""
    process = subprocess.Popen(  # noqa: ASYNC220 - starting it does not block; reads are threaded
        [PYTHON, "-m", "adapters.cli", *args],
        cwd=ROOT,
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None and process.stdout is not None
    seen = b""
    out = err = b""
    try:
        async with asyncio.timeout(seconds):
            while until.encode() not in seen:
                line = await asyncio.to_thread(process.stderr.readline)
                if not line:
                    break
                seen += line
            if then is not None and until.encode() in seen:
                await then()
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            out, err = await asyncio.to_thread(process.communicate)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode is not None
    return process.returncode, (seen + err + out).decode()


@pytest.mark.parametrize("mode", ["http", "socket-mode"])
async def test_factbot_slack_verbose_prints_no_secret(
    tmp_path: Path, slack_fake: Any, mode: str
) -> None:
    """``factbot -v slack``, in its own process: its whole standard error, at INFO."""
    import aiohttp

    from adapters.slack_app import EVENTS_PATH
    from tests.fakes.slack_api import event_body, mention_event, sign

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def converse() -> None:
        body = event_body(mention_event(QUESTION))
        if mode == "http":
            headers = sign(body, "application/json", secret=SLACK_SIGNING_SECRET).headers
            async with (
                aiohttp.ClientSession() as session,
                session.post(
                    f"http://127.0.0.1:{port}{EVENTS_PATH}", data=body.encode(), headers=headers
                ) as response,
            ):
                assert response.status == 200
        else:
            await slack_fake.push("events_api", json.loads(body))
        await slack_fake.wait_for("chat.postMessage", seconds=10)

    extra = ["--http", "--port", str(port)] if mode == "http" else []
    code, output = await run_cli(
        "-v",
        "slack",
        *extra,
        "--api-url",
        slack_fake.api_url,
        "--db",
        str(tmp_path / "claims.db"),
        env=SLACK_ENV,
        until="Factbot for Slack:",
        then=converse,
    )
    assert code == 0, output
    assert "Traceback" not in output
    assert_no_secret(output)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SLACK_BOT_TOKEN", "xoxp-5550001234-Recognisab1eUserT0ken"),  # a user token
        ("SLACK_BOT_TOKEN", SLACK_BOT_TOKEN + " trailing words"),
        ("SLACK_APP_TOKEN", "xapp1-Recognisab1eAppT0ken"),
        ("SLACK_SIGNING_SECRET", "not-hex-Recognisab1eS1gningSecret"),
    ],
)
def test_slack_malformed_settings_are_named_not_echoed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str, value: str
) -> None:
    import argparse

    from adapters.slack_app import run

    for key, good in SLACK_ENV.items():
        monkeypatch.setenv(key, good)
    monkeypatch.setenv(name, value)
    http = name == "SLACK_SIGNING_SECRET"
    code = run(argparse.Namespace(db=None, http=http, port=3000, api_url=None))
    assert code == 2
    out, err = capsys.readouterr()
    assert f"{name} is malformed" in err
    assert value.split()[0] not in err + out
    assert "Recognisab1e" not in err + out


async def test_slack_token_rejected_by_slack_is_not_echoed(tmp_path: Path, slack_fake: Any) -> None:
    slack_fake.fail("auth.test", "invalid_auth")
    code, output = await run_cli(
        "slack",
        "--api-url",
        slack_fake.api_url,
        "--db",
        str(tmp_path / "claims.db"),
        env=SLACK_ENV,
        until="never printed",
    )
    assert code == 2
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in output
    assert_no_secret(output)


# -- moderator commands from everyone else ----------------------------------------------------

MODERATOR_COMMANDS = {
    "add": "\nclaim: Drinking hot water cures the coronavirus\nverdict: false\nclaimant: A post\n"
    "date: 2020-03-14\nsummary: It does not.\nsource: WHO | Myth busters",
    "cancel": "",
    "source": f"{ALIAS_CLAIM} Evil Corp | We say so | https://evil.example | 2024-01-01",
    "alias": f"{ALIAS_CLAIM} the protesters were heroes",
    "verdict": f"{ALIAS_CLAIM} true | because I say so",
    "edit": f"{ALIAS_CLAIM} claim Something else entirely",
    "translate": f"{ALIAS_CLAIM} ru\nclaim: Протестующие были героями",
    "retract": f"{EDIT_CLAIM} gone",
    "restore": EDIT_CLAIM,
    "history": ALIAS_CLAIM,
    "undo": "",
    "queue": "",
    "link": f"1 {ALIAS_CLAIM}",
    "stats": "",
    "grant": "99",
    "revoke": "1",
    "moderators": "",
    "appeared": f"{ALIAS_CLAIM} https://evil.example/post",
    "image": ALIAS_CLAIM,
}
TABLES = (
    "claims",
    "sources",
    "aliases",
    "claim_translations",
    "roles",
    "audit",
    "queue",
    "chat_settings",
    "claim_images",
)


def snapshot(base: ClaimBase) -> dict[str, list[tuple[Any, ...]]]:
    return {t: base.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


@pytest.fixture
def guarded_core(tmp_path: Path) -> Iterator[Any]:
    """The core with a moderator (telegram:1, slack:U0MODERATOR) and an admin, a queued
    question, and rate limits off (every command must reach the role check)."""
    from bot.access import Access
    from bot.config import Settings
    from bot.core import Bot
    from bot.messages import Incoming

    base = ClaimBase.open(tmp_path / "claims.db")
    core = Bot(
        base,
        Settings(user_checks_per_minute=0, group_checks_per_minute=0),
        access=Access(admins=frozenset({"telegram:1000", "slack:U0ADMIN"})),
    )
    for who in ("1", "U0MODERATOR"):
        platform = "slack" if who.startswith("U") else "telegram"
        admin = "1000" if platform == "telegram" else "U0ADMIN"
        core.handle(Incoming(platform, admin, admin, f"/grant {platform}:{who}"))
    core.handle(Incoming("telegram", "5", "5", "Is the moon made of green cheese?"))
    assert core.desk.queue_length() == 1
    yield core
    base.close()


def test_every_moderator_command_is_listed_here(guarded_core: Any) -> None:
    from bot.access import Role

    guarded = {c.name for c in guarded_core.commands if c.role > Role.USER}
    assert guarded == set(MODERATOR_COMMANDS)


def refusals(caplog: pytest.LogCaptureFixture, platform: str, user: str) -> list[str]:
    marker = f" for {platform}:{user} "
    return [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("refused /") and marker in r.getMessage()
    ]


def test_console_is_the_operator_and_may_moderate(guarded_core: Any) -> None:
    from adapters import console
    from bot.access import Role
    from bot.messages import ReplyKind

    msg = console.incoming("/moderators")
    assert guarded_core.access.role_of(msg) == Role.ADMIN
    reply = guarded_core.handle(msg)
    assert reply is not None and reply.kind is ReplyKind.TEXT
    assert "telegram:1" in reply.text


async def test_telegram_refuses_and_logs_every_moderator_command_from_a_user(
    guarded_core: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from telegram import Update

    from adapters.telegram_app import build_application
    from tests.fakes.telegram_api import (
        FakeBotAPI,
        group_chat,
        local_requests,
        message_update,
        private_chat,
        user,
    )

    caplog.set_level(logging.WARNING)
    before = snapshot(guarded_core.base)
    stranger = user(4242, "Mallory")
    async with FakeBotAPI() as fake:
        app = build_application(guarded_core, fake.token, api_url=fake.url, **local_requests())
        async with app:
            for chat in (private_chat(4242), group_chat(-100900)):
                for name, args in MODERATOR_COMMANDS.items():
                    payload = message_update(f"/{name} {args}".strip(), chat=chat, sender=stranger)
                    fake.remember_chats(payload)
                    sent_before = len(fake.sent_messages())
                    await app.process_update(Update.de_json({"update_id": 1, **payload}, app.bot))
                    [reply] = fake.sent_messages()[sent_before:]
                    assert reply["text"].startswith(f"Sorry, /{name} is for "), reply["text"]
                    assert reply["text"].endswith("s only.")
    assert snapshot(guarded_core.base) == before
    logged = refusals(caplog, "telegram", "4242")
    assert len(logged) == 2 * len(MODERATOR_COMMANDS)
    assert {line.split()[1] for line in logged} == {f"/{n}" for n in MODERATOR_COMMANDS}


async def test_slack_refuses_and_logs_every_moderator_command_from_a_user(
    guarded_core: Any, caplog: pytest.LogCaptureFixture, slack_fake: Any
) -> None:
    from slack_bolt.request.async_request import AsyncBoltRequest

    from adapters.slack_app import build_app
    from tests.fakes.slack_api import (
        USER,
        command_body,
        event_body,
        mention_event,
        message_event,
        sign,
    )

    caplog.set_level(logging.WARNING)
    before = snapshot(guarded_core.base)
    app = build_app(
        guarded_core,
        token=SLACK_BOT_TOKEN,
        signing_secret=SLACK_SIGNING_SECRET,
        api_url=slack_fake.api_url,
        process_before_response=True,
    )

    async def dispatch(body: str, content_type: str) -> None:
        signed = sign(body, content_type, secret=SLACK_SIGNING_SECRET)
        headers: dict[str, str | Sequence[str]] = dict(signed.headers)
        response = await app.async_dispatch(AsyncBoltRequest(body=signed.body, headers=headers))
        assert response.status == 200

    for n, (name, args) in enumerate(MODERATOR_COMMANDS.items()):
        text = f"{name} {args}".strip()
        # /factcheck <command>, a direct message, and a mention in a channel
        await dispatch(
            command_body(text, response_url=slack_fake.response_url(f"c{n}")),
            "application/x-www-form-urlencoded",
        )
        await dispatch(
            event_body(message_event(text, ts=f"1700000{n}.1"), event_id=f"EvDM{n}"),
            "application/json",
        )
        await dispatch(
            event_body(mention_event(f"/{text}", ts=f"1700000{n}.2"), event_id=f"EvM{n}"),
            "application/json",
        )
    shown = [c.payload for c in slack_fake.messages()]
    assert len(shown) == 3 * len(MODERATOR_COMMANDS)
    for payload in shown:
        assert (
            "is for moderators only" in payload["text"] or "is for admins only" in payload["text"]
        ), payload["text"]
    assert snapshot(guarded_core.base) == before
    logged = refusals(caplog, "slack", USER)
    assert len(logged) == 3 * len(MODERATOR_COMMANDS)


def test_a_moderator_on_one_platform_is_a_user_on_another(guarded_core: Any) -> None:
    """Roles are per platform: telegram:1 is a moderator, slack:1 is not."""
    from bot.messages import Incoming, ReplyKind

    before = snapshot(guarded_core.base)
    reply = guarded_core.handle(Incoming("slack", "D1", "1", "/retract mm-election-fraud"))
    assert reply is not None and reply.kind is ReplyKind.REFUSAL
    assert snapshot(guarded_core.base) == before
    reply = guarded_core.handle(Incoming("telegram", "1", "1", "/queue"))
    assert reply is not None and reply.kind is ReplyKind.TEXT


# -- abuse limits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msg",
    [
        {"platform": "telegram", "chat_id": "-100", "is_direct": False, "text": "/check {q}"},
        {"platform": "telegram", "chat_id": "42", "text": "/check {q}"},
        {"platform": "slack", "chat_id": "C1", "text": "check {q}", "bare_commands": True},
        {"platform": "slack", "chat_id": "C1", "text": "/check {q}"},  # the message shortcut
    ],
    ids=["telegram-group", "telegram-private", "slack-factcheck-check", "slack-shortcut"],
)
def test_the_check_command_counts_against_the_rate_limit(tmp_path: Path, msg: Any) -> None:
    """``/check`` is how groups ask: it must not be a way around the per-user limit."""
    from bot.core import Bot
    from bot.messages import Incoming, ReplyKind

    base = ClaimBase.open(tmp_path / "claims.db")
    now = [0.0]
    core = Bot(base, clock=lambda: now[0])
    text = msg.pop("text").format(q=QUESTION)
    replies = [core.handle(Incoming(user_id="7", text=text, **msg)) for _ in range(25)]
    base.close()
    kinds = [r.kind if r else None for r in replies]
    assert kinds[:20] == [ReplyKind.ANSWER] * 20
    assert kinds[20] is ReplyKind.REFUSAL
    assert replies[20] is not None and "faster than I can check" in replies[20].text
    assert kinds[21:] == [None] * 4  # told once, then quiet
