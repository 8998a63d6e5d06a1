"""Who does what a question asks about: the doer named after a participle and "by" ("paid by
the west"), the payer beside a Russian verb of paying or after money's "from" ("платит
госдеп", "money from the nug"), and the claimant's own side put where the claim has another
doer ("did the junta commit election fraud?" of a claim the junta's leader made). Grammar,
not topics: :mod:`~knowledge.matching.context` reads a doer the claim's subject lacks as a
name the claim lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from knowledge.matching import names as namelib
from knowledge.matching import text as textlib
from knowledge.matching.persons import never_nominative
from knowledge.matching.saying import (
    RUSSIAN_VERB_ENDING,
    is_passing_on,
    is_saying,
    saying_typed,
    speaks_of_saying,
)
from knowledge.matching.wording import (
    WORD,
    any_same,
    echoes,
    fold,
    is_stopword,
    names_one,
    same_name,
)


class ContextView(Protocol):
    """What is read here of a claim's context (a :class:`~knowledge.matching.context.ClaimContext`):
    the names it is about, the words of what its claimant is, and its subject's texts."""

    @property
    def anchors(self) -> frozenset[str]: ...

    @property
    def role_words(self) -> tuple[frozenset[str], ...]: ...

    @property
    def subject_texts(self) -> tuple[str, ...]: ...

    @property
    def first_person(self) -> bool: ...

    @property
    def subject_words(self) -> frozenset[str]: ...

    @property
    def speakers(self) -> frozenset[str]: ...


# A Russian question opening with the word it asks about, then "ли" ("Сеют ли военные
# страх?", do the military sow fear?): that word is no doer.
_ASKED_FIRST = re.compile(r"^\W*(\w+)\s+ли\b", re.IGNORECASE)


def claimants_side(content: list[str], context: ContextView, question: str = "") -> str | None:
    """The first content word of a question (``content``; words of passing a message on,
    names of the claim's anchors taken off, and in Russian the word before "ли" that opens
    ``question``) where it is a word of what the claimant is (:attr:`ContextView.role_words`:
    "junta", "military", "армия") that the claim's subject lacks: who does what the question
    asks about, in a claim that names its claimant's side only as who made it."""
    asked_first = _ASKED_FIRST.match(question)
    for at, word in enumerate(content):
        if leads_in(word, context.anchors):
            continue
        # "Сеют ли военные…": what is asked, before who does it ("Военные ли…" asks of them)
        asked = asked_first is not None and at == 0 and word == fold(asked_first.group(1))
        if asked and not of_claimants_side(word, context):
            continue
        # The state's forces named by two words ("security forces"), where the role names the
        # armed forces: as "soldiers" are (SERVING).
        named = tuple(content[at : at + 2])
        if named in SERVING_NAMED and any(r in FORCES for role in context.role_words for r in role):
            return " ".join(named)
        following = content[at + 1] if at + 1 < len(content) else None
        if word in LEADERS and following and echoes(following, _own_words(context)):
            return None  # a title that says what kind the claim's word is: "general election"
        # A side the subject names only as whom its doer acts on ("Those attacking the
        # military…") is no doer of the claim's ("the myanmar military carries out attacks?").
        return (
            word
            if of_claimants_side(word, context) and not any_same(word, doers_of(context))
            else None
        )
    return None


def _own_words(context: ContextView) -> frozenset[str]:
    """The words of the claim's subject, but its claimant's name."""
    return context.subject_words - context.speakers


def claimant_does(
    question: str, content: list[str], claimant: frozenset[str], context: ContextView
) -> str | None:
    """Who made the claim, opening a question as who does what it asks: its first words of
    content (words of passing a message on and the claim's places before them aside) are
    those naming him (``claimant``: by name, initials or role, folded), and the next is no
    doer of the claim (:func:`doers_of`), where nothing in the question speaks of saying or
    quotes (:func:`speaks_of_saying`, :func:`saying_typed`; quotation marks, a colon, a
    dash): "Did Min Aung Hlaing commit election fraud?", "Мин Аун Хлайн сеет страх?" ask
    about him, not about what he said; "min aung hlaing: protesters paid?", "MAH protesters
    paid?" name who said it. The words naming him, as the question writes them; None
    otherwise."""
    if speaks_of_saying(question) or textlib.QUOTING.search(question):
        return None
    if context.first_person:
        return None  # "We enacted the biggest tax cuts…": he does what his claim says
    if any(saying_typed(w) for w in WORD.findall(fold(question))):
        return None  # "min aung hlaing sayin…", "глава хунты гаварит…"
    at = next((i for i, w in enumerate(content) if not leads_in(w, context.anchors)), None)
    if at is None or content[at] not in claimant:
        return None
    end = at
    while end < len(content) and content[end] in claimant:
        end += 1
    if end == len(content) or any_same(content[end], doers_of(context)):
        return None
    words = content[at:end]
    found = re.search(r"\W+".join(map(re.escape, words)), question, re.IGNORECASE)
    return found.group() if found else " ".join(words)


