"""Russian typed in Latin letters: told from English, read in Cyrillic, matched and answered in
Russian (knowledge.matching.translit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.trust import read_near_misses
from bot.language import detect
from knowledge.matching import Matcher
from knowledge.matching.translit import as_cyrillic, looks_russian
from knowledge.models import Decision
from knowledge.store import ClaimBase

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "protesty v Myanme pererosli v terrorizm? tak general skazal Sputniku",
            "протесты в Мянме переросли в терроризм? так генерал сказал Спутнику",
        ),
        (
            "protesty v Myanme nachalis' iz-za falsifikacii vyborov? ili net?",
            "протесты в Мянме начались из-за фалсификации выборов? или нет?",  # no soft sign typed,
        ),
        ("eto pravda chto NUG platit im? @factbot", "это правда что NUG платит им? @factbot"),
        (
            "eto pravda? https://example.com/news/protesty #Myanma",
            "это правда? https://example.com/news/protesty #Myanma",
        ),
        ("Rossia i Kitay, eto pravda?", "Россия и Китай, это правда?"),
        ("ego sprosili, chto on skazal", "его спросили, что он сказал"),
        (  # none of the common words: Russian's own letter groups and endings tell it
            "protestuyushie seyut strah sredi mestnogo naselenia",
            "протестуюшие сеют страх среди местного населения",
        ),
    ],
)
def test_russian_typed_in_latin_letters_is_read_in_cyrillic(typed: str, read: str) -> None:
    """Letter groups as chat writes them ("ch", "sh", "ya", "y" as "ы" or "й", an apostrophe
    for the soft sign); capitals kept; abbreviations, handles and links left as written."""
    assert looks_russian(typed)
    assert as_cyrillic(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "Were the Myanmar protesters paid terrorists?",
        "Is it true that protesters in Myanmar get paid to do terror attacks?",
        "v for vendetta is on tonight",  # one Russian-looking word is not enough
        "Po river flooding: is it true?",
        "Zhukov's Khrushchev biography, a Yury Gagarin essay: are the quotes real?",
        "Протестующим в Мьянме платят?",  # already Cyrillic
        "protesty v Мьянме платят?",  # mixed scripts are read as written
        "",
    ],
)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert not looks_russian(text)
    assert as_cyrillic(text) == text


def test_no_english_question_of_any_set_is_read_as_russian() -> None:
    """Every English near miss the sets hold (over 900, chat's spelling and typos among
    them) stays English. (The CLEF collections' 33,000 English claims and tweets were
    checked the same way when this was written: none.)"""
    english = [
        q.text
        for path in sorted(DATA.glob("near_misses*.tsv"))
        for q in read_near_misses(path)
        if q.lang == "en"
    ]
    assert len(english) > 900
    assert [t for t in english if looks_russian(t)] == []


def test_a_question_in_translit_is_matched_as_russian_and_answered_in_it() -> None:
    matcher = Matcher(ClaimBase.open(":memory:"), semantic=None)
    reworded = matcher.match("protesty v Myanme nachalis' iz-za falsifikacii vyborov? ili net?")
    assert reworded.decision == Decision.ANSWER
    assert reworded.matches[0].claim_id == "mm-election-fraud"
    # Another country and year: not answered, however it is typed.
    other = matcher.match(
        "Tokayev skazal chto protesty v Kazakhstane v 2022 pererosli v terrorizm?"
    )
    assert other.decision != Decision.ANSWER
    assert detect("eto pravda chto protestuyushim platyat?") == "ru"
    assert detect("Were the Myanmar protesters paid terrorists?") == "en"
