"""SourceLine, the unit every reader makes of a raw line, and plain text read into it.

Each non-blank line of a raw file becomes a :class:`SourceLine`: its text,
its number in the raw file (so that later stages can report it) and what
the file's syntax or structure said of it. Plain-text scrapes are taken
literally (:func:`plain_lines`); Markdown clips are read by
:mod:`generator.reading.markdown_clip`, captions by
:mod:`generator.reading.captions` and web pages by
:mod:`generator.reading.webpage`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Style(str, Enum):
    PLAIN = "plain"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    RULE = "rule"
    EMPHASIS = "emphasis"  # the whole line is italic: a byline or site name
    STRONG = "strong"  # the whole line is bold


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line of the raw file, as text.

    ``strong_prefix`` is the text of a bold span that opens the line (bold
    speaker labels); ``link_targets`` are the addresses of links whose text
    alone was kept; ``link_only`` says the line held nothing but links.

    Readers of structured formats say what the structure told them:
    ``chrome`` names the rule under which the line is not speech (a page's
    navigation, a caption's timestamp), so that cleaning removes and
    reports it; ``speaker_change`` says the line opens the words of a new,
    unnamed speaker (a caption's ">>" or dialogue dash, taken off ``text``).
    """

    number: int
    raw: str
    text: str
    style: Style = Style.PLAIN
    strong_prefix: str | None = None
    link_targets: tuple[str, ...] = ()
    link_only: bool = False
    blank_before: bool = False
    chrome: str | None = None
    speaker_change: bool = False


_RULE_LINE = re.compile(r"(?:[-*_=]\s*){3,}")


def plain_lines(lines: list[str], first_number: int) -> list[SourceLine]:
    """Plain text: every non-blank line as it is."""
    result = []
    blank = False
    for offset, raw in enumerate(lines):
        text = " ".join(raw.split())
        if not text:
            blank = True
            continue
        rule = Style.RULE if text[0] in "-*_=" and _RULE_LINE.fullmatch(text) else Style.PLAIN
        result.append(SourceLine(first_number + offset, raw, text, rule, blank_before=blank))
        blank = False
    return result