def in_first_person(texts: Iterable[str]) -> bool:
    """Whether a claim's texts speak in the first person ("We enacted…", "я…", "我们…",
    "ကျွန်တော်တို့…"): then who made the claim is who does what it says, and a question with
    him as the doer may be the same claim."""
    return any(_FIRST_PERSON.search(fold(text)) for text in texts)


_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|i've|we|we're|we've|me|us|my|our|я|мы|меня|нас|мой|моя|мои|наш|наша|наши)\b"
    r"|我|ကျွန်တော်|ကျွန်မ|ကျွန်ုပ်|ကျနော်|ငါ"
)


def of_claimants_side(word: str, context: ContextView) -> bool:
    """Whether ``word`` is a word of what the claimant is (:attr:`ContextView.role_words`), or
    of its kind (:func:`kindred`: "army" for "military"), or names those who serve in the
    armed forces a role names (:data:`SERVING`: "soldiers" of "head of the military")."""
    sides = [r for role in context.role_words for r in role]
    if word in SERVING and any(r in FORCES for r in sides):
        return True
    return any((same_name(word, r) and len(word) >= len(r) - 1) or kindred(word, r) for r in sides)


# Words that name the same part of a claimant's role, in the languages with letter case the
# bot reads: who leads a body ("junta chief" for "junta leader"), and a country's armed forces
# ("army" for "military"). Lexical classes, as the stop words are; nothing keyed to a claim.
LEADERS = frozenset(
    {"leader", "head", "chief", "boss", "commander", "chairman", "chair", "ruler", "general"}
    | {"лидер", "глава", "главы", "главой", "главе", "руководитель", "командующий", "начальник"}
    | {"генерал"}
)
FORCES = frozenset(
    {"military", "army"}
    | {"армия", "армии", "армию", "армией", "военные", "военных", "военным", "военными"}
)
KINDRED = (LEADERS, FORCES)
# Those who serve in a country's armed forces: the forces' own side as who does something
# ("were soldiers paid bonuses to shoot protesters?"), never part of a title ("the soldiers'
# leader" is no commander), so of no kind of KINDRED.
SERVING = frozenset(
    {"soldier", "soldiers", "troops", "servicemen"}
    | {"солдат", "солдаты", "солдатам", "солдатами", "военнослужащие", "военнослужащих"}
    # and the police, the other arm the state's force acts through ("the Myanmar police are
    # paid to carry out attacks?"): a summary may name them as who met the claim's doers
    | {"police", "policemen", "policeman", "cops"}
    | {"полиция", "полиции", "полицию", "полицией", "полицейские", "полицейских"}
    | {"полицейским", "полицейскими", "силовики", "силовиков", "силовикам", "силовиками"}
)

# The same, named by two words: the state's security forces.
SERVING_NAMED = frozenset(
    {("security", "forces"), ("security", "force"), ("силы", "безопасности")}
    | {("силовые", "структуры"), ("силовых", "структур")}
)

