"""Russian typed in Latin letters ("translit": "protesty v Myanme pererosli v terrorizm?"), read
in Cyrillic.

People without a Cyrillic keyboard (a borrowed phone, a laptop abroad) write Russian with Latin
letters, each as it sounds, with no one standard: "ya" or "ja" for "я", "sh" for "ш" and often
"щ", "y" for "ы" and "й", an apostrophe or nothing for the soft sign. Read as English, such a
question shares no word with a claim's Russian wording. A text in Latin letters alone that holds
several of Russian's most common words as people type them (:data:`MARKERS`: "chto", "eto",
"pravda", "skazal") is read letter group by letter group into Cyrillic (:func:`as_cyrillic`),
and matched as the Russian question it is; what the rules get wrong ("Мянме" for "Мьянме", no
soft sign typed) is a misspelling, which the matcher reads as one.

The transliteration libraries on PyPI read one scheme each, not chat's: ``cyrtranslit`` reads
"protesty" as "протести" and "vyborov" as "виборов", ``transliterate`` "Myanme" as "Мыанме" and
"protestuyushie" as "протестуыушие" (docs/languages.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Russian's most common words as typed in Latin letters, none of them an English word or an
# English one-letter word ("i", "a", "on", "to", "no", "net", "da", "my" are left out).
MARKERS = frozenset(
    """
    v vo na ne chto shto cto eto etot eta eti tak kak ili iz za po ot dlya dla uzhe uje vse vsyo
    vsio li pravda nepravda skazal skazala skazali govorit govoryat govoril pishut pisali byl
    byla bylo byli budet esli chtoby potomu tolko tozhe ochen mne menya nas nam vas ikh ego eyo
    oni ona ono ty vy kto gde kogda pochemu zachem skolko seychas sejchas tut zdes nu vot nado
    mozhno nelzya khorosho horosho spasibo pozhaluysta pozhalujsta privet proverte proverit fejk
    feyk vran'e vranyo slyshal slyshala pravdu chem chtob tipa voobshche voobshe
    """.split()  # noqa: SIM905
)
# English words that tell a text is English (a Russian text typed in Latin letters has none).
ENGLISH_WORDS = frozenset(
    """
    the is are was were of and that this it for with you they did does what who have has be
    been not from about their there which will would should could said says true fake news
    """.split()  # noqa: SIM905
)
MIN_MARKERS = 2  # distinct markers, and at least a fifth of the words
MARKER_SHARE = 0.2
# Or Russian's own letter groups and endings as typed ("zh", "shch", "kh", "yu"; "-ogo", "-yut",
# "-yy", "-stva"), in words of four letters or more: at least three such words, and three in ten
# ("protestuyushie seyut strah sredi mestnogo naselenia…" has no common word of the list).
_RUSSIAN_LOOKING = re.compile(
    r"(?:yy|iy|ykh|ikh|ogo|ego|aya|oye|yye|iye|yut|yat|tsya|nost|stvo|stva)$|shch|zh|kh|yu"
)
MIN_RUSSIAN_LOOKING = 3
RUSSIAN_LOOKING_SHARE = 0.3

_WORD = re.compile(r"(?<![@#/\w])[A-Za-z][A-Za-z'`]*")
_NOT_LATIN = re.compile(r"[^\x00-\x7f]")
_LETTER = re.compile(r"[^\W\d_]")

# Letter groups, longest first: what each stands for in chat's translit.
_GROUPS = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
    ("ts", "ц"), ("tz", "ц"), ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("yo", "ё"),
    ("jo", "ё"), ("ye", "е"), ("je", "е"), ("x", "кс"), ("w", "в"), ("q", "к"), ("j", "й"),
    ("h", "х"), ("'", "ь"), ("`", "ь"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
)  # fmt: skip
_VOWELS = frozenset("aeiouy")
# Words opening with "e" that Russian writes with "е", not "э" ("eto" is "это").
_E_WORDS = ("ego", "esli", "est", "eshche", "eshe", "ee", "eyo", "evrop", "edin", "ezh", "ekh")


@lru_cache(maxsize=4096)
def looks_russian(text: str) -> bool:
    """Whether ``text`` is Russian typed in Latin letters: Latin letters only, and either at
    least :data:`MIN_MARKERS` of Russian's common words (:data:`MARKERS`), a fifth of its words
    such and more than its English function words, or at least :data:`MIN_RUSSIAN_LOOKING`
    words with Russian's letter groups or endings, three in ten, and at most one English
    function word. (Of 63,573 texts, every near-miss set and both CLEF collections' claims,
    titles and tweets, only the seventh probe's seven Russian ones in Latin letters pass.)"""
    if _NOT_LATIN.search(_letters_only(text)):
        return False
    words = [w.lower().strip("'`") for w in _WORD.findall(text)]
    if not words:
        return False
    english = sum(w in ENGLISH_WORDS for w in words)
    found = [w for w in words if w in MARKERS]
    if (
        len(set(found)) >= MIN_MARKERS
        and len(found) >= MARKER_SHARE * len(words)
        and english < len(found)
    ):
        return True
    looking = sum(len(w) >= 4 and _RUSSIAN_LOOKING.search(w) is not None for w in words)
    return (
        looking >= MIN_RUSSIAN_LOOKING
        and looking >= RUSSIAN_LOOKING_SHARE * len(words)
        and english <= 1
    )


def _letters_only(text: str) -> str:
    return "".join(_LETTER.findall(text))


@lru_cache(maxsize=4096)
def as_cyrillic(text: str) -> str:
    """``text`` in Cyrillic where :func:`looks_russian`, else as it is. Words in capitals
    ("NUG", "PDF") and handles, hashtags and links are left in Latin letters."""
    if not looks_russian(text):
        return text
    return _TOKEN.sub(_token, text)


_TOKEN = re.compile(r"\S+")


def _token(match: re.Match[str]) -> str:
    token = match.group()
    if token[0] in "@#" or "://" in token or token.lower().startswith("www."):
        return token  # a handle, hashtag or link, read as written
    return _WORD.sub(_word, token)


def _word(match: re.Match[str]) -> str:
    word = match.group()
    if len(word) > 1 and word.isupper():
        return word  # an abbreviation, read as written
    cyrillic = _cyrillic(word.lower())
    return cyrillic[:1].upper() + cyrillic[1:] if word[0].isupper() else cyrillic


def _cyrillic(word: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        if i == 0 and rest[0] == "e" and not rest.startswith(_E_WORDS):
            out.append("э")
            i += 1
            continue
        if rest[0] == "y" and rest[1:2] not in ("a", "u", "o", "e"):
            # "y" after a vowel, before none, is "й" ("moy", the last of "novyy"); else "ы"
            # ("protesty", "vyborov").
            out.append("й" if i > 0 and word[i - 1] in _VOWELS else "ы")
            i += 1
            continue
        if rest[0] == "c" and not rest.startswith("ch"):
            # "c" before "e", "i", "y" is "ц" ("falsifikacii"), else "к".
            out.append("ц" if rest[1:2] in ("e", "i", "y") else "к")
            i += 1
            continue
        for latin, letter in _GROUPS:
            if rest.startswith(latin):
                out.append(letter)
                i += len(latin)
                break
        else:
            out.append(rest[0])
            i += 1
    cyrillic = "".join(out)
    if cyrillic.endswith("иа"):
        cyrillic = cyrillic[:-2] + "ия"  # "naselenia", "Rossia"
    return cyrillic
