"""What ``factbot --help`` and each command's ``--help`` say beyond their options: the
environment variables the command reads, one example, and every default worth saying."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterable

HELP_WIDTH = 88
METRICS_HELP = (
    "serve GET /healthz and GET /metrics (Prometheus) on this address (default: none; "
    "slack --http serves both on its own port too)"
)

# Every environment variable a command reads, as its --help explains it.
ENVIRONMENT = {
    "FACTBOT_DB": "the claim base file (--db wins); default "
    "$XDG_DATA_HOME/factbot/factbot.db, i.e. ~/.local/share/factbot/factbot.db",
    "FACTBOT_CONFIG": "a TOML settings file (--config wins); default none",
    "FACTBOT_EMBEDDINGS": "semantic matching: auto (default: used when installed), on, off; "
    "any [matching] setting can be set as FACTBOT_<NAME>, e.g. FACTBOT_ANSWER_CONFIDENCE=0.95",
    "FACTBOT_ADMINS": "admins, platform:user-id comma-separated, e.g. "
    "'telegram:123456,slack:U0123ABC' (send /whoami to the bot to learn yours); default none",
    "TELEGRAM_BOT_TOKEN": "the bot's token from @BotFather (required)",
    "TELEGRAM_API_URL": "another Bot API server (--api-url wins); default https://api.telegram.org",
    "TELEGRAM_WEBHOOK_SECRET": "the webhook's secret token (--webhook-secret wins); "
    "default random at each start",
    "SLACK_BOT_TOKEN": "the bot token, xoxb-... (required)",
    "SLACK_APP_TOKEN": "the app-level token, xapp-... (required for Socket Mode)",
    "SLACK_SIGNING_SECRET": "the signing secret (required with --http)",
    "SLACK_API_URL": "the Web API base URL (--api-url wins); default https://slack.com/api/",
}
# The variables most commands read: the claim base's, and the matcher's too.
BASE_ENV = ("FACTBOT_DB", "FACTBOT_CONFIG")
MATCHING_ENV = (*BASE_ENV, "FACTBOT_EMBEDDINGS")


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's lines, and adds "(default: X)" to every option that has a default
    worth saying (not None, not a flag's False)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            "%(default)" not in text
            and "default" not in text
            and action.option_strings
            and default not in (None, False, argparse.SUPPRESS)
        ):
            text += " (default: %(default)s)"
        return text


def epilog(environment: Iterable[str], example: str) -> str:
    """The --help epilog of one command: the environment variables it reads and an example."""
    lines = ["environment:"]
    lines += [
        textwrap.fill(
            ENVIRONMENT[name],
            HELP_WIDTH,
            initial_indent=f"  {name:<24} ",
            subsequent_indent=" " * 27,
            break_on_hyphens=False,
        )
        for name in environment
    ]
    lines += ["", "example:", f"  {example}"]
    return "\n".join(lines)
