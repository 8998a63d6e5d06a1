"""The layers, enforced: chat adapters talk to the core through bot/ only; bot/ knows no chat
library and no adapter; knowledge/ knows neither; and no module imports itself in a loop.

Read from the source (module-level imports; those under ``if TYPE_CHECKING:`` and inside
functions are left out: they run later, or never)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "knowledge", "adapters", "benchmarks")
CHAT_LIBRARIES = ("telegram", "slack_bolt", "slack_sdk", "aiohttp", "prompt_toolkit")
CHAT_ADAPTERS = ("adapters.console", "adapters.telegram", "adapters.slack")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """What a module imports when it is loaded: other modules' names (a submodule imported
    from its package counts as that submodule)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return found


MODULES = modules()
GRAPH = {name: imports(path, MODULES) for name, path in MODULES.items()}


def test_chat_adapters_import_only_the_core() -> None:
    for name, found in GRAPH.items():
        if name.startswith(CHAT_ADAPTERS):
            assert not any(m.split(".")[0] == "knowledge" for m in found), name


def test_the_core_imports_no_chat_library_and_no_adapter() -> None:
    for name, found in GRAPH.items():
        if name.startswith("bot"):
            tops = {m.split(".")[0] for m in found}
            assert not tops & {"adapters", *CHAT_LIBRARIES}, (name, tops)


def test_the_claim_base_imports_neither_core_nor_adapters() -> None:
    for name, found in GRAPH.items():
        if name.startswith("knowledge"):
            tops = {m.split(".")[0] for m in found}
            assert not tops & {"bot", "adapters", *CHAT_LIBRARIES}, (name, tops)


def test_no_import_loops() -> None:
    edges = {
        name: {m for m in found if m in MODULES and m != name} for name, found in GRAPH.items()
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
