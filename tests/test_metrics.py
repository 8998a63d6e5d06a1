"""/healthz and /metrics of both bots in server mode, through their real servers: questions by
decision, the latency histogram, the queue, errors and rate-limit refusals."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from adapters.cli import main
from tests.fakes.slack_api import FakeSlackApi, event_body, mention_event, sign
from tests.fakes.telegram_api import BOT_TOKEN as TELEGRAM_TOKEN
from tests.fakes.telegram_api import FakeBotAPI, message_update
from tests.helpers import free_port, run_with, wait_until
from tests.test_slack_http import JSON, run_factbot_slack
from tests.test_telegram_run import telegram as telegram_command

QUESTION = "Were the Myanmar protesters paid terrorists?"
UNKNOWN = "Is the moon made of green cheese from Wisconsin?"


def sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from Prometheus' text format."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        series, value = line.rsplit(" ", 1)
        found = dict(re.findall(r'(\w+)="([^"]*)"', series))
        if series.split("{")[0] == name and all(found.get(k) == v for k, v in labels.items()):
            return float(value)
    raise AssertionError(f"no sample {name} {labels} in:\n{text}")


def limits_config(tmp_path: Path) -> Path:
    config = tmp_path / "limits.toml"
    config.write_text("[limits]\nuser_checks_per_minute = 2\n")
    return config


async def test_slack_http_serves_health_and_metrics(fake: FakeSlackApi, tmp_path: Path) -> None:
    seen: dict[str, str] = {}

    async def converse(port: int) -> None:
        url = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            for n, text in enumerate([QUESTION, UNKNOWN, QUESTION, QUESTION]):
                body = event_body(mention_event(text, ts=f"1700000100.00010{n}"), event_id=f"E{n}")
                async with session.post(
                    url + "/slack/events", data=body.encode(), headers=sign(body, JSON).headers
                ) as response:
                    assert response.status == 200
            await fake.wait_for("chat.postMessage", count=3, seconds=10)
            fake.fail("chat.postMessage")  # the next answer cannot be sent: an error
            body = event_body(mention_event(UNKNOWN, user="U0OTHER"), event_id="E9")
            async with session.post(
                url + "/slack/events", data=body.encode(), headers=sign(body, JSON).headers
            ):
                pass
            await fake.wait_for("chat.postMessage", count=5, seconds=10)
            async with session.get(url + "/healthz") as health:
                seen["health"] = f"{health.status} {await health.text()}"
            async with session.get(url + "/metrics") as metrics:
                seen["type"] = metrics.headers["Content-Type"]
                seen["metrics"] = await metrics.text()

    code, _, err = await run_factbot_slack(
        fake, tmp_path, http=True, stop_after=converse, config=limits_config(tmp_path)
    )
    assert code == 0, err
    assert seen["health"] == "200 ok"
    assert seen["type"].startswith("text/plain")
    text = seen["metrics"]
    # Slack's events are handled concurrently (each waits for its asker's locale first), so
    # which of the four questions the limit of two a minute lets through varies; the counts
    # agree with each other whatever the order.
    answers = sample(text, "factbot_questions_total", platform="slack", decision="answer")
    nones = sample(text, "factbot_questions_total", platform="slack", decision="none")
    assert answers >= 1 and nones >= 1
    assert sample(text, "factbot_questions_total", platform="slack", decision="suggest") == 0
    assert sample(text, "factbot_check_seconds_count", platform="slack") == answers + nones == 3
    assert 0 < sample(text, "factbot_check_seconds_sum", platform="slack") < 5
    assert sample(text, "factbot_check_seconds_bucket", platform="slack", le="+Inf") == 3
    assert sample(text, "factbot_questions_embedded_total", platform="slack") == 0  # words only
    assert sample(text, "factbot_rate_limited_total", platform="slack") == 2  # the 3rd and 4th
    assert sample(text, "factbot_queue_open") == 1  # the unknown question, asked twice
    assert sample(text, "factbot_errors_total", platform="slack") >= 1


@pytest.fixture
def fake(slack_fake: FakeSlackApi) -> FakeSlackApi:
    return slack_fake


def get(url: str) -> tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.headers["Content-Type"], response.read().decode()


def test_telegram_serves_health_and_metrics_beside_long_polling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    port = free_port()
    seen: dict[str, tuple[int, str, str]] = {}
    with FakeBotAPI.in_thread() as telegram:

        def scenario() -> None:
            wait_until(lambda: bool(telegram.calls_to("getUpdates")))
            for n, text in enumerate([QUESTION, UNKNOWN, QUESTION]):
                telegram.push_update({"update_id": n + 1, **message_update(text)})
            wait_until(lambda: len(telegram.sent_messages()) >= 3)
            seen["health"] = get(f"http://127.0.0.1:{port}/healthz")
            seen["metrics"] = get(f"http://127.0.0.1:{port}/metrics")

        argv = telegram_command(
            tmp_path,
            "--api-url",
            telegram.url,
            "--metrics",
            f"127.0.0.1:{port}",
            "--config",
            str(limits_config(tmp_path)),
        )
        assert run_with(scenario, main, argv) == 0
    assert seen["health"][0] == 200 and seen["health"][2] == "ok"
    status, content_type, text = seen["metrics"]
    assert status == 200 and content_type.startswith("text/plain")
    assert sample(text, "factbot_questions_total", platform="telegram", decision="answer") == 1
    assert sample(text, "factbot_questions_total", platform="telegram", decision="none") == 1
    assert sample(text, "factbot_check_seconds_count", platform="telegram") == 2
    assert sample(text, "factbot_rate_limited_total", platform="telegram") == 1
    assert sample(text, "factbot_queue_open") == 1
    assert sample(text, "factbot_errors_total", platform="telegram") == 0


def test_a_bad_metrics_address_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from adapters.telegram_app import TelegramOptions, run
    from bot.config import load_settings

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    db = str(tmp_path / "claims.db")
    assert run(load_settings(), db, TelegramOptions(metrics="nowhere")) == 2


def test_the_console_never_loads_prometheus(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from adapters.cli import main; main(['ask', 'paid protesters']); "
        "print(json.dumps('prometheus_client' in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", "import json; " + code],
        capture_output=True,
        env={"FACTBOT_DB": str(tmp_path / "c.db"), "FACTBOT_EMBEDDINGS": "off", "PATH": "/usr/bin"},
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.decode().splitlines()[-1]) is False
