"""Scoring a question's candidates: fuzzy closeness, the re-ranker's features and order, and
the answer model's features of the best candidate.

How a candidate's score is made (tuned on the train splits; docs: "How it decides"):

    fuzzy    = (FUZZY_SIMILARITY · similarity + FUZZY_TOKEN_SORT · token_sort) / their sum,
               the best over the claim's phrasings: an absolute 0..1 closeness;
    lexical  = bm25 of the claim (text, title and aliases as one document) / best candidate's;
    score    = fuzzy · (1 − w + w · lexical), w = LEXICAL_WEIGHT · the share of the question's
               words that the word index knows (typos and unknown words lower it).

Multiplying keeps the score absolute: the top bm25 candidate scores its fuzzy closeness, so an
unrelated question still scores low, while weaker bm25 candidates are pushed down. Candidates
are ordered by the re-ranker (:data:`~knowledge.matching.model.RERANK`), and each one's score
is capped by the score of the claim ranked above it.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.matching import negation, syllables
from knowledge.matching import text as textlib
from knowledge.matching.decide import rivals
from knowledge.matching.model import (
    COSINE_FLOOR,
    COSINE_SCALE,
    RERANK,
    SEMANTIC_RERANK,
    cosine_feature,
)
from knowledge.matching.result import Match

FUZZY_SIMILARITY = 0.5
FUZZY_TOKEN_SORT = 0.2
LEXICAL_WEIGHT = 0.7
BM25_FLOOR = 0.1  # the re-ranker's bm25 features: see Question.top_bm25


@dataclass(frozen=True, slots=True)
class Question:
    """A question's side of the re-rank, worked out once: its normalised text, content words,
    how many claims hold each word, and the IDF of the words the index knows (unknown words,
    typos or names no claim holds, are left to the fuzzy scores)."""

    normalised: str
    words: list[str]
    frequencies: dict[str, int]
    idf: dict[str, float]
    unspaced: bool

    @classmethod
    def of(
        cls, normalised: str, words: list[str], frequencies: dict[str, int], phrasings: int
    ) -> Question:
        idf = {w: math.log((phrasings + 1) / (n + 0.5)) for w, n in frequencies.items() if n > 0}
        return cls(normalised, words, frequencies, idf, textlib.has_unspaced_script(normalised))

    @property
    def unknown(self) -> frozenset[str]:
        """The content words no claim of the base holds."""
        return frozenset(w for w, n in self.frequencies.items() if n == 0)

    @property
    def total_idf(self) -> float:
        return sum(self.idf.values()) or 1.0

    @property
    def lexical_weight(self) -> float:
        """bm25 only sees the words the index knows: with typos or unknown words it knows less
        about the question, so it weighs less."""
        known = sum(1 for n in self.frequencies.values() if n > 0)
        return LEXICAL_WEIGHT * known / len(self.frequencies)

    def top_bm25(self, bm25_sums: dict[str, float]) -> float:
        """What the re-ranker's bm25 features are relative to: the best candidate's bm25, but
        never less than BM25_FLOOR of the question's summed IDF (in a small base, or when only
        words that every claim holds match, bm25 is next to nothing for all and its ratios are
        noise)."""
        return max(max(bm25_sums.values(), default=0.0), BM25_FLOOR * self.total_idf) or 1.0

    def idf_overlap(self, doc_words: set[str]) -> float:
        """The share of the question's IDF found among a claim's words."""
        return sum(v for w, v in self.idf.items() if w in doc_words) / self.total_idf


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored candidate: the re-ranker's value and features, the match (with its
    closeness as score), and what the answer model reads of it."""

    value: float
    match: Match
    features: tuple[float, ...]
    similarity: float
    token_sort: float
    doc_words: set[str]


