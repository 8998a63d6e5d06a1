"""Names and numbers in scripts written without letter case or spaces (Burmese, Chinese), where
:mod:`knowledge.matching.context` cannot read them from capitals.

- **Places**, in every language the bot reads: the territory names of the Unicode CLDR
  (through Babel, which the catalogues already use), each with its region code. "泰国",
  "ထိုင်း" and "Thailand" are one place, TH; a question naming "缅甸" names the place a
  claim written in English calls "Myanmar". And countries by the abbreviations CLDR leaves
  out (:data:`ABBREVIATIONS`: "U.S.", "uk", "сша"), and the one character Chinese shortens a
  country to ("美大选", the US election: :func:`han_initials`).
- **Where a language is written**: the one country where it is official, if one
  (:func:`sole_country`: Burmese, Myanmar).
- **Numbers in Chinese numerals**: "五千" is 5000, "二〇一五" 2015.

- **Ordinary Chinese words**: names of people and bodies are not read, as no list of them
  in these scripts holds them all (jieba's dictionary tags 明白, "understand", as a person).
  The other way round works: a piece of a Chinese question that is ordinary words only, as
  jieba's dictionary splits the question, names nobody (:func:`chinese_names`). A piece
  with a name in it, or a word the dictionary lacks ("他信", Thaksin), still keeps a
  question from an answer (:func:`knowledge.matching.pieces.unknown_pieces`).

The place names are read once, at the first question that needs them: from where an earlier
start kept them (a few ms), else from CLDR (some 170 ms on a slow machine; then kept); jieba's
dictionary at the first Chinese piece to judge (0.15 s, 33 MB). Nothing here is keyed to
particular places or claims.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.util
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale
from babel.core import get_global

from knowledge.kept import read_or_make
from knowledge.matching import text as textlib
from knowledge.matching import zawgyi
from knowledge.matching.persons import person_noun
from knowledge.store import cache_dir

T = TypeVar("T")

# The languages the bot reads (bot/locale) and Chinese in its traditional characters.
PLACE_LOCALES = ("en", "my", "ru", "zh", "zh_Hant")


def place_names() -> dict[str, str]:
    """Every territory name of :data:`PLACE_LOCALES`, normalised, with its region code
    (two letters: countries, territories, the EU, the UN; not continents or "world"). A
    name's bracketed qualifier is left out ("Myanmar (Burma)" is "Myanmar"), and is a name
    of its own where it names that place alone ("Burma")."""
    return _kept_tables()[0]


Tables = tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str], dict[str, str]]


@cache
def _kept_tables() -> Tables:
    """:func:`place_names`, :func:`city_names`, the stems of :func:`people_of` and the
    languages of :func:`language_place`, read from where an earlier start kept them
    (:mod:`knowledge.kept`: a few ms), else read from CLDR and normalised (some 200 ms on a
    slow machine, a third of ``factbot ask``) and kept. The file is named by everything the
    tables are made with: CLDR's locales (Babel's install), the code that normalises them
    (this module, :mod:`knowledge.matching.text` and the converters it calls: their sources
    and installs), the proper nouns' list, Python's Unicode tables."""
    try:
        kept: Path | None = cache_dir() / f"places-{_tables_key()}.json"
    except OSError:  # a source not to be read (an install without them): made, not kept
        kept = None
    return read_or_make(
        kept,
        _decoded_tables,
        _read_tables,
        lambda tables: json.dumps(list(tables), ensure_ascii=False).encode(),
        "places-*",
        (".json",),
    )


def _decoded_tables(data: bytes) -> Tables:
    places, cities, stems, english, russian = json.loads(data)
    if not all(isinstance(t, dict) for t in (places, cities, stems, english, russian)):
        raise ValueError("not the place tables")
    return places, cities, stems, english, russian


def _read_tables() -> Tables:
    places = _read_place_names()
    english, russian = _read_language_places()
    return places, _read_city_names(places), _read_people_stems(places), english, russian


# What the place tables are made with, beside this module: the sources and installed
# packages whose change may change a table (a name's normalised form, CLDR's names).
_TABLE_SOURCES = (__file__, textlib.__file__, zawgyi.__file__)
_TABLE_PACKAGES = ("babel", "opencc", "myanmar", "myanmartools")
_TABLES_FORMAT = 3  # 2: and the stems of the peoples' names; 3: and the languages' places


def _tables_key() -> str:
    """A digest of what the place tables are made with (:func:`_kept_tables`): about 1 ms."""
    digest = hashlib.sha1(
        f"{_TABLES_FORMAT} {PLACE_LOCALES} {unicodedata.unidata_version}".encode()
    )
    from knowledge.matching.propernouns import LIST

    for source in (*_TABLE_SOURCES, Path(__file__).parent.parent / "data" / LIST):
        digest.update(Path(source).read_bytes())
    for package in _TABLE_PACKAGES:
        spec = importlib.util.find_spec(package)
        origin = Path(spec.origin) if spec and spec.origin else None
        stat = origin.stat() if origin else None
        digest.update(f"{package} {origin} {stat and (stat.st_size, stat.st_mtime_ns)}".encode())
    return digest.hexdigest()[:16]


def _read_place_names() -> dict[str, str]:
    """:func:`place_names`, read from CLDR."""
    found: dict[str, str] = {}
    qualifiers: dict[str, set[str]] = {}
    for locale in PLACE_LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if not _is_country(code):
                continue
            plain = _plain_name(name)
            if len(plain) >= 2:
                found.setdefault(plain, code)
            for qualifier in _BRACKETED.findall(name):
                qualifiers.setdefault(textlib.normalise(qualifier), set()).add(code)
    # A bracketed qualifier that is a name of that place alone is one more name of it
    # ("Burma", "Бирма" of "Myanmar (Burma)", "Мьянма (Бирма)"); not one that names another
    # place ("США" of "Виргинские о-ва (США)") or several ("САР" of Hong Kong and Macao).
    for qualifier, codes in qualifiers.items():
        if len(codes) == 1 and len(qualifier) >= 2 and qualifier not in found:
            found[qualifier] = next(iter(codes))
    # A name ending in what the place is, a union or a territory, is said without it
    # ("အမေရိကန်" of "အမေရိကန် ပြည်ထောင်စု", the United States), as one naming it alone;
    # and the names people use that CLDR leaves out (SHORT_NAMES).
    for name, code in list(found.items()):
        head, _, last = name.rpartition(" ")
        if head and last in DESIGNATIONS and len(head) >= 2:
            found.setdefault(head, code)
    for name, code in SHORT_NAMES.items():
        found.setdefault(textlib.normalise(name), code)
    return found


# Words for what a place is that a CLDR name of several words ends in, and that people
# leave out: Burmese "union" (the United States, the Central African Republic) and
# "territory" (the Palestinian territories). Not "island" (Christmas Island is no Christmas).
DESIGNATIONS = frozenset(("ပြည်ထောင်စု", "ပိုင်နက်"))

# Countries by the names people use that CLDR's territory names leave out, where letter case
# shows no name: Burmese "Britain" and "England" for the United Kingdom (CLDR:
# "ယူနိုက်တက်ကင်းဒမ်း"), and Russian "Америка" for the United States (to CLDR, the
# Americas), typed in small letters and inflected ("в америке").
SHORT_NAMES: dict[str, str] = {"ဗြိတိန်": "GB", "အင်္ဂလန်": "GB", "америка": "US"}


@cache
def sole_country(language: str) -> str | None:
    """The region code of the one country where ``language`` is official (CLDR's territory
    languages, through Babel): "MM" for Burmese ("my"). None for a language official in
    several (Chinese, Russian, English): a question written in it is set nowhere in
    particular."""
    countries = _official_in().get(language, ())
    return countries[0] if len(countries) == 1 else None


@cache
def _official_in() -> dict[str, tuple[str, ...]]:
    """The countries each language is official in (CLDR's territory languages)."""
    official = ("official", "de_facto_official")
    countries: dict[str, list[str]] = {}
    for code, spoken in get_global("territory_languages").items():
        if _is_country(code):
            for language, status in spoken.items():
                if status.get("official_status") in official:
                    countries.setdefault(language, []).append(code)
    return {language: tuple(codes) for language, codes in countries.items()}


def _is_country(code: str) -> bool:
    """A region code of two letters (a country or territory, the EU, the UN), not "ZZ"."""
    return len(code) == 2 and code.isalpha() and code != "ZZ"


_BRACKETED = re.compile(r"[(（](.*?)[)）]")


def _plain_name(name: str) -> str:
    """A CLDR place name normalised, its bracketed qualifier left out ("Myanmar (Burma)")."""
    return textlib.normalise(_BRACKETED.sub("", name))


def city_names() -> dict[str, str]:
    """The cities CLDR names, normalised, with the region each is in: the exemplar cities of
    its time zones (some 450: every capital and many large cities; "Yangon", "仰光",
    "ရန်ကုန်", "Янгон"), in :data:`PLACE_LOCALES`. A city is read only where a name can be:
    capitalised in a script with case (a word of small letters may be a city's name,
    "phoenix", "center"), or in a script without case."""
    return _kept_tables()[1]


def city_of(name: str) -> str | None:
    """The region of the city ``name`` (normalised) names (:func:`city_names`), a Cyrillic
    one in any case, as a place's name is read (:func:`inflected`: "Янгоне", in Yangon;
    "Мандалае"); None where it names none."""
    cities = city_names()
    region = cities.get(name)
    if region is None and " " not in name:
        region = inflected(name, cities.get, _city_stems().get)
    return region


@cache
def _city_stems() -> dict[str, str]:
    """The stems of the Cyrillic cities' names (:func:`_cyrillic_stems`)."""
    return _cyrillic_stems({n: c for n, c in city_names().items() if " " not in n})


def _cyrillic_stems(names: dict[str, str]) -> dict[str, str]:
    """The stems of the Cyrillic ``names`` (one word each), with their regions: all but the
    last letter, from five letters ("мьянм" for Мьянма), as :func:`inflected` reads them."""
    return {
        name[:-1]: code
        for name, code in names.items()
        if len(name) >= 5 and textlib.starts_cyrillic(name)
    }


def _read_city_names(places: dict[str, str]) -> dict[str, str]:
    """:func:`city_names`, read from CLDR: none that is also a place's name (``places``)."""
    territories = get_global("zone_territories")
    found: dict[str, str] = {}
    for locale in PLACE_LOCALES:
        zones = Locale.parse(locale).time_zones
        for zone, code in territories.items():
            if not _is_country(code):
                continue
            city = zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
            plain = textlib.normalise(city)
            if len(plain) >= 2 and plain not in places:
                found.setdefault(plain, code)
    return found


@cache
def _unspaced_places() -> tuple[tuple[str, str], ...]:
    """The place names written in scripts without spaces, cities too, spaces taken out,
    longest first."""
    names = {
        name.replace(" ", ""): code
        for name, code in (city_names() | place_names()).items()
        if textlib.has_unspaced_script(name)
    }
    return tuple(sorted(names.items(), key=lambda item: -len(item[0])))


@cache
def _cased_places() -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...]]:
    """The place names written in scripts with case: one-word names; the stems of the
    Cyrillic ones (all but the last letter, from five letters: "мьянм" for Мьянма); and the
    names of several words, longest first."""
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for name, code in place_names().items():
        if textlib.has_unspaced_script(name):
            continue
        if " " in name:
            phrases[name] = code
            continue
        words[name] = code
    return (
        words,
        _cyrillic_stems(words),
        tuple(sorted(phrases.items(), key=lambda item: -len(item[0]))),
    )


