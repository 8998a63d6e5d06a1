"""Burmese words looked up in a dictionary (knowledge.matching.burmese_words, burmesenlp's
lexicon): a piece of a question made of verbs, adverbs and grammar names nothing; a noun, a
word the dictionary does not know, a place, a foreign name spelt out in syllables or a word
marked as who does it may."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.matching import burmese_words, pieces
from knowledge.matching.causes import another_cause
from knowledge.matching.pieces import read_pieces, unknown_pieces

PAID_MY = "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
FEAR_MY = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"
TERROR_MY = "မြန်မာနိုင်ငံက ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှု ဖြစ်လာပြီလား"
TERROR_IN_FULL_MY = "ဆန္ဒပြမှုတွေဟာ အကြမ်းဖက်မှုအဆင့်ထိ ရောက်သွားခဲ့ပါတယ်"


def test_a_burmese_text_is_cut_into_the_dictionarys_longest_words() -> None:
    assert burmese_words.segment("ငွေယူပြီး") == ["ငွေ", "ယူ", "ပြီး"]  # money, take, and then
    assert burmese_words.segment("တမင်ဖျက်ဆီး") == ["တမင်", "ဖျက်ဆီး"]  # on purpose, destroy
    assert burmese_words.segment("") == []


@pytest.mark.parametrize(
    "piece",
    [
        "တမင်ဖျက်ဆီး",  # destroy on purpose
        "ငြိမ်းချမ်းစွာ",  # peacefully
        "စစ်ပေးပါဦး",  # please check it
        "ဝင်စွက်ဖက်အောင်",  # so that they interfere
        "ပြောင်းလဲ",  # changed
    ],
)
def test_verbs_adverbs_and_grammar_name_nothing(piece: str) -> None:
    assert burmese_words.may_name(piece, "") == ()


@pytest.mark.parametrize(
    ("piece", "after"),
    [
        ("ရန်ကုန်", "မှာ"),  # Yangon: a noun
        ("ထိုင်း", ""),  # Thailand: a noun and a place
        ("ပူတင်", ""),  # Putin: "hot" and "put", a foreign name spelt out
        ("ရှီကျင့်ဖျင်", ""),  # Xi Jinping: syllables the dictionary does not know
        ("ရဲ", "တွေက"),  # the police, marked as who does it
        ("ပူတင်ကပေး", ""),  # that Putin gave: the marker inside the piece
        ("၂၀၁၅", ""),  # a year in Burmese digits
        ("NED", ""),  # Latin letters
        ("နောက်နှစ်", ""),  # next year: a noun
    ],
)
def test_nouns_unknown_words_places_spelt_out_names_and_marked_doers_may_name(
    piece: str, after: str
) -> None:
    assert burmese_words.may_name(piece, after)


def test_signs_and_emoji_are_no_names() -> None:
    assert burmese_words.may_name("တမင်🙏", "") == ()
    assert burmese_words.may_name("တမင်?", "") == ()
    assert burmese_words.may_name("တမင် NUG", "") == ("NUG",)


def test_a_word_the_question_adds_to_the_claims_is_looked_up() -> None:
    """An insertion of ordinary words is read as such (an empty ``names``); one that may name
    is named by its word as written, which the reply quotes (bot.views.context_notes)."""
    asked = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် တမင်လုပ်နေတာလား"  # on purpose
    pieces = read_pieces(asked, FEAR_MY, [FEAR_MY])
    assert pieces and all(p.ordinary for p in pieces)
    assert unknown_pieces(asked, FEAR_MY, [FEAR_MY]) == []
    putin = "ဆန္ဒပြသူတွေဟာ ပူတင်ကပေးတဲ့ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား"
    (named,) = [p for p in read_pieces(putin, PAID_MY, [PAID_MY]) if not p.ordinary]
    assert named.names == ("ပူတင်ကပေးတဲ့",)


def test_a_verb_in_place_of_the_claims_is_looked_up_where_the_claims_content_stays() -> None:
    """ "ခြိမ်းခြောက်" (threaten) in place of "ကြောက်အောင် လုပ်" (make afraid): the question
    keeps every word of two syllables of the claim's ("ဆန္ဒပြသူ", "ပြည်သူ"), so the verb it
    words anew is looked up, and is ordinary."""
    asked = "ဆန္ဒပြသူတွေက ပြည်သူတွေကို ခြိမ်းခြောက်နေတာလား"
    pieces = read_pieces(asked, FEAR_MY, [FEAR_MY])
    assert pieces and all(p.ordinary for p in pieces)


@pytest.mark.parametrize(
    ("asked", "names"),
    [
        # the public, in place of the people: one class (predicates.PEOPLE), no name
        ("ဆန္ဒပြသူတွေက လူထုကို ကြောက်အောင် လုပ်နေတာလား", [()]),
        # soldiers, children: of no class the claim's phrasing holds
        ("ဆန္ဒပြသူတွေက စစ်သားတွေကို ကြောက်အောင် လုပ်နေတာလား", [("စစ်သားတွေကို",)]),
        ("ဆန္ဒပြသူတွေက ကလေးတွေကို ကြောက်အောင် လုပ်နေတာလား", [("ကလေးတွေကို",)]),
    ],
)
def test_a_noun_in_place_of_the_claims_is_named_but_its_word_in_other_words(
    asked: str, names: list[tuple[str, ...]]
) -> None:
    """A noun in place of the claim's "ပြည်သူ" (the people), the claim's word gone: another
    subject names, by its word as written (which a reply quotes); "လူထု" (the public) is the
    claim's word in other words (pieces._restated)."""
    assert [p.names for p in read_pieces(asked, FEAR_MY, [FEAR_MY])] == names


