"""What a transcript's entry summarises of it: speakers, outlets, question gists, words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from generator.errors import Problem
from generator.model import Question, Transcript, TurnKind

from .gist import question_gist
from .model import Entry, QuestionEntry

# Anchors become HTML ids written into Markdown.
ANCHOR = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, eq=False)
class EntrySummary:
    """What an Entry holds besides its transcript, and the problems met making it."""

    speakers: tuple[str, ...]
    outlets: tuple[str, ...]
    questions: tuple[Question, ...] | None  # None: the transcript's own (every anchor usable)
    gists: tuple[str, ...]  # per question
    word_count: int
    problems: tuple[Problem, ...]

    def entry(self, transcript: Transcript) -> Entry:
        """The Entry of the transcript this summarises."""
        questions = transcript.questions if self.questions is None else self.questions
        return Entry(
            transcript=transcript,
            speakers=self.speakers,
            outlets=self.outlets,
            questions=tuple(QuestionEntry(q, gist) for q, gist in zip(questions, self.gists, strict=True)),
            word_count=self.word_count,
        )

    def published(self, transcript: Transcript) -> Transcript:
        """The transcript with the question anchors its page uses."""
        return transcript if self.questions is None else replace(transcript, questions=self.questions)


def summarise(transcript: Transcript) -> EntrySummary:
    """The summary of one transcript's entry; unusable question anchors are replaced, with a Problem each."""
    problems: list[Problem] = []
    questions = _usable_anchors(transcript, problems)
    paragraphs: dict[str, tuple[str, ...]] = {}
    for turn in transcript.turns:
        paragraphs.setdefault(turn.id, turn.paragraphs)  # the first turn of an id, as Transcript.turn
    return EntrySummary(
        speakers=_speakers(transcript),
        outlets=_unique(q.outlet for q in questions if q.outlet),
        questions=None if questions == transcript.questions else questions,
        gists=tuple(question_gist(paragraphs.get(q.turn, ())) for q in questions),
        word_count=word_count(p for turn in transcript.turns for p in turn.paragraphs),
        problems=tuple(problems),
    )


# What str.split() splits on: str.isspace(), for every code point up to the
# last space character (U+3000); none lies beyond.
_SPACES = np.array([chr(c).isspace() for c in range(0x3001)], dtype=bool)


def word_count(paragraphs: Iterable[str]) -> int:
    """``sum(len(p.split()) for p in paragraphs)``, without making a string per word.

    Paragraphs joined by a space have the same words, and a word starts
    wherever a non-space follows a space or the start of the text.
    """
    text = " ".join(paragraphs)
    if text.isascii():
        space = _SPACES[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    else:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        inside = codes < _SPACES.size
        space = _SPACES[np.where(inside, codes, 0)] & inside
    return int(np.count_nonzero(~space[1:] & space[:-1])) + int(space.size > 0 and not space[0])


def _usable_anchors(transcript: Transcript, problems: list[Problem]) -> tuple[Question, ...]:
    """The questions, each with an anchor that is a valid, unique HTML id."""
    used: set[str] = set()
    result = []
    for question in transcript.questions:
        anchor = question.anchor
        if not ANCHOR.match(anchor) or anchor in used:
            fallback = f"q{question.number}"
            while fallback in used:
                fallback += "-x"
            problems.append(
                Problem(
                    transcript.source, None, "bad-anchor",
                    f"question {question.number} has anchor {anchor!r}, "
                    f"which is not a unique HTML id; using {fallback!r}",
                )
            )
            question = replace(question, anchor=fallback)
        used.add(question.anchor)
        result.append(question)
    return tuple(result)


def _speakers(transcript: Transcript) -> tuple[str, ...]:
    """Names of the principal speakers; failing those, of whoever answered."""
    if transcript.principal_speakers:
        return _unique(p.name for p in transcript.principal_speakers)
    return _unique(
        turn.speaker.name
        for turn in transcript.turns
        if turn.kind in (TurnKind.STATEMENT, TurnKind.ANSWER) and turn.speaker.name
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