# Russian noun endings, of the cases a place's name takes (Мьянме, Мьянмой; Таиланда,
# Таиландом; России, Россией): grammar, not names.
RUSSIAN_ENDINGS = frozenset("а я у ю е ы и ом ем ой ей ою ею ии ию".split())  # noqa: SIM905


def inflected(
    word: str, words: Callable[[str], T | None], stems: Callable[[str], T | None]
) -> T | None:
    """What ``stems`` or ``words`` give (a region) for the Cyrillic place name that ``word``
    inflects: a case ending (:data:`RUSSIAN_ENDINGS`) after the whole name (``words``) or in
    place of its last letter (``stems``, by the name without it), leaving at least four
    letters ("малина" is no Mali: "на" is no ending)."""
    if not textlib.starts_cyrillic(word):
        return None
    for cut in (1, 2):
        stem, ending = word[:-cut], word[-cut:]
        if len(stem) >= 4 and ending in RUSSIAN_ENDINGS:
            region = stems(stem) or words(stem)
            if region:
                return region
    return None


# What Russian adds to a place's stem for its people and its adjective, written without a
# capital: американцы, китайцы, японцы, россияне, американские, мьянманские (with the
# linking letters ан, й).
_PEOPLE = ("цы", "цев", "цам", "цами", "цах", "ец", "ца", "цу", "цем")
_ADJECTIVE = ("ские", "ский", "ская", "ское", "ских", "ским", "ской", "скую", "скими", "ского")
RUSSIAN_PEOPLE_ENDINGS = frozenset(
    f"{link}{ending}" for link in ("", "ан", "й") for ending in _PEOPLE + _ADJECTIVE
) | frozenset(("яне", "ян", "янам", "янами", "анин", "ане"))
MAX_PEOPLE_WORD = 40  # letters: longer than any place's name and ending (a word of junk)


