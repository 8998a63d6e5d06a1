"""The claim's doers in another role: feeling the fear the claim says they cause, paying where
it says they are paid.

Where most of a claim's texts speak of fear ("the protesters cause fear", "scaring people",
"сеют страх", "制造恐惧", "ကြောက်အောင် လုပ်"), they say who causes it: the claim's doers. A
question in which those doers are the ones afraid ("Are the protesters in Myanmar afraid of the
army?", "Протестующие боятся армии?", "缅甸抗议者害怕军队吗", "ဆန္ဒပြသူတွေ စစ်တပ်ကို
ကြောက်နေတာလား") asks whether they fear, not whether they frighten. Where most say someone is
paid (:data:`~knowledge.matching.predicates.PAYMENT`), a question in which the doers pay
("Did the protesters fund terrorism?", "Протестующие платят террористам?", "缅甸抗议者出钱资助
恐怖分子吗", "ဆန္ဒပြသူတွေက … ပိုက်ဆံပေးနေတာလား") asks whether they pay, not whether they are
paid. Either shares nearly every word with the claim, and a verdict on it says nothing of it.

Whether a claim speaks of fear or of someone paid is read as other closed classes of words
are (:data:`~knowledge.matching.predicates.FEAR`, :data:`~knowledge.matching.predicates.PAYMENT`);
the words of feeling fear and of paying here are closed classes too, in the four languages.
Who feels or pays is read from grammar: one of the claim's doers before the word, in the same
clause, with nothing between but small words and the places the claim names ("the protesters in
Myanmar are afraid"), not after a preposition of what is feared or who pays ("afraid of the
protesters", "paid by…"); in Chinese, nothing between that makes another feel it or turns the
verb passive ("让民众害怕", "被收买"); in Burmese, the doer not marked as whom it is done to
("…ကို"), nor as the cause ("…ကြောင့်"). A claim one of whose own texts reads so is about that
role, and none is read for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from knowledge.matching import text as textlib
from knowledge.matching.doers import PAYS, RUSSIAN_PAYING_STEMS
from knowledge.matching.predicates import FEAR, PAYMENT, says
from knowledge.matching.saying import RUSSIAN_VERB_ENDING
from knowledge.matching.wording import WORD, any_same, fold, is_stopword, names_one

Kind = Literal["feels", "pays"]


@dataclass(frozen=True, slots=True)
class Role:
    """One of a claim's doers, as a question writes them, in another role than the claim
    gives them (``kind``): feeling fear, or paying; ``word`` is the question's word for it."""

    kind: Kind
    doer: str
    word: str


# Feeling fear. English: an adjective ("afraid"), a participle after a verb of being or
# feeling ("are … scared"; not "scared the locals", who frightened whom), the verb right after
# its doer ("the protesters fear…", not "spread fear"), or living "in fear".
_AFRAID = frozenset({"afraid", "fearful"})
_FRIGHTENED = frozenset({"scared", "frightened", "terrified", "panicked", "intimidated"})
_BEING = frozenset(
    """am is are was were be been being feel feels felt get gets got getting become becomes
    became seem seems seemed look looks looked re""".split()  # noqa: SIM905
)
_FEAR_VERB = frozenset({"fear", "fears", "feared"})
# Russian: fearing ("боятся"), being frightened ("испугались", "напуганы"), living "в страхе";
# "испугали" (frightened someone) is no feeling.
_FEARING_RUSSIAN = re.compile(
    r"^(?:бо(?:юсь|ишься|ится|имся|итесь|ятся|ялся|ялась|ялось|ялись|яться)"
    r"|(?:ис|на|пере)пуга(?:лся|лась|лись|н|ны|на)|опасают(?:ся)?|опасается)$"
)
_FEARING_CHINESE = re.compile("害怕|惧怕|畏惧|恐惧|恐慌|担心|(?<![可恐哪])怕(?!是)")
# Burmese: fear felt, not a noun of it ("အကြောက်", "ကြောက်ရွံ့မှု", "ကြောက်စိတ်") and not
# made ("ကြောက်အောင်", "ကြောက်ရွံ့စေ", "ကြောက်စရာ", frightening), its tone mark left off as
# people type ("ကြောက်ရွံ"), and "…အအောင်" as Burmese typed in Latin letters reads
# ("kyout a aung"), and "…အေင်" as "…အောင်" typed without its "ာ".
_FEARING_BURMESE = re.compile(r"(?<!အ)ကြောက်(?:ရွံ့?|လန့်?)?+(?!\s*(?:အ\s*)?(?:အော?င|စေ|စရာ|မှု|စိတ်))")