@pytest.mark.parametrize(
    "asked",
    [
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး ရွာတွေကိုမီးရှို့နေတာလား",  # burn villages
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး လူတွေကိုပြန်ပေးဆွဲနေတာလား",  # kidnap people
    ],
)
def test_another_deed_in_place_of_the_claims_is_not_looked_up(asked: str) -> None:
    """The question drops the claim's "အကြမ်းဖက်" (terrorise) for a deed of its own: no piece
    is looked up; each names, by its word as the question writes it."""
    pieces = read_pieces(asked, PAID_MY, [PAID_MY])
    assert pieces and all(p.names and p.names[0] in asked.split() for p in pieces)


@pytest.mark.parametrize(
    ("asked", "claim"),
    [
        ("ဆန္ဒပြသူတွေက တမင် ကြောက်အောင် လုပ်နေတာလား", FEAR_MY),  # on purpose
        ("ဆန္ဒပြသူတွေဟာ လုံးဝ အကြမ်းဖက်နေတာလား", PAID_MY),  # at all
    ],
)
def test_an_adverb_in_place_of_the_claims_words_is_ordinary(asked: str, claim: str) -> None:
    """An adverb says how; it names no deed or doer of its own, in place of the claim's words
    as beside them."""
    pieces = read_pieces(asked, claim, [claim])
    assert pieces and all(p.ordinary for p in pieces)
    assert "တမင်" in burmese_words.adverbs() and "ဖျက်ဆီး" not in burmese_words.adverbs()


FEAR_IN_FULL_MY = "မြန်မာ ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်ရွံ့အောင် လုပ်ပြီး နိုင်ငံ့ဂုဏ်သိက္ခာကို ဖျက်ဆီးနေတာလား"


