"""How the bot reads "not": whether a question says the opposite of a claim's wording.

A question worded as a claim's negation ("nobody paid the protesters", "缅甸抗议者没有收钱",
"Протестующим никто не платил") is about that claim, but its verdict must not be read as the
answer to what the question says: the reply notes that the verdict is about the claim as quoted
(:attr:`Match.negation_mismatch <knowledge.matching.result.Match.negation_mismatch>`, set by
:func:`mismatch`), a negated question needs a higher score to be answered, and it is decided
again said positively (:func:`affirmed`). A negation counts only where it bears on what the two
texts share: English and Russian here (a window of words after it, :func:`count`), Burmese by
its negated verbs (:func:`knowledge.matching.pieces.burmese_negation_mismatch`), Chinese by its
negators (:mod:`knowledge.matching.chinese_negation`). Grammar, not topics: nothing here is
keyed to a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from knowledge.matching import chinese_negation, zawgyi
from knowledge.matching import text as textlib
from knowledge.matching.pieces import burmese_negation_mismatch

# Russian negates a verb with "не" (or says "нет", there is none; "без", without), and a
# "никто" (nobody) or "ни" goes with a "не" ("никто не платил", nobody paid): one negation,
# counted by its "не". A question opened by "разве" or "неужели" ("Разве протестующим не
# платят?", aren't the protesters paid?), or by "не … ли", expects that the statement holds,
# as "weren't they…?" does in English: its first negation is none.
_RUSSIAN_COUNTED = frozenset({"не", "нет", "без"})
_RUSSIAN_RHETORICAL = frozenset({"разве", "неужели"})
_ANSWER_WORDS = frozenset({"no", "нет"})  # "No, …", "Нет, …" (:func:`_answers`)
# A negation right after "or" offers the other answer ("yes or no: …", "paid or not paid?",
# "да или нет", "платят или не платят?"): the question asks both ways, and negates neither.
_ALTERNATIVES = frozenset({"or", "или", "либо"})


def mismatch(
    query: str, query_words: set[str], phrasing: str, burmese: bool = False, chinese: bool = False
) -> bool:
    """True when the question and the phrasing differ by a negation about what they share; in
    Burmese, by their negated verbs (:func:`textlib.burmese_negations`), where both are Burmese
    (``burmese``: the question is, as the caller read once for all its candidates); in
    Chinese, by their negators (:mod:`chinese_negation`), where both are Chinese."""
    if burmese and textlib.has_burmese(phrasing):
        return burmese_negation_mismatch(query, phrasing)
    if chinese and textlib.has_han(phrasing):
        return chinese_negation.negation_mismatch(query, phrasing)
    phrasing_words = set(phrasing.split())
    query_count = count(query, scope=phrasing_words)
    phrasing_count = count(phrasing, scope=query_words)
    return query_count % 2 != phrasing_count % 2


def count(normalised: str, scope: set[str] | None = None, content: bool = False) -> int:
    """How many negations a text holds. With ``scope``, only those that bear on it: a negation
    counts when one of the three words after it is in ``scope`` (the other text's words), so
    "X is not safe" against "is X safe" counts, but a "not" in an unrelated clause does not;
    with ``content``, one of the three content words after it (stop words skipped).

    The "not" of a question opened by a negated auxiliary ("don't the protesters cause
    fear?", "wasn't the election rigged?") is no negation: such a question asks whether the
    statement holds, expecting that it does. Russian counts its "не", "нет" and "без" (a
    "никто" goes with a "не"), and the first of them in a question opened by "разве",
    "неужели" or "не … ли" is none, for the same reason. Nor is a "No, …" or "Нет, …" that
    opens a text (:func:`_answers`), nor one right after "or" ("yes or no: …", "или нет"),
    which offers the other answer, nor one right after the asker's Russian "я" ("я не
    помню": :data:`_FIRST_PERSON`). A "никакой" with its "нет" after what it negates
    ("никакого движения нет") is one negation, counted at the "никакой" (:func:`_absences`)."""
    words = normalised.split()
    rhetorical = bool(words) and (
        words[0] in _RUSSIAN_RHETORICAL or (words[0] == "не" and "ли" in words[1:4])
    )
    absent = _absences(words)
    found = 0
    for i, word in enumerate(words):
        if word in _RUSSIAN_COUNTED and rhetorical:
            rhetorical = False  # the question's own "не"
            continue
        if i in absent.values():
            continue  # counted at its "никакого" (:func:`_absences`)
        negating = word in textlib.NEGATIONS or word in _RUSSIAN_COUNTED or i in absent
        if not negating or (i == 1 and words[0] in textlib.AUXILIARIES):
            continue
        if i == 0 and _answers(words):
            continue
        if _FIRST_PERSON & set(words[max(0, i - 2) : i]):
            continue  # the asker's own ("я не прав", I'm wrong; "я не помню")
        if i > 0 and words[i - 1] in _ALTERNATIVES:
            continue
        if scope is None or any(_in_scope(w, scope) for w in _after(words, i, content)):
            found += 1
    return found


# The asker, as "I", in Russian: a negation right after ("я не помню", I don't remember; "я не
# прав", I'm wrong) says something of the asker, not of what the claim says. (Read in English
# too, "i do not know", it gained one rewording and lost an answer of a CLEF small base: not
# kept.)
_FIRST_PERSON = frozenset({"я"})
# "никакой" (no … at all) in its forms: with a "нет" after what it negates ("никакого
# политического движения нет", there is no political movement at all), one negation.
_RUSSIAN_NONE = "никак"
_ABSENCE_SPAN = 4  # words from "никакого" to its "нет", at most


def _absences(words: list[str]) -> dict[int, int]:
    """Where a Russian "никакой" in some form has its "нет" after what it negates, within
    :data:`_ABSENCE_SPAN` words: the index of each "никакой", with its "нет"'s. That "нет"
    negates the words before it, so the negation is counted at the "никакой", whose scope
    is the words after it, as any other's is."""
    found: dict[int, int] = {}
    for i, word in enumerate(words):
        if word.startswith(_RUSSIAN_NONE) and word != _RUSSIAN_NONE:
            after = words[i + 1 : i + 1 + _ABSENCE_SPAN]
            if "нет" in after:
                found[i] = i + 1 + after.index("нет")
    return found


def _answers(words: list[str]) -> bool:
    """Whether a text opens with "no" or "нет" as an answer ("No, the protesters were not
    paid"; "Нет, протестующим не платили"), not as a negation of what follows ("No protesters
    were paid"; "Нет денег"): a function word or another negation follows it, or (Russian,
    where a noun may follow either) a "не" later in the text. Counted, that "no" made the
    statement's own "not" an even second negation: the question read as the claim."""
    if words[0] not in _ANSWER_WORDS or len(words) < 2:
        return False
    follows = words[1]
    if follows in textlib.STOPWORDS or follows in textlib.ALL_NEGATIONS:
        return True
    return words[0] == "нет" and any(w in _RUSSIAN_COUNTED for w in words[1:])


def _after(words: list[str], i: int, content: bool) -> Iterable[str]:
    """The three words after ``words[i]`` — or, where none of those is a content word
    ("nothing to do with election fraud"), the content words of the two after them; with
    ``content``, the three content words."""
    if not content:
        window = words[i + 1 : i + 4]
        if any(w not in textlib.NOT_CONTENT for w in window):
            return window
        return [*window, *(w for w in words[i + 4 : i + 6] if w not in textlib.NOT_CONTENT)]
    rest = islice(words, i + 1, None)
    return islice(
        (w for w in rest if w not in textlib.NOT_CONTENT and w not in textlib.ALL_NEGATIONS), 3
    )


def _in_scope(word: str, scope: set[str]) -> bool:
    """Whether ``word`` is in ``scope``: as it is, or, a word of Cyrillic letters, in another
    of its forms (:func:`textlib.inflected`: "платил", "платят"): Russian inflects nearly every verb
    and noun it negates. English words are compared as they are, as they always were."""
    if word in scope:
        return True
    return textlib.starts_cyrillic(word) and any(textlib.inflected(word, w) for w in scope)


def bears_on(question: str, phrasing: str) -> bool:
    """Whether two normalised texts differ by a negation that bears on what the other says:
    one of the three content words after it is a content word of the other ("nobody is paying
    the protesters" against "the protesters were paid"; not "he knows nothing about economics
    and…" against "…and moving", where the words shared are no content). Burmese and Chinese
    as :func:`mismatch` reads them: their readings already weigh only what is shared."""
    if textlib.has_burmese(question) and textlib.has_burmese(phrasing):
        return burmese_negation_mismatch(question, phrasing)
    if textlib.has_han(question) and textlib.has_han(phrasing):
        return chinese_negation.negation_mismatch(question, phrasing)
    asked = count(question, set(textlib.content_words(phrasing)), content=True)
    said = count(phrasing, set(textlib.content_words(question)), content=True)
    return asked % 2 != said % 2


# For a text said positively: a negated auxiliary, with its apostrophe or without ("don't",
# "dont"), and the negation words.
_NEGATED_AUXILIARY = re.compile(
    r"(?i)\b(" + "|".join(textlib.NEGATED_STEMS) + r")n['’]?t\b|\b(can)not\b"
)
_AUXILIARY_SAID = {"ca": "can", "wo": "will", "ai": "is"}
_NEGATION_WORD = re.compile(r"(?i)\b(?:" + "|".join(sorted(textlib.NEGATIONS)) + r")\b")
# Russian: "не", "нет", "ни", "без", and "никто", "ничего", "никогда", "никакой"…
_RUSSIAN_NEGATION_WORD = re.compile(
    r"(?i)\b(?:не|нет|ни|без|ни(?:кто|кого|кому|кем|ком|что|чего|чему|чем|чём|когда|где|куда|"
    r"откуда|как(?:ой|ая|ое|ие|ого|ому|им|их|ими|ую)?|чей|чья|чьё|чьи|сколько))\b"
)


def affirmed(text: str) -> str:
    """The text said positively: its English negations taken out ("not", "never", "nobody";
    "don't" and "dont" become "do", "can't" "can"), its Russian ("не", "никто"), its Chinese
    (:func:`chinese_negation.affirmed`: "没有收钱" → "收钱"), and its Burmese negated verbs
    said positively (:func:`textlib.without_burmese_negations`), its letter case kept (names
    are read from it). What a question worded as a claim's negation asks about."""
    text = _NEGATED_AUXILIARY.sub(
        lambda m: m.group(2) or _AUXILIARY_SAID.get(m.group(1).lower(), m.group(1)), text
    )
    text = _NEGATION_WORD.sub(" ", text)
    text = _RUSSIAN_NEGATION_WORD.sub(" ", text)
    if textlib.has_han(text):
        text = chinese_negation.affirmed(text)
    if textlib.MY_NOT in text:
        text = textlib.without_burmese_negations(zawgyi.to_unicode(text))  # a Zawgyi text too
    return " ".join(text.split())
