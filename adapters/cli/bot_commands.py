"""``factbot chat``, ``ask``, ``telegram`` and ``slack``: the bot, in this terminal or on a
platform. Each command imports its adapter when it runs: ``ask`` and ``chat`` never load a chat
library, so they start fast. ``telegram`` and ``slack`` hand their adapter's ``run`` the settings
loaded once, the claim base named, and their options as the adapter's own dataclass."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from typing import TYPE_CHECKING

from adapters.cli.commands import Commands, Context
from adapters.cli.help import MATCHING_ENV, METRICS_HELP

if TYPE_CHECKING:
    from adapters import slack_app, telegram_app

EXIT_USAGE = 2
LANGUAGE_HELP = (
    "answer in this language: en, my (Burmese), zh (Chinese), ru (default: the "
    "question's language, else English)"
)


def add_commands(commands: Commands) -> None:
    add_chat(commands)
    add_ask(commands)
    add_telegram(commands)
    add_slack(commands)


def _language(value: str) -> str:
    from bot.i18n import LANGUAGES, supported

    language = supported(value)
    if language is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a language I speak: one of {', '.join(LANGUAGES)}"
        )
    return language


def add_chat(commands: Commands) -> None:
    parser = commands.add(
        "chat",
        "talk to the bot in this terminal",
        chat,
        environment=MATCHING_ENV,
        example="factbot chat --db ./claims.db",
    )
    parser.add_argument("--lang", metavar="CODE", type=_language, help=LANGUAGE_HELP)


def chat(args: argparse.Namespace, context: Context) -> int:
    from adapters import console
    from bot.core import open_core
    from knowledge.store import data_dir

    core = open_core(context.db, context.settings, serving=True)
    with closing(core.base):
        return console.chat(core, history_path=data_dir() / "console_history", language=args.lang)


def add_ask(commands: Commands) -> None:
    parser = commands.add(
        "ask",
        "answer one question and exit",
        ask,
        environment=MATCHING_ENV,
        example='factbot ask "were the Myanmar protesters paid terrorists?" --json',
    )
    parser.add_argument("text", nargs="?", help="the question; '-' or nothing reads standard input")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--image",
        metavar="FILE",
        help="a photo or screenshot: its text is read (factbot[images]) and checked",
    )
    parser.add_argument("--lang", metavar="CODE", type=_language, help=LANGUAGE_HELP)


def ask(args: argparse.Namespace, context: Context) -> int:
    from adapters import console
    from bot.core import open_core

    text = args.text
    if args.image is not None:
        from pathlib import Path

        if not Path(args.image).is_file():  # a path mistyped: nothing to read, nothing queued
            print(f"factbot: {args.image}: no such file", file=sys.stderr)
            return EXIT_USAGE
        core = open_core(context.db, context.settings)
        reading = console.read_image_file(core, Path(args.image))
        if reading.problem or reading.ocr_missing:
            why = reading.problem or "no OCR here: pip install 'factbot[images]'"
            print(f"factbot: {args.image}: {why}", file=sys.stderr)
        with closing(core.base):
            return console.ask(
                core, text or "", as_json=args.json, image=reading, language=args.lang
            )
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            print('factbot: give a question, e.g. factbot ask "..."', file=sys.stderr)
            return EXIT_USAGE
        text = sys.stdin.buffer.read().decode("utf-8", "replace")
    if not text.strip():
        print("factbot: the question is empty; give a claim to check", file=sys.stderr)
        return EXIT_USAGE
    core = open_core(context.db, context.settings)
    with closing(core.base):
        return console.ask(core, text, as_json=args.json, language=args.lang)


def add_telegram(commands: Commands) -> None:
    parser = commands.add(
        "telegram",
        "run the Telegram bot",
        telegram,
        environment=(
            *MATCHING_ENV,
            "FACTBOT_ADMINS",
            "TELEGRAM_BOT_TOKEN",
            "TELEGRAM_API_URL",
            "TELEGRAM_WEBHOOK_SECRET",
        ),
        example="TELEGRAM_BOT_TOKEN=123456789:AAH... factbot telegram --metrics 127.0.0.1:9464",
    )
    parser.add_argument("--api-url", help="Bot API server base URL (default: $TELEGRAM_API_URL)")
    parser.add_argument(
        "--webhook",
        metavar="URL",
        help="run a webhook server for this public URL (default: none, long polling)",
    )
    parser.add_argument(
        "--listen",
        metavar="HOST:PORT",
        default="127.0.0.1:8443",
        help="webhook server address, with --webhook",
    )
    parser.add_argument(
        "--webhook-secret", help="secret token header value (default: $TELEGRAM_WEBHOOK_SECRET)"
    )
    parser.add_argument("--metrics", metavar="HOST:PORT", help=METRICS_HELP)


def telegram(args: argparse.Namespace, context: Context) -> int:
    from adapters import telegram_app

    return telegram_app.run(context.settings, context.db, telegram_options(args))


def telegram_options(args: argparse.Namespace) -> telegram_app.TelegramOptions:
    """The options :func:`add_telegram` declared, as the adapter takes them."""
    from adapters import telegram_app

    return telegram_app.TelegramOptions(
        api_url=args.api_url,
        webhook=args.webhook,
        listen=args.listen,
        webhook_secret=args.webhook_secret,
        metrics=args.metrics,
    )


def add_slack(commands: Commands) -> None:
    parser = commands.add(
        "slack",
        "run the Slack app",
        slack,
        environment=(
            *MATCHING_ENV,
            "FACTBOT_ADMINS",
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET",
            "SLACK_API_URL",
        ),
        example="SLACK_BOT_TOKEN=xoxb-... SLACK_SIGNING_SECRET=... "
        "factbot slack --http --port 3000",
    )
    parser.add_argument("--http", action="store_true", help="Events API over HTTP, not Socket Mode")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port (with --http)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="HTTP address to listen on (with --http; default 127.0.0.1, behind a proxy; "
        "0.0.0.0 for every interface)",
    )
    parser.add_argument("--api-url", help="Web API base URL (default: $SLACK_API_URL)")
    parser.add_argument("--metrics", metavar="HOST:PORT", help=METRICS_HELP)


def slack(args: argparse.Namespace, context: Context) -> int:
    from adapters import slack_app

    return slack_app.run(context.settings, context.db, slack_options(args))


def slack_options(args: argparse.Namespace) -> slack_app.SlackOptions:
    """The options :func:`add_slack` declared, as the adapter takes them."""
    from adapters import slack_app

    return slack_app.SlackOptions(
        http=args.http, port=args.port, host=args.host, api_url=args.api_url, metrics=args.metrics
    )
