"""``factbot telegram`` end to end: the command line (``adapters.cli.main``) with real long
polling and a real webhook server.

The command owns its event loop, so the fake Bot API runs on its own loop in a thread, a
helper thread plays the user, and a SIGINT stops the bot as Ctrl-C would.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.cli import main
from adapters.telegram_app import ALLOWED_UPDATES
from tests.fakes.telegram_api import BOT_TOKEN, FakeBotAPI, message_update
from tests.helpers import free_port, listening, run_with, wait_until

QUESTION = "Were the Myanmar protesters paid terrorists?"


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    with FakeBotAPI.in_thread() as fake:
        yield fake


def telegram(tmp_path: Path, *options: str) -> list[str]:
    """``factbot --db TMP/claims.db telegram OPTIONS``, as ``main`` takes it."""
    return ["--db", str(tmp_path / "claims.db"), "telegram", *options]


# -- configuration errors: one line, exit 2 ------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "words"),
    [(None, "TELEGRAM_BOT_TOKEN is not set"), ("not-a-token", "does not look like a bot token")],
)
def test_missing_or_malformed_token(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    token: str | None,
    words: str,
) -> None:
    if token is not None:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    assert main(telegram(tmp_path)) == 2
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_token_rejected_by_the_server(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake: FakeBotAPI,
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1234567:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    monkeypatch.setenv("TELEGRAM_API_URL", fake.url)  # the environment variable works too
    assert main(telegram(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err == "factbot telegram: Telegram rejected TELEGRAM_BOT_TOKEN (revoked or mistyped?)\n"
    assert [c.method for c in fake.calls] == []  # refused before any method ran


def test_bad_listen_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
    argv = telegram(tmp_path, "--webhook", "https://bot.example.org/tg", "--listen", "localhost")
    assert main(argv) == 2
    assert "--listen must be HOST:PORT" in capsys.readouterr().err


def test_bad_configuration_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
    config = tmp_path / "factbot.toml"
    config.write_text("[groups]\nwatch_cooldown_seconds = 'soon'\n")
    assert main(telegram(tmp_path, "--config", str(config))) == 2
    err = capsys.readouterr().err
    assert "watch_cooldown_seconds" in err and err.count("\n") == 1


def test_the_options_default_as_the_adapter_does() -> None:
    from adapters.cli import build_parser
    from adapters.cli.bot_commands import telegram_options
    from adapters.telegram_app import TelegramOptions

    assert telegram_options(build_parser().parse_args(["telegram"])) == TelegramOptions()


# -- the real thing --------------------------------------------------------------------------------


def test_long_polling_smoke(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake: FakeBotAPI,
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", BOT_TOKEN)

    def scenario() -> None:
        wait_until(lambda: bool(fake.calls_to("getUpdates")))
        fake.push_update(message_update(QUESTION))
        wait_until(lambda: bool(fake.sent_messages()))

    assert run_with(scenario, main, telegram(tmp_path, "--api-url", fake.url)) == 0
    assert capsys.readouterr().err == (
        "factbot telegram: @factbot_test_bot is running (long polling). Ctrl-C stops it.\n"
    )
    methods = [c.method for c in fake.calls]
    # a group menu and a private menu per language (en, my, zh, ru)
    assert methods[:10] == ["getMe", *["setMyCommands"] * 8, "deleteWebhook"]
    commands = [c["command"] for c in fake.calls_to("setMyCommands")[0].params["commands"]]
    assert {"start", "help", "check", "watch"} <= set(commands)
    poll = fake.calls_to("getUpdates")[0].params
    assert poll["allowed_updates"] == ALLOWED_UPDATES  # edits are not even requested
    [sent] = fake.sent_messages()
    assert sent["chat_id"] == 42
    assert sent["parse_mode"] == "HTML"
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    # the update was confirmed: the last getUpdates asked for the next one
    assert fake.calls_to("getUpdates")[-1].params["offset"] == 2


def post(url: str, update: dict[str, Any], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_webhook_requires_the_secret_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: FakeBotAPI
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "s3cret-Token_1")
    port = free_port()
    local = f"http://127.0.0.1:{port}/hooks/telegram"
    statuses: dict[str, int] = {}

    def scenario() -> None:
        wait_until(lambda: bool(fake.calls_to("setWebhook")))
        wait_until(lambda: listening(port))
        statuses["none"] = post(local, {"update_id": 1, **message_update(QUESTION)}, None)
        statuses["wrong"] = post(local, {"update_id": 2, **message_update(QUESTION)}, "nope")
        time.sleep(0.1)
        statuses["sent before"] = len(fake.sent_messages())
        update = {"update_id": 3, **message_update(QUESTION)}
        statuses["right"] = post(local, update, "s3cret-Token_1")
        wait_until(lambda: bool(fake.sent_messages()))

    argv = telegram(
        tmp_path,
        "--api-url",
        fake.url,
        "--webhook",
        "https://bot.example.org/hooks/telegram",
        "--listen",
        f"127.0.0.1:{port}",
    )
    assert run_with(scenario, main, argv) == 0
    assert statuses == {"none": 403, "wrong": 403, "sent before": 0, "right": 200}
    [hook] = fake.calls_to("setWebhook")
    assert hook.params["url"] == "https://bot.example.org/hooks/telegram"
    assert hook.params["secret_token"] == "s3cret-Token_1"
    assert hook.params["allowed_updates"] == ALLOWED_UPDATES
    [sent] = fake.sent_messages()
    assert sent["text"].startswith("<b>❌ FALSE</b>")
