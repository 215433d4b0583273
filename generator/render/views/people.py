"""The views of the person and outlet pages, of their indexes and of their feeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from .. import paths
from .feeds import FeedItem
from .labels import TranscriptLabel


class NameLabel(NamedTuple):
    """A person or an outlet as a link to its page shows it."""

    slug: str
    name: str


class QuestionLine(NamedTuple):
    """A question as a person's or an outlet's page lists it."""

    transcript: TranscriptLabel
    anchor: str
    number: int
    asker: str | None
    outlet: str | None
    gist: str


@dataclass(frozen=True)
class RoleLine:
    """A role a person was named with, from the first to the last transcript naming it."""

    title: str
    first: dt.date | None
    last: dt.date | None
    transcripts: int


@dataclass(frozen=True)
class Listing:
    """What a person's or an outlet's page lists, newest first: the transcripts they are in,
    the questions they asked and the questions they answered."""

    transcripts: tuple[TranscriptLabel, ...]
    asked: tuple[QuestionLine, ...]
    answered: tuple[QuestionLine, ...] = ()

    @property
    def size(self) -> int:
        """Lines the listing takes."""
        return len(self.transcripts) + len(self.asked) + len(self.answered)


@dataclass(frozen=True)
class YearLine:
    """A year of a person or outlet with year pages, as the main page links to it: to its page, or
    to the page of each of its ``months`` (newest first) when it has one per month."""

    year: int | None
    transcripts: int
    asked: int
    answered: int
    months: tuple[int, ...] = ()


@dataclass(frozen=True)
class PersonPage:
    """A person's page: roles, outlets, counts, then the listing itself or a link per year to it."""

    person: NameLabel
    roles: tuple[RoleLine, ...]
    outlets: tuple[tuple[NameLabel, int], ...]  # outlets they asked for, with questions, most first
    transcripts: int
    asked: int
    answered: int
    first_date: dt.date | None
    last_date: dt.date | None
    listing: Listing | None  # None: the person has year pages
    years: tuple[YearLine, ...] = ()

    @property
    def path(self) -> str:
        return paths.named("person", self.person.slug)


@dataclass(frozen=True)
class OutletPage:
    """An outlet's page: who asked for it, counts, then the listing itself or a link per year to it."""

    outlet: NameLabel
    askers: tuple[tuple[NameLabel, int], ...]  # with questions, most first
    transcripts: int
    asked: int
    first_date: dt.date | None
    last_date: dt.date | None
    listing: Listing | None
    years: tuple[YearLine, ...] = ()

    @property
    def path(self) -> str:
        return paths.named("outlet", self.outlet.slug)


@dataclass(frozen=True)
class NameYearPage:
    """What a person or an outlet with year pages said or asked in one year (None: undated), or in
    one month of it."""

    kind: paths.Named
    label: NameLabel
    year: int | None
    listing: Listing
    month: int | None = None

    @property
    def path(self) -> str:
        return paths.named_year(self.kind, self.label.slug, self.year, self.month)


@dataclass(frozen=True)
class NameCount:
    """A person or an outlet on its index: transcripts, questions asked and answered, and a note
    (a person's latest role, or the outlet a questioner asked for most)."""

    label: NameLabel
    note: str | None
    transcripts: int
    asked: int
    answered: int


@dataclass(frozen=True)
class PeoplePage:
    """Every person, A to Z by surname, under the letter of the surname."""

    letters: tuple[tuple[str, tuple[NameCount, ...]], ...]
    count: int

    path = paths.PEOPLE


@dataclass(frozen=True)
class OutletsPage:
    """Every outlet, A to Z, under its first letter."""

    letters: tuple[tuple[str, tuple[NameCount, ...]], ...]
    count: int

    path = paths.OUTLETS


@dataclass(frozen=True)
class NameFeed:
    """The newest transcripts a person speaks in, or an outlet asks in."""

    kind: paths.Named
    label: NameLabel
    items: tuple[FeedItem, ...]  # newest first

    @property
    def path(self) -> str:
        return paths.named_feed(self.kind, self.label.slug)

    @property
    def page(self) -> str:
        """The page the feed follows."""
        return paths.named(self.kind, self.label.slug)