@pytest.mark.parametrize(
    "asked",
    [
        "ဆန္ဒပြသူတွေက တမင်ဖျက်ဆီးနေတာလား",  # destroying on purpose
        "ဆန္ဒပြသူတွေက ကြောက်ရွံ့စေနေတာလား",  # making afraid
    ],
)
def test_the_claims_own_verb_in_place_of_its_closest_phrasings_words_is_ordinary(
    asked: str,
) -> None:
    """The verb is one of the claim's other texts ("ဖျက်ဆီး", destroy; "ကြောက်ရွံ့", fear, of
    its statement in full): what the question puts in place of the short phrasing's words is
    the claim's own deed. Without that text, the same piece names."""
    pieces = read_pieces(asked, FEAR_MY, [FEAR_MY, FEAR_IN_FULL_MY])
    assert pieces and all(p.ordinary for p in pieces)
    assert not all(p.ordinary for p in read_pieces(asked, FEAR_MY, [FEAR_MY]))


@pytest.mark.parametrize(
    ("asked", "named"),
    [
        ("ဆန္ဒပြသူတွေဟာ တမင် မီးရှို့နေတာလား", "မီးရှို့နေတာလား"),  # burning, on purpose
        # soldiers (not villagers: those are the people the claim speaks of, predicates.PEOPLE)
        ("ဆန္ဒပြသူတွေက စစ်သားတွေကို ကြောက်အောင် လုပ်နေတာလား", "စစ်သားတွေကို"),
    ],
)
def test_a_deed_or_noun_of_its_own_beside_an_adverb_still_names(asked: str, named: str) -> None:
    claim = PAID_MY if "ဟာ" in asked else FEAR_MY
    names = {n for p in read_pieces(asked, claim, [claim, FEAR_IN_FULL_MY]) for n in p.names or ()}
    assert names == {named}


def test_a_verb_before_become_is_no_name_spelt_out() -> None:
    """Two verbs of one syllable together spell a foreign name out ("ပူတင်", Putin: "hot" and
    "put"), but not where the second is "ဖြစ်" (become, happen): "စဖြစ်" (began)."""
    assert burmese_words.may_name("စဖြစ်တာ", "") == ()
    assert burmese_words.may_name("ပူတင်", "") == ("ပူတင်",)
    assert burmese_words.may_name("ပူတင်ဖြစ်", "") == ("ပူတင်ဖြစ်",)


def test_a_marker_after_a_clause_made_a_noun_marks_no_doer() -> None:
    """ "…တာက" (what … is) marks a verb's phrase made a noun, not who does it: "စဖြစ်တာက"
    (what started was…) names nothing, where "ရဲတွေက" (the police) and "ပူတင်က" (Putin) do."""
    assert burmese_words.may_name("စဖြစ်", "တာက") == ()
    assert burmese_words.may_name("ရဲ", "တွေက") == ("ရဲ",)
    assert burmese_words.may_name("ပူတင်", "က") == ("ပူတင်",)


def test_the_written_languages_year_after_a_number_is_a_word_of_when() -> None:
    """ "၂၀၂၀ ပြည့်နှစ်" (the year 2020, as newspapers write it) adds no piece that may name; the
    year is weighed as a number, and another one still names."""
    fraud = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    same = "၂၀၂၀ ပြည့်နှစ် ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    assert all(p.ordinary for p in read_pieces(same, fraud, [fraud]))
    other = "၂၀၁၅ ပြည့်နှစ် ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    assert [p.names for p in read_pieces(other, fraud, [fraud]) if not p.ordinary] == [("၂၀၁၅",)]


@pytest.mark.parametrize(
    "asked",
    [
        "ရွေးကောက်ပွဲ မဲပုံးတွေ မီးရှို့ခံရတယ်ဆိုတာ မှန်လား",  # were ballot boxes burned?
        "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲပုံးတွေ ရှိခဲ့သလား",  # were there ballot boxes?
    ],
)
def test_a_noun_written_after_the_claims_noun_heads_another_thing(asked: str) -> None:
    """Burmese puts the head of a compound last: "မဲပုံး" (a ballot box) is a box, of which
    the claim's "မဲ" (the vote) only says the kind. Beside a question that keeps the claim's
    words it still names, where a noun written apart is an aside."""
    fraud = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    named = [p.names for p in read_pieces(asked, fraud, [fraud]) if not p.ordinary]
    assert named == [("မဲပုံးတွေ",)]
    aside = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့တာ ရပ်ကွက်ထဲမှာ သိကြတယ်"  # known in the ward
    assert all(p.ordinary for p in read_pieces(aside, fraud, [fraud]))