def score_candidates(
    question: Question,
    lexical: dict[str, float],
    bm25_sums: dict[str, float],
    phrasings: dict[str, list[tuple[str, str]]],
    cosines: dict[str, float] | None,
    translated: Mapping[str, list[tuple[str, str]]] | None = None,
) -> list[Candidate]:
    """Every candidate with a phrasing, scored, in ``lexical``'s order. A Burmese question's
    candidates are told apart by their words of content too (:mod:`~knowledge.matching.syllables`),
    in their phrasings and ``translated`` texts (by claim: the claim in other languages, and
    who made it as they write him)."""
    words = question.words
    unspaced = question.unspaced
    model = RERANK if cosines is None else SEMANTIC_RERANK
    # Each word once: a message repeating itself is no closer to a claim for it.
    query_content = " ".join(dict.fromkeys(words))
    query_words = set(question.normalised.split())
    burmese = unspaced and textlib.has_burmese(question.normalised)  # negations read so
    chinese = unspaced and textlib.has_han(question.normalised)
    weight = question.lexical_weight
    total = question.total_idf
    top_bm25 = question.top_bm25(bm25_sums)
    vocabulary = {
        word
        for docs in phrasings.values()
        for kind, text in docs
        if kind != "claimant"
        for word in phrasing_side(text).words
    }
    scorer = QueryScorer(query_content, vocabulary, unspaced)
    shares: dict[str, float] = {}
    if burmese:
        translated = translated or {}
        texts = {c: [*docs, *translated.get(c, ())] for c, docs in phrasings.items()}
        shares = syllables.Overlap(question.normalised, texts).shares()
    scored: list[Candidate] = []
    for claim_id, lexical_score in lexical.items():
        best_score, best_text = 0.0, ""
        best_sort = 0.0
        doc_words: set[str] = set()
        docs = phrasings.get(claim_id, [])
        names = " ".join(text for kind, text in docs if kind == "claimant")
        speaker = set(textlib.content_words(textlib.normalise(names)))
        claim_side = [0.0] * 5  # similarity, token set, token sort, partial, ratio
        other_side = [0.0] * 5  # the same, best over the title and aliases
        for kind, phrasing in docs:
            if kind == "claimant":
                continue
            measured = scorer.score(phrasing, speaker)
            if measured[0] > best_score:
                best_score, best_text = measured[0], phrasing
            best_sort = max(best_sort, measured[2])
            doc_words.update(textlib.normalise(phrasing).split())
            if unspaced:
                continue
            side = claim_side if kind == "claim" else other_side
            for i, value in enumerate(measured):
                side[i] = max(side[i], value)
        if not best_text:
            continue
        fuzzy = (FUZZY_SIMILARITY * best_score + FUZZY_TOKEN_SORT * best_sort) / (
            FUZZY_SIMILARITY + FUZZY_TOKEN_SORT
        )
        if unspaced:
            fuzzy = best_score
        if shares:
            fuzzy *= 1 - syllables.PULL + syllables.PULL * shares.get(claim_id, 0.0)
        closeness = fuzzy * (1 - weight + weight * lexical_score)
        bm25 = bm25_sums.get(claim_id, 0.0)
        doc_count = len(textlib.content_words(" ".join(sorted(doc_words)))) or 1
        features = (
            bm25 / top_bm25,
            bm25 / total,
            *claim_side,
            *other_side,
            question.idf_overlap(doc_words),
            min(doc_count, len(set(words))) / max(doc_count, len(set(words)), 1),
            fuzzy,
        )
        if cosines is not None:
            features = (*features, cosine_feature(cosines.get(claim_id, COSINE_FLOOR)))
        matched = textlib.normalise(best_text)
        mismatch = negation.mismatch(question.normalised, query_words, matched, burmese, chinese)
        match = Match(claim_id, round(closeness, 4), best_text, mismatch)
        scored.append(
            Candidate(model.value(features), match, features, best_score, best_sort, doc_words)
        )
    return scored


def order(scored: list[Candidate], by_closeness: bool) -> list[Match]:
    """Best first by the re-ranker's value (with ``by_closeness``: by closeness alone).

    Each claim's score is its closeness, capped by the score of the claim ranked above it:
    scores fall with the rank, the best keeps its own (an unrelated question still scores
    low), and where the re-ranker and closeness disagree the lead shrinks, so the bot is
    less sure."""
    if by_closeness:
        # Stable: equal scores keep the full-text index's order.
        return sorted((c.match for c in scored), key=lambda m: -m.score)
    ordered = [c.match for c in sorted(scored, key=lambda c: -c.value)]
    capped: list[Match] = []
    for match in ordered:
        if capped and match.score > capped[-1].score:
            match = replace(match, score=capped[-1].score)
        capped.append(match)
    return capped


