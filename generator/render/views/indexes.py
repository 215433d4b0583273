"""The views of the pages that lead to transcripts, and of the open data about them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import paths
from ..settings import DataLicence
from .labels import TopicLabel


@dataclass(frozen=True)
class ListedTranscript:
    """A transcript as the home and year pages list it."""

    slug: str
    title: str
    date: dt.date | None
    event_type: str | None
    questions: int


@dataclass(frozen=True)
class YearCount:
    """A year (None: undated) and how many transcripts it holds."""

    year: int | None
    transcripts: int


@dataclass(frozen=True)
class ArchiveSummary:
    """What the archive holds, as its index pages sum it up."""

    transcripts: int
    questions: int
    outlets: int
    first_date: dt.date | None
    last_date: dt.date | None


@dataclass(frozen=True)
class HomePage:
    """The home page."""

    title: str
    summary: ArchiveSummary
    latest: tuple[ListedTranscript, ...]
    years: tuple[YearCount, ...]
    topics: tuple[TopicLabel, ...] | None  # the most recurring; None: the archive has no topic index
    topic_count: int

    path = paths.HOME


@dataclass(frozen=True)
class YearsPage:
    """The list of years."""

    summary: ArchiveSummary
    years: tuple[YearCount, ...]

    path = paths.YEARS


@dataclass(frozen=True)
class YearPage:
    """One year's transcripts, with the dated years around it."""

    year: int | None
    questions: int
    transcripts: tuple[ListedTranscript, ...]
    older: int | None
    newer: int | None

    @property
    def path(self) -> str:
        return paths.year(self.year)


@dataclass(frozen=True)
class OpenDataPage:
    """The page that says what open data is published, and under which licence."""

    transcripts: int
    licence: DataLicence
    downloads: bool  # False: a preview, which leaves them out

    path = paths.OPEN_DATA


@dataclass(frozen=True)
class TranscriptRecord:
    """A transcript as the JSON index of the archive describes it."""

    slug: str
    title: str
    date: dt.date | None
    event_type: str | None
    location: str | None
    source_url: str | None
    language: str | None
    speakers: tuple[str, ...]
    outlets: tuple[str, ...]
    questions: int
    words: int


@dataclass(frozen=True)
class CorpusIndex:
    """The JSON index of the archive: a record per transcript, oldest first."""

    summary: ArchiveSummary
    records: tuple[TranscriptRecord, ...]

    path = paths.CORPUS_INDEX