# Paying, in the active voice, giving money away too. English: the verb after its doer, or its
# -ing form after a verb of being ("are … paying"); "paid" is left out, as "paid terrorists"
# says who is paid.
_PAYING = PAYS | frozenset(
    """pay paying fund funding funded finance financing financed sponsor sponsoring sponsored
    bankroll bankrolling bankrolled bribe bribing bribed hire hires hiring hired donate
    donates donating donated""".split()  # noqa: SIM905
)
# Russian: the verbs of paying, funding, sponsoring and bribing (doers.RUSSIAN_PAYING_STEMS),
# paying out, hiring and donating, with a verb's ending, so in the active voice ("платят",
# "финансируют", "наняли", "пожертвовали"; "проплачены", "подкуплены" are paid).
_PAYING_RUSSIAN_STEMS = (
    *RUSSIAN_PAYING_STEMS,
    "выплат",
    "нанима",
    "нанял",
    "пожертвова",
    "жертвую",
)
# Russian nouns in the nominative plural, as who does it is named ("протестующие",
# "повстанцы"), not whom it is done to ("протестующим", "протестующих") nor by whom
# ("протестующими").
_RUSSIAN_NOMINATIVE = re.compile(r"(?:ие|ые|[ыи])$")
_RUSSIAN_NOT_NOMINATIVE = re.compile(r"ми$")
# Not in a noun of what someone is: "雇佣兵" (a mercenary, "收钱的雇佣兵": paid, as the claim
# says), "雇员" (an employee), "雇主" (an employer).
_PAYING_CHINESE = re.compile(
    "出钱|付钱|给钱|花钱|掏钱|捐钱|捐款|资助|出资|赞助|雇佣(?!兵)|雇(?![佣员主])|收买|买通|贿赂"
)
_RECEIVING = frozenset(
    """get gets got getting receive receives received receiving take takes took taking accept
    accepts accepted accepting""".split()  # noqa: SIM905
)
# Burmese: giving money, donating it, funding, hiring, bribing, as what the doer does, not as a
# phrase of whom they are ("…ပေးပြီး ငှားထားတဲ့ လူတွေ", people hired with money) nor done to them (…ခံ).
_PAYING_BURMESE = re.compile(
    r"(?:(?:ပိုက်ဆံ|ငွေ(?:ကြေး)?)\s*(?:ပေး|လှူ|ထောက်ပံ့)|ငှား(?:ရမ်း)?|လာဘ်ထိုး)"
    r"(?!\s*(?:ခံ|ပြီး|တဲ့|သော|ထားတဲ့|ထားသော))"
)

# Between the doer and the word: only small words and the claim's places; not another who
# does it or to whom ("…, and people are afraid", "paid by someone who pays…"). Not "that",
# which opens what is said as often as it names another ("is it true that protesters were
# afraid…?").
_ANOTHER = frozenset(
    """by who whom which someone somebody people they them he she we i you those these
    from to for of кто которые они их мы я люди от для за""".split()  # noqa: SIM905
)
# Verbs of being and living, which may stand between a doer and fear ("…protesters live in
# fear"), and adverbs of when ("протестующие … сейчас боятся", the protesters now fear).
_BETWEEN = (
    _BEING
    | {"live", "lives", "living", "lived", "still", "now", "always", "actually"}
    | {"сейчас", "теперь", "всегда"}
)

