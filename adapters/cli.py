"""The ``factbot`` command line: a thin layer over the bot core and the adapters.

Each subcommand imports only what it needs: ``factbot ask`` and ``factbot chat`` never import
a chat library, so they start fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_USAGE = 2


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


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="A fact-check chatbot for Telegram, Slack and the console.",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("chat", parents=[common], help="talk to the bot in this terminal")

    ask = sub.add_parser("ask", parents=[common], help="answer one question and exit")
    ask.add_argument("text", nargs="?", help="the question; '-' or nothing reads standard input")
    ask.add_argument("--json", action="store_true", help="print one JSON object")

    tg = sub.add_parser("telegram", parents=[common], help="run the Telegram bot")
    tg.add_argument("--api-url", help="Bot API server base URL (default: $TELEGRAM_API_URL)")
    tg.add_argument("--webhook", metavar="URL", help="run a webhook server for this public URL")
    tg.add_argument("--listen", metavar="HOST:PORT", help="webhook server address")
    tg.add_argument(
        "--webhook-secret", help="secret token header value (default: $TELEGRAM_WEBHOOK_SECRET)"
    )

    slack = sub.add_parser("slack", parents=[common], help="run the Slack app")
    slack.add_argument("--http", action="store_true", help="Events API over HTTP, not Socket Mode")
    slack.add_argument("--port", type=int, default=3000, help="HTTP port (with --http)")
    slack.add_argument(
        "--host",
        default="127.0.0.1",
        help="HTTP address to listen on (with --http; default 127.0.0.1, behind a proxy; "
        "0.0.0.0 for every interface)",
    )
    slack.add_argument("--api-url", help="Web API base URL (default: $SLACK_API_URL)")
    claims = sub.add_parser(
        "claims", parents=[common], help="import, export, list, show and embed claims"
    )
    claims_sub = claims.add_subparsers(dest="claims_command", metavar="ACTION", required=True)
    imp = claims_sub.add_parser(
        "import", parents=[common], help="import ClaimReview JSON-LD, CSV or a CLEF/PolitiFact TSV"
    )
    imp.add_argument("file", help="a .json/.jsonld, .csv or .tsv file")
    exp = claims_sub.add_parser("export", parents=[common], help="export the published claims")
    exp.add_argument("--format", choices=["claimreview", "csv"], default="claimreview")
    exp.add_argument("-o", "--output", help="write here instead of standard output")
    claims_sub.add_parser("list", parents=[common], help="list the claims, one a line")
    show = claims_sub.add_parser("show", parents=[common], help="show one claim in full")
    show.add_argument("id")
    embed = claims_sub.add_parser(
        "embed",
        parents=[common],
        help="compute the semantic vectors of new and changed claims (needs factbot[embeddings])",
    )
    embed.add_argument("--limit", type=int, help="embed at most this many claims")
    embed.add_argument("--threads", type=int, help="the model's threads (default: all cores)")

    backup = sub.add_parser(
        "backup", parents=[common], help="copy the claim base consistently, while bots run"
    )
    backup.add_argument("path", help="the new backup file")
    restore = sub.add_parser("restore", parents=[common], help="put a checked backup back")
    restore.add_argument("path", help="a backup made by factbot backup")

    ev = sub.add_parser(
        "eval", parents=[common], help="measure the matcher on claim-retrieval data (CLEF format)"
    )
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
        from adapters import evaluate

        return evaluate.run(args, settings)

    if args.command in ("backup", "restore"):
        return _backup_or_restore(args)
    if args.command == "claims":
        from adapters import claims_cli

        return claims_cli.run(args)

    from adapters import console
    from bot.core import open_bot

    if args.command == "ask":
        text = args.text
        if text is None or text == "-":
            if text is None and sys.stdin.isatty():
                print('factbot: give a question, e.g. factbot ask "..."', file=sys.stderr)
                return EXIT_USAGE
            text = sys.stdin.buffer.read().decode("utf-8", "replace")
        if not text.strip():
            print("factbot: the question is empty; give a claim to check", file=sys.stderr)
            return EXIT_USAGE
        bot = open_bot(args.db, settings)
        return console.ask(bot, text, as_json=args.json)
    if args.command == "chat":
        from knowledge.store import data_dir

        bot = open_bot(args.db, settings)
        return console.chat(bot, history_path=data_dir() / "console_history")
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


if __name__ == "__main__":
    sys.exit(main())
