"""Transcript text is data: make any string show literally in a Markdown page.

Python-Markdown (with attr_list and toc, as mkdocs.yml configures it) would
read HTML, emphasis, links, attribute lists and block syntax in transcript
text; Jinja-like braces must not reach any later template engine either.
Every transcript string goes through ``inline`` (inside a line) or
``paragraph`` (a whole block) before it is written into a page.

Rendering the archive escapes every character of every transcript, so each
step first asks C code whether there is anything to do: most paragraphs
hold no control character, no odd whitespace and no special character, and
pass through untouched. (``str.translate`` with a table looked every
character up in a dict and was most of the rendering time.)
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# C0 controls and DEL are dropped. STX/ETX in particular are Python-Markdown's
# own placeholder markers: text carrying them could forge stashed HTML.
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# The characters ``inline`` escapes, and how. Order matters: "&" and "\"
# first, since later replacements bring in "&" and "\"; "#" before the
# numeric references that contain it.
_REPLACEMENTS = (
    # HTML
    ("&", "&amp;"),
    # Markdown syntax, escaped with a backslash (all are in Python-Markdown's
    # ESCAPED_CHARS, so the backslash disappears on output)
    *((char, "\\" + char) for char in "\\`*_[]#"),
    ("<", "&lt;"),
    (">", "&gt;"),
    # Characters that mean something only to extensions (attr_list braces,
    # tables pipes) or to template engines, where a backslash would not help:
    # a numeric reference shows the same character.
    ("{", "&#123;"),
    ("}", "&#125;"),
    ("|", "&#124;"),
)
_SPECIAL = re.compile("[" + re.escape("".join(char for char, _ in _REPLACEMENTS)) + "]")

# Block syntax at the start of a line: lists, rules, admonitions, fences.
_BLOCK_START = frozenset("-+!~")
_LIST_OR_RULE = re.compile(r"^([-+!])")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
_FENCE = re.compile(r"^~")


def plain(text: str) -> str:
    """The text on one line: control characters dropped, whitespace runs made one space."""
    # Printable text has no control character and no whitespace but " ":
    # only doubled or outer spaces could still change.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(_DROP.sub("", text).split())


def inline(text: str) -> str:
    """Markdown for ``text`` shown literally inside a line (heading, link text, list item)."""
    text = plain(text)
    if _SPECIAL.search(text) is None:
        return text
    for char, replacement in _REPLACEMENTS:
        text = text.replace(char, replacement)
    return text


def paragraph(text: str) -> str:
    """Markdown for ``text`` shown literally as a whole paragraph."""
    return block_start(inline(text))


def block_start(markdown: str) -> str:
    """Escape what would open a block (list, rule, fence) at the start of a line."""
    first = markdown[:1]
    if first not in _BLOCK_START and not first.isdigit():
        return markdown
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
