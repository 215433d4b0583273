"""The floor: moderator calls, questions in every label style, follow-ups, answers to grow."""

from __future__ import annotations

import random
from dataclasses import replace

from benchmarks.synthetic.event import Block, Event, add_interpretation
from benchmarks.synthetic.labels import (
    INTERVIEW_STYLES, INTERVIEW_WEIGHTS, REPORTER_STYLES, REPORTER_WEIGHTS, Label, Voice, reporter_label,
)
from benchmarks.synthetic.speech import Speech
from benchmarks.synthetic.topics import Topic, topics_in
from benchmarks.synthetic.truth import QuestionTruth
from benchmarks.synthetic.world import Outlet, World, outlets_in

OUTLET_STYLES = {"q_outlet", "question_outlet", "name_outlet", "name_comma_outlet", "outlet_only"}
NAMED_STYLES = {"name_outlet", "name_comma_outlet"}
NOTES = ("(Laughter)", "(Applause)", "(Crosstalk)", "[off mic]", "(Laughs)")
OUTLET_LANGUAGES = {
    "Le Monde": "French", "RFI": "French", "TASS": "Russian", "RIA Novosti": "Russian", "Interfax": "Russian",
    "Rossiya 1": "Russian", "Ekho Moskvy": "Russian", "Ukrinform": "Ukrainian", "UNIAN": "Ukrainian",
    "Anadolu Agency": "Turkish", "EFE": "Spanish", "El País": "Spanish", "ANSA": "Italian", "ARD": "German",
    "ZDF": "German", "PAP": "Polish",
}
CALLS = (
    "We'll go to {o}, second row.", "Okay, we'll go to {o}, in the third row, center.", "Next question, {o}.",
    "{o}, please.", "Let's go to {o} at the back.", "We will try to take one question online from {o}. {n}.",
    "We'll take one more question. {o}.", "We will go to {o}, here in the front.",
    "I know that there are many questions. We'll go to {o}.", "Ok, we will go to {o}.",
)
UNNAMED_CALLS = ("The lady in the first row.", "The gentleman in the back, please.", "Yes, in the middle.",
                 "We'll take a question online.")
CLOSING_CALLS = ("Thank you very much. This concludes this press conference.", "Thank you very much, that's all we have time for.",
                 "Thank you. That's all for today.")


def add_questions(
    event: Event, rng: random.Random, speech: Speech, world: World, count: int,
    principal: Voice, guest: Voice | None, moderator: Voice | None,
) -> None:
    """The questions, with moderator calls, follow-ups, notes and empty answers."""
    setting = event.setting
    interview = setting.interview_outlet
    styles, weights = (INTERVIEW_STYLES, INTERVIEW_WEIGHTS) if interview else (REPORTER_STYLES, REPORTER_WEIGHTS)
    primary = rng.choices(styles, weights)[0]
    if rng.random() < 0.2:
        event.styles.add("drift")  # reporters' labels change style within the transcript
        switch = 0.2
    else:
        switch = 0.0
    outlets = outlets_in(setting.day.year)
    previous: tuple[QuestionTruth, Outlet, str, Label] | None = None
    for number in range(1, count + 1):
        topic = rng.choice(event.topics) if rng.random() < 0.7 else rng.choice(topics_in(setting.day.year))
        if previous is not None and rng.random() < 0.12:
            truth, label = _follow_up(rng, number, previous)
            outlet, name = previous[1], previous[2]
            text = speech.follow_up(topic)
        else:
            outlet = interview or rng.choice(outlets)
            name = rng.choice(world.reporters[outlet.name])
            called = outlet.name if interview else None
            if moderator is not None and rng.random() < 0.8:
                called = _call(event, rng, moderator, outlet, name)
            style = primary if rng.random() >= switch else rng.choice(styles)
            truth, label = _new_question(rng, number, style, outlet, name, called)
            text = speech.question(topic)
            add_interpretation(event, rng, OUTLET_LANGUAGES.get(outlet.name), 0.15)
        if rng.random() < 0.05:
            text = speech.inaudible_question(topic)
            truth = replace(truth, inaudible=True)
        event.questions.append(truth)
        event.blocks.append(Block("question", label, _split_question(rng, text)))
        _add_answers(event, rng, topic, principal, guest)
        if rng.random() < 0.04:
            event.blocks.append(Block("note", None, [rng.choice(NOTES)]))
        previous = (truth, outlet, name, label)
    if moderator is not None and rng.random() < 0.7:
        event.blocks.append(Block("moderator", moderator.label(), [rng.choice(CLOSING_CALLS)]))
        if rng.random() < 0.5:
            event.blocks.append(Block("answer", principal.label(), [rng.choice(("Thank you.", "Thank you so much."))]))


def _follow_up(
    rng: random.Random, number: int, previous: tuple[QuestionTruth, Outlet, str, Label],
) -> tuple[QuestionTruth, Label]:
    """The same reporter again: the same label, or a "Follow-up question" label naming nobody."""
    truth, _, _, label = previous
    if rng.random() < 0.5:
        return replace(truth, number=number, follow_up_of=truth.number, inaudible=False), label
    label = Label(rng.choice(("Follow-up question", "Follow-up", "Q (follow-up)")), "follow_up")
    return QuestionTruth(number, label.text, label.style, None, None, truth.called_outlet, None, truth.number, False), label


def _new_question(
    rng: random.Random, number: int, style: str, outlet: Outlet, name: str, called: str | None,
) -> tuple[QuestionTruth, Label]:
    spelling = rng.choice(outlet.spellings)
    if style == "q_outlet" and rng.random() < 0.05:
        label = Label("Q (unknown)", "q_outlet")  # as in the seed: the transcriber did not catch the outlet
        return QuestionTruth(number, label.text, label.style, None, None, called, None, None, False), label
    label = reporter_label(style, name, spelling, rng)
    named = label.style in OUTLET_STYLES
    asker = name if label.style in NAMED_STYLES else None
    truth = QuestionTruth(number, label.text, label.style, outlet.name if named else None, spelling if named else None,
                          called, asker, None, False)
    return truth, label


def _call(event: Event, rng: random.Random, moderator: Voice, outlet: Outlet, name: str) -> str | None:
    """The moderator gives the floor; returns the outlet named, if any."""
    if rng.random() < 0.12:
        event.blocks.append(Block("moderator", moderator.label(), [rng.choice(UNNAMED_CALLS)]))
        return None
    text = rng.choice(CALLS).format(o=rng.choice(outlet.spellings), n=name)
    event.blocks.append(Block("moderator", moderator.label(), [text]))
    return outlet.name


def _split_question(rng: random.Random, text: str) -> list[str]:
    """Most questions are one paragraph; some put the context in a paragraph of its own."""
    sentences = text.split(". ")
    if len(sentences) > 2 and rng.random() < 0.15:
        cut = len(sentences) // 2
        return [". ".join(sentences[:cut]) + ".", ". ".join(sentences[cut:])]
    return [text]


def _add_answers(event: Event, rng: random.Random, topic: Topic, principal: Voice, guest: Voice | None) -> None:
    speakers = [principal]
    if guest is not None:
        roll = rng.random()
        speakers = [guest] if roll < 0.25 else [principal, guest] if roll < 0.45 else [principal]
    for voice in speakers:
        if voice is guest:
            add_interpretation(event, rng, event.setting.guest_language, 0.3)
        event.blocks.append(Block("answer", voice.label(), topic=topic, weight=rng.uniform(0.4, 1.6)))
