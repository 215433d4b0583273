"""Values of the topic stage: the taxonomy, matches, and the corpus-wide index.

All frozen. The index is built once for the whole corpus (``build_index``)
and only read afterwards by the page renderers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

STATEMENT_ANCHOR = "statement"
"""The anchor of a transcript's opening-statement unit (questions use their own)."""


class TopicKind(str, Enum):
    """What a topic is about; the topics index groups pages by kind."""

    COUNTRY_REGION = "country-region"
    ORGANISATION_TREATY = "organisation-treaty"
    PERSON = "person"
    POLICY_CONCEPT = "policy-concept"
    DISCOVERED = "discovered"  # a recurring phrase the taxonomy lacks

    @property
    def label(self) -> str:
        """Heading of this kind on the topics index."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    TopicKind.COUNTRY_REGION: "Countries and regions",
    TopicKind.ORGANISATION_TREATY: "Organisations and treaties",
    TopicKind.PERSON: "People",
    TopicKind.POLICY_CONCEPT: "Policies and concepts",
    TopicKind.DISCOVERED: "Other recurring topics",
}


@dataclass(frozen=True)
class Topic:
    """One topic: a curated taxonomy entry or a published discovered phrase."""

    slug: str
    name: str
    kind: TopicKind
    description: str
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    case_sensitive: bool = False
    parent: str | None = None
    line: int | None = None  # where the taxonomy defines it, for messages


@dataclass(frozen=True)
class Taxonomy:
    """The curated topics, validated; ``source`` names the file for messages."""

    topics: tuple[Topic, ...]
    source: str = "content/topics.yaml"

    def get(self, slug: str) -> Topic:
        """The topic with this slug."""
        for topic in self.topics:
            if topic.slug == slug:
                return topic
        raise KeyError(slug)


@dataclass(frozen=True)
class Match:
    """One occurrence of a topic in a text; ``start``/``end`` index that text."""

    topic: str  # slug
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True, slots=True)
class UnitKey:
    """A question (by its anchor) or the opening statement of a transcript."""

    transcript: str  # transcript slug
    anchor: str  # question anchor, or STATEMENT_ANCHOR

    @property
    def is_statement(self) -> bool:
        return self.anchor == STATEMENT_ANCHOR


@dataclass(frozen=True)
class TopicWeight:
    """How strongly a unit or a transcript is about one topic.

    ``weight`` counts mentions, question text weighing more than answer text
    (see ``TopicSettings``); ``mentions`` is the plain number of matches.
    """

    topic: str  # slug
    weight: float
    mentions: int


@dataclass(frozen=True)
class UnitRef:
    """A unit where a topic came up, as listed on the topic page."""

    key: UnitKey
    weight: float
    mentions: int


@dataclass(frozen=True)
class TranscriptRef:
    """A transcript that touches a topic, with the topic's rolled-up weight."""

    slug: str
    date: dt.date | None
    weight: float
    mentions: int


@dataclass(frozen=True)
class TopicCoverage:
    """Everything a topic page shows: where the topic came up, newest first."""

    topic: Topic
    transcripts: tuple[TranscriptRef, ...]
    units: tuple[UnitRef, ...]
    per_year: tuple[tuple[int, int], ...]  # (year, units that year); undated left out

    @property
    def transcript_count(self) -> int:
        return len(self.transcripts)

    @property
    def question_count(self) -> int:
        return sum(1 for ref in self.units if not ref.key.is_statement)


@dataclass(frozen=True)
class RelatedTranscript:
    """Another transcript sharing weighted topics; ``shared`` explains why."""

    slug: str
    score: float
    shared: tuple[str, ...]  # topic slugs, strongest contribution first


@dataclass(frozen=True)
class SimilarQuestion:
    """A similar question from another transcript, with what a link shows."""

    key: UnitKey
    score: float
    date: dt.date | None
    number: int
    asker: str | None
    outlet: str | None


@dataclass(frozen=True)
class AskedElsewhere:
    """The most similar questions from other transcripts, split by date.

    ``before``/``since`` hold questions from transcripts dated earlier/later;
    ``elsewhere`` those of the same day or where either date is unknown.
    Each part keeps the overall ranking, most similar first.
    """

    before: tuple[SimilarQuestion, ...] = ()
    since: tuple[SimilarQuestion, ...] = ()
    elsewhere: tuple[SimilarQuestion, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """A recurring phrase the taxonomy lacks, with its evidence."""

    phrase: str  # as most often written
    slug: str
    transcripts: tuple[str, ...]  # slugs, sorted
    units: tuple[UnitKey, ...]  # where it occurs, sorted
    count: int  # occurrences in all
    published: bool
