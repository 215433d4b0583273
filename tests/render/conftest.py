"""Transcripts built by hand, so rendering is specified independently of the parser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.errors import Problem
from generator.model import Person, Question, Speaker, Transcript, Turn, TurnKind

STOLTENBERG = Person("jens-stoltenberg", "Jens Stoltenberg", "NATO Secretary General")


@dataclass(frozen=True)
class Parsed:
    """Stands in for generator.parsing.ParsedCorpus."""

    transcripts: tuple[Transcript, ...]
    problems: tuple[Problem, ...] = ()


def speaker(kind: TurnKind, name: str | None = None, outlet: str | None = None, label: str | None = None) -> Speaker:
    pid = name.lower().replace(" ", "-") if name else None
    return Speaker(pid, name, None, outlet, label)


def make_transcript(
    slug: str = "2022-01-12-press-conference",
    title: str = "Press conference by the Secretary General",
    date: dt.date | None = dt.date(2022, 1, 12),
    turns: tuple[Turn, ...] | None = None,
    questions: tuple[Question, ...] | None = None,
    event_type: str | None = "press-conference",
    location: str | None = "NATO Headquarters, Brussels",
    source_url: str | None = "https://www.nato.int/cps/en/natohq/opinions_190593.htm",
) -> Transcript:
    """A small press conference: statement, a moderator, two questions, a note."""
    sg = Speaker(STOLTENBERG.id, STOLTENBERG.name, STOLTENBERG.role, None, "NATO Secretary General")
    if turns is None:
        turns = (
            Turn("t1", TurnKind.STATEMENT, Speaker(None, None, None, None, None),
                 ("Good afternoon.", "We met today."), 10),
            Turn("t2", TurnKind.MODERATOR, speaker(TurnKind.MODERATOR, "Oana Lungescu", label="NATO Spokesperson"),
                 ("We go to CNN.",), 14),
            Turn("t3", TurnKind.QUESTION, speaker(TurnKind.QUESTION, "Alex Marquardt", "CNN", "Alex Marquardt (CNN)"),
                 ("Thank you. What did Russia say about missiles?",), 16),
            Turn("t4", TurnKind.ANSWER, sg, ("Russia listened.", "We will meet again."), 18),
            Turn("t5", TurnKind.NOTE, Speaker(None, None, None, None, None), ("(Laughter)",), 20),
            Turn("t6", TurnKind.QUESTION, speaker(TurnKind.QUESTION, None, "TASS", "Q (TASS)"),
                 ("Mr. Secretary General, is the door open? And when?",), 22),
            Turn("t7", TurnKind.ANSWER, sg, ("It is open.",), 24),
        )
    if questions is None:
        questions = (
            Question(1, "q1-cnn", "t3", "Alex Marquardt", "CNN", ("t4",), None),
            Question(2, "q2-tass", "t6", None, "TASS", ("t7",), None),
        )
    return Transcript(
        source=f"transcripts/{slug}.txt",
        slug=slug,
        title=title,
        event_type=event_type,
        date=date,
        location=location,
        source_url=source_url,
        language="en",
        principal_speakers=(STOLTENBERG,),
        turns=turns,
        questions=questions,
        removed=(),
    )
