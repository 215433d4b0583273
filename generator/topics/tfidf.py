"""TF-IDF weighting and L2 row normalisation of sparse matrices, in numpy.

The arithmetic is scikit-learn's (``TfidfTransformer(sublinear_tf=True)``
and ``normalize``), operation for operation, so that every value is the
same to the last bit: similarity scores are rounded and ties are broken on
them, and a different summation order could flip a link. Importing
scikit-learn for these few lines would load much of it at every start.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def tfidf(counts: sp.csr_matrix) -> sp.csr_matrix:
    """Counts damped (1 + log) and scaled by rarity (smoothed idf), rows L2-normalised.

    ``idf = ln((1 + rows) / (1 + rows with the column)) + 1``. A matrix
    without rows or columns gives an empty matrix of its shape.
    """
    rows, cols = counts.shape
    if rows == 0 or cols == 0:  # no units, or no topics (an empty taxonomy)
        return sp.csr_matrix(counts.shape)
    counts = sp.csr_matrix(counts)
    found_in = np.bincount(counts.indices, minlength=cols).astype(np.float64)
    found_in += 1.0
    idf = np.full_like(found_in, rows + 1)
    idf /= found_in
    np.log(idf, out=idf)
    idf += 1.0
    data = counts.data.astype(np.float64)  # a copy: the counts stay as they are
    np.log(data, out=data)
    data += 1.0
    data *= idf[counts.indices]
    return normalize_rows(sp.csr_matrix((data, counts.indices.copy(), counts.indptr.copy()), shape=counts.shape))


def normalize_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """A copy of ``matrix`` (as float64 CSR) with every row scaled to unit L2 norm.

    Rows whose squares sum to zero stay as they are. Each row's squares are
    summed in column-storage order, one after the other, as a plain loop
    does; numpy's own sums add in pairs, which rounds differently.
    """
    out = sp.csr_matrix(matrix, dtype=np.float64, copy=True)
    data, indptr = out.data, out.indptr
    lengths = np.diff(indptr)
    squares = data * data
    sums = np.zeros(out.shape[0])
    # Longest rows first: at step k the rows still going are a prefix.
    by_length = np.argsort(-lengths, kind="stable")
    still = np.searchsorted(-lengths[by_length], -np.arange(int(lengths.max(initial=0))), side="left")
    firsts = indptr[by_length]
    for k, count in enumerate(still.tolist()):
        active = by_length[:count]
        sums[active] += squares[firsts[:count] + k]
    norms = np.sqrt(sums)
    scaled = np.repeat(norms != 0.0, lengths)
    data[scaled] /= np.repeat(norms, lengths)[scaled]
    return out
