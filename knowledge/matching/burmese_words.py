"""The Burmese words a dictionary knows, and what kind each is: burmesenlp's lexicon (some
24,000 words with their parts of speech, Apache-2.0). Burmese has no capitals, so a piece
of a question that a claim's texts lack could be a name (:mod:`knowledge.matching.pieces`).
The dictionary tells the ordinary pieces from the others, as jieba's does for Chinese
(:func:`knowledge.matching.names.chinese_names`): a piece of verbs, adverbs and grammar only
names nothing. Names of people and places are nouns there, or no word at all, so every noun
is read as one that may be a name ("ရန်ကုန်", Yangon; "ရဲ", the police, is a noun too, though
the lexicon tags it a particle, and is caught by its marker: :func:`may_name`).

The lexicon is read once and kept (:mod:`knowledge.kept`): building it takes some 400 ms,
reading the kept table a few."""

from __future__ import annotations

import itertools
import json
import re
from functools import cache, lru_cache

from knowledge.kept import read_or_make, table_path
from knowledge.matching import names as namelib
from knowledge.matching import text as textlib

# The kinds of word the dictionary's tags are read as.
NAMING = "n"  # a noun, a number, a foreign word, an abbreviation: may be a name
CONTENT = "c"  # a verb, an adverb, an adjective: says what is done, or how
GRAMMAR = "g"  # particles, postpositions, conjunctions, pronouns, endings

_NAMING_TAGS = frozenset(("NOUN", "NUM", "FW", "ABB"))
_CONTENT_TAGS = frozenset(("VERB", "ADV", "ADJ"))
_GRAMMAR_TAGS = frozenset(("POSTP", "PART", "CONJ", "SFP", "AUX", "PRON"))
_NOT_BURMESE = re.compile(r"[^\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]+")


def kinds() -> dict[str, str]:
    """Every word of the lexicon with its kind (:data:`NAMING`, :data:`CONTENT`,
    :data:`GRAMMAR`), by the first of its tags in that order: grammar where the lexicon lists
    it as grammar at all, even as a noun too ("မှာ", at; "နေ", the progressive), content where
    it lists it as a verb, an adverb or an adjective ("သွား", go, and a tooth), naming where
    it lists it only as a noun, a number, a foreign word or an abbreviation: names are
    nothing else."""
    return _kept_table()[1]


def adverbs() -> frozenset[str]:
    """The words the lexicon lists as adverbs and as nothing else ("တမင်", on purpose;
    "တဖြည်းဖြည်း", gradually; "ငြိမ်းချမ်းစွာ", peacefully): they say how something is done,
    and name no deed of their own."""
    return _kept_table()[2]


def _longest() -> int:
    """The most syllables a word of the lexicon has (bounds the longest match)."""
    return _kept_table()[0]


# The longest word's syllables, every word's kind, and the words that are adverbs only.
Table = tuple[int, dict[str, str], frozenset[str]]


@cache
def _kept_table() -> Table:
    """:func:`kinds`, :func:`adverbs` and :func:`_longest`, read where an earlier start kept
    them (a few ms), else made from the lexicon (some 400 ms) and kept; the file is named by
    burmesenlp's version and this module's source."""
    return read_or_make(
        table_path("burmese-words", "burmesenlp", __file__),
        _decoded,
        _read_lexicon,
        lambda table: json.dumps(table, ensure_ascii=False, default=sorted).encode(),
        "burmese-words-*",
        (".json",),
    )


def _decoded(data: bytes) -> Table:
    longest, table, adverbs = json.loads(data)
    if not (isinstance(longest, int) and isinstance(table, dict) and isinstance(adverbs, list)):
        raise ValueError("not the Burmese words' table")
    return longest, table, frozenset(adverbs)


def _read_lexicon() -> Table:
    from burmesenlp import Lexicon  # some 400 ms: only where no kept table is read

    lexicon = Lexicon.default()
    table = {}
    adverbs = []
    for word in lexicon.words():
        tags = set(lexicon.tags(word))
        if tags == {"ADV"}:
            adverbs.append(word)
        table[word] = (
            GRAMMAR
            if tags & _GRAMMAR_TAGS
            else CONTENT
            if tags & _CONTENT_TAGS
            else NAMING
            if tags & _NAMING_TAGS
            else GRAMMAR
        )
    longest = max(len(textlib.burmese_syllables(word)) for word in table)
    return longest, table, frozenset(adverbs)


def segment(text: str) -> list[str]:
    """``text`` (Burmese, no spaces) cut into the lexicon's words, longest first from the
    left; a syllable no word starts with is a word of its own."""
    table = kinds()
    syllables = textlib.burmese_syllables(text)
    words = []
    at = 0
    while at < len(syllables):
        end = next(
            (
                end
                for end in range(min(len(syllables), at + _longest()), at + 1, -1)
                if "".join(syllables[at:end]) in table
            ),
            at + 1,
        )
        words.append("".join(syllables[at:end]))
        at = end
    return words


# "To become, to happen": after another verb it goes on a verb's phrase (:func:`may_name`).
BECOME = "ဖြစ်"
# What turns a verb's phrase into a noun's ("…ဖြစ်တာ", what happened): a marker after it
# marks that clause, not who does something ("စဖြစ်တာက…", what started was…).
NOMINALISER = "တာ"


