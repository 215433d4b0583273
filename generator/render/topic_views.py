"""What pages show from the topic index: the topic pieces of transcript pages, and the topic pages.

Labels are made once per topic, transcript and question and shared by
every view that shows them: a question is listed under many others and on
several topic pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from generator.enrich import Entry
from generator.topics import STATEMENT_ANCHOR, Topic, TopicIndex
from generator.topics.units import transcript_units

from .passage import passage
from .settings import RenderSettings
from .text import ANSWER_EXCERPT, QUESTION_EXCERPT, excerpt
from .topic_pages import PER_PAGE, topic_description
from .views.topics import Passage, Quote
from .views import (
    PageView,
    QuestionTopics,
    RelatedLink,
    TopicCount,
    TopicLabel,
    TopicListing,
    TopicPage,
    TopicsPage,
    TopicYearPage,
    TranscriptLabel,
    TranscriptTopics,
    UnitLabel,
    YearTally,
)


class Labels:
    """Topics, transcripts and questions of one topic index as links show them, each made once."""

    def __init__(self, index: TopicIndex) -> None:
        self._index = index
        self._topics = {topic.slug: self.of_topic(topic) for topic in index.columns}
        transcripts = [TranscriptLabel(t.slug, t.title, t.date) for t in index.transcripts]
        self._transcripts = transcripts
        self._transcript_by_slug = {label.slug: label for label in transcripts}
        owners = index.unit_transcript.tolist()
        if any(later < earlier for earlier, later in zip(owners, owners[1:])):
            raise ValueError("the topic index must keep each transcript's units together, in transcript order")
        self._units = [
            UnitLabel(
                transcripts[owner],
                key.anchor,
                key.anchor == STATEMENT_ANCHOR,
                question.number if question is not None else None,
                question.asker if question is not None else None,
                question.outlet if question is not None else None,
                excerpt(asked, QUESTION_EXCERPT),
            )
            for key, question, owner, (asked, _answered) in zip(
                index.units, index.unit_question, owners, index.unit_leads, strict=True
            )
        ]
        self._answers = [excerpt(answered, ANSWER_EXCERPT) for _asked, answered in index.unit_leads]
        # Each transcript's units are consecutive rows: where they start, by transcript row, then the end.
        self._spans = np.searchsorted(index.unit_transcript, np.arange(len(transcripts) + 1)).tolist()
        self._passages = _passages(index, self._spans)

    @staticmethod
    def of_topic(topic: Topic) -> TopicLabel:
        """A topic's label, made anew (``topic`` gives the one this index shares)."""
        return TopicLabel(topic.slug, topic.name)

    def topic(self, slug: str) -> TopicLabel:
        return self._topics[slug]

    def topics(self, slugs: Iterable[str]) -> tuple[TopicLabel, ...]:
        return tuple(map(self._topics.__getitem__, slugs))

    def transcript(self, slug: str) -> TranscriptLabel:
        return self._transcript_by_slug[slug]

    def transcripts_at(self, rows: Iterable[int]) -> tuple[TranscriptLabel, ...]:
        return tuple(map(self._transcripts.__getitem__, rows))

    def unit_at(self, row: int) -> UnitLabel:
        return self._units[row]

    def units_at(self, rows: Iterable[int]) -> tuple[UnitLabel, ...]:
        return tuple(map(self._units.__getitem__, rows))

    def quotes_at(self, rows: Sequence[int], slug: str) -> tuple[Quote, ...]:
        """What a topic page quotes of each unit: the passage where the unit first mentions the
        topic, or the start of its answer (or statement) where no words of it matched."""
        positions = self._index.mentions.positions(rows, self._index.column_of(slug))
        return tuple(
            self._answers[row] if at < 0 else self._passages[at] for row, at in zip(rows, positions, strict=True)
        )

    def unit_rows(self, slug: str) -> dict[str, int]:
        """The rows of the units of the transcript ``slug``, by anchor."""
        units = self._index.units
        row = self._index.transcript_row(slug)
        return {units[at].anchor: at for at in range(self._spans[row], self._spans[row + 1])}


