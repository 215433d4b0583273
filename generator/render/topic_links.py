"""The topic pieces of a transcript page: chips, "asked before / since", related transcripts.

The functions render each piece as Markdown; :class:`TopicLinks` puts them
on a transcript page. They link the page into the rest of the archive but
are not what was said, so there each carries ``data-pagefind-ignore``: a
search for words finds the transcripts that say them, not every page
listing a similar question. Topics reach search through the page's tags
instead (a Pagefind filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.enrich import Entry
from generator.topics import STATEMENT_ANCHOR, SimilarQuestion, TopicIndex, TopicWeight, UnitKey

from . import paths
from .escape import inline
from .paths import PagePath, cached_link, fragment, transcript_page
from .text import QUESTION_EXCERPT, excerpt, long_date
from .topic_parts import TopicParts

# attr_list syntax: a class to style by, and kept out of the search index.
UNINDEXED = 'data-pagefind-ignore=""'
CHIPS = f".md-tags .pr-topics {UNINDEXED}"
ASKED = f".pr-asked {UNINDEXED}"
RELATED = f".pr-related {UNINDEXED}"


@dataclass(frozen=True)
class TopicLinks:
    """The corpus's topic index, and what one build's pages share while rendering.

    The memos hold each "asked before" entry and each chip rendered once per
    folder of pages: a question is listed under several others, a topic has
    chips on many pages.
    """

    index: TopicIndex
    memo: dict[tuple[UnitKey, str], str] = field(default_factory=dict, compare=False, repr=False)
    chip_memo: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)

    def parts(self, entry: Entry, path: str) -> TopicParts:
        """Every topic piece of the page of ``entry`` at ``path``."""
        slug = entry.slug
        main = self.main(slug)
        questions = []
        for question in entry.questions:
            key = UnitKey(slug, question.question.anchor)
            questions.append((key.anchor, tuple(self.unit_chips(key, path)), tuple(self.asked(key, path))))
        return TopicParts(
            tags=tuple(self.tags(main)),
            page_chips=tuple(self.page_chips(main, path)),
            statement_chips=tuple(self.statement_chips(slug, path)),
            questions=tuple(questions),
            related=tuple(self.related(slug, path)),
        )

    def main(self, slug: str) -> tuple[TopicWeight, ...]:
        """The topics the transcript is about, strongest first: its tags and its page's chips."""
        return self.index.main_topics_of_transcript(slug)

    def tags(self, main: Sequence[TopicWeight]) -> list[str]:
        """Names of the main topics, for the front-matter ``tags``."""
        return [self.index.topic(weight.topic).name for weight in main]

    def page_chips(self, main: Sequence[TopicWeight], path: str) -> list[str]:
        """Chips of the main topics, for the top of the page (none: no block)."""
        return self._chips(main, path)

    def statement_chips(self, slug: str, path: str) -> list[str]:
        """Chips of the topics of the opening statement, under its heading."""
        return self.unit_chips(UnitKey(slug, STATEMENT_ANCHOR), path)

    def unit_chips(self, key: UnitKey, path: str) -> list[str]:
        """Chips of the topics of one question with its answers, under its heading."""
        return self._chips(self.index.topics_of_unit(key), path)

    def asked(self, key: UnitKey, path: str) -> list[str]:
        """The most similar questions of other transcripts, after the question's answers."""
        section = asked_section(self.index, key, path, memo=self.memo, attrs=ASKED)
        return [section] if section else []

    def related(self, slug: str, path: str) -> list[str]:
        """The transcripts sharing the most weighted topics, each with what it shares.

        Titled like "Asked before", not with a heading: the table of contents
        stays the list of questions.
        """
        items = related_items(self.index, slug, path, attrs=RELATED)
        return [f"**Related transcripts**\n{{: {RELATED} }}", "\n".join(items)] if items else []

    def _chips(self, weights: Sequence[TopicWeight], path: str) -> list[str]:
        # Every topic, not the first few: each topic page links here, and
        # the page must link back (a statement touches up to some 20).
        links = topic_chips(weights, self.index, path, limit=len(weights), memo=self.chip_memo)
        return [f"{links}\n{{: {CHIPS} }}"] if links else []


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
            name, link = inline(index.topic(weight.topic).name), cached_link(from_path, paths.topic(weight.topic))
            chip = f"[{name}]({link}){{ .md-tag }}"
            if memo is not None:
                memo[weight.topic, folder] = chip
        chips.append(chip)
    return " ".join(chips)


def related_items(
    index: TopicIndex, slug: str, from_path: str, page_path_for: PagePath = transcript_page, attrs: str = ""
) -> list[str]:
    """One list item per related transcript: its link, its date and what it shares.

    ``attrs`` (attr_list syntax, e.g. ``.pr-related``) go on every item.
    """
    items = []
    for related in index.related_to(slug):
        other = index.transcript(related.slug)
        shared = ", ".join(inline(index.topic(t).name) for t in related.shared)
        items.append(
            f"- [{inline(other.title)}]({cached_link(from_path, page_path_for(other))}), "
            f"{long_date(other.date)}: shares {shared}{_item_attrs(attrs)}"
        )
    return items


def asked_section(
    index: TopicIndex,
    key: UnitKey,
    from_path: str,
    page_path_for: PagePath = transcript_page,
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
        page = cached_link(from_path, page_path_for(index.transcript(item.key.transcript)))
        line = memo[item.key, folder] = _similar_line(index, item, page)
    return line


def _similar_line(index: TopicIndex, item: SimilarQuestion, page: str) -> str:
    who = ", ".join(inline(v) for v in (item.asker, item.outlet) if v) or f"question {item.number}"
    link = f"{page}#{fragment(item.key.anchor)}"
    asked, _answer = index.unit_text(item.key)
    text = f": {inline(excerpt(asked, QUESTION_EXCERPT))}" if asked else ""
    return f"- [{long_date(item.date)}, {who}]({link}){text}"
