"""The README, /help and the command registry agree."""

from __future__ import annotations

import re
from pathlib import Path

from bot.access import Role
from bot.core import Bot

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_commands() -> dict[str, str]:
    text = README.read_text("utf-8")
    table = text.split("<!-- commands:start -->")[1].split("<!-- commands:end -->")[0]
    rows = re.findall(r"^\| `(/[^`]+)` \|", table, flags=re.M)
    return {row.replace("\\|", "|").split()[0].lstrip("/"): row.replace("\\|", "|") for row in rows}


def test_readme_lists_every_command_with_its_usage(bot: Bot) -> None:
    documented = readme_commands()
    registered = {c.name: c.usage for c in bot.commands}
    assert set(documented) == set(registered)
    for name, usage in registered.items():
        assert documented[name] == usage


def test_help_shows_every_command_the_role_may_use(bot: Bot) -> None:
    for role in Role:
        text = bot.commands.help_text(role)
        for command in bot.commands.visible_to(role):
            assert command.usage in text


def test_readme_first_two_commands_are_the_console_and_the_tests() -> None:
    blocks = re.findall(r"^    (python3 -m venv .+)$", README.read_text("utf-8"), flags=re.M)
    assert blocks[0].endswith("factbot chat")
    ci = (README.parent / ".ci" / "run").read_text("utf-8")
    assert blocks[1] in ci
