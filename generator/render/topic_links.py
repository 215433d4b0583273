"""The topic pieces of a transcript page: chips, "asked before / since", related transcripts.

They link the page into the rest of the archive but are not what was said,
so each carries ``data-pagefind-ignore``: a search for words finds the
transcripts that say them, not every page listing a similar question.
Topics reach search through the page's tags instead (a Pagefind filter).

A question is listed under several others and a topic has chips on many
pages, so each line is laid out once per folder of pages and kept.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from . import paths
from .escape import inline
from .paths import cached_link, fragment
from .text import long_date
from .views import QuestionTopics, RelatedLink, TopicLabel, UnitLabel

# attr_list syntax: a class to style by, and kept out of the search index.
UNINDEXED = 'data-pagefind-ignore=""'
CHIPS = f".md-tags .pr-topics {UNINDEXED}"
ASKED = f".pr-asked {UNINDEXED}"
RELATED = f".pr-related {UNINDEXED}"

_MEMO = 1 << 16
"""Lines kept per process: more than a first build of a big archive lays out in one folder."""


def chips(topics: Sequence[TopicLabel], path: str) -> list[str]:
    """A block of topic links styled as tags, strongest first, for the page at ``path`` (none: no block)."""
    folder = path.rpartition("/")[0]
    links = " ".join(_chip(topic, folder) for topic in topics)
    return [f"{links}\n{{: {CHIPS} }}"] if links else []


@functools.lru_cache(maxsize=_MEMO)
def _chip(topic: TopicLabel, folder: str) -> str:
    return f"[{inline(topic.name)}]({cached_link(folder + '/x', paths.topic(topic.slug))}){{ .md-tag }}"


def asked(question: QuestionTopics | None, path: str) -> list[str]:
    """The "Asked before", "Asked since" and "Asked elsewhere" lists of one question (none: no block)."""
    if question is None:
        return []
    folder = path.rpartition("/")[0]
    after = _item_attrs(ASKED)
    parts = []
    for heading, units in (
        ("Asked before", question.before),
        ("Asked since", question.since),
        ("Asked elsewhere", question.elsewhere),
    ):
        if units:
            lines = "\n".join(_similar_line(unit, folder) + after for unit in units)
            parts.append(f"**{heading}**\n{{: {ASKED} }}\n\n{lines}")
    return ["\n\n".join(parts)] if parts else []


@functools.lru_cache(maxsize=_MEMO)
def _similar_line(unit: UnitLabel, folder: str) -> str:
    who = ", ".join(inline(v) for v in (unit.asker, unit.outlet) if v) or f"question {unit.number}"
    link = f"{cached_link(folder + '/x', paths.transcript(unit.transcript.slug))}#{fragment(unit.anchor)}"
    text = f": {inline(unit.question)}" if unit.question else ""
    return f"- [{long_date(unit.transcript.date)}, {who}]({link}){text}"


def related(links: Sequence[RelatedLink], path: str) -> list[str]:
    """The transcripts sharing the most weighted topics, each with what it shares.

    Titled like "Asked before", not with a heading: the table of contents
    stays the list of questions.
    """
    after = _item_attrs(RELATED)
    items = []
    for link in links:
        other = link.transcript
        shared = ", ".join(inline(topic.name) for topic in link.shared)
        items.append(
            f"- [{inline(other.title)}]({cached_link(path, paths.transcript(other.slug))}), "
            f"{long_date(other.date)}: shares {shared}{after}"
        )
    return [f"**Related transcripts**\n{{: {RELATED} }}", "\n".join(items)] if items else []


def _item_attrs(attrs: str) -> str:
    """An attribute list for a list item: on a line of its own, indented into the item."""
    return f"\n  {{: {attrs} }}"
