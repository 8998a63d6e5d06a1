"""Numbers as a question or a claim writes them, read as one value: in any script's digits
(Burmese "၂၀၂၀" is 2020), in Chinese numerals ("五千", 5000), scaled by the word after them
("11 million", "1,5 млн", "သိန်း"), and English words before a scale ("Two million"). Years
are the numbers written as years. :mod:`~knowledge.matching.context` compares what a question
and a claim's context hold.

Every function reads the text as :func:`knowledge.matching.text.plain` leaves it: links, a
tweet's tail and the time a screenshot shows taken out, a date read as its year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol

from knowledge.matching import names as namelib
from knowledge.matching import text as textlib

NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def digits(number: str) -> str:
    """A number found in a text (:data:`NUMBER`) in ASCII digits, without separators or
    leading zeros."""
    ascii_digits = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in number)
    return ascii_digits.replace(",", "").replace(".", "").lstrip("0") or "0"


# Words that scale the number before them: "11 million" is 11000000, not the 11 of a date
# ("November 2020", 2020年11月). English, Russian (any ending), Burmese.
_SCALES = {
    "thousand": 10**3, "million": 10**6, "mln": 10**6, "billion": 10**9, "bn": 10**9,
    "trillion": 10**12, "тысяч": 10**3, "тыс": 10**3, "миллион": 10**6, "млн": 10**6,
    "миллиард": 10**9, "млрд": 10**9, "триллион": 10**12, "трлн": 10**12,
    "ထောင်": 10**3, "သောင်း": 10**4, "သိန်း": 10**5, "သန်း": 10**6,
}  # fmt: skip
_DECIMAL_COMMA = re.compile(r",(?=\d{1,2}$)")
MAX_SCALED_DIGITS = 15  # a longer number is read as it is written (float's precision)
_SCALED = re.compile(
    r"\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\w{0,3}(?!\w)", re.IGNORECASE
)  # an ending of up to three letters: "millions", "тысячи", "миллионов"; not "billionaire"


def _number(written: str, scale: re.Match[str] | None) -> str:
    """A number :data:`NUMBER` found, scaled by the word after it (``scale``: "1.5 million")."""
    if scale is None:
        return digits(written)
    ascii_digits = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in written)
    # A comma before one or two last digits is a decimal comma ("1,5 млн", 1.5 million); before
    # three, it groups thousands ("5,000 million").
    ascii_digits = _DECIMAL_COMMA.sub(".", ascii_digits).replace(",", "")
    if (
        len(ascii_digits) > MAX_SCALED_DIGITS or ascii_digits.count(".") > 1
    ):  # hostile, or "1.2.3 million"
        return digits(written)
    return str(round(float(ascii_digits) * _SCALES[scale.group(1).casefold()]))


# English numbers written in words, read where a scale follows them ("Two million", "twenty-five
# thousand"): alone ("one of them", "the next nine causes") a word is no number anyone asks about.
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORDED = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[\s-]({'|'.join(_UNITS)}))?|({'|'.join(_UNITS)}))\b",
    re.IGNORECASE,
)


def numbers_written(text: str) -> dict[str, str]:
    """Each number of ``text`` in digits (:func:`numbers`, Chinese numerals aside), with how
    the text writes it: "11000000" is "11 million", "5000" is "5,000"; "2000000" also "Two
    million", as the claims' quotes write it where a question has "2 million"."""
    plain = textlib.plain(text)
    found: dict[str, str] = {}
    for match in NUMBER.finditer(plain):
        scale = _SCALED.match(plain, match.end())
        shown = plain[match.start() : (scale or match).end()].strip()
        found.setdefault(_number(match.group(), scale), shown)
    for match in _WORDED.finditer(plain):
        scale = _SCALED.match(plain, match.end())
        if scale is None:
            continue
        tens, units, alone = (g.casefold() if g else "" for g in match.groups())
        value = _TENS.get(tens, 0) + _UNITS.get(units or alone, 0)
        shown = plain[match.start() : scale.end()].strip()
        found.setdefault(str(value * _SCALES[scale.group(1).casefold()]), shown)
    return found


