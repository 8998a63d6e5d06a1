"""Words that are names wherever they are written: those the English and Russian spelling
dictionaries write only capitalised ("CIA", "Putin", "НАТО", "ЦРУ").

A question typed all in small letters ("were the protesters paid by the cia?") shows no name by
its capitals; these words are read as the names they would have been written as
(:func:`knowledge.matching.context.compare`). The list (``knowledge/data/proper_nouns.txt``,
folded, one a line) is made from Hunspell's dictionaries as Debian packages them, and made
again with::

    apt-get install hunspell-en-us hunspell-ru
    .venv/bin/python -m knowledge.matching.propernouns \\
        /usr/share/hunspell/en_US.dic /usr/share/hunspell/ru_RU.dic

A word the dictionary also holds in small letters ("west", "army"), or makes in small letters
from another with its affixes ("rather", of "rathe"), is none: only case could tell, and a
question in small letters has none. The plurals the dictionary makes of the names are names
too ("americans", "russians"; :func:`plurals`). Making the list reads the affixes with
``spylls`` (Hunspell in Python; in the test extra, not needed to run the bot).
"""

from __future__ import annotations

import argparse
import gc
import sys
import warnings
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path

LIST = "proper_nouns.txt"
HEADER = """\
# Words the spelling dictionaries write only capitalised, folded: names wherever they are
# written. Made by knowledge.matching.propernouns from Hunspell's dictionaries as Debian
# packages them: hunspell-en-us (from SCOWL, Copyright 2000-2018 by Kevin Atkinson and others;
# permission to use, copy, modify, distribute and sell granted provided the copyright notice
# appears in all copies) and hunspell-ru (Copyright (c) 1997-2008, Alexander I. Lebedev; BSD
# licence: redistributions must retain the copyright notice). See /usr/share/doc/hunspell-*/
# copyright for the full notices.
"""


def capitalised_only(
    stems: Iterable[str], is_word: Callable[[str], bool] = lambda word: False
) -> list[str]:
    """The ``stems`` of a dictionary (its words, without affix flags) written capitalised and
    never in small letters, folded, sorted: letters only, two or more. ``is_word`` tells
    whether the dictionary takes a word in small letters, made with its affixes too."""
    stems = [s for s in stems if len(s) >= 2 and s.isalpha()]
    small = {s.casefold() for s in stems if s[0].islower()}
    capitalised = {s.casefold() for s in stems if s[0].isupper()} - small
    return sorted(word for word in capitalised if not is_word(word))


def plurals(stems: Iterable[str], names: Iterable[str], lookup: Callable[[str], bool]) -> list[str]:
    """The plurals of the ``names`` (folded, :func:`capitalised_only`) that the dictionary
    makes with its affixes and takes capitalised only, folded, sorted: "americans", "russians"
    of "American", "Russian" ("paid by the russians?" typed in small letters). Not one the
    dictionary also takes in small letters: "lens" is no plural of "Len". ``stems`` are the
    dictionary's, as written; ``lookup`` tells whether it takes a word as written."""
    known = set(names)
    found = set()
    for stem in stems:
        if not stem[:1].isupper() or stem.casefold() not in known:
            continue
        for ending in ("s", "es"):
            plural = stem + ending
            folded = plural.casefold()
            if folded not in known and lookup(plural) and not lookup(folded):
                found.add(folded)
    return sorted(found)


def dictionary_stems(path: Path) -> list[str]:
    """The words of a Hunspell ``.dic`` file (its first line is their count), without their
    affix flags ("CIA/M": "CIA")."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # the older dictionaries: their .aff's SET says which
        text = raw.decode("koi8-r")
    lines = text.splitlines()[1:]
    return [line.split("/", 1)[0].strip() for line in lines if line.strip()]


@cache
def proper_nouns() -> frozenset[str]:
    """The list, as shipped (:data:`LIST`)."""
    return shipped_words(LIST)


def shipped_words(name: str) -> frozenset[str]:
    """The words of a list shipped in ``knowledge/data``, one a line, after the comments that
    are its header (:func:`write_words`)."""
    lines = resources.files("knowledge.data").joinpath(name).read_text("utf-8").splitlines()
    header = next((at for at, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return frozenset(lines[header:]) - {""}


def write_words(out: Path, header: str, words: Iterable[str]) -> None:
    """Write a list of words, one a line, after its ``header`` (comments: where it comes from,
    its notices), and say how many."""
    words = sorted(words)
    out.write_text(header + "".join(f"{w}\n" for w in words), "utf-8")
    print(f"{len(words):,} words written to {out}", file=sys.stderr)


def shipped_path(name: str) -> Path:
    """Where the list ``name`` is shipped, in ``knowledge/data``."""
    return Path(__file__).resolve().parent.parent / "data" / name


def list_parser(description: str, name: str) -> argparse.ArgumentParser:
    """The command line of a script making a shipped list: its ``--out`` (by default the
    shipped ``name``, :func:`shipped_path`); the script adds what it reads."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--out",
        type=Path,
        default=shipped_path(name),
        help="where to write the list (default: the shipped one)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = list_parser(__doc__.split("\n\n")[0], LIST)
    parser.add_argument("dictionaries", nargs="+", type=Path, help="Hunspell .dic files")
    args = parser.parse_args(argv)
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        parser.error("making the list needs spylls: pip install spylls (the test extra has it)")
    words: set[str] = set()
    for path in args.dictionaries:
        with warnings.catch_warnings():
            # spylls leaves the files it read to the garbage collector (ResourceWarning).
            warnings.simplefilter("ignore", ResourceWarning)
            affixed = Dictionary.from_files(str(path.with_suffix("")))  # path.aff beside it
            gc.collect()
        stems = dictionary_stems(path)
        names = capitalised_only(stems, affixed.lookup)
        words.update(names, plurals(stems, names, affixed.lookup))
    write_words(args.out, HEADER, words)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
