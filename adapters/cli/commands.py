"""How a ``factbot`` command is declared: its name, help, environment and example, the options
every command shares (``--db``, ``--config``, ``-v``), and the function that runs it.

A command is a function ``(args, context) -> exit status`` declared beside the options it
reads from ``args``; what every command shares comes resolved in the :class:`Context`."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from adapters.cli.help import HelpFormatter, epilog

if TYPE_CHECKING:
    from bot.config import Settings


@dataclass(frozen=True, slots=True)
class Context:
    """What every command gets besides its own options: the claim base named by ``--db``
    (None: ``$FACTBOT_DB``, else the default file) and the settings, loaded once."""

    db: str | None
    settings: Settings


Command = Callable[[argparse.Namespace, Context], int]


def shared_options() -> argparse.ArgumentParser:
    """The options of every command, accepted before the command's name and after it."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="claim base file (default: $FACTBOT_DB, else ~/.local/share/factbot/factbot.db)",
    )
    shared.add_argument(
        "--config", default=argparse.SUPPRESS, help="settings file, TOML (default: $FACTBOT_CONFIG)"
    )
    shared.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more"
    )
    return shared


def shared_defaults() -> argparse.Namespace:
    """The shared options' values when not given. They are not the options' own defaults: an
    option given before the command's name would be overwritten by its default after it."""
    return argparse.Namespace(db=None, config=None, verbose=False)


class Commands:
    """A level of subcommands (``factbot X``, ``factbot claims X``): each added with the
    shared options, a description, its environment and example, and the function to run."""

    def __init__(
        self,
        subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
        shared: argparse.ArgumentParser,
    ) -> None:
        self._subparsers = subparsers
        self._shared = shared

    def add(
        self,
        name: str,
        help_text: str,
        run: Command | None,
        *,
        environment: Iterable[str],
        example: str,
    ) -> argparse.ArgumentParser:
        """A new command; the caller declares its own options on the parser returned."""
        parser = self._subparsers.add_parser(
            name,
            parents=[self._shared],
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=epilog(environment, example),
            formatter_class=HelpFormatter,
        )
        if run is not None:
            parser.set_defaults(run=run)
        return parser

    def group(
        self, name: str, help_text: str, *, dest: str, environment: Iterable[str], example: str
    ) -> Commands:
        """A command whose actions are subcommands of their own (``factbot claims list``)."""
        parser = self.add(name, help_text, None, environment=environment, example=example)
        actions = parser.add_subparsers(dest=dest, metavar="ACTION", required=True)
        return Commands(actions, self._shared)
