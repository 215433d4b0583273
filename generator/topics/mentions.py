"""Where each topic was first mentioned in each unit: which text, which characters.

A topic page quotes the words around a topic's mention rather than the
start of a question or answer. The matcher finds every mention anyway; this
keeps, per (unit, topic), only the first one in reading order (the question
before the answer), as three numbers: whether it is in the answer (or the
statement), and its start and end in that text (``Unit.asked`` or
``Unit.answered``). Kept as sorted arrays: a few bytes per pair, at any
size of archive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class FirstMentions:
    """The first mention of each (unit row, topic column) pair that has one, sorted by pair."""

    pairs: np.ndarray  # int64: unit row * topic_count + topic column, sorted
    in_answer: np.ndarray  # bool: in the answer or statement, not the question
    starts: np.ndarray  # int32: in that text
    ends: np.ndarray
    topic_count: int  # columns of the taxonomy: discovered topics have no mention here

    def positions(self, rows: Sequence[int], column: int) -> list[int]:
        """For each unit row, the position of its first mention of the topic in these arrays, or -1."""
        if column >= self.topic_count or self.pairs.size == 0:
            return [-1] * len(rows)
        wanted = np.asarray(rows, dtype=np.int64) * self.topic_count + column
        at = np.minimum(np.searchsorted(self.pairs, wanted), self.pairs.size - 1)
        return np.where(self.pairs[at] == wanted, at, -1).tolist()

    def of(self, rows: Sequence[int], column: int) -> list[tuple[bool, int, int] | None]:
        """For each unit row, (in the answer, start, end) of the topic's first mention, or None."""
        return [
            None if at < 0 else (bool(self.in_answer[at]), int(self.starts[at]), int(self.ends[at]))
            for at in self.positions(rows, column)
        ]

    def of_rows(self, first: int, end: int) -> range:
        """The positions of the mentions of the unit rows from ``first`` up to ``end``."""
        lo, hi = np.searchsorted(self.pairs, [first * self.topic_count, end * self.topic_count]).tolist()
        return range(lo, hi)


def first_mentions(*arrays: np.ndarray, topic_count: int) -> FirstMentions:
    """The first mention of each pair from every match of the corpus.

    ``arrays`` are: the number of matches of each segment (``2 * unit`` its
    question, ``2 * unit + 1`` its answer or statement), then, per match in
    segment order, then reading order, its topic column, and its start and
    end in the segment's text.
    """
    segment_hits, topics, starts, ends = arrays
    segments = np.repeat(np.arange(segment_hits.size, dtype=np.int64), segment_hits)
    pairs = (segments // 2) * topic_count + topics.astype(np.int64)
    # np.unique's first index of each pair is its first mention: matches are in reading order.
    unique, first = np.unique(pairs, return_index=True)
    return FirstMentions(
        unique,
        (segments[first] % 2).astype(bool),
        starts[first].astype(np.int32),
        ends[first].astype(np.int32),
        topic_count,
    )
