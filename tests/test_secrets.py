"""Nothing leaked: tokens and secrets kept out of logs, terminals and error messages, through
the real ``factbot telegram`` and ``factbot slack`` runs."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import listening, run_with, wait_until
from tests.processes import (
    PYTHON,
    ROOT,
    child_env,
)

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
    from bot.core import Core
    from bot.messages import Incoming, Reply

    handle = Core.handle

    def failing(self: Core, msg: Incoming) -> Reply | None:
        if EXPLODE in msg.text:
            raise RuntimeError(f"the claim base is on fire (asked by {msg.user_id})")
        return handle(self, msg)

    monkeypatch.setattr(Core, "handle", failing)


LOG_LEVELS = {
    # as ``factbot telegram`` / ``factbot slack`` configure logging: warnings, and our own info
    "default": {"": logging.WARNING, "factbot": logging.INFO},
    "verbose": {"": logging.INFO},  # factbot -v
    "debug": {"": logging.DEBUG},
}


def set_levels(caplog: pytest.LogCaptureFixture, levels: dict[str, int]) -> None:
    for name, level in levels.items():
        caplog.set_level(level, logger=name or None)


def run_telegram(tmp_path: Path, **options: Any) -> int:
    """The Telegram adapter's ``run``, as ``factbot telegram`` calls it, with these options."""
    from adapters.telegram_app import TelegramOptions, run
    from bot.config import load_settings

    return run(load_settings(), str(tmp_path / "claims.db"), TelegramOptions(**options))


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
    from tests.fakes.telegram_api import FakeBotAPI, message_update

    set_levels(caplog, LOG_LEVELS[levels])
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    with FakeBotAPI.in_thread(TELEGRAM_TOKEN) as fake:

        def scenario() -> None:
            wait_until(lambda: bool(fake.calls_to("getUpdates")))
            fake.push_update(message_update(QUESTION))
            fake.push_update(message_update(EXPLODE))
            wait_until(lambda: len(fake.sent_messages()) >= 2)

        assert run_with(scenario, run_telegram, tmp_path, api_url=fake.url) == 0
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
    from tests.fakes.telegram_api import FakeBotAPI

    set_levels(caplog, LOG_LEVELS["default"])
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    if reachable:
        with FakeBotAPI.in_thread(TELEGRAM_TOKEN) as fake:
            code = run_telegram(tmp_path, api_url=fake.url)
    else:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
        code = run_telegram(tmp_path, api_url=closed)
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

        code = run_with(
            scenario,
            run_telegram,
            tmp_path,
            api_url=fake.url,
            webhook="https://bot.example.org/hook",
            listen=f"127.0.0.1:{port}",
        )
        assert code == 0
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
    from bot.core import open_core
    from tests.fakes.slack_api import event_body, mention_event, sign

    set_levels(caplog, LOG_LEVELS[levels])
    core = open_core(tmp_path / "claims.db")
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
    from adapters.slack_app import SlackOptions, run
    from bot.config import load_settings

    for key, good in SLACK_ENV.items():
        monkeypatch.setenv(key, good)
    monkeypatch.setenv(name, value)
    http = name == "SLACK_SIGNING_SECRET"
    code = run(load_settings(), None, SlackOptions(http=http))
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