# The same two kinds in Burmese, where a title is one word made of them: a word for the armed
# forces ("တပ်", troops; "စစ်", military; "ဗိုလ်", officer; "ကာကွယ်ရေး", defence) before one
# for who leads ("ချုပ်", chief; "ဦးစီးချုပ်", commander-in-chief; "ခေါင်းဆောင်", leader;
# "ဥက္ကဋ္ဌ", chairman), perhaps "great" after them: "တပ်ချုပ်" (the commander-in-chief),
# "ကာကွယ်ရေးဦးစီးချုပ်", "ဗိုလ်ချုပ်မှူးကြီး" (senior general); "ခေါင်း", the head, as said
# ("စစ်ခေါင်းကြီး", the military's big head). Or the commander-in-chief as the title is
# shortened, its first syllable and its last ("ကာချုပ်", of "ကာကွယ်ရေးဦးစီးချုပ်"). Not
# after "ဒု", deputy.
FORCES_MY = ("တပ်မတော်", "စစ်တပ်", "စစ်ကောင်စီ", "ကာကွယ်ရေး", "စစ်", "တပ်", "ဗိုလ်")
LEADERS_MY = ("ခေါင်းဆောင်", "ဦးစီးချုပ်", "ဥက္ကဋ္ဌ", "အကြီးအကဲ", "ချုပ်", "ခေါင်း")
SHORTENED_MY = ("ကာချုပ်",)
_HEAD_OF_FORCES_MY = re.compile(
    "(?<!ဒု)(?:(?:{})+(?:{})|{})(?:မှူးကြီး|မှုးကြီး|ကြီး)?(?!\u103a)".format(
        "|".join(FORCES_MY), "|".join(LEADERS_MY), "|".join(SHORTENED_MY)
    )
)


# What a Burmese question quotes someone with: "say" ("ပြော", "ပြောကြား"), "that" of the
# written language ("…ဟု"), "they say" ("…တဲ့"), "said that" ("…ဆို").
SAYING_MY = (textlib.BURMESE_SAY, "ဟု", "တဲ့", "ဆို")


def burmese_heads_named(question: str, role_names: Iterable[str]) -> list[str]:
    """The Burmese titles of a head of the armed forces (:data:`FORCES_MY`, :data:`LEADERS_MY`)
    that ``question`` (normalised, without spaces) writes, each opening a syllable, where one of
    the claimant's Burmese roles (``role_names``, as :attr:`ContextView.role_words` are in
    English) is such a title ("စစ်ခေါင်းဆောင်", military leader), and the question speaks of
    what was said (:data:`SAYING_MY`): who made the claim, by what he is, as "the army chief
    says…" names him in English."""
    if not any(word in question for word in SAYING_MY):
        return []
    if not any(_HEAD_OF_FORCES_MY.fullmatch(role) for role in role_names):
        return []
    return [
        found.group()
        for found in _HEAD_OF_FORCES_MY.finditer(question)
        if textlib.SYLLABLE_START.match(question, found.start())
    ]


def kin(word: str) -> bool:
    """Whether a folded ``word`` is one of a kind of :data:`KINDRED`: a word for who leads, or
    for the armed forces."""
    return any(word in kind for kind in KINDRED)


# Words of rank written before a title ("Senior General", "Snr Gen", "Vice Senior General").
_RANKS = frozenset({"senior", "snr", "sr", "vice", "deputy", "gen", "chief"})


def title_only(name: str) -> bool:
    """Whether a name read in a question is only words of a title (:data:`KINDRED`'s
    "general", "commander", "leader"…, and the ranks before them: "senior", "gen"), hyphened
    or not ("commander-in-chief"): what someone is, no name ("- Senior General.")."""
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w and not is_stopword(w)]
    return bool(words) and all(kin(w) or w in _RANKS for w in words)


def kindred(word: str, role_word: str) -> bool:
    """Whether a question's ``word`` and ``role_word`` of a claimant's role are two words of
    one kind (:data:`KINDRED`), both folded."""
    return word != role_word and any(word in kind and role_word in kind for kind in KINDRED)


def framing(word: str, anchors: frozenset[str]) -> bool:
    """Whether a word of content says where a claim is set or how it was passed on, not who
    does what: a name of its ``anchors``, a verb of saying, a word of passing a message on."""
    return is_passing_on(word) or is_saying(word) or names_one(word, anchors)


def leads_in(word: str, anchors: frozenset[str]) -> bool:
    """Whether a word of a question's content opens it before who does what: a
    :func:`framing` word, or a negation asking it ("isn't the junta…", "didn't Min Aung
    Hlaing…", "не военные ли…")."""
    return word in textlib.ALL_NEGATIONS or framing(word, anchors)


def doers_of(context: ContextView) -> frozenset[str]:
    return _doers(context.subject_texts, context.anchors)


@lru_cache(maxsize=1024)
def _doers(texts: tuple[str, ...], anchors: frozenset[str]) -> frozenset[str]:
    """Who a claim's subject (``texts``) has doing what it says: the first content word of
    each text (:func:`_openers`), and the doers each names after "by" ("sponsors", of "…paid
    by sponsors")."""
    return _openers(texts, anchors).union(*(agents(text) for text in texts))


