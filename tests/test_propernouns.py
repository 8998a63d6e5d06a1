"""The names read in questions typed without capitals (knowledge.matching.propernouns)."""

from __future__ import annotations

from pathlib import Path

from knowledge.matching.propernouns import (
    capitalised_only,
    dictionary_stems,
    main,
    plurals,
    proper_nouns,
)


def test_a_word_the_dictionary_also_writes_in_small_letters_is_no_name() -> None:
    stems = ["CIA", "Putin", "West", "west", "army", "НАТО", "Запад", "запад", "I", "O'Neil"]
    assert capitalised_only(stems) == ["cia", "putin", "нато"]
    # Nor one it makes in small letters with its affixes ("rather", of "rathe").
    assert capitalised_only(["Rather", "CIA"], lambda word: word == "rather") == ["cia"]


def test_the_plurals_the_dictionary_makes_of_names_are_names() -> None:
    """A name's plural is a name ("Americans" as "American"); "lens" is no plural of "Len":
    the dictionary takes it in small letters."""
    taken = {"Americans", "Lens", "lens", "CIAs"}
    stems = ["American", "Len", "CIA", "Soros", "army"]
    assert plurals(stems, ["american", "len", "cia", "soros"], taken.__contains__) == [
        "americans",
        "cias",
    ]


def test_the_list_is_made_from_hunspell_dictionaries(tmp_path: Path) -> None:
    english = tmp_path / "en.dic"
    # "Rather" (a name) is also "rathe" with the suffix "r": a word in small letters.
    english.write_text("7\nCIA/M\nWest/M\nwest/MS\nSoros\nRather\nrathe/R\nRussian/S\n", "utf-8")
    (tmp_path / "en.aff").write_text(
        "SET UTF-8\n\nSFX R Y 1\nSFX R 0 r e\n\nSFX S Y 1\nSFX S 0 s .\n", "utf-8"
    )
    russian = tmp_path / "ru.dic"
    russian.write_bytes("2\nЦРУ\nармия/I\n".encode("koi8-r"))  # an older dictionary's encoding
    (tmp_path / "ru.aff").write_text("SET KOI8-R\n", "utf-8")
    assert dictionary_stems(english)[:4] == ["CIA", "West", "west", "Soros"]
    out = tmp_path / "names.txt"
    assert main([str(english), str(russian), "--out", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    listed = [line for line in lines if not line.startswith("#")]
    assert listed == ["cia", "russian", "russians", "soros", "цру"]
    assert any("Atkinson" in line for line in lines)  # the dictionaries' copyright notices


def test_the_shipped_list_holds_names_not_words() -> None:
    names = proper_nouns()
    assert {"cia", "nato", "putin", "yangon", "цру", "нато", "путин", "americans"} <= names
    assert not {"west", "army", "protesters", "election", "запад", "армия"} & names