def test_a_cause_in_place_of_the_claims_words_is_read_as_a_clause_not_a_piece() -> None:
    """ "နိုင်ငံခြားက လှုံ့ဆော်လို့" (because foreign countries incited it) in place of the
    claim's ending: a reason is a claim of its own, read clause by clause
    (:mod:`knowledge.matching.causes`), which knows a "လို့" that quotes from one that gives a
    reason. As a piece the verb is ordinary, with "because" or without."""
    claim = "မြန်မာနိုင်ငံက ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှု ဖြစ်လာပြီလား"
    because = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုဖြစ်လာတာ နိုင်ငံခြားက လှုံ့ဆော်လို့တဲ့"
    incited = "ဆန္ဒပြပွဲတွေ အကြမ်းဖက်မှုဖြစ်လာတာ နိုင်ငံခြားက လှုံ့ဆော်တာတဲ့"
    for asked in (because, incited):
        assert [p.names for p in read_pieces(asked, claim, [claim])][-1] == ()
    assert another_cause(because, [claim]) == "လှုံ့ဆော်"
    assert another_cause(incited, [claim]) is None
    # "…တယ်လို့ tv မှာ ပြောတယ်" (said on TV that…) quotes: no cause, and no piece either.
    quoted = "ဆန္ဒပြသုတွေက ပြည်သူကို ခြောက်လှန့်နေတယ်လို့ tv မှာ ပြောတယ်"
    assert all(p.ordinary for p in read_pieces(quoted, FEAR_MY, [FEAR_MY]) if p.text != "tv")
    assert another_cause(quoted, [FEAR_MY]) is None


FRAUD_MY = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"


def test_a_piece_is_read_as_the_words_it_is_part_of() -> None:
    """ "မဲမသမာမှု" (vote fraud, "dishonest" for the claim's "cheating") lines up with the
    claim's "မဲလိမ်မှု" letter by letter, leaving the piece "သမာ": read as the dictionary's word
    it is part of, "မသမာ" (dishonest), it is ordinary; alone it would be an unknown syllable."""
    asked = "၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲမသမာမှု ရှိခဲ့သလား"
    (piece,) = read_pieces(asked, FRAUD_MY, [FRAUD_MY])
    assert piece.text == "သမာ" and piece.ordinary


def test_a_piece_written_onto_a_noun_of_the_claims_says_what_kind() -> None:
    """ "ကြားဖြတ်" (intermediate: the by-election) written onto the claim's "ရွေးကောက်ပွဲ" is
    no verb the question adds but another election, named by its word."""
    asked = "ကြားဖြတ်ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    assert [p.names for p in read_pieces(asked, FRAUD_MY, [FRAUD_MY])] == [("ကြားဖြတ်ရွေးကောက်ပွဲမှာ",)]


@pytest.mark.parametrize(
    "aside",
    [
        "ရပ်ကွက်ထဲမှာ",  # in the ward
        "အိမ်မှာ",  # at home
        "ပြည်ပမှာ",  # abroad
    ],
)
def test_a_common_noun_beside_every_word_of_the_claims_is_an_aside(aside: str) -> None:
    """A question that keeps every noun and word of content of the claim's phrasing restates
    it: a noun the lexicon knows that it adds is read as English reads a word in small
    letters, no name. Where the question drops one of the claim's nouns, it is named."""
    asked = f"{aside} ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား"
    pieces = read_pieces(asked, FEAR_MY, [FEAR_MY])
    assert pieces and all(p.ordinary for p in pieces)
    dropped = f"{aside} ဆန္ဒပြသူတွေက ကြောက်အောင် လုပ်နေတာလား"  # no "ပြည်သူ", the people
    assert any(not p.ordinary for p in read_pieces(dropped, FEAR_MY, [FEAR_MY]))