def _people_stems() -> dict[str, str]:
    """The stems of the Cyrillic place names, regions of the world too ("Америка"), that
    their people and adjectives are made from: the name, and the name without its last one
    or two letters, from four letters ("япон" of Япония, "росси" of Россия)."""
    return _kept_tables()[2]


def _read_people_stems(places: dict[str, str]) -> dict[str, str]:
    """:func:`_people_stems`, read from CLDR: from each Russian name, and from its bracketed
    qualifier where that is one more name of the place alone (``places``: "Бирма" of "Мьянма
    (Бирма)", whose people are "бирманцы")."""
    stems: dict[str, str] = {}
    for code, written in Locale.parse("ru").territories.items():
        names = [_plain_name(written)]
        names += [
            q for q in map(textlib.normalise, _BRACKETED.findall(written)) if places.get(q) == code
        ]
        for name in names:
            if " " in name or "-" in name or code in ("001", "ZZ"):
                continue
            for cut in (0, 1, 2):
                stem = name[: len(name) - cut]
                if len(stem) >= 4:
                    stems.setdefault(stem, code)
    return stems


def people_of(word: str) -> str | None:
    """The region whose people or adjective ``word`` (Cyrillic, in small letters) is:
    "американцы" (Америка), "китайские" (Китай), "россияне" (Россия). Names of peoples are
    written without a capital in Russian, so capitals cannot show them."""
    if not textlib.starts_cyrillic(word) or len(word) > MAX_PEOPLE_WORD:
        return None
    stems = _people_stems()
    for end in range(len(word) - 2, 3, -1):
        if word[end:] in RUSSIAN_PEOPLE_ENDINGS and word[:end] in stems:
            return stems[word[:end]]
    return None


# How Russian ends an adjective, after a language's stem ("тайские" of "тайский").
_RUSSIAN_ADJECTIVE_ENDINGS = (
    "ий", "ый", "ой", "ая", "ое", "ие", "ые", "ого", "ому", "ую", "их", "ых", "им", "ым",
    "ими", "ыми", "ом", "ей",
)  # fmt: skip


def _read_language_places() -> tuple[dict[str, str], dict[str, str]]:
    """The names of the languages official in one country alone (CLDR, through Babel), with
    that country: "burmese" (MM), "thai" (TH). English ones only where the spelling
    dictionaries write them capitalised alone (:mod:`.propernouns`: not "polish" or
    "danish"), folded; Russian ones, which are adjectives, by their stems ("тайск"). Kept
    with the place tables (:func:`_kept_tables`): some 20 ms to make."""
    from knowledge.matching.propernouns import proper_nouns

    sole = {language: c[0] for language, c in _official_in().items() if len(c) == 1}
    names = proper_nouns()
    english = {
        name.casefold(): sole[code]
        for code, name in Locale.parse("en").languages.items()
        if code in sole and name.isalpha() and name.casefold() in names
    }
    russian = {
        name[:-2]: sole[code]
        for code, name in Locale.parse("ru").languages.items()
        if code in sole and name.isalpha() and len(name) > 5 and name.endswith(("ий", "ый", "ой"))
    }
    return english, russian


def language_place(word: str) -> str | None:
    """The one country whose language ``word`` (in small letters) names, as its people and
    their things are named ("the Burmese general", "тайские протестующие"); None for a
    language official in several (Chinese, Russian, English) or none."""
    english, russian = _kept_tables()[3:]
    if word in english:
        return english[word]
    if not textlib.starts_cyrillic(word):
        return None
    for ending in _RUSSIAN_ADJECTIVE_ENDINGS:
        if word.endswith(ending) and (region := russian.get(word[: -len(ending)])):
            return region
    return None


# Countries as people abbreviate them, which CLDR's territory names (through Babel) leave
# out: the short forms "US", "UK" and "UN", "USA", "UAE" and "EU", and the Russian США, РФ,
# КНР, ОАЭ, ООН, ЕС.
# Capitalised, an abbreviation is a name already (knowledge.matching.context reads acronyms);
# these are read where case shows none: typed in small letters ("uk", "сша") or with dots
# ("u.s.", normalised "u s"). "us" alone is the pronoun; after "the" or a year ("the 2020 us
# election") it is the country. Each is reported as one word ("us"). Never among a place's
# :func:`names_of`, looked for as a word: in a claim's texts "us" alone is the pronoun.
ABBREVIATIONS: dict[str, str] = {
    "u s a": "US", "u s": "US", "the us": "US", "usa": "US", "u k": "GB", "uk": "GB",
    "u a e": "AE", "uae": "AE", "u n": "UN", "un": "UN", "e u": "EU", "eu": "EU",
    "сша": "US", "рф": "RU", "кнр": "CN", "оаэ": "AE", "оон": "UN", "ес": "EU",
}  # fmt: skip
_ABBREVIATED = sorted(ABBREVIATIONS.items(), key=lambda item: -len(item[0]))
_US_AFTER_YEAR = re.compile(r"(?<=\d{4}) us(?= )")


