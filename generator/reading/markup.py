"""Raw lines to source lines: what each line says, with its line number.

Plain-text scrapes are taken literally. Markdown clips (made by web-clipping
tools) are parsed with markdown-it so that links, bold labels, headings and
lists are understood rather than kept as syntax; every line keeps its number
in the raw file so that later stages can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from markdown_it import MarkdownIt
from markdown_it.token import Token


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


# Kinds of Markdown syntax, each with the text any match of it holds: a
# pattern scans a whole file, a substring test is many times faster.
_MARKDOWN_SIGNALS = (
    (("#",), re.compile(r"^#{1,6} \S", re.M)),
    (("**",), re.compile(r"^\s*\*\*[^*\n]+\*\*", re.M)),
    (("](",), re.compile(r"\[[^\]\n]+\]\((?:https?://|#|/)[^)\s]*\)")),
    (("---", "***", "___"), re.compile(r"^(?:---+|\*\*\*+|___+)\s*$", re.M)),
)


def looks_like_markdown(text: str) -> bool:
    """A clip shows at least two distinct kinds of Markdown syntax."""
    shown, unread = 0, len(_MARKDOWN_SIGNALS)
    for needles, signal in _MARKDOWN_SIGNALS:
        if shown + unread < 2:
            return False  # too few kinds left to show two
        unread -= 1
        if any(needle in text for needle in needles) and signal.search(text):
            shown += 1
            if shown == 2:
                return True
    return False


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


# Characters that can start or end Markdown syntax; text between them is plain.
_SYNTAX = "*_[]()<>&\\`!#|~="
_PLAIN_RUN = re.compile(rf"[^{re.escape(_SYNTAX)}\s][^{re.escape(_SYNTAX)}]{{38,}}[^{re.escape(_SYNTAX)}\s]")
_HOLE = re.compile("\ue000(\\d+)\ue001")


def markdown_lines(lines: list[str], first_number: int) -> list[SourceLine]:
    """A Markdown clip: each source line with its syntax understood.

    Blocks of plain prose are taken as they are; only blocks with Markdown
    syntax go through markdown-it, whose line maps are translated back.
    """
    plain, marked = _partition(lines)
    parsed = {marked[line.number]: line for line in _parsed_lines([lines[offset] for offset in marked])}
    is_blank = [not line.strip() for line in lines]
    result = []
    previous = None
    for offset in sorted([*plain, *parsed]):
        blank = previous is not None and any(is_blank[previous + 1 : offset])
        if offset in parsed:
            result.append(_with_blank(replace(parsed[offset], number=first_number + offset, raw=lines[offset]), blank))
        else:
            result.append(_plain_line(lines[offset], first_number + offset, blank))
        previous = offset
    return result


_SIMPLE_LINE = re.compile(r"^[^\s*_\[\]<>&\\`!#|~=+\-0-9>][^*_\[\]<>&\\`!#|~=]*$")
_RAW_OPENERS = (
    (re.compile(r"^ {0,3}(```|~~~)"), None),
    (re.compile(r"^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)", re.I), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"^ {0,3}<!--"), re.compile(r"-->")),
)
_RAW_OPENER_STARTS = ("`", "~", "<")  # the first character after the indent of every opener


def _raw_block_opener(line: str) -> tuple[re.Match[str], re.Pattern[str] | None] | None:
    """The fence or raw HTML block a line opens, and the pattern of its closing line (None for a fence)."""
    if not line.lstrip(" ").startswith(_RAW_OPENER_STARTS):
        return None
    for opener, end in _RAW_OPENERS:
        match = opener.match(line)
        if match:
            return match, end
    return None


_SYNTAX_FREE = r"[^*_\[\]<>&\\`!#|~=]"
# "**Name (Outlet):** words": the bold label that opens most paragraphs of a clip.
_BOLD_LABEL_LINE = re.compile(rf"^\*\*(?P<strong>(?!\s){_SYNTAX_FREE}+?)\*\*(?P<rest>{_SYNTAX_FREE}*)$")
_PUNCTUATION = re.compile(r"[^\w\s]")


def _bold_label_line(line: str) -> re.Match[str] | None:
    """A line that is a bold span then plain text, and parses as such.

    CommonMark closes ``**`` after punctuation only before a space or more
    punctuation ("**Name:** words", not "**Name:**words"); such lines go
    through markdown-it like any other.
    """
    match = _BOLD_LABEL_LINE.match(line)
    if not match:
        return None
    strong, rest = match.group("strong"), match.group("rest")
    if strong[-1].isspace():
        return None
    if _PUNCTUATION.match(strong[-1]) and rest and not (rest[0].isspace() or _PUNCTUATION.match(rest[0])):
        return None
    return match


def _plain_line(raw: str, number: int, blank_before: bool) -> SourceLine:
    match = _bold_label_line(raw)
    if match is None:
        return SourceLine(number, raw, " ".join(raw.split()), blank_before=blank_before)
    strong = " ".join(match.group("strong").split())
    text = " ".join((match.group("strong") + match.group("rest")).split())
    return SourceLine(number, raw, text, Style.STRONG if strong == text else Style.PLAIN, strong,
                      blank_before=blank_before)


def _partition(lines: list[str]) -> tuple[list[int], list[int]]:
    """Offsets of lines in blocks of plain prose, and of every other line.

    A block (lines between blank lines) is plain when no line of it could
    start or hold Markdown syntax and no fence or raw HTML block is open;
    such a block parses to its own text. The other blocks keep their
    trailing blank line, so that they stay apart when parsed together.
    """
    plain: list[int] = []
    marked: list[int] = []
    block: list[int] = []
    closer: re.Pattern[str] | None = None
    fence: str | None = None

    def flush(simple: bool) -> None:
        (plain if simple else marked).extend(block)
        block.clear()

    simple = True
    for offset, line in enumerate(lines):
        if fence is not None or closer is not None:
            marked.append(offset)
            if fence is not None and line.strip().startswith(fence):
                fence = None
            elif closer is not None and closer.search(line):
                closer = None
            continue
        if not line.strip():
            flush(simple)
            if marked and marked[-1] == offset - 1:
                marked.append(offset)
            simple = True
            continue
        opened = _raw_block_opener(line)
        if opened is None:
            block.append(offset)
            simple = simple and bool(_SIMPLE_LINE.match(line) or _bold_label_line(line))
            continue
        match, end = opened
        flush(False)
        marked.append(offset)
        if end is None:
            fence = match.group(1)
        elif not end.search(line):
            closer = end
        simple = True
    flush(simple)
    return plain, marked


def _parsed_lines(lines: list[str]) -> list[SourceLine]:
    """markdown-it over some lines; each SourceLine's number is its index in ``lines``."""
    parser_input, runs = _hollow(lines)
    tokens = _MARKDOWN.parse("\n".join(parser_input))
    found: list[SourceLine] = []
    style = Style.PLAIN
    for token in tokens:
        if token.type == "heading_open":
            style = Style.HEADING
        elif token.type == "list_item_open":
            style = Style.LIST_ITEM
        elif token.type == "hr" and token.map:
            found.append(SourceLine(token.map[0], lines[token.map[0]], "", Style.RULE))
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            # Literal blocks: keep each line's text exactly.
            for offset in range(token.map[0], token.map[1]):
                if lines[offset].strip():
                    found.append(SourceLine(offset, lines[offset], " ".join(lines[offset].split())))
        elif token.type == "inline" and token.map:
            found.extend(line for _, line in _inline_lines(token, style, lines, 0, runs))
        elif token.type in ("heading_close", "list_item_close"):
            style = Style.PLAIN
    return found


