"""Assign topics to units with a weight, and roll them up per transcript.

A unit's weight for a topic counts its mentions: each mention in the
question counts ``question_weight``, in an answer ``answer_weight``, in an
opening statement ``statement_weight`` (see TopicSettings). A transcript's
weight is the sum over its units. Any mention assigns the topic: a reader
following a topic wants every place it came up; the weight orders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.topics.blocks import Block
from generator.topics.matcher import Matcher
from generator.topics.settings import TopicSettings


@dataclass(frozen=True, eq=False)
class Assignment:
    """Units x topics weights and mention counts, columns in ``Matcher.slugs`` order."""

    weights: sp.csr_matrix  # float64
    mentions: sp.csr_matrix  # int32


def part_weights(
    block: Block, segments: np.ndarray, is_question: np.ndarray, settings: TopicSettings
) -> np.ndarray:
    """The weight of one mention in each given segment (question, answer or statement)."""
    units = block.segment_unit[segments]
    answered = np.where(is_question[units], settings.answer_weight, settings.statement_weight)
    return np.where(block.segment_part[segments] == 0, settings.question_weight, answered)


BlockHits = tuple[np.ndarray, np.ndarray, np.ndarray]
"""(unit row, topic column, weight) of every match in one block."""


def block_matches(
    block: Block, matcher: Matcher, is_question: np.ndarray, settings: TopicSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(block segment, topic column, weight, start, end) of every match in one block, in reading
    order; start and end index the segment's own text (what a topic page quotes around)."""
    topics, starts, ends = matcher.scan(block.folded, block.lowered, block.codes)
    segments = block.segment_of(starts)
    offsets = block.offsets[segments]
    return segments, topics, part_weights(block, segments, is_question, settings), starts - offsets, ends - offsets


def assign_topics(hits: Sequence[BlockHits], units: int, topics: int) -> Assignment:
    """Units x topics weights and mentions from the matches of every block."""
    shape = (units, topics)
    row = np.concatenate([h[0] for h in hits]) if hits else np.zeros(0, dtype=np.int64)
    col = np.concatenate([h[1] for h in hits]) if hits else np.zeros(0, dtype=np.int64)
    weight = np.concatenate([h[2] for h in hits]) if hits else np.zeros(0)
    weights = sp.csr_matrix((weight.astype(np.float64), (row, col)), shape=shape)
    mentions = sp.csr_matrix((np.ones(row.size, dtype=np.int32), (row, col)), shape=shape)
    weights.sum_duplicates()
    mentions.sum_duplicates()
    return Assignment(weights, mentions)


def transcript_rollup(weights: sp.csr_matrix, unit_transcript: np.ndarray, transcripts: int) -> sp.csr_matrix:
    """Transcripts x topics: the sum of each transcript's unit rows."""
    indicator = sp.csr_matrix(
        (np.ones(len(unit_transcript)), (unit_transcript, np.arange(len(unit_transcript)))),
        shape=(transcripts, len(unit_transcript)),
    )
    return (indicator @ weights).tocsr()
