"""Burmese typed in Latin letters ("Burglish": "sit tat ka pike san pay tar lar?"), read in
Burmese script.

Many Burmese speakers type their language in Latin letters, each syllable as it sounds, with
no standard: "pike san", "paik san" or "pikesan" for "ပိုက်ဆံ" (money), "hman lar" or "mhan lar"
for "မှန်လား" (is it true?), "tl", "tal" or "dae" for the ending "တယ်". Read as English, such a
message shares no word with a claim's Burmese wording. A text in Latin letters alone that holds
several of chat Burmese's common particles as people type them (:data:`MARKERS`) is read syllable
by syllable into Burmese script (:func:`as_burmese`) and matched as the Burmese question it is.

Both sides are brought to one coarse key of how a syllable sounds (:func:`latin_keys`,
:func:`burmese_key`): its onset (voiced and voiceless run together, "k" and "g" are one, as
people type them; an "h" typed for aspiration is kept) and its rhyme, tones left out. A typed
syllable can stand for many Burmese syllables; the decoder takes the likeliest cut into words
(:func:`_decoded`): the words of the texts it is told to prefer (the candidate claims' own
Burmese wording) first, then those of burmesenlp's list of words as written and of its lexicon
(:mod:`knowledge.matching.burmese_words`), each syllable costing as much as it is rare. A word that
does not read as Burmese syllables ("Thailand", "election", "PDF") is left as it is, as a name
or English word in a Burmese message is; so is a common English word that would read as two
Burmese syllables or more ("image", "share", "political": :mod:`.englishlist`), and every word
of a clause written in English ("…it's not a political movement. dar hman lar?").

The English list is SCOWL's small list of common words (:mod:`knowledge.matching.englishlist`).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

from knowledge.kept import read_or_make, table_path
from knowledge.matching import burmese_words
from knowledge.matching import text as textlib
from knowledge.matching.translit import ENGLISH_WORDS

# Chat Burmese's most common particles and endings as typed in Latin letters, none of them a
# common English word ("tar", "lo" are rare ones): the question ("lar", "lr"), the statement
# ("tal", "tae", "dl"), the plural ("twe", "tway"), "at" ("mhar"), "say" ("pyaw"), "true"
# ("hman"), "not… at all" ("buu"), "do" ("lote"), "that" ("tar", "dar", "tr"); not "shi" (is)
# nor "bu", which pinyin writes too.
MARKERS = frozenset(
    """
    lar lr lrr larr tal tae dae tl dl del tel nae nei twe tway twy dway dwe mhar mhr hmar pyaw
    pyaww pyoh hman mhan hmann buu hote hoke lote loke lout kya thwar thwr tar dar
    tr dr kyar ngwe ngway ngwy paik phyit phit pyit tht loh lo dyy dy pee tkl tkal takal
    """.split()  # noqa: SIM905
)  # no syllable of people's names ("san", "kyi", "naw", "thu": "aung san suu kyi")
# English words that tell a text or a clause is English (a Burmese text typed in Latin letters
# has few): those that tell Russian typed so from English, and more; not "so" nor "me", which
# it types too ("a so ya", "nar me").
_ENGLISH = ENGLISH_WORDS | frozenset(
    """
    in on at to by an or if do my we he she his her our your its them than then
    """.split()  # noqa: SIM905
)
# Chat's words that say nothing of a claim, in English as Burmese chat writes them: who is
# addressed ("bro", "sis", the bot), chat's interjections and abbreviations (not "ah", "ya", "ye" of
# wording.NOT_NAMES: Burmese syllables as typed, "ngwe ya lo").
_CHAT_WORDS = frozenset(
    """
    bro bruh sis dude sir ok okay lol lolz omg wtf haha hehe btw fyi imo tbh idk pls plz thx
    bot factbot
    """.split()  # noqa: SIM905
)
MIN_ENGLISH_CLAUSE = 2  # English function words that make a clause English (and more than markers)
# A name the spelling dictionaries write only capitalised (propernouns) is kept from this long
# ("Singapore", "Putin"; "Thai" written so): shorter ones are Burmese syllables as typed too
# ("ko", "thu", "mae", "chan").
MIN_PROPER_NOUN = 5
MIN_MARKERS = 2  # distinct markers, at least a tenth of the words, more than English's
MARKER_SHARE = 0.1

_WORD = re.compile(r"(?<![@#/\w])[A-Za-z]+(?![\w/])")

# Typed onsets, longest first, and the sounds each may stand for: an "h" typed for aspiration
# or a voiceless nasal ("kh", "ht", "hm", "mh") is kept, and matches only such a consonant; a
# plain one matches both, as people often leave the "h" out; voiced and voiceless are one
# ("g", "k"), as Burmese voices them between words; a "p", "ph" or "m" may leave the "y" of a
# medial out ("pi" for "ပြီ").
_ONSETS: dict[str, tuple[str, ...]] = {
    "chy": ("ch",), "gyw": ("cw",), "kyw": ("cw",), "shw": ("shw",), "thw": ("thw",),
    "hmy": ("my",), "mhy": ("my",), "hny": ("hny",), "hng": ("hng",), "nng": ("ng",),
    "phy": ("phy",), "hpy": ("phy",), "ch": ("ch",), "gy": ("c",), "ky": ("c",), "kh": ("kh",),
    "gh": ("kh",), "ng": ("ng",), "hs": ("hs",), "zh": ("s",), "ny": ("ny",), "ht": ("ht",),
    "th": ("th", "ht"), "dh": ("t",), "hn": ("hn",), "nh": ("hn",), "ph": ("ph", "py"),
    "hp": ("ph", "py"), "bh": ("p",), "py": ("py",), "pr": ("py",), "by": ("py",), "br": ("py",),
    "hm": ("hm",), "mh": ("hm",), "my": ("my",), "mr": ("my",), "sh": ("sh",), "hr": ("sh",),
    "rh": ("sh",), "hl": ("hl",), "lh": ("hl",), "ly": ("ly",), "hw": ("w",), "wh": ("w",),
    "k": ("k",), "g": ("k",), "c": ("k",), "q": ("k",), "j": ("c",), "s": ("s",),
    "z": ("s",), "t": ("t",), "d": ("t",), "n": ("n",), "p": ("p", "py"), "b": ("p",),
    "f": ("ph",), "m": ("m", "my"), "y": ("y",), "r": ("y",), "l": ("l",), "w": ("w",),
    "h": ("h",), "v": ("w",),
}  # fmt: skip
# Typed rhymes and the rhymes each may stand for.
_RHYMES: dict[str, tuple[str, ...]] = {
    "a": ("a",), "ar": ("a",), "aa": ("a",), "ah": ("a",), "arr": ("a",), "y": ("e",),
    "i": ("i",), "ee": ("i",), "ii": ("i",), "ea": ("i",), "e": ("e", "i"), "ay": ("e",),
    "ey": ("e",), "ei": ("e",), "eh": ("e",), "ae": ("e",), "al": ("e",), "el": ("e",),
    "ai": ("e", "aing"), "ail": ("e",), "ayy": ("e",), "eee": ("i",),
    "u": ("u",), "oo": ("u",), "uu": ("u",), "ue": ("u",),
    "aw": ("aw",), "or": ("aw",), "aww": ("aw",), "awe": ("aw",), "oa": ("aw",),
    "o": ("o",), "oh": ("o",), "oe": ("o",), "ou": ("o",),
    "et": ("et",), "ek": ("et",), "ett": ("et",), "eck": ("et",), "ak": ("et",),
    "auk": ("auk",), "aut": ("auk",), "ouk": ("auk",), "awk": ("auk",), "ok": ("auk", "ote"),
    "aik": ("aik",), "ike": ("aik",), "ite": ("aik",), "aite": ("aik",), "ait": ("aik",),
    "in": ("in",), "inn": ("in",), "een": ("in",), "ing": ("in",),
    "aung": ("aung",), "ong": ("aung",), "aong": ("aung",), "oung": ("aung",), "awng": ("aung",),
    "aing": ("aing",), "ine": ("aing",), "ain": ("aing", "ein"),
    "it": ("it",), "itt": ("it",), "ic": ("it",), "ik": ("it",),
    "at": ("at", "et"), "ut": ("at",), "att": ("at",), "utt": ("at",), "ap": ("at",), "up": ("at",),
    "eik": ("eik",), "ate": ("eik",), "eit": ("eik",), "eip": ("eik",), "ake": ("eik",),
    "ote": ("ote",), "oke": ("ote",), "ot": ("ote",), "oat": ("ote",), "ope": ("ote",),
    "oht": ("ote",), "out": ("ote", "auk"), "oak": ("ote",),
    "an": ("an",), "un": ("an",), "ann": ("an",), "am": ("an",), "um": ("an",),
    "unn": ("an",), "arn": ("an",),
    "ein": ("ein",), "ane": ("ein",), "eim": ("ein",), "en": ("ein", "in"),
    "one": ("one",), "on": ("one",), "own": ("one",), "ohn": ("one",), "oan": ("one",),
    "ome": ("one",), "oon": ("one",),
    # a final "t" typed for the creaky tone of a nasal ("lant", "myint", "sint")
    "ant": ("an",), "int": ("in",), "eint": ("ein",), "aint": ("aing",), "ont": ("one",),
    "aungt": ("aung",), "ount": ("one",),
    # vowels left out ("hmn", "pyw", "thwr")
    "n": ("an", "ein", "one", "in"), "w": ("aw",), "ww": ("aw",), "r": ("a",),
}  # fmt: skip
_LONGEST_ONSET = max(map(len, _ONSETS))
_LONGEST_RHYME = max(len(r) for r in _RHYMES)
# Chat's shorthand for the commonest words, a consonant or two for a syllable or more: read as
# the syllables it stands for, typed in full.
_SHORTHAND: dict[str, tuple[str, ...]] = {
    "tr": ("ta",), "dr": ("ta",), "tl": ("te",), "dl": ("te",), "lr": ("la",),
    "ll": ("la",), "p": ("pyi",), "k": ("ka",), "mhr": ("mha",), "hmr": ("hma",),
    "tkl": ("ta", "kal", "lar"), "bl": ("bar", "lae"), "nk": ("ne",), "thr": ("tha",),
}  # fmt: skip

# Burmese script: onset consonants and the sound each stands for.
_CONSONANT_SOUND = {
    **dict.fromkeys("ကဂ", "k"), **dict.fromkeys("ခဃ", "kh"), "င": "ng", **dict.fromkeys("စဇဈ", "s"),
    "ဆ": "hs", **dict.fromkeys("ညဉ", "ny"), **dict.fromkeys("ဋဍဎတဒဓ", "t"),
    **dict.fromkeys("ဌထ", "ht"), **dict.fromkeys("ဏန", "n"), **dict.fromkeys("ပဗဘ", "p"),
    "ဖ": "ph", "မ": "m", **dict.fromkeys("ယရ", "y"), **dict.fromkeys("လဠ", "l"), "ဝ": "w",
    "သ": "th", "ဟ": "h", "အ": "", "ဣ": "", "ဤ": "", "ဥ": "", "ဦ": "", "ဧ": "", "ဩ": "",
    "ဪ": "", "ဿ": "th",
}  # fmt: skip
# Each sound as it may also be typed: without its "h" (aspiration, a voiceless nasal).
_PLAIN = {"kh": "k", "hs": "s", "ht": "t", "ph": "p", "hm": "m", "hn": "n", "hl": "l",
          "hny": "ny", "hng": "ng", "ch": "c", "phy": "py"}  # fmt: skip
_INDEPENDENT_RHYME = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "e", "ဩ": "aw", "ဪ": "aw"}
_WITH_Y = {"k": "c", "kh": "ch", "p": "py", "ph": "phy", "m": "my", "l": "ly"}
_FINAL_KIND = {
    **dict.fromkeys("ကဂ", "k"), **dict.fromkeys("ငဏ", "ng"), **dict.fromkeys("စ", "c"),
    **dict.fromkeys("ညဉ", "ny"), **dict.fromkeys("တဋဒထ", "t"), **dict.fromkeys("နမ", "n"),
    **dict.fromkeys("ပဗ", "t"), "ယ": "y", "သ": "t", "ဝ": "w", "လ": "n",
}  # fmt: skip
_ASAT, _VIRAMA = "\u103a", "\u1039"
_MEDIALS = "\u103b\u103c\u103d\u103e"


def burmese_key(syllable: str, plain: bool = True) -> tuple[str, ...]:
    """The sound keys ("p aik" for "ပိုက်") a Burmese syllable may be typed as, with its
    onset's "h" left out too where ``plain``; none where it is not one Burmese syllable."""
    syllable = syllable.replace("\u200b", "")
    if not syllable or syllable[0] not in _CONSONANT_SOUND:
        return ()
    onset = _CONSONANT_SOUND[syllable[0]]
    rest = syllable[1:]
    medials = ""
    while rest and rest[0] in _MEDIALS:
        medials += rest[0]
        rest = rest[1:]
    if "\u103b" in medials or "\u103c" in medials:
        onset = _WITH_Y.get(onset, onset)
    if "\u103e" in medials:
        onset = "sh" if onset in ("y", "ly") else "w" if onset == "w" else f"h{onset}"
    w = "w" if "\u103d" in medials else ""
    onsets = {f"{onset}{w}", f"{_PLAIN.get(onset, onset) if plain else onset}{w}"}
    final = ""
    vowel = rest
    match = re.search(r"([\u1000-\u1021])[\u1037]?[\u103a\u1039]", rest)
    if match:
        final = _FINAL_KIND.get(match.group(1), "")
        vowel = rest[: match.start()]
        if not final:
            return ()
    vowel = vowel.replace("\u1037", "").replace("\u1038", "").replace("\u103a", "")
    if syllable[0] in _INDEPENDENT_RHYME:
        rhymes: tuple[str, ...] = (_INDEPENDENT_RHYME[syllable[0]],)
    else:
        rhymes = _rhymes_of(vowel, final)
    return tuple(f"{o} {rhyme}" for o in sorted(onsets) for rhyme in rhymes)