def openers_of(context: ContextView) -> frozenset[str]:
    """Whom a claim's texts open with, as who does what they say (:func:`_openers`), not
    those they name after "by": whom the claim says it is done by, to them."""
    return _openers(context.subject_texts, context.anchors)


def spaced_openers_of(context: ContextView) -> frozenset[str]:
    """:func:`openers_of`'s words in scripts written with spaces: a Chinese or Burmese text
    opens with a run of words read as one (the Chinese doers are
    :func:`~knowledge.matching.pieces.chinese_doers`)."""
    return frozenset(w for w in openers_of(context) if not textlib.has_unspaced_script(w))


@lru_cache(maxsize=1024)
def _openers(texts: tuple[str, ...], anchors: frozenset[str]) -> frozenset[str]:
    """The first content word of each text, the names of its anchors and words of passing a
    message on or of saying taken off (:func:`framing`: "protesters"; "attacking", of "Those
    attacking the military…")."""
    found: set[str] = set()
    for text in texts:
        first = next((w for w in _content(text) if not framing(w, anchors)), None)
        if first is not None:
            found.add(first)
    return frozenset(found)


# A claim's texts name who does what they say in their first words of content ("Those who
# directly carry out terrorists attacks work for money": "directly", "carry", "terrorists"):
# so many of each are read as how they name its doer (:func:`doer_words`).
DOER_WORDS = 3


def doer_words(context: ContextView) -> frozenset[str]:
    """The first :data:`DOER_WORDS` words of content of each text of a claim's subject in a
    script with spaces (:func:`framing` words left out): the words naming its doer, or part
    of how its texts name him."""
    return _doer_words(context.subject_texts, context.anchors)


@lru_cache(maxsize=1024)
def _doer_words(texts: tuple[str, ...], anchors: frozenset[str]) -> frozenset[str]:
    found: set[str] = set()
    for text in texts:
        if not textlib.has_unspaced_script(text):
            found.update([w for w in _content(text) if not framing(w, anchors)][:DOER_WORDS])
    return frozenset(found)


def _content(text: str) -> list[str]:
    return textlib.content_words(textlib.normalise(text))


# Past participles that name no doer by their ending, before "by": "paid by", "led by".
_IRREGULAR_PARTICIPLES = frozenset("paid led run made bought sent held brought".split())  # noqa: SIM905
_DETERMINERS = frozenset("the a an some their his her its our your this that these those".split())  # noqa: SIM905
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]—–…\"“”«»]")
_CLAUSE_BREAK_ACROSS_BRACKETS = re.compile(r"[,.;:!?—–…\"“”«»]")


@lru_cache(maxsize=4096)
def agents(question: str) -> tuple[str, ...]:
    """The doers a question names after a past participle and "by" ("paid by the west",
    "funded by western ngos": the last word of what follows in its clause, "west", "ngos"),
    folded. Not after a verb of saying: "as stated by the Commander-in-Chief" names who said
    it, read as a speaker is, not who does what the claim says."""
    found = []
    for clause in _CLAUSE_BREAK.split(textlib.plain(question)):
        words = [fold(w) for w in WORD.findall(clause)]
        for i in range(len(words) - 1):
            participle = words[i].endswith("ed") or words[i] in _IRREGULAR_PARTICIPLES
            participle = participle and not is_saying(words[i])
            doer = _doer(words[i + 2 : i + 6]) if participle and words[i + 1] == "by" else None
            if doer is not None:
                found.append(doer)
    return tuple(found)


# Russian verbs of paying, funding and buying someone, by their stems ("платит", "платят",
# "финансируют", "проплатил", "подкупают"), with a verb's ending (RUSSIAN_VERB_ENDING).
RUSSIAN_PAYING_STEMS = tuple(
    "плат заплат проплат оплач проплач финансир спонсир подкуп".split()  # noqa: SIM905
)


# The endings of a Russian noun or adjective to whom something is given (the dative plural,
# "протестующим", "боевикам"; the dative singular, "ему"): who is paid, not who pays.
_RUSSIAN_DATIVE = re.compile(r"(?:ам|ям|им|ым|ому|ему)$")
# The endings of a Russian noun in the instrumental (feminine, plural): how, or with what, one
# pays ("наличкой", in cash; "деньгами"), after the verb; who pays is its subject.
_RUSSIAN_INSTRUMENTAL = re.compile(r"(?:ой|ей|ами|ями)$")


