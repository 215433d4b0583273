"""A paragraph's inline tokens (from markdown-it) to source lines, one per raw line.

The inline walk: each line's tokens give its text, the bold span that
opens it, the addresses of its links and images, and its style (all
italic, all bold). Publishers' editorial tags (``<s>``, ``<ins>``...) lose
their markup and keep their words.

Also the shortcut that makes parsing a clip cheap: :func:`hollow` cuts
long runs of plain prose out of the lines before markdown-it reads them,
and the walk puts them back into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from generator.reading.source_lines import SourceLine, Style


# Characters that can start or end Markdown syntax; text between them is plain.
_SYNTAX = "*_[]()<>&\\`!#|~="
_PLAIN_RUN = re.compile(rf"[^{re.escape(_SYNTAX)}\s][^{re.escape(_SYNTAX)}]{{38,}}[^{re.escape(_SYNTAX)}\s]")
_HOLE = re.compile("\ue000(\\d+)\ue001")


def hollow(lines: list[str]) -> tuple[list[str], list[str]]:
    """Replace long runs of plain prose by short placeholders before parsing.

    markdown-it-py walks text one character at a time, and a clip is mostly
    prose: parsing it in full is the slowest step of reading a clip. A run with no syntax
    character in it parses to itself, so it is cut out (its first and last
    characters stay, keeping emphasis flanking exactly as it was) and put
    back into the text tokens afterwards. Same tokens, at a fraction of the cost.
    """
    if any("\ue000" in line or "\ue001" in line for line in lines):
        return lines, []
    runs: list[str] = []

    def cut(match: re.Match[str]) -> str:
        runs.append(match.group()[1:-1])
        return f"{match.group()[0]}\ue000{len(runs) - 1}\ue001{match.group()[-1]}"

    return [_PLAIN_RUN.sub(cut, line) for line in lines], runs


def inline_lines(
    token: Token, style: Style, lines: list[str], first_number: int, runs: list[str]
) -> Iterator[tuple[int, SourceLine]]:
    """Split an inline token at its line breaks into one SourceLine per line."""
    assert token.map is not None
    offset = token.map[0]
    parts: list[Token] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            yield offset, _line_from_children(parts, style, lines[offset], first_number + offset, runs)
            parts = []
            offset += 1
        else:
            parts.append(child)
    yield offset, _line_from_children(parts, style, lines[offset], first_number + offset, runs)


def _line_from_children(
    children: list[Token], style: Style, raw: str, number: int, runs: list[str]
) -> SourceLine:
    def restore(text: str) -> str:
        return _HOLE.sub(lambda match: runs[int(match.group(1))], text) if runs else text

    pieces: list[str] = []
    targets: list[str] = []
    strong_prefix: str | None = None
    strong_depth = 0
    strong_text: list[str] | None = None
    link_depth = 0
    outside_link = False
    emphasis_only = True
    for position, child in enumerate(children):
        kind = child.type
        if kind == "strong_open":
            strong_depth += 1
            if position == 0 or (position == 1 and not "".join(pieces).strip()):
                strong_text = []
            continue
        if kind == "strong_close":
            strong_depth -= 1
            if strong_text is not None and strong_prefix is None:
                strong_prefix = "".join(strong_text).strip()
                strong_text = None
            continue
        if kind in ("em_open", "em_close"):
            continue
        if kind == "link_open":
            link_depth += 1
            targets.append(restore(str(child.attrs.get("href", ""))))
            continue
        if kind == "link_close":
            link_depth -= 1
            continue
        if kind == "html_inline" and EDITORIAL_TAG.fullmatch(child.content):
            # "<s>2013</s> \[23\]": a publisher's correction; its words stay, its markup goes.
            continue
        if kind == "image":
            targets.append(restore(str(child.attrs.get("src", ""))))
        text = restore(child.content)
        if text.strip() and link_depth == 0:
            outside_link = True
        if text.strip() and not _inside(children, position, "em_open", "em_close"):
            emphasis_only = False
        pieces.append(text)
        if strong_text is not None and strong_depth > 0:
            strong_text.append(text)
    text = " ".join("".join(pieces).split())
    line_style = style
    if style is Style.PLAIN and text:
        if emphasis_only:
            line_style = Style.EMPHASIS
        elif strong_prefix is not None and strong_prefix == text:
            line_style = Style.STRONG
    link_only = bool(targets) and not outside_link
    return SourceLine(number, raw, text, line_style, strong_prefix or None, tuple(targets), link_only)


# Tags of emphasis and correction that publishers' Markdown carries inline; any other tag is text.
EDITORIAL_TAG = re.compile(r"</?(?:s|strike|del|ins|u|em|i|b|strong|sup|sub|mark)\s*>", re.I)


def _inside(children: list[Token], position: int, opener: str, closer: str) -> bool:
    depth = 0
    for child in children[:position]:
        if child.type == opener:
            depth += 1
        elif child.type == closer:
            depth -= 1
    return depth > 0