def _rhymes_of(vowel: str, final: str) -> tuple[str, ...]:
    """The rhyme keys of a Burmese vowel's signs and final consonant's kind."""
    back = "\u1031" in vowel and ("\u102c" in vowel or "\u102b" in vowel)  # ော
    o = "\u102d" in vowel and "\u102f" in vowel  # ို
    i = "\u102d" in vowel or "\u102e" in vowel
    u = "\u102f" in vowel or "\u1030" in vowel
    if not final:
        if "\u1036" in vowel:
            return ("one",) if u else ("ein",) if i else ("an",)
        if back:
            return ("aw",)
        if o:
            return ("o",)
        if "\u1031" in vowel or "\u1032" in vowel:
            return ("e",)
        if i:
            return ("i",)
        if u:
            return ("u",)
        return ("a",)
    if final == "k":
        return ("auk",) if back else ("aik",) if o else ("ote",) if u else ("et",)
    if final == "ng":
        return ("aung",) if back else ("aing",) if o else ("in",)
    if final == "c":
        return ("it",)
    if final == "ny":
        return ("i", "e", "in")
    if final == "t":
        return ("eik",) if i else ("ote",) if u else ("at",)
    if final == "n":
        return ("one",) if u else ("ein",) if i else ("an",)
    if final == "y":
        return ("e",)
    return ("aw",)


