"""The turns of one synthetic event, before layout: who says what, in order.

Questions, moderator calls and notes are written first; statements and
answers are then grown sentence by sentence until the transcript reaches
its drawn size, so sizes follow the archive's distribution.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from benchmarks.synthetic import chrome
from benchmarks.synthetic.labels import (
    INTERVIEW_STYLES, INTERVIEW_WEIGHTS, REPORTER_STYLES, REPORTER_WEIGHTS, Label, Voice, Who, make_voice,
    reporter_label,
)
from benchmarks.synthetic.setting import Setting, make_setting
from benchmarks.synthetic.speech import CLOSINGS, OPENINGS, Speech
from benchmarks.synthetic.topics import Topic, topics_in
from benchmarks.synthetic.truth import QuestionTruth
from benchmarks.synthetic.world import Outlet, World, outlets_in

FORMATS = ("blank", "lines", "markdown")
FORMAT_WEIGHTS = (45, 25, 30)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
ENCODING_WEIGHTS = (86, 4, 3, 7)
OUTLET_STYLES = {"q_outlet", "question_outlet", "name_outlet", "name_comma_outlet", "outlet_only"}
NAMED_STYLES = {"name_outlet", "name_comma_outlet"}
NOTES = ("(Laughter)", "(Applause)", "(Crosstalk)", "[off mic]", "(Laughs)")
INTERPRETATION = ("(Interpretation from {0})", "[Interpretation from {0}]", "(Speaks in {0}, interpreted)")
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


def compose(index: int, seed: int, world: World) -> tuple[Event, random.Random]:
    """Compose transcript ``index`` of the corpus drawn from ``seed``; returns its generator too."""
    rng = random.Random(f"{seed}:{index}")
    setting = make_setting(rng, index)
    year = setting.day.year
    encoding = rng.choices(ENCODINGS, ENCODING_WEIGHTS)[0]
    event = Event(
        setting, rng.choices(FORMATS, FORMAT_WEIGHTS)[0], encoding, "crlf" if rng.random() < 0.08 else "lf",
        chrome.pick_language(rng, latin_only=encoding == "cp1252"), _pick_topics(rng, year),
    )
    event.target = int(5000 + 24000 * rng.betavariate(2.5, 1.1))
    n_questions = min(25, max(5, round(rng.gauss(event.target / 1500, 3))))
    speech = Speech(rng, year)
    official = setting.principal
    principal = make_voice(Who(official.shown, official.surname, official.role), rng, 0.3)
    guest = make_voice(setting.guest, rng, 0.2) if setting.guest else None
    moderator = make_voice(setting.moderator, rng, 0.3) if setting.moderator else None
    _add_chrome(event, rng)
    _add_statements(event, rng, principal, guest)
    _add_questions(event, rng, speech, world, n_questions, principal, guest, moderator)
    _grow(event, rng, speech)
    for voice in (principal, guest, moderator):
        if voice is not None and voice.drifts:
            event.styles.add("drift")
    event.styles.update(b.label.style for b in event.blocks if b.label is not None)
    return event, rng


def _pick_topics(rng: random.Random, year: int) -> tuple[Topic, ...]:
    pool = list(topics_in(year))
    chosen: list[Topic] = []
    for _ in range(rng.choice((1, 2, 2, 3))):
        topic = rng.choices(pool, [t.weight for t in pool])[0]
        pool.remove(topic)
        chosen.append(topic)
    return tuple(chosen)


def _add_chrome(event: Event, rng: random.Random) -> None:
    """Website chrome above and below the text; the title line is content, not chrome."""
    lang, day, title = event.lang, event.setting.day, event.setting.title
    line = chrome.ChromeLine
    top: list[chrome.ChromeLine] = []
    if event.fmt == "markdown":
        if rng.random() < 0.8:
            top.append(line("site_link", "[nato.int](https://www.nato.int)"))
        top.append(line("title", f"# {title}"))
        if rng.random() < 0.8:
            top.append(line("site_name", "*NATO*"))
        if rng.random() < 0.8:
            top.append(chrome.reading_time(lang, event.target // 6))
        if rng.random() < 0.7:
            top.append(line("rule", "---"))
        if rng.random() < 0.6:
            top.append(line("subtitle", f"**{_subtitle(title)}**"))
        if rng.random() < 0.7:
            top.extend(chrome.language_menu(rng, lang, markdown=True))
        if rng.random() < 0.15:
            top.extend(chrome.forms(rng, lang))
        if rng.random() < 0.5:
            top.append(chrome.as_delivered(lang))
    else:
        if rng.random() < 0.7:
            target = top if rng.random() < 0.85 else event.bottom
            target.extend(chrome.forms(rng, lang))
        if rng.random() < 0.25:
            top.extend(chrome.language_menu(rng, lang, markdown=False))
        if rng.random() < 0.1:
            top.append(chrome.reading_time(lang, event.target // 6))
        if rng.random() < 0.2:
            top.append(chrome.as_delivered(lang))
        if rng.random() < 0.2:
            top.append(line("title", title))
    if rng.random() < 0.35:
        event.bottom.append(chrome.last_updated(rng, lang, day))
    if rng.random() < 0.22:
        event.bottom.extend(chrome.share(rng, lang))
    event.top = top


def _subtitle(title: str) -> str:
    """The bold line under a Markdown title: the title from "by", "with" or "of" on."""
    for word in (" by ", " with ", " of "):
        if word in title:
            return word.strip() + " " + title.split(word, 1)[1]
    return title


def _add_statements(event: Event, rng: random.Random, principal: Voice, guest: Voice | None) -> None:
    """Opening statements: unlabelled or labelled, the guest's possibly interpreted."""
    kind = event.setting.event_type
    if kind == "interview" or (kind == "qa-session" and rng.random() < 0.5):
        return
    weight = rng.uniform(2.0, 6.0) if kind != "doorstep" else rng.uniform(0.8, 2.5)
    label = principal.label() if rng.random() < 0.25 else None
    event.blocks.append(Block("statement", label, topic=event.topics[0], weight=weight))
    if guest is not None:
        _interpretation(event, rng, event.setting.guest_language, 0.5)
        event.blocks.append(Block("statement", guest.label(), topic=event.topics[-1], weight=weight * 0.6))


