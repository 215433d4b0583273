"""Transcript text is data: make any string show literally in a Markdown page.

Python-Markdown (with attr_list and toc, as mkdocs.yml configures it) would
read HTML, emphasis, links, attribute lists and block syntax in transcript
text; Jinja-like braces must not reach any later template engine either.
Every transcript string goes through ``inline`` (inside a line) or
``paragraph`` (a whole block) before it is written into a page.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# C0 controls and DEL. STX/ETX in particular are Python-Markdown's own
# placeholder markers: text carrying them could forge stashed HTML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Markdown syntax characters escaped with a backslash (all are in
# Python-Markdown's ESCAPED_CHARS, so the backslash disappears on output).
_BACKSLASH = re.compile(r"([\\`*_\[\]#])")

# Characters written as numeric references: they mean something only to
# extensions (attr_list braces, tables pipes) or to template engines, where
# a backslash would not help; a reference shows the same character.
_REFERENCES = {"{": "&#123;", "}": "&#125;", "|": "&#124;"}

# Block syntax at the start of a line: lists, rules, admonitions, fences.
_LIST_OR_RULE = re.compile(r"^([-+!])")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
_FENCE = re.compile(r"^~")


def plain(text: str) -> str:
    """The text on one line: control characters dropped, whitespace runs made one space."""
    return " ".join(_CONTROL.sub("", text).split())


def inline(text: str) -> str:
    """Markdown for ``text`` shown literally inside a line (heading, link text, list item)."""
    text = plain(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BACKSLASH.sub(r"\\\1", text)
    return "".join(_REFERENCES.get(char, char) for char in text)


def paragraph(text: str) -> str:
    """Markdown for ``text`` shown literally as a whole paragraph."""
    return block_start(inline(text))


def block_start(markdown: str) -> str:
    """Escape what would open a block (list, rule, fence) at the start of a line."""
    markdown = _LIST_OR_RULE.sub(r"\\\1", markdown)
    markdown = _ORDERED.sub(r"\1\\\2", markdown)
    return _FENCE.sub("&#126;", markdown)


def safe_url(url: str | None) -> str | None:
    """The URL ready for a Markdown link, or None unless it is http(s).

    A ``javascript:`` or ``data:`` source URL must never become a link.
    Characters that would end the link or break the attribute are
    percent-encoded.
    """
    if not url:
        return None
    url = plain(url)
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._[]")
