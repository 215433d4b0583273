"""The enriched corpus: every parsed transcript with what the site derives from it.

All values are frozen. ``build_corpus`` makes a Corpus once, after every
transcript is parsed; renderers only read it.

Topics, related transcripts and questions asked before or since are in
``Corpus.topic_index``, the corpus-wide index of the topic stage
(generator.topics), which renderers query page by page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.errors import Problem
from generator.model import Question, Transcript
from generator.topics import Suggestion, Topic, TopicIndex

if TYPE_CHECKING:
    from .people import OutletRecord, PersonRecord


@dataclass(frozen=True)
class QuestionEntry:
    """One question with the short text its heading shows.

    ``gist`` is the question's own words, cut to one sentence (the one that
    asks, when there is one) of a few words; empty when the question has no
    words, as with "[inaudible]".
    """

    question: Question
    gist: str


@dataclass(frozen=True)
class Entry:
    """One transcript and what the site shows about it."""

    transcript: Transcript
    speakers: tuple[str, ...]  # principal speakers, display names, in order of appearance
    outlets: tuple[str, ...]  # outlets that asked questions, in order of first question
    questions: tuple[QuestionEntry, ...]
    word_count: int

    @property
    def slug(self) -> str:
        """The transcript's slug, which is also its page's name."""
        return self.transcript.slug

    @property
    def year(self) -> int | None:
        """The year of the event, or None when the date is unknown."""
        return self.transcript.date.year if self.transcript.date else None


@dataclass(frozen=True)
class Year:
    """The transcripts of one year, oldest first; ``year`` None holds the undated."""

    year: int | None
    entries: tuple[Entry, ...]

    @property
    def question_count(self) -> int:
        """Questions asked across the year's transcripts."""
        return sum(len(e.questions) for e in self.entries)


@dataclass(frozen=True)
class Corpus:
    """Everything the renderers need, gathered before any page is rendered."""

    entries: tuple[Entry, ...]  # oldest first: by date (undated first), then slug
    years: tuple[Year, ...]  # newest first, undated last
    people: tuple[PersonRecord, ...]  # by slug
    outlets: tuple[OutletRecord, ...]  # by slug
    problems: tuple[Problem, ...] = ()
    topic_index: TopicIndex | None = None
    """Topics of every transcript and question, related transcripts, similar questions;
    None when the corpus was built without the topic stage (its pages then show no topics)."""

    @property
    def topics(self) -> tuple[Topic, ...]:
        """The published topics, most recurring first."""
        return self.topic_index.topics if self.topic_index is not None else ()

    @property
    def topic_suggestions(self) -> tuple[Suggestion, ...]:
        """Recurring phrases the taxonomy lacks, with their evidence, most widespread first."""
        return self.topic_index.suggestions if self.topic_index is not None else ()

    @property
    def question_count(self) -> int:
        """Questions asked across the whole archive."""
        return sum(len(e.questions) for e in self.entries)

    @property
    def first_date(self) -> dt.date | None:
        """Date of the oldest dated transcript."""
        dates = [e.transcript.date for e in self.entries if e.transcript.date]
        return min(dates) if dates else None

    @property
    def last_date(self) -> dt.date | None:
        """Date of the newest dated transcript."""
        dates = [e.transcript.date for e in self.entries if e.transcript.date]
        return max(dates) if dates else None
