"""The pages that lead to transcripts: home, the list of years, one page per year.

Each lists only what it is about (a year page its year), so no page grows
with the size of the whole archive except the short list of years.
"""

from __future__ import annotations

from generator.enrich import Corpus, Entry, Year

from . import paths
from .escape import inline
from .frontmatter import archive_description, date_span, document, index_meta
from .page import Page
from .settings import RenderSettings
from .text import MONTHS, count, day_month, event_label, long_date


def render_home(corpus: Corpus, settings: RenderSettings) -> Page:
    """The home page: what the archive holds, the newest transcripts, the years."""
    path = paths.HOME
    latest = list(reversed(corpus.entries[-settings.latest:])) if settings.latest else []
    blocks = [f"# {inline(settings.title)}", _summary(corpus, path)]
    if latest:
        blocks.append("## Latest transcripts")
        blocks.append("\n".join(_item(e, path, long_date(e.transcript.date)) for e in latest))
    if corpus.years:
        blocks.append("## Browse by year")
        blocks.append(_year_list(corpus.years, path))
    if corpus.topic_index is not None:
        blocks.extend(_topics(corpus, path, settings.home_topics))
    blocks.append("## Open data")
    blocks.append(
        "Every transcript is published as JSON beside its page, with an index of the whole "
        f"archive: see [Open data]({paths.link(path, paths.OPEN_DATA)})."
    )
    meta = index_meta("Home", archive_description(corpus))
    return Page(path, document(meta, "\n\n".join(blocks)))


def render_years_index(corpus: Corpus) -> Page:
    """The list of years, newest first, with how many transcripts each holds."""
    path = paths.YEARS
    body = ["# Transcripts by year"]
    body.append(_year_list(corpus.years, path) if corpus.years else "The archive is empty.")
    meta = index_meta("Transcripts by year", archive_description(corpus))
    return Page(path, document(meta, "\n\n".join(body)))


def render_year(year: Year, older: Year | None, newer: Year | None) -> Page:
    """A year's transcripts, oldest first, under one heading per month."""
    path = paths.year(year.year)
    name = "Undated" if year.year is None else str(year.year)
    title = "Undated transcripts" if year.year is None else f"Transcripts of {year.year}"
    summary = (
        f"{count(len(year.entries), 'transcript')}, "
        f"{count(year.question_count, 'question')} from the press."
    )
    blocks = [f"# {name}", summary]
    month: int | None = None
    items: list[str] = []
    for entry in year.entries:
        date = entry.transcript.date
        if date is not None and date.month != month:
            if items:
                blocks.append("\n".join(items))
                items = []
            month = date.month
            blocks.append(f"## {MONTHS[month - 1]}")
        items.append(_item(entry, path, day_month(date)))
    if items:
        blocks.append("\n".join(items))
    around = [
        f"{label}: [{_year_name(y)}]({paths.link(path, paths.year(y.year))})"
        for label, y in (("Older", older), ("Newer", newer))
        if y is not None
    ]
    around.append(f"[All years]({paths.link(path, paths.YEARS)})")
    blocks.append(" · ".join(around) + "\n{: .pr-neighbours }")
    meta = index_meta(title, f"{title}: {summary}")
    return Page(path, document(meta, "\n\n".join(blocks)))


def _summary(corpus: Corpus, path: str) -> str:
    if not corpus.entries:
        return "The archive is empty."
    text = (
        f"The archive holds **{count(len(corpus.entries), 'transcript')}** of press "
        f"conferences, interviews and statements, with "
        f"**{count(corpus.question_count, 'question')}** from "
        f"**{count(len(corpus.outlets), 'outlet')}**"
    )
    span = date_span(corpus.first_date, corpus.last_date)
    if span:
        text += f", {span}"
    browse = f"[by year]({paths.link(path, paths.YEARS)})"
    if corpus.topic_index is not None:
        browse += f" or [by topic]({paths.link(path, paths.TOPICS)})"
    return f"{text}. Search them with the search box at the top of every page, or browse them {browse}."


def _topics(corpus: Corpus, path: str, shown: int) -> list[str]:
    """The most recurring topics as chips, and the way to all of them."""
    topics = corpus.topics
    link = f"[All {count(len(topics), 'topic')}]({paths.link(path, paths.TOPICS)})"
    if not topics:
        return ["## Recurring topics", f"No topic has come up yet: see {link}."]
    chips = " ".join(
        f"[{inline(topic.name)}]({paths.link(path, paths.topic(topic.slug))}){{ .md-tag }}"
        for topic in topics[:shown]
    )
    return [
        "## Recurring topics",
        f"{chips}\n{{: .md-tags }}",
        f"{link}, grouped by kind, with how often each came up.",
    ]


def _item(entry: Entry, source: str, when: str) -> str:
    t = entry.transcript
    parts = [when, f"[{inline(t.title)}]({paths.link(source, paths.transcript(entry.slug))})"]
    label = event_label(t.event_type)
    if label:
        parts.append(inline(label))
    parts.append(count(len(entry.questions), "question"))
    return "- " + " · ".join(parts)


def _year_list(years: tuple[Year, ...], source: str) -> str:
    return "\n".join(
        f"- [{_year_name(y)}]({paths.link(source, paths.year(y.year))}): "
        f"{count(len(y.entries), 'transcript')}"
        for y in years
    )


def _year_name(year: Year) -> str:
    return "Undated" if year.year is None else str(year.year)
