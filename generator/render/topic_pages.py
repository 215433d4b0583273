"""Topic pages: each topic's main page, a big topic's year pages, and the topics index.

Links between pages are relative ``.md`` links (as ``paths.link`` makes
them) so that ``mkdocs build --strict`` checks every one. Every string that
comes from a transcript or the taxonomy goes through ``escape.inline``.

A topic that came up more than ``PER_PAGE`` times gets one page per year
besides its main page, so no page grows with the size of the archive. What
a page lists of the topic's transcripts and questions is
:mod:`generator.render.topic_listing`; the topic pieces of transcript pages
are :mod:`generator.render.topic_links`.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.topics import Topic, TopicKind

from . import paths
from .escape import inline
from .frontmatter import date_span, document, index_meta
from .page import Page
from .paths import cached_link
from .text import count
from .timeline_svg import timeline_svg
from .topic_listing import topic_listing
from .views import TopicPage, TopicsPage, TopicYearPage

PER_PAGE = 200
"""Questions a topic page lists before it splits them into one page per year."""


def topic_description(topic: Topic, spread: int | None) -> str:
    """What a topic page says the topic is: the taxonomy's description, or, for a phrase
    discovered in ``spread`` transcripts, where it recurs."""
    if topic.kind is not TopicKind.DISCOVERED:
        return topic.description
    return f"A phrase that recurs in {spread} transcripts; it is not (yet) in the curated topic list."


def render_topic_page(view: TopicPage) -> Page:
    """A topic's main page: its description, its family, the timeline, then either every
    transcript and question (newest first) or a link per year to them."""
    path, topic = view.path, view.topic
    summary = _summary(view)
    feed = paths.topic_feed(topic.slug)
    blocks = [
        f"# {inline(topic.name)}",
        inline(view.description),
        f"{inline(topic.name)} {summary} Follow it: [Atom feed]({cached_link(path, feed)}) of its newest transcripts.",
    ]
    blocks.extend(_family(view, path))
    if view.per_year:
        blocks.append("## Over the years")
        blocks.append(_timeline(topic.name, view.per_year, topic.slug))
    if view.listing is not None:
        blocks += topic_listing(view.listing, path)
    else:
        year_lines = (
            f"- [{_year_name(tally.year)}]({cached_link(path, paths.topic_year(topic.slug, tally.year))}): "
            + _tally(tally.questions, tally.transcripts)
            for tally in view.years
        )
        blocks += ["## By year", "\n".join(year_lines)]
    meta = index_meta(topic.name, f"{view.description} {topic.name} {summary}", feed, f"{topic.name}: newest transcripts")
    return Page(path, document(meta, "\n\n".join(blocks)))


def render_topic_year_page(view: TopicYearPage) -> Page:
    """A big topic's transcripts and questions of one year, newest first."""
    path, topic, listing = view.path, view.topic, view.listing
    name = f"{topic.name} in {'undated transcripts' if view.year is None else view.year}"
    body = [
        f"# {inline(name)}",
        f"Part of [{inline(topic.name)}]({cached_link(path, paths.topic(topic.slug))}): "
        f"{_tally(listing.question_count, len(listing.transcripts))}.",
        *topic_listing(listing, path),
    ]
    return Page(path, document(index_meta(name, view.description), "\n\n".join(body)))


def render_topics_index(view: TopicsPage) -> Page:
    """Every published topic, grouped by kind, most recurring first."""
    path = view.path
    blocks = [
        "# Topics",
        "Every topic that came up in the archive, with how many transcripts and questions touch it. "
        "Each topic page lists them all, newest first.",
    ]
    for kind, topics in view.kinds:
        blocks.append(f"## {kind}")
        blocks.append(
            "\n".join(
                f"- [{inline(item.topic.name)}]({cached_link(path, paths.topic(item.topic.slug))}): "
                f"{count(item.transcripts, 'transcript')}, {count(item.questions, 'question')}"
                for item in topics
            )
        )
    if len(blocks) == 2:
        blocks.append("No topic has come up yet.")
    meta = index_meta("Topics", f"{count(view.topic_count, 'topic')} that recur in the archive.")
    return Page(path, document(meta, "\n\n".join(blocks)))


def _year_name(year: int | None) -> str:
    return "Undated" if year is None else str(year)


def _tally(questions: int, transcripts: int) -> str:
    """ "3 questions in 2 transcripts" (a statement counts as no question)."""
    return f"{count(questions, 'question')} in {count(transcripts, 'transcript')}"


def _summary(view: TopicPage) -> str:
    span = date_span(view.first_date, view.last_date)
    return (
        f"came up in {count(view.transcripts, 'transcript')} and "
        f"{count(view.questions, 'question')}" + (f", {span}" if span else "") + "."
    )


def _family(view: TopicPage, path: str) -> list[str]:
    """Links to a topic's parent and to its more specific topics."""
    lines = []
    if view.parent is not None:
        lines.append(f"Part of [{inline(view.parent.name)}]({cached_link(path, paths.topic(view.parent.slug))}).")
    if view.children:
        links = ", ".join(f"[{inline(c.name)}]({cached_link(path, paths.topic(c.slug))})" for c in view.children)
        lines.append(f"More specific: {links}.")
    return lines


def _timeline(name: str, per_year: Sequence[tuple[int, int]], slug: str) -> str:
    svg = timeline_svg(per_year, title=f"{name}: times it came up per year", ident=f"timeline-{slug}")
    figure = (
        '<figure class="pr-timeline-figure">\n'
        f"{svg}\n"
        f"<figcaption>Questions and statements that touch {inline(name)}, per year.</figcaption>\n"
        "</figure>"
    )
    # The chart shows the years between as empty bars; the table lists the years it came up.
    rows = "\n".join(f"| {year} | {n} |" for year, n in per_year if n)
    return f"{figure}\n\n| Year | Times it came up |\n| ---: | ---: |\n{rows}"

