"""Which language to answer in: the person's choice, else the platform's hint, else the
language the question is written in, else English.

The choice is kept in the claim base (conversation state, per person on a platform, for
years), so it survives restarts and is shared by every worker. The question's language comes
from ``py3langid`` restricted to the languages the bot speaks: on the near-miss set's 168
questions in English, Burmese, Chinese and Russian it is right on all of them, in about 40 µs a
question (docs/languages.md has the comparison with ``lingua``, which knows no Burmese).
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

from bot.i18n import DEFAULT, LANGUAGES, supported
from knowledge.matching import zawgyi
from knowledge.state import ConversationState, Scope

__all__ = ["CHOICE", "Languages", "detect"]

CHOICE = "language"  # the conversation-state name of a person's chosen language
KEEP_CHOICE = 10 * 365 * 86400.0
MIN_LETTERS = 2
# Below this the detector is guessing (binary junk scores ~0.4; the near-miss set's questions
# all score 0.96 or more): say nothing, and English it is.
MIN_PROBABILITY = 0.8
_COMMAND = re.compile(r"^/\w+(?:@\w+)?\s*")


@cache
def _identifier() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect(text: str) -> str | None:
    """The language a question is written in, among those the bot speaks; None for text with
    too few letters to tell (a number, an id, a command alone)."""
    text = zawgyi.to_unicode(_COMMAND.sub("", text.strip(), count=1))
    if sum(c.isalpha() for c in text[:200]) < MIN_LETTERS:
        return None
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

    def for_person(self, platform: str, user_id: str, hint: str | None, text: str = "") -> str:
        """The language to answer in: choice, platform hint, the text's language, English."""
        return (
            self.chosen(platform, user_id)
            or supported(hint)
            or (detect(text) if text else None)
            or DEFAULT
        )
