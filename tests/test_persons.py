"""Who passed a rumour on, named by what they are (knowledge.matching.persons): "the bus
conductor said…", "таксист сказал…" name no speaker whose claim the question would be."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.matching.context import ClaimContext, compare
from knowledge.matching.doers import payers
from knowledge.matching.names import chinese_names
from knowledge.matching.persons import (
    cedict_persons,
    chinese_persons,
    common_word,
    english_persons,
    main,
    never_nominative,
    person_noun,
    sense_heads,
    wordnet_persons,
)
from knowledge.matching.saying import speakers_named

# Three synsets of WordNet's noun.person (file 18) and one of another file, as data.noun writes
# them: offset, file, kind, word count (hex), words with their ids, pointers (symbol, offset,
# part of speech, source/target), gloss. "minister" is a kind of "official".
DATA_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
00000001 18 n 01 official 0 000 | someone who holds an office
00000002 18 n 02 minister 0 government_minister 0 001 @ 00000001 n 0000 | a head of a ministry
00000003 18 n 02 conductor 0 Conductor 0 000 | the person who collects fares
00000004 18 n 01 nurse 0 001 @ 00000009 n 0000 | one who cares for the sick
00000005 06 n 01 bus 0 000 | a vehicle
00000006 11 n 01 light 0 000 | electromagnetic radiation
00000007 18 n 02 light 0 luminary 0 000 | a celebrity who is an inspiration to others
"""
# index.noun: a lemma, its part of speech, synsets, pointers (count, symbols), senses, tagged
# senses, then its synsets, the commonest first: "light" is radiation first, a person after.
INDEX_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by Princeton
conductor n 1 0 1 0 00000003
light n 2 1 @ 2 0 00000006 00000007
luminary n 1 0 1 0 00000007
minister n 1 1 @ 1 0 00000002
nurse n 1 1 @ 1 0 00000004
official n 1 0 1 0 00000001
"""


def test_the_list_is_made_from_wordnets_people_but_those_in_office() -> None:
    offices: set[str] = set()
    found = wordnet_persons(
        DATA_NOUN.splitlines(), INDEX_NOUN.splitlines(), ["conductores conductor"], offices
    )
    # The irregular plural of noun.exc in place of the regular one; a word written
    # capitalised, another file's word, an office's and one whose commonest sense is no
    # person's ("light") are none.
    assert found == {"conductor", "conductores", "luminary", "luminaries", "nurse", "nurses"}
    assert offices == {"official", "minister"}


def test_the_shipped_list_is_made_again_from_wordnet(tmp_path: Path) -> None:
    (tmp_path / "data.noun").write_text(DATA_NOUN, "latin-1")
    (tmp_path / "index.noun").write_text(INDEX_NOUN, "latin-1")
    (tmp_path / "noun.exc").write_text("", "latin-1")
    out = tmp_path / "persons.txt"
    assert main([str(tmp_path), "--out", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("#") and "Princeton" in out.read_text("utf-8")
    assert [line for line in lines if not line.startswith("#")] == [
        "conductor",
        "conductors",
        "luminaries",
        "luminary",
        "nurse",
        "nurses",
    ]
    # The shipped list holds trades, not offices, nor names.
    shipped = english_persons()
    assert {"conductor", "conductors", "nurse", "shopkeeper", "driver"} <= shipped
    assert not {"minister", "president", "officer", "spokesman", "trump", "putin"} & shipped


CEDICT = """\
# CC-CEDICT
售票員 售票员 [shou4 piao4 yuan2] /ticket seller/
司機 司机 [si1 ji1] /chauffeur; driver/
官員 官员 [guan1 yuan2] /official (in an organization or government)/administrator/
老闆 老板 [Lao3 ban3] /Robam (brand)/
老闆 老板 [lao3 ban3] /boss/business proprietor/CL:個|个[ge4]/
保安 保安 [bao3 an1] /to ensure public security/security guard/
輕鬆 轻松 [qing1 song1] /light/gentle/relaxed/
"""


def test_the_chinese_list_is_the_words_cedict_glosses_as_people() -> None:
    """A sense's head noun among the English words for people; none an office's, no entry a
    name (capitalised pinyin), no verb's sense read ("to ensure…")."""
    assert sense_heads("/chauffeur; driver/") == ["chauffeur", "driver"]
    assert sense_heads("to ensure public security/security guard (at a bank)") == ["guard"]
    persons = {"seller", "driver", "chauffeur", "guard", "proprietor"}
    found = cedict_persons(CEDICT.splitlines(), persons, {"official", "administrator"})
    assert found == {"售票員", "售票员", "司機", "司机", "保安"}
    shipped = chinese_persons()
    assert {"售票员", "護士", "护士", "理发师", "司机", "律师"} <= shipped
    assert not {"官员", "总统", "发言人", "民盟", "军政府", "上校"} & shipped


