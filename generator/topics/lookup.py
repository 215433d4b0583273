"""Lookup tables the index answers page queries from, one slice per query.

A site asks the index about every question and transcript. Each table here
holds the answers for all rows, worked out together on whole arrays (numpy)
and turned into the display values once, so that one query is a slice of a
list, with no sparse-matrix indexing, sorting or rounding per call. The
index builds each table on the first query that needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

import numpy as np
import scipy.sparse as sp

from generator.model import Question
from generator.topics.model import RelatedTranscript, SimilarQuestion, TopicWeight, UnitKey
from generator.topics.related import shared_topics
from generator.topics.topk import TopK

Item = TypeVar("Item")

BEFORE, SINCE, ELSEWHERE = 0, 1, 2
"""When a similar question was asked, relative to the question it is listed under."""


@dataclass(frozen=True, eq=False)
class Grouped(Generic[Item]):
    """Items in consecutive groups: group ``g`` is ``items[indptr[g]:indptr[g + 1]]``."""

    indptr: list[int]
    items: Sequence[Item]

    def group(self, index: int) -> tuple[Item, ...]:
        """The items of one group, in order."""
        start, end = self.indptr[index], self.indptr[index + 1]
        return tuple(self.items[start:end]) if end > start else ()

    def column(self, index: int, at: int) -> Sequence[Any]:
        """Of the values each item of one group is made from, the ``at``-th, in order: for a
        reader that needs only that one (making the items costs more than reading it)."""
        return self.columns(index, at)[0]

    def columns(self, index: int, *at: int) -> tuple[Sequence[Any], ...]:
        """``column`` for several values at once."""
        items = self.items
        assert isinstance(items, _Made), "only items made from columns have columns"
        start, end = self.indptr[index], self.indptr[index + 1]
        return tuple(items.columns[column][start:end] for column in at)


def ranked_topics(
    weights: sp.csr_matrix, mentions: sp.csr_matrix, slugs: Sequence[str], published: np.ndarray
) -> Grouped[TopicWeight]:
    """Per row, its topics in ``published`` columns by falling rounded weight, then slug.

    A row's mentions of a topic are 0 when ``mentions`` has no entry for it.
    """
    rows, cols, values = _entries(weights)
    keep = published[cols]
    rows, cols, values = rows[keep], cols[keep], values[keep]
    rounded = round_like_python(values, 3)
    rank_of = {slug: rank for rank, slug in enumerate(sorted(slugs))}
    slug_rank = np.array([rank_of[slug] for slug in slugs], dtype=np.int64)
    order = np.lexsort((slug_rank[cols], -np.array(rounded), rows))
    names = [slugs[c] for c in cols[order].tolist()]
    counts = _lookup(mentions, rows[order], cols[order]).tolist()
    items = _Made(TopicWeight, names, [rounded[i] for i in order.tolist()], counts)  # column 0: the slug
    return Grouped(_bounds(rows, weights.shape[0]), items)


def asked_links(
    similar: TopK,
    units: Sequence[UnitKey],
    questions: Sequence[Question | None],
    unit_transcript: np.ndarray,
    dates: Sequence[dt.date | None],
) -> Grouped[SimilarQuestion]:
    """Per unit row ``r``, its similar questions asked before (group ``3r``), since
    (``3r + 1``) and elsewhere (``3r + 2``), each part most similar first.

    ``dates`` are the transcripts'. A question of the same day, or where
    either date is unknown, was asked elsewhere.
    """
    own, other = _link_ends(similar)
    day = np.array([d.toordinal() if d is not None else -1 for d in dates], dtype=np.int64)
    own_day, other_day = day[unit_transcript[own]], day[unit_transcript[other]]
    elsewhere = (own_day < 0) | (other_day < 0) | (own_day == other_day)
    group = own * 3 + np.where(elsewhere, ELSEWHERE, np.where(other_day < own_day, BEFORE, SINCE))
    order = np.argsort(group, kind="stable")  # keeps the ranking within each part
    owners = unit_transcript.tolist()

    def link(other: int, score: float) -> SimilarQuestion:
        question = questions[other]
        assert question is not None, "only questions are ever similar"
        return SimilarQuestion(units[other], round(score, 4), dates[owners[other]], question.number,
                               question.asker, question.outlet)

    links = _Made(link, other[order].tolist(), similar.scores[order].tolist())  # columns: the similar unit's row, the similarity
    return Grouped(_bounds(group[order], 3 * len(units)), links)


class _Made(Sequence[Item]):
    """Items made from columns of values, each when it is read.

    A first build reads every item of a table; a rebuild after an edit
    renders a page or two, and making every item (a table holds one per
    question, topic or link of the corpus) would cost more than those pages.
    """

    def __init__(self, make: Callable[..., Item], *columns: list[Any]) -> None:
        self._make, self.columns = make, columns

    def __len__(self) -> int:
        return len(self.columns[0])

    @overload
    def __getitem__(self, at: int) -> Item: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Item]: ...

    def __getitem__(self, at: int | slice) -> Item | Sequence[Item]:
        if isinstance(at, int):
            return self._make(*(column[at] for column in self.columns))
        return [self._make(*values) for values in zip(*(column[at] for column in self.columns))]


def related_links(
    related: TopK, features: sp.csr_matrix, slugs: Sequence[str], transcripts: Sequence[str], limit: int
) -> Grouped[RelatedTranscript]:
    """Per transcript row, its related transcripts, each with the (at most ``limit``) topics
    that explain the link; ``slugs`` name the columns, ``transcripts`` the rows."""
    own, other = _link_ends(related)
    shared = shared_topics(features, own, other, limit)
    scores = round_like_python(related.scores, 4)
    items = [
        RelatedTranscript(transcripts[o], score, tuple(slugs[c] for c in columns))
        for o, score, columns in zip(other.tolist(), scores, shared, strict=True)
    ]
    return Grouped(related.indptr.tolist(), items)


def round_like_python(values: np.ndarray, digits: int) -> list[float]:
    """``[round(float(v), digits) for v in values]``, on whole arrays.

    Scaling by ``10**digits``, rounding to an integer and dividing back
    gives the double nearest that integer's decimal, as Python's correctly
    rounded ``round`` does, as long as the integer is the one Python picks:
    it is, unless the scaled value lies within float error of a half (or is
    huge, or not a number). Those few go through ``round`` itself.
    """
    values = values.astype(np.float64)
    scale = 10.0**digits
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = values * scale
        out = (np.rint(scaled) / scale).tolist()
        doubtful = ~(np.abs(scaled) < _EXACT) | (np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6)
    for i in np.flatnonzero(doubtful).tolist():
        out[i] = round(float(values[i]), digits)
    return out


_EXACT = float(1 << 30)  # below this a product's rounding error is far under the 1e-6 margin


def _entries(matrix: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of every stored entry, in storage order."""
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    return rows, matrix.indices.astype(np.int64), matrix.data


def _lookup(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The stored values at (rows, cols), 0 where nothing is stored (int64)."""
    if matrix.nnz == 0:
        return np.zeros(rows.size, dtype=np.int64)
    stored_rows, stored_cols, values = _entries(matrix)
    width = matrix.shape[1]
    keys = stored_rows * width + stored_cols
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    wanted = rows * width + cols
    at = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
    return np.where(keys[at] == wanted, values[at], 0).astype(np.int64)


def _bounds(groups: np.ndarray, count: int) -> list[int]:
    """Where each of ``count`` groups starts in items sorted by (ascending) group, then the end."""
    return np.searchsorted(groups, np.arange(count + 1)).tolist()


def _link_ends(links: TopK) -> tuple[np.ndarray, np.ndarray]:
    """(row, neighbour) of every link, in storage order."""
    rows = np.repeat(np.arange(links.indptr.size - 1, dtype=np.int64), np.diff(links.indptr))
    return rows, links.cols.astype(np.int64)
