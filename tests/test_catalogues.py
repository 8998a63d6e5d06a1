"""The message catalogues (bot/locale): in step with the code, complete in every language,
every placeholder kept, plural forms as each language has them, and what is machine-drafted
marked so."""

from __future__ import annotations

import string
from typing import Any

import pytest

from bot import catalogues, present
from bot.i18n import LANGUAGES, _, ngettext, use_language
from knowledge import verdicts

TEMPLATE = catalogues.extract()
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def forms(value: Any) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value]


def test_the_catalogues_and_compiled_files_are_in_step_with_the_code() -> None:
    # Every string the code says is in the template, every .po and .mo; run
    # `python -m bot.catalogues` after changing a message.
    for path, wanted in catalogues.files(TEMPLATE).items():
        assert path.exists(), path
        if path.suffix == ".mo":
            assert path.read_bytes() == wanted, path
        else:
            assert catalogues._strip_dates(path.read_bytes()) == catalogues._strip_dates(wanted)


def test_the_template_holds_the_strings_people_see() -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in TEMPLATE if m.id}
    assert len(ids) > 200
    for said in (
        "None of these",
        "👍 That answers it",
        "Sources",
        "Claim:",
        "False",
        "The commands you can use.",
        "Who made the claim?",
        "That button has expired.",
    ):
        assert said in ids, said


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_catalogue_is_complete_and_keeps_every_placeholder(language: str) -> None:
    catalog = catalogues.read(language)
    nplurals = catalog.num_plurals
    assert nplurals == {"en": 2, "my": 1, "zh": 1, "ru": 3}[language]
    for message in TEMPLATE:
        if not message.id:
            continue
        translated = catalog.get(message.id)
        assert translated is not None, message.id
        strings = forms(translated.string)
        assert all(s.strip() for s in strings), ("untranslated", language, message.id)
        if message.pluralizable:
            assert len(strings) == nplurals, (language, message.id)
        for original in forms(message.id):
            for text in strings:
                assert fields(text) == fields(original), (language, message.id, text)


def test_plural_forms_follow_each_language() -> None:
    assert catalogues.read("ru").num_plurals == 3
    assert catalogues.read("my").num_plurals == 1
    assert catalogues.read("zh").num_plurals == 1
    with use_language("ru"):
        said = [
            ngettext("and {count} more source", "and {count} more sources", n) for n in (1, 3, 5)
        ]
    assert len(set(said)) == 3  # источник, источника, источников
    with use_language("en"):
        assert ngettext("and {count} more source", "and {count} more sources", 1).endswith("source")


@pytest.mark.parametrize("language", TRANSLATED)
def test_machine_drafted_translations_are_marked_for_review(language: str) -> None:
    catalog = catalogues.read(language)
    drafted = [m for m in catalog if m.id and catalogues.MACHINE_DRAFTED in m.user_comments]
    translated = [m for m in catalog if m.id and any(forms(m.string))]
    # Today nothing has been reviewed; a reviewer removes the comment (docs/languages.md).
    assert len(drafted) == len(translated) > 200
    # English copied in is not a translation (a few, like "URL {value}", may rightly match).
    same = [m.id for m in translated if forms(m.string) == forms(m.id)]
    assert len(same) <= 5, same


def test_the_english_catalogue_is_the_code_itself() -> None:
    catalog = catalogues.read("en")
    assert all(forms(m.string) == forms(m.id) for m in catalog if m.id)
    assert not any(catalogues.MACHINE_DRAFTED in m.user_comments for m in catalog if m.id)


def test_every_verdict_on_the_scale_has_its_label_translated() -> None:
    assert set(present.VERDICT_LABELS) == set(verdicts.BY_KEY)
    for key, label in present.VERDICT_LABELS.items():
        assert label == verdicts.BY_KEY[key].label
        for language in TRANSLATED:
            with use_language(language):
                assert _(label) != label, (language, key)


def test_dates_in_the_askers_language_with_burmese_digits_for_burmese() -> None:
    said: dict[str, tuple[str, str]] = {}
    for language in LANGUAGES:
        with use_language(language):
            day, month = present.human_date("2021-06-14"), present.human_date("2021-06")
        assert day is not None and month is not None
        said[language] = (day, month)
    assert said["en"] == ("14 June 2021", "June 2021")
    assert "၂၀၂၁" in said["my"][0] and "၁၄" in said["my"][0] and "2021" not in said["my"][0]
    assert said["zh"][0] == "2021年6月14日"
    assert said["ru"][0].startswith("14 июня 2021")


def test_english_dates_are_babels_british_english_without_its_data() -> None:
    # English dates are written without loading Babel's English data (a start-up cost): they
    # must read as Babel writes them, every month, a day, a month alone, a year.
    from datetime import date

    from babel.dates import format_date, format_skeleton

    from bot.i18n import format_day

    for month in range(1, 13):
        for day in (1, 9, 28):
            expected = format_date(date(2021, month, day), "long", locale="en_GB")
            assert format_day(2021, month, day) == expected
        assert format_day(1999, month) == format_skeleton(
            "yMMMM", date(1999, month, 1), locale="en_GB"
        )
    assert format_day(2020) == "2020"
    with pytest.raises(ValueError):
        format_day(2021, 2, 30)
    # A reply never fails on a date no calendar has (an archive's "0000-06-14"): said as written.
    for language in LANGUAGES:
        with use_language(language):
            assert present.human_date("0000-06-14") == "0000-06-14"
            assert present.human_date("2021-02-30") is not None


def test_the_languages_guide_gives_the_catalogues_sizes_of_today() -> None:
    import re
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "languages.md").read_text()
    said = re.search(r"Sizes today: (\d+) messages \((\d+) with plural forms\)", guide)
    assert said is not None
    for language in TRANSLATED:
        messages = [m for m in catalogues.read(language) if m.id]
        plurals = sum(1 for m in messages if m.pluralizable)
        assert (len(messages), plurals) == (int(said[1]), int(said[2])), language
        drafted = sum(1 for m in messages if catalogues.MACHINE_DRAFTED in m.user_comments)
        assert f"{len(messages)} of {len(messages)} translated, {drafted} of" in guide