def latin_keys(typed: str) -> tuple[str, ...]:
    """The sound keys a syllable typed in Latin letters may stand for ("pike": "p aik"); none
    where it is no syllable."""
    for onset_length in range(min(_LONGEST_ONSET, len(typed)), -1, -1):
        typed_onset, typed_rhyme = typed[:onset_length], typed[onset_length:]
        onsets = _ONSETS.get(typed_onset) if onset_length else ("",)
        if onsets is None:
            continue
        w = ""
        if typed_rhyme.startswith("w") and len(typed_rhyme) > 1 and onsets != ("",):
            w, typed_rhyme = "w", typed_rhyme[1:]
        rhymes = _RHYMES.get(typed_rhyme)
        if rhymes is not None:
            return tuple(f"{o}{w} {rhyme}" for o in onsets for rhyme in rhymes)
    return ()


Lexicon = tuple[dict[str, tuple[float, str]], dict[tuple[str, ...], tuple[float, str]]]
Tables = tuple[
    dict[str, float], dict[str, tuple[float, str]], dict[tuple[str, ...], tuple[float, str]]
]


def _lexicon() -> Lexicon:
    """:func:`_make_lexicon`'s tables, kept (:func:`_tables`)."""
    _, syllables, words = _tables()
    return syllables, words