@lru_cache(maxsize=8192)
def may_name(piece: str, after: str, common_nouns: bool = False) -> tuple[str, ...]:
    """The words of a Burmese ``piece`` (framing words taken off) that may be names, ``after``
    being what follows it in its word: those the lexicon does not know, knows as a noun, a
    number, a foreign word or an abbreviation, or that name a place (CLDR's names, as
    :func:`~knowledge.matching.names.place_names` reads them). With ``common_nouns``, a noun
    the lexicon knows is read as English reads a word in small letters, no name
    (:func:`common_noun`: "ရပ်ကွက်", the ward; "လူထု", the public), but where two syllables
    of people's names stand together (:func:`_person_named`); and the whole piece where
    two words of one syllable that say what is done stand together, which is how a foreign
    name is spelt out ("ပူတင်", Putin: "hot" and "put"; a verb and "ဖြစ်", become, go on a
    phrase: "စဖြစ်", began), or where a noun's marker follows its first syllable (who does it,
    whose: "ရဲတွေက", the police). Letters of another script and digits are named as they are;
    signs and emoji name nothing. Empty: the piece is ordinary words only. Remembered: a
    question's pieces are read against each of its candidates' phrasings, and the same few
    come up again."""
    table = kinds()
    places = namelib.place_names()
    # Letters of another script and digits are named as written; signs and emoji are nothing.
    named = [
        word
        for run in _NOT_BURMESE.findall(piece)
        for word in run.split()
        if any(c.isalnum() for c in word)
    ]
    words = segment(_NOT_BURMESE.sub("", piece))
    named += [
        word
        for word in words
        if (table.get(word, NAMING) == NAMING and not (common_nouns and common_noun(word)))
        or word in places
        or any(c.isdigit() for c in word)
    ]
    if common_nouns and _person_named(words):
        named.append(piece)
    one_syllable_content = [
        table.get(word) == CONTENT and len(textlib.burmese_syllables(word)) == 1 for word in words
    ]
    # "ဖြစ်" (to become, to happen) after another verb is how a verb phrase goes on, no
    # syllable of a name spelt out: "စဖြစ်" (began to happen), where "ပူတင်" is Putin.
    spelt_out = any(
        a and b and words[i + 1] != BECOME
        for i, (a, b) in enumerate(itertools.pairwise(one_syllable_content))
    )
    said = textlib.burmese_syllables(piece) + textlib.burmese_syllables(after)[:3]
    marked = any(
        syllable in textlib.NOUN_MARKERS and said[i] != NOMINALISER
        for i, syllable in enumerate(said[1:])
    )
    if spelt_out or marked:
        named.append(piece)
    return tuple(dict.fromkeys(named))


# The syllables Burmese people's names are made of ("ဇော်မင်းထွန်း", "သန်းရွှေ", "စိုးဝင်း"): the
# lexicon lists some names as nouns, with nothing to tell them from other nouns. Titles
# ("ဦး", "ဒေါ်") and the particles some names share a syllable with ("ကို", "သူ") are read
# elsewhere (pieces.TITLES), or not at all: "ပြည်သူကို" (the people) names no one.
NAME_SYLLABLES = frozenset(
    (
        "အောင်", "ကျော်", "ဇော်", "မင်း", "ထွန်း", "သန်း", "ရွှေ", "စိုး", "ဝင်း", "လှိုင်", "ဆန်း",
        "စု", "ကြည်", "ခင်", "မောင်", "နိုင်", "သိန်း", "စိန်", "တင်", "ညွန့်", "ဝေ", "မြင့်",
        "ထိုက်", "ဌေး", "လွင်", "မြ", "နု", "နွယ်", "ဇင်", "ယု", "ရီ", "ချို", "ငြိမ်း", "ဖြိုး",
        "ပိုင်", "ထက်", "ဟန်", "မျိုး", "သက်", "မိုး", "လှ", "ညို", "သော်", "ထွေး", "ပြည့်", "စော",
        "ကြိုင်", "မြတ်", "အေး", "ချစ်", "သစ်", "ဖေ", "ဇာ", "ထား", "ဆွေ", "မြိုင်", "ဟိန်း",
        "ကောင်း", "ပြုံး", "ဝါ", "ဖြူ", "ခိုင်", "ထူး",
    )
)  # fmt: skip

# A noun holding one of these says when ("ဒီနှစ်", this year; "နောက်ရက်", the next day), or
# names the armed forces or the police ("စစ်တပ်", "တပ်မတော်", "ဗိုလ်", "ရဲ"): another time,
# or the claimant's side as who did it, as a year or a doer is in English.
_WHEN_OR_FORCES = frozenset(("နှစ်", "ရက်", "ပတ်", "တပ်", "စစ်", "ဗိုလ်", "ရဲ"))


def common_noun(word: str) -> bool:
    """Whether ``word`` is a noun the lexicon knows that says no time, names no armed force
    (:data:`_WHEN_OR_FORCES`) and no place (:func:`names.unspaced_names`: "ရန်ကုန်", Yangon)."""
    return (
        word in kinds()
        and not _WHEN_OR_FORCES.intersection(textlib.burmese_syllables(word))
        and not namelib.unspaced_names(word)
    )


def _person_named(words: list[str]) -> bool:
    """Whether the lexicon's ``words`` of a piece hold two syllables in a row that people's
    names are made of (:data:`NAME_SYLLABLES`), each word all such syllables: "နိုင်" and
    "အောင်" of "မနေနိုင်အောင်" (so that they cannot live) are no name, "နိုင်" being the end of
    the lexicon's "နေနိုင်" (can live)."""
    run = 0
    for word in words:
        syllables = textlib.burmese_syllables(word)
        if not NAME_SYLLABLES.issuperset(syllables):
            run = 0
            continue
        run += len(syllables)
        if run >= 2:
            return True
    return False
