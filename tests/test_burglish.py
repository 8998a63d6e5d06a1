"""Burmese typed in Latin letters ("Burglish"), read in Burmese script and matched as Burmese."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.trust import read_near_misses
from bot.language import detect
from knowledge.matching import Matcher
from knowledge.matching.burglish import (
    as_burmese,
    burmese_key,
    latin_keys,
    looks_burmese,
)
from knowledge.matching.englishlist import english_words
from knowledge.matching.result import MatchResult
from knowledge.matching.text import has_burmese
from knowledge.models import Decision
from knowledge.store import ClaimBase

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
# The blind probes typed in Latin letters.
LATIN_PROBES = {f"near_misses_blind{n}.tsv" for n in (20, 21, 22, 23, 24)}


@pytest.mark.parametrize(
    ("typed", "syllable"),
    [
        ("pike", "ပိုက်"),  # money's first syllable, as chat types it
        ("paik", "ပိုက်"),
        ("san", "ဆံ"),
        ("ngwe", "ငွေ"),
        ("ngway", "ငွေ"),
        ("hman", "မှန်"),  # the "h" of a voiceless nasal typed
        ("mhan", "မှန်"),
        ("man", "မှန်"),  # or left out
        ("lar", "လား"),
        ("pyaw", "ပြော"),
        ("kyaung", "ကြောင်"),
        ("aung", "အောင်"),
        ("tae", "တယ်"),
        ("twe", "တွေ"),
        ("tway", "တွေ"),
        ("phyit", "ဖြစ်"),
        ("hlaing", "လှိုင်"),
        ("lote", "လုပ်"),
    ],
)
def test_a_typed_syllable_sounds_like_the_burmese_one(typed: str, syllable: str) -> None:
    assert set(latin_keys(typed)) & set(burmese_key(syllable))


@pytest.mark.parametrize(
    ("typed", "other"),
    [("pike", "ပေါက်"), ("hman", "မန်"), ("lar", "လု"), ("twe", "တာ"), ("kha", "က")],
)
def test_a_typed_syllable_does_not_sound_like_another(typed: str, other: str) -> None:
    assert not set(latin_keys(typed)) & set(burmese_key(other))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("sit tat ka pyaw tae hman lar", "စစ်တပ်ကပြောတယ်မှန်လား"),
        ("sandapya thu twy ka pike san yu tl tae", "ဆန္ဒပြသူတွေကပိုက်ဆံယူတယ်တယ်"),
        # Words run together or split, as people type them.
        ("sandarpyathu twe paiksan yu tar lar", "ဆန္ဒပြသူတွေပိုက်ဆံယူတာလား"),
        # Negated: "(they) did not become terrorists, he says".
        ("akyanphet ma phyit bu lo pyaw tal", "အကြမ်းဖက်မဖြစ်ဘူးလို့ပြောတယ်"),
    ],
)
def test_burmese_typed_in_latin_letters_is_read_in_burmese_script(typed: str, read: str) -> None:
    assert looks_burmese(typed)
    assert as_burmese(typed) == read


def test_names_abbreviations_english_words_and_numbers_are_kept_as_written() -> None:
    assert (
        as_burmese("Min Aung Hlaing ka 2020 election mhar pyaw tl, MAH pyaw tar hman lar")
        == "Min Aung Hlaing က 2020 election မှာပြောတယ် , MAH ပြောတာမှန်လား"
    )
    assert as_burmese("Hong Kong mhar sandapya thu twe pike san yu tae lar").startswith(
        "Hong Kong "
    )


def test_the_claims_own_words_are_preferred_where_a_typed_word_may_be_several() -> None:
    typed = "pyi thu twe ko kyout aung lote nay tae lar"
    assert as_burmese(typed).startswith("ပြီသူ")  # ပြီ (already) is commoner than ပြည် (country)
    assert as_burmese(typed, ["ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"]) == (
        "ပြည်သူတွေကိုကြောက်အောင်လုပ်နေတယ်လား"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Were the Myanmar protesters paid terrorists?",
        "did aung san suu kyi take bribes",  # names are no particles
        "protesty v Myanme pererosli v terrorizm? eto pravda?",  # Russian in Latin letters
        "shi bu shi zhen de",  # Chinese in pinyin
        "ဆန္ဒပြသူတွေ ပိုက်ဆံယူတာ မှန်လား",  # Burmese script already
        "",
    ],
)
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert not looks_burmese(text)
    assert as_burmese(text) == text


def test_no_question_of_any_other_set_is_read_as_burmese_in_latin_letters() -> None:
    """Of every near-miss set but the probes of Burmese typed in Latin letters, none: over
    3,700 questions in four languages, chat's spelling and typos among them. (The CLEF
    collections' 33,000 English claims and tweets were checked the same way when this was
    written: none.) A Burmese question of another probe typed in Latin letters is Burmese
    ("sit tat ka mae khoe lo…", of the thirty-seventh), and left out here."""
    other = [
        q.text
        for path in sorted(DATA.glob("near_misses*.tsv"))
        if path.name not in LATIN_PROBES
        for q in read_near_misses(path)
        if q.lang != "my" or has_burmese(q.text)
    ]
    assert len(other) > 3700
    assert [t for t in other if looks_burmese(t)] == []


def test_a_question_in_latin_letters_is_matched_as_burmese_and_answered_in_it() -> None:
    matcher = Matcher(ClaimBase.open(":memory:"), semantic=None)
    typed = "sandapya thu twy ka lu twy ko kyout aung lote nay tae lo MAH pyaw tl, hman lar"
    reworded = matcher.match(typed)
    assert reworded.decision == Decision.ANSWER
    assert reworded.matches[0].claim_id == "mm-protesters-spread-fear"
    assert detect(typed) == "my"
    # Another country: not answered, however it is typed.
    other = matcher.match("Hong Kong mhar sandapya thu twy ka pike san yu p lote tar hman lar")
    assert other.decision != Decision.ANSWER


def test_english_words_and_clauses_in_a_burmese_message_stay_english() -> None:
    # "image" would read as three Burmese syllables; "govt" as none; "line" is one, and is read.
    assert as_burmese("govt image ko phyet nay tl, hote lar").startswith("govt image ကိုဖျက်နေ")
    assert as_burmese("min aung line pyaw tar hman lar").startswith("မင်းအောင်လိုင်း")
    # A clause written in English is kept whole, the Burmese one beside it read.
    mixed = "sit tat ka pyaw tae: it is not a political movement. hman lar?"
    assert as_burmese(mixed) == "စစ်တပ်ကပြောတယ် : it is not a political movement. မှန်လား ?"
    # Who is addressed, and chat's interjections, are left out.
    assert as_burmese("bro sit tat ka pyaw tae lol hman lar") == "စစ်တပ်ကပြောတယ်မှန်လား"


def test_the_english_list_holds_common_words_in_small_letters() -> None:
    """The shipped list (knowledge.matching.englishlist, from SCOWL's small list): common
    English words of four letters or more, in small letters; no name that only a capital
    shows ("soros", "usaid")."""
    words = english_words()
    assert len(words) > 30000
    assert {"image", "share", "political", "money", "reason", "level"} <= words
    assert not {"soros", "usaid", "myanmar", "sputnik"} & words
    assert all(len(w) >= 4 and w.isascii() and w.isalpha() and w.islower() for w in words)


@pytest.mark.parametrize(
    "text",
    [
        "lar tae " + "a" * 3000,  # one word of a letter, too long to be any
        "lar tae " + "ngngng" * 500,  # consonants alone
        "lar tae " + "pikesanyulotenaytar" * 100,  # syllables run together without end
        " ".join(["lar", "tae", "<b>pyaw</b>", "*hman*", "[x](http://a.b)", "\u200b", "🙏"] * 80),
    ],
)
def test_hostile_text_is_read_whole(text: str) -> None:
    """Long, run-together or marked-up text is read (every syllable it can, the rest as typed)
    without an error, and matched."""
    read = as_burmese(text)
    assert isinstance(read, str) and read
    result = Matcher(ClaimBase.open(":memory:"), semantic=None).match(text)
    assert result.decision != Decision.ANSWER


def test_a_message_its_burmese_reading_leaves_unanswered_is_read_as_typed_too() -> None:
    """Much English in Burmese typed in Latin letters: read in Burmese script, the English
    words are pieces the claims' Burmese lacks; read as typed, as before such text was read,
    they answer it. Another country is still no answer either way."""
    matcher = Matcher(ClaimBase.open(":memory:"), semantic=None)
    typed = "junta leader ka protests escalated to terrorism stage lo pyaw tae. Seriously? hman lar"
    read = matcher._by_words(typed)  # read in Burmese script (no model: a result)
    assert isinstance(read, MatchResult) and read.decision != Decision.ANSWER
    answered = matcher.match(typed)
    assert answered.decision == Decision.ANSWER
    assert answered.matches[0].claim_id == "mm-protests-became-terrorism"
    other = (
        "Thailand mhar protests escalated to terrorism stage lo Prayut pyaw tae. Seriously? "
        "hman lar"
    )
    assert matcher.match(other).decision != Decision.ANSWER