def _costs() -> dict[str, float]:
    """:func:`_make_costs`'s table, kept (:func:`_tables`)."""
    return _tables()[0]


@cache
def _tables() -> Tables:
    """The syllables' costs and the tables the decoder reads, read where an earlier start kept
    them (some 0.1 s; some 36 MB once read), else made (some 1.4 s) and kept; the file is named
    by burmesenlp's version and this module's source."""
    kept = table_path("burglish", "burmesenlp", __file__)
    return read_or_make(
        kept, _decoded_tables, _made_tables, _encoded_tables, "burglish-*", (".json",)
    )


def _made_tables() -> Tables:
    from burmesenlp.corpus.loader import load_lines

    written = Counter(load_lines("dictionaries/words.txt"))
    costs = _make_costs(written)
    return (costs, *_make_lexicon(costs, written))


def _encoded_tables(tables: Tables) -> bytes:
    costs, syllables, words = tables
    runs = [["|".join(keys), cost, word] for keys, (cost, word) in words.items()]
    table = {"costs": costs, "syllables": syllables, "words": runs}
    return json.dumps(table, ensure_ascii=False).encode()


def _decoded_tables(data: bytes) -> Tables:
    table = json.loads(data)
    costs = {str(k): float(v) for k, v in table["costs"].items()}
    syllables = {str(k): (float(c), str(w)) for k, (c, w) in table["syllables"].items()}
    # The keys are a few thousand sounds, shared by the 65,000 runs: each kept once.
    words = {
        tuple(map(sys.intern, str(k).split("|"))): (float(c), str(w)) for k, c, w in table["words"]
    }
    if not (costs and syllables and words):
        raise ValueError("not the Burglish tables")
    return costs, syllables, words


