"""The pages that lead to transcripts: home, the list of years, one page per year.

Each lists only what it is about (a year page its year), so no page grows
with the size of the whole archive except the short list of years.
"""

from __future__ import annotations

from . import paths
from .escape import inline
from .frontmatter import archive_description, date_span, document, index_meta
from .page import Page
from .views import HomePage, ListedTranscript, TopicLabel, YearCount, YearPage, YearsPage
from .text import MONTHS, count, day_month, event_label, long_date


def render_home(view: HomePage) -> Page:
    """The home page: what the archive holds, the newest transcripts, the years."""
    path = view.path
    blocks = [f"# {inline(view.title)}", _summary(view, path)]
    if view.latest:
        blocks.append("## Latest transcripts")
        blocks.append("\n".join(_item(listed, path, long_date(listed.date)) for listed in view.latest))
        blocks.append(f"Follow them: [Atom feed]({paths.link(path, paths.ARCHIVE_FEED)}) of the newest transcripts.")
    if view.years:
        blocks.append("## Browse by year")
        blocks.append(_year_list(view.years, path))
    if view.topics is not None:
        blocks.extend(_topics(view.topics, view.topic_count, path))
    blocks.append("## Open data")
    blocks.append(
        "Every transcript is published as JSON beside its page, with an index of the whole "
        f"archive: see [Open data]({paths.link(path, paths.OPEN_DATA)})."
    )
    meta = index_meta("Home", archive_description(view.summary))
    return Page(path, document(meta, "\n\n".join(blocks)))


def render_years_index(view: YearsPage) -> Page:
    """The list of years, newest first, with how many transcripts each holds."""
    path = view.path
    body = ["# Transcripts by year"]
    body.append(_year_list(view.years, path) if view.years else "The archive is empty.")
    meta = index_meta("Transcripts by year", archive_description(view.summary))
    return Page(path, document(meta, "\n\n".join(body)))


def render_year(view: YearPage) -> Page:
    """A year's transcripts, oldest first, under one heading per month."""
    path = view.path
    name = _year_name(view.year)
    title = "Undated transcripts" if view.year is None else f"Transcripts of {view.year}"
    summary = (
        f"{count(len(view.transcripts), 'transcript')}, "
        f"{count(view.questions, 'question')} from the press."
    )
    blocks = [f"# {name}", summary]
    month: int | None = None
    items: list[str] = []
    for listed in view.transcripts:
        date = listed.date
        if date is not None and date.month != month:
            if items:
                blocks.append("\n".join(items))
                items = []
            month = date.month
            blocks.append(f"## {MONTHS[month - 1]}")
        items.append(_item(listed, path, day_month(date)))
    if items:
        blocks.append("\n".join(items))
    around = [
        f"{label}: [{_year_name(year)}]({paths.link(path, paths.year(year))})"
        for label, year in (("Older", view.older), ("Newer", view.newer))
        if year is not None
    ]
    around.append(f"[All years]({paths.link(path, paths.YEARS)})")
    blocks.append(" · ".join(around) + "\n{: .pr-neighbours }")
    meta = index_meta(title, f"{title}: {summary}")
    return Page(path, document(meta, "\n\n".join(blocks)))


def _summary(view: HomePage, path: str) -> str:
    summary = view.summary
    if not summary.transcripts:
        return "The archive is empty."
    text = (
        f"The archive holds **{count(summary.transcripts, 'transcript')}** of press "
        f"conferences, interviews and statements, with "
        f"**{count(summary.questions, 'question')}** from "
        f"**{count(summary.outlets, 'outlet')}**"
    )
    span = date_span(summary.first_date, summary.last_date)
    if span:
        text += f", {span}"
    browse = f"[by year]({paths.link(path, paths.YEARS)})"
    if view.topics is not None:
        browse += f" or [by topic]({paths.link(path, paths.TOPICS)})"
    return f"{text}. Search them with the search box at the top of every page, or browse them {browse}."


def _topics(topics: tuple[TopicLabel, ...], total: int, path: str) -> list[str]:
    """The most recurring topics as chips, and the way to all of them."""
    link = f"[All {count(total, 'topic')}]({paths.link(path, paths.TOPICS)})"
    if not total:
        return ["## Recurring topics", f"No topic has come up yet: see {link}."]
    chips = " ".join(
        f"[{inline(topic.name)}]({paths.link(path, paths.topic(topic.slug))}){{ .md-tag }}" for topic in topics
    )
    return [
        "## Recurring topics",
        f"{chips}\n{{: .md-tags }}",
        f"{link}, grouped by kind, with how often each came up.",
    ]


def _item(listed: ListedTranscript, source: str, when: str) -> str:
    parts = [when, f"[{inline(listed.title)}]({paths.link(source, paths.transcript(listed.slug))})"]
    label = event_label(listed.event_type)
    if label:
        parts.append(inline(label))
    parts.append(count(listed.questions, "question"))
    return "- " + " · ".join(parts)


def _year_list(years: tuple[YearCount, ...], source: str) -> str:
    return "\n".join(
        f"- [{_year_name(y.year)}]({paths.link(source, paths.year(y.year))}): "
        f"{count(y.transcripts, 'transcript')}"
        for y in years
    )


def _year_name(year: int | None) -> str:
    return "Undated" if year is None else str(year)
