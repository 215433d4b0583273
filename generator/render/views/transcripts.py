"""The views of a transcript's page and of its open data.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.enrich import Entry

from .. import paths
from .labels import TopicLabel, TranscriptLabel, UnitLabel


@dataclass(frozen=True)
class QuestionTopics:
    """The topic pieces of one question: its chips, and the similar questions of other transcripts."""

    anchor: str
    chips: tuple[TopicLabel, ...]
    before: tuple[UnitLabel, ...]
    since: tuple[UnitLabel, ...]
    elsewhere: tuple[UnitLabel, ...]


@dataclass(frozen=True)
class RelatedLink:
    """A related transcript and the topics it shares, strongest first."""

    transcript: TranscriptLabel
    shared: tuple[TopicLabel, ...]


@dataclass(frozen=True)
class TranscriptTopics:
    """What a transcript page shows from the topic index."""

    tags: tuple[TopicLabel, ...] = ()  # its main topics: the page's tags, a search filter
    main: tuple[TopicLabel, ...] = ()  # the strongest of them: the chips at the top of the page
    statement: tuple[TopicLabel, ...] = ()
    questions: tuple[QuestionTopics, ...] = ()
    related: tuple[RelatedLink, ...] = ()

    def of_question(self, anchor: str) -> QuestionTopics | None:
        """The pieces of the question with ``anchor``, if it has any."""
        for question in self.questions:
            if question.anchor == anchor:
                return question
        return None


NO_TOPICS = TranscriptTopics()
"""The topic pieces of a page in a corpus without topics."""


@dataclass(frozen=True)
class TranscriptPage:
    """A transcript's page: the transcript, its neighbours in time, its topic pieces."""

    entry: Entry
    older: TranscriptLabel | None
    newer: TranscriptLabel | None
    words_per_minute: int
    topics: TranscriptTopics = NO_TOPICS
    site_title: str = ""
    """The archive's name, which the page's citations give as where the transcript is read."""
    aliases: tuple[tuple[str, str], ...] = ()
    """(old anchor, anchor): question anchors the page once published and no longer has, each kept
    as an alias of the question it now leads to (generator.ledger)."""

    @property
    def path(self) -> str:
        return paths.transcript(self.entry.slug)


@dataclass(frozen=True)
class TranscriptData:
    """A transcript's open data."""

    entry: Entry

    @property
    def path(self) -> str:
        return paths.transcript_data(self.entry.slug)