def _make_lexicon(costs: dict[str, float], written: Counter[str]) -> Lexicon:
    """For each sound key, the Burmese syllable chat writes most, at its cost (:func:`_costs`);
    and for each run of keys a word of burmesenlp's list of words as written or of its
    lexicon, at the cost of its syllables less :data:`_WORD_BONUS` for each sound past its
    first. ``written``: burmesenlp's list of words as written, each with its repeats."""
    syllables: dict[str, tuple[float, str]] = {}
    for syllable, own in costs.items():
        runs = _runs_of_keys([syllable])
        for keys, plain in runs if runs and len(runs[0][0]) == 1 else ():
            if keys[0] not in syllables or own + plain < syllables[keys[0]][0]:
                syllables[keys[0]] = (own + plain, syllable)
    words: dict[tuple[str, ...], tuple[float, str]] = {}
    # In order: of two words alike in sounds and cost, the first, whatever the hash seed.
    for word in sorted({*written, *burmese_words.kinds()}):
        parts = textlib.burmese_syllables(word)
        runs = _runs_of_keys(parts)
        if not runs or len(runs[0][0]) < 2:
            continue
        own = _cost_of(parts, costs) - _WORD_BONUS * (len(runs[0][0]) - 1)
        for keys, plain in runs:
            if keys not in words or own + plain < words[keys][0]:
                words[keys] = (own + plain, word)
    return syllables, words


