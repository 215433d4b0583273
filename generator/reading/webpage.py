"""Web pages (``.html``, ``.htm``) to source lines: every block of visible text, in page order.

The page is parsed with lxml, whose elements know the line of the raw file
they start on. Each block of text (paragraph, heading, list item, table
row; a ``<br>`` or a line of ``<pre>`` starts a new line) becomes one
:class:`SourceLine` of its visible text. Nothing visible is dropped here:
blocks outside the article are kept with ``chrome`` naming the part of the
site they belong to (see :mod:`generator.reading.page_structure`), so that
cleaning removes and reports them. Text is data: markup never reaches a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from generator.reading.decode import normalise_text
from generator.reading.page_facts import FactElements, is_fact_element, page_facts
from generator.reading.page_structure import (
    COPYRIGHT_SIGN,
    OUTSIDE,
    count_parts,
    first_rule,
    is_hidden,
    is_tooltip,
    main_content,
    mark_pull_quotes,
    part_rule,
)
from generator.reading.source_lines import SourceLine, Style

__all__ = ["Page", "page_lines", "parse_html"]

_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, encoding="utf-8", no_network=True, huge_tree=True
)
# Elements that start and end a block of text (the rest flow inside one).
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol optgroup "
    "option p pre section summary table tbody tfoot thead tr ul xmp".split()
)
_STYLES = {**dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), Style.HEADING), "li": Style.LIST_ITEM}
_BOLD = frozenset({"b", "strong"})
# "* * *" in a paragraph is a separator, as the plain-text reader takes it.
_RULE_LINE = re.compile(r"(?:[-*_=]\s*){3,}")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Page:
    """A page's lines, and the facts its markup states (see :mod:`generator.reading.page_facts`)."""

    lines: tuple[SourceLine, ...]
    facts: tuple[tuple[str, str], ...]


def parse_html(text: str) -> etree._Element | None:
    """The page's element tree, or None when it holds no element at all."""
    if not text.strip():
        return None
    try:
        # Bytes, not text: lxml refuses a str that declares its encoding, and ours is decoded already.
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None  # nothing but comments or declarations


def page_lines(text: str, first_number: int = 1) -> Page:
    """The source lines and facts of a decoded page; ``first_number`` is its first line in the file."""
    root = parse_html(text)
    if root is None:
        return Page((), ())
    counts = count_parts(root)
    article, body_text = main_content(root, counts)
    walker = _Walker(article, body_text, counts, first_number - 1)
    walker.walk(root)
    lines = mark_pull_quotes(walker.lines, walker.quoted)
    return Page(tuple(lines), page_facts(root, walker.facts))


@dataclass
class _Frame:
    """An open element and what it changes for the text inside it."""

    block: bool
    rule: str | None
    bold: bool
    link: bool
    quote: bool
    pre: bool
    header: bool
    article: bool
    body_text: bool
    style: Style | None
    tooltip: bool = False


