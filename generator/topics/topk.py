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
from sklearn.preprocessing import normalize

_CHUNK = 4096  # rows per product: bounds memory at ~chunk x max_terms x max_postings entries


@dataclass(frozen=True, eq=False)
class TopK:
    """For row ``i``, neighbours ``cols[indptr[i]:indptr[i+1]]``, best first."""

    indptr: np.ndarray
    cols: np.ndarray
    scores: np.ndarray


def keep_strongest(matrix: sp.csr_matrix, per_row: int) -> sp.csr_matrix:
    """Each row's ``per_row`` largest entries; ties go to the lower column."""
    matrix = sp.csr_matrix(matrix)
    matrix.sort_indices()
    counts = np.diff(matrix.indptr)
    if counts.size == 0 or counts.max(initial=0) <= per_row:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), counts)
    # Stable sort by row, then by falling value; equal values keep column order.
    order = np.lexsort((-matrix.data, rows))
    rank = np.arange(order.size) - matrix.indptr[rows[order]]
    keep = np.sort(order[rank < per_row])
    kept = sp.csr_matrix((matrix.data[keep], matrix.indices[keep], np.concatenate(([0], np.cumsum(np.minimum(counts, per_row))))), shape=matrix.shape)
    return kept


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

    ``vectors`` are L2-normalised after pruning, so scores are cosines of the
    pruned vectors. ``rows`` limits both the queries and the candidates (for
    example to questions); other rows get no neighbours and are never one.
    Ties are broken by the lower row index, so the result is deterministic.
    """
    n = vectors.shape[0]
    if n == 0:
        return TopK(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0))
    active = np.ones(n, dtype=bool) if rows is None else np.isin(np.arange(n), rows)
    pruned = keep_strongest(vectors.multiply(active[:, None]).tocsr(), max_terms)
    pruned = normalize(pruned, copy=False)
    postings = keep_strongest(pruned.T.tocsr(), max_postings)  # features x rows
    indptr = np.zeros(n + 1, dtype=np.int64)
    out_cols: list[np.ndarray] = []
    out_scores: list[np.ndarray] = []
    for begin in range(0, n, _CHUNK):
        end = min(begin + _CHUNK, n)
        scores = (pruned[begin:end] @ postings).tocsr()
        scores.sort_indices()
        counts = np.diff(scores.indptr)
        row_of = np.repeat(np.arange(begin, end), counts)
        keep = (scores.data >= min_score) & (groups[scores.indices] != groups[row_of])
        row_of, cols, values = row_of[keep], scores.indices[keep], scores.data[keep]
        # Best first within each row; equal scores in column order (stable).
        order = np.lexsort((-np.round(values, 9), row_of))
        row_of, cols, values = row_of[order], cols[order], values[order]
        first = np.searchsorted(row_of, np.arange(begin, end))
        rank = np.arange(row_of.size) - first[row_of - begin]
        take = rank < k
        out_cols.append(cols[take])
        out_scores.append(values[take])
        indptr[begin + 1 : end + 1] = np.bincount(row_of[take] - begin, minlength=end - begin)
    indptr = np.cumsum(indptr)
    cols = np.concatenate(out_cols) if out_cols else np.zeros(0, dtype=np.int32)
    scores = np.concatenate(out_scores) if out_scores else np.zeros(0)
    return TopK(indptr=indptr, cols=cols, scores=scores)