# Chinese: what makes another feel it, or turns paying into being paid, between the doer and
# the word ("给", to whom, and "把", what is handed, leave the doer paying: "抗议者给恐怖分子
# 出钱").
_CHINESE_BETWEEN = re.compile(
    "让|使|令|叫|被|吓|制造|引起|散布|散播|传播|造成|带来|导致|引发|因为|由于"
)
# Burmese: after the doer, marked as whom it is done to, the cause, whose, or with whom.
# "…ကြောင့" is "because of", its last mark left off as people type it.
_BURMESE_NOT_DOER = re.compile(r"^(?:တွေ|များ|တို့)?\s*(?:ကို|ကြောင့|ရဲ့|၏|နဲ့|နှင့်)")
_BURMESE_CAUSE = "ကြောင့"


def other_role(
    question: str,
    subject: tuple[str, ...],
    doers: Iterable[str],
    places: frozenset[str] = frozenset(),
) -> Role | None:
    """Where most of a claim's texts (``subject``) speak of fear, or of someone paid, and none
    gives its ``doers`` (folded, as the texts write them) the other role: one of them the
    ``question`` has feeling fear, or paying. ``places`` are the names the claim is set in,
    which may stand between the doer and the word ("the protesters in Myanmar…")."""
    doers = frozenset(doers)
    if not doers:
        return None
    readings: tuple[tuple[Kind, Callable[[tuple[str, ...]], bool]], ...] = (
        ("feels", lambda subject: says(FEAR, subject)),
        ("pays", lambda subject: says(PAYMENT, subject)),
    )
    for kind, speaks in readings:
        if not speaks(subject) or _gives_the_role(kind, subject, doers, places):
            continue
        found = _in_role(kind, question, doers, places)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1024)
def _gives_the_role(
    kind: Kind, subject: tuple[str, ...], doers: frozenset[str], places: frozenset[str]
) -> bool:
    """Whether one of a claim's own texts (``subject``) gives its ``doers`` the role ``kind``:
    then the claim is about that role. Remembered: the same claims come up question after
    question."""
    return any(_in_role(kind, text, doers, places) for text in subject)


def _in_role(kind: Kind, text: str, doers: frozenset[str], places: frozenset[str]) -> Role | None:
    if textlib.has_burmese(text):
        pattern = _FEARING_BURMESE if kind == "feels" else _PAYING_BURMESE
        return _burmese(kind, textlib.normalise(text), doers, pattern)
    if textlib.has_han(text):
        pattern = _FEARING_CHINESE if kind == "feels" else _PAYING_CHINESE
        return _chinese(kind, textlib.normalise(text), doers, pattern)
    says = _feeling if kind == "feels" else _paying
    return _spaced(kind, text, doers, places, says)


def _spaced(
    kind: Kind,
    question: str,
    doers: frozenset[str],
    places: frozenset[str],
    says: Callable[[str, list[str], frozenset[str]], bool],
) -> Role | None:
    """English and Russian: a doer of the claim, before a word that ``says`` the role in the
    same clause, with only small words and ``places`` between, not after a preposition of
    whom it is done to or by."""
    for clause in textlib.CLAUSE_MARKS.split(question):
        words = WORD.findall(clause)
        folded = [fold(w).replace("ё", "е") for w in words]
        for at, word in enumerate(folded):
            if not says(word, folded[:at], doers):
                continue
            for before in range(at - 1, -1, -1):
                if _of_doers(folded[before], doers, kind):
                    if before and folded[before - 1] in _ANOTHER:
                        break
                    return Role(kind, words[before], words[at])
                if not _small(folded[before], places):
                    break
    return None