@pytest.mark.parametrize(
    "named",
    [
        "ဇော်မင်းထွန်းပြောတာ",  # Zaw Min Tun says: a name the lexicon lists as a noun
        "ဒီနှစ်မှာ",  # this year: another time
        "စစ်တပ်က",  # the army: the claimant's side as who did it
    ],
)
def test_a_name_a_time_or_the_armed_forces_beside_the_claims_words_still_name(
    named: str,
) -> None:
    asked = f"ဆန္ဒပြသူတွေက ပြည်သူတွေကို ကြောက်အောင် လုပ်နေတာလား {named}"
    assert any(not p.ordinary for p in read_pieces(asked, FEAR_MY, [FEAR_MY]))


def test_the_claims_own_words_written_as_one_are_no_piece() -> None:
    """ "နိုင်ငံတကာပုံရိပ်" (the international image), where the claim's texts write
    "နိုင်ငံတကာ" and "ပုံရိပ်" apart, is the claim's words; a word of them beside one of
    another ("နိုင်ငံတကာဗုံး", the international bomb) or a number is not."""
    texts = ["နိုင်ငံတကာမှာအစိုးရရဲ့ပုံရိပ်ကိုဖျက်ဆီးနေတယ်"]
    assert pieces._words_held("နိုင်ငံတကာပုံရိပ်", texts)
    assert not pieces._words_held("နိုင်ငံတကာဗုံး", texts)
    assert not pieces._words_held("ပုံရိပ်၂၀၁၅", texts)
    assert not pieces._words_held("ပုံရိပ်", texts)  # one word: read as it always was


def test_a_noun_saying_what_kind_the_claims_noun_is_still_names() -> None:
    """ "ကျောင်းသားသမဂ္ဂ ရွေးကောက်ပွဲ" (the students' union election), written apart, and
    "ကြားဖြတ်ရွေးကောက်ပွဲ" (the by-election) added after the claim's own words: another
    election, whatever the question keeps of the claim."""
    union = "ကျောင်းသားသမဂ္ဂ ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား"
    by_election = "ရွေးကောက်ပွဲမှာ မဲလိမ်မှု ရှိခဲ့သလား ကြားဖြတ်ရွေးကောက်ပွဲမှာလား"
    for asked in (union, by_election):
        assert any(not p.ordinary for p in read_pieces(asked, FRAUD_MY, [FRAUD_MY])), asked


def test_syllables_of_names_in_a_verbs_words_are_no_name() -> None:
    """ "နိုင်" and "အောင်" (Naing, Aung) end "မနေနိုင်အောင်" (so that they cannot live): the
    first is the end of the lexicon's "နေနိုင်", no name's syllable alone."""
    assert burmese_words.may_name("ပုံမှန်မနေနိုင်အောင်", "", common_nouns=True) == ()
    assert burmese_words.may_name("သန်းရွှေ", "", common_nouns=True)  # Than Shwe
    assert burmese_words.may_name("ရပ်ကွက်", "", common_nouns=True) == ()  # the ward
    assert burmese_words.may_name("ရပ်ကွက်", "")  # a noun, where the claim is not restated


@pytest.mark.parametrize(
    "asked",
    [
        "ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ ဆိုတာ ဟုတ်လာ",  # "တယ" for "တယ်", "ဟုတ်လာ" for "ဟုတ်လား"
        "ဆန္ဒပြသူတွေ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေကြတယ ဆိုတာ မှန်သလာ",  # "မှန်သလာ", is it right
    ],
)
def test_an_ending_typed_without_its_last_mark_is_an_ending(asked: str) -> None:
    """The dot below, the visarga and the asat, left off an ending in haste: no word of the
    lexicon, so read as the ending. ("တဲ" for "တဲ့" is a word of its own, and stays a piece.)"""
    assert unknown_pieces(asked, PAID_MY, [PAID_MY]) == []