def _make_costs(written: Counter[str]) -> dict[str, float]:
    """Each written Burmese syllable's cost: minus the log of its share of the syllables of
    burmesenlp's list of words as written (``written``: some 52,000, with their repeats, chat's
    own particles among them) and of its lexicon."""
    counts: Counter[str] = Counter()
    for word, repeats in written.items():
        for syllable in textlib.burmese_syllables(word):
            counts[syllable] += repeats
    for word in burmese_words.kinds():
        counts.update(textlib.burmese_syllables(word))
    total = sum(counts.values())
    return {syllable: math.log(total / count) for syllable, count in counts.items()}


def _cost_of(parts: list[str], costs: dict[str, float]) -> float:
    return sum(costs.get(p, _COST_UNSEEN) for p in parts)


def _sounds(syllable: str) -> tuple[tuple[tuple[str, float], ...], ...]:
    """The keys of a written syllable's sounds, each with its cost as typed (:data:`_COST_PLAIN`
    where its onset's "h" is left out): two sounds where a consonant is stacked under it
    ("ဆန္ဒ": "ဆန်", then "ဒ"), one otherwise; none where a sound has no key."""
    head, _, tail = syllable.partition(_VIRAMA)
    written = (head + _ASAT, tail) if tail else (head,)
    sounds = tuple(
        tuple((key, 0.0 if key in burmese_key(s, plain=False) else _COST_PLAIN) for key in keys)
        for s in written
        if (keys := burmese_key(s))
    )
    return sounds if len(sounds) == len(written) else ()


def _runs_of_keys(parts: list[str]) -> list[tuple[tuple[str, ...], float]]:
    """Every run of sound keys the written syllables ``parts`` may be typed as (at most 8),
    each with its cost as typed."""
    sounds = [k for p in parts for k in (_sounds(p) or ((),))]
    if not all(sounds):
        return []
    return [
        (tuple(key for key, _ in run), sum(cost for _, cost in run))
        for run in itertools.islice(itertools.product(*sounds), 8)
    ]


@lru_cache(maxsize=256)
def _preferred(texts: tuple[str, ...]) -> dict[tuple[str, ...], tuple[float, str]]:
    """Each run of one to four written syllables of the preferred texts, by its sound keys, at
    its cost less :data:`_PREFERRED_BONUS` a sound (a single syllable's, less
    :data:`_PREFERRED_BONUS_ALONE`: a particle still reads as the commonest)."""
    costs = _costs()
    found: dict[tuple[str, ...], tuple[float, str]] = {}
    for text in texts:
        for run in re.findall(r"[\u1000-\u109f]+", text):
            parts = textlib.burmese_syllables(run)
            for start in range(len(parts)):
                for end in range(start + 1, min(len(parts), start + 4) + 1):
                    runs = _runs_of_keys(parts[start:end])
                    if not runs:
                        continue
                    sounds = len(runs[0][0])
                    bonus = _PREFERRED_BONUS if sounds > 1 else _PREFERRED_BONUS_ALONE
                    own = _cost_of(parts[start:end], costs) - bonus * sounds
                    for keys, plain in runs:
                        if keys not in found or own + plain < found[keys][0]:
                            found[keys] = (own + plain, "".join(parts[start:end]))
    return found


@lru_cache(maxsize=4096)
def looks_burmese(text: str) -> bool:
    """Whether ``text`` is Burmese typed in Latin letters: no letter but Latin ones, at least
    :data:`MIN_MARKERS` of chat Burmese's particles as typed (:data:`MARKERS`), a tenth of
    its words such, and more of them than English function words."""
    if any(ch.isalpha() and not ch.isascii() for ch in text):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    found = [w for w in words if w in MARKERS]
    english = sum(w in _ENGLISH for w in words)
    return (
        len(set(found)) >= MIN_MARKERS
        and len(found) >= MARKER_SHARE * len(words)
        and english < len(found)
    )


