"""Topic pages, the topics index, and the topic pieces of transcript pages.

Pure functions from the ``TopicIndex`` to Markdown. Links between pages are
relative ``.md`` links (as ``paths.link`` makes them) so that ``mkdocs build
--strict`` checks every one; transcript pages are located by
``page_path_for`` (default: ``paths.transcript``). Every string that comes
from a transcript or the taxonomy goes through ``escape.inline``.

A topic that came up more than ``per_page`` times gets one page per year
besides its main page, so no page grows with the size of the archive.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from generator.model import Transcript
from generator.topics import (
    STATEMENT_ANCHOR,
    SimilarQuestion,
    TopicCoverage,
    TopicIndex,
    TopicWeight,
    TranscriptRef,
    UnitKey,
    UnitRef,
)
from generator.topics.index import ColumnEntries

from . import paths
from .escape import inline
from .frontmatter import date_span, document, index_meta
from .page import Page
from .text import count, long_date
from .timeline_svg import full_years, timeline_svg
from .transcript import STATEMENT_ID

TOPICS_INDEX = paths.TOPICS
QUESTION_EXCERPT = 160
ANSWER_EXCERPT = 240
PER_PAGE = 200
"""Questions a topic page lists before it splits them into one page per year."""
YEAR_PAGES_ALONE = 3
"""Up to this many year pages of a topic to render, each reads only its year; more share one pass."""

PagePath = Callable[[Transcript], str]


def topic_path(slug: str) -> str:
    """The main page of a topic: topics/<slug>.md."""
    return paths.topic(slug)


def topic_year_path(slug: str, year: int | None) -> str:
    """The page of a topic's questions in one year: topics/<slug>/<year>.md (or undated.md)."""
    return f"topics/{slug}/{'undated' if year is None else year}.md"


def _default_path(transcript: Transcript) -> str:
    return paths.transcript(transcript.slug)


def render_topic_pages(
    index: TopicIndex,
    slug: str,
    page_path_for: PagePath = _default_path,
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
    page_path_for: PagePath = _default_path,
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
    path = topic_path(slug)
    topic = index.topic(slug)
    whole = functools.cache(lambda: index.coverage(slug))
    years = year_pages(index, slug, per_page)
    if not years:
        def small() -> Page:
            coverage = whole()
            blocks = _topic_header(index, coverage, path)
            blocks += _listing(index, coverage.transcripts, coverage.units, path, page_path_for, items)
            return _page(path, coverage, blocks)

        return (TopicPageSource(path, small),)

    split = functools.cache(lambda: _by_year(index, whole()))
    alone = wanted is not None and len(years.keys() & set(wanted)) <= YEAR_PAGES_ALONE

    def main() -> Page:
        year_lines = (
            f"- [{'Undated' if year is None else year}]({_link(path, topic_year_path(slug, year))}): "
            + _tally(refs, units)
            for year, (refs, units) in split().items()
        )
        blocks = [*_topic_header(index, whole(), path), "## By year", "\n".join(year_lines)]
        return _page(path, whole(), blocks)

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
            f"Part of [{inline(topic.name)}]({_link(year_path, path)}): {_tally(refs, units)}.",
            *_listing(index, refs, units, year_path, page_path_for, items),
        ]
        return Page(year_path, document(index_meta(name, topic.description), "\n\n".join(body)))

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


def render_topic_page(index: TopicIndex, slug: str, page_path_for: PagePath = _default_path) -> Page:
    """The main page of a topic (see ``render_topic_pages`` for its year pages)."""
    return render_topic_pages(index, slug, page_path_for)[0]


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
                f"- [{inline(topic.name)}]({_link(path, topic_path(topic.slug))}): "
                f"{count(transcripts, 'transcript')}, {count(questions, 'question')}"
            )
        blocks.append("\n".join(lines))
    if len(blocks) == 2:
        blocks.append("No topic has come up yet.")
    meta = index_meta("Topics", f"{count(len(index.topics), 'topic')} that recur in the archive.")
    return Page(path, document(meta, "\n\n".join(blocks)))


