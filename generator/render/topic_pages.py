"""Topic pages: each topic's main page, a big topic's year pages, and the topics index.

Pure functions from the ``TopicIndex`` to Markdown. Links between pages are
relative ``.md`` links (as ``paths.link`` makes them) so that ``mkdocs build
--strict`` checks every one; transcript pages are located by
``page_path_for`` (default: ``paths.transcript_page``). Every string that
comes from a transcript or the taxonomy goes through ``escape.inline``.

A topic that came up more than ``per_page`` times gets one page per year
besides its main page, so no page grows with the size of the archive. What
a page lists of the topic's transcripts and questions is
:mod:`generator.render.topic_listing`; the topic pieces of transcript pages
are :mod:`generator.render.topic_links`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from generator.topics import Topic, TopicCoverage, TopicIndex, TopicKind, TranscriptRef, UnitKey, UnitRef
from generator.topics.index_arrays import ColumnEntries

from . import paths
from .escape import inline
from .frontmatter import date_span, document, index_meta
from .page import Page
from .paths import PagePath, cached_link, transcript_page
from .text import count
from .timeline_svg import full_years, timeline_svg
from .topic_listing import topic_listing

TOPICS_INDEX = paths.TOPICS
PER_PAGE = 200
"""Questions a topic page lists before it splits them into one page per year."""
YEAR_PAGES_ALONE = 3
"""Up to this many year pages of a topic to render, each reads only its year; more share one pass."""


def topic_year_path(slug: str, year: int | None) -> str:
    """The page of a topic's questions in one year: topics/<slug>/<year>.md (or undated.md)."""
    return f"topics/{slug}/{'undated' if year is None else year}.md"


def render_topic_pages(
    index: TopicIndex,
    slug: str,
    page_path_for: PagePath = transcript_page,
    per_page: int = PER_PAGE,
    items: dict[tuple[UnitKey, str], str] | None = None,
) -> tuple[Page, ...]:
    """A topic's main page, then its year pages when it came up more than ``per_page`` times.

    The main page has the description, the timeline and either every
    transcript and question (newest first) or a link per year to them.
    ``items`` may carry question entries already rendered for other topics.
    """
    return tuple(source.render() for source in topic_page_sources(index, slug, page_path_for, per_page, items))


@dataclass(frozen=True)
class TopicPageSource:
    """One page of a topic before it is rendered (generator.render.topic_inputs says what decides it)."""

    path: str
    render: Callable[[], Page]


def topic_page_sources(
    index: TopicIndex,
    slug: str,
    page_path_for: PagePath = transcript_page,
    per_page: int = PER_PAGE,
    items: dict[tuple[UnitKey, str], str] | None = None,
    wanted: Collection[str] | None = None,
) -> tuple[TopicPageSource, ...]:
    """The pages of ``render_topic_pages``, each not yet rendered.

    ``wanted``: the paths that will be rendered (default: all). When they are
    a few year pages of a big topic, each works out its year's questions
    alone, so a rebuild that renders one pays for no other year.
    """
    items = {} if items is None else items
    path = paths.topic(slug)
    topic = index.topic(slug)
    whole = functools.cache(lambda: index.coverage(slug))
    years = year_pages(index, slug, per_page)
    if not years:
        def small() -> Page:
            coverage = whole()
            blocks = _topic_header(index, coverage, path)
            blocks += topic_listing(index, coverage.transcripts, coverage.units, path, page_path_for, items)
            return _page(index, path, coverage, blocks)

        return (TopicPageSource(path, small),)

    split = functools.cache(lambda: _by_year(index, whole()))
    alone = wanted is not None and len(years.keys() & set(wanted)) <= YEAR_PAGES_ALONE

    def main() -> Page:
        year_lines = (
            f"- [{'Undated' if year is None else year}]({cached_link(path, topic_year_path(slug, year))}): "
            + _tally(refs, units)
            for year, (refs, units) in split().items()
        )
        blocks = [*_topic_header(index, whole(), path), "## By year", "\n".join(year_lines)]
        return _page(index, path, whole(), blocks)

    def year_page(year: int | None) -> Page:
        refs: Sequence[TranscriptRef]
        units: Sequence[UnitRef]
        if alone:
            coverage = index.year_coverage(slug, year)
            refs, units = coverage.transcripts, coverage.units
        else:
            refs, units = split()[year]
        year_path = topic_year_path(slug, year)
        name = f"{topic.name} in {'undated transcripts' if year is None else year}"
        body = [
            f"# {inline(name)}",
            f"Part of [{inline(topic.name)}]({cached_link(year_path, path)}): {_tally(refs, units)}.",
            *topic_listing(index, refs, units, year_path, page_path_for, items),
        ]
        return Page(year_path, document(index_meta(name, topic_description(index, topic)), "\n\n".join(body)))

    sources = [TopicPageSource(path, main)]
    sources += [TopicPageSource(page, functools.partial(year_page, year)) for page, year in years.items()]
    return tuple(sources)


