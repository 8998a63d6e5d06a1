"""What this machine's processor offers: how many cores this process may use (the worker
threads, the embedding engine's threads and the nearest-claim scan are all sized by it), and
its instruction-set flags (which engines can run, and which matrix products run fastest)."""

from __future__ import annotations

import os
import platform
from pathlib import Path

CPUINFO = Path("/proc/cpuinfo")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system has one), at
    least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def x86_flags(cpuinfo: Path | None = None) -> frozenset[str] | None:
    """The instruction-set flags of this x86 Linux processor (``avx2``, ``avx512_vnni``…), or
    None on other systems and architectures, or where the kernel does not list them. Read up
    to the first core's flags only: the kernel writes the file a core at a time, and an engine
    load asks twice (can it run; which products)."""
    path = cpuinfo or CPUINFO
    if platform.machine().lower() not in ("x86_64", "amd64") or not path.is_file():
        return None
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("flags"):
                return frozenset(line.split(":", 1)[-1].split())
    return None
