"""The event's facts: the metadata a maintainer gave, filled in from what the page printed.

A metadata file or front-matter wins over the text; the text fills what it
lacks (the page heading or the event-type line and by-line for the title,
the event-type line for the event type, the header's date and place lines,
the page's canonical address and language), and the transcript records
which facts came from the text, so that the build report can say so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from generator.cleaning.dates import find_date
from generator.cleaning.header import event_type_in
from generator.parsing.bylines import NamedPerson, host_of, people_named_in
from generator.reading import Metadata

DEFAULT_LANGUAGE = "en"
_BY = re.compile(r"^(?:by|with)\s+(?:the\s+)?", re.I)


@dataclass(frozen=True)
class EventFacts:
    """Title, kind, date and place of the event, and the people its title and by-line name."""

    title: str | None
    event_type: str | None
    date: dt.date | None
    date_end: dt.date | None  # the last day, when the header printed a range
    location: str | None
    source_url: str | None
    language: str
    named: tuple[NamedPerson, ...]
    from_text: tuple[str, ...]  # the fields the text gave, metadata lacking them


def event_facts(metadata: Metadata, printed: Mapping[str, str]) -> EventFacts:
    """Combine the metadata with the facts the cleaner and the reader found in the text."""
    from_text: list[str] = []

    def pick(field: str, given: object, found: object) -> object:
        if given:
            return given
        if found:
            from_text.append(field)
        return found or None

    byline = " ".join(filter(None, (printed.get("byline"), printed.get("byline_more"))))
    header_title = " ".join(filter(None, (printed.get("event_line"), byline))) or None
    if header_title and not printed.get("event_line"):
        # A by-line alone ("by NATO Secretary General ... with ...") titles the page without its "by".
        header_title = _BY.sub("", header_title)
        header_title = header_title[:1].upper() + header_title[1:]
    title = pick("title", metadata.title, printed.get("title") or header_title)
    event_type = pick("event_type", metadata.event_type,
                      event_type_in(printed.get("event_line")) or event_type_in(str(title) if title else None))
    start, end = _printed_dates(printed.get("printed_date"))
    date = pick("date", metadata.date, start)
    location = pick("location", metadata.location, printed.get("printed_location"))
    source_url = pick("source_url", metadata.source_url, printed.get("source_url"))
    language = pick("language", metadata.language, printed.get("language")) or DEFAULT_LANGUAGE
    named: list[NamedPerson] = []
    host = host_of(printed.get("summary"))
    if host is not None:
        named.append(host)
    for text in (byline or printed.get("event_line"), str(title) if title else None):
        named += [person for person in people_named_in(text) if person.name not in {n.name for n in named}]
    return EventFacts(
        title=str(title) if title else None,
        event_type=str(event_type) if event_type else None,
        date=date if isinstance(date, dt.date) else None,
        date_end=end if date == start else None,
        location=str(location) if location else None,
        source_url=str(source_url) if source_url else None,
        language=str(language),
        named=tuple(named),
        from_text=tuple(from_text),
    )


def _printed_dates(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of ``2015-12-01/2015-12-02`` (as the header rules write a range),
    ``2015-12-01``, or a date as printed on a "Date: ..." line."""
    found = find_date(value.replace("/", " - ")) if value else None
    return (found.date, found.end) if found else (None, None)
