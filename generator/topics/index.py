"""The corpus-wide topic index: what the renderers ask, answered on demand.

The stage computes matrices once (units x topics, transcripts x topics,
nearest neighbours); the index turns one row into display values only when
a page asks for it, so enrichment stays cheap however many pages follow.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
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


@dataclass(frozen=True, eq=False)
class TopicIndex:
    """Topics of every unit and transcript, topic coverage, related and similar.

    Build it with ``enrich_topics``; read it through the methods.
    """

    transcripts: tuple[Transcript, ...]
    units: tuple[UnitKey, ...]
    unit_transcript: np.ndarray  # unit row -> transcript row
    unit_question: tuple[Question | None, ...]
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

    def topics_by_kind(self) -> tuple[tuple[TopicKind, tuple[TopicCoverage, ...]], ...]:
        """Published topics grouped by kind (in TopicKind order), most recurring first."""
        coverages = [self.coverage(topic.slug) for topic in self.topics]
        return tuple(
            (kind, tuple(c for c in coverages if c.topic.kind is kind))
            for kind in TopicKind
            if any(c.topic.kind is kind for c in coverages)
        )

    def coverage(self, slug: str) -> TopicCoverage:
        """Every transcript and unit where a topic came up, newest first."""
        column = self._column[slug]
        weights = self.unit_weights.getcol(column).tocoo()
        mentions = self.unit_mentions.getcol(column).toarray().ravel()
        rows = weights.row
        order = sorted(
            range(rows.size),
            key=lambda i: (self._newest_first(int(self.unit_transcript[rows[i]])), int(rows[i])),
        )
        units = tuple(
            UnitRef(self.units[rows[i]], round(float(weights.data[i]), 3), int(mentions[rows[i]]))
            for i in order
        )
        t_weights = self.transcript_weights.getcol(column).tocoo()
        t_mentions = self.transcript_mentions.getcol(column).toarray().ravel()
        t_order = sorted(range(t_weights.row.size), key=lambda i: self._newest_first(int(t_weights.row[i])))
        transcripts = tuple(
            TranscriptRef(
                self.transcripts[t_weights.row[i]].slug,
                self.transcripts[t_weights.row[i]].date,
                round(float(t_weights.data[i]), 3),
                int(t_mentions[t_weights.row[i]]),
            )
            for i in t_order
        )
        years = Counter(
            self.transcripts[int(self.unit_transcript[r])].date.year
            for r in rows
            if self.transcripts[int(self.unit_transcript[r])].date is not None
        )
        return TopicCoverage(self.columns[column], transcripts, units, tuple(sorted(years.items())))

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

    def _newest_first(self, transcript_row: int) -> tuple[int, int, str]:
        transcript = self.transcripts[transcript_row]
        return newest_first_key(transcript.date, transcript.slug)


def newest_first_key(date: dt.date | None, slug: str) -> tuple[int, int, str]:
    """Sort key: dated newest first, then undated; ties by slug."""
    return (0, -date.toordinal(), slug) if date is not None else (1, 0, slug)


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