_MARKDOWN = MarkdownIt("commonmark")
# Link addresses are reported as written, not percent-encoded for HTML.
_MARKDOWN.normalizeLink = lambda url: url  # type: ignore[method-assign]
_MARKDOWN.normalizeLinkText = lambda link: link  # type: ignore[method-assign]


def _hollow(lines: list[str]) -> tuple[list[str], list[str]]:
    """Replace long runs of plain prose by short placeholders before parsing.

    markdown-it-py walks text one character at a time, and a clip is mostly
    prose: parsing it in full costs ~1 ms per KB. A run with no syntax
    character in it parses to itself, so it is cut out (its first and last
    characters stay, keeping emphasis flanking exactly as it was) and put
    back into the text tokens afterwards. Same tokens, ~10 times faster.
    """
    if any("\ue000" in line or "\ue001" in line for line in lines):
        return lines, []
    runs: list[str] = []

    def cut(match: re.Match[str]) -> str:
        runs.append(match.group()[1:-1])
        return f"{match.group()[0]}\ue000{len(runs) - 1}\ue001{match.group()[-1]}"

    return [_PLAIN_RUN.sub(cut, line) for line in lines], runs


def _with_blank(line: SourceLine, blank: bool) -> SourceLine:
    if line.blank_before == blank:
        return line
    return SourceLine(line.number, line.raw, line.text, line.style, line.strong_prefix,
                      line.link_targets, line.link_only, blank)


def _inline_lines(token: Token, style: Style, lines: list[str], first_number: int, runs: list[str]):
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
