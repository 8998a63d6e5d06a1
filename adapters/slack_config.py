"""The Slack adapter's settings: its tokens and the Web API's address, read and checked.

Socket Mode needs ``SLACK_BOT_TOKEN`` and ``SLACK_APP_TOKEN``; the Events API over HTTP
(``--http``) ``SLACK_BOT_TOKEN`` and ``SLACK_SIGNING_SECRET``. ``SLACK_API_URL`` or ``--api-url``
sets the Web API base URL. A missing or malformed one is a :class:`ConfigError` that names it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_API_URL = "https://slack.com/api/"


class ConfigError(Exception):
    """A missing or malformed setting; the message names the variable."""


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str
    api_url: str
    app_token: str | None = None
    signing_secret: str | None = None

    def __repr__(self) -> str:  # never show a secret, even in a traceback
        return f"SlackConfig(api_url={self.api_url!r}, secrets=<hidden>)"


_PATTERNS = {
    "SLACK_BOT_TOKEN": (re.compile(r"(xoxe\.)?xoxb-[0-9A-Za-z-]+"), "a bot token (xoxb-…)"),
    "SLACK_APP_TOKEN": (re.compile(r"xapp-[0-9A-Za-z-]+"), "an app-level token (xapp-…)"),
    "SLACK_SIGNING_SECRET": (re.compile(r"[0-9a-fA-F]{16,}"), "a hexadecimal signing secret"),
}


def _secret(env: Mapping[str, str], name: str, mode: str) -> str:
    value = env.get(name, "").strip()
    pattern, what = _PATTERNS[name]
    if not value:
        raise ConfigError(f"{name} is not set: {mode} needs {what} (see docs/slack.md)")
    if not pattern.fullmatch(value):
        raise ConfigError(f"{name} is malformed: expected {what}")
    return value


def read_config(env: Mapping[str, str], *, http: bool, api_url: str | None = None) -> SlackConfig:
    """Read and check the tokens for the chosen mode; raise :class:`ConfigError`."""
    mode = "HTTP mode" if http else "Socket Mode"
    bot_token = _secret(env, "SLACK_BOT_TOKEN", mode)
    url = (api_url or env.get("SLACK_API_URL") or DEFAULT_API_URL).strip()
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise ConfigError(f"SLACK_API_URL (or --api-url) is malformed: {url!r} is not a URL")
    url = url if url.endswith("/") else url + "/"
    if http:
        return SlackConfig(
            bot_token, url, signing_secret=_secret(env, "SLACK_SIGNING_SECRET", mode)
        )
    return SlackConfig(bot_token, url, app_token=_secret(env, "SLACK_APP_TOKEN", mode))
