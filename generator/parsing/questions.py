"""Questions: numbered, anchored, with their answers and follow-ups."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from generator.directory import slugify
from generator.model import Question, Turn, TurnKind


def number_questions(
    turns: Sequence[Turn],
    follow_ups: frozenset[str],
    outlet_slug: Callable[[str], str],
) -> tuple[Question, ...]:
    """One Question per question turn, in order.

    ``follow_ups`` holds the ids of question turns whose label marks them as
    follow-ups; ``outlet_slug`` gives the short form of an outlet for anchors.
    Answers are the official turns between a question and the next one.
    """
    questions: list[Question] = []
    answers: list[list[str]] = []
    askers = {(t.speaker.name, t.speaker.outlet) for t in turns if t.kind is TurnKind.QUESTION} - {(None, None)}
    # In an interview one journalist asks everything; only where several ask
    # is asking twice in a row a follow-up.
    several_askers = len(askers) > 1
    called_on = False  # a moderator gave the floor since the last question
    for turn in turns:
        if turn.kind is TurnKind.MODERATOR:
            called_on = True
        if turn.kind is TurnKind.QUESTION:
            again = several_askers and not called_on
            number = len(questions) + 1
            speaker = turn.speaker
            follow_up_of = None
            called_on = False
            if questions and (turn.id in follow_ups or _follows_up_own_question(turn, questions[-1], again)):
                follow_up_of = questions[-1].number
            questions.append(
                Question(number, _anchor(number, speaker.outlet, speaker.name, follow_up_of, outlet_slug),
                         turn.id, speaker.name, speaker.outlet, (), follow_up_of)
            )
            answers.append([])
        elif turn.kind in (TurnKind.ANSWER,) and questions:
            answers[-1].append(turn.id)
    return tuple(
        Question(q.number, q.anchor, q.turn, q.asker, q.outlet, tuple(found), q.follow_up_of)
        for q, found in zip(questions, answers)
    )


_FOLLOW_UP_OPENING = re.compile(
    r"^(?:sorry,?\s+)?(?:(?:just|if I may|can I|could I|may I|let me)\s+)?(?:to\s+|a\s+|one\s+)?"
    r"(?:quick\s+|short\s+)?follow[- ]?up\b",
    re.I,
)


def _follows_up_own_question(turn: Turn, previous: Question, asks_again: bool) -> bool:
    """The asker of the question before asks again unbidden, or with "just to follow up..."."""
    speaker = turn.speaker
    same_asker = (speaker.name, speaker.outlet) == (previous.asker, previous.outlet) and (
        speaker.name or speaker.outlet)
    if not same_asker:
        return False
    return asks_again or bool(turn.paragraphs and _FOLLOW_UP_OPENING.match(turn.paragraphs[0]))


def _anchor(
    number: int,
    outlet: str | None,
    asker: str | None,
    follow_up_of: int | None,
    outlet_slug: Callable[[str], str],
) -> str:
    """``q3-tass``: stable while the transcript is, readable in a citation."""
    if outlet:
        tail = outlet_slug(outlet)
    elif asker:
        tail = slugify(asker)
    elif follow_up_of is not None:
        tail = "follow-up"
    else:
        tail = ""
    return f"q{number}-{tail}" if tail else f"q{number}"