def _passages(index: TopicIndex, spans: list[int]) -> list[Passage]:
    """The passage of every first mention the index records, in its order.

    Made transcript by transcript from the unit texts the topic stage matched
    (generator.topics.units), so the recorded characters are those words.
    """
    mentions = index.mentions
    found: list[Passage] = []
    for row, transcript in enumerate(index.transcripts):
        first = spans[row]
        at = mentions.of_rows(first, spans[row + 1])
        if not at:
            continue
        units = transcript_units(transcript, row)
        for position in at:
            unit = units[int(mentions.pairs[position]) // mentions.topic_count - first]
            in_answer = bool(mentions.in_answer[position])
            found.append(passage(
                unit.answered if in_answer else unit.asked,
                int(mentions.starts[position]), int(mentions.ends[position]), in_answer,
            ))
    return found


def transcript_topics(index: TopicIndex, labels: Labels, entry: Entry, settings: RenderSettings) -> TranscriptTopics:
    """The topic pieces of the page of ``entry``: its main topics, the strongest topics of its
    statement and of each question, the questions asked elsewhere and the related transcripts."""
    slug = entry.slug
    rows = labels.unit_rows(slug)
    asked = _asked_elsewhere(index, labels, entry, rows, settings.asked_elsewhere)
    questions = []
    for question in entry.questions:
        anchor = question.question.anchor
        row = rows.get(anchor)
        chips = labels.topics(index.topic_slugs_of_unit_row(row)[: settings.unit_chips]) if row is not None else ()
        questions.append(QuestionTopics(anchor, chips, *asked.get(anchor, ((), (), ()))))
    related = tuple(
        RelatedLink(labels.transcript(link.slug), labels.topics(link.shared)) for link in index.related_to(slug)
    )
    statement = rows.get(STATEMENT_ANCHOR)
    main = labels.topics(weight.topic for weight in index.main_topics_of_transcript(slug))
    return TranscriptTopics(
        main,
        main[: settings.page_chips],
        labels.topics(index.topic_slugs_of_unit_row(statement)[: settings.unit_chips]) if statement is not None else (),
        tuple(questions),
        related,
    )


Asked = tuple[tuple[UnitLabel, ...], tuple[UnitLabel, ...], tuple[UnitLabel, ...]]
"""Similar questions asked before, since and elsewhere (the same day, or undated)."""


def _asked_elsewhere(
    index: TopicIndex, labels: Labels, entry: Entry, rows: dict[str, int], limit: int
) -> dict[str, Asked]:
    """The similar questions of other transcripts each question of ``entry`` lists, by anchor.

    At most ``limit`` per question, and none under two questions of the
    transcript: each similar question goes to the question it is most similar
    to, most similar pairs first. Each part comes in date order.
    """
    candidates: list[tuple[float, int, int, int]] = []
    for position, question in enumerate(entry.questions):
        row = rows.get(question.question.anchor)
        if row is None:
            continue
        for part, (others, scores) in enumerate(index.asked_scored(row)):
            candidates += [(-score, position, part, other) for other, score in zip(others, scores)]
    candidates.sort()
    taken: set[int] = set()
    chosen: dict[int, list[tuple[int, int]]] = {}
    for _score, position, part, other in candidates:
        picked = chosen.setdefault(position, [])
        if other not in taken and len(picked) < limit:
            taken.add(other)
            picked.append((part, other))
    found: dict[str, Asked] = {}
    for position, picked in chosen.items():
        parts: tuple[list[UnitLabel], list[UnitLabel], list[UnitLabel]] = ([], [], [])
        for part, other in picked:
            parts[part].append(labels.unit_at(other))
        before, since, elsewhere = (tuple(sorted(units, key=_in_date_order)) for units in parts)
        found[entry.questions[position].question.anchor] = (before, since, elsewhere)
    return found


def _in_date_order(unit: UnitLabel) -> tuple[int, str, int, str]:
    """Oldest first, undated last; then by transcript and question."""
    date = unit.transcript.date
    return (date.toordinal() if date is not None else _UNDATED, unit.transcript.slug, unit.number or 0, unit.anchor)


_UNDATED = dt.date.max.toordinal() + 1


def topic_views(index: TopicIndex, labels: Labels, per_page: int = PER_PAGE) -> Iterator[PageView]:
    """The topics index, then each topic's pages: its main page and, when it came up more than
    ``per_page`` times, one page per year (newest first, undated last)."""
    topics = index.topics
    yield TopicsPage(
        tuple(
            (kind.label, tuple(TopicCount(labels.topic(topic.slug), *index.counts(topic.slug)) for topic in group))
            for kind, group in index.topics_by_kind()
        ),
        len(topics),
    )
    published = {topic.slug for topic in topics}
    children: dict[str, list[TopicLabel]] = {}
    for topic in topics:
        if topic.parent:
            children.setdefault(topic.parent, []).append(labels.topic(topic.slug))
    spread = {found.slug: len(found.transcripts) for found in index.suggestions}
    for topic in topics:
        label = labels.topic(topic.slug)
        description = topic_description(topic, spread.get(topic.slug))
        rows = index.coverage_rows(topic.slug)
        listing = TopicListing(
            tuple(zip(labels.transcripts_at(rows.transcripts), rows.transcript_mentions, strict=True)),
            labels.units_at(rows.units),
            labels.quotes_at(rows.units, topic.slug),
        )
        dates = [transcript.date for transcript, _mentions in listing.transcripts if transcript.date is not None]
        by_year = _by_year(listing) if len(listing.units) > per_page else {}
        yield TopicPage(
            label,
            description,
            labels.topic(topic.parent) if topic.parent in published else None,
            tuple(children.get(topic.slug, ())),
            len(listing.transcripts),
            listing.question_count,
            min(dates, default=None),
            max(dates, default=None),
            rows.per_year,
            None if by_year else listing,
            tuple(YearTally(year, part.question_count, len(part.transcripts)) for year, part in by_year.items()),
        )
        for year, part in by_year.items():
            yield TopicYearPage(label, description, year, part)


def _by_year(listing: TopicListing) -> dict[int | None, TopicListing]:
    """The listing split by year, newest year first, undated last (orders kept).

    A listing is newest first, so each year's transcripts and units are a run.
    """
    transcripts = _year_runs(label.date for label, _mentions in listing.transcripts)
    units = _year_runs(unit.transcript.date for unit in listing.units)
    split: dict[int | None, TopicListing] = {}
    for year, (start, end) in transcripts.items():
        first, last = units.get(year, (0, 0))
        split[year] = TopicListing(listing.transcripts[start:end], listing.units[first:last], listing.quotes[first:last])
    return split


def _year_runs(dates: Iterable[dt.date | None]) -> dict[int | None, tuple[int, int]]:
    """Where each year's run starts and ends in items sorted newest first, undated last."""
    runs: dict[int | None, tuple[int, int]] = {}
    start, current, count = 0, None, 0
    for at, date in enumerate(dates):
        year = date.year if date is not None else None
        if at and year != current:
            assert current not in runs, "a listing must come newest first"
            runs[current] = (start, at)
            start = at
        current, count = year, at + 1
    if count:
        runs[current] = (start, count)
    return runs
