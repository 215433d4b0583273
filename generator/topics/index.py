"""The corpus-wide topic index: what the renderers ask, answered on demand.

The stage computes matrices once (units x topics, transcripts x topics,
nearest neighbours); the index turns one row into display values only when
a page asks for it, so enrichment stays cheap however many pages follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
from generator.topics.related import shared_topics
from generator.topics.topk import TopK

LEAD_CHARS = 400
"""Characters of each question and answer the index keeps for excerpts."""


@dataclass(frozen=True, eq=False)
class TopicIndex:
    """Topics of every unit and transcript, topic coverage, related and similar.

    Build it with ``enrich_topics``; read it through the methods.
    """

    transcripts: tuple[Transcript, ...]
    units: tuple[UnitKey, ...]
    unit_transcript: np.ndarray  # unit row -> transcript row
    unit_question: tuple[Question | None, ...]
    unit_leads: tuple[tuple[str, str], ...]  # the start of each unit's question and answer
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

    def coverage(self, slug: str) -> TopicCoverage:
        """Every transcript and unit where a topic came up, newest first."""
        column = self._column[slug]
        cols = self._columns
        rows, weights = _column(cols.unit_weights, column)
        _, mentions = _column(cols.unit_mentions, column)
        # Newest transcript first, then the order of units within it.
        order = np.lexsort((rows, self._rank[self.unit_transcript[rows]]))
        units = tuple(
            UnitRef(self.units[r], round(w, 3), int(m))
            for r, w, m in zip(
                rows[order].tolist(), weights[order].tolist(), mentions[order].tolist(), strict=True
            )
        )
        t_rows, t_weights = _column(cols.transcript_weights, column)
        _, t_mentions = _column(cols.transcript_mentions, column)
        t_order = np.argsort(self._rank[t_rows], kind="stable")
        transcripts = tuple(
            TranscriptRef(self.transcripts[r].slug, self.transcripts[r].date, round(w, 3), int(m))
            for r, w, m in zip(
                t_rows[t_order].tolist(),
                t_weights[t_order].tolist(),
                t_mentions[t_order].tolist(),
                strict=True,
            )
        )
        years = self._year[self.unit_transcript[rows]]
        found, per_year = np.unique(years[years >= 0], return_counts=True)
        return TopicCoverage(
            self.columns[column],
            transcripts,
            units,
            tuple(zip(found.tolist(), per_year.tolist(), strict=True)),
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

    def topics_of_unit(self, key: UnitKey) -> tuple[TopicWeight, ...]:
        """The published topics of a question or statement, strongest first."""
        row = self._unit_row.get(key)
        return () if row is None else self._weights(self.unit_weights, self.unit_mentions, row)

    def topics_of_transcript(self, slug: str) -> tuple[TopicWeight, ...]:
        """The published topics of a transcript, strongest first (passing mentions included)."""
        row = self._transcript_row.get(slug)
        return () if row is None else self._weights(self.transcript_weights, self.transcript_mentions, row)

    def main_topics_of_transcript(self, slug: str) -> tuple[TopicWeight, ...]:
        """The topics a transcript is about: at least ``main_share`` of its topic weight."""
        weights = self.topics_of_transcript(slug)
        total = sum(w.weight for w in weights)
        return tuple(w for w in weights if w.weight >= self.main_share * total)

    def related_to(self, slug: str) -> tuple[RelatedTranscript, ...]:
        """The transcripts closest by shared topics, each with the topics it shares."""
        row = self._transcript_row.get(slug)
        if row is None:
            return ()
        out = []
        for i in range(self.related.indptr[row], self.related.indptr[row + 1]):
            other = int(self.related.cols[i])
            shared = shared_topics(self.transcript_features, row, other, self.explain)
            out.append(
                RelatedTranscript(
                    self.transcripts[other].slug,
                    round(float(self.related.scores[i]), 4),
                    tuple(self.columns[c].slug for c in shared),
                )
            )
        return tuple(out)

    def asked_elsewhere(self, key: UnitKey) -> AskedElsewhere:
        """The most similar questions of other transcripts, split into before and since."""
        row = self._unit_row.get(key)
        if row is None:
            return AskedElsewhere()
        own = self.transcripts[int(self.unit_transcript[row])].date
        before, since, elsewhere = [], [], []
        for i in range(self.similar.indptr[row], self.similar.indptr[row + 1]):
            other = int(self.similar.cols[i])
            question = self.unit_question[other]
            assert question is not None  # only questions are candidates
            date = self.transcripts[int(self.unit_transcript[other])].date
            item = SimilarQuestion(
                self.units[other],
                round(float(self.similar.scores[i]), 4),
                date,
                question.number,
                question.asker,
                question.outlet,
            )
            if own is None or date is None or date == own:
                elsewhere.append(item)
            elif date < own:
                before.append(item)
            else:
                since.append(item)
        return AskedElsewhere(tuple(before), tuple(since), tuple(elsewhere))

    def _weights(self, weights: sp.csr_matrix, mentions: sp.csr_matrix, row: int) -> tuple[TopicWeight, ...]:
        start, end = weights.indptr[row], weights.indptr[row + 1]
        first, last = mentions.indptr[row], mentions.indptr[row + 1]
        counts = dict(
            zip(mentions.indices[first:last].tolist(), mentions.data[first:last].tolist(), strict=True)
        )
        items = [
            (round(float(w), 3), int(c))
            for w, c in zip(weights.data[start:end], weights.indices[start:end], strict=True)
            if self.columns[c].slug in self._published_slugs
        ]
        items.sort(key=lambda item: (-item[0], self.columns[item[1]].slug))
        return tuple(TopicWeight(self.columns[c].slug, w, int(counts.get(c, 0))) for w, c in items)


@dataclass(frozen=True, eq=False)
class ColumnView:
    """The index's matrices by column (CSC), for topic pages, and per-topic counts."""

    unit_weights: sp.csc_matrix
    unit_mentions: sp.csc_matrix
    transcript_weights: sp.csc_matrix
    transcript_mentions: sp.csc_matrix
    transcripts: np.ndarray  # per column: transcripts it came up in
    questions: np.ndarray  # per column: questions it came up in


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
