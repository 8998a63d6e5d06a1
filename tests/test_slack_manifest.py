"""The app manifest declares what the adapter listens to, and the docs explain it."""

from __future__ import annotations

import re
from pathlib import Path

from adapters.slack_app import EVENTS_PATH
from adapters.slack_listeners import COMMAND, SHORTCUT_CALLBACK_ID

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = (ROOT / "adapters" / "slack_manifest.yaml").read_text("utf-8")
# The Slack page in docs/ (the README's "Connecting Slack" is the short version of it).
DOCS = (ROOT / "docs" / "slack.md").read_text("utf-8")


def yaml_list(key: str) -> list[str]:
    """The items of a block list under ``key:`` (enough YAML for this flat manifest)."""
    match = re.search(rf"^(\s*){re.escape(key)}:\n((?:\1\s+- .*\n)+)", MANIFEST, re.MULTILINE)
    assert match, f"no list under {key}"
    return [line.split("- ", 1)[1].split("#")[0].strip() for line in match.group(2).splitlines()]


def test_manifest_declares_the_command_shortcut_events_and_scopes() -> None:
    assert f"- command: {COMMAND}\n" in MANIFEST
    assert f"callback_id: {SHORTCUT_CALLBACK_ID}\n" in MANIFEST
    assert "type: message\n" in MANIFEST  # a message shortcut, not a global one
    events = ["app_mention", "message.im", "message.channels", "message.groups"]
    assert yaml_list("bot_events") == events
    assert set(yaml_list("bot")) == {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "channels:history",  # watch mode
        "groups:history",
        "users:read",  # who may switch it: workspace admins
        "files:read",  # images shared with the bot
    }
    assert re.search(r"interactivity:\n\s+is_enabled: true", MANIFEST)
    assert "socket_mode_enabled: true" in MANIFEST
    assert MANIFEST.count(f"{EVENTS_PATH}\n") == 3  # the commented HTTP-mode URLs
    assert "\t" not in MANIFEST


def test_docs_cover_both_modes_the_tokens_and_inviting_the_bot() -> None:
    for words in (
        "slack_manifest.yaml",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_API_URL",
        "--http",
        "--port",
        "/invite",
        COMMAND,
        "Fact-check this message",
    ):
        assert words in DOCS, words
