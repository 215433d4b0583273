"""The corpus-wide topic index: what the renderers ask, answered from tables made once.

The stage computes matrices once (units x topics, transcripts x topics,
nearest neighbours) and, from them, a lookup table of display values for
every row at once (generator/topics/lookup.py); a query slices a table, so
a site's thousands of queries cost little more than one. The index is
complete when it is made: rendering only reads it, in every process alike.
The arrays it reads besides the matrices are generator/topics/index_arrays.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp

from generator.model import Question, Transcript
from generator.topics.model import (
    AskedElsewhere,
    RelatedTranscript,
    SimilarQuestion,
    Suggestion,
    Topic,
    TopicCoverage,
    TopicKind,
    TopicWeight,
    TranscriptRef,
    UnitKey,
    UnitRef,
)
from generator.topics.index_arrays import ColumnEntries, ColumnView, CoverageRows
from generator.topics.lookup import Grouped
from generator.topics.mentions import FirstMentions
from generator.topics.topk import TopK

LEAD_CHARS = 400
"""Characters of each question and answer the index keeps for excerpts."""


@dataclass(frozen=True, eq=False)
class TopicIndex:
    """Topics of every unit and transcript, topic coverage, related and similar.

    Built by ``generator.topics.build_index``; read it through the methods.
    """

    transcripts: tuple[Transcript, ...]
    units: tuple[UnitKey, ...]
    unit_transcript: np.ndarray  # unit row -> transcript row
    unit_question: tuple[Question | None, ...]
    unit_leads: tuple[tuple[str, str], ...]  # the start of each unit's question and answer
    mentions: FirstMentions  # where each unit first mentions each taxonomy topic
    columns: tuple[Topic, ...]  # matrix column -> topic (curated, then published discoveries)
    published: tuple[int, ...]  # columns that get a page, most recurring first
    unit_weights: sp.csr_matrix
    unit_mentions: sp.csr_matrix
    transcript_weights: sp.csr_matrix
    transcript_mentions: sp.csr_matrix
    transcript_features: sp.csr_matrix  # what related transcripts were ranked by
    similar: TopK  # over unit rows
    related: TopK  # over transcript rows
    suggestions: tuple[Suggestion, ...]
    explain: int
    main_share: float
    _unit_row: dict[UnitKey, int] = field(repr=False)
    _transcript_row: dict[str, int] = field(repr=False)
    _column: dict[str, int] = field(repr=False)
    _published_slugs: frozenset[str] = field(repr=False)
    _columns: ColumnView = field(repr=False)
    _rank: np.ndarray = field(repr=False)  # transcript row -> newest-first rank
    _year: np.ndarray = field(repr=False)  # transcript row -> year, -1 undated
    # Display values for every row at once (generator/topics/lookup.py): queries slice them.
    _unit_topics: Grouped[TopicWeight] = field(repr=False)
    _transcript_topics: Grouped[TopicWeight] = field(repr=False)
    _related: Grouped[RelatedTranscript] = field(repr=False)
    _asked: Grouped[SimilarQuestion] = field(repr=False)  # three groups per unit row: before, since, elsewhere

    @property
    def topics(self) -> tuple[Topic, ...]:
        """Published topics (those that came up at least once), most recurring first."""
        return tuple(self.columns[c] for c in self.published)

    def transcript(self, slug: str) -> Transcript:
        """The transcript with this slug."""
        return self.transcripts[self._transcript_row[slug]]

    def children(self, slug: str) -> tuple[Topic, ...]:
        """Published topics whose parent is this one, most recurring first."""
        return tuple(t for t in self.topics if t.parent == slug)

    def topic(self, slug: str) -> Topic:
        """The topic with this slug (curated or published discovery)."""
        return self.columns[self._column[slug]]

    def topics_by_kind(self) -> tuple[tuple[TopicKind, tuple[Topic, ...]], ...]:
        """Published topics grouped by kind (in TopicKind order), most recurring first."""
        topics = self.topics
        return tuple(
            (kind, tuple(t for t in topics if t.kind is kind))
            for kind in TopicKind
            if any(t.kind is kind for t in topics)
        )

    def counts(self, slug: str) -> tuple[int, int]:
        """(transcripts, questions) a topic came up in, without building its coverage."""
        column = self._column[slug]
        return int(self._columns.transcripts[column]), int(self._columns.questions[column])

    def column_entries(self, slug: str) -> ColumnEntries:
        """Where a topic came up, as the index stores it: unit and transcript rows with their
        weights and mentions, in row order (``coverage`` turns them into a page's values)."""
        return self._columns.entries(self._column[slug])

    def coverage(self, slug: str) -> TopicCoverage:
        """Every transcript and unit where a topic came up, newest first."""
        entries = self.column_entries(slug)
        rows = self.coverage_rows(slug, entries)
        weights, mentions = entries.unit_weights[rows.unit_order], entries.unit_mentions[rows.unit_order]
        units = tuple(
            UnitRef(self.units[r], round(w, 3), int(m))
            for r, w, m in zip(rows.units, weights.tolist(), mentions.tolist(), strict=True)
        )
        t_weights = entries.transcript_weights[rows.transcript_order]
        transcripts = tuple(
            TranscriptRef(self.transcripts[r].slug, self.transcripts[r].date, round(w, 3), m)
            for r, w, m in zip(rows.transcripts, t_weights.tolist(), rows.transcript_mentions, strict=True)
        )
        return TopicCoverage(self.columns[entries.column], transcripts, units, rows.per_year)

    def coverage_rows(self, slug: str, entries: ColumnEntries | None = None) -> CoverageRows:
        """Where a topic came up, as rows of ``units`` and ``transcripts`` in the order of ``coverage``
        (``entries``: its ``column_entries``, if at hand)."""
        entries = self.column_entries(slug) if entries is None else entries
        rows = entries.unit_rows
        # Newest transcript first, then the order of units within it.
        unit_order = np.lexsort((rows, self._rank[self.unit_transcript[rows]]))
        t_rows = entries.transcript_rows
        t_order = np.argsort(self._rank[t_rows], kind="stable")
        years = self._year[self.unit_transcript[rows]]
        found, per_year = np.unique(years[years >= 0], return_counts=True)
        return CoverageRows(
            rows[unit_order].tolist(),
            t_rows[t_order].tolist(),
            [int(m) for m in entries.transcript_mentions[t_order].tolist()],
            tuple(zip(found.tolist(), per_year.tolist(), strict=True)),
            unit_order,
            t_order,
        )

    def question(self, key: UnitKey) -> Question | None:
        """The question of a unit (None for a statement or an unknown key)."""
        row = self._unit_row.get(key)
        return None if row is None else self.unit_question[row]

    def unit_text(self, key: UnitKey) -> tuple[str, str]:
        """The first ``LEAD_CHARS`` characters of a unit's question and of its answer (or statement):
        enough for an excerpt without going back to the transcript."""
        row = self._unit_row.get(key)
        return ("", "") if row is None else self.unit_leads[row]

    def column_of(self, slug: str) -> int:
        """The matrix column of a topic (its column in ``mentions`` too, for a taxonomy topic)."""
        return self._column[slug]

    def transcript_row(self, slug: str) -> int:
        """The row of a transcript in ``transcripts``; its units are consecutive rows of ``units``,
        in transcript order."""
        return self._transcript_row[slug]

    def topic_slugs_of_unit_row(self, row: int) -> Sequence[str]:
        """The slugs of ``topics_of_unit`` of the unit in row ``row``, without making their weights."""
        return self._unit_topics.column(row, 0)

    def asked_scored(self, row: int) -> tuple[tuple[Sequence[Any], ...], ...]:
        """``asked_elsewhere`` of the unit in row ``row`` as unit rows and their similarities, without
        making their display values: before, since, elsewhere, each most similar first."""
        asked = self._asked
        return tuple(asked.columns(group, 0, 1) for group in (3 * row, 3 * row + 1, 3 * row + 2))

    def topics_of_unit(self, key: UnitKey) -> tuple[TopicWeight, ...]:
        """The published topics of a question or statement, strongest first."""
        row = self._unit_row.get(key)
        return () if row is None else self._unit_topics.group(row)

    def topics_of_transcript(self, slug: str) -> tuple[TopicWeight, ...]:
        """The published topics of a transcript, strongest first (passing mentions included)."""
        row = self._transcript_row.get(slug)
        return () if row is None else self._transcript_topics.group(row)

    def main_topics_of_transcript(self, slug: str) -> tuple[TopicWeight, ...]:
        """The topics a transcript is about: at least ``main_share`` of its topic weight."""
        weights = self.topics_of_transcript(slug)
        total = sum(w.weight for w in weights)
        return tuple(w for w in weights if w.weight >= self.main_share * total)

    def related_to(self, slug: str) -> tuple[RelatedTranscript, ...]:
        """The transcripts closest by shared topics, each with the topics it shares."""
        row = self._transcript_row.get(slug)
        return () if row is None else self._related.group(row)

    def asked_elsewhere(self, key: UnitKey) -> AskedElsewhere:
        """The most similar questions of other transcripts, split into before and since."""
        row = self._unit_row.get(key)
        if row is None:
            return AskedElsewhere()
        asked = self._asked
        return AskedElsewhere(asked.group(3 * row), asked.group(3 * row + 1), asked.group(3 * row + 2))
