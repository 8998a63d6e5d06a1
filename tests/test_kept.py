"""What is made again from something else and kept in the cache folder (knowledge.kept): the
place names read from CLDR (knowledge.matching.names), here; the model's graph and vocabulary in
tests/test_e5onnx.py."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import kept
from knowledge.matching import names


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of this test's own, and the place tables not yet read in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    names._kept_tables.cache_clear()
    yield tmp_path / "factbot"
    names._kept_tables.cache_clear()


def fresh_start() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names._kept_tables.cache_clear()
    return names.place_names(), names.city_names(), names._people_stems()


def test_the_place_tables_are_kept_and_read_back_the_same(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = fresh_start()
    assert made[0]["myanmar"] == made[0]["缅甸"] == made[0]["မြန်မာ"] == "MM"
    assert made[1]["yangon"] == "MM"
    assert made[2]["япон"] == "JP"  # японцы, японские
    (file,) = own_cache.glob("places-*.json")

    def no_cldr() -> dict[str, str]:
        raise AssertionError("read from CLDR again")

    from_cldr = names._read_place_names
    monkeypatch.setattr(names, "_read_place_names", no_cldr)
    assert fresh_start() == made  # read from the file, in the same order
    assert list(fresh_start()[0]) == list(made[0])
    file.write_bytes(b'[{"myanmar": "MM"')  # cut short: made again
    monkeypatch.setattr(names, "_read_place_names", from_cldr)
    assert fresh_start() == made
    assert fresh_start() == made  # kept again, whole


def test_a_change_to_what_the_tables_are_made_with_makes_a_file_of_its_own(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_start()
    monkeypatch.setattr(names, "_TABLES_FORMAT", names._TABLES_FORMAT + 1)
    fresh_start()
    assert len(list(own_cache.glob("places-*.json"))) == 2


def test_where_nothing_can_be_kept_the_tables_are_made_at_each_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    try:
        assert fresh_start()[0]["myanmar"] == "MM"
    finally:
        names._kept_tables.cache_clear()


def test_where_the_sources_cannot_be_read_the_tables_are_made_not_kept(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable() -> str:
        raise OSError("an install without its sources")

    monkeypatch.setattr(names, "_tables_key", unreadable)
    assert fresh_start()[0]["myanmar"] == "MM"
    assert not list(own_cache.glob("places-*"))


def test_kept_files_no_start_used_for_a_month_are_swept(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    folder.mkdir()
    now = folder / "places-new.json"
    old = folder / "places-old.json"
    used = folder / "places-used.json"
    cut = folder / "places-old.json.123.partial"
    other = folder / "e5-small-old.onnx"  # not of this kind
    for path in (old, used, cut, other):
        path.write_bytes(b"{}")
        month_ago = time.time() - 31 * 86_400
        os.utime(path, (month_ago, month_ago))
    kept.mark_used(used)
    assert kept.write_whole(now, b"[{}, {}]")
    kept.clear_unused(now, "places-*", (".json", ".partial"))
    assert sorted(p.name for p in folder.iterdir()) == sorted([now.name, used.name, other.name])
