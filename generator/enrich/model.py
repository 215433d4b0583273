"""The enriched corpus: every parsed transcript with what the site derives from it.

All values are frozen. ``build_corpus`` makes a Corpus once, after every
transcript is parsed; renderers only read it.

Later enrichment (topics, related transcripts, questions asked before) adds
to the fields that default to empty here, so renderers can already rely on
their shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.errors import Problem
from generator.model import Question, Transcript


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
class Topic:
    """A recurring subject across transcripts (filled by topic detection)."""

    id: str
    name: str
    slugs: tuple[str, ...] = ()


@dataclass(frozen=True)
class AskedBefore:
    """An earlier question on the same subject (filled by a later stage)."""

    anchor: str  # the question in this transcript
    slug: str  # the earlier transcript
    earlier_anchor: str


@dataclass(frozen=True)
class Entry:
    """One transcript and what the site shows about it."""

    transcript: Transcript
    speakers: tuple[str, ...]  # principal speakers, display names, in order of appearance
    outlets: tuple[str, ...]  # outlets that asked questions, in order of first question
    questions: tuple[QuestionEntry, ...]
    word_count: int
    # Corpus-wide links; empty until the stages that compute them exist.
    topics: tuple[str, ...] = ()  # Topic ids
    related: tuple[str, ...] = ()  # slugs of related transcripts, best first
    asked_before: tuple[AskedBefore, ...] = ()

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
class PersonSummary:
    """A person who speaks for the organisation, with the transcripts they speak in."""

    id: str
    name: str
    slugs: tuple[str, ...]


@dataclass(frozen=True)
class OutletSummary:
    """A news outlet, with how many questions it asked and where."""

    name: str
    question_count: int
    slugs: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """Everything the renderers need, gathered before any page is rendered."""

    entries: tuple[Entry, ...]  # oldest first: by date (undated first), then slug
    years: tuple[Year, ...]  # newest first, undated last
    people: tuple[PersonSummary, ...]  # by name
    outlets: tuple[OutletSummary, ...]  # by name
    problems: tuple[Problem, ...] = ()
    topics: tuple[Topic, ...] = ()

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
