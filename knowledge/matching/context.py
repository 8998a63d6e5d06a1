"""Is a question about the same thing as a claim? Names and numbers, in any script.

A fact-check is about a claim made in a context: a country, a person, an election, a year. A
question that shares the claim's words but names another place, person or year ("was the 2015
election in Myanmar rigged?", "were Hong Kong's protesters paid?") is not that claim, and must
never get its verdict.

Names are read from letter case, so this works in every script that has case (Latin,
Cyrillic, Greek, ...): a capitalised word inside a sentence, or a short all-capitals word
(``US``, ``NLD``). A capitalised word that starts a sentence is a name when the claim's own
texts also write it capitalised inside a sentence. A word starting a sentence, capitalised or
not, is a name too when a verb of saying follows it and no claim of the base holds it ("Putin
said…": :func:`speakers_named`). Places are read by name, whatever their case and in any language
the bot reads, and compared by region (:mod:`~knowledge.matching.names`: "china" typed in
small letters, "缅甸" for a claim's "Myanmar"), by their abbreviations too ("U.S.", "uk",
"сша"; "美" put where the claim names its place, as Chinese shortens a country). Numbers are
read in any script (Burmese digits are digits; Chinese numerals too): ``၂၀၁၅`` is 2015,
``10,000`` is 10000, ``五千`` 5000.

A claim's context has two parts:

- its **subject**, the claim as checked, its title, aliases and translations: the names there
  are what the claim is about (its *anchors*; numbers are none: many things happened in 2020),
  and its years are the years it is about (when it names none, the year it was made is);
- its **setting**, who made it, where and when, and the summary (translated too): names and
  numbers there are not foreign to the claim, but naming them alone does not make a question
  about it (who made the claim counts, as the speaker); a place only the setting names,
  asked about without what the claim is about or who made it, is another place ("was there
  election fraud in Russia?" against a claim made on Russian television about Myanmar).

:func:`compare` tells, for a question and a claim, which of the question's names and numbers
the claim's context lacks (*foreign*), whether the question names one of its anchors or its
speaker, whether it speaks of something the subject does not, and whether all it shares with
the claim is names; :mod:`~knowledge.matching.decide` turns that into "not this claim". In
scripts without letter case or spaces (Burmese, Chinese) names other than places cannot be
read: there a piece of the question that stands in place of the claim's closest phrasing, and
that none of its texts holds, is what marks another subject (:mod:`~knowledge.matching.pieces`),
unless it is ordinary Chinese words (then it is a word the claim lacks, as an English one
would be).
Nothing here is keyed to particular claims, places or languages; the closed-class words of
English, Russian, Burmese and Chinese (stopwords, the words a question wraps a claim in, verbs
of saying) are grammar, not topics.
"""

from __future__ import annotations

import difflib
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from babel import Locale
from rapidfuzz.distance import Levenshtein

from knowledge.matching import names as namelib
from knowledge.matching import numbers as numlib
from knowledge.matching import predicates
from knowledge.matching import text as textlib
from knowledge.matching.burglish import looks_burmese
from knowledge.matching.causes import another_cause
from knowledge.matching.doers import (
    LEADERS,
    SAYING_MY,
    agents,
    burmese_heads_named,
    claimant_does,
    claimants_side,
    doer_words,
    doers_of,
    framing,
    in_first_person,
    kin,
    kindred,
    of_claimants_side,
    payers,
    spaced_openers_of,
    title_only,
)
from knowledge.matching.englishlist import english_words
from knowledge.matching.kinds import another_election
from knowledge.matching.pieces import (
    HeldWords,
    burmese_claimant_opens,
    burmese_doer,
    burmese_doers,
    chinese_claimant_does,
    chinese_claimants_side,
    chinese_compound_doer,
    chinese_doers,
    chinese_heads_named,
    chinese_held,
    chinese_other_deed,
    chinese_topic_only,
    class_word_put,
    deed_put,
    opening_put,
    read_pieces,
    setting_words,
    shared_syllables,
)
from knowledge.matching.roles import Role, other_role
from knowledge.matching.saying import (
    NO_ONE_NAMED,
    asked_whether_said,
    burmese_initials_named,
    burmese_titles_named,
    forwarded_from,
    hearsay,
    initials_named,
    initials_of,
    is_passing_on,
    is_saying,
    mistyped_name,
    published_by,
    relations,
    said_by,
    seen_on,
    speakers_named,
    speaks_of_it,
    speaks_of_saying,
    spokesperson,
    titles_named,
    whereabouts,
    whereabouts_unspaced,
)
from knowledge.matching.towns import placed_unspaced, town_regions
from knowledge.matching.wording import (
    CLOSED_CLASS,
    NOT_NAMES,
    POSSESSIVE,
    SENTENCE,
    STEM,
    WORD,
    any_same,
    echoes,
    fold,
    is_misspelt,
    is_stopword,
    latin,
    misspelt_of,
    names_one,
    prefixed_form,
    same_name,
    typo_of_any,
)

# An abbreviation written with dots ("U.S.", "u.k", "U.S.A."), quoted as it is written.
_DOTTED = re.compile(r"\b[^\W\d_](?:\.[^\W\d_])+\b\.?")
MAX_ACRONYM = 5  # an all-capitals word this long or shorter is a name (US, NLD, NATO)
# English prefixes that make a word name another thing than the word after them: a
# by-election is no general election, pro-military protesters are no protesters against the
# military, a pre-election poll no election (_prefixed).
PREFIXES = frozenset({"by", "pre", "post", "re", "ex", "pro", "anti", "non", "counter"})
SHORT_QUESTION = 12  # content words: a question, not a forwarded post
SHORT_QUESTION_ADDS = 4  # or content words added to the claim's own: a question about it
_ROLES = re.compile(r"[,;，、၊]")  # between the roles a role text lists
MIN_SHARED_LATIN = 4  # letters of a word in Latin letters a Burmese question shares
MIN_SHARED_SYLLABLES = 2  # Burmese: a run of content this long is a word shared


@lru_cache(maxsize=4096)
def _hyphened(words: frozenset[str]) -> frozenset[str]:
    """The parts of ``words`` written with hyphens ("african", "american" of
    "african-american"): a name a question writes apart is no other name ("African American
    men" is not about the United States where the claim says "African-American men")."""
    return frozenset(part for word in words if "-" in word for part in word.split("-") if part)


# A name of several capitalised words, the small words English writes between them allowed
# ("Immigration and Customs Enforcement", "Bureau of Labor Statistics").
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:and|of|for|the|on)\s+)?[A-Z][a-z]+)+\b")


def _initialisms(text: str) -> list[str]:
    """The initials, folded, of each name of several capitalised words ``text`` writes
    (:data:`_NAME_RUN`), the small words between them left out: "ice"."""
    return [
        "".join(word[0] for word in run.split() if word[0].isupper()).casefold()
        for run in _NAME_RUN.findall(text)
    ]


# Words that put what a question asks about after now, in the bot's languages (a closed
# class, as the stop words are): "will", "going to be", "upcoming", "next"; будет,
# предстоящие, следующие; 即将, 下一, 下届, 会不会; Burmese လာမယ့် ("upcoming") and the
# future endings မယ်, မလား. Not "going to" alone or "coming" ("people going to the polls"),
# "won't" ("a creep who won't leave you alone", a 2020 dev tweet), nor Chinese 将 alone
# (将军, a general).
_LATER = re.compile(
    r"\b(?:will|going to be|gonna|upcoming|forthcoming|next|future|"
    r"будет|будут|будущ\w*|предстоящ\w*|следующ\w*|грядущ\w*)\b|"
    r"即将|将要|将会|下一|下次|下届|未来|会不会|လာမယ့်|မယ်|မယ့်|မလား",
    re.IGNORECASE,
)


_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)  # what was to come, as a claim reports it


def _speaks_of_later(question: str) -> bool:
    """Whether ``question`` speaks of something yet to come (:data:`_LATER`)."""
    return _LATER.search(question) is not None


def _past(subject_years: frozenset[str]) -> bool:
    """Whether a claim names the years it is about and every one has gone by."""
    return bool(subject_years) and max(int(y) for y in subject_years) < date.today().year


def _tail_words(text: str) -> frozenset[str]:
    """The folded words of the name in a tweet's "— Name (@handle) date" tail."""
    if "(@" not in text:
        return frozenset()
    tail = text[len(textlib.without_tweet_tail(text).rstrip()) :]
    name = tail.split("(@", 1)[0]  # the name, not the handle or the date
    return frozenset(fold(m.group()) for m in WORD.finditer(name))


def _as_written(text: str) -> dict[str, str]:
    """The words of ``text``, folded, each with how it is written; an abbreviation written
    with dots under the word it is read as ("us": "U.S.")."""
    written = {fold(m.group()): POSSESSIVE.sub("", m.group()) for m in WORD.finditer(text)}
    if "." in text:
        written |= {fold(m.group().replace(".", "")): m.group() for m in _DOTTED.finditer(text)}
    return written


def _abbreviation(word: str) -> bool:
    """Whether a folded word of two letters (neither a stopword nor an interjection: the
    caller's test) may abbreviate what a question is about ("hk", "ny", "la" typed in small
    letters), not being a negation ("no"). In a short question it is a word the claim may
    lack, as longer ones are."""
    return len(word) == 2 and word.isalpha() and word not in textlib.ALL_NEGATIONS


@dataclass(frozen=True, slots=True)
class Words:
    """A text's words, folded: its names inside sentences (and acronyms), the capitalised
    words that start its sentences, and all its words."""

    names: frozenset[str]
    openers: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=4096)
def read_words(text: str) -> Words:
    names: set[str] = set()
    openers: set[str] = set()
    words: set[str] = set()
    plain = textlib.plain(text)
    letters = [c for c in plain if c.isalpha()]
    # A text in capitals throughout ("BREAKING NEWS") has no acronyms to tell apart, and one
    # in Title Case ("Did the ACLU Issue a Warning?") no names but its acronyms. Title Case
    # is English headlines' (Russian writes its own as sentences): a short Russian question
    # is mostly capitals when it names two things ("Протестующим в Мьянме платит Путин?").
    shouting = sum(c.isupper() for c in letters) > 0.6 * len(letters)
    long_words = [w for w in WORD.findall(plain) if len(w) >= 4 and not textlib.starts_cyrillic(w)]
    titled = len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) > 0.6 * len(
        long_words
    )
    for sentence in SENTENCE.split(plain):
        found = [m.group() for m in WORD.finditer(sentence)]
        for i, word in enumerate(found):
            folded = sys.intern(fold(word))  # one copy across the texts read_words keeps
            words.add(folded)
            if len(word) < 2 or not word[0].isupper() or shouting or folded in NOT_NAMES:
                continue
            if folded in textlib.ALL_NEGATIONS:
                continue  # stressed, not named ("did NOT turn into terrorism", "НЕ платили")
            acronym = _acronym(word, found[i - 1] if i else "", found[i + 1 : i + 2])
            if (is_stopword(folded) or titled) and not acronym:
                continue
            if i == 0 and not acronym:
                openers.add(folded)
            else:
                names.add(folded)
    return Words(frozenset(names), frozenset(openers), frozenset(words))


def _acronym(word: str, before: str, after: list[str]) -> bool:
    """A short word in capitals (US, NLD, NATO) names something, unless it is shouted with
    its neighbours ("NOT REPEALED") or is a common word in capitals ("AND", but two-letter
    words are abbreviations: "the US")."""
    if not (word.isupper() and 2 <= len(word) <= MAX_ACRONYM):
        return False
    if (len(before) > 1 and before.isupper()) or (
        after and len(after[0]) > 1 and after[0].isupper()
    ):
        return False
    return len(word) == 2 or not is_stopword(fold(word))


_LATIN_WORD = re.compile(r"[a-z]+")  # a word in Latin letters, folded, in any script's text

CENTRAL_TEXTS = 3  # texts of a claim's subject in one script before it has central words
MIN_OUTLET = 4  # letters of a name of where a claim was made (ClaimContext.outlets)


def _spelt_otherwise(name: str, question: str, known: frozenset[str]) -> bool:
    """Whether ``name`` is another spelling of a word of a name the claim's context holds: one
    letter from a known word (of three letters or more), beside a word of the same name that is
    known as written ("Мин Аунг Хлайн" where the claim's texts write "Мин Аун Хлайн": names
    are transliterated more than one way). A name one letter from a known word, alone ("Iran"
    against "Iraq"), stays another name."""
    if len(name) < 3 or not any(
        len(word) >= 3 and Levenshtein.distance(name, word, score_cutoff=1) <= 1 for word in known
    ):
        return False
    found = [(fold(m.group()), m.group()) for m in WORD.finditer(textlib.plain(question))]
    for i, (word, _) in enumerate(found):
        if word != name:
            continue
        beside = [found[j] for j in (i - 1, i + 1) if 0 <= j < len(found)]
        if any(
            written[:1].isupper() and folded in known and not is_stopword(folded)
            for folded, written in beside
        ):
            return True
    return False


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What a claim is about (its anchors: the names in its subject) and every word
    and number of its whole context."""

    anchors: frozenset[str]
    openers: frozenset[str]  # capitalised words that start the subject's sentences
    anchor_years: frozenset[str]  # the years of its subject and of when it was made
    subject_years: frozenset[str]  # the years its subject names
    speakers: frozenset[str]
    subject_words: frozenset[str]  # every word of the subject and of who made the claim
    subject_texts: tuple[str, ...]
    words: frozenset[str]
    numbers: frozenset[str]
    setting_texts: tuple[str, ...] = ()
    # Its subject speaks of what was or is to come ("he would stand for the anthem"): it may be
    # asked about in the future tense.
    forward: bool = False
    # Who made it, as the scripts written without spaces write the name ("敏昂莱"), folded
    # and without spaces: a question holding one names who made the claim.
    speaker_names: tuple[str, ...] = ()
    # Who made it, by the first letter of each word of a name of three words or more (Latin
    # or Cyrillic: "mah" of "Min Aung Hlaing") or of each syllable of a Burmese one ("မအလ"),
    # as people shorten such names.
    speaker_initials: frozenset[str] = frozenset()
    scripts: frozenset[str] = frozenset()  # textlib.letter_script of each text of its subject
    subject_numbers: frozenset[str] = frozenset()
    # What the claimant is ("Myanmar junta leader, head of the military"): the words of each
    # role written with spaces that name no anchor ("junta", "leader"; "head", "military"),
    # and the roles written without, folded and without spaces. A question holding two words
    # of one role, or a whole role, names who made it (:attr:`Comparison.speaker`).
    role_words: tuple[frozenset[str], ...] = ()  # one set a role
    role_names: tuple[str, ...] = ()
    # The names a role written with spaces holds that name no anchor ("tatmadaw" of "head of
    # the military, the Tatmadaw"): one is enough to name who made it, as a body's own name.
    role_bodies: frozenset[str] = frozenset()
    # The initials of the names of several capitalised words its texts write ("ice" of
    # "Immigration and Customs Enforcement"): an acronym a question writes for one of them is
    # no other name.
    initialisms: frozenset[str] = frozenset()
    # What the claim is most about, in the scripts with letter case: the words (no names)
    # that more than half of its subject's texts in one script hold, in some form, where it
    # has at least CENTRAL_TEXTS of them ("protesters" in five of the paid check's seven
    # English texts); a claim worded once has none (:func:`_central`).
    central: frozenset[str] = frozenset()
    # Whether its subject's texts speak in the first person ("We enacted…": doers.
    # in_first_person): then who made it does what it says, and a question with him as the
    # doer may be the same claim.
    first_person: bool = False
    # The year and month it was made (its date, when that gives the month: ("2021", 6)): a
    # question citing it so ("Sputnik, June 2021") names no other year (numlib.years_dated).
    said_on: frozenset[tuple[str, int]] = frozenset()
    # Whether its setting names someone who speaks for another by office (a spokesman:
    # saying.spokesperson): then a question naming one may be asking of its claimant.
    names_office: bool = False
    # Where it was made, by its own names: the words of its appearance written capitalised, in
    # Latin letters, that no word list holds as an ordinary word or as a name of a place, a
    # people or a month ("sputnik" of "Interview with Russian state broadcaster Sputnik…"; not
    # "russian", "june", "moscow" nor "conference"). A question naming one places the claim
    # where it was made, as one naming its claimant does (:attr:`Comparison.at_appearance`).
    outlets: frozenset[str] = frozenset()
    # Where it was made, as its texts in Chinese say it, in simplified characters ("…接受俄罗斯
    # 官方媒体卫星通讯社（Sputnik）采访", gave Russia's state news agency Sputnik an interview): a
    # Chinese question's words they hold say where the claim was made, not what it says
    # (pieces.chinese_held). Converted once, with the context.
    made_zh: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        subject: Iterable[str],
        setting: Iterable[str] = (),
        speaker: str | None = None,
        when: str | None = None,
        speaker_elsewhere: Iterable[str] = (),
        roles: Iterable[str] = (),
        appearance: str | None = None,
        appearance_elsewhere: Iterable[str] = (),
    ) -> ClaimContext:
        """``speaker_elsewhere``: who made the claim, as its translations write the name
        ("Мин Аун Хлайн", "敏昂莱", "မင်းအောင်လှိုင်"); ``roles``: what the claimant is, in
        any of the claim's languages ("Myanmar junta leader", "缅甸军政府领导人");
        ``appearance``: where it was made (one of ``setting``), and ``appearance_elsewhere``
        as its translations say it."""
        subject = tuple(subject)
        # A role may list several ("Myanmar junta leader, head of the military"): each is one.
        roles = tuple(part.strip() for r in roles if r for part in _ROLES.split(r) if part.strip())
        subject_words = [read_words(t) for t in subject]
        spoken = [name for name in (speaker, *speaker_elsewhere) if name]
        # The name's words, in the scripts written with spaces: a name in Burmese or Chinese
        # is looked for whole (``speaker_names``); read as words, Burmese falls apart into
        # single letters ("အ", "လ") that any Burmese question holds.
        speaker_words = frozenset().union(
            *(read_words(name).words for name in spoken if not textlib.has_unspaced_script(name))
        )
        setting_texts = [t for t in [*setting, *spoken, *roles, when or ""] if t]
        setting_words = [read_words(t) for t in setting_texts]
        every = subject_words + setting_words
        named = frozenset().union(*(w.names for w in every))
        initialisms = frozenset(
            initials for text in (*subject, *setting_texts) for initials in _initialisms(text)
        )
        # Two-letter abbreviations (US, AR) are too loose to say what a claim is about.
        anchors = frozenset(
            name
            for w in subject_words
            for name in w.names | (w.openers & named)
            if len(name) > 2 and name not in textlib.STOPWORDS
        )
        subject_texts = list(subject)
        subject_years = frozenset().union(*(numlib.years(t) for t in subject_texts))
        subject_numbers = frozenset().union(*(numlib.numbers(t) for t in subject_texts))
        return cls(
            anchors=anchors,
            openers=frozenset().union(*(w.openers for w in subject_words)),
            anchor_years=subject_years | numlib.years(when or ""),
            subject_years=subject_years,
            speakers=speaker_words - textlib.STOPWORDS,
            subject_texts=subject,
            subject_words=frozenset().union(*(w.words for w in subject_words), speaker_words),
            words=frozenset().union(*(w.words for w in every)),
            initialisms=initialisms,
            numbers=subject_numbers.union(*(numlib.numbers(t) for t in setting_texts)),
            setting_texts=tuple(setting_texts),
            forward=any(_speaks_of_later(t) or _WOULD.search(t) for t in subject_texts),
            first_person=in_first_person(subject),
            speaker_names=tuple(
                textlib.normalise(name).replace(" ", "")
                for name in spoken
                if textlib.has_unspaced_script(name)
            ),
            speaker_initials=frozenset(filter(None, map(initials_of, spoken))),
            scripts=frozenset(textlib.letter_script(t) for t in subject),
            subject_numbers=subject_numbers,
            role_words=tuple(
                frozenset(
                    word
                    for word in read_words(role).words
                    if not is_stopword(word) and not any_same(word, anchors)
                )
                for role in roles
                if not textlib.has_unspaced_script(role)
            ),
            role_names=tuple(
                name
                for role in roles
                if textlib.has_unspaced_script(role)
                for name in _placeless(role)
            ),
            role_bodies=frozenset(
                name
                for role in roles
                if not textlib.has_unspaced_script(role)
                for name in read_words(role).names
                if not is_stopword(name)
                and not any_same(name, anchors)
                and not namelib.cased_places(name)  # "Мьянмы": a place, read as one
            ),
            central=_central(subject, subject_words, anchors),
            said_on=numlib.months_said(when),
            names_office=spokesperson(" ".join(setting_texts)) is not None,
            outlets=_outlets(appearance or ""),
            made_zh=tuple(
                textlib.simplified(t)
                for t in (appearance, *appearance_elsewhere)
                if t and textlib.has_han(t)
            ),
        )


def burmese_side(question: str, context: ClaimContext, known: list[str]) -> str | None:
    """A Burmese question's doer (:func:`pieces.burmese_doer`: "စစ်တပ်က…", the army…) that the
    claim's setting names (its summary, who made it) and its subject's texts never do: another
    claim, as the claimant's own side put where the claim has another doer is in English
    (:func:`doers.claimants_side`): "စစ်တပ်က ၂၀၂၀ ရွေးကောက်ပွဲမှာ မဲလိမ်ခဲ့တာလား" (did the army
    commit fraud in the 2020 election?) of the check on the claim that the protests came of
    election fraud, whose summary names the army only as what the UN called on. Not where the
    question speaks of what someone said ("…ပြောတယ်", "…တဲ့"): the side is who said it."""
    doer = burmese_doer(question, known)
    if doer is None or doer not in setting_words(context.setting_texts):
        return None
    joined = [textlib.normalise(t).replace(" ", "") for t in context.subject_texts]
    return None if any(doer in text for text in joined) else doer


def _placeless(role: str) -> tuple[str, ...]:
    """A role in a script without letter case, as a question may name it: whole ("မြန်မာ
    စစ်ကောင်စီ ခေါင်းဆောင်", Myanmar junta leader), and, where its words are written apart,
    without the places it names if two words or more are left ("စစ်ကောင်စီ ခေါင်းဆောင်": a
    question in Burmese is set in Myanmar, as "the junta leader says…" names him in English);
    each normalised, without spaces."""
    normalised = textlib.normalise(role)
    whole = normalised.replace(" ", "")
    places = {name for name, _ in namelib.unspaced_names(normalised)}
    left = [word for word in normalised.split() if word not in places]
    if len(left) >= 2 and len(left) < len(normalised.split()):
        return (whole, "".join(left))
    return (whole,)


def _central(
    subject: tuple[str, ...], read: list[Words], anchors: frozenset[str]
) -> frozenset[str]:
    """:attr:`ClaimContext.central`: of the subject's texts in each script with letter case
    (at least :data:`CENTRAL_TEXTS` of them), the content words, in any form
    (:func:`echoes`), that more than half of them hold; no name or anchor. ``read``: the
    texts' words as :func:`read_words` reads them, in the same order."""
    if len(subject) < CENTRAL_TEXTS:
        return frozenset()  # most claims of an archive: worded once
    by_script: dict[str, list[frozenset[str]]] = {}
    for text, words in zip(subject, read, strict=True):
        if textlib.has_unspaced_script(text):
            continue
        content = frozenset(
            w
            for w in textlib.content_words(textlib.normalise(text))
            if w not in words.names and _what_it_is_about(w, anchors)
        )
        by_script.setdefault(textlib.letter_script(text), []).append(content)
    central: set[str] = set()
    for texts in by_script.values():
        if len(texts) < CENTRAL_TEXTS:
            continue
        for word in frozenset().union(*texts):
            if 2 * sum(echoes(word, words) for words in texts) > len(texts):
                central.add(word)
    return frozenset(central)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a question stands to a claim's context."""

    foreign: tuple[str, ...]  # names and numbers of the question the context lacks
    other_number: bool  # it has a number the context lacks, and lacks one of the subject's
    anchored: bool  # the question names one of the claim's anchors
    speaker: bool  # the question names who made the claim
    has_anchors: bool  # the claim's subject names anything at all
    cased: bool  # the question is written in a script with letter case (names readable)
    extra: bool  # it has words the claim's subject lacks
    short: bool = False  # a question, not a forwarded post (SHORT_QUESTION content words)
    names_only: bool = False  # all it shares with the claim's subject is names
    places_only: bool = False  # all it shares with the claim's subject is places it names
    # In a script without case: a piece the claim lacks that may be a name (pieces.unknown_pieces);
    # in Chinese, the words of such pieces that are no ordinary words ("西方国家")
    unread: bool = False
    unread_names: tuple[str, ...] = ()
    # In a script with letter case: how many of its words the claim's subject holds, in any
    # form ("paid" for "pay", "protest" for "protesters"; None elsewhere)
    echoed: int | None = None
    # In a script with letter case: the question's content words that the claim's whole
    # context lacks in any form, but negations, typos, numbers, verbs of saying and words of
    # passing a message on (textlib.PASSING_ON): each may put another subject in the claim's place
    # ("census" for "election"), which the semantic model reads (Matcher._another_subject).
    unshared: tuple[str, ...] = ()
    # In a short question with letter case: a central word of the claim (ClaimContext.central)
    # that its closest phrasing holds and the question lacks in any form, beside a word of the
    # question that the claim's subject lacks (or anywhere in it, for the phrasing's first
    # central word): (the question's word, the claim's), each pair ("soldiers", "protesters")
    # in "are myanmar soldiers paid terrorists?". In Chinese, the one word put in place of the
    # phrasing's first word of content (pieces.opening_put: "士兵" for "抗议者"). Another
    # doer or deed in the claim's place, or the same in other words: words cannot tell.
    replaced: tuple[tuple[str, str], ...] = ()
    # In Chinese: the word put in place of the phrasing's first word of content beside other
    # words the claim lacks (pieces.opening_put, not alone: "士兵…散布" for
    # "抗议者…制造"). Another doer, or a freer rewording ("示威者…散布"): only the semantic
    # model reads it (Matcher._reworded); by words it decides nothing.
    loosely_replaced: tuple[tuple[str, str], ...] = ()
    # A short question asking for a fact (who won, what happened, when, how many:
    # :func:`_asks_open`), not whether a statement holds: no check answers it.
    asks_open: bool = False
    # Of :attr:`foreign`, the words of what the claimant is put as who did it ("did the junta
    # commit election fraud?", "paid by the military?"): the claim names them, as who made it
    # or whom its doers act on, never as its doer.
    sides: tuple[str, ...] = ()
    # One of :attr:`sides` in the short question a longer message opens with ("Сеют ли
    # военные Мьянмы страх…? Ночные аресты…"): asked of that side, as a short question is.
    side_asked: bool = False
    # Where :attr:`replaced` (or :attr:`loosely_replaced`) has pairs: the closest phrasing's
    # first central word, most often who does what the claim says ("protesters" of "Myanmar
    # protesters are paid terrorists"; see :attr:`opening_replaced`).
    opening: str | None = None
    # A name the claim's context lacks, written as who says something ("Junta spokesman Zaw
    # Min Tun says…", "Шойгу заявил…"): another person's claim, in a post of any length
    # (:func:`saying.said_by`).
    another_speaker: bool = False
    # Whom the question asks whether they said something, as written, where that is not who
    # made the claim ("Did Myanmar's election commission say…": "Myanmar's election
    # commission"); empty where it asks no such thing.
    asked_speaker: str = ""
    # Someone the question has speak for another by office, as written ("spokesman",
    # "发言人": saying.spokesperson), where the claim's context names no such office: another
    # person's claim (:attr:`another_speaker`), unless the question names the claimant too.
    spokesperson: str = ""
    # Foreign numbers as the question writes them, where that differs ("11000000": "11
    # million"): what a reply quotes back.
    numbers_written: tuple[tuple[str, str], ...] = ()
    # In Burmese: the most whole syllables of content it shares in one run with the claim's
    # texts (pieces.shared_syllables; None elsewhere)
    syllables_shared: int | None = None
    # In Burmese: the same, once the places it names that the claim's context knows are taken
    # out of the question ("ရန်ကုန်", Yangon): what it shares beyond where the claim is set
    syllables_beyond_places: int | None = None
    # Written in the language of the one country where it is official, and the claim is about
    # that country (names.sole_country: Burmese, and a claim about Myanmar): set there, as an
    # English question naming Myanmar is, unless it names another place (:attr:`foreign`).
    in_places_language: bool = False
    # It names where the claim was made, by that place's own name (ClaimContext.outlets:
    # "…is that what he told Sputnik?"): it places the claim there, as naming its claimant does.
    at_appearance: bool = False
    # A cause the question gives that the claim does not ("…because they wanted revenge?",
    # "…из-за мести?", "…因为报复…"), as written (knowledge.matching.causes): another claim.
    other_cause: str | None = None
    # In a script with letter case: the question asks (a question mark) and holds, in any
    # form, a central word of the claim beyond its closest phrasing's first one (what the claim
    # says of whom it is about: "paid" in "myanmar protesters paid??"), or a word of a class
    # of deeds the claim's texts hold ("платят", they are paid, where the Russian texts say
    # "деньги", money), so that even in three words it asks whether the claim holds, and
    # names no mere topic ("Myanmar 2020 election", "Myanmar election fraud": what a search
    # is typed as).
    states_claim: bool = False
    # Where most of the claim's texts assert in a closed class of words that someone is paid
    # ("paid terrorists", "work for money") or an election rigged ("election fraud",
    # "stolen"), and the question names none of the class in any word, as typed
    # (knowledge.matching.predicates): the class and the claim's word of it in the
    # question's script (("payment", "paid"), ("fraud", "舞弊")). The question asks something
    # else: whether they do what they are said to be paid for ("Are the protesters in Myanmar
    # carrying out attacks?"), or whether people voted ("Did people in Myanmar vote in the
    # 2020 election?").
    unnamed: tuple[str, str] | None = None
    # The reverse, in a short question: it names a payment in a word, as written, that none of
    # the claim's texts holds ("Were Myanmar's election officials paid to commit fraud?"
    # against the election-fraud check; "…foreign embassies were paying the protesters to
    # bring about an international intervention?" against the check of the protests becoming
    # terrorism, whose texts say the opposition wants a foreign intervention): the class and
    # the question's word of it (("payment", "paid")). Whatever else it shares, it says what
    # the claim does not: another claim.
    added: tuple[str, str] | None = None
    # In a short question with letter case: it names what the claim is about as the closest
    # phrasing does, and says nothing of it, neither the claim's words nor new ones ("Was there
    # an election in Myanmar in 2020?" against "Was there election fraud in Myanmar?"): a
    # topic, which no verdict answers (:func:`_topic_only`; in Chinese,
    # pieces.chinese_topic_only).
    topic_only: bool = False
    # One of the claim's doers, as the question writes them, in another role than the claim
    # gives them: feeling the fear it says they cause ("Are the protesters in Myanmar afraid
    # of the army?"), paying where it says they are paid ("Did the protesters fund
    # terrorism?"): another claim (knowledge.matching.roles).
    other_role: Role | None = None
    # In Chinese: the question's words of content the claim's Chinese texts hold, and those
    # they do not (pieces.chinese_held): what decides a question the characters score low
    # (decide.held_in_words). None in other scripts.
    held_words: HeldWords | None = None
    # The pair of :attr:`replaced` that puts another deed where the claim says what its
    # doers do: in Chinese, who and whom alone in the claim's words (pieces.chinese_other_deed:
    # ("保护", "恐惧"), protect for fear); in letters with case, a short question's word in
    # place of the claim's word of a class of deeds, naming none the claim holds (("кормят",
    # "страх"), feed for fear). The semantic model reads such a question as near the claim
    # as its rewordings: only :attr:`other_deed` keeps it from answering.
    deed_pair: tuple[str, str] | None = None

    @property
    def other_deed(self) -> bool:
        """The question puts another deed where the claim says what its doers do
        (:attr:`deed_pair`), and the pair stands (the semantic model did not read the two
        words as one: matcher.Matcher._reworded)."""
        return self.deed_pair is not None and self.deed_pair in self.replaced

    @property
    def setting_only(self) -> bool:
        """The question says something the claim does not, and shares with it nothing but
        the places it is set in, not who made it: "Is the internet down in Myanmar?"
        against the election-fraud check, a Burmese "floods in Bago: is the Yangon–Mandalay
        road closed?" against the protests'. Nothing it says is the claim's: no suggestion."""
        if not self.extra or self.speaker:
            return False
        if self.syllables_beyond_places is not None:
            return self.syllables_beyond_places < MIN_SHARED_SYLLABLES
        return self.places_only

    @property
    def shares_no_word(self) -> bool:
        """A Burmese question sharing less than a word of content with the claim (fewer than
        :data:`MIN_SHARED_SYLLABLES`): what it has in common is particles and letters."""
        return self.syllables_shared is not None and self.syllables_shared < MIN_SHARED_SYLLABLES

    @property
    def opening_replaced(self) -> bool:
        """A word of the question stands where the claim's closest phrasing has its first
        central word (:attr:`opening`): in place of who does what the claim says, most often
        ("Полиция" for "Протестующие"), not of what they do or how it is said."""
        return self.opening is not None and any(c == self.opening for _, c in self.replaced)

    @property
    def foreign_as_written(self) -> tuple[str, ...]:
        """What a reply says differs: the :attr:`foreign` names and years, and the other
        foreign numbers where they make a short question another claim (:attr:`other_number`:
        "paid 5,000 kyat?"), as the question writes them. A long post's other numbers (a
        screenshot's "3 h", a count) decide nothing, and are not quoted back."""
        written = dict(self.numbers_written)
        return tuple(written.get(f, f) for f in self.foreign if self._quoted(f))

    def _quoted(self, foreign: str) -> bool:
        if not foreign.isdecimal() or numlib.is_year(foreign):
            return True  # a name, or a year
        return self.other_number and self.short and len(foreign) >= 2

    @property
    def unrelated(self) -> bool:
        """The question names something else, and nothing that the claim (which names what
        it is about) is about, or puts another year where the claim has one: not this
        claim."""
        named = any(not f.isdecimal() for f in self.foreign)
        if self.another_speaker and not self.speaker:
            # Someone else says it, and the question does not say that the claim's own
            # speaker did: another person's claim, however long the post.
            return True
        if self.short and named and self.has_anchors:
            # A question (not a long post) naming someone or something the claim's context
            # lacks is another claim ("paid by the CIA"), even beside the claim's own names.
            return True
        if self.side_asked:
            return True  # the claimant's side, as who does what a message opens by asking
        return self.other_number or (named and self.has_anchors and not self.anchored)

    @property
    def unanchored(self) -> bool:
        """The claim is about someone or somewhere the question does not name, and the
        question speaks of something the claim does not ("were the protesters in Georgia
        paid?" against a claim about Myanmar's)."""
        if not self.cased and self.unread:
            # A piece the claim lacks that may be a name is enough, even beside the claim's
            # place: the names read there (knowledge.matching.names) are never all of them
            # ("万斯说…", Vance says, is in no list of places).
            return True
        if self.other_cause is not None:
            return True  # what caused it, said otherwise than the claim: not the claim
        return (
            self.has_anchors
            and self.extra
            and not (self.anchored or self.speaker or self.in_places_language or self.at_appearance)
        )


# Where a sentence ends: a full stop, a question or exclamation mark (and the ellipsis) before a
# space, or a line's end; in Chinese and Burmese their marks ("。", "？", "။"), spaces or not.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？။])\s*|\n+")
STORY_SENTENCES = 3  # a message of this many sentences or more may tell a story around its question
# A word pointing back to a place named before ("there", "там", "那里", "ဟိုမှာ"): where it
# stands in what a message asks, the place may be in the story ("My cousin lives in Hong Kong.
# She told me about the protests there…"). Not English's "there is", "there were".
POINTS_BACK = re.compile(
    r"\bthere\b(?!\s*(?:is|are|was|were|['’]s|has|have|had|will|would|may|might|must|seems?)\b)"
    r"|\bover there\b|(?<!\w)(?:там|туда|оттуда|тамошн\w*)(?!\w)"
    r"|那里|那裡|那边|那邊|那儿|那兒|ဟိုမှာ|အဲဒီမှာ|ဟိုဘက်",
    re.IGNORECASE,
)


def compare_in_scope(
    question: str, context: ClaimContext, phrasing: str = "", unknown: frozenset[str] = frozenset()
) -> Comparison:
    """:func:`compare`, and where a message of :data:`STORY_SENTENCES` or more that names what
    the claim is about or who made it (or is written in its place's language) names something
    the claim's context lacks (:attr:`Comparison.foreign`, or in Burmese and Chinese a piece
    that may be a name), the same read in its sentences that speak of the claim
    (:func:`_speaks_of_claim`): the rest is the asker's own story ("I run a small grocery in
    Jersey City and a lot of my customers are Burmese. …the fighters blowing things up only do
    it because someone pays them… It isn't true that they're just paid, is it?"). Not where
    those sentences point back to a place (:data:`POINTS_BACK`: "the protesters there"), which
    the story may name. That reading stands where it names fewer such things and names what
    the claim is about, or who made it, wherever the whole message does: a story drops nothing
    the question needs."""
    whole = compare(question, context, phrasing, unknown)
    named = whole.anchored or whole.speaker or whole.in_places_language
    if not (whole.foreign or whole.unread) or not named:
        return whole
    names = [n for n in (*context.speaker_names, *context.role_names) if n]
    content = context.subject_words - context.anchors - context.speakers
    joiner = "" if textlib.has_han(question) else " "
    compared = _without_comparisons(question, context, names, content)
    if compared is not None:
        # The clauses left must name where the claim is set, not only who made it: "тайские
        # военные говорят то же, что Мин Аун Хлайн…" (the Thai military say the same as Min
        # Aung Hlaing) compares its subject with him.
        scoped = compare(joiner.join(compared), context, phrasing, unknown)
        whole = _scoped(whole, scoped) if scoped.anchored else whole
        if not (whole.foreign or whole.unread):
            return whole
    sentences = [s for s in SENTENCE_END.split(question.strip()) if s.strip()]
    if len(sentences) < STORY_SENTENCES:
        return whole
    told = [s for s in sentences if _speaks_of_claim(s, context, names, content)]
    if not told or len(told) == len(sentences) or any(POINTS_BACK.search(s) for s in told):
        return whole
    return _scoped(whole, compare(joiner.join(told), context, phrasing, unknown))


def _scoped(whole: Comparison, scoped: Comparison) -> Comparison:
    """``whole``, with only the names it and ``scoped`` (the same read in part of the message)
    both find the context lacks, where the part names what the claim is about, or who made
    it, wherever the whole message does, and names fewer such things: every other reading is
    the whole message's."""
    kept = (scoped.anchored or not whole.anchored) and (scoped.speaker or not whole.speaker)
    fewer = len(scoped.foreign) < len(whole.foreign) or (whole.unread and not scoped.unread)
    if not (kept and fewer):
        return whole
    # Only the names are the sentences' own: every other reading is the whole message's.
    return replace(
        whole,
        foreign=tuple(f for f in whole.foreign if f in scoped.foreign),
        unread=whole.unread and scoped.unread,
        unread_names=tuple(n for n in whole.unread_names if n in scoped.unread_names),
    )


# What sets a sentence or a clause beside the claim as a comparison: what another country,
# leader or time is like, the same, similar, or also said ("Same script as Belarus 2020 — …",
# "like they said about hong kong, …", "у нас после Болотной тоже…", "跟白俄罗斯2020一个剧本",
# "ဟောင်ကောင်ကို ပေကျင်းက ပြောသလိုပဲ၊ …"), and "again", "the usual" (the same story again).
# Chinese "像" (like) only opening a clause, and "好像" (alike) only after "跟" (with): they
# are in many words ("形象", image; "好像", it seems).
COMPARING = re.compile(
    r"\b(?:like|unlike|same|similar|similarly|too|also|again|usual)\b"
    r"|(?<!\w)(?:тоже|также|как|тот же|та же|то же|тем же|опять|снова)(?!\w)"
    r"|一样|一樣|同样|同樣|差不多|类似|類似|相似|相同|套路|调调|調調|剧本|劇本|那套|那样|那樣"
    r"|也|又是|似的"
    r"|^(?:跟|和|同|与|與).*好像|^(?:就|感觉|感覺)?像"
    r"|လိုပဲ|လိုမျိုး|သလို|လည်း|ကလို|မှာလို",
    re.IGNORECASE,
)
# What opens a clause that completes the one before it, or says who or which: "that",
# "which", "who"; "что", "чтобы", "будто".
COMPLEMENT = re.compile(r"(?:that|что|чтобы|будто|which|who)\b", re.IGNORECASE)
# Where a message's clauses end: the marks between clauses and sentences, in each script.
CLAUSE_END = re.compile(r"(?<=[,;:—–，；：、၊])\s*|(?<=[.!?…])\s+|(?<=[。！？။])\s*|\n+")


def _without_comparisons(
    question: str, context: ClaimContext, names: list[str], content: frozenset[str]
) -> list[str] | None:
    """The clauses of a message that set nothing beside the claim as a comparison
    (:data:`COMPARING`), where some do and do not ask (no question mark: the clause that asks
    is the question, whatever it compares), and one left says something of the claim in its
    words, not only where it is set (:func:`_speaks_of_claim`): "Same script as Belarus 2020 —
    was Myanmar's 2020 election really rigged?" asks of Myanmar's. None where no clause is
    such an aside, or every one is. Where the clause left names only the claim's place, the
    comparison is the question ("香港的示威者也是收钱的，跟缅甸一样吗？"): none."""
    clauses = [c for c in CLAUSE_END.split(question.strip()) if c.strip()]
    # Nor is a clause an aside that what follows completes ("…говорят то же, что …", they say
    # the same as …; "…say the same thing that …"): it is the sentence's own.
    completed = [bool(COMPLEMENT.match(c)) for c in clauses[1:]] + [False]
    asides = [
        bool(COMPARING.search(c)) and not c.rstrip().endswith(("?", "？")) and not done
        for c, done in zip(clauses, completed, strict=True)
    ]
    if not any(asides) or all(asides):
        return None
    left = [c for c, aside in zip(clauses, asides, strict=True) if not aside]
    if not any(_speaks_of_claim(c, context, names, content, asking=False) for c in left):
        return None
    return left


def _speaks_of_claim(
    sentence: str,
    context: ClaimContext,
    names: list[str],
    content: frozenset[str],
    asking: bool = True,
) -> bool:
    """Whether a sentence of a message speaks of the claim: it asks (a question mark), or
    shares a word of content with it, not its names (in Burmese a run of
    :data:`MIN_SHARED_SYLLABLES`, in Chinese a word :func:`chinese_held` reads as the
    claim's). A sentence that only names where the claim is set ("She follows the news from
    Myanmar") may be the story's. ``names``: who made it and what he is, as the context's
    scripts write them; ``content``: the claim's words but its names, read once a message.
    Not ``asking``: by its words only."""
    if asking and sentence.rstrip().endswith(("?", "？")):
        return True
    if textlib.has_burmese(sentence) and (
        shared_syllables(sentence, context.subject_texts, names) >= MIN_SHARED_SYLLABLES
    ):
        return True
    if textlib.has_han(sentence) and not textlib.has_burmese(sentence):
        held = chinese_held(
            sentence, context.subject_texts, names, context.role_names, context.made_zh
        )
        if held is not None and held.held:
            return True
    # And in any script, a word written in letters with case ("protests" in Burmese typed in
    # Latin letters, or beside Burmese).
    return any(
        echoes(w, content) for w in read_words(sentence).words if len(w) > 2 and not is_stopword(w)
    )


def compare(
    question: str, context: ClaimContext, phrasing: str = "", unknown: frozenset[str] = frozenset()
) -> Comparison:
    """How ``question`` stands to a claim's ``context``; ``phrasing`` is the claim's phrasing
    closest to it (for scripts without letter case or spaces, see
    :func:`~knowledge.matching.pieces.unknown_pieces`); ``unknown``, the question's words that
    no claim of the base holds."""
    asked = read_words(question)
    written_numbers = numlib.numbers_written(question)  # numbers, with how each is written
    # A day beside the month the claim was made in is a date ("24 июн", as a screenshot of a
    # post shows when it was posted), and a person's age and a bet's stake are the asker's
    # story ("my son, 18 years old", "дедушка в 80 лет", "bet my friend 100 baht"): no number
    # of what it is about.
    asked_numbers = (
        (frozenset(written_numbers) | numlib.han_numbers(question))
        - numlib.days_dated(question, context.said_on)
        - numlib.ages(question)
        - numlib.stakes(question)
    )
    foreign = [n for n in sorted(asked_numbers) if n not in context.numbers]
    sides: list[str] = []  # the claimant's own side as who did it (Comparison.sides)
    side_asked = False
    written = _as_written(question)
    # Whom a post is addressed to or mentions (@handles) may name what the claim is about,
    # but is no other subject: foreign names are read without them.
    named = read_words(textlib.without_handles(question)).names if "@" in question else asked.names
    # A word opening a sentence is a speaker, so a name, when a verb of saying follows it
    # and no claim of the base holds it ("Putin said…", "путин сказал…", capitalised or not).
    # Alone it is not: tweets open with words a small base lacks ("Remember", "Fury").
    # A word for who leads or for the armed forces there is no one's name ("генерал говорит…",
    # the general says): it names what someone is, as the claimant's role does (below).
    if unknown:
        named = named | {w for w in speakers_named(question, unknown, context.words) if not kin(w)}
    named = (named | _small_names(question)) - seen_on(question) - forwarded_from(question)
    # Who made the claim by initials ("MAH says…"), and the title written before the name
    # ("Senior General Min Aung Hlaing"): no other names.
    initials = initials_named(question, context.speaker_initials)
    named -= initials | titles_named(question, context.speakers)
    # A rank or a title written capitalised without a name ("- Senior General.", "according
    # to Myanmar's Commander-in-Chief"): what someone is, as "the general" is, no name.
    named = frozenset(n for n in named if not title_only(n))
    unspaced = textlib.has_unspaced_script(question)
    places: Mapping[str, str] = {}
    place_anchor = False
    settings: frozenset[str] = frozenset()  # the words naming places the claim is set in
    if not unspaced:
        places, named, place_anchor, settings = _read_places(question, context, named)
    # Where the writer, or someone he knows, is or comes from: his setting, no subject.
    writers = whereabouts(question, named)
    if unspaced:
        places_read = (*_unspaced_places(question), *_unspaced_towns(question))
        read = frozenset((*named, *(name for name, _ in places_read)))
        writers |= whereabouts_unspaced(question, read)
    named -= writers
    # The site a link is on, as its preview names it ("… | The Irrawaddy" beside
    # irrawaddy.com): where it was published, no subject; but a place is read as one.
    named -= published_by(question) - set(places)
    foreign += [
        written.get(name, name)
        for name in sorted(named)
        if not (
            (
                _names_place(places[name], context)
                if name in places
                else any_same(_date_word(name), context.words)
                or _spelt_otherwise(name, question, context.words)
                or any_same(latin(name), context.words)
                or name in context.initialisms
            )
            or name in _hyphened(context.words)  # "African American", "African-American"
        )
    ]
    # Who posted a tweet ("— Barack Obama (@BarackObama)") is no foreign name, but may be
    # the claim's subject or speaker.
    mentioned = asked.names | asked.openers | asked.words | _tail_words(question)
    mentioned |= {latin(w) for w in mentioned if textlib.starts_cyrillic(w)}
    # Numbers are no anchors: many things happened in 2020.
    anchored = place_anchor or any(names_one(word, context.anchors) for word in mentioned)
    at_appearance = bool(context.outlets) and any(
        names_one(word, context.outlets) for word in mentioned
    )
    # Two words of a name of several ("Aung Hlaing said…"): one is shared by many names
    # ("aung san suu kyi", typed in small letters, is no Min Aung Hlaing).
    named_speaker = {s for s in context.speakers if any(same_name(w, s, 1) for w in mentioned)}
    speaker = len(named_speaker) >= min(2, len(context.speakers)) > 0 or bool(initials)
    # Or by what the claimant is: two words of one role that name no place ("the junta leader
    # says…" for "Myanmar junta leader"; not one word of each of two roles); one ("the junta",
    # "the president") fits too many, but for a name the role holds, the body they lead ("the
    # Tatmadaw says…"). Any word for who leads, or for the armed forces, is the role's own
    # (doers.KINDRED: "the junta chief says…", "the military leader says…" for "head of the
    # military"), where the question speaks of what was said: "the military leader" of
    # another country, saluted, is no one who said anything.
    says = bool(context.role_words) and speaks_of_saying(question)
    by_role: set[str] = set()  # the question's words naming who made the claim by his role
    for role in context.role_words:
        named_role = {r for r in role if any(same_name(w, r) for w in mentioned)}
        if says:
            named_role |= {r for r in role if any(kindred(w, r) for w in mentioned)}
        if (
            (len(named_role) >= 2 and _named_together(question, named_role, says))
            or named_role & context.role_bodies
            or (says and _placed_role(question, named_role, context.anchors))
        ):
            speaker = True
            by_role |= {
                w
                for w in mentioned
                if any(same_name(w, r) or (says and kindred(w, r)) for r in role)
            }
    if by_role:
        # "the army chief says…": the words naming him by what he is are no other speaker
        # (saying.speakers_named reads words before a verb of saying as a name).
        foreign = [f for f in foreign if fold(f) not in by_role]
    # Who made the claim, named as a script without spaces writes the name ("敏昂莱说…"): looked
    # for only in a question in such a script (the names are kept only in those scripts).
    spoken: list[str] = []
    if unspaced and (context.speaker_names or context.role_names):
        joined = textlib.normalise(question).replace(" ", "")
        spoken = [
            name
            for name in (*context.speaker_names, *context.role_names)
            if name in joined and not _disowned(joined, name)
        ]
        # Or mistyped, a long Burmese name ("မင်းအောင်လိူင်" for "မင်းအောင်လှိုင်"), as it is written.
        spoken += [
            typed
            for name in context.speaker_names
            if name not in joined and (typed := mistyped_name(joined, name)) is not None
        ]
        # His title, written before his name, is no other name (as "Senior General" in English).
        if his_names := [n for n in spoken if n not in context.role_names]:
            spoken += burmese_titles_named(question, his_names)
        # Or he is named by what he is, where the question speaks of what was said ("တပ်ချုပ်က
        # ပြောတယ်", the commander-in-chief says, for "military leader").
        spoken += burmese_heads_named(joined, context.role_names)
        spoken += chinese_heads_named(question, context.role_names)
    if unspaced and context.speaker_initials:
        spoken += burmese_initials_named(question, context.speaker_initials)
    # Who made the claim, named before his names and roles in the question's script are read
    # (in Latin letters, by his initials…).
    named_otherwise = speaker
    speaker = speaker or bool(spoken)
    cased = not unspaced and any(c.isupper() or c.islower() for c in question if c.isalpha())
    # Another year where the claim has one ("the 2015 election" against the 2020 one); in a
    # short question, any number the claim's context lacks ("paid 5,000 kyat a day?"). A long
    # post differs from the claim it repeats in many numbers (counts, prices, the date it was
    # posted) and is judged by its years only.
    foreign_numbers = asked_numbers - context.numbers
    content = textlib.content_words(textlib.normalise(question))  # in the question's order
    # A question, not a forwarded post: a few words of content, or the claim's own words with a
    # few added ("Those who directly carry out terrorist attacks work for money paid by the
    # NED, it's not some political movement - true?"), whose names are then read as a short
    # question's are. A word said again, in any form, is counted once: insisting says nothing
    # more ("…on Al Jazeera… it was definitely Al Jazeera").
    short = _at_most(_distinct(content), SHORT_QUESTION) or (
        not unspaced
        and _at_most(
            (w for w in _distinct(content) if not echoes(w, context.subject_words)),
            SHORT_QUESTION_ADDS,
        )
    )
    # The date the claim was made, cited ("…told Sputnik in June 2021"), is no year it is about.
    # So is the year it was made, written as when he said it ("Back in 2021 Min Aung Hlaing
    # said…", "…in his Sputnik interview in 2021", "敏昂莱2021年在俄罗斯采访里提的").
    asked_years = numlib.years(question) - numlib.years_dated(question, context.said_on)
    asked_years -= _years_of_making(question, context, asked_years)
    if context.subject_years:
        # The claim names the year it is about: a question naming only other years is about
        # something else, even a year its setting holds ("the 2021 election" against a 2020
        # election claim made in 2021).
        other_year = bool(asked_years) and not asked_years & context.subject_years
        foreign += sorted(
            y for y in asked_years - context.subject_years if other_year and y not in foreign
        )
    else:
        other_year = bool(asked_years - context.numbers) and bool(
            context.anchor_years - asked_years
        )
    # A short question about what is yet to come ("will the election in Myanmar be rigged?")
    # where the claim is about a year gone by (the 2020 election) asks about another event.
    later = (
        short
        and _speaks_of_later(question)
        and _past(context.subject_years)
        and not context.forward
    )
    other_number = (
        other_year
        or later
        or (short and any(len(n) >= 2 for n in foreign_numbers - asked_years))  # n >= 10
    )
    syllables_shared: int | None = None
    syllables_beyond_places: int | None = None
    in_places_language = False
    replaced: tuple[tuple[str, str], ...] = ()
    loosely_replaced: tuple[tuple[str, str], ...] = ()
    held_words: HeldWords | None = None
    deed_pair: tuple[str, str] | None = None
    opening = None
    topic_only = False
    if unspaced:
        # Whom the message is addressed to ("@factbot …") is no piece of what it asks.
        # Nor is a Chinese clause that only asks whether it holds, or takes a side on it.
        plain = textlib.without_chinese_asking(textlib.plain(textlib.without_handles(question)))
        # Places read where letter case tells none (knowledge.matching.names), in any of
        # their languages: one the context lacks is foreign, one its subject names anchors.
        known: list[str] = [*writers]  # the writer's setting: no piece either
        for name, code in _unspaced_places(question):
            if name in writers:
                continue
            if not _names_place(code, context):
                foreign.append(name)
                continue
            known.append(name)
            anchored = anchored or _names_place(code, context, subject=True)
        # A town of a country the claim names, where the grammar around it places something
        # in it ("在曼德勒", "曼德勒的示威者", "မန္တလေးမှာ", in Mandalay): the claim's place, as a
        # city of it is. A town of another country is left to the pieces, a name it lacks.
        for name, codes in _unspaced_towns(question):
            if (ours := _claims_region(codes, context)) is not None:
                known.append(name)
                if name not in writers:
                    anchored = anchored or _names_place(ours, context, subject=True)
        # A visit to a country by its initial ("访俄期间说…", said while visiting Russia): that
        # country, named where the claim was made or not.
        for name, codes in _visits(plain):
            if any(_names_place(code, context) for code in codes):
                known.append(name)
            else:
                foreign.append(name)
        # A country's army by its initial ("缅军", Myanmar's army) names the country, as
        # "缅甸军方" does: where the claim's subject names it, the question is set there.
        anchored = anchored or any(
            _names_place(code, context, subject=True) for code in _armies(plain)
        )
        # Who made the claim by initials in Latin letters ("MAH ပြောတယ်") is no piece either.
        pieces = read_pieces(
            plain,
            phrasing,
            context.subject_texts,
            [*known, *spoken, *initials],
            context.setting_texts,
        )
        extra = bool(pieces)
        unread = any(not p.ordinary for p in pieces)
        unread_names = tuple(dict.fromkeys(name for p in pieces for name in p.names or ()))
        if textlib.has_burmese(question):
            country = namelib.sole_country("my")
            in_places_language = country is not None and _names_place(country, context, True)
            syllables_shared = shared_syllables(plain, context.subject_texts, [*known, *spoken])
            if known and syllables_shared >= MIN_SHARED_SYLLABLES:
                unplaced = re.sub("|".join(map(re.escape, known)), " ", plain)
                syllables_beyond_places = shared_syllables(unplaced, context.subject_texts, spoken)
            else:
                syllables_beyond_places = syllables_shared
            # A word of content written in Latin letters that the claim's own words hold in
            # some form ("protest", "election fraud" in a Burmese question) is a word shared;
            # not a name: the claimant's, or any the question writes as one ("Sputnik").
            subject_words = context.subject_words - context.speakers
            if any(
                len(w) >= MIN_SHARED_LATIN
                and not is_stopword(w)
                and w not in NOT_NAMES
                and w not in asked.names
                and echoes(w, subject_words)
                for w in asked.words
                if w.isascii()
            ):
                syllables_shared = max(syllables_shared, MIN_SHARED_SYLLABLES)
                syllables_beyond_places = max(syllables_beyond_places, MIN_SHARED_SYLLABLES)
            side = None
            if not speaker:
                side = burmese_side(plain, context, [*known, *spoken])
            elif (
                not named_otherwise
                and not any(word in plain for word in SAYING_MY)
                and (all(name in context.role_names for name in spoken) or not context.first_person)
            ):
                # Who made the claim or what he is, opening the question as who does it, with
                # no word of saying or quoting (SAYING_MY: "ပြော", "ဆို", "တဲ့"…): he or his
                # side as the doer, not who said it ("တပ်မတော်က … အကြမ်းဖက်မှုကို သုံးနေတာလား",
                # is the Tatmadaw using terror…?; "မင်းအောင်လှိုင်က မဲလိမ်ခဲ့တာလား", did Min Aung
                # Hlaing commit vote fraud?).
                side = burmese_side(plain, context, known)
                if side is None and not context.first_person:
                    # His name or initials, unmarked, opening it ("မအလ ရုရှားဆီက…").
                    his = [n for n in spoken if n not in context.role_names]
                    side = burmese_claimant_opens(plain, his, context.subject_texts)
                speaker = side is None
            if side is not None:
                foreign.append(side)
                sides.append(side)
        else:  # Chinese (other scripts without spaces: nothing read here)
            known_names = [*known, *spoken]
            held_words = chinese_held(
                plain, context.subject_texts, known_names, context.role_names, context.made_zh
            )
            put = opening_put(plain, phrasing, context.subject_texts, known_names)
            if put is not None:
                pair, alone = put
                opening = pair[1]
                if alone:
                    replaced = (pair,)
                else:
                    loosely_replaced = (pair,)
            elif not any(echoes(w, context.central) for w in _LATIN_WORD.findall(fold(plain))):
                # Or what the claim says of them, the question holding none of it, in Latin
                # letters neither ("…的election fraud"): something else said of them.
                deed = deed_put(plain, phrasing, context.subject_texts, known_names)
                # Not where the two are words of one closed class ("雇佣", hire, for "收钱",
                # take money): the claim's deed in other words (predicates.restates).
                # Nor where the question names a word of a class of deeds the claim's texts
                # hold ("吓唬", to scare, of the fear the claim says the protesters cause):
                # what the claim says, whichever of its words deed_put lacks ("民众").
                subject = context.subject_texts
                if deed is not None and (
                    predicates.restates(*deed, subject) or predicates.names_a_deed(plain, subject)
                ):
                    deed = None
                if deed is None and held_words is not None:
                    # Or who and whom alone in the claim's words, and another deed beside.
                    deed = deed_pair = chinese_other_deed(
                        held_words, plain, phrasing, context.subject_texts, known_names
                    )
                if deed is None and held_words is not None:
                    # Or, where the claim says its doers damage a name, another thing.
                    deed = deed_pair = _chinese_other_harmed(held_words, plain, context)
                if deed is None:
                    # Or another word where the claim's phrasing has a word of a closed class
                    # ("制造混乱", create chaos, for "制造恐惧", create fear).
                    deed = deed_pair = class_word_put(
                        plain, phrasing, context.subject_texts, known_names
                    )
                replaced = () if deed is None else (deed,)
                topic_only = deed is None and chinese_topic_only(
                    plain, phrasing, context.subject_texts, known_names
                )
            side = None
            if not speaker:
                side = chinese_claimants_side(
                    plain, context.role_names, context.subject_texts, known_names
                )
                # Or a body a word of the claim's only says the kind of ("选举委员会").
                compound = chinese_compound_doer(plain, context.subject_texts, known_names)
                if side is None and compound is not None:
                    foreign.append(compound)
            elif not context.first_person:
                # Who made the claim, as who does what it asks ("敏昂莱在大选中舞弊了吗").
                side = chinese_claimant_does(plain, spoken, context.role_names, known)
            if side is not None:
                foreign.append(side)
                sides.append(side)
    else:
        extra = any(
            not (w in context.subject_words or any_same(w, context.subject_words))
            for w in asked.words
            if not is_stopword(w)
            and w not in NOT_NAMES
            and (len(w) > 2 or (short and _abbreviation(w)))
        )
        unread = False
        unread_names = ()
    # Written in the language of the claim's country, a question is set there (in_places_language).
    set_there = anchored or in_places_language
    if context.anchors and not speaker and not (set_there and speaks_of_saying(question)):
        # A place only the claim's setting names, asked about with nothing the claim is about
        # and not who made it, is another place (:func:`_setting_only`); so is it, and any
        # name only the setting holds, in a question about what the claim is about that does
        # not speak of who said it or where: "Are Myanmar protesters paid with Russian
        # money?", "Протестующим в Мьянме платит Россия?" (the claim was made to Russian
        # television, in Russia), but not "…he told Russian media".
        regions = _unspaced_places(question) if unspaced else places.items()
        elsewhere = [
            written.get(name, name)
            for name, code in regions
            if _setting_only(code, context)
            and not _where_made(question, written.get(name, name), context)
        ]
        if anchored:
            # The names only the claim's setting holds (where and to whom it was said, the
            # summary's sources), not what it says nor who said it.
            elsewhere += [
                written.get(name, name)
                for name in sorted(named)
                if name not in places
                and written.get(name, name) not in foreign
                and _date_word(name) == name
                and not _subject_holds(name, question, context)
            ]
        foreign += elsewhere if unspaced else sorted(set(elsewhere) - set(foreign))
    # In Burmese, all it shares with the claim's texts may be the places it names ("၂၀၂၀
    # ၂၀၂၁ ရန်ကုန်မှာ", 2020 2021 in Yangon): names only, as in English.
    names_only = (
        syllables_shared is not None
        and syllables_beyond_places is not None
        and syllables_shared >= MIN_SHARED_SYLLABLES > syllables_beyond_places
    )
    places_only = False
    echoed: int | None = None
    unshared: tuple[str, ...] = ()
    if cased:
        shared = [
            w
            for w in asked.words
            if not is_stopword(w)
            and w not in textlib.NEGATIONS
            and (w in context.subject_words or any_same(w, context.subject_words))
        ]
        # A word opening the subject's sentences is a name where the spelling dictionaries
        # write it only capitalised ("Obama says…"), not an ordinary word that happens to open
        # a wording ("Протесты в Мьянме дошли до стадии терроризма?").
        names = context.anchors | context.speakers | _named_openers(context.openers)
        names_only = bool(shared) and all(names_one(w, names) for w in shared)
        # Its content words the claim's subject holds in some form: every word, a tweet's
        # signature too ("— Reginald VelJohnson (@rveljohnson)").
        echoing = [
            w
            for w in set(content)
            if len(w) > 2
            and not is_stopword(w)
            and w not in textlib.NEGATIONS
            and echoes(w, context.subject_words)
        ]
        # The places it names, word by word, as the question writes them ("Myanmar", "Мьянме")
        place_words = {part.casefold() for name in places for part in name.split()}
        places_only = (
            bool(shared)
            and all(w.casefold() in place_words for w in shared)
            and all(w.casefold() in place_words for w in echoing)
        )
        if textlib.letter_script(question) in context.scripts:  # not across languages (the model's)
            # And every number ("DEFCON 3").
            echoed = len(asked_numbers & context.subject_numbers) + len(echoing)
        relations_named = relations(question)  # "my coworker says…": who passed it on
        # What the claim's doers spread ("rumours", "ложь"), where its own texts say it not,
        # whatever its summary says ("…ложь…" of the claim it rates)
        spread = _spread_words(question, context)
        unshared = tuple(
            w
            for w in dict.fromkeys(content)
            if (w in spread and not echoes(w, context.subject_words))
            or (
                len(w) > 2
                and not w.isdigit()
                and not is_stopword(w)
                and w not in textlib.ALL_NEGATIONS
                and not is_saying(w)
                and not is_passing_on(w)
                and w not in relations_named
                and w not in by_role  # "Junta chief: …" names who made the claim
                and w not in context.words
                and (
                    not (any_same(w, context.words) or typo_of_any(w, context.words))
                    or prefixed_form(w, context.words)
                )
            )
        )
    if cased and short:
        # Who did it, where the claim names nobody or someone else: "paid by the west?",
        # "funded by usaid?" (in small letters no capital shows a name) is another claim. Its
        # subject and who made it are what name the claim's doer: the bodies a summary names
        # condemned, counted or reported ("paid by the un?" against "Top UN officials…").
        # A place is read as one (below, and _read_places): no doer here.
        named_already = {fold(f) for f in foreign} | {
            fold(part) for name in places for part in name.split()
        }
        doing = [
            agent
            for agent in (*agents(question), *payers(question))
            if agent not in named_already
            and (
                not (
                    any_same(agent, context.subject_words)
                    or typo_of_any(agent, context.subject_words)
                    or agent in context.initialisms
                    # the subject's doer in other words or letters: "демонстрантов" for its
                    # protesters (predicates.same_class), "спонсоров" for its "sponsors"
                    or any(predicates.same_class(agent, w) for w in context.subject_words)
                    or any_same(latin(agent), context.subject_words)
                )
                # the claimant's own side, which the subject names but never as a doer
                # ("paid by the military?" against "Those attacking the military…")
                or (of_claimants_side(agent, context) and not any_same(agent, doers_of(context)))
                # or who made the claim, where it is not in the first person ("were the
                # protesters paid by Min Aung Hlaing?" of a claim he made about them)
                or (
                    any(same_name(agent, name) for name in context.speakers)
                    and not any_same(agent, doers_of(context))
                    and not context.first_person
                )
            )
        ]
        # Who made the claim, named as the question writes his name ("Min Aung Hlaing"), not by
        # its last word alone (doers.agents reads the head of "by Min Aung Hlaing").
        whole_names = {
            a: _whole_name(a, question, context.speakers)
            for a in doing
            if any(same_name(a, name) for name in context.speakers)
        }
        doing = [whole_names.get(a, a) for a in doing]
        foreign += doing
        sides += [agent for agent in doing if of_claimants_side(agent, context)]
        sides += whole_names.values()
    if cased:
        # A word of the claim's subject behind a prefix that makes it another thing ("the
        # Myanmar by-election", "pro-military protesters"), where the claim's texts never
        # write it so: something else than the claim is about, as a name it lacks is.
        named_already = {fold(f) for f in foreign}
        foreign += [w for w in _prefixed(asked.words, context) if w not in named_already]
    # A longer message opening with a short question ("Сеют ли военные Мьянмы страх…? Ночные
    # аресты…"): what follows is the asker's own, and the question is read as one.
    asked_first = _question_first(question) if cased and not short else None
    if cased and (short or asked_first is not None) and not speaker:
        # The claimant's own side put where the claim has who did it ("did the junta commit
        # election fraud?" of a claim the junta's leader made): another claim, unless the
        # question asks what that side says ("the junta says…", "is the junta right…"); a
        # rumour said by no one named ("Говорят, военные…", they say the military…) does not.
        first_question, asked_words = asked_first or (question, content)
        doer = claimants_side(asked_words, context, first_question)
        if doer is not None and not speaks_of_it(mentioned - hearsay(question)):
            foreign.append(doer)
            sides.append(doer)
            side_asked = asked_first is not None
    # Burmese typed in Latin letters, read as typed: its words no English reading knows
    # ("junta leader ka … lo pyaw tae", he said), so nothing below reads what they do.
    typed_burmese = cased and looks_burmese(question)
    if cased and short and speaker and not typed_burmese:
        # Who made the claim, as who does what the question asks ("Did Min Aung Hlaing commit
        # election fraud?"): a claim about him, not the one he made.
        his_words = frozenset(
            w
            for w in content
            if any(same_name(w, s, 1) for s in context.speakers)
            or fold(w) in by_role
            or w.upper() in initials
        )
        doer = claimant_does(question, content, his_words, context) if his_words else None
        if doer is not None:
            foreign.append(doer)
            sides.append(doer)
    states_claim = False
    # The question holds what the claim says of whom it is about: a central word beyond the
    # closest phrasing's first ("paid" of "protesters … paid"), as below.
    says_its_word = False
    if cased and context.central and phrasing:
        theirs = textlib.content_words(textlib.normalise(phrasing))
        first = next((w for w in theirs if echoes(w, context.central)), None)
        said = {c for c in context.central if echoes(c, frozenset(content))}
        says_its_word = bool(said - ({first} if first else set()))
        states_claim = _asks(question) and (
            says_its_word or predicates.names_a_deed(question, context.subject_texts)
        )
        # A city of the claim's country says where, as the claim's country does: no new word
        # put in place of the claim's ("did protesters in Yangon loot shops…?").
        new = tuple(w for w in unshared if w not in settings)
    if cased and not short and context.central and phrasing and not typed_burmese:
        # A long post that keeps of the claim only how it names its doer, and says nothing of
        # what the claim says they do ("…the election commission has annulled the results of
        # the November 2020 election…" against "Was the November 2020 Myanmar election
        # rigged?").
        named_words = frozenset(fold(n) for n in asked.names)
        left_out = _deed_left_out(content, theirs, context, new, first, named_words)
        if left_out is not None:
            replaced, opening = (left_out,), first
    if cased and short and context.central and phrasing:
        paired = _replaced(content, theirs, context, new, first)
        # A word of the claim's class put in place of one of its words ("demonstrations" for
        # "protests"; "местных жителей" for "местного населения") pairs, and rewords it: no
        # pair of it stands; nor, where the two are one word of a class, any of the claim's
        # word (as Matcher._reworded reads a pair the model reads as one word), but a word
        # that may be a name beside it ("did the usdp cheat…?"). No other pair is looked for.
        subject = context.subject_texts
        # So does a word of the class of who the claim's texts open with as its doers ("the
        # ones doing the bombings" of "Those attacking the military…").
        openers = spaced_openers_of(context)
        restated = {
            w
            for w, c in paired
            if predicates.restates(w, c, subject) or predicates.of_doers_class(w, openers)
        }
        said = {c for w, c in paired if predicates.same_class(w, c)}
        replaced = tuple(
            (w, c) for w, c in paired if w not in restated and (c not in said or _may_name(w))
        )
        opening = first if replaced else None
        if not paired:
            swapped = _swapped_opening(question, content, phrasing, theirs, context, new)
            if swapped is not None:
                replaced, opening = (swapped,), swapped[1]
        if not (replaced or paired):
            # Or whom the claim's doers act on, put in the doer's place.
            displaced = _doer_displaced(question, content, theirs, first, context)
            if displaced is not None:
                replaced, opening = (displaced,), displaced[1]
        if not (replaced or paired):
            # Or, where the claim says its doers damage a name, another thing they damage.
            lacked = frozenset(new) | frozenset(
                w
                for w in content
                if len(w) > 2
                and w not in settings
                and not w.isdigit()
                and not echoes(w, context.subject_words)
            )
            harmed = _other_harmed(question, lacked, theirs, context)
            if harmed is not None:
                replaced = (harmed,)
                deed_pair = harmed
        topic_only = not (replaced or new) and _topic_only(content, theirs, context, first)
        # A word put where the claim says what its doers do, in a word of a class of deeds,
        # the question naming none the claim holds ("кормят", feed, for "страх", fear): another
        # deed, as pieces.chinese_other_deed reads one in Chinese, which the semantic model's
        # agreement does not answer either, unless it reads the two words as one.
        if not predicates.names_a_deed(question, subject):
            deed_pair = next(((w, c) for w, c in replaced if predicates.says_a_deed(c)), None)
    if short:
        # Another election of the same place, named by its kind (knowledge.matching.kinds).
        kind = another_election(question, context.subject_texts)
        if kind is not None and kind not in foreign:
            foreign.append(kind)
    # A cause the claim does not give makes another claim, whatever words it shares with this
    # one; the reply quotes it (as it quotes a piece the claim lacks). In Burmese in any
    # message; elsewhere in a question, not a long post, which tells a story around the claim
    # with causes of its own (as for another doer in the claim's place, :attr:`replaced`).
    other_cause = (
        another_cause(textlib.without_handles(question), context.subject_texts)
        if short or textlib.has_burmese(question)
        else None
    )
    if other_cause is not None:
        unread_names = (*unread_names, other_cause)
    unnamed = _unnamed(question, context, phrasing)
    added = _added(question, context) if short else None
    # A question asking for a fact that takes the claim for granted ("Who is paying the Myanmar
    # protesters?", "How many votes were faked in the Myanmar election?", "谁在给缅甸抗议者发钱？"):
    # it names what the claim asserts (its class of paying or fraud, every one it asserts) or
    # says its central word, and the check of it is the answer to what it assumes.
    asserted = predicates.asserted(context.subject_texts)
    presupposes = (bool(asserted) and unnamed is None) or says_its_word
    # Whom it asks whether they said it, where that is not who made the claim.
    asked_speaker = (
        _asked_speaker(question, context) if cased and not speaker and context.speakers else ""
    )
    # Someone who speaks for another by office, where the claim's context names none: their
    # claim ("the junta spokesman said…", "军政府发言人说…").
    spokesman = (
        spokesperson(question)
        if (context.speakers or context.speaker_names) and not context.names_office
        else None
    )
    if spokesman is not None and not any(not f.isdecimal() for f in foreign):
        foreign.append(spokesman)  # what a reply says differs, where no name does
    return Comparison(
        tuple(foreign),
        other_number,
        anchored,
        speaker,
        bool(context.anchors),
        cased,
        extra,
        names_only=names_only,
        places_only=places_only,
        short=short,
        unread=unread,
        unread_names=unread_names,
        echoed=echoed,
        unshared=unshared,
        numbers_written=tuple(
            (value, shown)
            for value, shown in written_numbers.items()
            if value in foreign and shown != value
        ),
        syllables_shared=syllables_shared,
        syllables_beyond_places=syllables_beyond_places,
        in_places_language=in_places_language,
        at_appearance=at_appearance,
        other_cause=other_cause,
        states_claim=states_claim,
        replaced=replaced,
        loosely_replaced=loosely_replaced,
        opening=opening,
        asks_open=short and not presupposes and _asks_open(question),
        sides=tuple(sides),
        side_asked=side_asked,
        another_speaker=bool(context.speakers or context.speaker_names)
        and (
            said_by(question, [f for f in foreign if not f.isdecimal()])
            or bool(asked_speaker)
            or spokesman is not None
        ),
        asked_speaker=asked_speaker,
        spokesperson=spokesman or "",
        unnamed=unnamed,
        added=added,
        topic_only=topic_only,
        other_role=_other_role(question, context),
        held_words=held_words,
        deed_pair=deed_pair,
    )


# What says "is not" right before a name in Chinese ("是他，不是敏昂莱", it was him, not Min
# Aung Hlaing), and right after one in Burmese ("မင်းအောင်လှိုင် မဟုတ်ဘူး").
_NOT_BEFORE_ZH = ("不是", "并非", "而非")
_NOT_AFTER_MY = "မဟုတ်"


def _disowned(joined: str, name: str) -> bool:
    """Whether each time ``joined`` (a question without spaces) names ``name`` it says it
    was not them: no one named as who said it."""
    at = [m.start() for m in re.finditer(re.escape(name), joined)]
    return bool(at) and all(
        joined[:i].endswith(_NOT_BEFORE_ZH) or joined[i + len(name) :].startswith(_NOT_AFTER_MY)
        for i in at
    )


def _distinct(words: list[str]) -> Iterator[str]:
    """``words`` (folded), each once, in order: a word naming the same as one before it
    (:func:`~knowledge.matching.wording.any_same`, an ending of one letter: "джазире",
    "джазира") is left out. Lazily: a long post is read only as far as a count needs
    (:func:`_at_most`), each word being set against all kept before it."""
    kept: list[str] = []
    for word in words:
        if not any_same(word, frozenset(kept), 1):
            kept.append(word)
            yield word


def _at_most(items: Iterable[str], most: int) -> bool:
    """Whether ``items`` are ``most`` or fewer, reading one more at most."""
    return sum(1 for _ in itertools.islice(items, most + 1)) <= most


ROLE_SPAN = 3  # words from one word of a role to the next, at most: "head of Myanmar's military"


def _placed_role(question: str, role: set[str], anchors: frozenset[str]) -> bool:
    """Whether a word for who leads (:data:`LEADERS`) of a role the ``question`` names
    (``role``), or of its kind (:func:`kindred`), stands right after the claim's place
    (``anchors``): one such word, made the place's ("the Myanmar general says…",
    "мьянманский генерал говорит…"), names who made the claim there as two words of the role
    do elsewhere. Not a body ("the Myanmar military announced…"): many speak for it."""
    words = [fold(w) for w in WORD.findall(question)]
    return any(
        names_one(before, anchors)
        and w in LEADERS
        and any(same_name(w, r) or kindred(w, r) for r in role)
        for before, w in itertools.pairwise(words)
    )


def _named_together(question: str, role: set[str], says: bool) -> bool:
    """Whether two of a role's words the ``question`` names (``role``) stand together in it,
    as a role is one phrase ("глава хунты", "the junta leader",
    "head of the military"): apart, each names something of its own ("военные … платят людям
    за участие в митингах в поддержку хунты", the military pays people to rally for the junta).
    With ``says``, a word of the role's kind stands for it (:func:`kindred`)."""
    at = [
        (i, r)
        for i, w in enumerate(fold(w) for w in WORD.findall(question))
        for r in role
        if same_name(w, r) or same_name(latin(w), r) or (says and kindred(w, r))
    ]
    return any(r1 != r2 and 0 < j - i <= ROLE_SPAN for i, r1 in at for j, r2 in at)


# Where a claim was said, as a question may write it beside the year or the place it was made
# in: an interview, the media, television.
SAID_IN = frozenset(
    {"interview", "interviews", "interviewed", "media", "tv", "television", "broadcaster"}
    | {"интервью", "сми", "тв", "телевидению", "телевидение", "телевидения"}
)
SAID_IN_UNSPACED = (
    "采访", "採訪", "访问", "訪問", "专访", "專訪", "媒体", "媒體", "电视", "電視",
    "အင်တာဗျူး", "မီဒီယာ", "ရုပ်မြင်သံကြား",
)  # fmt: skip
# The words between a year or a place and who said it, or where: prepositions, a year's own
# unit ("году", "ခုနှစ်"), Burmese's "in", "at the time", "since", as words; Chinese "年" and
# "在" (in), as what a run of characters opens with; and what joins a place written without
# spaces to what follows it ("的", of; "မှာ", in; "က", from).
_JOINS = frozenset(
    {"in", "back", "from", "of", "в", "во", "год", "года", "году", "г"}
    | {"ခုနှစ်", "မှာ", "တုန်းက", "တုန်း", "က", "ကတည်းက"}
)
_JOINS_HAN = ("年", "在")
_PLACE_JOINS_UNSPACED = ("的", "မှာ", "က", "ကို", "ရဲ့")
# A question's words and numbers, a Chinese run as one: what is written between spaces, marks
# and digits.
_TOKENS = re.compile(r"\d+|[^\s\d.,;:!?()\[\]\"“”«»'’‘。，、！？：；（）「」『』၊။—–-]+")


def _years_of_making(question: str, context: ClaimContext, asked: frozenset[str]) -> frozenset[str]:
    """The years ``question`` asks of (``asked``, in digits) that are the year the claim was
    made, written each time as when it was said: beside who made it (his name, his
    initials), where (an outlet of :attr:`ClaimContext.outlets`, an interview:
    :data:`SAID_IN`) or a verb of saying, prepositions between them at most ("Back in 2021
    Min Aung Hlaing said…", "…brought it up in his russia interview in 2021", "то что МАХ
    говорил в 2021 про…", "敏昂莱2021年在俄罗斯采访里提的", "မအလ ၂၀၂၁ မှာ…"); and not as a word's
    attribute, on its other side ("Did Min Aung Hlaing say the 2021 coup…": "2021 coup";
    "на выборах 2021 года": "выборах 2021"; "敏昂莱说2021年大选…": "2021年大选"). The year of
    what a claim is about is another matter, even the same one."""
    said = {year for year, _ in context.said_on} & asked
    if not said:
        return frozenset()  # most questions: no token read
    tokens = _TOKENS.findall(textlib.plain(question))
    # A Russian year follows the word it qualifies ("выборах 2021"); others go before it.
    qualified_before = textlib.letter_script(question) == "cyrillic"
    dated: set[str] = set()
    undated: set[str] = set()
    for i, token in enumerate(tokens):
        if not token.isdecimal() or (year := numlib.digits(token)) not in said:
            continue
        before, after = _around(tokens, i)
        made = _making_beside(before, context), _making_beside(after, context)
        qualified = before if qualified_before else after
        if any(made) and not (qualified and _qualified(qualified[0], context)):
            dated.add(year)
        else:
            undated.add(year)
    return frozenset(dated - undated)


def _where_made(question: str, place: str, context: ClaimContext) -> bool:
    """Whether a place only the claim's setting names (``place``, as the question writes it)
    is written, each time, as where the claim was made: beside a verb of saying, an interview
    or the media, who made it or an outlet, prepositions between at most ("…like the general
    claimed in Russia", "…said in his russia interview", "told Russian media", "в России
    сказал", "在俄罗斯说", "俄罗斯媒体", "ရုရှားမှာ ပြောခဲ့", "ရုရှားမီဒီယာ"); not where it says
    what a word of the question is of ("the protesters in Russia", "Russia's election",
    "普京说俄罗斯的抗议者…", "俄罗斯选举").

    As :func:`_years_of_making` reads the year it was made."""
    plain = textlib.plain(question)
    if textlib.has_unspaced_script(place):
        found = [m.end() for m in re.finditer(re.escape(place), plain)]
        return bool(found) and all(_made_after(plain[end:], context) for end in found)
    tokens = _TOKENS.findall(plain)
    wanted = fold(place)
    at = [i for i, token in enumerate(tokens) if same_name(fold(token), wanted, 1)]
    if not at:
        return False
    for i in at:
        before, after = _around(tokens, i)
        if not (_making_beside(before, context) or _making_beside(after, context)):
            return False
        # The place says what a word of content is of, before it ("the protesters in Russia")
        # or right after it ("Russia's election", "Russian protesters").
        first = _first_unjoined(before)
        if first and not (_names_making(first, context) or is_stopword(fold(first))):
            return False
        if after and _qualified(after[0], context):
            return False
    return True


def _around(tokens: list[str], at: int) -> tuple[list[str], list[str]]:
    """The tokens before ``tokens[at]``, nearest first, and those after it."""
    return (tokens[at - 1 :: -1] if at else []), tokens[at + 1 :]


def _first_unjoined(tokens: list[str]) -> str | None:
    """The first of the nearest ``tokens`` that is no word joining a place or a year to what
    is beside it (:data:`_JOINS`), without the joining characters a Chinese run opens with."""
    return next(
        (word for token in tokens[:3] if fold(token) not in _JOINS and (word := _unjoined(token))),
        None,
    )


def _made_after(rest: str, context: ClaimContext) -> bool:
    """Whether what follows a place in a script without spaces says where the claim was made:
    a word of its making, after the words joining them ("在俄罗斯说" has "说"; "…的采访" has
    "采访"; "ရုရှားမှာ ပြောခဲ့" has "ပြော"), or an outlet or who made it, in letters."""
    rest = rest.lstrip()
    for join in _PLACE_JOINS_UNSPACED:
        rest = rest.removeprefix(join).lstrip()
    head = _TOKENS.match(rest)
    if head is None:
        return False
    word = head.group()
    if textlib.has_unspaced_script(word):
        return word.startswith(_making_unspaced(context))
    return _names_making(word, context)


def _unjoined(token: str) -> str:
    """``token`` without the joining words a Chinese run opens with ("年在俄罗斯…")."""
    for join in _JOINS_HAN:
        token = token.removeprefix(join)
    return token


def _making_beside(tokens: list[str], context: ClaimContext) -> bool:
    """Whether the first of ``tokens`` (those on one side of a year or a place, nearest first)
    but the words joining them (:func:`_first_unjoined`) names the claim's making
    (:func:`_names_making`)."""
    word = _first_unjoined(tokens)
    return word is not None and _names_making(word, context)


def _making_unspaced(context: ClaimContext) -> tuple[str, ...]:
    """The words of a claim's making in the scripts without spaces: who made it (his name, his
    initials), where (:data:`SAID_IN_UNSPACED`), and the verbs of saying."""
    return (
        *context.speaker_names,
        *context.speaker_initials,
        *SAID_IN_UNSPACED,
        *namelib.SAYING,
        textlib.BURMESE_SAY,
    )


def _qualified(token: str, context: ClaimContext) -> bool:
    """Whether the word right beside a year or a place, where a word it qualifies is written,
    is one: a word of content that names nothing of the claim's making ("2021 coup", "2021年
    大选", "Russia's election"; not "2021年在…", "2021 interview", "в 2021 году")."""
    word = fold(token)
    if is_stopword(word) or word in _JOINS:
        return False
    rest = token.removeprefix("年")  # a Chinese year's unit, before what the year qualifies
    return _unjoined(rest) == rest and not _names_making(rest, context)


def _names_making(token: str, context: ClaimContext) -> bool:
    """Whether a word (or a run of a script without spaces) names who made the claim, where,
    or that it was said."""
    if textlib.has_unspaced_script(token):
        return any(word in token for word in _making_unspaced(context))
    word = fold(token)
    return (
        is_saying(word)
        or word in SAID_IN
        or word in context.outlets
        or word in context.speaker_initials
        or any(same_name(word, speaker, 1) for speaker in context.speakers)
    )


def _asked_speaker(question: str, context: ClaimContext) -> str:
    """Whom a question asks whether they said something (:func:`asked_whether_said`: "Did
    Myanmar's election commission say there was no fraud in 2020?"), as it writes them, small
    words at either end taken off ("Myanmar's election commission"), where a word of content
    names them that is no word of what the claimant is (:func:`of_claimants_side`: "did the
    junta say…", "did the commander-in-chief say…"), of who passed it on ("мама говорит,
    что…?") nor of no one named ("люди говорят…"); the caller knows the question does not name
    him. What they said is another claim than his, whatever words the two share ("Did the NLD
    say there was fraud in the 2020 election?" against the junta leader's claim of fraud).
    Empty otherwise."""
    written = asked_whether_said(question)
    who = [p for w in written for p in fold(w).split("-") if not is_stopword(p)]
    who = [w for w in who if not (is_passing_on(w) or w in NO_ONE_NAMED)]
    # Where someone who passed it on is from is no one ("my Malaysian friend said…").
    who = [w for w in who if w not in whereabouts(question, frozenset(who))]
    if not who or any(of_claimants_side(w, context) for w in who):
        return ""
    kept = [i for i, w in enumerate(written) if not is_stopword(fold(w))]
    return " ".join(written[kept[0] : kept[-1] + 1]) if kept else ""


def _unnamed(question: str, context: ClaimContext, phrasing: str) -> tuple[str, str] | None:
    """:attr:`Comparison.unnamed`: the first class of words most of the claim's texts
    assert in (paying, fraud), that the question names in no word, with the claim's word of
    it, its closest ``phrasing``'s first, in the question's script where it can
    (:mod:`~knowledge.matching.predicates`)."""
    subject = context.subject_texts
    for kind in predicates.asserted(subject):
        if predicates.names(kind, question, subject):
            continue
        script = _script(question)
        texts = [t for t in (phrasing, *subject) if _script(t) == script]
        word = predicates.first_word(kind, texts) or predicates.first_word(kind, subject)
        if word is not None:
            return kind.name, word
    return None


def _added(question: str, context: ClaimContext) -> tuple[str, str] | None:
    """:attr:`Comparison.added`: a payment ``question`` names in a word as written (no
    misspelling read), where none of the claim's texts holds a word of paying. Not fraud: its
    words are the words of doubt too ("fake?", "…лжёт", "လိမ်နေတာ", he is lying), which a
    question about any claim writes. Read in a short question only (:func:`compare`): a long
    story's own payment is the asker's ("…the job's done and paid"), and Burmese typed in
    Latin letters writes the English "pay" in its "pay par" (please do)."""
    kind = predicates.PAYMENT
    if kind in predicates.deeds_held(context.subject_texts):
        return None
    word = predicates.first_word(kind, [question])
    return (kind.name, word) if word is not None else None


def _other_role(question: str, context: ClaimContext) -> Role | None:
    """:attr:`Comparison.other_role`: one of the claim's doers the question has feeling the
    fear the claim says they cause, or paying where it says they are paid
    (:mod:`~knowledge.matching.roles`). Its doers are who its texts open with, in each
    script as it marks them: in Burmese, the word its marker of who does it closes."""
    subject = context.subject_texts
    doers = spaced_openers_of(context) | burmese_doers(subject) | chinese_doers(subject)
    return other_role(question, subject, doers, context.anchors)


def _script(text: str) -> str:
    """Burmese, Chinese, or the letters with case most of ``text`` is written in."""
    if textlib.has_burmese(text):
        return "burmese"
    return "han" if textlib.has_han(text) else textlib.letter_script(text)


def _prefixed(words: frozenset[str], context: ClaimContext) -> list[str]:
    """The hyphenated ``words`` of a question opening with an English prefix
    (:data:`PREFIXES`) before a word the claim's subject holds in some form, that the claim's
    whole context never writes, in any form ("by-election", "pro-military"; not "anti-coup"
    where the claim's texts say "anti-coup protesters"), sorted."""
    found = []
    for word in sorted(words):
        prefix, _, head = word.partition("-")
        if not (prefix in PREFIXES and head and "-" not in head):
            head = _russian_head(word)
        if head and any_same(head, context.subject_words) and not any_same(word, context.words):
            found.append(word)
    return found


# Russian prefixes that make a word name another thing than the word after them, written
# as one word: "довыборы" (by-elections), "перевыборы", "предвыборный", "постсоветский",
# "антиправительственный", "контрпротесты", "экс-". Not "про-" ("проплатили": paid for).
RUSSIAN_PREFIXES = ("до", "пере", "пред", "пост", "анти", "контр", "экс")
_MIN_RUSSIAN_HEAD = 5  # letters after the prefix: a word of its own ("выборы", not "казать")


def _russian_head(word: str) -> str:
    """``word`` without the Russian prefix it opens with (:data:`RUSSIAN_PREFIXES`), where a
    word of at least :data:`_MIN_RUSSIAN_HEAD` letters follows it; else ""."""
    if not textlib.starts_cyrillic(word):
        return ""
    for prefix in RUSSIAN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_RUSSIAN_HEAD:
            return word[len(prefix) :]
    return ""


def _replaced(
    content: list[str],
    theirs: list[str],
    context: ClaimContext,
    unshared: tuple[str, ...],
    opening: str | None,
) -> tuple[tuple[str, str], ...]:
    """:attr:`Comparison.replaced`: the question's content words (``content``, in order)
    aligned with the closest phrasing's (``theirs``); where a run of the phrasing holding a
    central word the question lacks in any form stands against a run of the question holding
    words the claim's whole context lacks (``unshared``), each such pair, misspellings aside.
    The phrasing's first central word (``opening``, most often who the claim is about) is
    paired so wherever the two stand ("Are journalists in Myanmar…" against "Myanmar
    protesters…"), and also where one new word stands in its place and the question writes
    it only after that, as whom its own doer acts on (:func:`_moved`); another central word
    only in place and lacked. None unless those runs hold every word of ``unshared``: a
    question saying more that is new rewords the claim more freely than a word put in
    another's place; but a doer put in the claim's doer's place may do something new to it
    ("are soldiers in myanmar paid to shoot protesters?"). What the claim is about (its
    anchors: "Myanmar") is left out of both before they are aligned: it may stand before the
    doer or after it ("the Myanmar protests", "the demonstrations in Myanmar"), and it is no
    word to pair."""
    content = [w for w in content if not any_same(w, context.anchors)]
    theirs = [w for w in theirs if not any_same(w, context.anchors)]
    asked = frozenset(content)
    # A Russian verb's one-letter prefix keeps its root ("сфальсифицированы", falsified, of
    # "фальсификации", falsification): the question holds the word in another form.
    asked_forms = asked | {w[1:] for w in asked if textlib.starts_cyrillic(w) and len(w) > STEM}
    # (Not a word its whole context writes as it is: only what the claim's doers spread is
    # new so, :func:`_spread_words`.)
    misspelt = {w for w in unshared if w not in context.words and is_misspelt(w, context.words)}
    abroad = _says_abroad(context.words)
    pairs: list[tuple[str, str]] = []
    # Aligned as the phrasing spells its words: a typo ("terorism") is the same word, and
    # no run of new words to pair.
    spelt = [_as_theirs(w, theirs) for w in content]
    matcher = difflib.SequenceMatcher(a=spelt, b=theirs, autojunk=False)
    alone: list[str] = []  # new words of the question where the phrasing has none
    missing: list[str] = []  # the opening word, where the question has none in its place
    moved = False  # the opening word written after a new word in its place
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        lacked = [
            w for w in theirs[j1:j2] if echoes(w, context.central) and not echoes(w, asked_forms)
        ]
        # Not "abroad" ("за рубежом") where the claim says it otherwise ("на международной
        # арене"): where, not a word in place of the claim's.
        new = [w for w in content[i1:i2] if w in unshared and not (_of_abroad(w) and abroad)]
        if op == "delete":  # words of the question only
            alone += new
            continue
        if op == "insert":  # words of the phrasing only
            missing += [c for c in lacked if c == opening]
            continue
        if (
            opening is not None
            and theirs[j1:j2] == [opening]
            and _moved(content, i1, i2, opening, new, asked)
        ):
            moved = True
            lacked = [opening]
        pairs += [(w, c) for w in new if w not in misspelt for c in _not_misspelt(lacked, new)]
    pairs += [(w, c) for w in alone if w not in misspelt for c in _not_misspelt(missing, alone)]
    placed = {w for w, _ in pairs}
    if not moved and any(w not in placed and w not in misspelt for w in unshared):
        return _deed_replaced(content, theirs, context, unshared, opening, misspelt)
    return tuple(pairs)


def _may_name(word: str) -> bool:
    """Whether a word in Latin letters is none the English word list holds: typed in small
    letters, it may be a name ("usdp" of "did the usdp cheat…?"), which no word of the
    claim's class beside it makes the claim's."""
    return word.isascii() and word not in english_words()


def _asks(question: str) -> bool:
    """Whether a message ends in a question mark (any script's), quotes and brackets aside."""
    return question.rstrip(" \t\n\"'”’»)]").endswith(("?", "？"))


def _deed_replaced(
    content: list[str],
    theirs: list[str],
    context: ClaimContext,
    unshared: tuple[str, ...],
    opening: str | None,
    misspelt: set[str],
) -> tuple[tuple[str, str], ...]:
    """:func:`_replaced` where the question's words stand otherwise than the phrasing's
    (``theirs``), so that no run of new words pairs with a run of the claim's: each new word
    (``unshared``, misspellings aside) paired with the phrasing's first central word after
    its ``opening``, where all the question shares with the claim's texts is the phrasing's
    words up to its opening (how it names who the claim is about: "anti-coup protesters")
    and the places the claim names, and it lacks every central word after. It keeps who the
    claim is about and says something new of them, nothing of what the claim says they do
    ("did protesters in Yangon loot shops during the anti-coup demos?" against "Did the
    anti-coup protesters in Burma get money to do terrorism?"; "Was the internet shut down in
    Myanmar because of the protests?"). Where the phrasing has no central word after its
    opening, the claim's other central words stand for what it says ("Did the NLD win the
    2020 election in Myanmar?" against "Was the November 2020 Myanmar election rigged?": "win"
    for "fraud")."""
    if opening is None or opening not in theirs:
        return ()
    at = theirs.index(opening)
    naming = frozenset(theirs[: at + 1])
    deed = [w for w in theirs[at + 1 :] if echoes(w, context.central)]
    if not deed:
        # The phrasing says what happens in a word of its own ("Was the November 2020 Myanmar
        # election rigged?"): what the claim says is its other central words ("fraud"), which
        # the question lacks too ("Did the NLD win the 2020 election in Myanmar?").
        asked = frozenset(content)
        deed = sorted(c for c in context.central if not (echoes(c, naming) or echoes(c, asked)))
    new = [w for w in unshared if w not in misspelt]
    if not deed or not new:
        return ()
    topic = _names_topic(naming, context)
    if _shares_beyond(content, unshared, context, topic):
        return _other_deed(content, theirs[at + 1 :], context, unshared, new, topic)
    return tuple((w, deed[0]) for w in new)


def _other_deed(
    content: list[str],
    after: list[str],
    context: ClaimContext,
    unshared: tuple[str, ...],
    new: list[str],
    naming: Callable[[str], bool],
) -> tuple[tuple[str, str], ...]:
    """:func:`_deed_replaced`'s pairs where the question shares with the claim's texts more
    than how it names its doers: whom they act on, too ("Did the Myanmar protesters help the
    government?" against "…ruining the government's image…"). Every word it shares beyond
    its doers (``content``, save ``unshared``, places and what ``naming`` accepts) says no
    deed, neither a word of a class of deeds (:func:`predicates.says_a_deed`) nor a central
    word ("terrorism"), and it names no word of a class of deeds the claim's texts hold
    (:func:`predicates.deeds_held`: "embarrassing the government" damages it, "terrorising
    citizens" frightens them): its new words (``new``) say another deed of the claim's doers,
    each paired with the first word of a class of deeds the phrasing says after who does it
    (``after``: "scaring"). None where the phrasing says none: the claim's deed is then in
    words no closed class reads, which a question may say otherwise."""
    shared = [
        w
        for w in content
        if w not in unshared
        and echoes(w, context.subject_words)
        and not (naming(w) or names_one(w, context.anchors))
    ]
    if any(predicates.says_a_deed(w) or echoes(w, context.central) for w in shared):
        return ()
    if predicates.names_a_deed(" ".join(content), context.subject_texts):
        return ()
    theirs = next((w for w in after if predicates.says_a_deed(w)), None)
    if theirs is None:
        return ()
    return tuple((w, theirs) for w in new)


# What may be spread of how a message is passed on and whether it is true
# (:data:`textlib.PASSING_ON`): its things, not its adverbs ("actually") nor its people.
_SPREAD = frozenset(
    """rumour rumours rumor rumors lie lies truth news fake fakes hoax hoaxes story stories
    message messages video videos post posts meme memes facts propaganda
    слух слухи слухов ложь ложью правду правда фейк фейки фейков вброс вбросы вранье враньё
    брехню брехня новости видео пост посты мемы""".split()  # noqa: SIM905
)
# Small words between a verb and the thing it acts on ("spread the truth")
_DETERMINERS = frozenset("the a an some more such these those their its his her".split())  # noqa: SIM905


def _spread_words(question: str, context: ClaimContext) -> frozenset[str]:
    """The words of how a message is passed on and whether it is true that may be spread
    (:data:`_SPREAD`: "rumours", "lies", "truth", "news") where a question's words make
    them the thing its doers act on: right after a word the claim's texts hold that is no
    small word, name, place or word of a closed class (the verb of "spread fear", "сеют
    страх"), in the same clause, small words between ("Did Myanmar protesters spread
    rumours?", "…spread the truth?", "Протестующие в Мьянме сеют ложь?"). What they do, not
    what the asker asks of it: a new word the claim lacks, where "rumour?" or "правда?"
    after the claim's words asks whether it holds."""
    found: set[str] = set()
    for clause in _clauses(question):
        acting = False
        for word in clause:
            if acting and word in _SPREAD:
                found.add(word)
                continue
            if acting and word in _DETERMINERS:
                continue
            acting = (
                not is_stopword(word)
                and word not in textlib.ALL_NEGATIONS
                and echoes(word, context.subject_words)
                and not names_one(word, context.anchors | context.speakers)
                and not any(predicates.is_of(kind, word) for kind in predicates.CLASSES)
            )
    return frozenset(found)


def _clauses(question: str) -> list[list[str]]:
    """A question's clauses (between the marks that end one, :data:`textlib.CLAUSE_MARKS`),
    each as its words, folded."""
    return [[fold(w) for w in WORD.findall(c)] for c in textlib.CLAUSE_MARKS.split(question)]


# Where a name is damaged ("abroad", as the claim's "in the international arena" says it):
# no other thing damaged.
_ABROAD = frozenset(
    "abroad overseas internationally worldwide globally world international".split()  # noqa: SIM905
)
_ABROAD_RUSSIAN = ("рубеж", "границ", "международ", "миров")


def _of_abroad(word: str) -> bool:
    """Whether a folded word says "abroad" (:data:`_ABROAD`; in Russian, in any form): where
    a claim's texts say it in a word of their own ("international arena", "на международной
    арене"), the question's is the claim's in other words, no new one."""
    return word in _ABROAD or word.startswith(_ABROAD_RUSSIAN)


@lru_cache(maxsize=1024)
def _says_abroad(words: frozenset[str]) -> bool:
    """Whether a claim's context (its ``words``) says "abroad" in a word of its own
    (:func:`_of_abroad`): read once a claim, not once a question."""
    return any(map(_of_abroad, words))


def _other_harmed(
    question: str, lacked: frozenset[str], theirs: list[str], context: ClaimContext
) -> tuple[str, str] | None:
    """A short question's thing damaged, where the claim says its doers damage a name and the
    question damages something else (:func:`_harms_but_no_name`): the first word after its
    word of damaging, in the same clause, that the claim lacks (``lacked``: its whole
    context, or its own texts in any form), paired with the closest phrasing's word of a
    name (``theirs``: "reputation"), or the first of the claim's texts in the question's
    script ("Did the Myanmar protesters damage government buildings?", "…destroying the
    country's infrastructure?" against "…destroying the image of the current government").
    Not after a word that damages a name by itself (:func:`predicates.smears`: "discredit the
    authorities"), nor the claimant's own side ("…discrediting the military?": the
    government whose image the claim speaks of); none where it says only where ("abroad")."""
    subject = context.subject_texts
    if not _harms_but_no_name(question, subject):
        return None
    script = textlib.letter_script(question)
    spoken = (
        fold(w)
        for text in subject
        if textlib.letter_script(text) == script
        for w in WORD.findall(text)
    )
    words = itertools.chain(theirs, spoken)
    name = next((w for w in words if predicates.is_of(predicates.REPUTE, w)), None)
    if name is None:
        return None
    for clause in _clauses(question):
        at = next(
            (
                i
                for i, w in enumerate(clause)
                if predicates.is_of(predicates.DAMAGE, w) and not predicates.smears(w)
            ),
            None,
        )
        if at is None:
            continue
        for word in clause[at + 1 :]:
            if _of_abroad(word):
                return None
            if word in lacked and not of_claimants_side(word, context):
                return word, name
        return None
    return None


def _harms_but_no_name(question: str, subject: tuple[str, ...]) -> bool:
    """Whether a claim's texts (``subject``) say its doers damage something (a word of
    :data:`predicates.DAMAGE`), and ``question`` names no word of a name
    (:data:`predicates.REPUTE`: "…tarnishing the junta's reputation abroad?" damages the
    claim's own): where another thing damaged may be read."""
    return predicates.DAMAGE in predicates.deeds_held(subject) and not predicates.names(
        predicates.REPUTE, question, subject
    )


# The Chinese words of a name, and of damaging that no name by itself (:func:`predicates.smears`)
_REPUTE_ZH = re.compile("|".join(predicates.REPUTE.chinese_words))
_DAMAGING_ZH = re.compile(
    "|".join(w for w in predicates.DAMAGE.chinese_words if w not in predicates.SMEARING_CHINESE)
)


def _chinese_other_harmed(
    held: HeldWords, plain: str, context: ClaimContext
) -> tuple[str, str] | None:
    """:func:`_other_harmed` in Chinese: a noun the claim's Chinese texts lack
    (:attr:`HeldWords.unheld_nouns`) after the question's word of damaging, where the claim
    says its doers damage a name and the question names none ("缅甸抗议者破坏政府大楼吗", do
    the protesters damage government buildings?), paired with the claim's Chinese word of a
    name ("形象")."""
    subject = context.subject_texts
    if not _harms_but_no_name(plain, subject):
        return None
    damage = _DAMAGING_ZH.search(plain)
    name = next(
        (found for text in subject if textlib.has_han(text) for found in _REPUTE_ZH.findall(text)),
        None,
    )
    if name is None or damage is None:
        return None
    noun = next((n for n in held.unheld_nouns if plain.find(n, damage.end()) >= 0), None)
    return None if noun is None else (noun, name)


def _names_topic(naming: frozenset[str], context: ClaimContext) -> Callable[[str], bool]:
    """Whether a word the question shares with the claim's texts only names what the claim
    is about, as its closest phrasing does up to its first central word (``naming``): one of
    those words, a light verb, or a word saying only what kind of thing it is
    (:func:`_modifiers`). For :func:`_shares_beyond`."""
    modifiers = _modifiers(context.subject_texts, context.central)
    return lambda w: w in naming or w in LIGHT_VERBS or echoes(w, modifiers)


# The particles of English phrasal verbs ("carry out terrorist attacks"): before a noun, no
# word of what kind it is.
PARTICLES = frozenset("out up off down over away back along around through".split())  # noqa: SIM905


@lru_cache(maxsize=1024)
def _modifiers(subject: tuple[str, ...], central: frozenset[str]) -> frozenset[str]:
    """The words of a claim's English texts (``subject``) that stand, each time, right before
    a central word, with nothing between but a space or a hyphen, and are none: what kind of
    thing it is, as English puts a noun before a noun ("voter" of "voter fraud",
    "pro-democracy" of "pro-democracy protesters"), which says nothing the claim says of it
    (not the particle of a phrasal verb: "out" of "carry out terrorist attacks"). A question
    sharing one ("Did people in Myanmar vote in the 2020 election?") shares the topic's
    words, not the claim's."""
    before: dict[str, bool] = {}
    for text in subject:
        if textlib.letter_script(text) != "latin":
            continue
        tokens = list(WORD.finditer(text))
        for token, after in zip(tokens, [*tokens[1:], None], strict=True):
            word = fold(token.group())
            if is_stopword(word) or word in PARTICLES or echoes(word, central):
                continue
            modifies = (
                after is not None
                and text[token.end() : after.start()] in (" ", "-")
                and echoes(fold(after.group()), central)
            )
            before[word] = before.get(word, True) and modifies
    return frozenset(w for w, each in before.items() if each)


# Verbs that say little on their own, as "turn into" and "become" do: what follows says what
# happens ("Did the Myanmar protests turn violent?" keeps "turn" of "Did the Myanmar protests
# turn into terrorism?", and says "violent" where it says "terrorism"). Shared, they are no
# part of what the claim says.
LIGHT_VERBS = frozenset(
    """turn turns turned turning become becomes became becoming get gets got getting go goes
    went going gone""".split()  # noqa: SIM905
)


def _topic_only(
    content: list[str], theirs: list[str], context: ClaimContext, opening: str | None
) -> bool:
    """:attr:`Comparison.topic_only`: a question (its content words, ``content``) that shares
    with the claim's texts only how its closest phrasing (``theirs``) names what the claim is
    about, up to its first central word (``opening``), with places, numbers and light verbs,
    and holds no central word beyond: it names the topic, and nothing the claim says of it
    ("Was there an election in Myanmar in 2020?" against "Was there election fraud in
    Myanmar?"; "Did the Myanmar protests turn violent?" against "…turn into terrorism?"). Not
    where the phrasing says nothing after that word: then it is what the claim says ("fraud"
    of "The Myanmar coup happened because of voter fraud")."""
    if opening is None or opening not in theirs:
        return False
    at = theirs.index(opening)
    if not any(
        w not in LIGHT_VERBS and not names_one(w, context.anchors) for w in theirs[at + 1 :]
    ):
        return False
    naming = frozenset(theirs[: at + 1])
    asked = frozenset(content)
    if any(echoes(c, asked) for c in context.central if not echoes(c, naming)):
        return False
    topic = _names_topic(naming, context)
    return not _shares_beyond(content, (), context, lambda w: w.isdecimal() or topic(w))


def _shares_beyond(
    content: list[str],
    unshared: tuple[str, ...],
    context: ClaimContext,
    naming: Callable[[str], bool],
) -> bool:
    """Whether a question (its content words, ``content``) shares with the claim's texts a
    word that is neither a place of the claim's nor one ``naming`` accepts (how the closest
    phrasing names what the claim is about: :func:`_deed_replaced`, :func:`_deed_left_out`).
    Its new words (``unshared``) are none it shares."""
    return any(
        not (naming(w) or names_one(w, context.anchors))
        for w in content
        if w not in unshared and echoes(w, context.subject_words)
    )


def _whole_name(word: str, question: str, names: frozenset[str]) -> str:
    """The run of the question's words that are words of ``names`` (folded) and hold ``word``,
    as the question writes it ("Min Aung Hlaing" for "hlaing"); ``word`` if there is none."""
    run: list[str] = []
    for found in WORD.finditer(question):
        if any(same_name(fold(found.group()), name) for name in names):
            run.append(found.group())
            continue
        if any(fold(w) == word for w in run):
            break
        run = []
    return " ".join(run) if any(fold(w) == word for w in run) else word


def _deed_left_out(
    content: list[str],
    theirs: list[str],
    context: ClaimContext,
    unshared: tuple[str, ...],
    opening: str | None,
    names: frozenset[str],
) -> tuple[str, str] | None:
    """A long post's :attr:`Comparison.replaced`, where its words need not line up with the
    closest phrasing's (``theirs``): its first new word (``unshared``) paired with the
    phrasing's first word after its ``opening`` (the first central word, most often what
    the claim is about: "election"), where the post holds in no form any of the phrasing's
    words after the opening (what the claim says of it: "rigged"; places aside) nor any other
    central word of the claim ("fraud"), and every word it shares with the claim's texts
    either names what the claim is about as the phrasing does up to its opening ("November",
    "election"), or is a place of the claim's or a name the post writes (``names``: "NLD"). A
    post retelling the claim keeps some of what it says; one about something else of the
    same subject keeps none. None otherwise."""
    if opening is None or opening not in theirs or not unshared:
        return None
    at = theirs.index(opening)
    deed = [w for w in theirs[at + 1 :] if not names_one(w, context.anchors)]
    asked = frozenset(content)
    if not deed or any(echoes(w, asked) for w in deed):
        return None
    if any(echoes(c, asked) for c in context.central if not echoes(c, frozenset((opening,)))):
        return None
    naming = frozenset(theirs[: at + 1])
    if _shares_beyond(content, unshared, context, lambda w: echoes(w, naming) or w in names):
        return None
    return unshared[0], deed[0]


def _other_wordings(question: str, phrasing: str, context: ClaimContext) -> Iterator[list[str]]:
    """The content words of each text of the claim's subject but ``phrasing``, in the
    question's script."""
    script = textlib.letter_script(question)
    for text in context.subject_texts:
        if text != phrasing and textlib.letter_script(text) == script:
            yield textlib.content_words(textlib.normalise(text))


def _as_theirs(word: str, theirs: list[str]) -> str:
    """``word`` as the phrasing's words (``theirs``) write it, where one of them is it
    misspelt (:func:`is_misspelt`: "terorism", "escalted"); else ``word``."""
    if word in theirs:
        return word
    near = misspelt_of(word, frozenset(theirs))
    return next((other for other in theirs if other in near), word)


def _moved(
    content: list[str], i1: int, i2: int, opening: str, new: list[str], asked: frozenset[str]
) -> bool:
    """Whether the run ``content[i1:i2]`` of a question, standing where a phrasing has its
    opening word alone, is one new word (``new``), and the question writes the opening word
    only after it: who the claim is about, moved to whom the new doer acts on ("soldiers …
    shoot protesters", "солдатам … за расстрелы протестующих")."""
    return (
        i2 - i1 == 1
        and content[i1:i2] == new
        and echoes(opening, asked)
        and _only_after(opening, content, i2)
    )


def _swapped_opening(
    question: str,
    content: list[str],
    phrasing: str,
    theirs: list[str],
    context: ClaimContext,
    unshared: tuple[str, ...],
) -> tuple[str, str] | None:
    """Where no central word pairs (:func:`_replaced`) in a claim that has central words
    (worded often enough, but perhaps too few times in the question's language to have any
    in it): the question's one word that the claim's whole context lacks (``unshared``),
    standing alone in place of a phrasing's first content word (the closest phrasing's
    words: ``theirs``), which the question lacks in any form or writes only after it
    ("Солдатам" for "Протестующим" in "Солдатам в Мьянме платят за теракты?"); or one of
    several such words, where the question writes the phrasing's word after it
    (:func:`_moved`: "Солдатам … за расстрелы протестующих"): (the question's word, the
    phrasing's), another doer as :func:`pieces.opening_put` reads one in Chinese; None
    otherwise. The closest phrasing is read first, then the claim's
    other wordings in the question's script. Not for a claim worded once, as an archive's
    are: its one phrasing may open with what was done ("We enacted the biggest tax cuts…",
    asked as "We passed…")."""
    if not unshared or any(is_misspelt(w, context.words) for w in unshared):
        return None
    asked = frozenset(content)
    for wording in (theirs, *_other_wordings(question, phrasing, context)):
        at = (j for j, w in enumerate(wording) if _what_it_is_about(w, context.anchors))
        first = next(at, None)
        if first is None:
            continue
        matcher = difflib.SequenceMatcher(a=content, b=wording, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "replace" or (j1, j2) != (first, first + 1):
                continue
            swapped = [w for w in content[i1:i2] if w in unshared]
            if content[i1:i2] == [*unshared] and _only_after(wording[first], content, i2):
                return unshared[0], wording[first]
            if _moved(content, i1, i2, wording[first], swapped, asked):
                return swapped[0], wording[first]
    return None


# Who a sentence is about, said by a pronoun ("They just receive money"): its doer, named
# otherwise than by a word, not its first word of content.
THEY = frozenset({"they", "они"})


def _doer_displaced(
    question: str,
    content: list[str],
    theirs: list[str],
    opening: str | None,
    context: ClaimContext,
) -> tuple[str, str] | None:
    """Whom or what a claim's texts have its doers act on, put in the doer's place: a short
    question naming none of the claim's doers (:func:`doers_of`) in any form, whose first word
    of content (who made the claim, its anchors and words of saying left out) the claim's
    texts hold, but never among the words naming their doer (:func:`doer_words`): "Is the
    Myanmar government ruining its own image on purpose?" of "Are the protesters … ruining the
    government's image…?", "Местное население в Мьянме сеет страх?" (do the locals sow fear?)
    of "Протестующие … сеют страх среди местного населения?". The pair (the question's word,
    the claim's doer: the closest phrasing's ``opening``, else its first word naming a doer);
    None otherwise. Another doer by the claim's own words, as :func:`pieces.opening_put` reads
    one in Chinese. Not where "they" comes before that word: who does it is said, by a
    pronoun ("\"They just receive money\" – Min Aung Hlaing. True?": "receive" is what is
    done)."""
    doers = doers_of(context)
    if not doers or any(echoes(d, frozenset(content)) for d in doers):
        return None
    # Where the claim is set and who made it are no doer of the question's.
    unspoken = context.anchors | context.speakers
    first = next((w for w in content if not framing(w, unspoken)), None)
    if (
        first is None
        or not _what_it_is_about(first, context.anchors)
        or not echoes(first, context.subject_words)
        or echoes(first, doer_words(context))
    ):
        return None
    before = textlib.tokens(textlib.normalise(question))
    if THEY & frozenset(before[: before.index(first)] if first in before else ()):
        return None
    doer = opening if opening is not None else next((w for w in theirs if w in doers), None)
    return None if doer is None else (first, doer)


def _only_after(word: str, content: list[str], at: int) -> bool:
    """Whether the question's content words (``content``) write ``word``, in some form,
    only from position ``at`` on."""
    return not echoes(word, frozenset(content[:at]))


def _what_it_is_about(word: str, anchors: frozenset[str]) -> bool:
    """Whether ``word`` of a claim's text may say who or what it is about (a central word, a
    phrasing's opening): a content word of three letters or more, no number, negation,
    anchor (``anchors``, in any form) or place."""
    return (
        len(word) > 2
        and not word.isdigit()
        and not is_stopword(word)
        and word not in textlib.ALL_NEGATIONS
        and not any_same(word, anchors)
        and not namelib.cased_places(word)
    )


def _not_misspelt(central: list[str], new: list[str]) -> list[str]:
    """The words of ``central`` none of ``new`` misspells: a central word misspelt ("payed"
    for "paid") is the word itself; a name misspelt ("hliang" for "hlaing") none of the
    question's other words."""
    return [c for c in central if not any(is_misspelt(w, frozenset((c,))) for w in new)]


def _read_places(
    question: str, context: ClaimContext, named: frozenset[str]
) -> tuple[Mapping[str, str], frozenset[str], bool, frozenset[str]]:
    """Places by name in a question written with case, whatever their case ("paid by
    china?", typed in small letters), with their regions; ``named`` with those the claim's
    context does not name in any language ("Мьянме" is its "Myanmar"); whether one of
    them is a place its subject names; and the words, in small letters, of those it names
    that the claim's context names or holds ("yangon", a city of the claim's country): where
    the claim is set, said otherwise, no new thing it says."""
    places = _cased_places(question)
    anchor = False
    settings: set[str] = set()
    for name, code in places.items():
        # "United States" where the claim writes "states" and "united": no other place.
        several = name not in named and " " in name
        if several and all(any_same(w, context.words) for w in name.split()):
            continue
        anchor = anchor or _names_place(code, context, subject=True)
        if _names_place(code, context):
            settings.update(name.casefold().split())
        elif name not in named:
            named = named | {name}
    # A city, read where it is written as a name, and a town the question places someone or
    # something in ("my uncle in Mandalay", "дед в Мейтхиле"), once the cities are read: of a
    # country the claim names, it is no other place ("protesters in Yangon") and it anchors
    # where the subject names that country; of another, it stays a name the claim lacks.
    for read in (_cities, _towns):
        for name, codes in read(question, named):
            if (ours := _claims_region(codes, context)) is not None:
                anchor = anchor or _names_place(ours, context, subject=True)
                named = named - set(name.split())
                settings.update(name.split())
    return places, named, anchor, frozenset(settings)


# A question and what follows it: the question, up to its question mark.
_QUESTION_FIRST = re.compile(r"^([^?？]+[?？])\s*\S")


def _question_first(question: str) -> tuple[str, list[str]] | None:
    """The question a message opens with, and its words of content, where more follows it and
    it is short (at most :data:`SHORT_QUESTION` words of content); None otherwise."""
    found = _QUESTION_FIRST.match(question.strip())
    if found is None:
        return None
    asked = found.group(1)
    words = textlib.content_words(textlib.normalise(asked))
    return (asked, words) if len(words) <= SHORT_QUESTION else None


@lru_cache(maxsize=4096)
def _cities(question: str, named: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The cities (:func:`names.city_names`) the question names with capitals, each with its
    region (as :func:`_towns` gives a town's): each of their words read as a name. Read once
    for the candidates it is compared with (``named`` is the same for all but those whose
    context names a place it holds)."""
    if not named:
        return ()
    words = textlib.normalise(question).split()
    found: dict[str, frozenset[str]] = {}
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = words[i : i + size]
            city = " ".join(phrase)
            if all(w in named for w in phrase) and (region := namelib.city_of(city)):
                found.setdefault(city, frozenset((region,)))
    return tuple(found.items())


# The words that place someone or something in a town written after them: "in", "near"…;
# Russian "в", "из", "под"…. Not "from" and "at", written before people as often ("money from
# Aung San", "angry at Warren").
PLACING = frozenset(
    """in near around outside inside across throughout в во из под около возле близ""".split()  # noqa: SIM905
)


# Where a town stands after who passed a message on, or what: "from" after one of
# textlib.PASSING_ON ("uncle from Monywa", "fwd from Sittwe"), and a hometown ("my hometown
# Magway").
_FROM = "from"
_HOMETOWN = frozenset({"hometown", "hometowns"})


def _placing(words: list[str], i: int) -> bool:
    """Whether the word before ``words[i]`` places something in a town written there
    (:data:`PLACING`), or it is "from" after a word of passing a message on, or a hometown."""
    before = words[i - 1]
    if before in PLACING or before in _HOMETOWN:
        return True
    return before == _FROM and i >= 2 and words[i - 2] in textlib.PASSING_ON


@lru_cache(maxsize=4096)
def _towns(question: str, named: frozenset[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The towns (:func:`towns.town_regions`) the question names with capitals right after a
    word placing something in them (:data:`PLACING`), each with the countries that have a
    town of that name: the whole name, of one to three words ("in Aung San Suu Kyi's trial"
    names a woman, not the town of Aung San), and not one with "'s" (a person's as often)."""
    if not named:
        return ()
    words = textlib.normalise(question).split()
    found: dict[str, frozenset[str]] = {}
    for i in range(1, len(words)):
        if not _placing(words, i) or words[i] not in named:
            continue
        end = next((j for j in range(i, len(words)) if words[j] not in named), len(words))
        if end - i > 3 or words[end : end + 1] == ["s"]:
            continue
        town = " ".join(words[i:end])
        if regions := town_regions(town):
            found.setdefault(town, regions)
    return tuple(found.items())


# The question's side, read once for all the candidates it is compared with.


@lru_cache(maxsize=4096)
def _cased_places(question: str) -> Mapping[str, str]:
    """Kept for every candidate the question is compared with: not to be changed."""
    return dict(namelib.cased_places(textlib.normalise(question), CLOSED_CLASS))


@lru_cache(maxsize=4096)
def _unspaced_places(question: str) -> tuple[tuple[str, str], ...]:
    return tuple(namelib.unspaced_names(textlib.normalise(question)))


@lru_cache(maxsize=4096)
def _unspaced_towns(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return placed_unspaced(textlib.normalise(question))


@lru_cache(maxsize=4096)
def _visits(plain: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple(namelib.visits(plain))


@lru_cache(maxsize=4096)
def _armies(plain: str) -> frozenset[str]:
    return namelib.armies_of(plain)


# A question asking for a fact rather than whether a statement holds: who won, what happened,
# when it was held, how many died. Its word for what is asked opens it in English and Russian
# (after who passed it on: "Forwarded: who won…"), stands anywhere in Chinese, and in Burmese
# stands with the "…လဲ" that closes such a question (a yes-or-no one closes with "…လား").
# "Why" and "how" are left out: the check's reasons may be the answer. So is "what a…".
# In English and Russian only the first sentence, and only where it ends with a question
# mark: "When they passed Obamacare they put a bailout fund in it." states something. "When"
# and "where" ask only before a verb's helper ("when was…", not "when I say…").
_OPEN_EN_RU = re.compile(
    r"^(?:[^:?.!]{0,60}:\s*)?(?P<asked>who|whom|whose|which|what(?!\s+an?\b)|how\s+(?:many|much)"
    r"|(?:when|where)(?=\s+(?:is|was|are|were|did|does|do|will|would|has|have|had|can|could)\b)"
    r"|кто|кого|чей|чья|чьи|что(?!\s*[,!?])|когда|где|какой|какая|какое|какие|каком|какую"
    r"|сколько)\b(?!-)[^.!?]*\?",  # not "кто-то", someone
    re.IGNORECASE,
)
_OPEN_ZH = re.compile(
    "(?:谁|哪个|哪些|哪一|哪家|哪国|多少|几时|何时|什么时候)[^。！!]*(?:[?？]|呢)"
)
_OPEN_MY = re.compile(r"(?:ဘယ်သူ|ဘယ်အချိန်|ဘယ်တုန်း|ဘယ်မှာ|ဘယ်နှ|ဘယ်လောက်|ဘာ(?!ကြောင့်)).*လဲ\W*$")
# Words that ask whether what follows holds, in a question opened so ("what's the truth about
# …", "who says…" is a verb of saying): a check it may get.
_CHECKING = frozenset(
    """true truth fact facts real fake verdict rating rated check checked correct accurate
    legit hoax rumor rumour правда правду верно факт фейк ложь слух проверка""".split()  # noqa: SIM905
)
# (and "对吗", right?; reliable, credible; checking, evidence, the claim; who says it: "是谁说
# …的？这说法对吗？" asks for the claim's speaker, as "who says…" does)
_CHECKING_ZH = re.compile(
    "真的|真假|属实|是否|谣言|假的|事实|对吗|对不对|靠谱|可信|核实|核查|证据|说法|谁说"
)
# In Burmese: the truth ("အမှန်က ဘာလဲ", what is the truth?), true?, real, evidence, a check
# ("ဘယ်သူ fact check လုပ်ဖူးလဲ", who has checked it?); not "…မှန်" of "ပုံမှန်" (normal)
_CHECKING_MY = re.compile("အမှန်|မှန်(?:လား|ရဲ့|ရော|သလား)|အစစ်|အထောက်အထား|စစ်ဆေး|စစ်ပေး|fact|check|verify")


# What may follow the question asking for a fact, for it to be all the message asks ("Who would
# have known? @peta tells us that…" goes on to state a claim): a few words ("pls", "anyone?").
OPEN_AFTER_WORDS = 3
OPEN_AFTER_CHARACTERS = 6  # in Chinese


def _little_after(rest: str, most: int) -> bool:
    """Whether ``rest`` holds at most ``most`` words (in Chinese, characters)."""
    letters = "".join(c for c in rest if c.isalnum())
    return len(letters) <= most if textlib.has_han(rest) else len(rest.split()) <= most


@lru_cache(maxsize=4096)
def _asks_open(question: str) -> bool:
    """Whether ``question`` asks for a fact (who won, what happened, when, how many), not
    whether a statement holds: a claim's check is no answer to it, at most an offer. Not
    where it also asks whether something is true, or who says it ("who says protesters are
    paid?" asks for the claim's speaker)."""
    plain = textlib.plain(question).strip()
    folded = textlib.normalise(plain)
    if textlib.has_han(folded):
        chinese = textlib.simplified(plain)  # with its question mark
        found = _OPEN_ZH.search(chinese)
        return (
            found is not None
            and _little_after(chinese[found.end() :], OPEN_AFTER_CHARACTERS)
            and not _CHECKING_ZH.search(chinese)
        )
    if textlib.has_burmese(folded):
        return bool(_OPEN_MY.search(folded)) and not _CHECKING_MY.search(folded)
    opened = _OPEN_EN_RU.match(plain)
    if opened is None or not _little_after(plain[opened.end() :], OPEN_AFTER_WORDS):
        return False
    following = textlib.normalise(plain[opened.end("asked") :]).split()[:1]  # "who said…"
    return not (_CHECKING & set(folded.split())) and not any(is_saying(w) for w in following)


# Months and days cut short as English writes them beside CLDR's own ("Sept", "Tues").
_SHORT_DATES = {"sept": "september", "tues": "tuesday", "thur": "thursday", "thurs": "thursday"}


@cache
def _calendar() -> dict[str, str]:
    """The months and days of the week cut short ("nov", "нояб"), folded, each with its full
    name, in the languages read by their capitals (English, Russian): CLDR's, through Babel."""
    full: dict[str, str] = dict(_SHORT_DATES)
    for code in ("en", "ru"):
        locale = Locale.parse(code)
        for table in (locale.months, locale.days):
            for context in ("format", "stand-alone"):
                wide, short = table[context]["wide"], table[context]["abbreviated"]
                for key, name in short.items():
                    full.setdefault(name.casefold().rstrip("."), wide[key].casefold())
    return full


def _date_word(name: str) -> str:
    """A month's or day's name cut short ("Nov", "Sept", "нояб") read as the whole name, which
    the claim's context may hold ("November 2020"); any other name as it is ("Marc")."""
    return _calendar().get(name, name)


def _outlets(appearance: str) -> frozenset[str]:
    """:attr:`ClaimContext.outlets` of a claim's ``appearance``. Only words no list holds: the
    spelling dictionaries write peoples' and languages' names capitalised as they do outlets'
    ("Russian" beside "Reuters"), and a question naming another people must stay another
    claim ("were the Russian protesters paid?")."""
    from knowledge.matching.propernouns import proper_nouns

    return frozenset(
        folded
        for word in WORD.findall(textlib.plain(appearance))
        if word[:1].isupper()
        and len(word) >= MIN_OUTLET
        and _LATIN_WORD.fullmatch(folded := fold(word)) is not None
        and folded not in english_words()
        and folded not in proper_nouns()
        and not is_stopword(folded)
        and not namelib.cased_places(folded)
        and namelib.city_of(folded) is None
        and _date_word(folded) == folded
    )


@lru_cache(maxsize=4096)
def _named_openers(openers: frozenset[str]) -> frozenset[str]:
    """The words of ``openers`` the spelling dictionaries write only capitalised (names)."""
    from knowledge.matching.propernouns import proper_nouns

    return openers & proper_nouns()


def _small_names(question: str) -> frozenset[str]:
    """The words of ``question`` written in small letters that are names wherever they are
    written: the spelling dictionaries write them only capitalised ("cia", "нато", "putin"),
    as a question typed without capitals would have shown them. No stopword, nor a word of two
    letters (``_abbreviation`` reads those)."""
    # Imported here: the module also makes the list (python -m), run where this one is loaded.
    from knowledge.matching.propernouns import proper_nouns

    known = proper_nouns()
    return frozenset(
        folded
        for word in WORD.findall(textlib.plain(question))
        if word.islower()
        and len(word) > 2
        and (folded := fold(word)) in known
        and not is_stopword(folded)
        and folded not in NOT_NAMES
    )


@lru_cache(maxsize=4096)
def _joined(texts: tuple[str, ...]) -> str:
    """``texts`` normalised, without spaces, one a line: where names written without
    spaces are looked for."""
    return "\n".join(textlib.normalise(t).replace(" ", "") for t in texts)


def _subject_holds(name: str, question: str, context: ClaimContext) -> bool:
    """Whether the claim's subject, or who made it, holds ``name`` of ``question`` in some
    form, as the whole context is read for it (an initialism of any of its texts counts:
    "ICE" of "Immigration and Customs Enforcement")."""
    held = context.subject_words | context.speakers
    return (
        any_same(name, held)
        or _spelt_otherwise(name, question, held)
        or any_same(latin(name), held)
        or name in context.initialisms
        or name in _hyphened(held)
    )


def _names_place(code: str, context: ClaimContext, subject: bool = False) -> bool:
    """Whether the claim's context (with ``subject``, its subject only) names the place of
    region ``code`` by any of its names in any language the bot reads ("缅甸" is the
    "Myanmar" of an English claim)."""
    if subject:
        texts = context.subject_texts
        named = _texts_name_place(code, _joined(texts), context.subject_words)
    else:
        texts = context.subject_texts + context.setting_texts
        named = _texts_name_place(code, _joined(texts), context.words)
    return named or code in _abbreviated_places(texts)


def _claims_region(codes: Iterable[str], context: ClaimContext) -> str | None:
    """The first of ``codes`` (a town's or a city's regions, in order) whose place the claim's
    context names (:func:`_names_place`); None where it names none of them."""
    return next((code for code in sorted(codes) if _names_place(code, context)), None)


def _setting_only(code: str, context: ClaimContext) -> bool:
    """Whether the place of region ``code`` is named by the claim's setting only (where it was
    said: "in an interview with Russian television"), not by what it is about. A question
    that names such a place, nothing the claim is about and not who made it ("were there
    frauds in the elections in the РФ?", "俄罗斯选举有舞弊吗") asks about another place."""
    return _names_place(code, context) and not _names_place(code, context, subject=True)


@lru_cache(maxsize=4096)
def _abbreviated_places(texts: tuple[str, ...]) -> frozenset[str]:
    """The region codes of the countries ``texts`` name by an abbreviation ("U.S.", "UK")."""
    return frozenset(
        code for text in texts for _, code in namelib.abbreviated_places(textlib.normalise(text))
    )


@lru_cache(maxsize=4096)
def _texts_name_place(code: str, joined: str, words: frozenset[str]) -> bool:
    """Whether texts (:func:`_joined`; ``words``, their folded words) name the place of
    region ``code``."""
    for other in namelib.names_of(code):
        if " " not in other and not textlib.has_unspaced_script(other):
            # A word of a script with case: looked for, inflected too, among the words.
            if any_same(other, words):
                return True
        elif other.replace(" ", "") in joined:
            return True
    return False