@pytest.mark.parametrize(
    ("asked", "phrasing"),
    [
        ("ဆန္ဒပြသူတွေ ပိုက်ဆန်ယူပြီး အကြမ်းဖက်နေတာလား", PAID_MY),  # "ဆန်" for "ဆံ", by its sound
        ("ဆန္ဒပြမူတွေ အကြမ်းဖက်မှု ဖြစ်လာပြီလား", TERROR_MY),  # "မူ" for "မှု": no ha, "ူ" for "ု"
    ],
)
def test_a_claims_word_typed_without_some_of_its_marks_is_no_piece(
    asked: str, phrasing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word of the claim's typed in haste or by ear (the asat, the dot below, the visarga,
    the medials ha and wa, the stacking sign or "ဲ" left off; a long vowel typed short; the
    anusvara typed as its sound) is the claim's word, no name."""
    texts = [phrasing, TERROR_IN_FULL_MY]
    assert read_pieces(asked, phrasing, texts) == []
    monkeypatch.setattr(pieces, "_typed_in_haste", lambda word, texts: False)
    assert read_pieces(asked, phrasing, texts) != []  # read as written, a piece


@pytest.mark.parametrize(
    "asked",
    [
        # "တေ" for "တွေ" (the plural): no wa
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်သမားတေ ဖြစ်နေတာလား",
        # "မှနရဲလား" for "မှန်ရဲ့လား" (is it right?): no asat, no dot below
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား မှနရဲလား",
    ],
)
def test_a_framing_word_typed_without_some_of_its_marks_is_framing(asked: str) -> None:
    """Not only the mark at its end: any of the marks a word is typed without in haste, left
    off a framing word, leaves it framing, where that is no word of the lexicon."""
    assert unknown_pieces(asked, PAID_MY, [PAID_MY]) == []


def test_a_word_typed_in_haste_is_read_only_where_enough_of_it_is_left() -> None:
    """One syllable bared is too many others: "မူ" (a policy, an original) is no "မှု" read
    into every noun of the claim's, nor "ဆိုင်" (a shop) the end of "သက်ဆိုင်" (related); the
    word is whole syllables of the text. A name the claim lacks stays a piece."""
    assert not pieces._typed_in_haste("မူ", [PAID_MY])
    assert not pieces._typed_in_haste("ဆိုင်", ["သက်ဆိုင်တွေ"])
    assert pieces._typed_in_haste("ဆန္ဒပြမူ", ["ဆန္ဒပြမှုတွေ"])
    assert not pieces._typed_in_haste("န္ဒပြမူ", ["ဆန္ဒပြမှုတွေ"])  # not from a syllable's start
    asked = "ဆန္ဒပြသူတွေဟာ ဦးသိန်းစိန်ထောက်ခံပြီး အကြမ်းဖက်နေတာလား"  # U Thein Sein supports
    assert unknown_pieces(asked, PAID_MY, [PAID_MY]) != []


@pytest.mark.parametrize(
    "asked",
    [
        "အစ်ကိုရေ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # brother!
        "ဆရာရေ၊ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # teacher!
        "မင်္ဂလာပါ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # hello
        "ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား ကျမ သိချင်လို့",  # I (a woman) want to know
        "ဆရာ ခင်ဗျာ၊ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # sir, teacher (polite)
        "မင်္ဂလာပါ admin ရှင့်။ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # hello, admin
        "ဒီလူကြီး ပြောတာ ဆန္ဒပြသူတွေဟာ ပိုက်ဆံယူပြီး အကြမ်းဖက်နေတာလား",  # what this old man says
    ],
)
def test_whom_a_message_calls_to_and_its_greeting_are_no_piece(asked: str) -> None:
    """Whom the message calls to (a word ending in the vocative "ရေ", opening it or before a
    comma), a greeting, and a woman's "I" as chat spells it: no subject of the claim."""
    assert read_pieces(asked, PAID_MY, [PAID_MY]) == []


