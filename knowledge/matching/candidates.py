"""A question's candidate claims, from the claim base's full-text indexes.

bm25 over words (one document per claim holding its text, title and aliases: computed in memory
by :class:`~knowledge.matching.wordindex.WordIndex`, FTS5's ranking exactly); trigrams over
every phrasing for scripts written without spaces, and as a fallback for typos; a two-character
scan for Chinese and Japanese words below the trigram index's reach.
"""

from __future__ import annotations

import re

from knowledge.matching import names as namelib
from knowledge.matching import text as textlib
from knowledge.matching.settings import MatchSettings
from knowledge.matching.wordindex import WordIndex
from knowledge.store import ClaimBase, claim_candidates

COLUMN_WEIGHTS = (1.0, 1.0, 1.0)  # bm25 weights of a claim's text, title and aliases


def fts_word_query(words: list[str], limit: int = 32) -> str:
    """An FTS5 query OR-ing the words, each quoted so no user text is read as syntax."""
    unique = list(dict.fromkeys(w.replace('"', "") for w in words if w.strip('"')))[:limit]
    return " OR ".join(f'"{w}"' for w in unique)


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


class CandidateSource:
    """Finds a question's candidates in one claim base."""

    def __init__(self, base: ClaimBase, settings: MatchSettings) -> None:
        self.base = base
        self.settings = settings
        self.words = WordIndex(base, COLUMN_WEIGHTS)

    def frequencies(self, words: list[str]) -> dict[str, int]:
        """How many claims hold each word (stemmed, as the word index sees it)."""
        return self.words.frequencies(words)

    def find(
        self, normalised: str, words: list[str], frequencies: dict[str, int] | None = None
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Candidate claims with their lexical score (0..1, relative to the best candidate),
        and each word-index candidate's bm25 summed over its phrasings.

        Word-index candidates score by bm25; those found only by trigrams (other scripts,
        typos) or by the two-character scan score 0, and for scripts written without spaces,
        where bm25 over "words" means little, every candidate scores 1 (fuzzy decides alone).
        """
        depth = self.settings.candidate_depth
        unspaced = textlib.has_unspaced_script(normalised)
        if frequencies is None:
            frequencies = self.frequencies(words)
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
            grams = [g for text in _as_written(" ".join(words)) for g in textlib.trigrams(text)]
            if grams:
                for claim_id, _ in self.base.trigram_candidates(fts_word_query(grams), depth):
                    found.setdefault(claim_id, 0.0)
        if unspaced and len(found) < depth // 5:
            # Two-character words (Chinese, Japanese) are below the trigram index's reach.
            pieces = [g for text in _as_written(normalised) for g in _short_words(text)]
            for claim_id in self.base.docs_containing(pieces, depth):
                found.setdefault(claim_id, 0.0)
        if unspaced:
            return dict.fromkeys(found, 1.0), sums
        return found, sums


_KANA = re.compile("[\u3040-\u30ff]")  # Japanese: Hiragana, Katakana


def _short_words(normalised: str, limit: int = 8) -> list[str]:
    """What the scan for two-character words looks for: in Chinese, the first ``limit``
    words of two characters or more as jieba's dictionary splits them (a message opening with
    who said it, "敏昂莱说示威者让当地老百姓害怕…", has its first bigrams all in the name:
    "敏昂", "昂莱", "莱说", "说示"…); elsewhere (Japanese) the first two-character pieces."""
    if not textlib.has_han(normalised) or _KANA.search(normalised):
        return textlib.bigrams(normalised, limit)
    words = [w for w, _, _ in namelib.chinese_words(normalised) if len(w) >= 2]
    return [*dict.fromkeys(w for w in words if textlib.has_han(w))][:limit]


def _as_written(normalised: str) -> list[str]:
    """``normalised`` and, if it holds Chinese, the same in traditional characters: Chinese is
    compared in simplified characters (textlib.normalise), but the claim indexes hold the
    claims as written, and those written in traditional characters are looked for so too."""
    other = textlib.traditional(normalised)
    return [normalised] if other == normalised else [normalised, other]
