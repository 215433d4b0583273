"""The index's lookup tables give exactly what one-at-a-time Python gives."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from generator.topics.lookup import round_like_python
from generator.topics.related import shared_topics
from generator.topics.tfidf import normalize_rows, tfidf


def test_rounding_on_arrays_is_pythons_round() -> None:
    rng = np.random.default_rng(7)
    values = np.concatenate(
        [
            rng.random(20_000),
            rng.random(5_000) * 40,
            np.arange(0, 3, 0.0005),  # many values right at a rounding half
            [2.675, 0.125, 0.00005, -0.0004, 1e300, np.inf, -np.inf, 1e12 + 0.5],
        ]
    )
    for digits in (3, 4):
        assert round_like_python(values, digits) == [round(float(v), digits) for v in values]


def test_shared_topics_of_many_pairs_match_one_pair_at_a_time() -> None:
    features = sp.random(60, 25, density=0.3, format="csr", random_state=3)
    features.data = np.round(features.data, 2)  # equal contributions: ties go to the lower column
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 60, 200), rng.integers(0, 60, 200)
    for limit in (1, 3, 30):
        assert shared_topics(features, a, b, limit) == [
            tuple(_shared_one_pair(features, int(i), int(j), limit)) for i, j in zip(a, b, strict=True)
        ]


def test_tfidf_rows_have_unit_length_and_rare_columns_weigh_more() -> None:
    counts = sp.csr_matrix(np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [3.0, 0.0, 2.0]]))
    weighted = tfidf(counts).toarray()
    assert np.allclose(np.linalg.norm(weighted, axis=1), 1.0)
    assert weighted[0, 1] > weighted[0, 0]  # column 1 is in one row, column 0 in all
    assert normalize_rows(sp.csr_matrix((2, 3))).nnz == 0


def _shared_one_pair(features: sp.csr_matrix, a: int, b: int, limit: int) -> list[int]:
    row_a, row_b = features.getrow(a), features.getrow(b)
    both, at_a, at_b = np.intersect1d(row_a.indices, row_b.indices, assume_unique=True, return_indices=True)
    contribution = np.round(row_a.data[at_a] * row_b.data[at_b], 9)
    return [int(both[i]) for i in np.lexsort((both, -contribution))[:limit]]
