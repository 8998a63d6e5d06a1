"""How the matcher reads a word, whatever form it comes in: folded (case and a possessive's
"'s" off), a stopword or not, and the same word or name inflected, misspelt, written in
another script or spelt otherwise: the primitives :mod:`~knowledge.matching.context`
compares a question's words with a claim's by.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from knowledge.matching import text as textlib

WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?")
# Where a new sentence (or a title, a quoted phrase) starts: its first word is capitalised
# whatever it is. A full stop ends a sentence after a word of three characters or more, not after an
# abbreviation's letters ("U.S. Senate", "Dr. Smith"), and after two capitals, an acronym, where a
# capital follows ("…on Russian TV. Looking back, …", "…the US. Biden said…").
SENTENCE = re.compile(
    r"(?<=\w{3})\.+|(?<=\b[A-ZА-ЯЁ]{2})\.(?=\s+[A-ZА-ЯЁ])|[!?:;\n\"“”«»„()\[\]{}—–|]+|\s-\s"
)
POSSESSIVE = re.compile(r"['’]s$")


# Words written capitalised that name nothing: interjections, times of day, television.
NOT_NAMES = frozenset(
    {"ok", "okay", "lol", "omg", "wtf", "rip", "am", "pm", "tv", "тв", "сми", "госсми"}
    | {"oh", "ah", "eh", "uh", "hm", "ha", "aw", "hi", "yo", "ya", "ye"}  # two-letter chat
    # Chat's abbreviations, in capitals or not ("btw", "FYI"), and a writer's ("i.e.", "etc")
    | {"btw", "fyi", "imo", "imho", "fwiw", "afaik", "tbh", "idk", "iirc", "asap", "aka"}
    | {"pls", "plz", "thx", "smh", "ps", "pps", "nb", "ie", "eg", "etc", "vs"}
    # Chat's laughter and whom it calls to, shouted or not ("BRO", "LMAO"), "not gonna lie" and
    # "just kidding"
    | {"lmao", "lmfao", "rofl", "bro", "bruh", "sis", "dude", "ngl", "jk"}
    # What an app prints around a post, and a screenshot shows (textlib.APP_WORDS), and more
    # of its buttons ("Share", "See translation", "Показать перевод", "Подписаться"), "News".
    | textlib.APP_WORDS
    | {"share", "shares", "following", "subscribe", "subscribers", "see", "view", "retweet"}
    | {"repost", "news", "показать", "перевод", "подписаться", "комментировать"}
    # What is asked of the bot, capitalised where a sentence no full stop closed opens with it
    # ("…, 2021 г. Проверьте", please check)
    | {"check", "verify", "проверьте", "проверь", "подскажите", "объясните"}
)


def fold(word: str) -> str:
    """``word`` compared as any other form of it is: without a possessive's "'s", casefolded."""
    return POSSESSIVE.sub("", word).casefold()


# Words that name nothing, even opening a sentence: English stopwords, Russian closed-class words.
# "the ones doing the attacks": a pro-form, standing for a noun the sentence names elsewhere
PRO_FORMS = frozenset({"one", "ones"})
# English prepositions and conjunctions the stopwords (which the word search weighs) leave out:
# grammar, no name, and no word put in place of a claim's ("…because the election was stolen,
# like the military says": "like" stands for no word of the election-fraud check's).
FUNCTION_WORDS = frozenset(
    """against despite like unlike among amongst around across toward towards upon within via
    amid throughout because while since until unless although though whether whereas onto
    beside besides beyond along""".split()  # noqa: SIM905
)
CLOSED_CLASS = textlib.STOPWORDS | textlib.RUSSIAN_CLOSED_CLASS | PRO_FORMS | FUNCTION_WORDS


def is_stopword(folded: str) -> bool:
    """A stopword (English, or Russian: :data:`textlib.RUSSIAN_CLOSED_CLASS`), also contracted
    (I'm, we've, they'll, don't, won't)."""
    if folded in CLOSED_CLASS or folded.endswith(("n't", "n’t")):
        return True
    return re.split("['’]", folded, maxsplit=1)[0] in textlib.STOPWORDS


# Russian letters in Latin ones, as names are carried over (Хлайн, Hlaing; Спутник, Sputnik):
# х as h and й as i, as English writes the Burmese names the built-in claims hold.
_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def latin(word: str) -> str:
    """A folded Russian word in Latin letters ("спутнику": "sputniku"), to be compared with
    the names of a claim written in English; any other word as it is."""
    return word.translate(_LATIN) if textlib.starts_cyrillic(word) else word


