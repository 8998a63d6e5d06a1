"""Numbers as questions and claims write them (knowledge.matching.numbers)."""

from __future__ import annotations

import pytest

from knowledge.matching.numbers import (
    days_dated,
    digits,
    is_year,
    months_said,
    numbers,
    years,
    years_dated,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("11 million votes were fraudulent", ["11000000"]),  # not the 11 of "2020年11月"
        ("paid 1.5 million dollars", ["1500000"]),
        ("платили 5 тысяч рублей, 3 миллиона всего", ["3000000", "5000"]),
        ("we've spent $6 trillion", ["6000000000000"]),  # not the 6 of "6 weeks"
        ("долг 2 триллиона и 1,5 трлн", ["1500000000000", "2000000000000"]),
        ("၅ သိန်း ပေးတယ်", ["500000"]),  # Burmese: five lakh
        ("5 billionaires", ["5"]),  # a word that only starts like a scale
        ("5,000 kyat in 2020", ["2020", "5000"]),
        ("1" * 5000 + " million", ["1" * 5000]),  # hostile: read as written, no overflow
    ],
)
def test_a_word_after_a_number_scales_it(text: str, found: list[str]) -> None:
    assert sorted(numbers(text)) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("၂၀၂၀ ရွေးကောက်ပွဲ", ["2020"]),  # Burmese digits are digits
        ("٢٠٢٠", ["2020"]),  # and Arabic-Indic ones
        ("二〇一五年的选举", ["2015"]),  # Chinese numerals
        ("Interview, 23.6.2021", ["2021"]),  # a date is read as its year
        ("видел ролик от 24.06.21", ["2021"]),  # with a year of two digits
        ("Sputnik, ၂၄.၆.၂၀၂၁", ["2021"]),  # in Burmese digits
        ("（敏昂莱，2021.6）", ["2021"]),  # the year first, after a comma
        ("june '21 interview", ["2021"]),  # a year shortened after an apostrophe
        ("缅军总司令21年六月讲的", ["2021"]),  # or before "年" and a month
        ("坐牢21年", ["21"]),  # twenty-one years, no date
        ("paid 1,234.56 each", ["123456"]),  # a number, no date
        ("12:41 ▪ 10:15 AM · protesters paid?", []),  # the time a screenshot shows
        ("see https://example.com/2019/05/x", []),  # a link is no number of the text
    ],
)
def test_numbers_in_any_script_and_what_is_no_number(text: str, found: list[str]) -> None:
    assert sorted(numbers(text)) == found


def test_years_are_the_numbers_written_as_years() -> None:
    assert years("the 2015 and 2020 elections, 5,000 kyat, 10000 people") == {"2015", "2020"}
    assert years("一九八八年") == {"1988"}
    assert [is_year(n) for n in ("999", "1000", "2199", "2200")] == [False, True, True, False]
    assert digits("0,050.0") == "500"


@pytest.mark.parametrize(
    "text",
    [
        "Min Aung Hlaing, Sputnik, June 2021.",
        "told Sputnik in June of 2021",
        "в интервью в июне 2021 года",
        "интервью Sputnik, июнь 2021",
        "2021年6月接受俄罗斯卫星通讯社采访时称",
        "Sputnik နဲ့ အင်တာဗျူး (၂၀၂၁ ဇွန်)",
        "၂၀၂၁ ခုနှစ် ဇွန်လ",
        "ဇွန်လ ၂၀၂၁ အင်တာဗျူး",
    ],
)
def test_a_year_written_as_the_month_a_claim_was_made_is_its_date(text: str) -> None:
    june_2021 = months_said("2021-06")
    assert june_2021 == {("2021", 6)}
    assert years_dated(text, june_2021) == {"2021"}


def test_a_year_written_otherwise_is_a_year_still() -> None:
    june_2021 = months_said("June 2021")
    assert june_2021 == {("2021", 6)}
    for text in (
        "the 2021 protests",
        "in March 2021",
        "в марте 2021 года",
        "the 2021 junta",  # "Jun" of "junta" is no month
        "June 2021, and the 2021 election",  # written once otherwise: a year it names
        "June 2020",
    ):
        assert years_dated(text, june_2021) == set(), text
    assert months_said("2021") == set()
    assert months_said(None) == set()


@pytest.mark.parametrize(
    "text",
    [
        "12:04 · Like · Comment · Share · 1.2K views",
        "3,418 likes · 1.5K shares · 340 comments",
        "👍❤️ 2.1K · 💬 1021 · ↪ 58",
        "1,2 тыс. ретвитов 3,8 тыс. отметок «Нравится» · Класс! 1,4 тыс.",
        "❤ 2.3w 💬 1021",
        "မှတ်ချက် ၃၄၀ · မျှဝေမှု 1.5K",  # comments, shares
        "Reply · 2d · Ответить · 2 ч · 3 hours ago · 2 часа назад · 2小时前",
    ],
)
def test_a_posts_counts_and_age_as_an_app_shows_them_are_no_numbers(text: str) -> None:
    assert numbers(text) == set(), text


def test_numbers_beside_those_words_otherwise_are_numbers_still() -> None:
    assert numbers("5K protesters were paid 5,000 kyat") == {"5", "5000"}
    assert numbers("114 civilians killed, 883 people by June") == {"114", "883"}
    assert numbers("the 2020 views of voters") == {"2020"}  # a year before the word


def test_a_day_written_beside_the_month_a_claim_was_made_is_a_date() -> None:
    june_2021 = months_said("2021-06")
    for text, day in (
        ("June 24", "24"),
        ("Jun 23, 2021", "23"),
        ("24 июн в 9:15", "24"),
        ("23 июня", "23"),
        ("6月24日", "24"),
        ("ဇွန် ၂၄ ·", "24"),
    ):
        assert days_dated(text, june_2021) == {day}, text
    # A day of another month stays a number; so does one the text also writes otherwise.
    for text in ("March 27", "27 марта", "June 24, and 24 people"):
        assert days_dated(text, june_2021) == set(), text
    assert days_dated("June 24", frozenset()) == set()