def _interpretation(event: Event, rng: random.Random, language: str | None, chance: float) -> None:
    if language and rng.random() < chance:
        event.blocks.append(Block("note", None, [rng.choice(INTERPRETATION).format(language)]))


def _add_questions(
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
            _interpretation(event, rng, OUTLET_LANGUAGES.get(outlet.name), 0.15)
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
            _interpretation(event, rng, event.setting.guest_language, 0.3)
        event.blocks.append(Block("answer", voice.label(), topic=topic, weight=rng.uniform(0.4, 1.6)))


def _grow(event: Event, rng: random.Random, speech: Speech) -> None:
    """Fill statements and answers until the text reaches the drawn size."""
    used = sum(_size(line.text) + 2 for line in event.top + event.bottom)
    for block in event.blocks:
        used += sum(_size(p) + 2 for p in block.paragraphs) + (_size(block.label.text) + 3 if block.label else 0)
    empty = [b for b in event.blocks if not b.paragraphs]
    remaining = max(0, event.target - used)
    weight_left = sum(b.weight for b in empty)
    statement_density = rng.choice((1, 1, 2, 3))
    for block in empty:
        assert block.topic is not None
        share = remaining * block.weight / weight_left if weight_left else 0
        weight_left -= block.weight
        if block.kind == "statement":
            block.paragraphs = _paragraphs(rng, speech, event.topics, share, statement_density, False)
            if block is event.blocks[0] or block.label is None:
                if rng.random() < 0.6:
                    block.paragraphs.insert(0, rng.choice(OPENINGS))
                if rng.random() < 0.8:
                    block.paragraphs.append(rng.choice(CLOSINGS))
        else:
            block.paragraphs = _paragraphs(rng, speech, (block.topic,), share, rng.choice((2, 3, 4, 5)), True)
        remaining -= sum(_size(p) + 2 for p in block.paragraphs)


def _paragraphs(
    rng: random.Random, speech: Speech, topics: tuple[Topic, ...], budget: float, density: int, answer: bool,
) -> list[str]:
    """Paragraphs of about ``density`` sentences until ``budget`` bytes; at least one sentence."""
    paragraphs: list[str] = []
    size = 0
    while not paragraphs or size < budget:
        topic = topics[len(paragraphs) % len(topics)]
        sentences: list[str] = []
        for _ in range(max(1, density + rng.randint(-1, 1))):
            sentences.append(speech.sentence(topic))
            size += _size(sentences[-1]) + 1
            if size >= budget:
                break
        paragraph = " ".join(sentences)
        if answer and not paragraphs:
            paragraph = speech.answer_start(paragraph)
        paragraphs.append(paragraph)
    return paragraphs


def _size(text: str) -> int:
    return len(text.encode("utf-8"))

