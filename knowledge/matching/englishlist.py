"""Common English words: SCOWL's small American English list as Debian packages it, the words
of four letters or more written in small letters (some 35,000), shipped as
``knowledge/data/english_words.txt`` and made again with::

    apt-get install wamerican-small
    .venv/bin/python -m knowledge.matching.englishlist /usr/share/dict/american-english-small

Two readers ask it whether a word in Latin letters is an ordinary English word: Burmese typed in
Latin letters keeps one as English where it would read as two Burmese syllables or more
(:mod:`knowledge.matching.burglish`: "image", "share"), and a Burmese or Chinese question reads
one written in small letters as no name (:func:`knowledge.matching.pieces.small_latin`:
"reason", "level"; not "usaid" nor "soros", which no dictionary holds).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.matching.propernouns import list_parser, shipped_words, write_words

LIST = "english_words.txt"
MIN_LETTERS = 4
HEADER = """\
# Common English words of four letters or more, written in small letters, one a line. Made by
# knowledge.matching.englishlist from SCOWL's small American English list as Debian packages it
# (wamerican-small): SCOWL is Copyright 2000-2011 by Kevin Atkinson; permission to use, copy,
# modify, distribute and sell these word lists, the associated scripts, the output created from
# the scripts, and its documentation for any purpose is hereby granted without fee, provided
# that the above copyright notice appears in all copies and that both that copyright notice and
# this permission notice appear in supporting documentation. See
# /usr/share/doc/wamerican-small/copyright for the full notice.
"""


@cache
def english_words() -> frozenset[str]:
    """The list, as shipped (:data:`LIST`)."""
    return shipped_words(LIST)


def main(argv: list[str] | None = None) -> int:
    parser = list_parser(__doc__.split("\n\n")[0], LIST)
    parser.add_argument("words", type=Path, help="a word list, one a line (SCOWL's small)")
    args = parser.parse_args(argv)
    lines = args.words.read_text("utf-8").splitlines()
    words = {
        w for w in lines if len(w) >= MIN_LETTERS and w.isascii() and w.isalpha() and w.islower()
    }
    write_words(args.out, HEADER, words)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
