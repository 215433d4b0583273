"""The front-matter of generated pages: one table of keys, in one order.

Values are plain data (text, dates, numbers, lists); python-frontmatter
writes them through yaml.SafeDumper, which quotes whatever YAML would
misread. The theme (site_config/overrides) escapes them for HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import frontmatter

from generator.enrich import Entry

from . import paths
from .views import ArchiveSummary
from .text import count, event_label, long_date, reading_minutes, series

TRANSCRIPT_TEMPLATE = "transcript.html"

# Key order of a transcript page's front-matter. `title`, `description` and
# `template` are read by MkDocs and Material; the rest describe the event
# for the theme's search filters and for any tool reading the pages.
TRANSCRIPT_KEYS = (
    "title",
    "description",
    "template",
    "date",
    "event_type",
    "location",
    "source_url",
    "speakers",
    "outlets",
    "askers",
    "tags",
    "questions",
    "reading_time",
    "language",
    "data",
    "cite",
)


def transcript_meta(
    entry: Entry, words_per_minute: int, tags: list[str] | None = None, cite: Mapping[str, Sequence[str]] | None = None
) -> dict[str, Any]:
    """The front-matter of a transcript page, keys in TRANSCRIPT_KEYS order.

    ``tags`` are the names of the transcript's main topics: Material reads
    them as the page's tags, the theme as a search filter. ``cite``: the
    page's citations by format (generator.render.cite), each a list of text
    and slot names, which the theme shows with the page's address.
    """
    t = entry.transcript
    values: dict[str, Any] = {
        "title": t.title,
        "description": transcript_description(entry),
        "template": TRANSCRIPT_TEMPLATE,
        "date": t.date,
        "event_type": event_label(t.event_type),
        "location": t.location,
        "source_url": t.source_url,
        "speakers": list(entry.speakers),
        "outlets": list(entry.outlets),
        "askers": list(dict.fromkeys(q.question.asker for q in entry.questions if q.question.asker)),
        "tags": list(tags or []),
        "questions": len(entry.questions),
        "reading_time": reading_minutes(entry.word_count, words_per_minute),
        "language": t.language,
        "data": paths.transcript_data(entry.slug),
        "cite": {name: list(pieces) for name, pieces in (cite or {}).items()},
    }
    return {key: values[key] for key in TRANSCRIPT_KEYS}


def transcript_description(entry: Entry) -> str:
    """One sentence for search engines and link previews: what, when, where, who, how many."""
    t = entry.transcript
    what = event_label(t.event_type) or "Transcript"
    text = what if t.date is None else f"{what} of {long_date(t.date)}"
    if t.location:
        text += f", {t.location}"
    if entry.speakers:
        text += f", with {series(list(entry.speakers))}"
    if entry.questions:
        text += f": {count(len(entry.questions), 'question')}"
        if entry.outlets:
            text += f" from {series(list(entry.outlets))}"
    return text + "."


def index_meta(title: str, description: str, feed: str | None = None, feed_title: str = "") -> dict[str, Any]:
    """The front-matter of a home, year, topic or open-data page; ``feed``: the path of the page's
    own Atom feed from the site root, which the theme announces in the page's head."""
    meta: dict[str, Any] = {"title": title, "description": description}
    if feed is not None:
        meta.update(feed=feed, feed_title=feed_title)
    return meta


def archive_description(summary: ArchiveSummary) -> str:
    """What the archive holds, in one sentence."""
    text = f"Archive of {count(summary.transcripts, 'transcript')}"
    span = date_span(summary.first_date, summary.last_date)
    if span:
        text += f" {span}"
    return text + f", with {count(summary.questions, 'question')} from the press."


def date_span(first: dt.date | None, last: dt.date | None) -> str:
    """"from 29 November 2014 to 12 January 2022", "on 12 January 2022", or ""."""
    if not first or not last:
        return ""
    if first == last:
        return f"on {long_date(first)}"
    return f"from {long_date(first)} to {long_date(last)}"


def document(meta: dict[str, Any], body: str) -> str:
    """A Markdown page: YAML front-matter, a blank line, the body, one final newline."""
    post = frontmatter.Post(body.strip("\n"), **meta)
    # Wide lines: YAML would otherwise fold long titles across lines.
    return frontmatter.dumps(post, sort_keys=False, width=1_000_000) + "\n"


def read(text: str) -> tuple[dict[str, Any], str]:
    """Front-matter and body of a generated page (for tests and tools)."""
    post = frontmatter.loads(text)
    return dict(post.metadata), post.content


def iso(date: dt.date | None) -> str | None:
    """A date as YYYY-MM-DD, for JSON."""
    return date.isoformat() if date else None