def as_burmese(text: str, prefer: Iterable[str] = (), initials: Iterable[str] = ()) -> str:
    """``text`` in Burmese script where :func:`looks_burmese`, else as it is; the words of
    ``prefer`` (Burmese texts) are taken first where a typed run may stand for them; a word
    that is one of the ``initials`` (folded: "mah") is written as them, in capitals. Words
    that read as syllables are written together, as Burmese is; any other word (a name, an
    English word, an abbreviation in capitals, a word with a capital inside a sentence: a
    name, "Hong Kong"), number or sign is kept as it is."""
    if not looks_burmese(text):
        return text
    preferred = _preferred(tuple(prefer))
    if initials := frozenset(initials):
        text = re.sub(
            r"[A-Za-z]+", lambda m: m[0].upper() if m[0].lower() in initials else m[0], text
        )
    pieces: list[str] = []
    for clause in _CLAUSE.split(text):
        pieces.append(clause if _english_clause(clause) else _read_clause(clause, preferred))
    return "".join(pieces).strip()


_CLAUSE = re.compile(r"(?<=[.!?;:\n])|(?=[\"“”«»])|(?<=[\"“”«»])")  # a quotation a clause


def _english_clause(clause: str) -> bool:
    """Whether a clause of a message is written in English: more English function words than
    chat Burmese's particles, and at least :data:`MIN_ENGLISH_CLAUSE` of them or none of the
    particles ("They just receive money.")."""
    words = [w.lower() for w in _WORD.findall(clause)]
    english = sum(w in _ENGLISH for w in words)
    markers = sum(w in MARKERS for w in words)
    return english > markers and (english >= MIN_ENGLISH_CLAUSE or not markers)


def _read_clause(text: str, preferred: dict[tuple[str, ...], tuple[float, str]]) -> str:
    """A clause in Burmese script: each run of words that read as syllables decoded together
    (:func:`_decoded`) and written together, as Burmese is, chat's shorthand among them; any
    other word, number or sign as typed."""
    tokens = [t for t in re.split(r"(\s+|[^\sA-Za-z]+)", text) if t]
    words = [i for i, t in enumerate(tokens) if t.isalpha()]
    pieces: list[str] = []
    run: list[str] = []
    burmese = False  # the last piece written is Burmese: a space after it is dropped
    opening = True  # the first word of a sentence, whose capital alone says nothing
    for i, token in enumerate(tokens):
        typed = token.lower()
        if token.isspace() and (run or burmese):
            continue
        if typed in _CHAT_WORDS:
            continue  # "bro", "sis", "lol": no word of the question, nor a name
        if typed in _SHORTHAND or (
            _readable(token) and not _named(token, opening, tokens, words, i)
        ):
            run.extend(_SHORTHAND.get(typed, (typed,)))
            burmese, opening = True, False
            continue
        if run:
            pieces.append(_decoded(run, preferred))
            run = []
        if burmese:
            pieces.append(" ")
        pieces.append(token)
        burmese = False
        opening = (opening and not token.isalpha()) or re.search(r"[.!?\n]", token) is not None
    pieces.append(_decoded(run, preferred))
    return "".join(pieces)


def _named(token: str, opening: bool, tokens: list[str], words: list[int], at: int) -> bool:
    """Whether a typed word is (part of) a name: a capital inside a sentence, or opening one
    before another word with a capital ("Min Aung Hlaing ka…")."""
    if not token[0].isupper():
        return False
    if not opening:
        return True
    after = [tokens[i] for i in words if i > at][:1]
    return bool(after) and after[0][0].isupper()


def _readable(token: str) -> bool:
    """Whether a typed word reads as Burmese syllables: Latin letters, not an abbreviation in
    capitals, syllables end to end, and not a common English word that reads as more than one
    (:func:`english_words`)."""
    if not (token.isascii() and token.isalpha()) or (len(token) > 1 and token.isupper()):
        return False
    # Imported here: the lists' modules also run as scripts (python -m), after the package.
    from knowledge.matching.englishlist import english_words
    from knowledge.matching.propernouns import proper_nouns

    if token.casefold() in proper_nouns() and (
        len(token) >= MIN_PROPER_NOUN or (len(token) > 3 and token[0].isupper())
    ):
        return False  # a name ("Singapore", "Thai"), in small letters too ("yangon")
    token = token.lower()
    syllables = typed_syllables(token)
    if token in english_words() and not any(
        end - start == len(token) for start, end, _ in syllables
    ):
        return False  # an English word, unless it reads as one syllable ("line", "pay")
    return bool(syllables)


