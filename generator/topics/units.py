"""The units topics are assigned to: each question with its answers, and the
opening statement of a transcript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Question, Transcript, TurnKind
from generator.topics.model import STATEMENT_ANCHOR, UnitKey


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit's text, split into the part asked and the part answered.

    For a statement ``asked`` is empty and ``answered`` is the statement.
    Paragraphs are joined with a space: a page break that split a sentence
    into two paragraphs must not hide a phrase that spans it.
    """

    key: UnitKey
    transcript: int  # index into the corpus sequence
    question: Question | None
    asked: str
    answered: str


def transcript_units(transcript: Transcript, index: int) -> list[Unit]:
    """The statement unit (if the transcript has one) then one unit per question."""
    turns = {turn.id: turn for turn in transcript.turns}
    units: list[Unit] = []
    statement = " ".join(
        " ".join(turn.paragraphs) for turn in transcript.turns if turn.kind is TurnKind.STATEMENT
    )
    if statement.strip():
        units.append(Unit(UnitKey(transcript.slug, STATEMENT_ANCHOR), index, None, "", statement))
    for question in transcript.questions:
        asked_turn = turns.get(question.turn)
        asked = " ".join(asked_turn.paragraphs) if asked_turn is not None else ""
        # One join of every paragraph (a turn without any counts as one empty
        # paragraph): the same text as joining turn texts, without copying each.
        answered = " ".join(
            [p for turn_id in question.answers if turn_id in turns for p in turns[turn_id].paragraphs or ("",)]
        )
        units.append(Unit(UnitKey(transcript.slug, question.anchor), index, question, asked, answered))
    return units


def corpus_units(transcripts: Sequence[Transcript]) -> list[Unit]:
    """Every unit of the corpus, transcript by transcript, in order."""
    return [
        unit for index, transcript in enumerate(transcripts) for unit in transcript_units(transcript, index)
    ]