def test_a_chinese_word_for_someone_by_what_they_are_is_no_name_before_saying() -> None:
    """ "售票员说…" (the ticket seller says) names no one; "万斯说…" (Vance says) does."""
    held = ("缅甸抗议者只是为了钱",)  # the claim's text
    for question in ("售票员说缅甸抗议者只是为了钱", "护士说缅甸抗议者只是为了钱"):
        assert chinese_names(question, 0, len(question), held) == []
    vance = "万斯说缅甸抗议者只是为了钱"
    assert chinese_names(vance, 0, len(vance), held) == ["万斯"]


@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("кондуктор", True),
        ("таксисты", True),
        ("однокурсник", True),
        ("автобусе", False),  # no living being
        ("путин", False),  # a surname (and "путина"'s genitive plural)
        ("трамп", False),  # no word of the dictionary: its guess is no knowledge
        ("министр", False),  # an office
        ("nurse", True),
        ("nurses", True),
        ("minister", False),
        ("trump", False),
    ],
)
def test_a_word_for_someone_by_what_they_are(word: str, person: bool) -> None:
    assert person_noun(word) is person


def test_an_ordinary_word_names_no_one() -> None:
    assert common_word("автобусе") and common_word("retired")
    assert not common_word("бишкека")  # a place
    assert not common_word("biden") and not common_word("trishaw")


@pytest.mark.parametrize(
    "question",
    [
        "the conductor said the protesters are paid",
        "the grab driver said the protesters are paid",
        "a retired nurse told me the protesters are paid",
        "shopkeeper said the protesters are paid",
        "в автобусе кондуктор сказал, что протестующим платят",
        "Таксист сказал, что протестующим платят",
    ],
)
def test_who_passed_it_on_by_what_they_are_is_no_speaker(question: str) -> None:
    unknown = frozenset(
        {"bus", "conductor", "retired", "nurse", "shopkeeper", "автобусе", "кондуктор"}
        | {"таксист", "однокурсник", "бишкека"}
    )
    assert speakers_named(question, unknown, frozenset()) == frozenset()


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("путин сказал, что протестующим платят", {"путин"}),
        ("a biden aide said the protesters are paid", {"biden", "aide"}),
        ("the foreign minister said the protesters are paid", {"foreign", "minister"}),
        ("министр сказал, что протестующим платят", {"министр"}),
        ("at the rally hun sen said the protesters are paid", set()),  # four words: none
        # A word before the trade that may be a name stays one: "bus", of three letters, is
        # not in the list of common words (of four or more); a place is read as where the
        # teller is from (saying.whereabouts), not as a speaker.
        ("the bus conductor said the protesters are paid", {"bus"}),
        ("однокурсник из бишкека говорит, что протестующим платят", {"бишкека"}),
    ],
)
def test_a_name_or_an_office_before_a_verb_of_saying_is_still_a_speaker(
    question: str, named: set[str]
) -> None:
    unknown = frozenset({"путин", "biden", "aide", "foreign", "minister", "министр", "hun"})
    unknown |= {"sen", "rally", "bus", "conductor", "однокурсник", "бишкека"}
    assert speakers_named(question, unknown, frozenset()) == named


def test_the_question_passed_on_by_a_conductor_is_the_claims() -> None:
    """The question holds nothing foreign, where "conductor" was read as another speaker."""
    claim = ClaimContext.of(["Myanmar protesters are paid"], speaker="Min Aung Hlaing")
    unknown = frozenset({"conductor", "bus"})
    said = compare("the conductor said the myanmar protesters are paid", claim, "", unknown)
    assert said.foreign == ()
    biden = compare("biden said the myanmar protesters are paid", claim, "", unknown | {"biden"})
    assert biden.foreign == ("biden",)


@pytest.mark.parametrize(
    ("question", "payers_read"),
    [
        ("протестующим в мьянме платят всем?", ()),  # to everyone: no one who pays
        ("медсестра уверена, что всем платят", ()),
        ("протестующим в мьянме платит госдеп?", ("госдеп",)),
        ("Запад платит боевикам", ("запад",)),
    ],
)
def test_a_russian_word_in_no_case_of_a_doer_pays_no_one(
    question: str, payers_read: tuple[str, ...]
) -> None:
    """doers.payers reads a word beside a verb of paying as who pays, but not one the
    dictionary reads in no nominative (persons.never_nominative)."""
    assert payers(question) == payers_read
    assert never_nominative("всем") and not never_nominative("госдеп")
    assert not never_nominative("нлд")  # no word of the dictionary: may be a name
