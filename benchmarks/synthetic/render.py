"""Lay a composed event out as raw text, with the quirks of real scrapes.

Three formats (blank line between paragraphs, one paragraph per line,
Markdown clip), label quirks (bold, a space before the colon, a label alone
on its line) and PDF page breaks that cut a sentence into two paragraphs.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from benchmarks.synthetic.event import Block, Event
from benchmarks.synthetic.labels import Label

SEPARATOR = {"blank": "\n\n", "lines": "\n", "markdown": "\n\n"}
NO_BREAK_AFTER = (".", "?", "!", ":", ";", "…")


@dataclass(frozen=True)
class Rendered:
    """The text of one transcript and what the layout put into it."""

    text: str
    page_breaks: int
    notes: int
    chrome: tuple[tuple[str, int], ...]
    quirks: frozenset[str]
    title_in_text: bool


@dataclass(frozen=True)
class _Layout:
    fmt: str
    placement: str  # "inline", "alone_blank", "alone_tight"
    space_colon: float
    colon_outside: bool
    bold_whole: bool


def render(event: Event, rng: random.Random) -> Rendered:
    """The raw text of ``event`` (LF line ends; encoding comes later)."""
    fmt = event.fmt
    layout = _Layout(
        fmt,
        rng.choices(("inline", "alone_blank", "alone_tight"), (80, 10, 10))[0],
        0.4 if rng.random() < 0.08 else 0.0,
        fmt == "markdown" and rng.random() < 0.15,
        fmt == "markdown" and rng.random() < 0.15,
    )
    quirks: set[str] = set()
    breaks = _page_breaks(event.blocks, rng)
    body = SEPARATOR[fmt].join(_block(b, layout, rng, quirks) for b in event.blocks)
    parts = []
    if event.top:
        gap = "\n" * rng.choice((2, 3, 6)) if fmt == "markdown" else SEPARATOR[fmt]
        parts.append(_chrome_text(event.top, fmt, rng) + gap)
    parts.append(body)
    if event.bottom:
        parts.append(SEPARATOR[fmt] + _chrome_text(event.bottom, fmt, rng))
    text = "".join(parts)
    if fmt == "markdown" and rng.random() < 0.5:
        text = "\n\n" + text
    if rng.random() < 0.6:
        text += "\n"
    counts = Counter(line.kind for line in event.top + event.bottom if line.kind != "title")
    return Rendered(
        text, breaks, sum(b.kind == "note" for b in event.blocks), tuple(sorted(counts.items())),
        frozenset(quirks), any(line.kind == "title" for line in event.top),
    )


def _chrome_text(lines: list, fmt: str, rng: random.Random) -> str:
    """Chrome lines: Markdown list items stay together; plain lines get one or two newlines."""
    out = []
    for i, line in enumerate(lines):
        out.append(line.text)
        if i == len(lines) - 1:
            break
        if fmt == "lines":
            out.append("\n")
        elif fmt == "markdown":
            both_items = line.text.startswith("- ") and lines[i + 1].text.startswith("- ")
            out.append("\n" if both_items else "\n\n")
        else:
            out.append("\n\n" if rng.random() < 0.7 else "\n")
    return "".join(out)


def _label(label: Label, layout: _Layout, rng: random.Random, quirks: set[str]) -> str:
    colon = ":"
    if layout.space_colon and rng.random() < layout.space_colon:
        colon = " :"
        quirks.add("space_colon")
    if layout.fmt != "markdown":
        return label.text + colon
    quirks.add("bold")
    if layout.colon_outside:
        quirks.add("bold_colon_outside")
        return f"**{label.text}**{colon}"
    return f"**{label.text}{colon}**"


def _block(block: Block, layout: _Layout, rng: random.Random, quirks: set[str]) -> str:
    sep = SEPARATOR[layout.fmt]
    paragraphs = block.paragraphs
    if block.label is None:
        return sep.join(paragraphs)
    if layout.bold_whole and block.kind == "moderator" and len(paragraphs) == 1:
        quirks.add("bold_whole")
        return f"**{block.label.text}: {paragraphs[0]}**"  # as in the seed: the whole call in bold
    label = _label(block.label, layout, rng, quirks)
    placement = "alone_blank" if rng.random() < 0.015 else layout.placement
    if placement == "alone_blank" and layout.fmt == "lines":
        placement = "alone_tight"  # one paragraph per line has no blank lines to put between
    if placement == "inline":
        return sep.join([f"{label} {paragraphs[0]}", *paragraphs[1:]])
    quirks.add(placement)
    glue = sep if placement == "alone_blank" else "\n"
    return label + glue + sep.join(paragraphs)


def _page_breaks(blocks: list[Block], rng: random.Random) -> int:
    """Cut some long paragraphs mid-sentence in place, as PDF page breaks do; returns how many."""
    if rng.random() < 0.55:
        return 0
    candidates = [
        (n, i) for n, b in enumerate(blocks) if b.kind != "note"
        for i, p in enumerate(b.paragraphs) if p.count(" ") >= 12
    ]
    chosen = rng.sample(candidates, min(rng.randint(1, 6), len(candidates)))
    # Split from the last paragraph of a block backwards so earlier indexes stay valid.
    chosen.sort(key=lambda pair: (pair[0], -pair[1]))
    done = 0
    for n, i in chosen:
        paragraphs = blocks[n].paragraphs
        cut = _cut(paragraphs[i], rng)
        if cut is not None:
            paragraphs[i : i + 1] = list(cut)
            done += 1
    return done


def _cut(paragraph: str, rng: random.Random) -> tuple[str, str] | None:
    """Split inside a sentence: before a lower-case word, or inside a capitalised name."""
    words = paragraph.split(" ")
    lower, names = [], []
    for i in range(3, len(words) - 2):
        before, after = words[i - 1], words[i]
        if before.endswith(NO_BREAK_AFTER) or ":" in " ".join(words[i : i + 6]):
            continue
        if after[:1].islower():
            lower.append(i)
        elif after[:1].isupper() and before[:1].isupper() and before[-1:].isalpha():
            names.append(i)
    pool = names if names and rng.random() < 0.25 else lower
    if not pool:
        return None
    i = rng.choice(pool)
    return " ".join(words[:i]), " ".join(words[i:])
