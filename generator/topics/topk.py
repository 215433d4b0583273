"""Top-k most similar rows of a sparse matrix, in near-linear time.

Similar questions and related transcripts both need, for every row, the
best few other rows by cosine similarity. Comparing all pairs is quadratic.
Instead each row keeps only its ``max_terms`` strongest features, each
feature links at most ``max_postings`` rows (those where it weighs most),
and the products run through scipy's sparse matrix multiplication in
chunks. The work is then at most rows x max_terms x max_postings. The result
is exact while no feature is shared by more than ``max_postings`` rows;
beyond that, a very common feature only links the rows it matters most to,
which is where it can decide a ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.topics.tfidf import normalize_rows

_CHUNK = 4096  # rows per product: bounds memory at ~chunk x max_terms x max_postings entries


@dataclass(frozen=True, eq=False)
class TopK:
    """For row ``i``, neighbours ``cols[indptr[i]:indptr[i+1]]``, best first."""

    indptr: np.ndarray
    cols: np.ndarray
    scores: np.ndarray
    work: int = 0  # pairs scored: at most rows x max_terms x max_postings


def keep_strongest(matrix: sp.csr_matrix, per_row: int) -> sp.csr_matrix:
    """Each row's ``per_row`` largest entries (values in [0, 1]); ties go to the lower column."""
    matrix = sp.csr_matrix(matrix)
    matrix.sort_indices()
    counts = np.diff(matrix.indptr)
    if counts.size == 0 or counts.max() <= per_row:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.float64), counts)
    # One float key orders by row, then by falling value; the stable sort
    # keeps column order among equal values.
    order = np.argsort(rows + (1.0 - np.clip(matrix.data, 0.0, 1.0)) * 0.5, kind="stable")
    rank = np.arange(order.size) - np.repeat(matrix.indptr[:-1], counts)
    keep = np.zeros(matrix.nnz, dtype=bool)
    keep[order[rank < per_row]] = True
    indptr = np.concatenate(([0], np.cumsum(np.minimum(counts, per_row))))
    return sp.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)


def top_k(
    vectors: sp.csr_matrix,
    groups: np.ndarray,
    *,
    k: int,
    min_score: float,
    max_terms: int,
    max_postings: int,
    rows: np.ndarray | None = None,
) -> TopK:
    """The ``k`` most similar rows of each row, never from the same group.

    Vectors (non-negative) are L2-normalised after pruning, so scores are
    cosines of the pruned vectors. ``rows`` limits both the queries and the
    candidates (for example to questions); other rows get no neighbours and
    are never one. Equal scores go to the lower row, so the result is
    deterministic.
    """
    n = vectors.shape[0]
    chosen = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64)
    counts = np.zeros(n, dtype=np.int64)
    if chosen.size == 0 or vectors.shape[1] == 0:  # nothing to compare, or nothing to compare by
        return TopK(np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    pruned = normalize_rows(keep_strongest(sp.csr_matrix(vectors)[chosen], max_terms))
    postings = keep_strongest(pruned.T.tocsr(), max_postings)  # features x chosen rows
    own = groups[chosen]
    out_rows: list[np.ndarray] = []
    out_cols: list[np.ndarray] = []
    out_scores: list[np.ndarray] = []
    work = 0
    for begin in range(0, chosen.size, _CHUNK):
        end = min(begin + _CHUNK, chosen.size)
        scores = (pruned[begin:end] @ postings).tocsr()
        work += scores.nnz
        row_of = np.repeat(np.arange(begin, end), np.diff(scores.indptr))
        strong = np.flatnonzero(scores.data >= min_score)
        strong = strong[own[scores.indices[strong]] != own[row_of[strong]]]
        best_rows, best_cols, best = _best_per_row(
            row_of[strong], scores.indices[strong], scores.data[strong], k
        )
        out_rows.append(best_rows)
        out_cols.append(best_cols)
        out_scores.append(best)
    found_rows = chosen[np.concatenate(out_rows)]
    counts += np.bincount(found_rows, minlength=n)
    indptr = np.concatenate(([0], np.cumsum(counts)))
    # Chosen rows ascend, so results stay grouped by row in order.
    return TopK(
        indptr=indptr, cols=chosen[np.concatenate(out_cols)], scores=np.concatenate(out_scores), work=work
    )


def _best_per_row(
    rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` best (row, col, score) of each row, rows ascending, best first.

    Entries come grouped by row. Scores are rounded (so that float noise
    cannot reorder them) and nudged down by a hair per column, which makes
    every key in a row distinct and breaks ties towards the lower column;
    then ``k`` rounds each take the maximum of every row. That is linear,
    where sorting all candidates is not.
    """
    if rows.size == 0:
        return rows, cols, scores
    key = np.round(scores, 6) - cols * 1e-12
    starts = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
    lengths = np.diff(np.concatenate((starts, [rows.size])))
    picked: list[np.ndarray] = []
    for _ in range(min(k, int(lengths.max()))):
        best = np.maximum.reduceat(key, starts)
        hit = np.flatnonzero(key == np.repeat(best, lengths))
        hit = hit[np.isfinite(key[hit])]
        picked.append(hit)
        key[hit] = -np.inf
    chosen = np.concatenate(picked)
    # Round r picked each row's r-th best: order by row, keeping round order.
    chosen = chosen[np.argsort(rows[chosen], kind="stable")]
    return rows[chosen], cols[chosen], scores[chosen]
