"""Markdown clips (made by web-clipping tools) to source lines.

Links, bold labels, headings and lists are understood rather than kept as
syntax. Blocks of plain prose are taken as they are; the other blocks go
through markdown-it. Its block tokens (headings, lists, rules, literal
blocks) are read here, the words of each paragraph in
:mod:`generator.reading.markdown_inline`. Every line keeps its number in
the raw file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt

from generator.reading.markdown_inline import hollow, inline_lines
from generator.reading.source_lines import SourceLine, Style


# Kinds of Markdown syntax, each with the text any match of it holds: a
# pattern scans a whole file character by character, a substring test at memory speed.
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
    parser_input, runs = hollow(lines)
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
            found.extend(line for _, line in inline_lines(token, style, lines, 0, runs))
        elif token.type in ("heading_close", "list_item_close"):
            style = Style.PLAIN
    return found


_MARKDOWN = MarkdownIt("commonmark")
# Link addresses are reported as written, not percent-encoded for HTML.
_MARKDOWN.normalizeLink = lambda url: url  # type: ignore[method-assign]
_MARKDOWN.normalizeLinkText = lambda link: link  # type: ignore[method-assign]


def _with_blank(line: SourceLine, blank: bool) -> SourceLine:
    if line.blank_before == blank:
        return line
    return SourceLine(line.number, line.raw, line.text, line.style, line.strong_prefix,
                      line.link_targets, line.link_only, blank)
