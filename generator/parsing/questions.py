"""Questions: numbered, anchored, with their answers and follow-ups."""

from __future__ import annotations

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
    for turn in turns:
        if turn.kind is TurnKind.QUESTION:
            number = len(questions) + 1
            follow_up_of = questions[-1].number if turn.id in follow_ups and questions else None
            speaker = turn.speaker
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
