"""The README, /help and the command registry agree."""

from __future__ import annotations

import argparse
import dataclasses
import re
import shlex
from pathlib import Path

from adapters import cli
from bot.access import Role
from bot.core import Core
from knowledge.matching import MatchSettings

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_commands() -> dict[str, str]:
    text = README.read_text("utf-8")
    table = text.split("<!-- commands:start -->")[1].split("<!-- commands:end -->")[0]
    rows = re.findall(r"^\| `(/[^`]+)` \|", table, flags=re.M)
    return {row.replace("\\|", "|").split()[0].lstrip("/"): row.replace("\\|", "|") for row in rows}


def test_readme_lists_every_command_with_its_usage(bot: Core) -> None:
    documented = readme_commands()
    registered = {c.name: c.usage for c in bot.commands}
    assert set(documented) == set(registered)
    for name, usage in registered.items():
        assert documented[name] == usage


def test_help_shows_every_command_the_role_may_use(bot: Core) -> None:
    for role in Role:
        text = bot.commands.help_text(role)
        for command in bot.commands.visible_to(role):
            assert command.usage in text


def test_readme_first_two_commands_are_the_console_and_the_tests() -> None:
    blocks = re.findall(r"^    (python3 -m venv .+)$", README.read_text("utf-8"), flags=re.M)
    assert blocks[0].endswith("factbot chat")
    ci = (README.parent / ".ci" / "run").read_text("utf-8")
    assert blocks[1] in ci


# -- --help names every environment variable, its defaults and one example ------------------

ROOT = README.parent
VARIABLE = re.compile(r"\b((?:FACTBOT|TELEGRAM|SLACK)_[A-Z_]+[A-Z])\b")


# The FACTBOT_ variables named by name (the other matching settings are FACTBOT_<NAME>).
ALWAYS_NAMED = {"FACTBOT_DB", "FACTBOT_CONFIG", "FACTBOT_ADMINS", "FACTBOT_EMBEDDINGS"}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every parser of the factbot command line, by its command's name."""
    found = {"factbot": cli.build_parser()}
    queue = [found["factbot"]]
    while queue:
        parser = queue.pop()
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found[name] = child
                    queue.append(child)
    return found


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for folder in ("bot", "adapters", "knowledge"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == ROOT / "adapters" / "cli" / "help.py":  # --help names them all
                continue
            names |= set(
                re.findall(r"[\"']((?:FACTBOT|TELEGRAM|SLACK)_[A-Z_]+)[\"']", path.read_text())
            )
    # bot.config reads every matching setting as FACTBOT_<NAME>.
    return names | {f"FACTBOT_{f.name.upper()}" for f in dataclasses.fields(MatchSettings)}


def test_every_command_help_names_its_environment_defaults_and_an_example() -> None:
    for name, parser in subcommands().items():
        text = parser.format_help()
        assert "environment:" in text and "example:" in text, name
        example = text.split("example:\n", 1)[1].strip().splitlines()[0]
        words = shlex.split(example)
        while words and "=" in words[0]:  # VAR=value before the command
            assert VARIABLE.match(words[0]), example
            words.pop(0)
        assert words[0] == "factbot", example
        parsed = cli.build_parser().parse_args(words[1:])  # the example is a valid command line
        if name != "factbot":
            assert name in (parsed.command, getattr(parsed, "claims_command", None)), example
        for action in parser._actions:
            if action.option_strings and action.default not in (None, False, argparse.SUPPRESS):
                shown = parser._get_formatter()._get_help_string(action) or ""
                assert "default" in shown, (name, action.dest)


def test_help_and_readme_name_every_environment_variable_the_code_reads() -> None:
    helps = "\n".join(p.format_help() for p in subcommands().values())
    documents = "\n".join(
        path.read_text("utf-8") for path in [README, *sorted((ROOT / "docs").glob("*.md"))]
    )
    read = variables_read_by_the_code()
    named = set(VARIABLE.findall(helps))
    plain = {v for v in read if not v.startswith("FACTBOT_") or v in ALWAYS_NAMED}
    assert plain <= named, plain - named
    assert named <= read, named - read  # help invents no variable
    documented = set(VARIABLE.findall(documents))
    assert plain <= documented, plain - documented
    for variable in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "TELEGRAM_WEBHOOK_SECRET"):
        assert variable in subcommands()["telegram"].format_help()
    for variable in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        assert variable in subcommands()["slack"].format_help()


# -- the README is a guide; docs/ holds the rest; every example works as written ----------------

DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]


def code_lines(path: Path) -> list[str]:
    """The lines of a page's indented code blocks (four spaces or more), outside lists' text."""
    lines: list[str] = []
    pending = ""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("    ") and line.strip():
            text = pending + line.strip()
            pending = text[:-1] + " " if text.endswith("\\") else ""  # a continued line
            if not pending:
                lines.append(text)
    return lines


def test_readme_is_a_guide_of_at_most_450_lines_linking_the_docs() -> None:
    text = README.read_text("utf-8")
    assert len(text.splitlines()) <= 450
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    for expected in (
        "Two commands",
        "Using it",
        "Connecting Telegram",
        "Connecting Slack",
        "Moderating",
        "Running it as a service",
        "Where data lives, and what is kept about people",
    ):
        assert expected in headings, expected
    for page in DOCS:
        assert f"(docs/{page.name})" in text, page.name  # every page is reachable from here


def test_every_link_to_a_file_resolves() -> None:
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            if "://" in target or target.startswith("mailto:"):
                continue
            assert (page.parent / target).exists(), (page.name, target)
    for folder in ("bot", "adapters", "knowledge"):
        for source in (ROOT / folder).rglob("*.py"):
            for target in re.findall(r"\b(docs/[\w.-]+\.md)\b", source.read_text("utf-8")):
                assert (ROOT / target).exists(), (source.name, target)


def test_every_factbot_example_works_as_written() -> None:
    """After the README's first command ``factbot`` is not on the PATH: examples run it as
    ``.venv/bin/factbot`` (or the service's own install), and each one parses."""
    parser = cli.build_parser()
    checked = 0
    for page in PAGES:
        for line in code_lines(page):
            line = re.sub(r"\$\([^)]*\)", "X", line)  # $(date +%F) is one word to the shell
            for command in re.split(r"\s(?:&&|\||&)(?:\s|$)", line.split("  #", 1)[0]):
                words = shlex.split(command, comments=True)
                while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
                    words.pop(0)
                if not words or not re.search(r"(^|/)factbot$", words[0]):
                    continue
                assert words[0] in (
                    ".venv/bin/factbot",
                    "/opt/factbot/bin/factbot",
                ), (page.name, line)
                args = words[1:]
                if args and args[0] in ("-h", "--help"):
                    continue
                try:
                    parser.parse_args(args)
                except SystemExit:
                    raise AssertionError(f"{page.name}: {line}") from None
                checked += 1
            if "compose" in line and " exec " in line and "factbot" in line:
                args = shlex.split(line.split(" factbot ", 1)[1], comments=True)
                parser.parse_args(args)
                checked += 1
    assert checked >= 20
