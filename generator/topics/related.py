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
    """Columns both rows have, by falling contribution to their similarity."""
    row_a, row_b = features.getrow(a), features.getrow(b)
    product = row_a.multiply(row_b).tocoo()
    order = np.lexsort((product.col, -np.round(product.data, 9)))
    return [int(product.col[i]) for i in order[:limit]]