def topic_chips(
    weights: Sequence[TopicWeight],
    index: TopicIndex,
    from_path: str,
    limit: int = 8,
    memo: dict[tuple[str, str], str] | None = None,
) -> str:
    """A line of topic links styled as tags, strongest first ("" when there are none).

    Pass one ``memo`` dict for the whole build and each topic's chip is
    rendered once per folder of pages (a topic has chips on many pages).
    """
    folder = from_path.rpartition("/")[0]
    chips = []
    for weight in weights[:limit]:
        chip = memo.get((weight.topic, folder)) if memo is not None else None
        if chip is None:
            name, link = inline(index.topic(weight.topic).name), _link(from_path, topic_path(weight.topic))
            chip = f"[{name}]({link}){{ .md-tag }}"
            if memo is not None:
                memo[weight.topic, folder] = chip
        chips.append(chip)
    return " ".join(chips)


def topic_tags(index: TopicIndex, slug: str) -> list[str]:
    """Names of a transcript's main topics for the front-matter ``tags`` key, strongest first."""
    return [index.topic(w.topic).name for w in index.main_topics_of_transcript(slug)]


def related_section(
    index: TopicIndex, slug: str, from_path: str, page_path_for: PagePath = _default_path
) -> str:
    """ "Related transcripts", each with what it shares ("" when there are none)."""
    items = related_items(index, slug, from_path, page_path_for)
    return "## Related transcripts\n\n" + "\n".join(items) if items else ""


def related_items(
    index: TopicIndex, slug: str, from_path: str, page_path_for: PagePath = _default_path, attrs: str = ""
) -> list[str]:
    """One list item per related transcript: its link, its date and what it shares.

    ``attrs`` (attr_list syntax, e.g. ``.pr-related``) go on every item.
    """
    items = []
    for related in index.related_to(slug):
        other = index.transcript(related.slug)
        shared = ", ".join(inline(index.topic(t).name) for t in related.shared)
        items.append(
            f"- [{inline(other.title)}]({_link(from_path, page_path_for(other))}), "
            f"{long_date(other.date)}: shares {shared}{_item_attrs(attrs)}"
        )
    return items


def asked_section(
    index: TopicIndex,
    key: UnitKey,
    from_path: str,
    page_path_for: PagePath = _default_path,
    memo: dict[tuple[UnitKey, str], str] | None = None,
    attrs: str = "",
) -> str:
    """ "Asked before" / "Asked since" lists for one question ("" when there is nothing).

    A question is listed under several others: pass one ``memo`` dict for the
    whole build and each entry is rendered once per folder of pages.
    ``attrs`` (attr_list syntax) go on each list's title and every item.
    """
    memo = {} if memo is None else memo
    found = index.asked_elsewhere(key)
    after = _item_attrs(attrs)
    parts = []
    for heading, items in (
        ("Asked before", found.before),
        ("Asked since", found.since),
        ("Asked elsewhere", found.elsewhere),
    ):
        if items:
            lines = "\n".join(
                _similar_item(index, item, from_path, page_path_for, memo) + after for item in items
            )
            title = f"**{heading}**" + (f"\n{{: {attrs} }}" if attrs else "")
            parts.append(f"{title}\n\n{lines}")
    return "\n\n".join(parts)


def _item_attrs(attrs: str) -> str:
    """An attribute list for a list item: on a line of its own, indented into the item."""
    return f"\n  {{: {attrs} }}" if attrs else ""


