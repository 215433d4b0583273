"""Similar questions across transcripts ("asked before" / "asked since").

Each question is a vector: TF-IDF of the words of the question and the
lead of its answer, blended with the unit's topic weights (which cover the
whole answer and turn synonyms such as "enlargement" and "accession" into
one feature). Questions of the same transcript are never proposed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from generator.topics.settings import TopicSettings
from generator.topics.terms import Terms
from generator.topics.tfidf import normalize_rows, tfidf
from generator.topics.topk import TopK, top_k
from generator.topics.units import Unit


def word_counts(terms: Terms, units: int) -> sp.csr_matrix:
    """Units x vocabulary counts of the words that are not stop words."""
    keep = ~terms.stop[terms.ids]
    counts = sp.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.float64), (terms.units[keep], terms.ids[keep])),
        shape=(units, len(terms.vocabulary)),
    )
    counts.sum_duplicates()
    return counts


def topic_features(weights: sp.csr_matrix) -> sp.csr_matrix:
    """Topic weights as tfidf features: sharing a rare topic says more."""
    return tfidf(weights)


def similar_questions(
    units: Sequence[Unit], terms: Terms, topic_weights: sp.csr_matrix, settings: TopicSettings
) -> TopK:
    """For every question unit, its most similar questions from other transcripts."""
    words = tfidf(word_counts(terms, len(units)))
    blend = settings.similar_topic_weight
    vectors = sp.hstack([words * (1.0 - blend), topic_features(topic_weights) * blend], format="csr")
    if vectors.shape[0]:
        vectors = normalize_rows(vectors)
    groups = np.fromiter((unit.transcript for unit in units), dtype=np.int64, count=len(units))
    questions = np.fromiter((i for i, unit in enumerate(units) if unit.question is not None), dtype=np.int64)
    return top_k(
        vectors,
        groups,
        k=settings.similar_count,
        min_score=settings.similar_min_score,
        max_terms=settings.max_terms,
        max_postings=settings.max_postings,
        rows=questions,
    )
