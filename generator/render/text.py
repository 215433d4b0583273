"""Wording shared by pages: dates, event types, counts, excerpts."""

from __future__ import annotations

import datetime as dt
import functools

from generator.wording import count as count, series as series  # the pages' words and the report's alike

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

EVENT_TYPES = {
    "press-conference": "Press conference",
    "joint-press-conference": "Joint press conference",
    "press-point": "Press point",
    "doorstep": "Doorstep statement",
    "statement": "Statement",
    "speech": "Speech",
    "remarks": "Remarks",
    "interview": "Interview",
    "qa-session": "Q&A session",
    "background-briefing": "Background briefing",
    "briefing": "Briefing",
    "meeting": "Meeting",
}

QUESTION_EXCERPT = 160
"""Characters of a question that a list of questions quotes."""
ANSWER_EXCERPT = 240
"""Characters of an answer or statement that a list of questions quotes."""


def long_date(date: dt.date | None) -> str:
    """"12 January 2022", or "Undated"; independent of the machine's locale."""
    if date is None:
        return "Undated"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def date_span(start: dt.date | None, end: dt.date | None) -> str:
    """"1–2 December 2015", "30 November – 1 December 2015": the days a page printed; one day as long_date."""
    if start is None or end is None or end <= start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end)}"
    if start.year == end.year:
        return f"{day_month(start)} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def day_month(date: dt.date | None) -> str:
    """"12 January", for lists already grouped by year."""
    return "Undated" if date is None else f"{date.day} {MONTHS[date.month - 1]}"


def event_label(event_type: str | None) -> str | None:
    """How an event type reads on a page: "press-conference" -> "Press conference"."""
    if not event_type:
        return None
    return EVENT_TYPES.get(event_type, event_type.replace("-", " ").capitalize())


def reading_minutes(words: int, per_minute: int) -> int:
    """Minutes to read that many words, at least one."""
    return max(1, -(-words // per_minute))


@functools.lru_cache(maxsize=1 << 16)
def excerpt(text: str, limit: int) -> str:
    """The text cut at a word boundary before ``limit`` characters, with an ellipsis.

    Kept per process: a rebuild in ``pressroom serve`` quotes the same words again.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-")
    return cut + "…"
