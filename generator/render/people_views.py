"""What the person and outlet pages show, from the corpus's people and outlets.

Every page lists newest first, like the topic pages (a transcript's
questions in their order). A person or an outlet
whose listing would pass ``PER_PAGE`` lines gets one page per year besides
the main page, and a year that would pass it one page per month, so that no
page grows with the size of the archive. A
question line is made once per build and shared by every page that lists
it (its asker's, its outlet's, its answerer's).
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from nameparser import HumanName

from generator.enrich import Corpus, OutletRecord, PersonRecord, QuestionAt

from .feeds import FEED_ITEMS
from .views import (
    FeedItem,
    Listing,
    NameCount,
    NameFeed,
    NameLabel,
    NameYearPage,
    OutletPage,
    OutletsPage,
    PageView,
    PeoplePage,
    PersonPage,
    QuestionLine,
    RoleLine,
    TranscriptLabel,
    YearLine,
)

PER_PAGE = 1000
"""Lines (transcripts and questions) a person's or outlet's page lists before it splits them into
one page per year (and a year into one page per month). Higher than a topic's: a line here is short, and an outlet that asks every year
would otherwise get many pages of a few lines each, every one of them a page for MkDocs to build."""

_Place = TypeVar("_Place", int, QuestionAt)
_Line = TypeVar("_Line", TranscriptLabel, QuestionLine)

OTHERS = "#"
"""The index heading of names that start with no letter."""


def people_views(
    corpus: Corpus, transcripts: Sequence[TranscriptLabel], feed_items: Mapping[str, FeedItem], per_page: int = PER_PAGE
) -> Iterator[PageView]:
    """The people index, each person's pages and feed, the outlets index, each outlet's pages and feed.

    ``transcripts``: the label of each entry of the corpus, in its order;
    ``feed_items``: what a feed says of each dated transcript, by slug.
    """
    lines = _QuestionLines(corpus, transcripts)
    people = {p.slug: NameLabel(p.slug, p.name) for p in corpus.people}
    outlets = {o.slug: NameLabel(o.slug, o.name) for o in corpus.outlets}
    counts = (_person_count(p, people[p.slug], outlets) for p in corpus.people)
    yield PeoplePage(_by_letter(counts, _surname), len(people))
    for person in corpus.people:
        listing = Listing(
            _newest(person.transcripts, transcripts.__getitem__),
            _newest(person.asked, lines.at),
            _newest(person.answered, lines.at),
        )
        label = people[person.slug]
        split, years = _split(listing, per_page)
        yield PersonPage(
            label,
            tuple(RoleLine(r.title, r.first, r.last, r.transcripts) for r in person.roles),
            tuple((outlets[slug], n) for slug, n in person.outlets),
            len(person.transcripts), len(person.asked), len(person.answered),
            *_span(listing.transcripts),
            None if split else listing,
            years,
        )
        yield from (NameYearPage("person", label, year, part, month) for (year, month), part in split.items())
        yield NameFeed("person", label, _feed(listing.transcripts, feed_items))
    yield OutletsPage(_by_letter((_outlet_count(o, outlets[o.slug]) for o in corpus.outlets), _without_the), len(outlets))
    for outlet in corpus.outlets:
        listing = Listing(_newest(outlet.transcripts, transcripts.__getitem__), _newest(outlet.asked, lines.at))
        label = outlets[outlet.slug]
        split, years = _split(listing, per_page)
        yield OutletPage(
            label,
            tuple((people[slug], n) for slug, n in outlet.askers),
            len(outlet.transcripts), len(outlet.asked),
            *_span(listing.transcripts),
            None if split else listing,
            years,
        )
        yield from (NameYearPage("outlet", label, year, part, month) for (year, month), part in split.items())
        yield NameFeed("outlet", label, _feed(listing.transcripts, feed_items))


class _QuestionLines:
    """The line of each question, made when first asked for and shared after."""

    def __init__(self, corpus: Corpus, transcripts: Sequence[TranscriptLabel]) -> None:
        self._entries = corpus.entries
        self._transcripts = transcripts
        self._made: dict[QuestionAt, QuestionLine] = {}

    def at(self, place: QuestionAt) -> QuestionLine:
        line = self._made.get(place)
        if line is None:
            item = self._entries[place.entry].questions[place.question]
            q = item.question
            line = QuestionLine(self._transcripts[place.entry], q.anchor, q.number, q.asker, q.outlet, item.gist)
            self._made[place] = line
        return line


def _newest(places: Sequence[_Place], label: Callable[[_Place], _Line]) -> tuple[_Line, ...]:
    """Newest transcript first; a transcript's questions in their order."""
    return tuple(label(place) for place in sorted(places, key=_newest_first))


def _newest_first(place: int | QuestionAt) -> tuple[int, int]:
    return (-place, 0) if isinstance(place, int) else (-place.entry, place.question)