@dataclass
class _Walker:
    """Reads the tree once, start and end of every element, gathering the text of each block."""

    article: etree._Element
    body_text: etree._Element | None
    counts: dict
    offset: int
    lines: list[SourceLine] = field(default_factory=list)
    quoted: set[int] = field(default_factory=set)  # indices of lines inside a blockquote of the article
    facts: FactElements = field(default_factory=FactElements)
    frames: list[_Frame] = field(default_factory=list)
    pieces: list[tuple[str, bool, bool]] = field(default_factory=list)  # text, bold, inside a link
    start: tuple[int, Style, str | None, bool] | None = None  # number, style, chrome, quoted
    blank: bool = True
    passed_body: bool = False
    article_prose: int = 0
    # A tooltip inside a paragraph reads apart from it: the paragraph's line is set
    # aside while the tooltip's is read, and the tooltip's line follows the paragraph's.
    set_aside: list[tuple[list[tuple[str, bool, bool]], tuple[int, Style, str | None, bool] | None]] = field(
        default_factory=list)
    deferred: list[SourceLine] = field(default_factory=list)

    def walk(self, root: etree._Element) -> None:
        self.article_prose = self.counts[self.article].prose if self.article in self.counts else 0
        containing = set(self.article.iterancestors()) | {self.article}
        walk = etree.iterwalk(root, events=("start", "end"))
        hidden: set[etree._Element] = set()
        for event, element in walk:
            if not isinstance(element.tag, str):
                if event == "end":
                    self.add(element.tail, element)
                continue
            if event == "start":
                if is_hidden(element):
                    hidden.add(element)
                    walk.skip_subtree()
                    continue
                self.enter(element, containing)
                continue
            if element in hidden:
                hidden.discard(element)
            else:
                self.leave(element)
            self.add(element.tail, element)
        self.flush()

    def enter(self, element: etree._Element, containing: set[etree._Element]) -> None:
        outer = self.frames[-1] if self.frames else None
        in_article = element is self.article or bool(outer and outer.article)
        rule = None if element in containing else part_rule(
            element, self.counts, in_article=in_article, article_prose=self.article_prose)
        tooltip = element.tag not in _BLOCKS and is_tooltip(element)
        if tooltip:
            rule = "tooltip"
        in_body = element is self.body_text or bool(outer and outer.body_text)
        # The article's header: its <header>, or what comes before the element of its body text.
        header = in_article and not in_body and not self.passed_body and (
            (outer is not None and outer.header)
            or element.tag == "header"
            or (self.body_text is not None and element is not self.article)
        )
        fact = header and is_fact_element(element)
        if fact:
            self.facts.note(element)
        if in_article and element.tag == "h1":
            self.facts.note_title(element)
        # A part of the site starts a line of its own, unless its line is of that part already
        # (a licence link inside the footer's sentence).
        changes = rule is not None and not tooltip and self._chrome(rule, in_article) != self._chrome()
        block = element.tag in _BLOCKS or changes or fact
        if block or element.tag == "br":
            self.flush(after_break=element.tag == "br" and not block)
        self.frames.append(_Frame(
            block=block,
            rule=rule,
            bold=element.tag in _BOLD or bool(outer and outer.bold),
            link=(element.tag == "a" and element.get("href") is not None) or bool(outer and outer.link),
            quote=element.tag == "blockquote" or bool(outer and outer.quote),
            pre=element.tag in ("pre", "textarea", "listing", "xmp") or bool(outer and outer.pre),
            header=header,
            article=in_article,
            body_text=in_body,
            style=_STYLES.get(element.tag, Style.PLAIN) if element.tag in _BLOCKS else None,
            tooltip=tooltip,
        ))
        if tooltip:
            self.set_aside.append((self.pieces, self.start))
            self.pieces, self.start = [], None
        if element.tag in ("td", "th"):
            self.pieces.append((" ", False, False))  # cells of a row read apart
        self.add(element.text, element)

    def leave(self, element: etree._Element) -> None:
        frame = self.frames.pop()
        if element is self.body_text:
            self.passed_body = True
        if frame.block:
            self.flush()
        if frame.tooltip:
            self.flush()
            self.pieces, self.start = self.set_aside.pop()

    def add(self, text: str | None, element: etree._Element) -> None:
        if not text:
            return
        frame = self.frames[-1] if self.frames else None
        parts = text.split("\n") if frame is not None and frame.pre else [text]
        for position, part in enumerate(parts):
            if position:
                self.flush(after_break=True)  # a line of preformatted text
            if not part:
                continue
            if self.start is None and part.strip():
                self.start = (self._number(element), self._style(), self._chrome(), bool(frame and frame.quote))
            self.pieces.append((part, bool(frame and frame.bold), bool(frame and frame.link)))

    def flush(self, *, after_break: bool = False) -> None:
        """End the current line; a break inside a block keeps the next line in the same paragraph."""
        joined = "".join(piece for piece, _, _ in self.pieces) if self.start is not None else ""
        # Most ends of blocks end no text (the spaces between tags): normalise only lines of words.
        text = " ".join(normalise_text(joined).split()) if joined else ""
        if not text or self.start is None:
            self.pieces.clear()
            self.start = None
            # After a block, or two breaks in a row (an empty line), a new paragraph starts.
            self.blank = True
            self._emit(None)
            return
        number, style, chrome, quoted = self.start
        if chrome == OUTSIDE and COPYRIGHT_SIGN in text:
            chrome = "page-footer"  # "© 2015 ...": a footer's line in any language, wherever the page put it
        if style is Style.PLAIN and _RULE_LINE.fullmatch(text):
            style = Style.RULE
        if quoted and chrome is None and not self.set_aside:
            self.quoted.add(len(self.lines))
        self._emit(SourceLine(
            number, text, text, style, _strong_prefix(self.pieces, text),
            link_only=_link_only(self.pieces), blank_before=self.blank, chrome=chrome,
        ))
        self.pieces.clear()
        self.start = None
        self.blank = not after_break

    def _emit(self, line: SourceLine | None) -> None:
        if self.set_aside:  # inside a tooltip: its line waits for the paragraph around it
            if line is not None:
                self.deferred.append(line)
            return
        if line is not None:
            self.lines.append(line)
        self.lines.extend(self.deferred)
        self.deferred.clear()

    def _number(self, element: etree._Element) -> int:
        line = element.sourceline
        if not isinstance(line, int):  # an element the parser implied (<html>, <body>) has none
            return self.lines[-1].number if self.lines else self.offset + 1
        return line + self.offset

    def _style(self) -> Style:
        return next((frame.style for frame in reversed(self.frames) if frame.style is not None), Style.PLAIN)

    def _chrome(self, extra: str | None = None, in_article: bool | None = None) -> str | None:
        """The rule of a line read here (with a part ``extra`` opened inside), None in the article's text."""
        rule = first_rule([frame.rule for frame in self.frames if frame.rule] + ([extra] if extra else []))
        if in_article is None:
            in_article = bool(self.frames and self.frames[-1].article)
        return rule or (None if in_article else OUTSIDE)


def _strong_prefix(pieces: list[tuple[str, bool, bool]], text: str) -> str | None:
    """The bold run(s) that open the line, joined across whitespace and punctuation between them.

    ``<b>Vladimir</b> <b>Putin:</b>`` and ``<b>Vladimir Putin</b><b>:</b>``
    both give "Vladimir Putin:". A label ends at its colon: bold after it is speech.
    """
    position = 0
    end = None
    for piece, bold, _ in pieces:
        if bold and piece.strip():
            if end is not None and "".join(p for p, _, _ in pieces)[:end].rstrip().endswith(":"):
                break
            end = position + len(piece)
        elif piece.strip() and (end is None or _WORD.search(piece)):
            break  # the line opens with plain text, or plain words follow the bold
        position += len(piece)
    if end is None:
        return None
    prefix = " ".join(normalise_text("".join(p for p, _, _ in pieces)[:end]).split())
    return prefix if prefix and text.startswith(prefix) else None


def _link_only(pieces: list[tuple[str, bool, bool]]) -> bool:
    """Words only inside links: separators between them ("|", ",") are not words."""
    linked = any(link and _WORD.search(piece) for piece, _, link in pieces)
    return linked and not any(not link and _WORD.search(piece) for piece, _, link in pieces)