# Words beside a Russian verb that name no doer: "true", "really", "so", "too", "all", "them".
_RUSSIAN_NO_DOER = frozenset(
    {"правда", "реально", "действительно", "значит", "тоже", "также", "всё", "все", "их"}
)


@lru_cache(maxsize=4096)
def payers(question: str) -> tuple[str, ...]:
    """Who pays: in Russian, a word of content beside a verb of paying that is no word to
    whom one pays ("протестующим в мьянме платит госдеп?", "Запад платит боевикам…":
    "госдеп", "запад"); in English, the word before a verb of paying in the present ("usaid
    funds the people who…": "usaid"); in both languages, whom money comes from ("деньги от
    usaid", "money from the nug"), folded. What the English "paid by the west" names
    (:func:`agents`)."""
    found: list[str] = []
    # Brackets do not end the clause: "правительство национального единства (nug) платит…"
    for clause in _CLAUSE_BREAK_ACROSS_BRACKETS.split(textlib.plain(question)):
        words = [fold(w) for w in WORD.findall(clause)]
        for i, word in enumerate(words):
            if word.startswith(RUSSIAN_PAYING_STEMS) and RUSSIAN_VERB_ENDING.search(word):
                # Not a word after a preposition ("в месяц", a month), nor the means after
                # the verb ("платят наличкой", in cash): who pays is neither.
                governed = i >= 2 and words[i - 2] in textlib.RUSSIAN_PREPOSITIONS
                ahead = [] if governed else words[i - 1 : i]
                behind = [w for w in words[i + 1 : i + 2] if not _RUSSIAN_INSTRUMENTAL.search(w)]
                for near in (ahead, behind):
                    found += [
                        w
                        for w in near
                        if not (textlib.starts_cyrillic(w) and _RUSSIAN_DATIVE.search(w))
                        and not is_stopword(w)
                        and w not in textlib.ALL_NEGATIONS
                        and w not in _RUSSIAN_NO_DOER
                        and not _money(w)  # what is paid: "платят деньги"
                        and not never_nominative(w)  # "платят всем", pay everyone
                        and not w.startswith(RUSSIAN_PAYING_STEMS)
                    ]
            # In English, who pays in the present, before the verb: "usaid funds the people
            # who…", "the west pays them" (the past, "paid", is as often a passive's).
            if word in PAYS and i > 0:
                before = words[i - 1]
                if not is_stopword(before) and before not in textlib.ALL_NEGATIONS:
                    found.append(before)
            # Money from someone: "деньги от usaid", "money from the nug".
            if word in _FROM and i > 0 and _money(words[i - 1]):
                doer = _doer(words[i + 1 : i + 5])
                if doer is not None:
                    found.append(doer)
    return tuple(dict.fromkeys(found))


_FROM = frozenset({"from", "от", "из"})
# English verbs of paying in the present, third person: who pays stands before them
# (roles._PAYING holds their other forms, and hiring and donating).
PAYS = frozenset({"pays", "funds", "finances", "bankrolls", "sponsors", "bribes"})


_MONEY = frozenset({"money", "cash", "funds", "funding", "payments"})


_MONEY_STEMS = ("деньг", "зарплат", "гонорар")  # Russian: money, pay, a fee, in any form


def _money(word: str) -> bool:
    """Whether a folded word is money ("money", "cash", "деньги", "зарплату")."""
    return word in _MONEY or word.startswith(_MONEY_STEMS)


def _doer(after: list[str]) -> str | None:
    """The last word of the noun phrase ``after`` opens (its determiner left out, up to a
    stopword, three words at most): the doer "by" names; None for a stopword ("by anyone")."""
    phrase: list[str] = []
    for word in after:
        if not phrase and word in _DETERMINERS:
            continue
        if is_stopword(word) or word in textlib.ALL_NEGATIONS:
            break
        phrase.append(word)
    if not phrase or len(phrase) > 3:
        return None
    last = phrase[-1]
    # Two letters name a doer only as a body's abbreviation ("by the un", "by the eu").
    return last if len(last) > 2 or last in namelib.ABBREVIATIONS else None