def answer_features(
    question: Question,
    scored: list[Candidate],
    matches: list[Match],
    bm25_sums: dict[str, float],
    cosines: Mapping[str, float] | None,
) -> tuple[float, ...]:
    """The answer model's features (``ANSWER.features``, with the cosines
    ``SEMANTIC_ANSWER.features``) of the best of the ordered ``matches``."""
    top = matches[0].claim_id
    best = next(c for c in scored if c.match.claim_id == top)
    others = rivals(matches)
    scores = [m.score for m in others[:3]] + [0.0, 0.0]
    features: tuple[float, ...] = (
        1.0,
        scores[0],
        scores[0] - scores[1],
        scores[1] - scores[2],
        best.similarity,
        best.token_sort,
        question.idf_overlap(best.doc_words),
        min(bm25_sums.get(top, 0.0) / question.total_idf, 3.0) / 3,
        min(len(question.words), 40) / 40,
        rerank_lead(scored, others),
    )
    if cosines is not None:
        cosine = cosines.get(top, COSINE_FLOOR)
        rival = cosines.get(others[1].claim_id, COSINE_FLOOR) if len(others) > 1 else 0.0
        features = (*features, cosine_feature(cosine), COSINE_SCALE * (cosine - rival))
    return features


def rerank_lead(scored: list[Candidate], others: list[Match]) -> float:
    """How far the re-ranker puts the best claim ahead of its first rival, 0..1."""
    values = {c.match.claim_id: c.value for c in scored}
    if len(others) < 2:
        return 1.0
    return min(max(values[others[0].claim_id] - values[others[1].claim_id], 0.0), 4.0) / 4


def near_words(asked: list[str], known: list[str]) -> dict[str, set[str]]:
    """Each of the ``asked`` words' ``known`` words a typo apart or the same (rapidfuzz ratio at
    least ``textlib.TYPO_SIMILARITY``).

    Where numpy is loaded (a large base's word index, the embedding model), as one matrix of
    ratios (rapidfuzz's ``cdist``: 0.3 ms for 15 words against 800, which needs numpy); else a
    search a word (1 ms there, 0.2 ms for 10 against 300): a question decided without numpy on
    a small base does not import it for this (:mod:`knowledge.deferred`). The same words."""
    if "numpy" not in sys.modules:
        return {
            word: {
                found
                for found, _, _ in process.extract(
                    word, known, scorer=fuzz.ratio, score_cutoff=textlib.TYPO_SIMILARITY, limit=None
                )
            }
            for word in asked
        }
    import numpy as np

    close = process.cdist(
        asked, known, scorer=fuzz.ratio, score_cutoff=textlib.TYPO_SIMILARITY, dtype=np.float32
    )
    rows = zip(asked, close, strict=True)
    return {word: {known[i] for i in np.flatnonzero(row)} for word, row in rows}


# A long message in Chinese is read passage by passage from this many phrases on
# (QueryScorer._closest_passage), a passage up to this many times the phrasing's length,
PASSAGE_PHRASES = 4
PASSAGE_LENGTH = 1.5
PASSAGE_SHORTEST = 0.6  # and no shorter than this: a few words are inside many phrasings


def _by_characters(asked: str, phrasing: str) -> float:
    """How close two texts in a script without spaces are by their characters: their plain
    and partial ratios (rapidfuzz), half each (0..1)."""
    return 0.5 * fuzz.ratio(asked, phrasing) / 100 + 0.5 * fuzz.partial_ratio(asked, phrasing) / 100


