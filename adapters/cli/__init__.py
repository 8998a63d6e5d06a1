"""The ``factbot`` command line: a thin layer over the bot core and the adapters.

Each subcommand imports only what it needs: ``factbot ask`` and ``factbot chat`` never import
a chat library, so they start fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

EXIT_USAGE = 2
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
_BASE_ENV = ("FACTBOT_DB", "FACTBOT_CONFIG")
_MATCHING_ENV = (*_BASE_ENV, "FACTBOT_EMBEDDINGS")
# Per command: the environment variables it reads and one example.
COMMAND_HELP: dict[str, tuple[tuple[str, ...], str]] = {
    "factbot": (tuple(ENVIRONMENT), "factbot chat"),
    "chat": (_MATCHING_ENV, "factbot chat --db ./claims.db"),
    "ask": (_MATCHING_ENV, 'factbot ask "were the Myanmar protesters paid terrorists?" --json'),
    "telegram": (
        (
            *_MATCHING_ENV,
            "FACTBOT_ADMINS",
            "TELEGRAM_BOT_TOKEN",
            "TELEGRAM_API_URL",
            "TELEGRAM_WEBHOOK_SECRET",
        ),
        "TELEGRAM_BOT_TOKEN=123456789:AAH... factbot telegram --metrics 127.0.0.1:9464",
    ),
    "slack": (
        (
            *_MATCHING_ENV,
            "FACTBOT_ADMINS",
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET",
            "SLACK_API_URL",
        ),
        "SLACK_BOT_TOKEN=xoxb-... SLACK_SIGNING_SECRET=... factbot slack --http --port 3000",
    ),
    "claims": (_MATCHING_ENV, "factbot claims list"),
    "import": (
        _MATCHING_ENV,
        "factbot claims import --replace examples/claimreview-myanmar-2021.json",
    ),
    "export": (_BASE_ENV, "factbot claims export --format csv -o claims.csv"),
    "list": (_BASE_ENV, "factbot claims list --retracted"),
    "show": (_BASE_ENV, "factbot claims show mm-election-fraud"),
    "embed": (_MATCHING_ENV, "factbot claims embed --limit 1000"),
    "backup": (_BASE_ENV, "factbot backup /var/backups/factbot/factbot-2026-11-30.db"),
    "restore": (_BASE_ENV, "factbot restore /var/backups/factbot/factbot-2026-11-30.db"),
    "eval": (
        ("FACTBOT_CONFIG", "FACTBOT_EMBEDDINGS"),
        "factbot eval --claims vclaims.tsv --queries queries.dev.tsv --qrels qrels.dev.tsv "
        "--out run.jsonl",
    ),
}


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


def epilog(command: str) -> str:
    """The --help epilog of one command: its environment variables and an example."""
    names, example = COMMAND_HELP[command]
    lines = ["environment:"]
    lines += [
        textwrap.fill(
            ENVIRONMENT[name],
            HELP_WIDTH,
            initial_indent=f"  {name:<24} ",
            subsequent_indent=" " * 27,
            break_on_hyphens=False,
        )
        for name in names
    ]
    lines += ["", "example:", f"  {example}"]
    return "\n".join(lines)


def _sub(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    common: argparse.ArgumentParser,
    help_text: str,
) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        parents=[common],
        help=help_text,
        description=help_text[0].upper() + help_text[1:] + ".",
        epilog=epilog(name),
        formatter_class=HelpFormatter,
    )


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="claim base file (default: $FACTBOT_DB, else ~/.local/share/factbot/factbot.db)",
    )
    common.add_argument(
        "--config", default=argparse.SUPPRESS, help="settings file, TOML (default: $FACTBOT_CONFIG)"
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more"
    )
    return common


def _language(value: str) -> str:
    from bot.i18n import LANGUAGES, supported

    language = supported(value)
    if language is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a language I speak: one of {', '.join(LANGUAGES)}"
        )
    return language


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="A fact-check chatbot for Telegram, Slack and the console.",
        parents=[common],
        epilog=epilog("factbot"),
        formatter_class=HelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lang_help = (
        "answer in this language: en, my (Burmese), zh (Chinese), ru (default: the "
        "question's language, else English)"
    )
    chat = _sub(sub, "chat", common, "talk to the bot in this terminal")
    chat.add_argument("--lang", metavar="CODE", type=_language, help=lang_help)

    ask = _sub(sub, "ask", common, "answer one question and exit")
    ask.add_argument("text", nargs="?", help="the question; '-' or nothing reads standard input")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument(
        "--image",
        metavar="FILE",
        help="a photo or screenshot: its text is read (factbot[images]) and checked",
    )
    ask.add_argument("--lang", metavar="CODE", type=_language, help=lang_help)

    tg = _sub(sub, "telegram", common, "run the Telegram bot")
    tg.add_argument("--api-url", help="Bot API server base URL (default: $TELEGRAM_API_URL)")
    tg.add_argument(
        "--webhook",
        metavar="URL",
        help="run a webhook server for this public URL (default: none, long polling)",
    )
    tg.add_argument(
        "--listen",
        metavar="HOST:PORT",
        default="127.0.0.1:8443",
        help="webhook server address, with --webhook",
    )
    tg.add_argument(
        "--webhook-secret", help="secret token header value (default: $TELEGRAM_WEBHOOK_SECRET)"
    )
    tg.add_argument("--metrics", metavar="HOST:PORT", help=METRICS_HELP)

    slack = _sub(sub, "slack", common, "run the Slack app")
    slack.add_argument("--http", action="store_true", help="Events API over HTTP, not Socket Mode")
    slack.add_argument("--port", type=int, default=3000, help="HTTP port (with --http)")
    slack.add_argument(
        "--host",
        default="127.0.0.1",
        help="HTTP address to listen on (with --http; default 127.0.0.1, behind a proxy; "
        "0.0.0.0 for every interface)",
    )
    slack.add_argument("--api-url", help="Web API base URL (default: $SLACK_API_URL)")
    slack.add_argument("--metrics", metavar="HOST:PORT", help=METRICS_HELP)
    claims = _sub(sub, "claims", common, "import, export, list, show and embed claims")
    claims_sub = claims.add_subparsers(dest="claims_command", metavar="ACTION", required=True)
    imp = _sub(
        claims_sub, "import", common, "import ClaimReview JSON-LD, CSV or a CLEF/PolitiFact TSV"
    )
    imp.add_argument("file", help="a .json/.jsonld, .csv or .tsv file")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="afterwards, retract every claim the file does not hold (the built-in Myanmar "
        "fact-checks too): the base answers from this file alone",
    )
    exp = _sub(claims_sub, "export", common, "export the published claims")
    exp.add_argument(
        "--format", choices=["claimreview", "csv"], default="claimreview", help="the file format"
    )
    exp.add_argument("-o", "--output", help="write here (default: standard output)")
    listing = _sub(
        claims_sub, "list", common, "list the claims, one a line: id, status, verdict, claim"
    )
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--retracted", action="store_true", help="only the retracted claims")
    which.add_argument("--published", action="store_true", help="only the published claims")
    show = _sub(claims_sub, "show", common, "show one claim in full")
    show.add_argument("id", help="the claim's id, as claims list shows it")
    embed = _sub(
        claims_sub,
        "embed",
        common,
        "compute the semantic vectors of new and changed claims (needs factbot[embeddings])",
    )
    embed.add_argument("--limit", type=int, help="embed at most this many claims (default: all)")
    embed.add_argument("--threads", type=int, help="the model's threads (default: all cores)")

    backup = _sub(sub, "backup", common, "copy the claim base consistently, while bots run")
    backup.add_argument("path", help="the new backup file")
    restore = _sub(sub, "restore", common, "put a checked backup back")
    restore.add_argument("path", help="a backup made by factbot backup")

    ev = _sub(sub, "eval", common, "measure the matcher on claim-retrieval data (CLEF format)")
    ev.add_argument("--claims", required=True, help="vclaims.tsv: the claims to search")
    ev.add_argument("--queries", required=True, help="queries TSV: qid, text")
    ev.add_argument("--out", required=True, help="write one JSON line per query here")
    ev.add_argument("--qrels", help="TREC qrels: print MAP@1, MAP@5, MRR, Recall@10")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("db", None), ("config", None), ("verbose", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        from knowledge.store import BaseError

        if not isinstance(error, BaseError):
            raise
        # A claim base that cannot be opened: one line naming the file and the cause.
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_settings

    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE

    if args.command == "telegram":
        from adapters import telegram_app

        return telegram_app.run(args)
    if args.command == "slack":
        from adapters import slack_app

        return slack_app.run(args)

    if args.command == "eval":
        from adapters.cli import evaluate

        return evaluate.run(args, settings)

    if args.command in ("backup", "restore"):
        return _backup_or_restore(args)
    if args.command == "claims":
        from adapters.cli import claims

        return claims.run(args)

    from adapters import console
    from bot.core import open_core

    if args.command == "ask":
        text = args.text
        if args.image is not None:
            from pathlib import Path

            bot = open_core(args.db, settings)
            reading = console.read_image_file(bot, Path(args.image))
            if reading.problem or reading.ocr_missing:
                why = reading.problem or "no OCR here: pip install 'factbot[images]'"
                print(f"factbot: {args.image}: {why}", file=sys.stderr)
            return console.ask(
                bot, text or "", as_json=args.json, image=reading, language=args.lang
            )
        if text is None or text == "-":
            if text is None and sys.stdin.isatty():
                print('factbot: give a question, e.g. factbot ask "..."', file=sys.stderr)
                return EXIT_USAGE
            text = sys.stdin.buffer.read().decode("utf-8", "replace")
        if not text.strip():
            print("factbot: the question is empty; give a claim to check", file=sys.stderr)
            return EXIT_USAGE
        bot = open_core(args.db, settings)
        return console.ask(bot, text, as_json=args.json, language=args.lang)
    if args.command == "chat":
        from knowledge.store import data_dir

        bot = open_core(args.db, settings)
        return console.chat(bot, history_path=data_dir() / "console_history", language=args.lang)
    raise AssertionError(f"unhandled command {args.command}")


def _backup_or_restore(args: argparse.Namespace) -> int:
    from knowledge import backup
    from knowledge.store import default_db_path

    db_path = Path(args.db).expanduser() if args.db else default_db_path()
    target = Path(args.path).expanduser()
    try:
        if args.command == "backup":
            claims = backup.backup(db_path, target)
            print(f"backed up {claims} claims from {db_path} to {target}")
        else:
            claims, saved = backup.restore(target, db_path)
            print(f"restored {claims} claims from {target} into {db_path}")
            if saved:
                print(f"the previous claim base was saved as {saved}")
    except backup.BackupError as error:
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    return 0