def _topic_header(index: TopicIndex, coverage: TopicCoverage, path: str) -> list[str]:
    topic = coverage.topic
    blocks = [
        f"# {inline(topic.name)}",
        inline(topic.description),
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


def _page(path: str, coverage: TopicCoverage, blocks: list[str]) -> Page:
    topic = coverage.topic
    meta = index_meta(topic.name, f"{topic.description} {topic.name} {_summary(coverage)}")
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


def _listing(
    index: TopicIndex,
    refs: Sequence[TranscriptRef],
    units: Sequence[UnitRef],
    path: str,
    page_path_for: PagePath,
    items: dict[tuple[UnitKey, str], str],
) -> list[str]:
    transcripts = "\n".join(
        f"- [{inline(index.transcript(ref.slug).title)}]"
        f"({_link(path, page_path_for(index.transcript(ref.slug)))}), "
        f"{long_date(ref.date)}: {count(ref.mentions, 'mention')}"
        for ref in refs
    )
    return [
        "## Transcripts",
        transcripts,
        "## Questions",
        *_questions(index, units, path, page_path_for, items),
    ]


def _similar_item(
    index: TopicIndex,
    item: SimilarQuestion,
    from_path: str,
    page_path_for: PagePath,
    memo: dict[tuple[UnitKey, str], str],
) -> str:
    # An entry depends only on its question and the folder linking to it
    # (``page_path_for`` is one for the whole build): look it up first.
    folder = from_path.rpartition("/")[0]
    line = memo.get((item.key, folder))
    if line is None:
        page = _link(from_path, page_path_for(index.transcript(item.key.transcript)))
        line = memo[item.key, folder] = _similar_line(index, item, page)
    return line


def _similar_line(index: TopicIndex, item: SimilarQuestion, page: str) -> str:
    who = ", ".join(inline(v) for v in (item.asker, item.outlet) if v) or f"question {item.number}"
    link = f"{page}#{_fragment(item.key.anchor)}"
    asked, _answer = index.unit_text(item.key)
    text = f": {inline(_excerpt(asked, QUESTION_EXCERPT))}" if asked else ""
    return f"- [{long_date(item.date)}, {who}]({link}){text}"


def topic_family(index: TopicIndex, slug: str, path: str) -> list[str]:
    """Links to a topic's parent and to its more specific topics, as its page shows them."""
    topic = index.topic(slug)
    lines = []
    if topic.parent and topic.parent in {t.slug for t in index.topics}:
        parent = index.topic(topic.parent)
        lines.append(f"Part of [{inline(parent.name)}]({_link(path, topic_path(parent.slug))}).")
    children = index.children(slug)
    if children:
        links = ", ".join(f"[{inline(c.name)}]({_link(path, topic_path(c.slug))})" for c in children)
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


def _questions(
    index: TopicIndex,
    units: Sequence[UnitRef],
    path: str,
    page_path_for: PagePath,
    items_done: dict[tuple[UnitKey, str], str],
) -> list[str]:
    """Questions grouped under their transcript, in the order given."""
    blocks: list[str] = []
    current: str | None = None
    items: list[str] = []
    for ref in units:
        key = ref.key
        transcript = index.transcript(key.transcript)
        if key.transcript != current:
            if items:
                blocks.append("\n".join(items))
            current, items = key.transcript, []
            blocks.append(
                f"### [{inline(transcript.title)}]({_link(path, page_path_for(transcript))}), "
                f"{long_date(transcript.date)}"
            )
        # An entry depends only on its question and where its link starts.
        memo = (key, _link(path, page_path_for(transcript)))
        item = items_done.get(memo)
        if item is None:
            item = items_done[memo] = _unit_item(index, transcript, key, path, page_path_for)
        items.append(item)
    if items:
        blocks.append("\n".join(items))
    return blocks


def _unit_item(
    index: TopicIndex, transcript: Transcript, key: UnitKey, path: str, page_path_for: PagePath
) -> str:
    page = _link(path, page_path_for(transcript))
    asked, answered = index.unit_text(key)
    if key.anchor == STATEMENT_ANCHOR:
        return f"- [Opening statement]({page}#{STATEMENT_ID}): {inline(_excerpt(answered, ANSWER_EXCERPT))}"
    question = index.question(key)
    if question is None:
        return f"- [Question]({page}#{_fragment(key.anchor)})"
    who = ", ".join(inline(v) for v in (question.asker, question.outlet) if v)
    label = f"Question {question.number}" + (f", {who}" if who else "")
    line = f"- [{label}]({page}#{_fragment(question.anchor)}): {inline(_excerpt(asked, QUESTION_EXCERPT))}"
    answer = _excerpt(answered, ANSWER_EXCERPT)
    return f"{line}  \n  *Answer:* {inline(answer)}" if answer else line


def _link(source: str, target: str) -> str:
    """``paths.link(source, target)``, computed once per pair of folders (pages share a few)."""
    source_dir = source.rpartition("/")[0]
    target_dir, _slash, name = target.rpartition("/")
    prefix = _folder_link(source_dir, target_dir)
    return f"{prefix}/{name}" if prefix else name


@functools.lru_cache(maxsize=1024)
def _folder_link(source_dir: str, target_dir: str) -> str:
    # paths.link of a file in target_dir, minus the file name: relpath is
    # slow (it asks the operating system for the working folder).
    probe = paths.link(posixpath.join(source_dir, "x.md"), posixpath.join(target_dir, "x.md"))
    return posixpath.dirname(probe)


def _fragment(anchor: str) -> str:
    """An anchor as a URL fragment: parser anchors are slugs, but nothing else may end the link."""
    return quote(anchor, safe="-_.~")


def _excerpt(text: str, limit: int) -> str:
    """The text cut at a word boundary before ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-")
    return cut + "…"
