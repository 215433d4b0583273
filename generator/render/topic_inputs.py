"""What the topic pieces of each page are made from, for the page's key.

A transcript page's topic pieces (chips, "asked before / since", related
transcripts; generator.render.topic_links) are the costly part of rendering
it, mostly making display values. A rebuild only needs to know which pages
would change, and the topic index's arrays tell that for every page at once:
the pieces of a page are decided by

- its transcript's own topic weights (which come from its text and the taxonomy),
- the topics the site publishes and their names (one digest for the site),
- the questions each of its questions lists, in rank order, with what a link to each shows
  (its transcript, anchor, date, number, asker, outlet and the start of its text),
- its related transcripts, with the topics each shares, its title and its date.

A score never shows on a page, only the order it gives, so scores that move
after an edit elsewhere leave a page's key alone while the order holds.

A topic page is decided by the topic (name, description, parent and
children), the questions and transcripts it lists with their weights and
mentions, and what it quotes of those transcripts (their parse digests,
which generator.render.groups adds). A big topic's year page is decided by
its year's share of them alone.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import Any

import numpy as np
import orjson
import scipy.sparse as sp

from generator.topics import TopicIndex
from generator.topics.index_arrays import ColumnEntries

from . import paths
from .topic_pages import topic_description, topic_family, year_pages

TopicPageInputs = tuple[str, list[Any], list[str]]
"""(path, what decides the page besides the transcripts it quotes, slugs of those transcripts)."""


class TopicInputs:
    """The inputs of every transcript page's topic pieces, read from one topic index."""

    def __init__(self, index: TopicIndex) -> None:
        self._index = index
        self._row = {transcript.slug: row for row, transcript in enumerate(index.transcripts)}

    @cached_property
    def site(self) -> str:
        """A digest of what every page's pieces share: topic slugs and names, which are published,
        and the settings that pick a transcript's main topics and what related ones share."""
        index = self._index
        names = [(topic.slug, topic.name) for topic in index.columns]
        # Which topics are published, not their order (how often each came up), which these pieces never show.
        published = sorted(index.columns[column].slug for column in index.published)
        return _digest([names, published, index.main_share, index.explain])

    def of(self, slug: str) -> list[Any]:
        """What decides the topic pieces of the page of the transcript ``slug``, as plain data."""
        row = self._row.get(slug)
        if row is None:
            return [self.site]
        index = self._index
        start, end = self._unit_spans[row], self._unit_spans[row + 1]
        bounds = self._similar_bounds
        asked = [self._link_shows[bounds[unit] : bounds[unit + 1]] for unit in range(start, end)]
        related = []
        for link in index.related_to(slug):
            other = index.transcript(link.slug)
            related.append((link.slug, link.shared, other.title, other.date))
        return [
            self.site,
            _rows_digest(index.transcript_weights, row, row + 1),
            _rows_digest(index.unit_weights, start, end),
            asked,
            related,
        ]

    def topic_pages(self, slug: str, per_page: int) -> list[TopicPageInputs]:
        """The pages of a topic as ``topic_page_sources`` splits them (``year_pages``), each with what decides it."""
        index = self._index
        topic = index.topic(slug)
        path = paths.topic(slug)
        shown = [topic.name, topic_description(index, topic), topic_family(index, slug, path), per_page]
        entries = index.column_entries(slug)
        listed = [self._slugs[row] for row in entries.transcript_rows.tolist()]
        years = year_pages(index, slug, per_page, entries)
        if not years:
            return [(path, [*shown, self._listing(entries)], listed)]
        # The main page counts questions and transcripts per year and spans their dates.
        dates = [self._dates[row] for row in entries.transcript_rows.tolist()]
        pages: list[TopicPageInputs] = [(path, [*shown, self._listing(entries), dates], [])]
        for year_path, year in years.items():
            part = index.year_entries(entries, year)
            inputs = [topic.name, topic_description(index, topic), year, self._listing(part)]
            pages.append((year_path, inputs, [self._slugs[row] for row in part.transcript_rows.tolist()]))
        return pages

    def _listing(self, entries: ColumnEntries) -> list[Any]:
        """The units and transcripts a listing shows, with their weights and mentions."""
        return [
            [self._unit_ids[row] for row in entries.unit_rows.tolist()],
            _arrays_digest(entries.unit_weights, entries.unit_mentions),
            [self._slugs[row] for row in entries.transcript_rows.tolist()],
            _arrays_digest(entries.transcript_weights, entries.transcript_mentions),
        ]

    @cached_property
    def _unit_ids(self) -> list[str]:
        return [f"{key.transcript}#{key.anchor}" for key in self._index.units]

    @cached_property
    def _slugs(self) -> list[str]:
        return [transcript.slug for transcript in self._index.transcripts]

    @cached_property
    def _dates(self) -> list[Any]:
        return [transcript.date for transcript in self._index.transcripts]

    @cached_property
    def _unit_spans(self) -> list[int]:
        """Where each transcript's unit rows start, then the end: the index keeps them together."""
        owners = self._index.unit_transcript
        if owners.size and np.any(owners[1:] < owners[:-1]):
            raise ValueError("the topic index must keep each transcript's units together, in transcript order")
        return np.searchsorted(owners, np.arange(len(self._index.transcripts) + 1)).tolist()

    @cached_property
    def _similar_bounds(self) -> list[int]:
        return self._index.similar.indptr.tolist()

    @cached_property
    def _link_shows(self) -> list[str]:
        """For every similar-question link of the index, in its order, a digest of what the link shows."""
        index = self._index
        shows = [
            _digest(
                [key.transcript, key.anchor, self._dates[owner], leads[0]]
                + ([question.number, question.asker, question.outlet] if question is not None else [])
            )
            for key, question, owner, leads in zip(
                index.units, index.unit_question, index.unit_transcript.tolist(), index.unit_leads, strict=True
            )
        ]
        return [shows[unit] for unit in index.similar.cols.tolist()]


def _rows_digest(matrix: sp.csr_matrix, start: int, end: int) -> str:
    """A digest of rows ``start`` to ``end`` of a sparse matrix: where each row's entries start, their columns, their values."""
    first, last = int(matrix.indptr[start]), int(matrix.indptr[end])
    return _arrays_digest(matrix.indptr[start : end + 1] - first, matrix.indices[first:last], matrix.data[first:last])


def _arrays_digest(*arrays: np.ndarray) -> str:
    """A digest of the values of arrays, as float64 (exact for counts and indices below 2**53)."""
    digest = hashlib.blake2b(digest_size=16)
    for array in arrays:
        digest.update(np.ascontiguousarray(array, dtype=np.float64).tobytes())
    return digest.hexdigest()


def _digest(value: Any) -> str:
    return hashlib.blake2b(orjson.dumps(value), digest_size=16).hexdigest()
