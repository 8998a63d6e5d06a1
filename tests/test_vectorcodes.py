"""Two-bit codes of claim vectors (knowledge.matching.vectorcodes): exact bit counts, the same
codebook however the vectors are read, and a shortlist that holds the nearest claims."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.matching import vectorcodes
from knowledge.matching.vectorcodes import Codebook, Codes


def unit_rows(rows: np.ndarray) -> np.ndarray:
    normed: np.ndarray = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    return normed


@pytest.mark.parametrize("dim", [64, 100, 384])
def test_distances_are_the_count_of_differing_bits(dim: int) -> None:
    rng = np.random.default_rng(dim)
    rows = unit_rows(rng.standard_normal((300, dim)))
    book = Codebook.fit([rows], dim)
    codes = Codes(book, len(rows))
    codes.put(0, rows[:120])
    codes.put(120, rows[120:])  # put in parts, as the index reads pages
    query = unit_rows(rng.standard_normal((1, dim)))[0]
    code = book.encode_query(query)
    assert code.shape == (book.words(),) and book.words() == 2 * -(-dim // 64)
    bits = np.unpackbits(codes.columns.T.copy().view(np.uint8), axis=1)
    asked = np.unpackbits(code.view(np.uint8))
    expected = (bits != asked).sum(axis=1)
    assert np.array_equal(codes.distances(code, 0, len(rows)), expected)
    # Any range of rows, as the threads of a scan ask for them.
    assert np.array_equal(codes.distances(code, 50, 170), expected[50:170])


def test_the_codebook_is_the_same_read_in_pages_or_at_once() -> None:
    rng = np.random.default_rng(1)
    rows = unit_rows(rng.standard_normal((1_000, 48)) + 0.3)
    whole = Codebook.fit([rows], 48)
    paged = Codebook.fit((rows[i : i + 128] for i in range(0, len(rows), 128)), 48)
    assert np.allclose(whole.centre, rows.mean(axis=0), atol=1e-6)
    assert np.allclose(whole.margin, vectorcodes.THRESHOLD * rows.std(axis=0), atol=1e-5)
    assert np.allclose(paged.centre, whole.centre, atol=1e-6)
    assert np.allclose(paged.margin, whole.margin, atol=1e-6)
    empty = Codebook.fit([], 48)
    assert empty.spread == 0.0 and not empty.centre.any()


def test_the_shortlist_holds_the_nearest_claims_of_a_question_set_apart() -> None:
    """Claims in topics around a shared mean (as a model's vectors are: none centred on zero),
    questions about a topic set apart from the claims as e5 sets its "query:" vectors apart:
    a shortlist of 4% of the claims holds nearly all of the exact ten best."""
    rng = np.random.default_rng(5)
    dim, topics = 96, 60
    common = rng.standard_normal(dim) * 2.0
    centres = rng.standard_normal((topics, dim))
    labels = rng.integers(0, topics, 6_000)
    claims = unit_rows(common + centres[labels] + 0.8 * rng.standard_normal((6_000, dim)))
    offset = rng.standard_normal(dim) * 0.7  # where questions sit apart from claims
    book = Codebook.fit([claims], dim)
    codes = Codes(book, len(claims))
    codes.put(0, claims)
    found = []
    for topic in range(topics):
        query = unit_rows((common + offset + centres[topic] + rng.standard_normal(dim))[None])[0]
        best = set(np.argsort(-(claims @ query))[:10].tolist())
        short = vectorcodes.shortlist(codes.distances(book.encode_query(query), 0, 6_000), 240)
        found.append(len(best & set(short.tolist())) / 10)
    assert np.mean(found) >= 0.95


def test_a_shortlist_as_long_as_the_rows_is_every_row() -> None:
    distances = np.array([5, 1, 3], dtype=np.uint16)
    assert vectorcodes.shortlist(distances, 10).tolist() == [0, 1, 2]
    assert vectorcodes.shortlist(distances, 2).tolist() == [1, 2]


def test_the_shortlist_is_the_smallest_distances_with_ties_cut_in_row_order() -> None:
    rng = np.random.default_rng(3)
    distances = rng.integers(0, 40, 5_000).astype(np.uint16)
    for size in (1, 7, 100, 2_500, 4_999):
        short = vectorcodes.shortlist(distances, size)
        assert len(short) == size and np.all(np.diff(short) > 0)
        cut = np.sort(distances)[size - 1]
        assert distances[short].max() == cut
        assert set(np.flatnonzero(distances < cut).tolist()) <= set(short.tolist())
        ties = np.flatnonzero(distances == cut)
        first_ties = ties[: size - int((distances < cut).sum())]
        assert set(short.tolist()) & set(ties.tolist()) == set(first_ties.tolist())


def test_rows_replaced_are_coded_as_a_fresh_coding_of_the_same_rows() -> None:
    # How the index takes in a moderator's change without coding every claim again.
    rng = np.random.default_rng(5)
    rows = unit_rows(rng.standard_normal((200, 100)))
    book = Codebook.fit([rows], 100)
    codes = Codes(book, len(rows))
    codes.put(0, rows)
    before = codes.columns.copy()
    keep = np.ones(len(rows), dtype=bool)
    keep[[0, 7, 150, 199]] = False
    added = unit_rows(rng.standard_normal((3, 100)))
    into = np.array([0, 40, 196])  # positions among the 196 rows kept
    replaced = codes.replaced(keep, into, added)
    expected_rows = np.insert(rows[keep], into, added, axis=0)
    fresh = Codes(book, len(expected_rows))
    fresh.put(0, expected_rows)
    assert np.array_equal(replaced.columns, fresh.columns)
    assert np.array_equal(codes.columns, before)  # the old codes are left as they were
    nothing = codes.replaced(np.ones(len(rows), dtype=bool), np.zeros(0, np.int64), added[:0])
    assert np.array_equal(nothing.columns, before)
