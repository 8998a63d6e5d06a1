"""A claim that someone is paid, and a question that does not say so.

Where most of a claim's texts say that someone is paid or works for money ("paid terrorists",
"work for money", "платят", "收钱", "ပိုက်ဆံယူ"), the payment is what the claim asserts; who
they are and what they do is what it takes as given. A question that names no payment in any
word asks something else of them: whether they do what they are said to be paid for ("Are the
protesters in Myanmar carrying out attacks?"), or what they became ("Did the anti-coup
protesters in Burma become terrorists?"). Either shares most of its words with the claim, and
neither is the claim. Words of paying are a closed class, as the stop words and the kinds of
election (:mod:`~knowledge.matching.kinds`) are, in the four languages the bot reads; a
question is read for them as typed, in any form and misspelt ("payed", "плотят", "dengi" for
"деньги").

Burmese is read by sound, syllable by syllable ("ပိုက်ဆန်" is "ပိုက်ဆံ" typed as it sounds),
and typed in Latin letters as Burmese ("pike san yu"); Chinese typed by sound is read as the
claim's words or the class's ("收前" for "收钱": :mod:`~knowledge.matching.homophones`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.matching import homophones
from knowledge.matching import text as textlib
from knowledge.matching.burglish import as_burmese, burmese_key, looks_burmese
from knowledge.matching.englishlist import english_words
from knowledge.matching.wording import WORD, fold, latin, misspelt_of

# English words of paying and of money, as they are written.
_ENGLISH = frozenset(
    """pay pays paid paying payed payment payments payroll paycheck paychecks payout payouts
    money moneys cash funds fund funded funding funder funders salary salaries wage wages
    bribe bribes bribed bribing bribery hire hired hireling hirelings mercenary mercenaries
    sponsor sponsors sponsored bankroll bankrolled bought dollars""".split()  # noqa: SIM905
)
# Russian, by the stems of their forms: paying ("платят", "заплатили", "оплачивают",
# "проплачены"), money ("деньги", "денег"; chat's "бабло", "бабки"), a wage, a fee, funding,
# sponsoring, bribing, hiring ("наёмники") and being bought ("куплены", "продажные").
_RUSSIAN_STEMS = tuple(
    """плат плач заплат проплат оплат оплач проплач выплат деньг денег денежн бабл бабк бабос
    зарплат гонорар финансир спонсир подкуп наемн куплен продажн""".split()  # noqa: SIM905
)
# Words those stems open that are no payment: a platform, a dress, a scarf, a plateau, crying.
_RUSSIAN_NOT = tuple("платформ плать платк плато плакат плачет плачут плачь".split())  # noqa: SIM905
# Whole Russian words of the class, for a misspelt one ("плотят", "денги") and one typed in
# Latin letters ("dengi", "platyat"): in a question too short for translit.as_cyrillic to
# read as Russian (the matcher reads longer ones in Cyrillic before they come here).
_RUSSIAN_WORDS = frozenset(
    """платят платит платили заплатили оплачивают проплачены деньги денег деньгами бабло
    бабки зарплата гонорар финансируют спонсируют подкупили наемники""".split()  # noqa: SIM905
)
# Chinese: money, taking it, buying someone, hiring, a wage, a reward, a bribe, funding, paying,
# a backer; as characters and words, and as words for one typed by sound ("收卖" for "收买").
_CHINESE_WORDS = tuple("收钱 拿钱 收买 雇佣 薪水 报酬 贿赂 资助 付费 金主 买通".split())  # noqa: SIM905
_CHINESE = re.compile("|".join(("钱", "雇", "薪", "酬", "贿", *_CHINESE_WORDS)))
_BURMESE = ("ပိုက်ဆံ", "ငွေ", "ငှား", "လစာ", "လာဘ်")
_SPELT = _ENGLISH | _RUSSIAN_WORDS | frozenset(latin(w) for w in _RUSSIAN_WORDS)


def _paying(word: str) -> bool:
    """Whether a folded ``word`` is one of the class as written."""
    if word in _ENGLISH:
        return True
    russian = word.replace("ё", "е")
    return russian.startswith(_RUSSIAN_STEMS) and not russian.startswith(_RUSSIAN_NOT)


def _in_text(text: str) -> bool:
    """Whether ``text`` holds a word of paying as written, in any of the four languages."""
    folded = fold(text)
    if _CHINESE.search(textlib.normalise(text)) or any(w in text for w in _BURMESE):
        return True
    return any(_paying(w) for w in WORD.findall(folded))


@lru_cache(maxsize=1024)
def says_paid(subject: tuple[str, ...]) -> bool:
    """Whether more than half of a claim's texts (``subject``, at least three) say someone is
    paid, in a word of the class: what the claim asserts of its doers."""
    return len(subject) >= 3 and 2 * sum(map(_in_text, subject)) > len(subject)


def names_payment(question: str, held: tuple[str, ...] = ()) -> bool:
    """Whether ``question`` names a payment: a word of the class as written, or one typed
    otherwise. In letters with case, misspelt by an edit ("mony", "плотят": no English word,
    "here" is no "hire") or Russian typed in Latin letters ("dengi"); Burmese typed in Latin
    letters, read as Burmese (preferring the claim's texts, ``held``: "pike san"); in Burmese,
    a word of the class sounding the same ("ပိုက်ဆန်"); in Chinese, the claim's own word typed
    by sound ("收前")."""
    if _in_text(question):
        return True
    if textlib.has_burmese(question):
        return _sounds_burmese(question)
    if textlib.has_han(question):
        pairs = homophones.corrections(question, held, _CHINESE_WORDS)
        return bool(pairs) and _in_text(homophones.corrected(question, pairs))
    if looks_burmese(question):
        return _in_text(as_burmese(question, [t for t in held if textlib.has_burmese(t)]))
    known = english_words()
    return any(
        len(w) >= 4 and w not in known and misspelt_of(w, _SPELT, edits=1, last_letter=True)
        for w in WORD.findall(fold(question))
    )


@lru_cache(maxsize=1)
def _burmese_sounds() -> tuple[tuple[frozenset[str], ...], ...]:
    """Each Burmese word of the class as the sound keys of its syllables."""
    return tuple(
        tuple(frozenset(burmese_key(s)) for s in textlib.burmese_syllables(word))
        for word in _BURMESE
    )


def _sounds_burmese(question: str) -> bool:
    """Whether a run of the question's Burmese syllables sounds as a word of the class does."""
    asked = [frozenset(burmese_key(s.strip())) for s in textlib.burmese_syllables(question)]
    for word in _burmese_sounds():
        for at in range(len(asked) - len(word) + 1):
            if all(asked[at + i] & keys for i, keys in enumerate(word)):
                return True
    return False


def paid_word(texts: Iterable[str]) -> str | None:
    """The first word of paying of ``texts`` (a claim's phrasing first), as written: what a
    reply says the question does not."""
    for text in texts:
        if found := _CHINESE.search(textlib.normalise(text)):
            return found.group()
        if burmese := next((w for w in _BURMESE if w in text), None):
            return burmese
        for word in WORD.finditer(text):
            if _paying(fold(word.group())):
                return word.group()
    return None
