"""Make the English list of :mod:`knowledge.matching.burglish` (its ``ENGLISH_LIST``): the
common English words of four letters or more that Burmese typed in Latin letters could be read
as, from SCOWL's small American English list as Debian packages it::

    apt-get install wamerican-small
    .venv/bin/python -m knowledge.matching.englishlist /usr/share/dict/american-english-small
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.matching.burglish import ENGLISH_LIST, typed_syllables

ENGLISH_HEADER = """\
# Common English words of four letters or more that Burmese typed in Latin letters could be
# read as (knowledge.matching.burglish), one a line: kept as English there. Made by
# knowledge.matching.englishlist from SCOWL's small American English list as Debian packages it
# (wamerican-small): SCOWL is Copyright 2000-2011 by Kevin Atkinson; permission to use, copy,
# modify, distribute and sell these word lists, the associated scripts, the output created from
# the scripts, and its documentation for any purpose is hereby granted without fee, provided
# that the above copyright notice appears in all copies and that both that copyright notice and
# this permission notice appear in supporting documentation. See
# /usr/share/doc/wamerican-small/copyright for the full notice.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the English list (ENGLISH_LIST).")
    parser.add_argument("words", type=Path, help="a word list, one a line (SCOWL's small)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "data" / ENGLISH_LIST,
        help="where to write the list (default: the shipped one)",
    )
    args = parser.parse_args(argv)
    lines = args.words.read_text("utf-8").splitlines()
    words = sorted(
        {w for w in lines if len(w) >= 4 and w.isascii() and w.isalpha() and w.islower()}
    )
    readable = [w for w in words if typed_syllables(w)]
    args.out.write_text(ENGLISH_HEADER + "".join(f"{w}\n" for w in readable), "utf-8")
    print(f"{len(readable):,} words written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