# A syllable of a typed word: where it starts and ends, and the sound keys it may stand for.
Piece = tuple[int, int, tuple[str, ...]]


@lru_cache(maxsize=4096)
def typed_syllables(token: str) -> tuple[Piece, ...]:
    """The syllables a typed word may be cut into, every one on some cut of the whole word;
    none where it cannot be cut whole."""
    n = len(token)
    pieces = [
        (start, end, keys)
        for start in range(n)
        for end in range(start + 1, min(n, start + _LONGEST_ONSET + _LONGEST_RHYME) + 1)
        if (keys := latin_keys(token[start:end])) and (start == 0 or keys[0][0] != " ")
    ]  # a syllable without a consonant only opens a word ("akyanphet"; "million" is none)
    reached = {0}
    for start, end, _ in pieces:  # in order of start
        if start in reached:
            reached.add(end)
    if n not in reached:
        return ()
    ending = {n}
    for start, end, _ in reversed(pieces):
        if end in ending:
            ending.add(start)
    return tuple(p for p in pieces if p[0] in reached and p[1] in ending)


_LONGEST_WORD = 4  # syllables
_WORD_BONUS = 2.0  # each sound of a word past its first
_PREFERRED_BONUS = 3.0  # each sound of a run of the preferred texts
_PREFERRED_BONUS_ALONE = 1.0  # a syllable of the preferred texts on its own
_COST_UNSEEN = 12.0  # a syllable neither list writes
_COST_PLAIN = 1.0  # a syllable read with its onset's "h" left out ("tar" for "ထား")
_COST_UNREAD = 20.0  # a syllable no Burmese syllable sounds like, kept as typed


def _decoded(run: list[str], preferred: dict[tuple[str, ...], tuple[float, str]]) -> str:
    """Typed words in Burmese script, cut into the likeliest words: runs of the preferred
    texts, else the list's words, else single syllables (the commonest for each key), each at
    its cost (:func:`_lexicon`); a syllable no Burmese syllable sounds like is kept as typed."""
    syllables, words = _lexicon()
    text = "".join(run)
    edges: dict[int, list[Piece]] = {}
    at = 0
    for token in run:
        for start, end, keys in typed_syllables(token):
            edges.setdefault(at + start, []).append((at + start, at + end, keys))
        at += len(token)
    best: dict[int, tuple[float, tuple[str, ...]]] = {0: (0.0, ())}
    for start in range(len(text)):
        if start not in best:
            continue
        cost, done = best[start]
        paths: list[tuple[int, tuple[tuple[str, ...], ...]]] = [(start, ())]
        while paths:
            at, before = paths.pop()
            for _, end, more in edges.get(at, ()):
                sounds = (*before, more)
                if len(sounds) > _LONGEST_WORD:
                    continue
                paths.append((end, sounds))
                step, word = _word(sounds, preferred, words, syllables)
                if not word and len(sounds) == 1:
                    step, word = _COST_UNREAD, text[at:end]
                if word and (end not in best or cost + step < best[end][0]):
                    best[end] = (cost + step, (*done, word))
    if not text:
        return ""
    return "".join(best[len(text)][1]) if len(text) in best else " ".join(run)


def _word(
    sounds: tuple[tuple[str, ...], ...],
    preferred: dict[tuple[str, ...], tuple[float, str]],
    words: dict[tuple[str, ...], tuple[float, str]],
    syllables: dict[str, tuple[float, str]],
) -> tuple[float, str]:
    """The Burmese word a run of syllables' keys stands for, and its cost; "" where none."""
    choices = list(itertools.islice(itertools.product(*sounds), 16))
    found = [preferred[keys] for keys in choices if keys in preferred]
    found += [words[keys] for keys in choices if keys in words]
    if len(sounds) == 1:
        found += [syllables[key] for (key,) in choices if key in syllables]
    return min(found, default=(0.0, ""))