def year_pages(
    index: TopicIndex, slug: str, per_page: int = PER_PAGE, entries: ColumnEntries | None = None
) -> dict[str, int | None]:
    """The year pages of a topic, by path (newest year first, undated last); none when its
    questions fit on its main page. ``entries``: its ``index.column_entries(slug)``, if at hand."""
    entries = index.column_entries(slug) if entries is None else entries
    if entries.unit_rows.size <= per_page:
        return {}
    return {topic_year_path(slug, year): year for year in index.entry_years(entries)}


def _tally(refs: Sequence[TranscriptRef], units: Sequence[UnitRef]) -> str:
    """ "3 questions in 2 transcripts" (a statement counts as no question)."""
    questions = sum(1 for unit in units if not unit.key.is_statement)
    return f"{count(questions, 'question')} in {count(len(refs), 'transcript')}"


def render_topics_index(index: TopicIndex) -> Page:
    """Every published topic, grouped by kind, most recurring first."""
    path = TOPICS_INDEX
    blocks = [
        "# Topics",
        "Every topic that came up in the archive, with how many transcripts and questions touch it. "
        "Each topic page lists them all, newest first.",
    ]
    for kind, topics in index.topics_by_kind():
        blocks.append(f"## {kind.label}")
        lines = []
        for topic in topics:
            transcripts, questions = index.counts(topic.slug)
            lines.append(
                f"- [{inline(topic.name)}]({cached_link(path, paths.topic(topic.slug))}): "
                f"{count(transcripts, 'transcript')}, {count(questions, 'question')}"
            )
        blocks.append("\n".join(lines))
    if len(blocks) == 2:
        blocks.append("No topic has come up yet.")
    meta = index_meta("Topics", f"{count(len(index.topics), 'topic')} that recur in the archive.")
    return Page(path, document(meta, "\n\n".join(blocks)))


def topic_description(index: TopicIndex, topic: Topic) -> str:
    """What a topic page says the topic is: the taxonomy's description, or where a discovered phrase recurs."""
    if topic.kind is not TopicKind.DISCOVERED:
        return topic.description
    spread = next(len(found.transcripts) for found in index.suggestions if found.slug == topic.slug)
    return f"A phrase that recurs in {spread} transcripts; it is not (yet) in the curated topic list."


def _topic_header(index: TopicIndex, coverage: TopicCoverage, path: str) -> list[str]:
    topic = coverage.topic
    blocks = [
        f"# {inline(topic.name)}",
        inline(topic_description(index, topic)),
        f"{inline(topic.name)} {_summary(coverage)}",
    ]
    blocks.extend(topic_family(index, topic.slug, path))
    if coverage.per_year:
        blocks.append("## Over the years")
        blocks.append(_timeline(topic.name, coverage.per_year, topic.slug))
    return blocks


def _summary(coverage: TopicCoverage) -> str:
    dates = [ref.date for ref in coverage.transcripts if ref.date is not None]
    span = date_span(min(dates), max(dates)) if dates else ""
    return (
        f"came up in {count(coverage.transcript_count, 'transcript')} and "
        f"{count(coverage.question_count, 'question')}" + (f", {span}" if span else "") + "."
    )


def _page(index: TopicIndex, path: str, coverage: TopicCoverage, blocks: list[str]) -> Page:
    topic = coverage.topic
    meta = index_meta(topic.name, f"{topic_description(index, topic)} {topic.name} {_summary(coverage)}")
    return Page(path, document(meta, "\n\n".join(blocks)))


def _by_year(
    index: TopicIndex, coverage: TopicCoverage
) -> dict[int | None, tuple[list[TranscriptRef], list[UnitRef]]]:
    """Transcripts and units per year, newest year first, undated last (orders kept)."""
    years: dict[int | None, tuple[list[TranscriptRef], list[UnitRef]]] = {}
    for ref in coverage.transcripts:
        years.setdefault(ref.date.year if ref.date else None, ([], []))[0].append(ref)
    for unit in coverage.units:
        date = index.transcript(unit.key.transcript).date
        years[date.year if date else None][1].append(unit)
    return years


def topic_family(index: TopicIndex, slug: str, path: str) -> list[str]:
    """Links to a topic's parent and to its more specific topics, as its page shows them."""
    topic = index.topic(slug)
    lines = []
    if topic.parent and topic.parent in {t.slug for t in index.topics}:
        parent = index.topic(topic.parent)
        lines.append(f"Part of [{inline(parent.name)}]({cached_link(path, paths.topic(parent.slug))}).")
    children = index.children(slug)
    if children:
        links = ", ".join(f"[{inline(c.name)}]({cached_link(path, paths.topic(c.slug))})" for c in children)
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
    rows = "\n".join(f"| {year} | {n} |" for year, n in full_years(per_year))
    return f"{figure}\n\n| Year | Times it came up |\n| ---: | ---: |\n{rows}"
