"""Settings of the topic stage, with the reason for every default."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import ContentError, Problem


@dataclass(frozen=True)
class TopicSettings:
    """How topics are weighted, discovered and linked."""

    question_weight: float = 3.0
    """Weight of one mention in a question: what was asked is what a unit is about."""
    answer_weight: float = 1.0
    """Weight of one mention in an answer, which often ranges over neighbouring topics."""
    statement_weight: float = 2.0
    """Weight of one mention in an opening statement, the speaker's own agenda."""

    publish_discovered: bool = False
    """Publish discovered phrases as topics with pages; off, they are only suggested in the build report."""
    discovery_min_transcripts: int = 2
    """A phrase must recur in at least this many transcripts to be suggested."""
    discovery_min_count: int = 3
    """...and occur at least this many times in all."""
    discovery_max_share: float = 0.25
    """A phrase in more than this share of the transcripts is boilerplate, not a topic
    (from 20 transcripts on: in a small archive shares say little)."""
    discovery_max: int = 40
    """At most this many suggestions, most widespread first."""
    lead_chars: int = 300
    """Characters of each answer and statement read for discovery and similarity, besides the question.

    The opening of an answer says what it answers; reading whole answers
    would multiply the cost of the stage for little gain. Topics are
    always matched in the whole text.
    """

    main_share: float = 0.08
    """A transcript's main topics (chips at the top of its page, its tags) weigh at least this
    share of all its topic weight; passing mentions stay on the topic pages. On the synthetic
    corpus this keeps nearly all the topics an event is about and few passing ones
    (docs/benchmark.md, "Figures behind design choices")."""

    related_count: int = 5
    """Related transcripts listed per transcript."""
    related_explain: int = 3
    """Shared topics named in the explanation ("shares Ukraine, Crimea, OSCE")."""

    similar_count: int = 5
    """Similar questions from other transcripts listed under each question."""
    similar_min_score: float = 0.15
    """Cosine similarity below which a question is not shown as similar."""
    similar_topic_weight: float = 0.5
    """Share of the topic vector (from the whole unit) blended with the words of the question."""
    max_terms: int = 10
    """Similarity looks at the strongest terms of each unit only (keeps the work linear)."""
    max_postings: int = 40
    """Each term links at most this many units, those where it weighs most (keeps the work linear).

    Exact for terms in at most this many units; beyond that the ranking is approximate.
    """

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str = "settings") -> TopicSettings:
        """Settings from configuration data; an unknown key or wrong type names what to fix."""
        fields = {f.name: f for f in dataclasses.fields(cls)}
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key not in fields:
                raise ContentError(
                    Problem(
                        source,
                        None,
                        "unknown-setting",
                        f"unknown topic setting '{key}'",
                        f"allowed: {', '.join(fields)}",
                    )
                )
            default = getattr(cls(), key)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            else:
                ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
            if not ok:
                raise ContentError(
                    Problem(
                        source,
                        None,
                        "bad-setting",
                        f"topic setting '{key}' has a wrong value {value!r}",
                        f"give a value like {default!r}",
                    )
                )
            out[key] = float(value) if isinstance(default, float) else value
        return cls(**out)
