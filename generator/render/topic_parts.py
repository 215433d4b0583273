"""What a transcript page shows from the rest of the archive, rendered before the page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TopicParts:
    """The topic pieces of one transcript page, as Markdown blocks.

    They are all a transcript page shows from the rest of the archive, so
    together with the transcript they decide the page (generator.render.groups).
    """

    tags: tuple[str, ...] = ()
    page_chips: tuple[str, ...] = ()
    statement_chips: tuple[str, ...] = ()
    questions: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    """(anchor, chips, asked before and since) of each question."""
    related: tuple[str, ...] = ()

    def question(self, anchor: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The chips and the "asked before / since" blocks of the question with ``anchor``."""
        for candidate, chips, asked in self.questions:
            if candidate == anchor:
                return chips, asked
        return (), ()


NO_TOPICS = TopicParts()
"""The parts of a page in a corpus without topics."""
