"""The topic pieces of a transcript page: chips, "asked before / since", related transcripts.

They link the page into the rest of the archive but are not what was said,
so each carries ``data-pagefind-ignore``: a search for words finds the
transcripts that say them, not every page listing a similar question.
Topics reach search through the page's tags instead (a Pagefind filter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.enrich import Entry
from generator.topics import STATEMENT_ANCHOR, TopicIndex, TopicWeight, UnitKey

from .topic_pages import asked_section, related_items, topic_chips
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