class QueryScorer:
    """The question's side of every fuzzy comparison, worked out once per question.

    A word counts as found in another text when it is there, or (words of more than three
    letters) when a word there is at least 85% similar (rapidfuzz ``ratio``): a typo. Which of
    the candidates' words each question word is that close to is looked up once, over all the
    candidates' words (``vocabulary``), not once per phrasing.
    """

    def __init__(self, query_content: str, vocabulary: Iterable[str], unspaced: bool = False):
        self.content = query_content
        self.words = tuple(query_content.split())
        # Its characters: a phrasing sharing none (another script: the claim in Burmese, for
        # a question in English) scores zero on every measure, and is not measured.
        self._characters = frozenset(query_content) - {" "}
        self.unspaced = unspaced
        self.chinese = unspaced and textlib.has_han(query_content)
        self._sides: dict[tuple[str, ...], Side] = {}
        self._near_any: dict[tuple[str, ...], frozenset[str]] = {}
        known = list(set(vocabulary))
        asked = list(set(self.words))
        self._near: dict[str, set[str]] = {word: set() for word in asked}
        if known and asked:
            self._near.update(near_words(asked, known))

    def score(
        self, phrasing: str, speaker: set[str] | frozenset[str] = frozenset()
    ) -> tuple[float, float, float, float, float]:
        """The similarity (coverage of the question's words by the phrasing's, allowing typos,
        and of the phrasing's by the question's, blended with the token set and token sort
        ratios; character similarity too for scripts written without spaces) and rapidfuzz's
        token set, token sort, partial and plain ratios (0..1) between the question's content
        words and the phrasing's; zeros when the phrasing has none. Words naming the claim's
        ``speaker`` are left out of the question for the similarity: naming who said it should
        neither help nor hurt."""
        doc = phrasing_side(phrasing)
        if not doc.words or self._characters.isdisjoint(doc.content):
            return (0.0, 0.0, 0.0, 0.0, 0.0)
        doc_content = doc.content
        token_set = fuzz.token_set_ratio(self.content, doc_content) / 100
        token_sort = fuzz.token_sort_ratio(self.content, doc_content) / 100
        partial = fuzz.partial_ratio(self.content, doc_content) / 100
        ratio = fuzz.ratio(self.content, doc_content) / 100
        query = self._side(tuple(w for w in self.words if w not in speaker) or self.words)
        own_set, own_sort = token_set, token_sort
        if len(query.words) != len(self.words):
            own_set = fuzz.token_set_ratio(query.content, doc_content) / 100
            own_sort = fuzz.token_sort_ratio(query.content, doc_content) / 100
        doc_set, near = doc.unique, self._near
        hit_q = sum(
            weight
            for w, weight in zip(query.words, query.weights, strict=True)
            if w in doc_set or (len(w) > 3 and not near[w].isdisjoint(doc_set))
        )
        query_set, near_query = query.unique, self._near_any[query.words]
        hit_d = sum(
            weight
            for w, weight in zip(doc.words, doc.weights, strict=True)
            if w in query_set or (len(w) > 3 and w in near_query)
        )
        covered_q = hit_q / query.total if query.total else 0.0
        covered_d = hit_d / doc.total if doc.total else 0.0
        value = 0.35 * covered_q + 0.25 * covered_d + 0.2 * own_set + 0.2 * own_sort
        if self.unspaced:
            chars = _by_characters(query.content, doc_content)
            value = max(value, chars, self._closest_passage(doc_content))
        return (min(1.0, value), token_set, token_sort, partial, ratio)

    def _closest_passage(self, doc_content: str) -> float:
        """A message in Chinese (a post, a screenshot's text) longer than a Chinese phrasing by
        half, read passage by passage: how close its closest run of phrases (the runs between
        its punctuation) is to the phrasing, by characters, as a whole question is measured. A
        claim quoted or retold inside a post is that close, whatever surrounds it."""
        phrases = self.words
        if (
            not self.chinese
            or not textlib.has_han(doc_content)
            or len(phrases) < PASSAGE_PHRASES
            or len(self.content) <= PASSAGE_LENGTH * len(doc_content)
        ):
            return 0.0
        best = 0.0
        for start in range(len(phrases)):
            passage = ""
            for phrase in phrases[start:]:
                passage = f"{passage} {phrase}".strip()
                if len(passage) > PASSAGE_LENGTH * len(doc_content):
                    break
                if len(passage) < PASSAGE_SHORTEST * len(doc_content):
                    continue
                best = max(best, _by_characters(passage, doc_content))
        return best

    def _side(self, words: tuple[str, ...]) -> Side:
        """The question's words as compared (all, or without the speaker's name), with the
        words any of them is a typo away from."""
        side = self._sides.get(words)
        if side is None:
            side = self._sides[words] = Side.of(words)
            self._near_any[words] = frozenset().union(*(self._near[w] for w in side.unique))
        return side


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a fuzzy comparison: content words, joined, as a set, and each word's
    weight in the coverage (its length up to 8 letters: short words weigh less)."""

    words: tuple[str, ...]
    content: str
    unique: frozenset[str]
    weights: tuple[int, ...]
    total: int

    @classmethod
    def of(cls, words: tuple[str, ...]) -> Side:
        # One copy of each word across the thousands of sides kept (phrasing_side): a
        # million-claim base's phrasings share most of their words.
        words = tuple(map(sys.intern, words))
        weights = tuple(min(len(w), 8) for w in words)
        return cls(words, " ".join(words), frozenset(words), weights, sum(weights))


@lru_cache(maxsize=16384)
def phrasing_side(phrasing: str) -> Side:
    """A claim phrasing's side of the comparison (remembered: the same claims come up question
    after question)."""
    return Side.of(tuple(textlib.content_words(textlib.normalise(phrasing))))