def test_a_run_written_without_spaces_is_no_one_called_to() -> None:
    """Burmese is often written without spaces: a whole run before "ရေ၊" is no word of
    address, and its pieces are read as any (here Thein Sein, a name the claim lacks)."""
    asked = "ဦးသိန်းစိန်ကဆန္ဒပြသူတွေဟာပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလားလို့ပြောတာမှန်လားဆရာရေ၊"
    assert pieces._addressed(asked) == frozenset()
    assert pieces._addressed("ဆရာရေ၊ " + asked) == {"ဆရာရေ"}


def test_a_word_ending_in_re_inside_a_sentence_is_read_as_any() -> None:
    """Not every "…ရေ" calls to someone: "သောက်ရေ" (drinking water) inside the question is a
    piece, as any noun the claim lacks."""
    asked = "ဆန္ဒပြသူတွေဟာ သောက်ရေ ထဲကို အဆိပ်ခတ်နေတာလား"  # poisoning the drinking water
    assert "သောက်ရေ" in [p.text for p in read_pieces(asked, PAID_MY, [PAID_MY])]


def test_a_title_opens_a_name_and_is_not_looked_up() -> None:
    asked = "ဆန္ဒပြသူတွေဟာ ဦးသိန်းစိန်ထောက်ခံပြီး အကြမ်းဖက်နေတာလား"  # U Thein Sein supports
    assert unknown_pieces(asked, PAID_MY, [PAID_MY]) != []
    named = {p.names for p in read_pieces(asked, PAID_MY, [PAID_MY]) if not p.ordinary}
    assert named == {("ဦးသိန်းစိန်ထောက်ခံပြီး",)}  # quoted by a reply


def test_the_kinds_are_kept_and_read_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    burmese_words._kept_table.cache_clear()
    try:
        made = burmese_words.kinds()
        assert made["ပိုက်ဆံ"] == burmese_words.NAMING  # money: a noun
        assert made["ဖျက်ဆီး"] == burmese_words.CONTENT  # destroy: a verb
        assert made["ပြီး"] == burmese_words.GRAMMAR  # and then
        assert made["မှာ"] == burmese_words.GRAMMAR  # at: a postposition, and a noun
        assert made["သွား"] == burmese_words.CONTENT  # go: a verb, and a noun (a tooth)
        (kept,) = (tmp_path / "factbot").glob("burmese-words-*.json")

        def no_lexicon() -> burmese_words.Table:
            raise AssertionError("the lexicon read again")

        monkeypatch.setattr(burmese_words, "_read_lexicon", no_lexicon)
        burmese_words._kept_table.cache_clear()
        assert burmese_words.kinds() == made
        assert "တဖြည်းဖြည်း" in burmese_words.adverbs()  # gradually, read back
        assert burmese_words._longest() > 4
        kept.write_bytes(b'{"cut short')
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        burmese_words._kept_table.cache_clear()
        assert burmese_words.kinds() == made  # made again
    finally:
        burmese_words._kept_table.cache_clear()


@pytest.mark.parametrize(
    ("word", "heard"),
    [
        ("ဈေးထဲမှာ", True),  # in the market
        ("လက်ဖက်ရည်ဆိုင်က", True),  # from the tea shop
        ("ဘတ်စ်ကားပေါ်မှာ", True),  # on the bus
        ("ကျောင်းတွေ", False),  # schools, unmarked: what a claim may speak of
        ("ဗန်ကောက်မှာ", False),  # in Bangkok: a place's name, no place where people meet
    ],
)
def test_a_place_where_people_meet_marked_as_where_is_where_it_was_heard(
    word: str, heard: bool
) -> None:
    assert pieces._heard_at(word) is heard