def same_name(a: str, b: str, ending: int = 2) -> bool:
    """Two folded words name the same thing: equal, one an inflection of the other (a shared
    start of at least four letters, the shorter at most ``ending`` letters from its end:
    Мьянма, Мьянме; Thai, Thailand; платил, платят), or a typo apart. Whether a word is a
    *name* (:func:`names_one`) takes one letter: names change their ending by a letter
    (Burma, Burmese; Хлайн, Хлайна), and at two "donations" would be "Donald"."""
    if a == b or textlib.inflected(a, b, ending):
        return True
    short, long_ = sorted((a, b), key=len)
    # A typo: one letter off in a name of five letters or more, two from eight (Мъянме); never
    # more than two letters apart in length, so the distance is only worked out within that.
    most = 1 if len(short) < 8 else 2
    return (
        len(short) >= 5
        and len(long_) - len(short) <= most
        and Levenshtein.distance(a, b, score_cutoff=most) <= most
    )


STEM = 5  # letters two forms of a word share ("protest", "protesters")


@lru_cache(maxsize=32768)
def echoes(word: str, known: frozenset[str]) -> bool:
    """Whether ``known`` holds ``word`` in some form: the same word or name
    (:func:`any_same`), or one with its first :data:`STEM` letters."""
    if any_same(word, known):
        return True
    return len(word) >= STEM and any(other.startswith(word[:STEM]) for other in known)


@lru_cache(maxsize=32768)
def any_same(word: str, known: frozenset[str], ending: int = 2) -> bool:
    """Whether ``known`` holds a word that names the same as ``word`` (:func:`same_name`,
    ``ending`` as there): the same word, one sharing its first four letters, or the closest
    spelling."""
    if word in known:
        return True
    if len(word) < 4:
        return False
    head = word[:4]
    if any(other.startswith(head) and same_name(word, other, ending) for other in known):
        return True
    if len(word) < 5:
        return False
    most = 1 if len(word) < 8 else 2
    closest = process.extractOne(word, known, scorer=Levenshtein.distance, score_cutoff=most)
    return closest is not None and same_name(word, closest[0], ending)


def is_misspelt(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``known`` misspelt by at most two edits, two letters
    swapped counting as one, its first letter kept ("payed" for "paid", "hliang" for
    "hlaing"), and in Latin letters its last ("monks" is no "money"; a Russian word's ending
    is its inflection: "людей", "люди"): :func:`misspelt_of`."""
    return bool(misspelt_of(word, known))


def misspelt_of(
    word: str, known: frozenset[str], edits: int = 2, last_letter: bool = False
) -> list[str]:
    """The words of ``known`` (four letters or more) that ``word`` (as long) is within
    ``edits`` of, two letters swapped counting as one, its first letter kept, and its last in
    Latin letters, or in any with ``last_letter``."""
    if len(word) < 4:
        return []
    keep_last = last_letter or not textlib.starts_cyrillic(word)
    return [
        other
        for other, _, _ in process.extract(
            word, known, scorer=OSA.distance, score_cutoff=edits, limit=None
        )
        if len(other) >= 4 and other[0] == word[0] and (other[-1] == word[-1] or not keep_last)
    ]


def prefixed_form(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``known`` (its first five letters) behind two letters or
    more, as a prefix puts them ("довыборах", by-elections, of "выборах"; "reelection"):
    another word, which the spelling checks would take for a typo of it."""
    if len(word) < 7:
        return False
    for other in known:
        at = word.find(other[:5], 2) if len(other) >= 5 else -1
        if at >= 2 and fuzz.ratio(word[at:], other) >= textlib.TYPO_SIMILARITY:
            return True
    return False


def typo_of_any(word: str, known: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``known`` typed with a letter wrong or missing ("mony" for
    "money"), as the re-ranker reads typos (:data:`textlib.TYPO_SIMILARITY`), for words too
    short for :func:`any_same`'s closest spelling."""
    closest = process.extractOne(
        word, known, scorer=fuzz.ratio, score_cutoff=textlib.TYPO_SIMILARITY
    )
    return closest is not None


def names_one(word: str, names: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``names`` (a claim's anchors or who made it) in some form:
    :func:`any_same` with an ending of one letter."""
    return any_same(word, names, 1)


@lru_cache(maxsize=16384)
def russian_stem(word: str) -> str:
    """A folded Russian ``word``'s stem (Snowball's stemmer: "переросло" and "переросли" are
    "переросл"): the forms Russian inflects a word into share it."""
    stem: str = _RUSSIAN_STEMMER.stemWord(word)
    return stem


_RUSSIAN_STEMMER = snowballstemmer.stemmer("russian")
