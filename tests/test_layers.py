"""The layers, enforced: chat adapters talk to the core through bot/ only; the command line
(adapters/cli/) is the one part of adapters/ that reaches the claim base; bot/ knows no chat
library and no adapter; knowledge/ knows neither; and no module imports itself in a loop.

Read from the source. Every import counts, wherever it stands: inside a function it still
crosses the line when it runs, and one under ``if TYPE_CHECKING:`` still ties the two modules
together for whoever reads them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "knowledge", "adapters", "benchmarks")
CHAT_LIBRARIES = ("telegram", "slack_bolt", "slack_sdk", "aiohttp", "prompt_toolkit")
COMMAND_LINE = "adapters.cli"


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """Other modules' names a module imports, anywhere in it (a submodule imported from its
    package counts as that submodule)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return found


MODULES = modules()
EVERY_IMPORT = {name: imports(path, MODULES) for name, path in MODULES.items()}


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_layout_is_read() -> None:
    assert {"adapters.console", "adapters.cli", "bot.core", "knowledge.store"} <= set(MODULES)


def test_chat_adapters_import_only_the_core() -> None:
    """Console, Telegram, Slack and their helpers: bot/ and each other, never the claim base
    nor the command line that starts them."""
    for name, found in EVERY_IMPORT.items():
        if in_package(name, "adapters") and not in_package(name, COMMAND_LINE):
            wrong = {m for m in found if in_package(m, "knowledge") or in_package(m, COMMAND_LINE)}
            assert not wrong, (name, wrong)


def test_the_command_line_alone_in_adapters_reaches_the_claim_base() -> None:
    reaching = {
        name.split(".")[1]
        for name, found in EVERY_IMPORT.items()
        if in_package(name, "adapters") and any(in_package(m, "knowledge") for m in found)
    }
    assert reaching <= {"cli"}, reaching


def test_the_core_imports_no_chat_library_and_no_adapter() -> None:
    for name, found in EVERY_IMPORT.items():
        if name.startswith("bot"):
            tops = {m.split(".")[0] for m in found}
            assert not tops & {"adapters", *CHAT_LIBRARIES}, (name, tops)


def test_the_claim_base_imports_neither_core_nor_adapters() -> None:
    for name, found in EVERY_IMPORT.items():
        if name.startswith("knowledge"):
            tops = {m.split(".")[0] for m in found}
            assert not tops & {"bot", "adapters", *CHAT_LIBRARIES}, (name, tops)


def test_no_import_loops() -> None:
    edges = {
        name: {m for m in found if m in MODULES and m != name}
        for name, found in EVERY_IMPORT.items()
    }
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError(" → ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for other in sorted(edges[name]):
            visit(other, [*path, name])
        done.add(name)

    for name in sorted(edges):
        visit(name, [])
