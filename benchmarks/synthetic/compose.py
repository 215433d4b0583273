"""The turns of one synthetic event, before layout: who says what, in order.

Questions, moderator calls and notes are written first; statements and
answers are then grown sentence by sentence until the transcript reaches
its drawn size, so sizes follow the archive's distribution.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Container

from benchmarks.synthetic import chrome
from benchmarks.synthetic.event import Block, Event, add_interpretation
from benchmarks.synthetic.floor import add_questions
from benchmarks.synthetic.labels import Voice, Who, make_voice
from benchmarks.synthetic.setting import make_setting
from benchmarks.synthetic.speech import CLOSINGS, OPENINGS, Speech
from benchmarks.synthetic.topics import Topic, topics_in
from benchmarks.synthetic.world import World

FORMATS = ("blank", "lines", "markdown")
FORMAT_WEIGHTS = (45, 25, 30)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
ENCODING_WEIGHTS = (86, 4, 3, 7)


def compose(
    index: int, seed: int, world: World, taken: Container[tuple[dt.date, str]] = (),
) -> tuple[Event, random.Random]:
    """Compose transcript ``index`` of the corpus drawn from ``seed``; returns its generator too.

    ``taken`` holds the (day, event type) of the transcripts before it.
    """
    rng = random.Random(f"{seed}:{index}")
    setting = make_setting(rng, index, taken)
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
    add_questions(event, rng, speech, world, n_questions, principal, guest, moderator)
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
        add_interpretation(event, rng, event.setting.guest_language, 0.5)
        event.blocks.append(Block("statement", guest.label(), topic=event.topics[-1], weight=weight * 0.6))


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

