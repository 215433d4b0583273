"""Builders for small transcripts, and the taxonomy fixtures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from generator.enrich import TopicConfig, build_corpus
from generator.errors import Problem
from generator.model import Person, Question, Speaker, Transcript, Turn, TurnKind
from generator.topics import Taxonomy, TopicIndex, TopicSettings, parse_taxonomy

FIXTURES = Path(__file__).parent / "fixtures"

_OFFICIAL = Speaker(
    id="jens-stoltenberg",
    name="Jens Stoltenberg",
    role="Secretary General",
    outlet=None,
    label="Secretary General",
)


@dataclass(frozen=True)
class _Parsed:
    transcripts: tuple[Transcript, ...]
    problems: tuple[Problem, ...] = ()


def topic_index_of(
    transcripts: Iterable[Transcript], taxonomy: Taxonomy, settings: TopicSettings | None = None
) -> TopicIndex:
    """The topic index enrichment gives these transcripts, as a build makes it."""
    config = TopicConfig(taxonomy, settings or TopicSettings())
    index = build_corpus(_Parsed(tuple(transcripts)), config).topic_index
    assert index is not None
    return index


def make_transcript(
    slug: str,
    pairs: Sequence[tuple[str, str]],
    *,
    date: dt.date | None = None,
    statement: str | None = None,
    outlets: Sequence[str | None] | None = None,
    askers: Sequence[str | None] | None = None,
) -> Transcript:
    """A transcript with an optional statement and one question per (question, answer) pair."""
    turns: list[Turn] = []
    questions: list[Question] = []
    if statement:
        speaker = Speaker(_OFFICIAL.id, _OFFICIAL.name, _OFFICIAL.role, None, None)
        turns.append(Turn("t0", TurnKind.STATEMENT, speaker, (statement,), 1))
    for number, (asked, answered) in enumerate(pairs, start=1):
        outlet = outlets[number - 1] if outlets else None
        asker = askers[number - 1] if askers else None
        q_turn, a_turn = f"t{2 * number - 1}", f"t{2 * number}"
        label = f"{asker} ({outlet})" if asker and outlet else (f"Q ({outlet})" if outlet else "Q")
        turns.append(
            Turn(q_turn, TurnKind.QUESTION, Speaker(None, asker, None, outlet, label), (asked,), 2 * number)
        )
        turns.append(Turn(a_turn, TurnKind.ANSWER, _OFFICIAL, (answered,), 2 * number + 1))
        anchor = f"q{number}" + (f"-{slugify(outlet)}" if outlet else "")
        questions.append(Question(number, anchor, q_turn, asker, outlet, (a_turn,), None))
    return Transcript(
        source=f"transcripts/{slug}.txt",
        slug=slug,
        title=f"Transcript {slug}",
        event_type="press conference",
        date=date,
        location=None,
        source_url=None,
        language="en",
        principal_speakers=(Person("jens-stoltenberg", "Jens Stoltenberg", "Secretary General"),),
        turns=tuple(turns),
        questions=tuple(questions),
        removed=(),
    )


def taxonomy_from(text: str) -> Taxonomy:
    """A taxonomy from YAML text (for tests of matching rules)."""
    return parse_taxonomy(text, "test-topics.yaml")