def _span(transcripts: Sequence[TranscriptLabel]) -> tuple[dt.date | None, dt.date | None]:
    """The first and last dates of transcripts listed newest first (undated last)."""
    dates = [t.date for t in transcripts if t.date is not None]
    return (dates[-1], dates[0]) if dates else (None, None)


def _split(listing: Listing, per_page: int) -> tuple[dict[tuple[int | None, int | None], Listing], tuple[YearLine, ...]]:
    """The pages a listing longer than ``per_page`` lines is split into, by (year, month), and a line per year.

    One page per year, newest first, undated last; a year still longer than
    ``per_page`` (month None on its line) is split again into one page per
    month, so that a page's length depends on how much was said in a month,
    not on the size of the archive.
    """
    if listing.size <= per_page:
        return {}, ()
    pages: dict[tuple[int | None, int | None], Listing] = {}
    lines = []
    for year, part in _by_period(listing, _year_of).items():
        months = _by_period(part, _month_of) if year is not None and part.size > per_page else {}
        lines.append(YearLine(year, len(part.transcripts), len(part.asked), len(part.answered),
                              tuple(m for m in months if m is not None)))
        pages.update(((year, month), piece) for month, piece in months.items())
        if not months:
            pages[(year, None)] = part
    return pages, tuple(lines)


def _year_of(date: dt.date | None) -> int | None:
    return date.year if date is not None else None


def _month_of(date: dt.date | None) -> int | None:
    return date.month if date is not None else None


def _by_period(listing: Listing, period: Callable[[dt.date | None], int | None]) -> dict[int | None, Listing]:
    """The listing split by the ``period`` of each date, in the listing's order (newest first): each
    period's items are a run."""
    def runs(items: tuple[_Line, ...], date: Callable[[_Line], dt.date | None]) -> dict[int | None, tuple[_Line, ...]]:
        return {key: tuple(run) for key, run in itertools.groupby(items, key=lambda i: period(date(i)))}

    transcripts = runs(listing.transcripts, lambda t: t.date)
    asked = runs(listing.asked, lambda q: q.transcript.date)
    answered = runs(listing.answered, lambda q: q.transcript.date)
    return {key: Listing(part, asked.get(key, ()), answered.get(key, ())) for key, part in transcripts.items()}


def _feed(transcripts: Sequence[TranscriptLabel], items: Mapping[str, FeedItem]) -> tuple[FeedItem, ...]:
    """The feed of the newest dated transcripts of those listed (newest first)."""
    return tuple(itertools.islice((items[t.slug] for t in transcripts if t.slug in items), FEED_ITEMS))


def _person_count(person: PersonRecord, label: NameLabel, outlets: Mapping[str, NameLabel]) -> NameCount:
    """A person on the index, with their latest role, or else the outlet they asked for most."""
    roles = sorted(person.roles, key=lambda r: (r.last or dt.date.min, r.transcripts))
    note = roles[-1].title if roles else (outlets[person.outlets[0][0]].name if person.outlets else None)
    return NameCount(label, note, len(person.transcripts), len(person.asked), len(person.answered))


def _outlet_count(outlet: OutletRecord, label: NameLabel) -> NameCount:
    return NameCount(label, None, len(outlet.transcripts), len(outlet.asked), 0)


def _surname(name: str) -> str:
    """What the people index sorts a name by: its surname, then the whole name.

    A surname's particles in lower case are passed over, so "Anna de Vries"
    sorts with the Vs; "De Gaulle", capitalised, stays with the Ds.
    """
    words = (HumanName(name).last or name).split()
    while len(words) > 1 and words[0].islower():
        words.pop(0)
    return f"{' '.join(words)} {name}"


def _without_the(name: str) -> str:
    """What the outlets index sorts a name by: "The New York Times" with the Ns."""
    return name[4:] if name[:4].casefold() == "the " and len(name) > 4 else name


def _by_letter(
    counts: Iterator[NameCount], sort_key: Callable[[str], str]
) -> tuple[tuple[str, tuple[NameCount, ...]], ...]:
    """Names A to Z (accents and case aside) under their first letter; names with none under OTHERS, last."""
    keyed = sorted(((_folded(sort_key(c.label.name)), c.label.slug, c) for c in counts), key=lambda k: k[:2])
    groups: dict[str, list[NameCount]] = {}
    for key, _slug, count in keyed:
        initial = key[:1].upper()
        groups.setdefault(initial if initial.isalpha() else OTHERS, []).append(count)
    letters = sorted(groups, key=lambda letter: (letter == OTHERS, letter))
    return tuple((letter, tuple(groups[letter])) for letter in letters)


def _folded(text: str) -> str:
    """Text without accents, case-folded: "Ž" sorts with "Z"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
