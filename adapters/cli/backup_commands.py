"""``factbot backup`` and ``factbot restore``: a consistent copy of the claim base, taken while
the bots run, and putting a checked copy back (:mod:`knowledge.backup`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from adapters.cli.commands import Commands, Context
from adapters.cli.help import BASE_ENV

EXIT_USAGE = 2
EXAMPLE_FILE = "/var/backups/factbot/factbot-2026-11-30.db"


def add_commands(commands: Commands) -> None:
    add_backup(commands)
    add_restore(commands)


def _db_path(context: Context) -> Path:
    from knowledge.store import default_db_path

    return Path(context.db).expanduser() if context.db else default_db_path()


def add_backup(commands: Commands) -> None:
    parser = commands.add(
        "backup",
        "copy the claim base consistently, while bots run",
        backup,
        environment=BASE_ENV,
        example=f"factbot backup {EXAMPLE_FILE}",
    )
    parser.add_argument("path", help="the new backup file")


def backup(args: argparse.Namespace, context: Context) -> int:
    from knowledge import backup as backups

    db_path, target = _db_path(context), Path(args.path).expanduser()
    try:
        claims = backups.backup(db_path, target)
    except backups.BackupError as error:
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"backed up {claims} claims from {db_path} to {target}")
    return 0


def add_restore(commands: Commands) -> None:
    parser = commands.add(
        "restore",
        "put a checked backup back",
        restore,
        environment=BASE_ENV,
        example=f"factbot restore {EXAMPLE_FILE}",
    )
    parser.add_argument("path", help="a backup made by factbot backup")


def restore(args: argparse.Namespace, context: Context) -> int:
    from knowledge import backup as backups

    db_path, source = _db_path(context), Path(args.path).expanduser()
    try:
        claims, saved = backups.restore(source, db_path)
    except backups.BackupError as error:
        print(f"factbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"restored {claims} claims from {source} into {db_path}")
    if saved:
        print(f"the previous claim base was saved as {saved}")
    return 0
