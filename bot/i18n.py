"""What the bot says, in the asker's language: gettext catalogues compiled by Babel.

Every string a person reads is written in English in the code and wrapped: ``_("…")`` where it
is said, ``N_("…")`` where it is only defined (a constant, a command's help) and translated
where it is said, ``ngettext`` for plurals. Placeholders are ``{name}`` fields filled with
``.format`` after translation, so a translation may move them. ``pybabel extract`` (see
``babel.cfg``) collects them into ``bot/locale/factbot.pot``; each language's catalogue is
``bot/locale/<lang>/LC_MESSAGES/factbot.po``, compiled to the ``.mo`` beside it that ships with
the package (docs/languages.md).

The language is per request: :func:`use_language` sets it for the code that builds and
renders one reply (a context variable, so threads and tasks each keep their own).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from babel import Locale

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "_",
    "current",
    "format_day",
    "language_name",
    "ngettext",
    "supported",
    "translation",
    "use_language",
]

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "factbot"
DEFAULT = "en"
# The languages the bot speaks: code → Babel locale. "zh" is Simplified Chinese (zh-Hans), as
# the built-in base's Chinese aliases are written.
LANGUAGES: dict[str, str] = {"en": "en", "my": "my", "zh": "zh_Hans", "ru": "ru"}
_current: ContextVar[str] = ContextVar("factbot_language", default=DEFAULT)


def supported(tag: str | None) -> str | None:
    """The bot's language for a language tag as platforms write it (``zh-CN``, ``ru_RU``,
    ``my``, ``zh-Hans``), or None when the bot does not speak it."""
    if not tag:
        return None
    primary = tag.replace("_", "-").split("-", 1)[0].casefold()
    if primary == "zh" and tag.replace("_", "-").casefold() in ("zh-tw", "zh-hk", "zh-hant"):
        return None  # Traditional Chinese: not (yet) a catalogue of its own
    return primary if primary in LANGUAGES else None


@cache
def translation(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for a language (English: the code's own strings)."""
    if language == DEFAULT or language not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def current() -> str:
    return _current.get()


@contextmanager
def use_language(language: str | None) -> Iterator[str]:
    """Speak ``language`` (a supported code; anything else is English) inside the block."""
    chosen = language if language in LANGUAGES else DEFAULT
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translation(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, by the current language's plural rules."""
    return translation(_current.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with ``_`` where it is said."""
    return message


def language_name(language: str) -> str:
    """A language's own name for itself: "English", "မြန်မာ", "中文", "русский"."""
    locale = Locale.parse(LANGUAGES.get(language, DEFAULT))
    return str(locale.get_display_name(locale))


def language_called(code: str) -> str:
    """A language code as a moderator reads it, in the language the bot speaks to them:
    "Thai (th)", "Shan (shn)"; the code alone where CLDR names no such language ("xx")."""
    name = known_language(code)
    return f"{name} ({code})" if name else code


def known_language(code: str) -> str | None:
    """The name CLDR gives language ``code`` in the bot's current language, or None."""
    locale = Locale.parse(LANGUAGES.get(current(), DEFAULT))
    name = locale.languages.get(code)
    return str(name) if name else None


# English months, for English dates written without Babel's English data: loading it is some
# 30 ms of a `factbot ask`, for the one date the reply carries. tests/test_catalogues.py checks
# every month and form against Babel's own (CLDR's en_GB).
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_day(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date (or a month, or a year) as readers of the current language write it: Babel's
    CLDR formats, with Burmese digits for Burmese; English as this project always wrote it,
    day, month, year (14 June 2021), CLDR's British English."""
    language = _current.get()
    if month is None:
        return to_local_digits(str(year))
    when = date(year, month, day or 1)  # ValueError for a day that is not one
    if language == DEFAULT:
        name = _ENGLISH_MONTHS[month - 1]
        return f"{name} {year}" if day is None else f"{day} {name} {year}"
    from babel.dates import format_date, format_skeleton  # their locale data: when needed

    locale = Locale.parse(LANGUAGES[language])
    if day is None:
        text = format_skeleton("yMMMM", when, locale=locale)
    else:
        text = format_date(when, "long", locale=locale)
    return to_local_digits(text)


def format_duration(seconds: float) -> str:
    """How long, roughly, as readers of the current language say it ("3 hours", "၃ နာရီ"):
    Babel's CLDR units, the largest that fits."""
    from babel.dates import format_timedelta  # its locale data: when needed

    locale = Locale.parse(LANGUAGES[_current.get()])
    return to_local_digits(format_timedelta(timedelta(seconds=seconds), locale=locale))


_BURMESE_DIGITS = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


def to_local_digits(text: str) -> str:
    """Digits as the current language's readers expect them (Burmese: ၀–၉)."""
    return text.translate(_BURMESE_DIGITS) if _current.get() == "my" else text
