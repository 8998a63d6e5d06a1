"""Which language to answer in: the person's choice, else the language the question is written
in, else the language they last wrote a question in, else the platform's hint, else English.

The choice is kept in the claim base (conversation state, per person on a platform, for
years), so it survives restarts and is shared by every worker; so is the language a person
last wrote a question in (:data:`KEEP_WRITTEN`), for what says no language itself: a number
picking a suggestion, a button, a command. The platform's hint is the app's language, which
says which menus a person reads, not what they write: a Burmese question from an app set to
English is answered in Burmese, and so is the "2" that picks a suggestion after it.

The question's language comes from ``py3langid`` restricted to the languages the bot speaks: on
the near-miss set's 168 questions in English, Burmese, Chinese and Russian it is right on all
of them, in about 40 µs a question (docs/languages.md has the comparison with ``lingua``, which
knows no Burmese). Its model takes half a second to load, so a text written in one script that
only one of those languages uses (Burmese, Han, Cyrillic, Latin letters) is decided by its
script, and the detector is loaded only for the rest: text that mixes scripts.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import warnings
from functools import cache
from typing import Any

from bot.i18n import DEFAULT, LANGUAGES, supported
from knowledge.matching import burglish, translit, zawgyi
from knowledge.matching import text as textlib
from knowledge.state import ConversationState, Scope

__all__ = ["CHOICE", "WRITTEN", "Languages", "detect"]

log = logging.getLogger(__name__)

CHOICE = "language"  # the conversation-state name of a person's chosen language
KEEP_CHOICE = 10 * 365 * 86400.0
WRITTEN = "written_language"  # the language a person last wrote a question in
KEEP_WRITTEN = 30 * 86400.0
MIN_LETTERS = 2
# Below this the detector is guessing (binary junk scores ~0.4; the near-miss set's questions
# all score 0.96 or more): say nothing, and English it is.
MIN_PROBABILITY = 0.8
# A screenshot's text says its sender's language only when there is a sentence of it: what
# Tesseract reads in a picture without text is a few stray letters ("m !\na 時").
MIN_SHOWN_LETTERS = 10
_COMMAND = re.compile(r"^/\w+(?:@\w+)?\s*")


@cache
def _identifier() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


# Which of the bot's languages write with which letters; a script with one language decides.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("my", "\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff"),
    ("zh", textlib.HAN),  # the same pattern compiles once
    ("ru", "\u0400-\u04ff"),
    ("en", "A-Za-z\u00c0-\u024f"),
)
_SCRIPT_PATTERNS = tuple((code, re.compile(f"[{chars}]")) for code, chars in _SCRIPTS)
ONE_SCRIPT = 0.9  # the share of letters in one script for the script to decide


def by_script(text: str) -> str | None:
    """The language a text's script names, when nearly all its letters are in one script
    that only one of the bot's languages uses; None when scripts are mixed."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    for code, pattern in _SCRIPT_PATTERNS:
        if code in LANGUAGES and len(pattern.findall(text)) >= ONE_SCRIPT * len(letters):
            return code
    return None


def detect(text: str, min_letters: int = MIN_LETTERS) -> str | None:
    """The language a question is written in, among those the bot speaks; None for text with
    fewer than ``min_letters`` letters, too few to tell (a number, an id, a command alone)."""
    text = zawgyi.to_unicode(_COMMAND.sub("", text.strip(), count=1))
    if sum(c.isalpha() for c in text[:200]) < min_letters:
        return None
    if (decided := by_script(text[:1000])) is not None:
        # Russian typed in Latin letters is Russian: answered in it, as it is matched.
        if decided == "en" and "ru" in LANGUAGES and translit.looks_russian(text[:1000]):
            return "ru"
        # And Burmese typed in Latin letters is Burmese.
        if decided == "en" and "my" in LANGUAGES and burglish.looks_burmese(text[:1000]):
            return "my"
        return decided
    language, probability = _identifier().classify(text[:1000])
    if probability < MIN_PROBABILITY:
        return None
    return str(language) if language in LANGUAGES else None


class Languages:
    """People's chosen languages, kept in the claim base."""

    def __init__(self, state: ConversationState) -> None:
        self.state = state

    @staticmethod
    def scope(platform: str, user_id: str) -> Scope:
        return Scope(platform, "", user_id)

    def chosen(self, platform: str, user_id: str) -> str | None:
        value = self.state.get(self.scope(platform, user_id), CHOICE)
        return value if isinstance(value, str) and value in LANGUAGES else None

    def choose(self, platform: str, user_id: str, language: str | None) -> None:
        """Keep ``language`` as this person's choice; None forgets it (back to automatic)."""
        if language is None:
            self.state.pop(self.scope(platform, user_id), CHOICE)
        else:
            self.state.put(self.scope(platform, user_id), CHOICE, language, KEEP_CHOICE)

    def written(self, platform: str, user_id: str) -> str | None:
        """The language this person last wrote a question in (within :data:`KEEP_WRITTEN`)."""
        value = self.state.get(self.scope(platform, user_id), WRITTEN)
        return value if isinstance(value, str) and value in LANGUAGES else None

    def for_person(
        self, platform: str, user_id: str, hint: str | None, text: str = "", shown: str = ""
    ) -> str:
        """The language to answer in: choice, the text's language (kept as what this person
        writes), the language they last wrote in, the platform's hint, the language of what
        they ``shown`` without writing it (a screenshot's text: not kept), English."""
        chosen = self.chosen(platform, user_id)
        if chosen:
            return chosen
        language = detect(text) if text else None
        if language is None:
            return (
                self.written(platform, user_id)
                or supported(hint)
                or (detect(shown, MIN_SHOWN_LETTERS) if shown else None)
                or DEFAULT
            )
        if self.written(platform, user_id) != language:
            try:
                self.state.put(self.scope(platform, user_id), WRITTEN, language, KEEP_WRITTEN)
            except sqlite3.OperationalError:  # a read-only base: answered all the same
                log.debug("could not keep the language %s written", language, exc_info=True)
        return language