def abbreviated_places(normalised: str) -> list[tuple[str, str]]:
    """The countries ``normalised`` (any text, :func:`textlib.normalise`-d) names by
    :data:`ABBREVIATIONS`, each with its region code: a claim that says "U.S." names the
    place a question calls "the United States"."""
    return _abbreviated(f" {normalised} ")[0]


def _abbreviated(padded: str) -> tuple[list[tuple[str, str]], str]:
    """The abbreviated countries of ``padded`` (normalised, a space either side), and the
    text without them."""
    found: list[tuple[str, str]] = []
    for abbreviation, code in _ABBREVIATED:
        if f" {abbreviation} " in padded:
            found.append((abbreviation.removeprefix("the ").replace(" ", ""), code))
            padded = padded.replace(f" {abbreviation} ", " ")
    if _US_AFTER_YEAR.search(padded):
        found.append(("us", "US"))
        padded = _US_AFTER_YEAR.sub("", padded)
    return found, padded


def cased_places(normalised: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The places named in ``normalised`` (a question in a script with case, normalised: in
    small letters), each with its region code, whatever its case: "china" typed in small
    letters is China, "u.s." (:data:`ABBREVIATIONS`) the US, reported as "us". Words in
    ``skip`` (stopwords) are no places."""
    words, stems, phrases = _cased_places()
    found, padded = _abbreviated(f" {normalised} ")
    for name, code in phrases:
        if f" {name} " in padded:
            found.append((name, code))
            padded = padded.replace(f" {name} ", " ")
    for word in padded.split():
        if word in skip:
            continue
        region = (
            words.get(word)
            or inflected(word, words.get, stems.get)
            or people_of(word)
            or language_place(word)
        )
        if region is not None:
            found.append((word, region))
    return found


@cache
def names_of(code: str) -> tuple[str, ...]:
    """Every name of the place ``code`` in :data:`PLACE_LOCALES`, normalised."""
    return tuple(name for name, found in place_names().items() if found == code)


_HAN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_GROUPS = {"万": 10**4, "亿": 10**8}
_HAN_NUMBER = re.compile("[" + "".join([*_HAN_DIGITS, *_HAN_UNITS, *_HAN_GROUPS]) + "]{2,}")


def _approximate(run: str) -> bool:
    """Whether a run of two numerals is one number or the next, as Chinese approximates:
    "一两年" (a year or two), "三四个" (three or four). No number: a year is written digit by
    digit in four ("二〇二一")."""
    if len(run) != 2 or not all(c in _HAN_DIGITS for c in run):
        return False
    return _HAN_DIGITS[run[1]] - _HAN_DIGITS[run[0]] == 1


# Tenths, a share: "八成" is 80 per cent ("全国八成抗议者", eight in ten protesters). Not before
# the characters that make "成" another word (成为 become, 成员 member, 一成不变 unchanging…).
_HAN_TENTHS = re.compile(
    "(?<![" + "".join(_HAN_DIGITS) + "十])([一二三四五六七八九])成(?![为功立员本绩果熟长不交就])"
)


def chinese_numbers(text: str) -> list[str]:
    """The numbers ``text`` writes in Chinese numerals, in ASCII digits: "五千" is 5000,
    "两万三千" 23000, "二〇二〇" (read digit by digit) 2020, "八成" (eight tenths) 80. A
    single numeral is left alone: "一" and "十" open many words (一些, some; 十分, very); so
    are two words of two numerals: 万一 ("in case") and 千万 ("by all means"; ten million is
    一千万). (Colloquially "八成" also means "probably": read as a number, a question so
    worded is offered, not answered, where the claim has no 80.)"""
    found = [str(_HAN_DIGITS[m.group(1)] * 10) for m in _HAN_TENTHS.finditer(text)]
    for run in _HAN_NUMBER.findall(text):
        if run[0] in _HAN_GROUPS or run.startswith("千万"):
            run = run.removeprefix("千万").lstrip("万亿")
            if len(run) < 2:
                continue
        if _approximate(run):
            continue
        if all(c in _HAN_DIGITS for c in run):
            # Read as written, not through int(): a run thousands of numerals long is text.
            found.append("".join(str(_HAN_DIGITS[c]) for c in run).lstrip("0") or "0")
            continue
        total = section = digit = 0
        for c in run:
            if c in _HAN_DIGITS:
                digit = _HAN_DIGITS[c]
            elif c in _HAN_UNITS:
                section += (digit or 1) * _HAN_UNITS[c]
                digit = 0
            else:
                total += ((section + digit) or 1) * _HAN_GROUPS[c]
                section = digit = 0
        found.append(str(total + section + digit))
    return found


# jieba's part-of-speech tags (ICTCLAS) of names and what may be one: people (nr, nrfg,
# nrt), places (ns), bodies (nt), other proper nouns (nz), abbreviations (j: 东盟, ASEAN),
# Latin letters (eng), numerals (m; read as numbers elsewhere) and the unknown (x).
NAME_TAGS = ("nr", "ns", "nt", "nz", "j", "eng", "m", "x")
# Ordinary words jieba's dictionary tags as names, with the tag they have in a sentence: two
# verbs ("上街", to take to the streets, tagged a place: "人民上街抗议", people took to the
# streets to protest; "回国", to return home) and two nouns (city, town). Found by tagging 80
# everyday words of questions about news (people, bodies, places in general, protest and
# election words); the others were right. Left as the dictionary has them, for each names a
# group or place a claim may not be about: "外国" (a foreign country), "军政府" (a junta),
# "山区" (mountain areas: "缅甸山区的武装分子", the armed groups of the hills) and "和尚" (monks:
# "缅甸和尚上街抗议", the monks' protests, 2007's too).
# And relatives, who pass a message on (a later session, tagging 32 words of kin and
# acquaintance: "我阿姨…", my aunt…): "阿姨" and "老公" tagged as people's names, "哥哥" and
# "大伯" as places, "二叔" as a name. And paying and being paid (a later session, tagging 28
# words of money, hiring and bribes: "被花钱雇来", hired with money, read "spend money" as who
# hired): "花钱" (spend money), "骗钱" (swindle money), "资助" (fund) and "雇" (hire) tagged
# as nouns. And the words of asking and describing (a later session, tagging 57 everyday words
# of who asks and what they ask for: "求科普", explain it simply, please; "恐吓普通老百姓",
# frighten ordinary people): "普通" (ordinary) and "论文" (a thesis) tagged as proper nouns,
# "科普" (explaining science to all) and "明白" (clear, to understand) and "顾客" (a customer)
# as people's names. And the words of scorn (a later session, tagging 102 everyday words of
# mockery, laughter and address: "呵呵", "笑死", "套路", "洗白", "大哥"…): "真是太" (really
# too…), "拉满" (to the full), "老一套" (the same old line) tagged as people's names, "拜托"
# (oh please) as one transliterated, "大佬" (a big shot) as a proper noun, and "一贯" (as
# always) as a number. And "家族" (the family: "家族群里有人说…", someone in the family group
# says…), a proper noun where jieba splits it from "群里".
TAG_CORRECTIONS = {
    "上街": "v", "回国": "v", "城市": "n", "城镇": "n",
    "阿姨": "n", "老公": "n", "哥哥": "n", "大伯": "n", "二叔": "n",
    "花钱": "v", "骗钱": "v", "资助": "v", "雇": "v",
    "普通": "a", "论文": "n", "科普": "n", "明白": "v", "顾客": "n",
    "真是太": "d", "拉满": "v", "老一套": "n", "拜托": "v", "大佬": "n", "一贯": "d",
    "家族": "n",
}  # fmt: skip
# Where and from whom a message reached the person: a chat group ("群里", in the group;
# "家族群", the family group), a platform ("微信", WeChat), the news, a video, a post, a
# relative owned ("我爸", my dad), "网传" (going round online), "网上" (online: "网上说", it is
# said online); and what the person asks of the fact-checkers, "辟谣" (debunk it: "求辟谣",
# which jieba's dictionary tags as a person's name). No subject of a claim, even before a verb
# of saying ("消息说", the news says), as the words of passing a message on are not in English
# and Russian (knowledge.matching.text.PASSING_ON).
PASSING_ON = frozenset(
    {
        "群里", "群裡", "家族群", "微信群", "长辈群", "家庭群", "我爸", "我妈", "网传", "抖音",
        "博主", "微信", "消息", "新闻", "新聞", "视频", "視頻", "帖子", "朋友圈", "脸书", "臉書",
        "推特", "油管", "网上", "網上", "辟谣", "闢謠",
        # an article, a public account's post, a voice message
        "文章", "公众号", "公眾號", "语音", "語音",
        # and the asker's own words of how it reached them and how sure they are, as English's
        # "saw", "heard", "apparently", "doubt": saw, heard, it seems, I remember, I feel, I think
        "看到", "看見", "听到", "聽到", "好像", "记得", "記得", "感觉", "感覺", "觉得", "覺得",
        # what a screenshot shows around a post: its picture, caption, ticker, the app's buttons
        "截图", "截圖", "截屏", "字幕", "配图", "配圖", "配字", "封面", "推文", "微博", "小红书",
        "小紅書", "关注", "關注", "转发", "轉發", "评论", "評論", "点赞", "點讚", "跑马灯",
        "跑馬燈", "标题", "標題", "频道", "頻道", "群组", "群組",
        # who passed it on: a classmate, cousins, an uncle or aunt, a colleague, a neighbour
        "同学", "同學", "表哥", "表姐", "表弟", "表妹", "舅舅", "我舅", "叔叔", "阿姨", "姑姑",
        "同事", "邻居", "鄰居",
        # and the rest of the family and friends textlib.PASSING_ON names in English: a friend,
        # relatives, parents, siblings, a husband or wife, children, grandparents, in-laws, a
        # boss, a roommate, people from home, people online
        "朋友", "好友", "亲戚", "親戚", "亲友", "親友", "家人", "家里人", "家裡人", "老乡",
        "老鄉", "网友", "網友", "群友", "室友", "熟人", "老板", "老闆", "爸爸", "妈妈", "媽媽",
        "老爸", "老妈", "老媽", "父母", "哥哥", "姐姐", "弟弟", "妹妹", "老公", "老婆", "丈夫",
        "妻子", "儿子", "兒子", "女儿", "女兒", "爷爷", "爺爺", "奶奶", "外公", "外婆", "姥姥",
        "姥爷", "姥爺", "姨妈", "姨媽", "舅妈", "舅媽", "婶婶", "嬸嬸", "伯伯", "堂哥", "堂姐",
        "堂弟", "堂妹", "侄子", "外甥",
    }
)  # fmt: skip


# Where Chinese grammar puts a name: the agent of a passive, from its marker to its verb
# ("被民盟收买", bought by the NLD; "由…", by), and whoever a verb of saying follows ("总统说",
# the president says).
AGENT_MARKERS = frozenset({"被", "由", "受"})
_ASPECT = frozenset("过了着")  # the particles after a verb that say it was done, or goes on
# Verbs of interviewing: who interviews stands before them ("半岛电视台采访…", Al Jazeera
# interviewed…; "接受路透社专访", gave Reuters an interview), where a claim was said.
INTERVIEWING = frozenset({"采访", "专访"})
# And the other words of an interview given ("访问", as Taiwan says it; "访谈"; "受访",
# interviewed): each says where a claim made in an interview was said (pieces.chinese_held).
INTERVIEWS = INTERVIEWING | {"访问", "访谈", "受访"}
SAYING = frozenset(
    {"说", "称", "说过", "表示", "声称", "宣称", "指出", "认为", "指责", "透露"}
    | {"讲", "提到", "告诉"}  # as said aloud ("敏昂莱讲…"), mentioned, told
    | {"话"}  # as Cantonese says it ("敏昂萊話…")
)
# Cantonese's closed class, as Chinese is read (simplified: "係" as "系"): is it ("系咪",
# "系唔系"), have or not ("有冇"), not ("唔", "冇"), of ("嘅"), some or the ("啲"), what ("咩"),
# the perfective ("咗"), he ("佢"), and the particles closing a sentence ("㗎", "喇"). No name,
# and framing a question where they open or close it (knowledge.matching.pieces).
CANTONESE_ASKING = ("系咪", "系唔系", "有冇")  # opening a question: "is it…", "have or not…"
CANTONESE = frozenset(
    {*CANTONESE_ASKING, "唔系", "唔", "冇", "嘅", "啲", "咩", "咗", "佢", "㗎", "喇"}
)
# A noun owned by a person ("我舅舅说", my uncle says; "我的朋友说", my friend says) is a relation
# or a role, no name, as "my uncle" is in English.
PERSONAL_PRONOUNS = frozenset(
    {"我", "你", "您", "他", "她", "我们", "你们", "他们", "她们", "咱们", "咱", "俺"}
)


def chinese_names(text: str, start: int, end: int, held: Sequence[str] = ()) -> list[str]:
    """The words of ``text[start:end]`` (Chinese) that are no ordinary words, those next to
    each other joined: what a reply can say the question names ("西方国家"); none when the
    span is ordinary words only. Words are as jieba's dictionary (through ``rjieba``) splits
    the whole of ``text``; one is ordinary when held by one of the texts ``held``, or a
    dictionary word tagged as no name (:data:`NAME_TAGS`) and not a noun where a name goes
    (between a passive's :data:`AGENT_MARKERS` and its verb, before a verb of
    :data:`SAYING`: "被国家团结政府收买", bought by the National Unity Government, all
    ordinary words; "被西方国家收买", by Western countries). "活动变成" (activities, become)
    is ordinary; "被东盟收买" (bought by ASEAN) and "万斯说" (Vance says) are not. A word jieba
    finds only by its model of unknown words ("他信", Thaksin, in no dictionary) may be a
    name. A word glued to a name ``held`` holds ("敏昂莱说", Min Aung Hlaing says) is read
    without it."""
    words = chinese_words(text)
    first = bisect.bisect_right(_word_ends(text), start)  # the first word past ``start``
    found: list[str] = []
    last = -2  # the index of the last word found, to join the next to it
    agent = _after_agent_marker(words, first)
    for i in range(first, len(words)):
        word, tag, at = words[i]
        if at >= end:
            break
        if _names_here(words, i, held, agent):
            if last == i - 1:
                found[-1] += word
            elif i > first and _interviews(words, i, held) and _joins(words[i - 1], held):
                # The whole name of who interviewed: "半岛电视台" (Al Jazeera), of two nouns.
                found.append(words[i - 1][0] + word)
            else:
                found.append(word)
            last = i
        agent = word in AGENT_MARKERS or (agent and not tag.startswith("v"))
    return found


@lru_cache(maxsize=8)
def _word_ends(text: str) -> tuple[int, ...]:
    """Where each of :func:`chinese_words` of ``text`` ends, in order."""
    return tuple(at + len(word) for word, _, at in chinese_words(text))


def _after_agent_marker(words: Sequence[tuple[str, str, int]], i: int) -> bool:
    """Whether the ``i``-th word stands between a passive's marker and its verb: a marker
    before it with no verb after the marker ("被西方国家收买")."""
    for j in range(i - 1, -1, -1):
        word, tag, _ = words[j]
        if word in AGENT_MARKERS:
            return True
        if tag.startswith("v"):
            return False
    return False


def _names_here(
    words: Sequence[tuple[str, str, int]], i: int, held: Sequence[str], agent: bool
) -> bool:
    """Whether the ``i``-th of a text's ``words`` (:func:`chinese_words`) may name someone
    there (:func:`chinese_names`): no ordinary word, or a noun where a name goes (after a
    passive's marker, ``agent``, or before a verb of saying). Read only for the words of the
    span asked about: a long post's other words cost nothing."""
    word, tag, _ = words[i]
    if not _ordinary(word, tag, held):
        return True
    # A noun (or a place word: 西方, the West) of two characters or more where a name goes;
    # one character is a pronoun's work (被人, by someone).
    nominal = (
        len(word) > 1
        and tag[:1] in "nsfj"
        and not _misheld(word, held)
        and word not in PASSING_ON
        # who passed it on, by what they are ("售票员说…", the ticket seller says; "护士说…")
        and not person_noun(word)
        # "缅军说…": the claim's country's army says it, its claimant's side ("俄媒说…", the
        # media of where it was said, may be another outlet saying it)
        and not (countrys_army(word) and _held_countrys_media(word, held))
    )
    after = words[i + 1][0] if i + 1 < len(words) else ""
    says = after in SAYING and not _owned(words, i) and not _told(words, i)
    return nominal and (agent or says or _interviews(words, i, held))


def _joins(word: tuple[str, str, int], held: Sequence[str]) -> bool:
    """Whether a word before a name found by where it stands is part of it: a noun the
    texts ``held`` lack ("半岛" of "半岛电视台")."""
    text, tag, _ = word
    return tag.startswith("n") and not _held(text, held)


def _interviews(words: Sequence[tuple[str, str, int]], i: int, held: Sequence[str]) -> bool:
    """Whether the ``i``-th word stands right before a verb of :data:`INTERVIEWING`, and not
    after a place the texts ``held`` name: who interviewed ("半岛电视台采访", Al Jazeera
    interviewed), where "俄罗斯媒体采访" (Russian media's interview) is where a claim made to
    Russian television was said."""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    if after not in INTERVIEWING or _held_countrys_media(words[i][0], held):
        return False  # "俄媒采访": Russian media's interview, where Russia is held
    before = words[i - 1][0] if i > 0 else ""
    return not (before and _held_place(before, held))


def _held_place(word: str, held: Sequence[str]) -> bool:
    """Whether ``word`` is a place whose country one of the texts ``held`` names
    ("俄國" where they name "俄罗斯")."""
    codes = {code for _, code in unspaced_names(word)}
    return bool(codes & _countries_held(held))


def _countries_held(held: Sequence[str]) -> set[str]:
    """The region codes of the places the texts ``held`` name."""
    return {code for text in held for _, code in _places_of(text)}


# "Media" and "army", after the one character Chinese shortens a country to ("俄媒", Russian
# media; "缅军", Myanmar's army).
_MEDIA = "媒"
_ARMY = "军"


# A language, after the one character Chinese shortens a country to: its writing, its speech.
_LANGUAGE = ("文", "语", "語")


def _of_a_country(word: str, kinds: tuple[str, ...]) -> bool:
    """Whether ``word`` is a country's initial (:func:`han_initials`) and one of ``kinds``:
    "缅军" (Myanmar's army), "俄媒" (Russian media), "英文" (English)."""
    return len(word) == 2 and word[1] in kinds and word[0] in han_initials()


def countrys_army(word: str) -> bool:
    """Whether ``word`` is a country's army, by the country's initial: "缅军" (Myanmar's
    army), "俄军"."""
    return _of_a_country(word, (_ARMY,))


def armies_of(text: str) -> frozenset[str]:
    """The countries (codes) whose army a Chinese ``text`` names by the country's initial
    (:func:`countrys_army`): "缅军说…" (Myanmar's army says…), MM."""
    if not textlib.has_han(text):
        return frozenset()
    return frozenset(
        code
        for word, _, _ in chinese_words(text)
        if countrys_army(word)
        for code in han_initials()[word[0]]
    )


# A visit, before the one character Chinese shortens a country to ("访俄", visiting Russia;
# "访美", the US): where someone went, and said what he said.
_VISIT = "访"
_ABROAD = "出访"  # a visit abroad


def visits(text: str) -> list[tuple[str, frozenset[str]]]:
    """The countries a Chinese ``text`` says someone visits by their initial
    (:func:`han_initials`), in simplified characters: ("访俄", RU) of "…访俄期间说…" and of
    "…訪俄期間…". Not where the initial opens the country's whole name ("访俄罗斯":
    :func:`unspaced_names` reads that), nor "访" of another word ("采访中说", said in the
    interview; "出访" is a visit)."""
    text = textlib.simplified(text)
    found = []
    for at in _occurrences(text, _VISIT):
        before = text[at - 1 : at + 1] if at else ""
        if before != _ABROAD and is_word(before):
            continue
        initial = text[at + 1 : at + 2]
        codes = han_initials().get(initial)
        if not codes:
            continue
        named = unspaced_names(text[at + 1 : at + 12])
        if named and text.startswith(named[0][0], at + 1):
            continue
        found.append((_VISIT + initial, codes))
    return found


def _language(word: str) -> bool:
    """Whether ``word`` names a language by a country's initial: "英文" (English), "俄文"
    (Russian), "缅语" (Burmese). What language a text is in, as a message says it translated
    or saw one ("我自己从俄文翻译的", I translated it from the Russian myself; "看到英文标题",
    saw the English headline), names no subject, as "in Russian" does not in English."""
    return _of_a_country(word, _LANGUAGE)


def _numeral(word: str) -> bool:
    """Whether ``word`` is Chinese numerals only ("〇", of "二〇二一年", which jieba may split
    off): a number, read as numbers are (:func:`chinese_numbers`)."""
    return bool(word) and all(c in _HAN_DIGITS or c in _HAN_UNITS for c in word)


def _held_countrys_media(word: str, held: Sequence[str]) -> bool:
    """Whether ``word`` is a country's media or army, by the country's initial
    (:func:`han_initials`: "俄媒", Russian media; "缅军", Myanmar's army), and one of the texts
    ``held`` names that country: where the claim was said, as a claim made to Russian
    television holds Russia in its setting, or whose forces it is about. Another country's
    ("美媒", US media; "泰军") may be another outlet saying it, or another side. Whether the
    claim's own country's army does what the question asks is read apart
    (:func:`knowledge.matching.pieces.chinese_claimants_side`)."""
    if not _of_a_country(word, (_MEDIA, _ARMY)):
        return False
    return bool(han_initials()[word[0]] & _countries_held(held))


@lru_cache(maxsize=1024)
def _places_of(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`unspaced_names` of a text a claim holds, remembered: they come up again."""
    return tuple(unspaced_names(textlib.normalise(text)))


# The prepositions before whom something is said to ("跟俄媒说", told the Russian media; "对…说",
# "向…表示"): the noun between one and a verb of saying is who heard it, not who says it.
TOLD = frozenset({"跟", "对", "向", "和", "同"})


def _told(words: Sequence[tuple[str, str, int]], i: int) -> bool:
    """Whether the word at ``i`` follows a preposition of :data:`TOLD` at once."""
    return i > 0 and words[i - 1][0] in TOLD


def _owned(words: Sequence[tuple[str, str, int]], i: int) -> bool:
    """Whether the word at ``i`` follows a personal pronoun, at once or after 的."""
    before = [w for w, _, _ in words[max(0, i - 2) : i]]
    if before and before[-1] == "的":
        before.pop()
    return bool(before) and before[-1] in PERSONAL_PRONOUNS


def _held(word: str, held: Sequence[str]) -> bool:
    return any(word in text for text in held)


def _ordinary(word: str, tag: str, held: Sequence[str]) -> bool:
    if _held(word, held) or word in PASSING_ON or _held_countrys_media(word, held):
        return True
    if _language(word) or word in CANTONESE or _numeral(word):
        return True
    if not textlib.has_han(word):  # punctuation is; Latin letters and digits (read elsewhere) not
        return not _LETTER_OR_DIGIT.search(word)
    if tag in ("m", "mq") and not chinese_numbers(word) and not _LETTER_OR_DIGIT_ASCII.search(word):
        # A numeral word naming no number of two numerals or more: "一下" (a little), "一"
        # (as in "一开始", at first), read as the other numbers are (chinese_numbers).
        return True
    if _jieba().has_word(word) and not tag.startswith(NAME_TAGS):
        return True
    if word[:-1] in SAYING and word[-1] in _ASPECT:
        return True  # a verb of saying, done ("讲过", said; "说了")
    if glued_saying(word):
        return True  # "时称", when (he) said: a word and a verb of saying, glued
    if tag in UNKNOWN_WORD_TAGS:
        # A word jieba's model of unknown words reads as a verb, adverb or adjective ("非说",
        # insists): a name is a noun.
        return True
    if _mistyped(word, held):
        # A character wrong in a word of the claim's texts ("军正府" for "军政府", junta).
        return True
    for cut in range(len(word) - 1, 1, -1):
        if _held(word[:cut], held):
            return all(_ordinary(w, t, held) for w, t in tagged_words(word[cut:]))
    return False


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_LETTER_OR_DIGIT_ASCII = re.compile(r"[0-9A-Za-z]")
# jieba's tags of verbs (not vn: a verb used as a noun), adverbs and adjectives (not an: one
# used as a noun), as its model of unknown words tags them; and of a measure word and a
# pronoun ("这句", this (sentence)); and of the written language's prepositions, conjunctions
# and particles ("系为", is for; "仅为", only for).
UNKNOWN_WORD_TAGS = frozenset(
    {"v", "vd", "vg", "vi", "d", "dg", "a", "ad", "ag", "q", "r", "p", "c", "u"}
)


@lru_cache(maxsize=4096)
def glued_saying(word: str) -> bool:
    """Whether ``word`` is a word of one character that jieba's dictionary tags as no name
    and a verb of saying of one, as jieba glues them ("采访时称", said at the interview:
    "时称"; "卫星社说": "社说"). Not a surname before it ("李称", Li said: "李" tagged a
    person's name)."""
    if len(word) != 2 or word[1] not in SAYING:
        return False
    return is_word(word[0]) and not tagged_words(word[0])[0][1].startswith(NAME_TAGS)


def _misheld(word: str, held: Sequence[str]) -> bool:
    """Whether a text of ``held`` has ``word``, or has it mistyped (:func:`_mistyped`)."""
    return _held(word, held) or _mistyped(word, held)


def _mistyped(word: str, held: Sequence[str]) -> bool:
    """Whether a text of ``held`` has ``word`` with one character replaced, where it is
    three characters or more (two share too little to call one a typo of the other) and in
    no dictionary: "索罗斯" (Soros) is no typo of "俄罗斯" (Russia)."""
    size = len(word)
    if size < 3 or _jieba().has_word(word):
        return False
    return any(
        sum(a != b for a, b in zip(word, text[at : at + size], strict=True)) == 1
        for text in held
        for at in range(len(text) - size + 1)
    )


@lru_cache(maxsize=8)
def chinese_words(text: str) -> tuple[tuple[str, str, int], ...]:
    """``text`` split into words by jieba's dictionary, each with its part-of-speech tag
    and where it starts (remembered for the few candidates a question is compared with)."""
    words = []
    at = 0
    for word, tag in tagged_words(text):
        words.append((word, tag, at))
        at += len(word)
    return tuple(words)


def tagged_words(text: str) -> list[tuple[str, str]]:
    """``text`` split by jieba's dictionary, each word with its tag (:data:`TAG_CORRECTIONS`
    applied). jieba reads UTF-8: a lone surrogate is read as U+FFFD, one character for one,
    so that where each word starts stays where it is in ``text``."""
    whole = textlib.without_surrogates(text)
    return [(word, TAG_CORRECTIONS.get(word, tag)) for word, tag in _jieba().tag(whole)]


def is_word(word: str) -> bool:
    """Whether jieba's dictionary knows ``word``."""
    return bool(_jieba().has_word(word))


@cache
def _jieba() -> Any:
    """jieba's dictionary, loaded at the first Chinese piece that needs it (0.15 s, 33 MB)."""
    import rjieba

    return rjieba


def unspaced_names(normalised: str) -> list[tuple[str, str]]:
    """The places named in ``normalised`` (a question, :func:`textlib.normalise`-d) where it
    is written without spaces, with their region codes: found longest first, none inside
    another, in the order they are written."""
    joined = normalised.replace(" ", "")
    taken = [False] * len(joined)
    found: list[tuple[int, str, str]] = []
    by_start = _unspaced_by_start()
    held = {joined[i : i + 2] for i in range(len(joined))} | set(joined)
    for _, name, code in sorted(entry for pair in held for entry in by_start.get(pair, ())):
        for start in _occurrences(joined, name):
            if not any(taken[start : start + len(name)]):
                taken[start : start + len(name)] = [True] * len(name)
                found.append((start, name, code))
    return [(name, code) for _, name, code in sorted(found)]


@cache
def han_initials() -> dict[str, frozenset[str]]:
    """The first character of each country's name in Chinese (CLDR, simplified and
    traditional), with the regions whose names it opens: Chinese shortens a country to it
    before another word ("美大选", the US election; "俄军", Russia's army)."""
    found: dict[str, set[str]] = {}
    for name, code in place_names().items():
        if len(name) >= 2 and textlib.has_han(name[0]):
            found.setdefault(name[0], set()).add(code)
    return {initial: frozenset(codes) for initial, codes in found.items()}


@cache
def _unspaced_by_start() -> dict[str, list[tuple[int, str, str]]]:
    """:func:`_unspaced_places` by the two letters each name starts with (one, for a name of
    one), with its place in their order: only those whose start a text holds can be in it."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for order, (name, code) in enumerate(_unspaced_places()):
        index.setdefault(name[:2], []).append((order, name, code))
    return index


def _occurrences(text: str, name: str) -> Iterator[int]:
    start = text.find(name)
    while start >= 0:
        yield start
        start = text.find(name, start + len(name))
