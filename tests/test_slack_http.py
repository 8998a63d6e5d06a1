"""Request verification and the HTTP transport: in process and through the real HTTP server,
and ``run()`` as ``factbot slack --http`` starts it."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path

import aiohttp
import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from adapters.slack_app import EVENTS_PATH, SlackOptions, build_app, run, start_http
from adapters.slack_config import read_config
from bot.config import load_settings
from bot.core import Core
from tests.fakes.slack_api import (
    SIGNING_SECRET,
    FakeSlackApi,
    command_body,
    event_body,
    mention_event,
    sign,
)
from tests.helpers import free_port

QUESTION = "Were the Myanmar protesters paid terrorists?"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
ROOT = Path(__file__).resolve().parent.parent
SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL")
BOT_TOKEN = "xoxb-1234-5678-secretbottoken"

# (status, body) for a raw body and headers
Post = Callable[[str, dict[str, str]], Awaitable[tuple[int, str]]]


@pytest.fixture
def fake(slack_fake: FakeSlackApi) -> FakeSlackApi:
    return slack_fake


@pytest.fixture
def app(fake: FakeSlackApi, bot: Core) -> AsyncApp:
    # As in production: acknowledge first, answer in the background.
    return build_app(bot, token=BOT_TOKEN, signing_secret=SIGNING_SECRET, api_url=fake.api_url)


@pytest.fixture
async def server_url(app: AsyncApp) -> AsyncIterator[str]:
    runner = await start_http(app, "127.0.0.1", 0, signing_secret=SIGNING_SECRET)
    host, port = runner.addresses[0][:2]
    yield f"http://{host}:{port}"
    await runner.cleanup()


@pytest.fixture
async def http_post(server_url: str) -> AsyncIterator[Post]:
    async with aiohttp.ClientSession() as session:

        async def post(body: str, headers: dict[str, str]) -> tuple[int, str]:
            async with session.post(
                server_url + EVENTS_PATH, data=body.encode(), headers=headers
            ) as response:
                return response.status, await response.text()

        yield post


@pytest.fixture
def in_process_post(app: AsyncApp) -> Post:
    async def post(body: str, headers: dict[str, str]) -> tuple[int, str]:
        bolt_headers: dict[str, str | Sequence[str]] = dict(headers)
        response = await app.async_dispatch(AsyncBoltRequest(body=body, headers=bolt_headers))
        return response.status, response.body

    return post


@pytest.fixture(params=["in-process", "http"])
def post(request: pytest.FixtureRequest) -> Post:
    """The same request, dispatched in process or sent to the real HTTP server."""
    name = "in_process_post" if request.param == "in-process" else "http_post"
    result: Post = request.getfixturevalue(name)
    return result


# -- verification ------------------------------------------------------------------------------


REJECTED: dict[str, Callable[[str, str], dict[str, str]]] = {
    "bad-signature": lambda b, c: sign(b, c, secret="0" * 32).headers,
    "missing-signature": lambda b, c: {
        k: v for k, v in sign(b, c).headers.items() if k != "x-slack-signature"
    },
    "missing-timestamp": lambda b, c: {
        k: v for k, v in sign(b, c).headers.items() if k != "x-slack-request-timestamp"
    },
    "stale-timestamp": lambda b, c: sign(b, c, timestamp=int(time.time()) - 6 * 60).headers,
    "future-timestamp": lambda b, c: sign(b, c, timestamp=int(time.time()) + 6 * 60).headers,
    "body-changed": lambda b, c: sign(b.replace("Myanmar", "Narnia"), c).headers,
    "no-headers": lambda b, c: {"content-type": c},
}


@pytest.mark.parametrize("kind", list(REJECTED))
@pytest.mark.parametrize("request_type", ["event", "command"])
async def test_unverified_requests_get_401_and_nothing_is_processed(
    post: Post, fake: FakeSlackApi, kind: str, request_type: str
) -> None:
    if request_type == "event":
        body, content_type = event_body(mention_event(QUESTION)), JSON
    else:
        body, content_type = command_body(QUESTION, response_url=fake.response_url()), FORM
    status, _ = await post(body, REJECTED[kind](body, content_type))
    assert status == 401
    await asyncio.sleep(0.02)  # a background listener would have called the fake by now
    assert fake.calls == []


async def test_url_verification_is_answered_only_when_signed(post: Post) -> None:
    body = json.dumps(
        {
            "token": "legacy",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    status, text = await post(body, sign(body, JSON).headers)
    assert status == 200
    assert json.loads(text) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    status, _ = await post(body, {"content-type": JSON})
    assert status == 401


async def test_signed_mention_over_http_is_answered_in_thread(
    http_post: Post, fake: FakeSlackApi
) -> None:
    body = event_body(mention_event(QUESTION, ts="1700000700.000700"))
    status, _ = await http_post(body, sign(body, JSON).headers)
    assert status == 200
    [call] = await fake.wait_for("chat.postMessage")
    assert call.payload["thread_ts"] == "1700000700.000700"
    assert call.payload["blocks"][0]["text"]["text"] == "❌ FALSE"
    assert call.token == BOT_TOKEN


async def test_slash_command_over_http_is_acknowledged_then_answered(
    http_post: Post, fake: FakeSlackApi
) -> None:
    body = command_body(QUESTION, response_url=fake.response_url("cmd"))
    started = time.perf_counter()
    status, text = await http_post(body, sign(body, FORM).headers)
    assert status == 200 and text == ""
    assert time.perf_counter() - started < 3  # Slack's deadline, with a wide margin
    [call] = await fake.wait_for("response_url")
    assert call.path == "/response/cmd"
    assert call.payload["response_type"] == "ephemeral"


async def test_health_check(server_url: str) -> None:
    async with aiohttp.ClientSession() as session, session.get(f"{server_url}/healthz") as r:
        assert r.status == 200
        assert await r.text() == "ok"


# -- configuration -----------------------------------------------------------------------------

GOOD = {
    "SLACK_BOT_TOKEN": BOT_TOKEN,
    "SLACK_APP_TOKEN": "xapp-1-A0FACTBOT-1234-abcdef",
    "SLACK_SIGNING_SECRET": SIGNING_SECRET,
}


@pytest.mark.parametrize(
    ("http", "env", "named"),
    [
        (False, {}, "SLACK_BOT_TOKEN is not set"),
        (False, {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN is not set"),
        (True, {"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET is not set"),
        (False, GOOD | {"SLACK_BOT_TOKEN": "xoxp-user-token-123"}, "SLACK_BOT_TOKEN is malformed"),
        (False, GOOD | {"SLACK_APP_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN is malformed"),
        (True, GOOD | {"SLACK_SIGNING_SECRET": "xapp-oops-wrong"}, "SLACK_SIGNING_SECRET is mal"),
        (True, GOOD | {"SLACK_API_URL": "slack.example"}, "SLACK_API_URL (or --api-url) is mal"),
    ],
)
def test_missing_or_malformed_settings_exit_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    http: bool,
    env: dict[str, str],
    named: str,
) -> None:
    for name in SLACK_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert run(load_settings(), None, SlackOptions(http=http)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("factbot slack: ") and named in err
    assert "Traceback" not in err
    for secret in GOOD.values():
        assert secret not in err


def test_config_reads_the_api_url_from_the_flag_then_the_environment() -> None:
    env = GOOD | {"SLACK_API_URL": "https://slack-gov.example/api"}
    assert read_config(env, http=True).api_url == "https://slack-gov.example/api/"
    flag = read_config(env, http=True, api_url="http://127.0.0.1:9/api/")
    assert flag.api_url == "http://127.0.0.1:9/api/"
    assert read_config(GOOD, http=False).api_url == "https://slack.com/api/"
    assert BOT_TOKEN not in repr(read_config(GOOD, http=True))


def test_the_options_default_as_the_adapter_does() -> None:
    from adapters.cli import build_parser
    from adapters.cli.bot_commands import slack_options

    assert slack_options(build_parser().parse_args(["slack"])) == SlackOptions()


async def test_a_rejected_token_exits_2_before_serving(fake: FakeSlackApi, tmp_path: Path) -> None:
    fake.fail("auth.test", "invalid_auth")
    code, _, err = await run_factbot_slack(fake, tmp_path, http=True, stop_after=None)
    assert code == 2
    assert "Slack rejected SLACK_BOT_TOKEN (invalid_auth)" in err
    assert BOT_TOKEN not in err


# -- run() in its own process --------------------------------------------------------------------


async def run_factbot_slack(
    fake: FakeSlackApi,
    tmp_path: Path,
    *,
    http: bool,
    stop_after: Callable[[int], Awaitable[None]] | None,
    config: Path | None = None,
) -> tuple[int, str, str]:
    """Start ``run()`` in a subprocess against the fake, with the settings of ``config``
    (None: the defaults), call ``stop_after(port)`` once it serves, then SIGTERM it; return
    (exit status, stdout, stderr)."""
    port = free_port()
    code = (
        "import sys; from adapters.slack_app import SlackOptions, run; "
        "from bot.config import load_settings; "
        f"sys.exit(run(load_settings({str(config) if config else None!r}), "
        f"{str(tmp_path / 'claims.db')!r}, SlackOptions(http={http}, port={port})))"
    )
    env = {k: v for k, v in os.environ.items() if k not in SLACK_VARIABLES}
    env |= GOOD | {"SLACK_API_URL": fake.api_url, "PYTHONPATH": str(ROOT)}
    env["SLACK_BOT_TOKEN"] = BOT_TOKEN
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    before = b""  # what it wrote before serving
    try:
        if stop_after is not None:
            assert process.stderr is not None
            async with asyncio.timeout(15):
                line = b""
                while b"Factbot for Slack:" not in line:
                    line = await process.stderr.readline()
                    before += line
                    assert line, "run() ended before serving"
            await stop_after(port)
            process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(15):
            out, err = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, out.decode(), (before + err).decode()


async def test_run_serves_http_until_sigterm(fake: FakeSlackApi, tmp_path: Path) -> None:
    async def converse(port: int) -> None:
        body = event_body(mention_event(QUESTION))
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                f"http://127.0.0.1:{port}{EVENTS_PATH}",
                data=body.encode(),
                headers=sign(body, JSON).headers,
            ) as response,
        ):
            assert response.status == 200
        await fake.wait_for("chat.postMessage", seconds=10)

    code, _, err = await run_factbot_slack(fake, tmp_path, http=True, stop_after=converse)
    assert code == 0, err
    assert "Traceback" not in err
    assert "listening on http://127.0.0.1:" in err  # behind a proxy unless --host says else
    for secret in GOOD.values():
        assert secret not in err
    [post] = fake.calls_to("chat.postMessage")
    assert post["blocks"][0]["text"]["text"] == "❌ FALSE"


async def test_run_connects_over_socket_mode_until_sigterm(
    fake: FakeSlackApi, tmp_path: Path
) -> None:
    async def converse(port: int) -> None:
        ack = await fake.push("events_api", json.loads(event_body(mention_event(QUESTION))))
        assert ack["envelope_id"]
        await fake.wait_for("chat.postMessage", seconds=10)

    code, _, err = await run_factbot_slack(fake, tmp_path, http=False, stop_after=converse)
    assert code == 0, err
    assert "Traceback" not in err
    opened = [c for c in fake.calls if c.method == "apps.connections.open"]
    assert opened and all(c.token == GOOD["SLACK_APP_TOKEN"] for c in opened)
