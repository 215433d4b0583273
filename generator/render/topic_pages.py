"""Topic pages, the topics index, and the topic pieces of transcript pages.

Pure functions from the ``TopicIndex`` to Markdown. Links between pages are
relative ``.md`` links (``paths.link``) so that ``mkdocs build --strict``
checks every one; transcript pages are located by ``page_path_for``
(default: ``paths.transcript``). Every string that comes from a transcript
or the taxonomy goes through ``escape.inline``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import quote

from generator.model import Question, Transcript
from generator.topics import STATEMENT_ANCHOR, SimilarQuestion, TopicIndex, TopicWeight, UnitKey

from . import paths
from .escape import inline
from .frontmatter import date_span, document, index_meta
from .page import Page
from .text import count, long_date
from .timeline_svg import full_years, timeline_svg
from .transcript import STATEMENT_ID

TOPICS_INDEX = "topics/index.md"
QUESTION_EXCERPT = 160
ANSWER_EXCERPT = 240

PagePath = Callable[[Transcript], str]


def topic_path(slug: str) -> str:
    """The Markdown page of a topic: topics/<slug>.md."""
    return f"topics/{slug}.md"


def _default_path(transcript: Transcript) -> str:
    return paths.transcript(transcript.slug)


def render_topic_page(index: TopicIndex, slug: str, page_path_for: PagePath = _default_path) -> Page:
    """One topic: description, timeline, its transcripts and its questions, newest first."""
    coverage = index.coverage(slug)
    topic = coverage.topic
    path = topic_path(slug)
    dates = [ref.date for ref in coverage.transcripts if ref.date is not None]
    span = date_span(min(dates), max(dates)) if dates else ""
    summary = (
        f"came up in {count(coverage.transcript_count, 'transcript')} and "
        f"{count(coverage.question_count, 'question')}" + (f", {span}" if span else "") + "."
    )
    blocks = [f"# {inline(topic.name)}", inline(topic.description), f"{inline(topic.name)} {summary}"]
    blocks.extend(_family(index, slug, path))
    if coverage.per_year:
        blocks.append("## Over the years")
        blocks.append(_timeline(topic.name, coverage.per_year, slug))
    blocks.append("## Transcripts")
    blocks.append(
        "\n".join(
            _transcript_item(index, ref.slug, ref.mentions, path, page_path_for)
            for ref in coverage.transcripts
        )
    )
    blocks.append("## Questions")
    blocks.extend(_questions(index, [ref.key for ref in coverage.units], path, page_path_for))
    meta = index_meta(topic.name, f"{topic.description} {topic.name} {summary}")
    return Page(path, document(meta, "\n\n".join(blocks)))


def render_topics_index(index: TopicIndex) -> Page:
    """Every published topic, grouped by kind, most recurring first."""
    path = TOPICS_INDEX
    blocks = [
        "# Topics",
        "Every topic that came up in the archive, with how many transcripts and questions touch it. "
        "Each topic page lists them all, newest first.",
    ]
    for kind, coverages in index.topics_by_kind():
        blocks.append(f"## {kind.label}")
        blocks.append(
            "\n".join(
                f"- [{inline(c.topic.name)}]({paths.link(path, topic_path(c.topic.slug))}): "
                f"{count(c.transcript_count, 'transcript')}, {count(c.question_count, 'question')}"
                for c in coverages
            )
        )
    if len(blocks) == 2:
        blocks.append("No topic has come up yet.")
    meta = index_meta("Topics", f"{count(len(index.topics), 'topic')} that recur in the archive.")
    return Page(path, document(meta, "\n\n".join(blocks)))


def topic_chips(weights: Sequence[TopicWeight], index: TopicIndex, from_path: str, limit: int = 8) -> str:
    """A line of topic links styled as tags, strongest first ("" when there are none)."""
    return " ".join(
        f"[{inline(index.topic(w.topic).name)}]({paths.link(from_path, topic_path(w.topic))}){{ .md-tag }}"
        for w in weights[:limit]
    )


def topic_tags(index: TopicIndex, slug: str) -> list[str]:
    """Names of a transcript's main topics for the front-matter ``tags`` key, strongest first."""
    return [index.topic(w.topic).name for w in index.main_topics_of_transcript(slug)]


def related_section(
    index: TopicIndex, slug: str, from_path: str, page_path_for: PagePath = _default_path
) -> str:
    """ "Related transcripts", each with what it shares ("" when there are none)."""
    items = []
    for related in index.related_to(slug):
        other = index.transcript(related.slug)
        shared = ", ".join(inline(index.topic(t).name) for t in related.shared)
        items.append(
            f"- [{inline(other.title)}]({paths.link(from_path, page_path_for(other))}), "
            f"{long_date(other.date)}: shares {shared}"
        )
    return "## Related transcripts\n\n" + "\n".join(items) if items else ""