def numbers(text: str) -> frozenset[str]:
    """The numbers a text holds, in ASCII digits, without separators or leading zeros: in any
    script's digits, and in Chinese numerals; scaled by a word after them ("11 million")."""
    return frozenset(numbers_written(text)) | han_numbers(text)


def han_numbers(text: str) -> frozenset[str]:
    plain = textlib.plain(text)
    return frozenset(namelib.chinese_numbers(plain)) if textlib.has_han(plain) else frozenset()


def years(text: str) -> frozenset[str]:
    """The numbers of a text written as years: four digits, no separator, 1000 to 2199 (in
    Chinese numerals too: 二〇一五)."""
    plain = textlib.plain(text)
    found = [digits(m.group()) for m in NUMBER.finditer(plain) if m.group().isdecimal()]
    if textlib.has_han(plain):
        found += namelib.chinese_numbers(plain)
    return frozenset(n for n in found if is_year(n))


def is_year(number: str) -> bool:
    """Whether a number in digits (no leading zeros: :func:`digits`) may be a year, 1000 to
    2199."""
    return len(number) == 4 and number < "2200"


# A year written as the month and year something was said ("Sputnik, June 2021", "в июне 2021
# года", "2021年6月", "၂၀၂၁ ဇွန်လ"): the month's name before it (", of" between, as English
# writes it), or after it and the language's word for a year ("年", "ခုနှစ်", "года").
_MONTH_BEFORE = r"(?:{})\.?\s*,?\s*(?:of\s+)?$"
_MONTH_AFTER = r"\s*(?:年|ခုနှစ်|года\b|г\.)?\s*,?\s*(?:{})"
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})(?!\d)")
# Russian inflects a month's name ("июнь", "июня", "в июне"): its stem and one of these.
_RUSSIAN_MONTH_ENDINGS = "(?:ь|я|е|ю|й|а)?"
_BURMESE_MONTH = "လ"  # "month", after its name: "ဇွန်လ"


