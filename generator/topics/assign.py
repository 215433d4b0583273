"""Assign topics to units with a weight, and roll them up per transcript.

A unit's weight for a topic counts its mentions: each mention in the
question counts ``question_weight``, in an answer ``answer_weight``, in an
opening statement ``statement_weight`` (see TopicSettings). A transcript's
weight is the sum over its units. Any mention assigns the topic: a reader
following a topic wants every place it came up; the weight orders them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.topics.matcher import Matcher
from generator.topics.settings import TopicSettings
from generator.topics.units import Unit

# Joins the texts of one transcript so that it is scanned in one call; no
# phrase contains it, so no match can span two texts.
_SEPARATOR = "\x00"


@dataclass(frozen=True, eq=False)
class Assignment:
    """Units x topics weights and mention counts, columns in ``slugs`` order."""

    slugs: tuple[str, ...]
    weights: sp.csr_matrix  # float64
    mentions: sp.csr_matrix  # int32


def assign_topics(units: Sequence[Unit], matcher: Matcher, slugs: Sequence[str], settings: TopicSettings) -> Assignment:
    """Match every unit once and weigh the matches."""
    column = {slug: i for i, slug in enumerate(slugs)}
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    start = 0
    while start < len(units):
        # All units of one transcript are contiguous: scan them as one text.
        stop = start
        while stop < len(units) and units[stop].transcript == units[start].transcript:
            stop += 1
        _match_block(units, start, stop, matcher, column, settings, rows, cols, data)
        start = stop
    shape = (len(units), len(slugs))
    row_array = np.asarray(rows, dtype=np.int64)
    col_array = np.asarray(cols, dtype=np.int64)
    weights = sp.csr_matrix((np.asarray(data, dtype=np.float64), (row_array, col_array)), shape=shape)
    mentions = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (row_array, col_array)), shape=shape)
    weights.sum_duplicates()
    mentions.sum_duplicates()
    return Assignment(tuple(slugs), weights, mentions)


def _match_block(
    units: Sequence[Unit],
    start: int,
    stop: int,
    matcher: Matcher,
    column: dict[str, int],
    settings: TopicSettings,
    rows: list[int],
    cols: list[int],
    data: list[float],
) -> None:
    texts: list[str] = []
    offsets: list[int] = []
    weights: list[float] = []
    position = 0
    for unit in units[start:stop]:
        answered_weight = settings.answer_weight if unit.question is not None else settings.statement_weight
        for text, weight in ((unit.asked, settings.question_weight), (unit.answered, answered_weight)):
            offsets.append(position)
            weights.append(weight)
            texts.append(text)
            position += len(text) + len(_SEPARATOR)
    for slug, begin, _end in matcher.spans(_SEPARATOR.join(texts)):
        index = column.get(slug)
        if index is None:
            continue
        segment = bisect_right(offsets, begin) - 1
        rows.append(start + segment // 2)
        cols.append(index)
        data.append(weights[segment])


def transcript_rollup(weights: sp.csr_matrix, unit_transcript: np.ndarray, transcripts: int) -> sp.csr_matrix:
    """Transcripts x topics: the sum of each transcript's unit rows."""
    indicator = sp.csr_matrix(
        (np.ones(len(unit_transcript)), (unit_transcript, np.arange(len(unit_transcript)))),
        shape=(transcripts, len(unit_transcript)),
    )
    return (indicator @ weights).tocsr()