def _small(word: str, places: frozenset[str]) -> bool:
    """Whether ``word`` may stand between a doer and what they do: a small word that names no
    one else, or a place the claim names."""
    return (
        (is_stopword(word) and word not in _ANOTHER) or word in _BETWEEN or names_one(word, places)
    )


def _feeling(word: str, before: list[str], doers: frozenset[str]) -> bool:
    """Whether ``word``, after the words ``before`` it in its clause, says that someone feels
    fear."""
    if word in _AFRAID or _FEARING_RUSSIAN.match(word):
        return True
    if word in _FRIGHTENED:
        return any(w in _BEING for w in before)
    if word in _FEAR_VERB:
        if before and before[-1] == "in":
            return True
        subject = [w for w in before if not is_stopword(w)]
        return bool(subject) and _of_doers(subject[-1], doers, "feels")
    return word == "страхе" and bool(before) and before[-1] == "в"


def _paying(word: str, before: list[str], doers: frozenset[str]) -> bool:
    """Whether ``word``, after the words ``before`` it in its clause, says that someone pays,
    in the active voice."""
    if word.startswith(_PAYING_RUSSIAN_STEMS) and RUSSIAN_VERB_ENDING.search(word):
        return True
    if word not in _PAYING or (before and before[-1] in _RECEIVING):
        return False  # "get funding" is money received
    # "are … paying"; otherwise the verb after its doer, not after a verb of being ("were
    # funded", "got hired").
    return word.endswith("ing") or not any(w in _BEING for w in before)


def _of_doers(word: str, doers: frozenset[str], kind: Kind) -> bool:
    """Whether ``word`` names one of ``doers``; in Russian as who does it (in the nominative:
    "протестующие", not "протестующих", whom one fears, or "протестующим", to whom one pays)."""
    if textlib.letter_script(word) != "cyrillic":
        return any_same(word, doers)
    if not _RUSSIAN_NOMINATIVE.search(word) or _RUSSIAN_NOT_NOMINATIVE.search(word):
        return False
    return any(any_same(word, frozenset({d})) for d in doers) and (
        kind == "pays" or any(word[-2:] == d[-2:] for d in doers)
    )


def _chinese(
    kind: Kind, asked: str, doers: frozenset[str], pattern: re.Pattern[str]
) -> Role | None:
    """Chinese: a doer of the claim, the word after it in the same clause, nothing between
    that makes another feel it or makes the doer whom it is done to ("缅甸抗议者害怕军队吗";
    not "民众害怕抗议者", "抗议者让民众害怕", "抗议者被收买")."""
    for clause in textlib.CLAUSE_MARKS.split(asked):
        for doer in doers:
            at = clause.find(doer)
            if at < 0:
                continue
            after = clause[at + len(doer) :]
            found = pattern.search(after)
            if found is not None and not _CHINESE_BETWEEN.search(after[: found.start()]):
                return Role(kind, doer, found.group())
    return None


def _burmese(
    kind: Kind, asked: str, doers: frozenset[str], pattern: re.Pattern[str]
) -> Role | None:
    """Burmese: a doer of the claim, not marked as whom it is done to, the cause, whose or with
    whom, before the word in the same sentence, no cause between ("ဆန္ဒပြသူတွေ စစ်တပ်ကို
    ကြောက်နေတာလား"; not "ဒေသခံတွေ ဆန္ဒပြသူတွေကို ကြောက်", "ဆန္ဒပြသူတွေက ပြည်သူတွေကို
    ကြောက်အောင်…")."""
    for sentence in re.split(r"[။?!？]", asked):
        for doer in doers:
            at = sentence.find(doer)
            if at < 0:
                continue
            after = sentence[at + len(doer) :]
            if _BURMESE_NOT_DOER.match(after):
                continue
            found = pattern.search(after)
            if found is not None and _BURMESE_CAUSE not in after[: found.start()]:
                return Role(kind, doer, found.group().strip())
    return None
