"""Match a question against the claim base and decide: answer, suggest, or none.

Pipeline: :func:`~knowledge.text.normalise` → candidates from the full-text indexes (bm25 over
words; trigrams for scripts written without spaces, and as a fallback for typos) → re-rank
every candidate's phrasings (claim text, title, aliases) with rapidfuzz → decide.

All thresholds live in :class:`MatchSettings`; ``bot.config`` reads them from configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge import text as textlib
from knowledge.models import Decision
from knowledge.store import ClaimBase


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Every threshold of the matcher, in one place. Scores are between 0 and 1.

    answer_threshold   the best claim's score must reach this for ``answer``
    suggest_threshold  a claim's score must reach this to be offered as a suggestion
    answer_margin      ``answer`` also needs the best claim this far ahead of the runner-up
    clear_lead_threshold, clear_lead_margin
                       a best claim this far ahead of the runner-up is answered from this
                       lower score
    min_answer_words   a question of fewer words is never answered outright, only suggested
    max_suggestions    how many candidates ``suggest`` offers
    candidate_depth    how many claims the full-text indexes hand to the re-ranker
    max_query_chars    only this much of a long message is matched
    """

    answer_threshold: float = 0.72
    suggest_threshold: float = 0.45
    answer_margin: float = 0.05
    clear_lead_threshold: float = 0.62
    clear_lead_margin: float = 0.25
    min_answer_words: int = 4
    max_suggestions: int = 3
    candidate_depth: int = 50
    max_query_chars: int = 2000


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


def fts_word_query(words: list[str], limit: int = 32) -> str:
    """An FTS5 query OR-ing the words, each quoted so no user text is read as syntax."""
    unique = list(dict.fromkeys(w.replace('"', "") for w in words if w.strip('"')))[:limit]
    return " OR ".join(f'"{w}"' for w in unique)


class Matcher:
    def __init__(self, base: ClaimBase, settings: MatchSettings | None = None) -> None:
        self.base = base
        self.settings = settings or MatchSettings()

    def match(self, query: str) -> MatchResult:
        s = self.settings
        truncated = len(query) > s.max_query_chars
        normalised = textlib.normalise(query[: s.max_query_chars])
        words = textlib.content_words(normalised)
        if not words:
            return MatchResult(query, normalised, Decision.NONE, (), truncated=truncated)
        ranked = self._rank(normalised, words)
        decision, chosen = self._decide(normalised, ranked)
        return MatchResult(query, normalised, decision, chosen, tuple(ranked), truncated)

    def candidates(self, normalised: str, words: list[str]) -> list[str]:
        depth = self.settings.candidate_depth
        found = dict(self.base.word_candidates(fts_word_query(words), depth))
        unspaced = textlib.has_unspaced_script(normalised)
        if unspaced or len(found) < depth // 5:
            grams = textlib.trigrams(" ".join(words))
            if grams:
                for claim_id, score in self.base.trigram_candidates(fts_word_query(grams), depth):
                    found.setdefault(claim_id, score)
        if unspaced and len(found) < depth // 5:
            # Two-character words (Chinese, Japanese) are below the trigram index's reach.
            for claim_id in self.base.docs_containing(textlib.bigrams(normalised), depth):
                found.setdefault(claim_id, 0.0)
        return list(found)

    def _rank(self, normalised: str, words: list[str]) -> list[Match]:
        ids = self.candidates(normalised, words)
        phrasings = self.base.phrasings(ids)
        query_content = " ".join(words)
        unspaced = textlib.has_unspaced_script(normalised)
        query_words = set(normalised.split())
        matches = []
        for claim_id in ids:
            best_score, best_text = 0.0, ""
            docs = phrasings.get(claim_id, [])
            names = " ".join(text for kind, text in docs if kind == "claimant")
            speaker = set(textlib.content_words(textlib.normalise(names)))
            for kind, phrasing in docs:
                if kind == "claimant":
                    continue
                score = similarity(query_content, phrasing, unspaced, speaker)
                if score > best_score:
                    best_score, best_text = score, phrasing
            if best_text:
                matched = textlib.normalise(best_text)
                mismatch = negation_mismatch(normalised, query_words, matched)
                matches.append(Match(claim_id, round(best_score, 4), best_text, mismatch))
        matches.sort(key=lambda m: -m.score)
        return matches

    def _decide(self, normalised: str, ranked: list[Match]) -> tuple[Decision, tuple[Match, ...]]:
        s = self.settings
        plausible = [m for m in ranked if m.score >= s.suggest_threshold]
        if not plausible:
            return Decision.NONE, ()
        best = plausible[0]
        runner_up = plausible[1].score if len(plausible) > 1 else 0.0
        lead = best.score - runner_up
        confident = (best.score >= s.answer_threshold and lead >= s.answer_margin) or (
            best.score >= s.clear_lead_threshold and lead >= s.clear_lead_margin
        )
        if (
            confident
            and not best.negation_mismatch
            and textlib.word_count(normalised) >= s.min_answer_words
        ):
            return Decision.ANSWER, (best,)
        return Decision.SUGGEST, tuple(plausible[: s.max_suggestions])


def similarity(
    query_content: str,
    phrasing: str,
    unspaced: bool = False,
    speaker: set[str] | frozenset[str] = frozenset(),
) -> float:
    """How closely a question (its content words, space-joined) matches one phrasing, 0..1.

    Coverage of the question's words by the phrasing's (allowing typos) and of the phrasing's
    by the question's, blended with rapidfuzz's order-insensitive token scores. For scripts
    written without spaces, where words cannot be split, character-level similarity counts.
    Words naming the claim's ``speaker`` are left out of the question: naming who said it
    should neither help nor hurt.
    """
    doc_words = textlib.content_words(textlib.normalise(phrasing))
    if not doc_words:
        return 0.0
    query_words = [w for w in query_content.split() if w not in speaker] or query_content.split()
    query_content = " ".join(query_words)
    doc_content = " ".join(doc_words)
    covered_q = _coverage(query_words, doc_words)
    covered_d = _coverage(doc_words, query_words)
    token_set = fuzz.token_set_ratio(query_content, doc_content) / 100
    token_sort = fuzz.token_sort_ratio(query_content, doc_content) / 100
    score = 0.35 * covered_q + 0.25 * covered_d + 0.2 * token_set + 0.2 * token_sort
    if unspaced:
        chars = fuzz.ratio(query_content, doc_content) / 100
        partial = fuzz.partial_ratio(query_content, doc_content) / 100
        score = max(score, 0.5 * chars + 0.5 * partial)
    return min(1.0, score)


def negation_mismatch(query: str, query_words: set[str], phrasing: str) -> bool:
    """True when the question and the phrasing differ by a negation about what they share."""
    phrasing_words = set(phrasing.split())
    query_count = textlib.negation_count(query, scope=phrasing_words)
    phrasing_count = textlib.negation_count(phrasing, scope=query_words)
    return query_count % 2 != phrasing_count % 2


def _coverage(words: list[str], others: list[str]) -> float:
    """The share of ``words`` (by length, so short words weigh less) found among ``others``,
    a word counting as found when it is at least 85% similar to one of them."""
    if not words:
        return 0.0
    other_set = set(others)
    total = found = 0.0
    for word in words:
        weight = min(len(word), 8)
        total += weight
        if word in other_set or (
            len(word) > 3
            and process.extractOne(word, others, scorer=fuzz.ratio, score_cutoff=85) is not None
        ):
            found += weight
    return found / total
