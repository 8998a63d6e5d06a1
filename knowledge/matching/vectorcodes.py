"""Two-bit codes of claim vectors: a large base's nearest claims found in a quarter of the memory.

A million int8 vectors of 384 numbers take 384 MB. Past :data:`IN_MEMORY_UP_TO` claims the
semantic index (:class:`knowledge.matching.embeddings.VectorIndex`) holds instead a code of each
vector, 96 bytes, and finds a question's nearest claims in two steps: the :data:`SHORTLIST`
claims whose codes are closest to the question's, then their exact cosines, from the vectors
read back from the claim base.

A code says, for each number of the vector once the claims' mean is taken off, where it stands
against a threshold either side of zero (half the number's spread over the claims): below
both, between, or above both — two bits, compared bit by bit (the count of differing bits
grows with the distance between the two values). The question is coded the same way, scaled to
the claims' spread first: e5 puts questions ("query: ...") some way off the claims ("passage:
..."), and without the mean taken off the codes found almost nothing. Measured on the generated
million of ``benchmarks.scale`` (the real claims and their blends; the 316 dev questions;
``benchmarks/vector_codes.py``), the share of the exact scan's ten best claims that the
shortlist holds:

=====================================  ======  ======  ======  ======
shortlist of                           500     1,000   2,000   3,000
=====================================  ======  ======  ======  ======
sign of each number (48 bytes)         0.775   0.836   0.890   0.917
two bits (96 bytes, thresholds ±0.5σ)  0.932   0.965   0.984   0.992
=====================================  ======  ======  ======  ======

The comparison runs over one 64-bit word of every code at a time (the codes are stored word
by word, each a contiguous column), a block of rows at a time: about 11 ms for a million codes
on one core, 8 ms split over two like the exact scan. Re-scoring the shortlist reads 2,000
vectors from the file, about 7 ms. In the bot's benchmark at a million claims the ranking
(MAP@5) was the exact scan's, in less than two thirds of the memory (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
else:
    from knowledge.deferred import numpy as np

IN_MEMORY_UP_TO = 250_000  # claims whose int8 vectors are held whole (96 MB at 384 numbers)
SHORTLIST = 2_000  # claims re-scored exactly after the codes' comparison
THRESHOLD = 0.5  # the thresholds either side of zero, in spreads of each number over the claims
_BLOCK = 262_144  # rows compared at a time (2 MB of buffer)


@dataclass(frozen=True, slots=True)
class Codebook:
    """Where each number's thresholds lie: the claims' mean and ``THRESHOLD`` spreads."""

    centre: NDArray[np.float32]
    margin: NDArray[np.float32]  # THRESHOLD times each number's spread
    spread: float  # the length of the spreads' vector: what a question is scaled to

    @classmethod
    def fit(cls, chunks: Iterable[NDArray[np.float32]], dim: int) -> Codebook:
        """From the claims' vectors, a chunk at a time (float rows of ``dim`` numbers)."""
        count = 0
        total = np.zeros(dim, np.float64)
        squares = np.zeros(dim, np.float64)
        for chunk in chunks:
            count += len(chunk)
            total += chunk.sum(axis=0, dtype=np.float64)
            squares += np.einsum("ij,ij->j", chunk, chunk, dtype=np.float64)
        if not count:
            return cls(np.zeros(dim, np.float32), np.zeros(dim, np.float32), 0.0)
        mean = total / count
        spread = np.sqrt(np.maximum(squares / count - mean**2, 0.0))
        return cls(
            mean.astype(np.float32),
            (THRESHOLD * spread).astype(np.float32),
            float(np.linalg.norm(spread)),
        )

    def words(self) -> int:
        """64-bit words a code takes: two bits a number, padded to whole words."""
        return 2 * -(-len(self.centre) // 64)

    def encode(self, rows: NDArray[np.float32]) -> NDArray[np.uint64]:
        """The codes of these float rows: one row of :meth:`words` words each."""
        return self._pack(rows - self.centre)

    def encode_query(self, query: NDArray[np.float32]) -> NDArray[np.uint64]:
        """A question's code: its vector less the claims' mean, scaled to their spread."""
        centred = query - self.centre
        norm = float(np.linalg.norm(centred))
        scaled = centred * (self.spread / norm) if norm > 0 else centred
        return np.asarray(self._pack(scaled[np.newaxis, :])[0], np.uint64)

    def _pack(self, centred: NDArray[np.float32]) -> NDArray[np.uint64]:
        """Rows with the claims' mean taken off, as codes: above each number's upper
        threshold, then above its lower one, two bits a number."""
        pad = self.words() // 2 * 64 - centred.shape[1]
        high = np.packbits(np.pad(centred > self.margin, ((0, 0), (0, pad))), axis=1)
        low = np.packbits(np.pad(centred > -self.margin, ((0, 0), (0, pad))), axis=1)
        packed = np.concatenate([high, low], axis=1)
        return np.ascontiguousarray(packed).view(np.uint64)


class Codes:
    """The codes of a base's claims, stored word by word (``columns[w][i]``: word ``w`` of
    claim row ``i``), so that comparing all of them is one pass over each column."""

    def __init__(self, book: Codebook, count: int) -> None:
        self.book = book
        self.columns = np.zeros((book.words(), count), np.uint64)

    def put(self, start: int, rows: NDArray[np.float32]) -> None:
        """Code the float rows ``rows`` as claim rows ``start``, ``start + 1``, ..."""
        self.columns[:, start : start + len(rows)] = self.book.encode(rows).T

    def replaced(
        self, keep: NDArray[np.bool_], into: NDArray[np.int64], rows: NDArray[np.float32]
    ) -> Codes:
        """New codes: the rows ``keep`` marks, and ``rows`` coded and put in before the kept
        rows at ``into`` (``numpy.insert``'s positions). These codes stay as they are: a
        question may be comparing them."""
        codes = Codes(self.book, 0)
        codes.columns = np.insert(self.columns[:, keep], into, self.book.encode(rows).T, axis=1)
        return codes

    def keep(self, count: int) -> None:
        """Only the first ``count`` rows (copied, so the rest's memory is given back)."""
        if count < self.columns.shape[1]:
            self.columns = self.columns[:, :count].copy()

    def distances(self, code: NDArray[np.uint64], first: int, last: int) -> NDArray[np.uint16]:
        """How many bits of rows ``first`` to ``last`` (excluded) differ from ``code``, a block
        of rows at a time (its buffers stay small and in the processor's cache)."""
        found = np.zeros(last - first, np.uint16)
        words = code.tolist()
        bits = np.empty(min(_BLOCK, last - first), np.uint64)
        counts = np.empty(len(bits), np.uint8)
        for start in range(first, last, _BLOCK):
            end = min(start + _BLOCK, last)
            out = found[start - first : end - first]
            block, seen = bits[: end - start], counts[: end - start]
            for word, column in zip(words, self.columns, strict=True):
                np.bitwise_xor(column[start:end], np.uint64(word), out=block)
                np.bitwise_count(block, out=seen)
                np.add(out, seen, out=out, casting="unsafe")
        return found


def shortlist(distances: NDArray[np.uint16], size: int) -> NDArray[np.int64]:
    """The rows of the ``size`` smallest distances, in row order (all of them when there are no
    more; of equal distances at the cut, the first rows). Counted, not sorted: a million
    distances take a millisecond or two, with no array of a million indexes."""
    if size >= len(distances):
        return np.arange(len(distances), dtype=np.int64)
    upto = np.cumsum(np.bincount(distances))
    cut = int(np.searchsorted(upto, size))  # the smallest distance reaching ``size`` rows
    below = np.flatnonzero(distances < cut)
    at = np.flatnonzero(distances == cut)[: size - len(below)]
    return np.sort(np.concatenate([below, at])).astype(np.int64)
