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


def shared_topics(features: sp.csr_matrix, a: np.ndarray, b: np.ndarray, limit: int) -> list[tuple[int, ...]]:
    """For each pair of rows ``(a[i], b[i])``, the columns both have, at most ``limit``.

    Columns come by falling contribution to the pair's similarity (the
    product of their values, rounded to 9 places), ties to the lower column.
    All pairs are settled together on whole arrays.
    """
    width = features.shape[1]
    pair_a, col_a, value_a = _row_entries(features, a)
    pair_b, col_b, value_b = _row_entries(features, b)
    # One key orders by pair, then column, then side (a before b): a column
    # the two rows share shows up as two neighbouring keys.
    keys = np.concatenate([(pair_a * width + col_a) * 2, (pair_b * width + col_b) * 2 + 1])
    values = np.concatenate([value_a, value_b])
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    both = np.flatnonzero(keys[:-1] // 2 == keys[1:] // 2)
    pair, column = np.divmod(keys[both] // 2, max(width, 1))
    contribution = np.round(values[both] * values[both + 1], 9)
    ranked = np.lexsort((column, -contribution, pair))
    pair, column = pair[ranked], column[ranked]
    firsts = np.searchsorted(pair, np.arange(a.size))
    rank = np.arange(pair.size) - firsts[pair]
    kept = rank < limit
    bounds = np.searchsorted(pair[kept], np.arange(a.size + 1)).tolist()
    columns = column[kept].tolist()
    return [tuple(columns[bounds[i] : bounds[i + 1]]) for i in range(a.size)]


def _row_entries(matrix: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position in ``rows``, column, value) of every entry of the given rows."""
    counts = np.diff(matrix.indptr)[rows]
    position = np.repeat(np.arange(rows.size, dtype=np.int64), counts)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])) if rows.size else np.zeros(0, dtype=np.int64)
    at = np.arange(position.size) - np.repeat(starts, counts) + np.repeat(matrix.indptr[rows], counts)
    return position, matrix.indices[at].astype(np.int64), matrix.data[at]
