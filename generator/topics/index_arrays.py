"""The arrays the topic index reads besides its matrices, built once by the topic stage.

- The matrices by column (CSC) with each topic's counts (:class:`ColumnView`,
  :func:`column_view`), from which one topic's column is read out
  (:class:`ColumnEntries`) for its pages;
- each transcript row's rank, newest first (:func:`newest_first`), and year
  (:func:`years_of`);
- the columns whose topics are published (:func:`published_columns`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.model import Transcript
from generator.topics.model import Topic


@dataclass(frozen=True, eq=False)
class ColumnEntries:
    """One topic's column of the index: the rows it came up in, with their weights and mentions."""

    unit_rows: np.ndarray
    unit_weights: np.ndarray
    unit_mentions: np.ndarray
    transcript_rows: np.ndarray
    transcript_weights: np.ndarray
    transcript_mentions: np.ndarray
    column: int


@dataclass(frozen=True, eq=False)
class CoverageRows:
    """Where a topic came up, as rows of the index, newest first (the order of its coverage)."""

    units: list[int]  # unit rows: newest transcript first, then the order of units within it
    transcripts: list[int]  # transcript rows, newest first
    transcript_mentions: list[int]  # of the topic, in each of those transcripts
    per_year: tuple[tuple[int, int], ...]  # (year, units that year); undated left out
    unit_order: np.ndarray  # positions in the column's entries, in that order
    transcript_order: np.ndarray


@dataclass(frozen=True, eq=False)
class ColumnView:
    """The index's matrices by column (CSC), for topic pages, and per-topic counts."""

    unit_weights: sp.csc_matrix
    unit_mentions: sp.csc_matrix
    transcript_weights: sp.csc_matrix
    transcript_mentions: sp.csc_matrix
    transcripts: np.ndarray  # per column: transcripts it came up in
    questions: np.ndarray  # per column: questions it came up in

    def entries(self, column: int) -> ColumnEntries:
        """One topic's column: the unit and transcript rows it came up in, with their
        weights and mentions, in row order."""
        rows, weights = _column(self.unit_weights, column)
        _, mentions = _column(self.unit_mentions, column)
        t_rows, t_weights = _column(self.transcript_weights, column)
        _, t_mentions = _column(self.transcript_mentions, column)
        return ColumnEntries(rows, weights, mentions, t_rows, t_weights, t_mentions, column)


def column_view(
    unit_weights: sp.csr_matrix,
    unit_mentions: sp.csr_matrix,
    transcript_weights: sp.csr_matrix,
    transcript_mentions: sp.csr_matrix,
    is_question: np.ndarray,
) -> ColumnView:
    """Column-wise copies of the matrices and the counts the topics index shows."""
    questions = sp.diags(is_question.astype(np.float64)) @ (unit_mentions > 0).astype(np.float64)
    return ColumnView(
        unit_weights=unit_weights.tocsc(),
        unit_mentions=unit_mentions.tocsc(),
        transcript_weights=transcript_weights.tocsc(),
        transcript_mentions=transcript_mentions.tocsc(),
        transcripts=np.diff(transcript_weights.tocsc().indptr),
        questions=np.asarray(questions.sum(axis=0)).ravel().astype(np.int64),
    )


def newest_first(transcripts: tuple[Transcript, ...]) -> np.ndarray:
    """Each transcript's rank when dated ones come newest first, then undated ones; ties by slug."""
    keys = [(0, -t.date.toordinal(), t.slug) if t.date is not None else (1, 0, t.slug) for t in transcripts]
    rank = np.empty(len(transcripts), dtype=np.int64)
    rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
    return rank


def years_of(transcripts: tuple[Transcript, ...]) -> np.ndarray:
    """Each transcript's year, or -1 when undated."""
    return np.fromiter(
        (t.date.year if t.date else -1 for t in transcripts), dtype=np.int64, count=len(transcripts)
    )


def _column(matrix: sp.csc_matrix, column: int) -> tuple[np.ndarray, np.ndarray]:
    start, end = matrix.indptr[column], matrix.indptr[column + 1]
    return matrix.indices[start:end].astype(np.int64), matrix.data[start:end].astype(np.float64)


def published_columns(
    columns: tuple[Topic, ...], transcript_weights: sp.csr_matrix, unit_mentions: sp.csr_matrix
) -> tuple[int, ...]:
    """Columns that came up at least once, by transcripts then units touched, then name."""
    spread = np.diff(transcript_weights.tocsc().indptr)
    units = np.diff(unit_mentions.tocsc().indptr)
    used = [c for c in range(len(columns)) if spread[c] > 0]
    return tuple(
        sorted(
            used, key=lambda c: (-int(spread[c]), -int(units[c]), columns[c].name.lower(), columns[c].slug)
        )
    )
