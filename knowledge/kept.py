"""What is made from something else and kept in the cache folder
(:func:`knowledge.store.cache_dir`), to be read at the next start instead of made again: the
model's graph and vocabulary (:mod:`knowledge.matching.e5file`), the place names
(:mod:`knowledge.matching.names`), the Zawgyi detector's table
(:mod:`knowledge.matching.zawgyi`). Each file is named by what it was made from, so another
version makes a file of its own; written whole or not at all; marked used at each read; and
swept once no start has used it for :data:`UNUSED_DAYS`."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

UNUSED_DAYS = 30  # a kept file no start has used for this long is deleted

T = TypeVar("T")


def table_path(family: str, package: str, module: str, suffix: str = ".json") -> Path | None:
    """Where a table that ``module`` (its source file) makes from ``package``'s data is kept:
    ``<family>-<package's version>-<module's source hash><suffix>`` in the cache folder, so that
    another version of either makes a file of its own; None where neither can be read (the
    package not installed)."""
    from knowledge.store import cache_dir

    try:
        version = importlib.metadata.version(package)
        source = hashlib.sha1(Path(module).read_bytes()).hexdigest()[:8]
    except (OSError, importlib.metadata.PackageNotFoundError):
        return None
    return cache_dir() / f"{family}-{version}-{source}{suffix}"


def read_or_make(
    kept: Path | None,
    decode: Callable[[bytes], T],
    make: Callable[[], T],
    encode: Callable[[T], bytes | None],
    family: str,
    suffixes: tuple[str, ...],
) -> T:
    """What ``kept`` holds, decoded (and the file marked used), else made and kept: encoded
    and written (:func:`keep`, with its ``family`` and ``suffixes``). A file that does not
    decode (cut short, damaged, another format: ``decode`` raises ValueError or TypeError) is
    made again; ``kept`` None (nowhere to keep it) or ``encode`` giving None: made, not kept."""
    if kept is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            made = decode(kept.read_bytes())
            mark_used(kept)
            return made
    made = make()
    if kept is not None and (data := encode(made)) is not None:
        keep(kept, data, family, suffixes)
    return made


def write_whole(kept: Path, data: bytes) -> bool:
    """Write ``data`` to ``kept``, whole or not at all; False where nothing can be written."""
    try:
        kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(kept)
    except OSError as error:
        log.info("%s is not kept (%s): it is made at each start", kept.name, error)
        return False
    return True


def keep(kept: Path, data: bytes, family: str, suffixes: tuple[str, ...]) -> bool:
    """Write ``data`` to ``kept`` (:func:`write_whole`) and sweep the files of its ``family``
    (a glob: "e5-small-*") that no start has used (:func:`clear_unused`); False where nothing
    can be written."""
    if not write_whole(kept, data):
        return False
    clear_unused(kept, family, suffixes)
    return True


def mark_used(kept: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(kept)  # used now: not one to clear away


def clear_unused(
    kept: Path, pattern: str, suffixes: tuple[str, ...], unused_for: float = UNUSED_DAYS * 86_400
) -> None:
    """Delete the files beside ``kept`` named like ``pattern`` with one of ``suffixes``, or
    pieces a write cut short (``.partial``), that no start has used for ``unused_for`` seconds.
    Every version makes files of its own: without this they would pile up. Another install on
    the machine that still starts keeps its own."""
    old = time.time() - unused_for
    for other in kept.parent.glob(pattern):
        if other.suffix not in suffixes and other.suffix != ".partial":
            continue
        with contextlib.suppress(OSError):
            if other != kept and other.stat().st_mtime < old:
                other.unlink()
