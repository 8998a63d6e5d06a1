"""The command line's shape: every command runs a function declared beside its options, and
the settings are loaded once per command."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from adapters import cli
from bot import config


def leaf_commands() -> dict[str, argparse.ArgumentParser]:
    """Every command that runs something (``claims`` itself only holds actions)."""
    found: dict[str, argparse.ArgumentParser] = {}
    queue = [cli.build_parser()]
    while queue:
        parser = queue.pop()
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        for group in groups:
            for name, child in group.choices.items():
                queue.append(child)
                found[name] = child
    return {name: parser for name, parser in found.items() if parser.get_default("run")}


def test_every_command_runs_a_function_of_the_module_that_declares_it() -> None:
    commands = leaf_commands()
    assert set(commands) == {
        *("chat", "ask", "telegram", "slack", "backup", "restore", "eval"),
        *("import", "export", "list", "show", "embed"),
    }
    for name, parser in commands.items():
        run = parser.get_default("run")
        assert run.__module__.startswith("adapters.cli.") and run.__module__.endswith(
            "_commands"
        ), (name, run.__module__)


def test_the_settings_are_loaded_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    loads: list[str | Path | None] = []
    load = config.load_settings

    def counted(
        path: str | Path | None = None, environ: dict[str, str] | None = None
    ) -> config.Settings:
        loads.append(path)
        return load(path, environ)

    monkeypatch.setattr(config, "load_settings", counted)
    monkeypatch.setenv("FACTBOT_EMBEDDINGS", "off")
    archive = tmp_path / "archive.tsv"
    archive.write_text("vclaim_id\tvclaim\ttitle\nc1\tThe ballots were counted twice.\t\n", "utf-8")
    db = str(tmp_path / "claims.db")
    assert cli.main(["--db", db, "claims", "import", str(archive)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert len(loads) == 1
