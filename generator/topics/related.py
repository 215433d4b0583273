"""Related transcripts: those sharing the most weighted topics."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from generator.topics.settings import TopicSettings
from generator.topics.topk import TopK, top_k


def related_transcripts(features: sp.csr_matrix, settings: TopicSettings) -> TopK:
    """For every transcript, the others whose topic profile is closest.

    ``features`` come from ``topic_features``: a topic counts more the more
    a transcript is about it (damped by a log) and the rarer it is across the
    archive (idf), so sharing "Crimea" says more than sharing "Russia".
    """
    return top_k(
        features,
        np.arange(features.shape[0]),
        k=settings.related_count,
        min_score=1e-9,
        max_terms=settings.max_terms,
        max_postings=settings.max_postings,
    )


def shared_topics(features: sp.csr_matrix, a: int, b: int, limit: int) -> list[int]:
    """Columns both rows have, by falling contribution to their similarity (ties: lower column)."""
    cols_a, data_a = _row(features, a)
    cols_b, data_b = _row(features, b)
    both, at_a, at_b = np.intersect1d(cols_a, cols_b, assume_unique=True, return_indices=True)
    contribution = np.round(data_a[at_a] * data_b[at_b], 9)
    order = np.lexsort((both, -contribution))
    return [int(both[i]) for i in order[:limit]]


def _row(matrix: sp.csr_matrix, row: int) -> tuple[np.ndarray, np.ndarray]:
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return matrix.indices[start:end], matrix.data[start:end]
