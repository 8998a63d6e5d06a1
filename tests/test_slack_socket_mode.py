"""One Socket Mode conversation: the real AsyncSocketModeHandler against the fake's websocket."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pytest

from adapters.slack_app import build_app, start_socket_mode
from adapters.slack_render import SHARE_ACTION
from bot.core import Core
from tests.fakes.slack_api import (
    CHANNEL,
    DM_CHANNEL,
    FakeSlackApi,
    block_action,
    command_body,
    event_body,
    mention_event,
    message_event,
)

QUESTION = "Were the Myanmar protesters paid terrorists?"
APP_TOKEN = "xapp-1-A0FACTBOT-1-socketmodetoken"


@pytest.fixture
def fake(slack_fake: FakeSlackApi) -> FakeSlackApi:
    return slack_fake


async def test_socket_mode_conversation(fake: FakeSlackApi, bot: Core) -> None:
    # No signing secret: Socket Mode traffic comes over the authenticated websocket.
    app = build_app(bot, token="xoxb-socket-test", api_url=fake.api_url)
    handler = await start_socket_mode(app, APP_TOKEN)
    try:
        [opened] = [c for c in fake.calls if c.method == "apps.connections.open"]
        assert opened.token == APP_TOKEN

        # A mention, answered in its thread.
        event = json.loads(event_body(mention_event(QUESTION, ts="1700000800.000800")))
        ack = await fake.push("events_api", event)
        assert ack == {"envelope_id": ack["envelope_id"]}
        [post] = await fake.wait_for("chat.postMessage")
        assert post.payload["channel"] == CHANNEL
        assert post.payload["thread_ts"] == "1700000800.000800"
        assert post.payload["blocks"][0]["text"]["text"] == "❌ FALSE"

        # A direct message.
        event = json.loads(event_body(message_event(QUESTION), event_id="Ev0002"))
        await fake.push("events_api", event)
        calls = await fake.wait_for("chat.postMessage", 2)
        assert calls[1].payload["channel"] == DM_CHANNEL

        # /factcheck: acknowledged over the socket, answered privately through response_url.
        command = dict(parse_qsl(command_body(QUESTION, response_url=fake.response_url("c"))))
        ack = await fake.push("slash_commands", command)
        assert "payload" not in ack or not ack["payload"]
        [private] = await fake.wait_for("response_url")
        assert private.payload["response_type"] == "ephemeral"

        # …then shared in the channel with the button.
        share = private.payload["blocks"][-1]["elements"][0]
        assert share["action_id"] == SHARE_ACTION
        click = block_action(SHARE_ACTION, share["value"], response_url=fake.response_url("s"))
        await fake.push("interactive", click)
        shared = await fake.wait_for("response_url", 3)
        assert shared[1].payload["response_type"] == "in_channel"
        assert shared[2].payload["delete_original"] is True
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