def asked_section(
    index: TopicIndex, key: UnitKey, from_path: str, page_path_for: PagePath = _default_path
) -> str:
    """ "Asked before" / "Asked since" lists for one question ("" when there is nothing)."""
    found = index.asked_elsewhere(key)
    parts = []
    for heading, items in (
        ("Asked before", found.before),
        ("Asked since", found.since),
        ("Asked elsewhere", found.elsewhere),
    ):
        if items:
            lines = "\n".join(_similar_item(index, item, from_path, page_path_for) for item in items)
            parts.append(f"**{heading}**\n\n{lines}")
    return "\n\n".join(parts)


def _similar_item(index: TopicIndex, item: SimilarQuestion, from_path: str, page_path_for: PagePath) -> str:
    transcript = index.transcript(item.key.transcript)
    who = ", ".join(inline(v) for v in (item.asker, item.outlet) if v) or f"question {item.number}"
    link = f"{paths.link(from_path, page_path_for(transcript))}#{_fragment(item.key.anchor)}"
    question = _question(transcript, item.key)
    text = f": {inline(_excerpt(_asked_text(transcript, question), QUESTION_EXCERPT))}" if question else ""
    return f"- [{long_date(item.date)}, {who}]({link}){text}"


def _family(index: TopicIndex, slug: str, path: str) -> list[str]:
    topic = index.topic(slug)
    lines = []
    if topic.parent and topic.parent in {t.slug for t in index.topics}:
        parent = index.topic(topic.parent)
        lines.append(f"Part of [{inline(parent.name)}]({paths.link(path, topic_path(parent.slug))}).")
    children = index.children(slug)
    if children:
        links = ", ".join(f"[{inline(c.name)}]({paths.link(path, topic_path(c.slug))})" for c in children)
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


def _transcript_item(index: TopicIndex, slug: str, mentions: int, path: str, page_path_for: PagePath) -> str:
    transcript = index.transcript(slug)
    return (
        f"- [{inline(transcript.title)}]({paths.link(path, page_path_for(transcript))}), "
        f"{long_date(transcript.date)}: {count(mentions, 'mention')}"
    )


def _questions(index: TopicIndex, keys: Sequence[UnitKey], path: str, page_path_for: PagePath) -> list[str]:
    """Questions grouped under their transcript, in the order given."""
    blocks: list[str] = []
    current: str | None = None
    items: list[str] = []
    for key in keys:
        if key.transcript != current:
            if items:
                blocks.append("\n".join(items))
            current, items = key.transcript, []
            transcript = index.transcript(key.transcript)
            blocks.append(
                f"### [{inline(transcript.title)}]({paths.link(path, page_path_for(transcript))}), "
                f"{long_date(transcript.date)}"
            )
        items.append(_unit_item(index.transcript(key.transcript), key, path, page_path_for))
    if items:
        blocks.append("\n".join(items))
    return blocks


def _unit_item(transcript: Transcript, key: UnitKey, path: str, page_path_for: PagePath) -> str:
    page = paths.link(path, page_path_for(transcript))
    if key.anchor == STATEMENT_ANCHOR:
        return f"- [Opening statement]({page}#{STATEMENT_ID})"
    question = _question(transcript, key)
    if question is None:
        return f"- [Question]({page}#{_fragment(key.anchor)})"
    who = ", ".join(inline(v) for v in (question.asker, question.outlet) if v)
    label = f"Question {question.number}" + (f", {who}" if who else "")
    asked = inline(_excerpt(_asked_text(transcript, question), QUESTION_EXCERPT))
    line = f"- [{label}]({page}#{_fragment(question.anchor)}): {asked}"
    answer = _excerpt(_answer_text(transcript, question), ANSWER_EXCERPT)
    return f"{line}  \n  *Answer:* {inline(answer)}" if answer else line


def _fragment(anchor: str) -> str:
    """An anchor as a URL fragment: parser anchors are slugs, but nothing else may end the link."""
    return quote(anchor, safe="-_.~")


def _question(transcript: Transcript, key: UnitKey) -> Question | None:
    return next((q for q in transcript.questions if q.anchor == key.anchor), None)


def _asked_text(transcript: Transcript, question: Question) -> str:
    return " ".join(p for t in transcript.turns if t.id == question.turn for p in t.paragraphs)


def _answer_text(transcript: Transcript, question: Question) -> str:
    wanted = set(question.answers)
    return " ".join(p for t in transcript.turns if t.id in wanted for p in t.paragraphs)


def _excerpt(text: str, limit: int) -> str:
    """The text cut at a word boundary before ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-")
    return cut + "…"
