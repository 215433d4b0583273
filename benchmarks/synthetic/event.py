"""One composed event before layout: its turns, chrome and what the ground truth records."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from benchmarks.synthetic import chrome
from benchmarks.synthetic.labels import Label
from benchmarks.synthetic.setting import Setting
from benchmarks.synthetic.topics import Topic
from benchmarks.synthetic.truth import QuestionTruth

INTERPRETATION = ("(Interpretation from {0})", "[Interpretation from {0}]", "(Speaks in {0}, interpreted)")


@dataclass
class Block:
    """One turn of the event; answers and statements start empty and are grown to size."""

    kind: str  # "statement", "answer", "question", "moderator", "note"
    label: Label | None
    paragraphs: list[str] = field(default_factory=list)
    topic: Topic | None = None
    weight: float = 0.0


@dataclass
class Event:
    """One composed transcript, ready for layout."""

    setting: Setting
    fmt: str
    encoding: str
    line_end: str
    lang: str
    topics: tuple[Topic, ...]
    blocks: list[Block] = field(default_factory=list)
    top: list[chrome.ChromeLine] = field(default_factory=list)
    bottom: list[chrome.ChromeLine] = field(default_factory=list)
    questions: list[QuestionTruth] = field(default_factory=list)
    styles: set[str] = field(default_factory=set)
    target: int = 0


def add_interpretation(event: Event, rng: random.Random, language: str | None, chance: float) -> None:
    """Maybe a note that what follows was interpreted from ``language``."""
    if language and rng.random() < chance:
        event.blocks.append(Block("note", None, [rng.choice(INTERPRETATION).format(language)]))
