"""The ``factbot`` command line: a thin layer over the bot core, the adapters and the claim base.

Each group of commands is a module that declares every command beside the function that runs
it, with the options that function reads (``bot_commands``: chat, ask, telegram, slack;
``claim_commands``: claims import, export, list, show, embed; ``backup_commands``: backup,
restore; ``eval_commands``: eval). :func:`main` reads the options every command shares and
loads the settings once, then runs the command. Each command imports only what it needs when
it runs: ``factbot ask`` and ``factbot chat`` never import a chat library, so they start fast.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from adapters.cli import backup_commands, bot_commands, claim_commands, eval_commands
from adapters.cli.commands import Command, Commands, Context, shared_defaults, shared_options
from adapters.cli.help import ENVIRONMENT, HelpFormatter, epilog

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: ``factbot`` and every command under it."""
    shared = shared_options()
    parser = argparse.ArgumentParser(
        prog="factbot",
        description="A fact-check chatbot for Telegram, Slack and the console.",
        parents=[shared],
        epilog=epilog(ENVIRONMENT, "factbot chat"),
        formatter_class=HelpFormatter,
    )
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND"), shared)
    bot_commands.add_commands(commands)
    claim_commands.add_commands(commands)
    backup_commands.add_commands(commands)
    eval_commands.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv, namespace=shared_defaults())
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


def script() -> NoReturn:
    """The installed ``factbot`` command (and ``python -m adapters.cli``): :func:`main`, then
    exit.

    Before the interpreter ends, every object is put out of the cycle collector's sight
    (``gc.freeze``). Its last pass would walk every object of every module the command
    imported, some 25 ms of a 0.4 s ``factbot ask``, to free memory the process is about to
    hand back anyway. Everything else of an orderly exit still happens: atexit handlers run,
    standard output is flushed, and the commands close what they opened."""
    code = main()
    gc.freeze()
    sys.exit(code)


def _run(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_settings

    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    run: Command = args.run
    return run(args, Context(args.db, settings))
