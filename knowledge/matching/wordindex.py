"""The claim word index's bm25 ranking, computed in memory from FTS5's own posting lists.

Asking FTS5 for ``bm25(claim_fts)`` makes it score every claim that holds any searched word
(thousands a question in a large base, each a lookup of the claim's length): 4.4 ms a question
at 100,000 claims. :class:`WordIndex` holds the index's posting lists in memory instead (read
from FTS5 itself through SQLite's ``fts5vocab`` table), so a question's candidates are a sum
over a few thousand numbers in numpy.

- **The same ranking.** The scores are FTS5's bm25, exactly: the same formula and constants,
  the same order of additions (``tests/test_wordindex.py`` compares them), over the same
  tokens: words are tokenized by FTS5 itself, with the index's tokenizer. A word FTS5 reads as
  more than one token (a phrase) is left to FTS5's own query.
- **Held whole, or the most used part.** An index of up to ``resident_postings`` postings
  (≈ 100,000 claims: 1 s; 5 bytes a posting) is loaded whole on the first question; a larger one
  keeps the posting lists of the terms questions use, the least recently used dropped first
  (read on first use at about 0.2 µs a posting). A question's candidates then take about
  0.3 ms at 100,000 claims (FTS5: 4.4 ms).
- **Small bases left to FTS5.** Under ``fts5_below`` documents (200 claims) FTS5 ranks
  (:meth:`WordIndex.candidates` says so by returning None) and only the word counts are held:
  a `factbot ask` on the built-in base then imports no numpy (:mod:`knowledge.deferred`).
- **Kept current.** Every change to a claim's text, title, aliases or status, by any process,
  appends to ``claim_docs_log`` (migration m007) the document's rowid and its old text. Before
  each question the index reads the log's newest ``seq``; if it moved, the changed documents
  are taken out of the posting lists (by their old words) and put back (by their new ones),
  and their claims' status is read again (retracted claims stay in the index, never ranked). A
  process more than the log's 256 entries behind, or with many documents to patch, loads
  afresh. Nothing is cached from inside a write transaction, which may yet roll back: there
  FTS5 answers.

Besides ``fts5vocab``, one of FTS5's own tables is read: ``claim_fts_docsize``, each document's
length (a varint per column), part of FTS5's file format, which SQLite keeps compatible.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from knowledge.store import ClaimBase

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]
    Ints = npt.NDArray[np.int64]
    # A posting list's documents' rowids as int32 (they index the lengths array, so they stay
    # far below int32's limit), and its frequencies in the narrowest type that holds them
    # exactly: one byte where they are counts below 256 (equal column weights), else float32 or
    # float64. 5 bytes a posting, not 16. bm25 is computed in float64 as before.
    Docs = npt.NDArray[np.integer[Any]]
    Frequencies = npt.NDArray[np.number[Any]]
else:
    from knowledge.deferred import numpy as np

# FTS5's bm25 constants (fts5_aux.c) and claim_fts's tokenizer and columns (migration m005).
K1 = 1.2
B = 0.75
TOKENIZER = "porter unicode61 remove_diacritics 2"
COLUMNS = ("claim", "title", "aliases")
MAX_PHRASES = 32  # as knowledge.matching.candidates.fts_word_query
RESIDENT_POSTINGS = 4_000_000  # ≈ 20 MB in memory (5 bytes a posting)
PATCH_LIMIT = 200  # more changed documents than this at once: load afresh
LENGTHS_CHUNK = 50_000  # document lengths read this many at a time
RECENT_DOCUMENTS = 64  # patched documents whose terms are remembered
# A base of fewer documents (claims) is ranked by FTS5 itself: there it is as fast as the
# memory (2020 dev's questions: 0.10 ms at 20 claims, 0.27 at 100, 0.40 at 200, against 0.14,
# 0.24, 0.36; at 500, 0.72 against 0.55), and a one-off question loads no posting lists.
FTS5_BELOW = 200


@dataclass(slots=True)
class Posting:
    """One term's documents (claim_docs rowids, ascending) and its frequency in each, weighted
    by column."""

    docs: Docs
    freq: Frequencies

    @classmethod
    def empty(cls) -> Posting:
        return cls(np.zeros(0, np.int32), np.zeros(0, np.uint8))


class Tokenizer:
    """Text → the terms ``claim_fts`` indexes it as, by FTS5 itself (a private in-memory table
    with the same tokenizer). Words' terms are remembered."""

    def __init__(self, tokenizer: str = TOKENIZER, remember: int = 100_000) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.execute(
            f"CREATE VIRTUAL TABLE texts USING fts5 (text, tokenize = '{tokenizer}')"
        )
        self._conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab (texts, 'instance')")
        self._lock = threading.Lock()
        self._known: dict[str, tuple[str, ...]] = {}
        self._remember = remember

    def terms(self, words: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Each word's terms in order (none for a word the tokenizer drops, several for one it
        splits)."""
        known = self._known
        missing = [w for w in dict.fromkeys(words) if w not in known]
        if missing:
            if len(known) + len(missing) > self._remember:  # afresh, keeping these words
                known = self._known = {w: known[w] for w in words if w in known}
            for word, instances in zip(missing, self._instances(missing), strict=True):
                known[word] = tuple(term for _, term in sorted(instances))
        return {w: known[w] for w in words}

    def counts(self, texts: Sequence[str]) -> list[Counter[str]]:
        """How often each term occurs in each text."""
        return [Counter(term for _, term in found) for found in self._instances(texts)]

    def _instances(self, texts: Sequence[str]) -> list[list[tuple[int, str]]]:
        found: list[list[tuple[int, str]]] = [[] for _ in texts]
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT INTO texts (rowid, text) VALUES (?, ?)", enumerate(texts)
            )
            for doc, term, offset in self._conn.execute("SELECT doc, term, offset FROM terms"):
                found[doc].append((offset, term))
            self._conn.execute("DELETE FROM texts")
        return found


@cache
def shared_tokenizer() -> Tokenizer:
    """One tokenizer for the process: its connection lives as long, and every matcher shares
    the words it has tokenized."""
    return Tokenizer()


class WordIndex:
    """bm25 candidates and word counts for the matcher, as FTS5 would give them over
    ``claim_fts`` with column ``weights`` (claim, title, aliases)."""

    def __init__(
        self,
        base: ClaimBase,
        weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
        *,
        resident_postings: int = RESIDENT_POSTINGS,
        fts5_below: int = FTS5_BELOW,
    ) -> None:
        self.base = base
        self.weights = tuple(float(w) for w in weights)
        self._uniform = len(set(self.weights)) == 1  # no column needs telling apart
        self.resident_postings = resident_postings
        self.fts5_below = fts5_below
        self.tokenizer = shared_tokenizer()
        for kind, name in (("instance", "factbot_claim_terms"), ("row", "factbot_claim_term_docs")):
            self._sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name} "
                f"USING fts5vocab (main, claim_fts, '{kind}')"
            )
        self._seq: int | None = None  # the log position the memory reflects
        self._held_here = False  # ranked in memory (else by FTS5: a small base)
        self._lengths: Floats  # tokens per document, by rowid (when held here)
        self._rows = 0
        self._total = 0.0
        self._counts: dict[str, int] = {}  # every term → the documents holding it
        self._postings: dict[str, Posting] = {}  # least recently used first
        self._held = 0
        self._complete = False  # every term's posting list is held
        self._phrase_counts: dict[str, int] = {}  # word of several terms → documents
        self._hidden: set[int] = set()  # documents of claims not published
        self._hidden_array: Ints | None = None  # the same, as an array (made when needed)
        self._claim_ids: dict[int, str] = {}  # document → claim id (all of them when complete)
        # The documents patched last, with their terms: a claim edited again and again (aliases
        # added one by one) is not tokenized twice each time.
        self._recent: dict[int, tuple[Sequence[str], dict[str, float]]] = {}

    # -- what the matcher asks ----------------------------------------------------------------

    def frequencies(self, words: Iterable[str]) -> dict[str, int]:
        """How many claims hold each word in their text, title or aliases (as the index sees
        it: stemmed)."""
        wanted = list(words)
        current = self._follow_base()
        terms = self.tokenizer.terms(wanted)
        counts: dict[str, int] = {}
        for word in dict.fromkeys(wanted):
            found = terms[word]
            if not found:
                counts[word] = 0
            elif len(found) == 1 and current:
                counts[word] = self._counts.get(found[0], 0)
            else:
                counts[word] = self._phrase_count(word, remember=current)
        return {w: counts[w] for w in wanted}

    def candidates(self, words: Sequence[str], limit: int) -> list[tuple[str, float]] | None:
        """The best ``limit`` published claims for the words OR-ed (the first ``MAX_PHRASES``
        distinct ones): (claim id, bm25), best first, bm25 positive, ties in the order the
        claims were added. None when FTS5 should answer instead: a word it reads as a phrase,
        or inside a write transaction."""
        if not self._follow_base() or not self._held_here:
            return None
        phrases = list(dict.fromkeys(w.replace('"', "") for w in words if w.strip('"')))
        phrases = phrases[:MAX_PHRASES]
        terms = self.tokenizer.terms(phrases)
        if any(len(terms[w]) != 1 for w in phrases):
            return None
        parts: list[tuple[Docs, Floats]] = []
        for word in phrases:
            posting = self._posting(terms[word][0])
            if posting is None:  # the base changed while it was read: FTS5 answers this once
                return None
            if len(posting.docs):
                parts.append((posting.docs, self._bm25(posting)))
        if not parts:
            return []
        # One row per (document, phrase), in the query's phrase order: bincount adds each
        # document's terms in that order, as FTS5's bm25() does, so the sums are the same.
        rowids, inverse = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate([p[1] for p in parts]))
        if self._hidden:
            shown = ~np.isin(rowids, self._hidden_rowids())
            rowids, scores = rowids[shown], scores[shown]
        if len(scores) > 4 * limit:
            # Only the best need ordering: everything scoring at least the limit-th best.
            cut = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            keep = scores >= cut
            rowids, scores = rowids[keep], scores[keep]
        order = np.lexsort((rowids, -scores))[:limit]
        best = [(int(rowids[i]), float(scores[i])) for i in order]
        ids = self._ids([rowid for rowid, _ in best])
        return [(ids[rowid], score) for rowid, score in best if rowid in ids]

    def _hidden_rowids(self) -> Ints:
        if self._hidden_array is None:
            self._hidden_array = np.fromiter(self._hidden, np.int64, len(self._hidden))
        return self._hidden_array

    def _bm25(self, posting: Posting) -> Floats:
        """Each document's bm25 term for this posting list (fts5_aux.c, fts5Bm25Function)."""
        hits = len(posting.docs)
        idf = math.log((self._rows - hits + 0.5) / (hits + 0.5))
        if idf <= 0.0:
            idf = 1e-6
        avgdl = self._total / self._rows
        freq, length = posting.freq.astype(np.float64, copy=False), self._lengths[posting.docs]
        result: Floats = idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * length / avgdl)))
        return result

    # -- keeping up with the claim base ----------------------------------------------------

    def _follow_base(self) -> bool:
        """Bring the memory up to the claim base's current state; False inside a write
        transaction (nothing is cached from there: it may yet roll back)."""
        if self.base.conn.in_transaction:
            return False
        if self._head() == self._seq:
            return True
        with self.base.snapshot() as own:  # the log, lengths and lists read as one state
            if not own:
                return False
            head = self._head()
            if self._seq is None or not self._patch(head):
                self._load_all()
            self._seq = head
            self._phrase_counts.clear()
        return True

    def _head(self) -> int:
        return int(self._sql("SELECT coalesce(max(seq), 0) FROM claim_docs_log").fetchone()[0])

    def _load_all(self) -> None:
        # Every term's document count at once: FTS5 counts by walking a term's postings, so
        # counting the common words one question at a time costs more than this one pass.
        self._counts = dict(self._sql("SELECT term, doc FROM temp.factbot_claim_term_docs"))
        self._postings.clear()
        self._held = 0
        documents = self._sql("SELECT count(*) FROM claim_fts_docsize").fetchone()[0]
        self._held_here = documents >= self.fts5_below
        if not self._held_here:  # FTS5 ranks; the counts are all a question needs of memory
            self._rows, self._complete = documents, False
            return
        self._lengths, self._rows, self._total = _document_lengths(self.base)
        self._complete = self._total <= self.resident_postings
        self._hidden_array = None
        self._hidden = {
            int(doc)
            for (doc,) in self._sql(
                "SELECT d.rowid FROM claim_docs AS d JOIN claims AS c ON c.id = d.claim_id "
                "WHERE c.status != 'published'"
            )
        }
        self._claim_ids = (
            dict(self._sql("SELECT rowid, claim_id FROM claim_docs")) if self._complete else {}
        )
        if self._complete:
            sql = f"SELECT term, {self._encoded_docs()} FROM temp.factbot_claim_terms GROUP BY term"
            for term, found in self._sql(sql):
                self._postings[term] = self._posting_from(found)
                self._held += len(self._postings[term].docs)

    def _patch(self, head: int) -> bool:
        """Apply the log since the memory's position; False when a fresh load is due."""
        assert self._seq is not None
        if not self._held_here:
            return False  # a small base's counts are read again: cheaper than patching
        oldest = self._sql("SELECT min(seq) FROM claim_docs_log").fetchone()[0]
        if oldest is None or oldest > self._seq + 1:
            return False  # the entries this needs were pruned
        before: dict[int, tuple[str, str, str] | None] = {}
        log = "SELECT doc, claim, title, aliases FROM claim_docs_log WHERE seq > ? AND seq <= ?"
        for doc, claim, title, aliases in self._sql(log, [self._seq, head]):
            if doc not in before:  # the oldest entry holds the text the memory knows
                before[doc] = None if claim is None else (claim, title, aliases)
        if len(before) > PATCH_LIMIT:
            return False
        if len(self._recent) > RECENT_DOCUMENTS:
            self._recent.clear()
        self._hidden_array = None
        for doc, old in before.items():
            self._patch_document(doc, old)
        return True

    def _patch_document(self, doc: int, old: tuple[str, str, str] | None) -> None:
        """Take a document's old text (None: it is new) out of the memory and put its current
        one (if it still exists) in: term counts, the held posting lists whose frequency for it
        changed, its length, its claim's id and status."""
        sql = """
            SELECT d.claim, d.title, d.aliases, d.claim_id, c.status FROM claim_docs AS d
            JOIN claims AS c ON c.id = d.claim_id WHERE d.rowid = ?
        """
        found = self._sql(sql, [doc]).fetchone()
        row = None if found is None else found[:3]
        self._claim_ids.pop(doc, None)
        self._hidden.discard(doc)
        if found is not None:
            if self._complete:
                self._claim_ids[doc] = found[3]
            if found[4] != "published":
                self._hidden.add(doc)
        known = self._recent.pop(doc, None)
        if known is not None and known[0] == old:  # its old text is the one read last time
            old_freq = known[1]
        else:
            old_freq, _ = self._frequencies(old)
        new_freq, length = self._frequencies(row)
        if row is not None:
            self._recent[doc] = (row, new_freq)
        for term in old_freq.keys() - new_freq.keys():
            left = self._counts.pop(term, 0) - 1
            if left > 0:
                self._counts[term] = left
        for term in new_freq.keys() - old_freq.keys():
            self._counts[term] = self._counts.get(term, 0) + 1
        for term in old_freq.keys() | new_freq.keys():
            if old_freq.get(term) != new_freq.get(term):  # an alias added: its words only
                self._repost(term, doc, new_freq.get(term))
        self._rows += (row is not None) - (old is not None)
        if doc >= len(self._lengths):
            self._lengths = np.concatenate([self._lengths, np.zeros(doc + 1 - len(self._lengths))])
        self._total += length - float(self._lengths[doc])
        self._lengths[doc] = length

    def _frequencies(self, texts: Sequence[str] | None) -> tuple[dict[str, float], int]:
        """A document's weighted term frequencies (added up instance by instance, column by
        column, as FTS5 does) and its length in tokens."""
        if texts is None:
            return {}, 0
        freq: dict[str, float] = {}
        length = 0
        for weight, counts in zip(self.weights, self.tokenizer.counts(texts), strict=True):
            for term, count in counts.items():
                for _ in range(count):
                    freq[term] = freq.get(term, 0.0) + weight
                length += count
        return freq, length

    def _repost(self, term: str, doc: int, freq: float | None) -> None:
        """Set (or, with None, remove) one document in a held posting list."""
        posting = self._postings.get(term)
        if posting is None:
            if not (self._complete and freq is not None):
                return  # not held: read afresh when a question needs it
            posting = self._postings[term] = Posting.empty()
        at = int(np.searchsorted(posting.docs, doc))
        present = at < len(posting.docs) and posting.docs[at] == doc
        if present:
            posting.docs = np.delete(posting.docs, at)
            posting.freq = np.delete(posting.freq, at)
            self._held -= 1
        if freq is not None:
            posting.docs = np.insert(posting.docs, at, doc)
            if not _holds(posting.freq.dtype, freq):
                posting.freq = posting.freq.astype(np.float64)
            posting.freq = np.insert(posting.freq, at, freq)
            self._held += 1
        if not len(posting.docs):
            del self._postings[term]

    # -- reading ---------------------------------------------------------------------------

    def _posting(self, term: str) -> Posting | None:
        """A term's posting list, from memory or read now; None if the base moved on."""
        held = self._postings.pop(term, None)
        if held is None:
            if self._complete:
                return Posting.empty()
            sql = (
                "SELECT (SELECT coalesce(max(seq), 0) FROM claim_docs_log), "
                f"{self._encoded_docs()} FROM temp.factbot_claim_terms WHERE term = ?"
            )
            seq, found = self._sql(sql, [term]).fetchone()
            if seq != self._seq:  # read after a change the memory has not caught up with
                return None
            held = self._posting_from(found)
            self._held += len(held.docs)
            while self._held > self.resident_postings and self._postings:
                oldest = next(iter(self._postings))
                self._held -= len(self._postings.pop(oldest).docs)
        self._postings[term] = held  # most recently used last
        return held

    def _encoded_docs(self) -> str:
        """SQL reading a term's instances as one string of numbers: several times faster
        than a row each. With unequal column weights the column rides in the low two bits."""
        if self._uniform:
            return "group_concat(doc)"
        return "group_concat(doc * 4 + CASE col WHEN 'claim' THEN 0 WHEN 'title' THEN 1 ELSE 2 END)"

    def _posting_from(self, found: str | None) -> Posting:
        if not found:
            return Posting.empty()
        numbers = np.fromstring(found, dtype=np.int64, sep=",")
        if self._uniform:
            docs, weight = numbers, np.full(len(numbers), self.weights[0])
        else:
            docs, weight = numbers >> 2, np.asarray(self.weights)[numbers & 3]
        # One frequency per document (instances in the index's order), weighted by column.
        order = np.argsort(docs, kind="stable")
        docs, weight = docs[order], weight[order]
        starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        held, freq = docs[starts], np.add.reduceat(weight, starts)
        if len(held) and held[-1] <= np.iinfo(np.int32).max:
            held = held.astype(np.int32)
        return Posting(held, _narrowest(freq))

    def _phrase_count(self, word: str, *, remember: bool) -> int:
        if word in self._phrase_counts:
            return self._phrase_counts[word]
        query = '"' + word.replace('"', "") + '"'
        sql = "SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?"
        count = int(self._sql(sql, [query]).fetchone()[0])
        if remember:
            self._phrase_counts[word] = count
        return count

    def _ids(self, rowids: list[int]) -> dict[int, str]:
        """The claim ids of these documents (those still there)."""
        missing = [r for r in rowids if r not in self._claim_ids]
        if missing:
            marks = ",".join("?" * len(missing))
            sql = f"SELECT rowid, claim_id FROM claim_docs WHERE rowid IN ({marks})"
            found = {int(r[0]): str(r[1]) for r in self._sql(sql, missing)}
            if self._complete:
                self._claim_ids.update(found)
            found.update((r, self._claim_ids[r]) for r in rowids if r in self._claim_ids)
            return found
        return {r: self._claim_ids[r] for r in rowids}

    def _sql(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        # The connection itself: sqlite-utils' wrapper costs more than these small reads.
        return self.base.conn.execute(sql, parameters)


def _document_lengths(base: ClaimBase) -> tuple[Floats, int, float]:
    """Tokens per document (all columns) by rowid, the number of documents and their total:
    what FTS5's bm25() reads, from its ``docsize`` table (a varint per column a row). Read in
    chunks: a million rows as Python tuples at once would take hundreds of megabytes."""
    cursor = base.conn.execute("SELECT id, sz FROM claim_fts_docsize")
    columns = len(COLUMNS)
    all_ids: list[Ints] = []
    all_sizes: list[Ints] = []
    while rows := cursor.fetchmany(LENGTHS_CHUNK):
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        blobs = [r[1] for r in rows]
        joined = np.frombuffer(b"".join(blobs), dtype=np.uint8)
        if len(joined) == columns * len(rows) and not (joined & 0x80).any():
            # Every column under 128 tokens: each varint is one byte.
            sizes = joined.reshape(-1, columns).sum(axis=1, dtype=np.int64)
        else:
            sizes = np.fromiter((_varint_sum(b) for b in blobs), dtype=np.int64, count=len(rows))
        all_ids.append(ids)
        all_sizes.append(sizes)
    if not all_ids:
        return np.zeros(1), 0, 0.0
    ids, sizes = np.concatenate(all_ids), np.concatenate(all_sizes)
    lengths = np.zeros(int(ids.max()) + 1)
    lengths[ids] = sizes
    return lengths, len(ids), float(sizes.sum())


def _varint_sum(blob: bytes) -> int:
    """The sum of SQLite-style varints (big-endian, 7 bits a byte)."""
    total = value = 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            total += value
            value = 0
    return total


def _narrowest(freq: Floats) -> Frequencies:
    """``freq`` in the narrowest type that holds every value exactly: counts below 256 in one
    byte, else float32, else as they are (float64)."""
    for kind in (np.dtype(np.uint8), np.dtype(np.float32)):
        if _holds(kind, freq):
            return freq.astype(kind)
    return freq


def _holds(kind: np.dtype[Any], values: float | Floats) -> bool:
    """Whether an array of type ``kind`` holds every one of ``values`` exactly."""
    exact = np.asarray(values, np.float64)
    if not exact.size:
        return True
    if np.issubdtype(kind, np.integer):
        limits = np.iinfo(kind)
        in_range = limits.min <= exact.min() and exact.max() <= limits.max
        return bool(in_range and (exact == np.floor(exact)).all())
    return bool((exact.astype(kind) == exact).all())