@cache
def _month_names(month: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How the languages the bot reads write ``month`` (1-12) before and after a year (CLDR's
    names, through Babel): English in full and cut short ("June", "Jun"), Russian by the stem
    its forms share ("июн"), Chinese and Burmese as written ("6月", "六月", "ဇွန်", "ဇွန်လ")."""
    names: list[str] = []
    for code in ("en", "ru", "zh", "my"):
        months = Locale.parse(code).months
        written = {
            months[context][width][month].casefold().rstrip(".")
            for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated")
        }
        if code == "en":
            names += [rf"{re.escape(name)}\b" for name in written]
        elif code == "ru":
            stem = textlib.shared_start(*written).rstrip("ьй")
            names.append(rf"{re.escape(stem)}{_RUSSIAN_MONTH_ENDINGS}\b")
        elif code == "my":
            names += [f"{re.escape(name)}(?:{_BURMESE_MONTH})?" for name in written]
        else:
            names += [re.escape(name) for name in written]
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return (
        re.compile(_MONTH_BEFORE.format(alternatives), re.IGNORECASE),
        re.compile(_MONTH_AFTER.format(alternatives), re.IGNORECASE),
    )


def months_said(when: str | None) -> frozenset[tuple[str, int]]:
    """The year and month of a claim's date (``when``: "2021-06", "2021-06-14", or written
    with a month's name, "June 2021"): (year, month) pairs, none where it gives no month."""
    if not when:
        return frozenset()
    iso = _ISO_MONTH.match(when)
    if iso is not None and 1 <= int(iso.group(2)) <= 12:
        return frozenset({(iso.group(1), int(iso.group(2)))})
    return frozenset(
        (year, month)
        for year in years(when)
        for month in range(1, 13)
        if year in years_dated(when, frozenset({(year, month)}))
    )


def years_dated(text: str, dates: frozenset[tuple[str, int]]) -> frozenset[str]:
    """The years of ``text`` (:func:`years`, in digits) that it writes only beside a month,
    as one of ``dates`` ((year, month) pairs: :func:`months_said`) is: "Sputnik, June 2021",
    "в июне 2021 года", "2021年6月", "(၂၀၂၁ ဇွန်)" for (2021, 6). The date a claim was made, as
    a question cites it, no year of what the claim is about."""
    if not dates:
        return frozenset()
    return _beside_months(
        text, lambda year: [m for said, m in dates if said == year] if is_year(year) else None
    )


def days_dated(text: str, dates: frozenset[tuple[str, int]]) -> frozenset[str]:
    """The numbers of ``text`` (in digits) that it writes only as a day beside the name of a
    month of ``dates`` (:func:`months_said`): "June 24", "24 июн", "6月24日", "ဇွန် ၂၄" for a
    claim made in June. The date a post around the claim was made, as a screenshot shows it,
    no number of what the claim is about; a day of another month stays a number."""
    months = sorted({month for _, month in dates})
    if not months:
        return frozenset()
    return _beside_months(text, lambda day: months if 1 <= int(day) <= 31 else None)


# A person's age, as a story about the asker or someone they know gives it: "18 years old",
# "a 16-year-old", "16 year olds", "aged 80"; "в 80 лет" (at 80), "18-летний"; "80岁", "十八歲";
# "အသက် ၁၈" (aged 18). Not "5 years" alone, nor "за 5 лет" (over five years): how long
# something lasted may be what a claim says.
_AGE = re.compile(
    r"(\d+|[〇零一二两三四五六七八九十百]+)(?:[\s-]*(?:years?|yrs?)[\s-]*olds?\b|\s*-?летн|\s*[岁歲])"
    r"|\b(?:aged|в(?:\s+возрасте)?)\s+(\d+)(?:\s+(?:лет|года?)\b)?"
    r"|အသက်\s*(\d+)",
    re.IGNORECASE,
)
_AGE_WORDS = re.compile(
    r"\b(?:aged|в\s+возрасте)\s|(?<![\w])в\s+\d+\s+(?:лет|года?)\b", re.IGNORECASE
)


@lru_cache(maxsize=1024)
def ages(text: str) -> frozenset[str]:
    """The numbers of ``text`` (in digits) it writes as a person's age (:data:`_AGE`): who
    asks, and whom the story is about, not what the claim is about ("my son, 18 years old,
    voted for the first time in 2020"; "Дедушка в 80 лет впервые проголосовал"; "我外公80岁了").
    Remembered: a question is compared with each candidate, and its Chinese pieces read."""
    plain = textlib.plain(text)
    found: set[str] = set()
    for match in _AGE.finditer(plain):
        number = next(g for g in match.groups() if g)
        if match.group(2) and not _AGE_WORDS.match(plain, match.start()):
            continue  # "в 2020" (in 2020): no age without "лет", "года" or "возрасте"
        if number[0].isdecimal():
            found.add(digits(number))
        else:
            found.update(namelib.chinese_numbers(number))
    return frozenset(found)


# A bet, as chat writes it: "bet my friend 100 baht", "поспорил с другом на 1000 рублей", "跟朋友
# 打赌100泰铢"; the stake is a sum of money after it, in the same clause.
_BET = re.compile(
    r"\b(?:bet|bets|betting|wager(?:ed)?)\b|поспор|спорим|пари\b|打赌|赌", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[.!?。！？\n:;,，：；]")
# Ways of money the CLDR names leave out: chat's "bucks" and "quid", Chinese "块" (钱), Russian
# "баксов".
_SLANG_MONEY = ("bucks", "quid", "块", "бакс")
_LANGUAGES = ("en", "ru", "zh", "my")
_COUNTS = (1, 2, 5)  # one, a few, many: the plural forms of the four languages
_LETTERS = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _money() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """What a sum of money is written with after its number in the bot's languages: the last
    word of each currency's name in CLDR, in each plural form (through Babel: "baht",
    "рублей", "泰铢", "ကျပ်"), a whole word, but Russian by its first four letters (it
    inflects them: "рубля"), and chat's; and the currency symbols written before it ("$",
    "US$", "฿")."""
    words: set[str] = {w for w in _SLANG_MONEY if w.isascii()}
    stems: set[str] = {w for w in _SLANG_MONEY if not w.isascii()}
    symbols: set[str] = set()
    for language in _LANGUAGES:
        for code in map(str, Locale.parse(language).currencies):
            for count in _COUNTS:
                name = get_currency_name(code, count, language).split()
                last = name[-1].casefold() if name else ""
                if not _LETTERS.fullmatch(last) or len(last) < 2:
                    continue  # "(1946–1965)", a former currency's years
                if textlib.starts_cyrillic(last):
                    stems.add(last[:4])
                elif textlib.has_unspaced_script(last):
                    stems.add(last)
                else:
                    words.add(last)
            symbol = get_currency_symbol(code, language)
            if any(unicodedata.category(c) == "Sc" for c in symbol):
                symbols.add(symbol)
    by_length = sorted(words, key=len, reverse=True)
    stem_first = sorted(stems, key=len, reverse=True)
    pattern = "|".join(map(re.escape, stem_first))
    pattern += "|(?:" + "|".join(map(re.escape, by_length)) + r")(?![^\W\d_])"
    return re.compile(pattern), tuple(sorted(symbols, key=len, reverse=True))


@lru_cache(maxsize=1024)
def stakes(text: str) -> frozenset[str]:
    """The numbers of ``text`` (in digits) it writes as the stake of a bet the asker made
    on the claim (:data:`_BET`, then the first number of its clause, a sum of money): the
    asker's story, not a number of what the claim is about, wherever the number comes again
    ("who gets the 200"). A number with no money beside it is none ("I bet the 2015 election
    was rigged" names a year), nor one written as a year, unless after a currency's symbol
    ("I bet the USDP in 2015 won…": the won is Korea's too), nor a sum in another clause
    ("bet him 100 baht: he says they were paid 5,000 kyat")."""
    plain = textlib.plain(text)
    found: set[str] = set()
    for bet in _BET.finditer(plain):
        end = _CLAUSE_END.search(plain, bet.end())
        clause = plain[bet.end() : end.start() if end else len(plain)]
        number = NUMBER.search(clause)
        if number is None:
            continue
        money, symbols = _money()  # built at the first bet, not for every message
        after_symbol = clause[: number.start()].rstrip().endswith(symbols)
        before_money = money.match(clause[number.end() :].lstrip().casefold()) is not None
        if after_symbol or (before_money and not _YEAR.fullmatch(number.group())):
            found.add(digits(number.group()))
    return frozenset(found)


def _beside_months(text: str, months_of: Callable[[str], list[int] | None]) -> frozenset[str]:
    """The numbers of ``text`` (in digits) it writes only beside the name of one of their
    months (``months_of`` a number: those it may be written beside; None for a number that
    is no date's, left out), before or after it."""
    plain = textlib.plain(text)
    dated: set[str] = set()
    undated: set[str] = set()
    for found in NUMBER.finditer(plain):
        number = digits(found.group())
        months = months_of(number) if found.group().isdecimal() else None
        if months is None:
            continue
        if any(
            _month_names(month)[0].search(plain, 0, found.start())
            or _month_names(month)[1].match(plain, found.end())
            for month in months
        ):
            dated.add(number)
        else:
            undated.add(number)
    return frozenset(dated - undated)