@pytest.mark.parametrize(
    ("asked", "tells"),
    [
        ("ဆိုက်ကားဆရာပြောတာ ဆန္ဒပြသူတွေ", True),  # the trishaw driver said
        ("ကုန်စုံဆိုင်ဦးလေးက ပြောတယ်", True),  # the grocery's uncle says
        ("ကျူရှင်ဆရာက အတန်းထဲမှာ ပြောတယ်", True),  # the tutor says in class
        ("ဆရာတော်တစ်ပါးက မိန့်တယ်", True),  # a monk says
        ("ဘုန်းကြီးတွေ ပိုက်ဆံယူပြီး", False),  # monks took money: doers, no tellers
        ("ဆရာတော်က ဆန္ဒပြသူတွေကို ပိုက်ဆံပေးတယ်", False),  # the abbot paid them: no telling
        # the abbot retold (later) what the general said in Moscow
        ("ဆရာတော်က မင်းအောင်လှိုင် မော်စကိုမှာ ပြောခဲ့တာကို ပြန်ပြောတယ်", True),
        ("ဘုန်းကြီးတွေက ပိုက်ဆံယူတယ်လို့ ပြောတယ်", False),  # monks took money, they say: doers
        ("ထိုင်းဆရာက ပြောတယ်", False),  # a Thai teacher: a country's name before who tells it
    ],
)
def test_who_of_everyday_life_told_it_is_read_where_a_verb_of_telling_follows(
    asked: str, tells: bool
) -> None:
    assert pieces._tells(asked, 0) is tells


@pytest.mark.parametrize(
    ("word", "doing"),
    [
        ("ဘောလုံးပွဲကြည့်ရင်း", True),  # while watching football
        ("ကလေးကျောင်းကြိုရင်း", True),  # while picking the child up from school
        ("တန်းစီစောင့်နေတုန်း", True),  # while waiting in the queue
        ("ဆန္ဒပြရတဲ့အကြောင်းရင်း", False),  # the reason they protested: a noun, no "while"
        ("ဟောင်ကောင်မှာဆန္ဒပြရင်း", False),  # while protesting in Hong Kong: a place
        ("စစ်တပ်ပစ်ရင်း", False),  # while the army shot: an armed force
    ],
)
def test_what_the_asker_was_doing_is_a_clause_of_ordinary_words_closed_by_while(
    word: str, doing: bool
) -> None:
    assert pieces._while_doing(word) is doing


def test_before_who_told_it_ordinary_words_are_how_the_asker_heard_it() -> None:
    """Before the first word of telling ("ပြောတယ်", says), ordinary words are how the asker
    heard it; what follows is what was said, and a frame holding the claim's words is none."""
    texts = ("ဆန္ဒပြသူတွေဟာပိုက်ဆံယူပြီးအကြမ်းဖက်နေတာလား",)  # were the protesters paid…?
    asked = "ကလေးကျောင်းကြိုရင်း မိဘတစ်ယောက်က ပြောတယ် အာဏာသိမ်းခေါင်းဆောင်က ရုရှားကို ပြောတာ"
    assert pieces._before_telling(asked, asked.find("မိဘ"), texts)  # a parent
    assert not pieces._before_telling(asked, asked.find("အာဏာ"), texts)  # the coup leader
    # the protesters took money, at the market, they say: the claim's words before the telling
    asked = "ဈေးထဲမှာ ဆန္ဒပြသူတွေ ပိုက်ဆံယူတယ်လို့ ပြောတယ် ဟုတ်လား"
    assert not pieces._before_telling(asked, 0, texts)
    # nothing after the telling: no frame
    assert not pieces._before_telling("ဦးလေးတစ်ယောက်က ပြောတယ်", 0, texts)


@pytest.mark.parametrize(
    ("word", "when"),
    [
        ("ဖေဖော်ဝါရီနောက်ပိုင်း", True),  # after February
        ("နှစ်လယ်လောက်က", True),  # around the middle of the year
        ("ဇွန်လကုန်အထိ", True),  # until the end of June
        ("ဆန္ဒပြပွဲလောက်", False),  # about a protest
    ],
)
def test_a_time_and_what_closes_it_is_a_word_of_when(word: str, when: bool) -> None:
    assert pieces.is_when(word) is when
