"""Chinese typed with a character that sounds like the right one: "选举午弊" for "选举舞弊"
(election fraud), "敏昂来" for "敏昂莱" (Min Aung Hlaing), "恐布主义" for "恐怖主义".

Chinese is typed by sound (pinyin): the keyboard offers every character read the same way, and
picking the one beside the right one is the commonest Chinese typo, as a letter off is in
English. A word of the question that no candidate claim holds and no dictionary knows, one
character away from a word a candidate holds, the two characters read alike (any of their
readings, tones aside), is read as that word (:func:`corrections`). The readings are
pypinyin's table of characters; its dictionary of phrases is not loaded (some 45 MB).
Grammar and sound, not topics: nothing here is keyed to a claim.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from knowledge.matching import names as namelib
from knowledge.matching import text as textlib

# The lengths of the words looked at: two characters share too little to tell a typo of a
# word the claim holds from another word, unless the longer the dictionary knows it.
LENGTHS = (4, 3, 2)
_HAN_RUN = re.compile(f"[{textlib.HAN}]+")  # a run of Chinese characters
# Words a Chinese question is wrapped in ("靠谱吗", is it reliable?), typed by sound as often as
# any ("靠普"): read as meant like the candidates' words.
ASKING = ("靠谱", "辟谣", "求证", "查证", "属实", "真假", "谣言", "是真的吗")
# Tone marks (pinyin's four tones); the diaeresis of ü is kept, lü is no lu.
_TONES = frozenset({"\u0300", "\u0301", "\u0304", "\u030c"})


def corrections(
    question: str, held: Iterable[str], names: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """The words of ``question`` typed by sound: (as typed, as meant) pairs, in simplified
    characters, in the order written, none overlapping another. ``held`` are the candidate
    claims' texts, ``names`` the names they hold that no dictionary knows ("敏昂莱"). A word is
    read as another where:

    - no text of ``held`` holds it and jieba's dictionary does not know it ("来说", as for,
      is a word of its own: never read as anything);
    - a word of ``held`` (one the dictionary knows, or one of ``names``) of its length has every
      character but one the same, in the same places;
    - that one character and the question's are read alike (pinyin without tones), and no
      other word of ``held`` fits so: two readings are no reading.

    Longer words are read first ("恐布主义" as "恐怖主义")."""
    question = textlib.simplified(question)
    runs = [(m.start(), m.group()) for m in _HAN_RUN.finditer(question)]
    read = [_read(text) for text in held if textlib.has_han(text)]
    if not runs or not read:
        return []
    held_grams = frozenset().union(*(grams for _, grams in read))
    words = {textlib.simplified(n) for n in (*names, *ASKING)}
    targets = _targets(words.union(*(found for found, _ in read)))
    taken = [False] * len(question)
    found: list[tuple[int, str, str]] = []
    for size in LENGTHS:
        for start, run in runs:
            for i in range(len(run) - size + 1):
                at = start + i
                word = run[i : i + size]
                if any(taken[at : at + size]) or word in held_grams:
                    continue
                meant = _meant(word, targets.get(size, {}))
                if meant is None or namelib.is_word(word):
                    continue
                taken[at : at + size] = [True] * size
                found.append((at, word, meant))
    return [(word, meant) for _, word, meant in sorted(found)]


def corrected(question: str, pairs: Sequence[tuple[str, str]]) -> str:
    """``question`` in simplified characters, each word of ``pairs`` (:func:`corrections`)
    read as meant."""
    question = textlib.simplified(question)
    for word, meant in pairs:
        question = question.replace(word, meant)
    return question


@lru_cache(maxsize=4096)
def _read(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of :data:`LENGTHS` of ``text`` (in simplified characters) that jieba's
    dictionary knows, and every run of its characters of those lengths (kept: the
    candidates' texts come up again)."""
    grams = frozenset(
        run[i : i + size]
        for run in _HAN_RUN.findall(textlib.simplified(text))
        for size in LENGTHS
        for i in range(len(run) - size + 1)
    )
    return frozenset(w for w in grams if namelib.is_word(w)), grams


def _targets(words: Iterable[str]) -> dict[int, dict[tuple[int, str], set[str]]]:
    """The words a typed word may be read as, by length, then by which character is left
    out and what is left: (3, "选举舞"): {"选举舞弊"}."""
    targets: dict[int, dict[tuple[int, str], set[str]]] = {}
    for word in words:
        if len(word) not in LENGTHS or not _HAN_RUN.fullmatch(word):
            continue
        by_gap = targets.setdefault(len(word), {})
        for gap in range(len(word)):
            by_gap.setdefault((gap, word[:gap] + word[gap + 1 :]), set()).add(word)
    return targets


def _meant(word: str, targets: dict[tuple[int, str], set[str]]) -> str | None:
    """The one word of ``targets`` that ``word`` is a character away from, read alike."""
    fits = {
        target
        for gap in range(len(word))
        for target in targets.get((gap, word[:gap] + word[gap + 1 :]), ())
        if target != word and alike(word[gap], target[gap])
    }
    return fits.pop() if len(fits) == 1 else None


def alike(a: str, b: str) -> bool:
    """Whether two Chinese characters share a reading, tones aside ("午" and "舞", wu)."""
    return bool(readings(a) & readings(b))


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin's table gives a character, without tones ("正": zheng)."""
    table = _table()
    found = table.get(ord(char))
    if not found:
        return frozenset()
    return frozenset(_toneless(r) for r in found.split(","))


def _toneless(syllable: str) -> str:
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", syllable) if c not in _TONES)
    )


@cache
def _table() -> dict[int, str]:
    """pypinyin's readings of characters, loaded at the first Chinese question that needs it.
    Its phrases (``PYPINYIN_NO_PHRASES``) are left unread, and its table is not copied
    (``PYPINYIN_NO_DICT_COPY``): 10 MB instead of 55."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "true")
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict
