"""What tells a Burmese question's candidate claims apart.

Burmese is scored by characters (:class:`~knowledge.matching.rerank.QueryScorer`): written
without spaces, it has no words to count. Characters weigh a word every candidate holds
("ဆန္ဒပြ", protest) as much as the one that tells them apart ("ပိုက်ဆံ", money, against
"ကြောက်", fear), so a question about the protests turning into terrorism could score
closest to the check of protesters paid to commit it, for the longer run of letters the two
share. :class:`Overlap` reads each text as its words of content (:func:`content_grams`) and
weighs each by how few of the candidates hold it, so that what a question shares with one
candidate and not the others counts most; :func:`~knowledge.matching.rerank.score_candidates`
then lowers each candidate's closeness by as much as it falls short of the candidate sharing
most (:data:`PULL`). A word of a closed class shares that class with a text holding another
of its words (:func:`classes_named`: "ငွေရ", get money, with "ပိုက်ဆံယူ", take money), as
the readings of what a claim says do (:mod:`knowledge.matching.predicates`). The
candidate's texts are its phrasings and its translations: the claim as checked, in Burmese,
holds words its few short aliases do not ("လက်ရှိအစိုးရ၏ ပုံရိပ်", the current government's
image).

Measured on every near-miss set and a fresh blind probe (docs/benchmarks.md, "What tells
Burmese candidates apart"). Grammar and rarity, not topics: nothing here is keyed to a claim.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from knowledge.matching import burmese_words, predicates
from knowledge.matching import text as textlib
from knowledge.matching.wording import STEM

# How much of a candidate's closeness rests on what it shares of the question's words of
# content, against the candidate sharing most (chosen among 0.2, 0.35 and 0.5 on the
# near-miss sets: 0.5 answered a negated question with the wrong claim, 0.2 gained less)
PULL = 0.35

_BURMESE_RUN = re.compile("[\u1000-\u109f]+")
# English words in a Burmese question ("election fraud ကြောင့်…") are read as the letters two forms
# of a word share (wording.STEM), as the candidates' English phrasings hold them ("protesters",
# "protests": "prote"; a typo past them, "electon", still "elect")
_LATIN_WORD = re.compile("[a-z]{4,}")


@lru_cache(maxsize=16384)
def content_grams(text: str) -> frozenset[str]:
    """A text's words of content: each Burmese word of the lexicon that is no grammar nor a
    particle a question wraps a claim in (:func:`content_words`), with each pair of its
    syllables (:func:`word_grams`); and its English words, but stopwords, as their first
    letters (marked "~")."""
    normalised = textlib.normalise(text)
    grams = {
        "~" + word[:STEM]
        for word in _LATIN_WORD.findall(normalised)
        if word not in textlib.STOPWORDS
    }
    for word in content_words(normalised, _particles()):
        grams.update(word_grams(word))
    return frozenset(grams)


@lru_cache(maxsize=16384)
def classes_named(text: str) -> frozenset[str]:
    """The closed classes of words a text's Burmese names a word of
    (:data:`predicates.CLASSES`: "ငွေ" and "ပိုက်ဆံ" are both money), marked "§": two texts
    naming one class share it, whichever of its words each writes ("လမ်းထွက်", taking to the
    streets, and "ဆန္ဒပြ", protesting). Only a class of more than one Burmese word: one word
    is a word of content already."""
    normalised = textlib.normalise(text)
    if not textlib.has_burmese(normalised):
        return frozenset()
    return frozenset(
        "§" + kind.name
        for kind in predicates.CLASSES
        if len(kind.burmese) > 1 and any(word in normalised for word in kind.burmese)
    )


def _read(text: str) -> frozenset[str]:
    """What :class:`Overlap` weighs of a text: its words of content and its classes."""
    return content_grams(text) | classes_named(text)


def content_words(text: str, framing: frozenset[str]) -> list[str]:
    """The Burmese words of ``text`` (:func:`burmese_words.segment`) that are no grammar nor
    one of ``framing``."""
    kinds = burmese_words.kinds()
    return [
        word
        for run in _BURMESE_RUN.findall(text)
        for word in burmese_words.segment(run)
        if kinds.get(word) != burmese_words.GRAMMAR and word not in framing
    ]


def word_grams(word: str) -> tuple[str, ...]:
    """A word and each pair of its syllables: "အကြမ်းဖက်သမား", terrorist, shares "အကြမ်း" and
    "ကြမ်းဖက်" with "အကြမ်းဖက်", terrorism."""
    syllables = textlib.burmese_syllables(word)
    return (word, *(a + b for a, b in itertools.pairwise(syllables)))


@cache
def framing_words() -> frozenset[str]:
    """The words a question wraps a claim in (:data:`pieces.FRAMING_WORDS` and
    :data:`pieces.LEADING_WORDS`: "မှန်လား", "တကယ်", "ဟုတ်")."""
    from knowledge.matching.pieces import FRAMING_WORDS, LEADING_WORDS  # pieces reads names

    return frozenset((*FRAMING_WORDS, *LEADING_WORDS))


@cache
def _particles() -> frozenset[str]:
    """The Burmese framing words of one syllable."""
    return frozenset(
        word
        for word in framing_words()
        if textlib.has_burmese(word) and len(textlib.burmese_syllables(word)) == 1
    )


class Overlap:
    """How close a Burmese question is to each candidate by the words of content, and the
    closed classes of words (:func:`classes_named`), it shares with the candidate's closest
    text, each weighing its rarity among the candidates (an inverse document frequency over
    the claims whose texts hold it): the cosine of the two weighted sets. Who made the claim
    is left out of the question: naming him tells no candidate of his from another."""

    def __init__(self, question: str, texts: Mapping[str, Sequence[tuple[str, str]]]) -> None:
        """``texts``: each candidate's (field, text) pairs, field ``claimant`` for who made
        it (:meth:`~knowledge.store.ClaimBase.phrasings`)."""
        self.texts = {
            claim_id: [_read(text) for field, text in docs if field != "claimant"]
            for claim_id, docs in texts.items()
        }
        claimants = frozenset().union(
            *(
                content_grams(text)
                for docs in texts.values()
                for field, text in docs
                if field == "claimant"
            )
        )
        self.asked = _read(question) - claimants
        held: dict[str, int] = {}
        for grams in self.texts.values():
            for gram in frozenset().union(*grams):
                held[gram] = held.get(gram, 0) + 1
        self.held = held
        self.claims = len(texts)
        self.asked_weight = math.sqrt(sum(map(self.idf, self.asked)))

    def idf(self, gram: str) -> float:
        return math.log((self.claims + 1) / (self.held.get(gram, 0) + 0.5))

    def shares(self) -> dict[str, float]:
        """Each candidate's cosine (:meth:`cosine`, its closest text's) over the most any
        candidate has: 1 for the closest; empty where no candidate shares a word."""
        cosines = {
            claim_id: max(map(self.cosine, grams), default=0.0)
            for claim_id, grams in self.texts.items()
        }
        top = max(cosines.values(), default=0.0)
        if top <= 0:
            return {}
        return {claim_id: cosine / top for claim_id, cosine in cosines.items()}

    def cosine(self, grams: frozenset[str]) -> float:
        if not grams or not self.asked:
            return 0.0
        shared = sum(map(self.idf, self.asked & grams))
        norm = self.asked_weight * math.sqrt(sum(map(self.idf, grams)))
        return shared / norm if norm > 0 else 0.0
