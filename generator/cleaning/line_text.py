"""What cleaning asks of a line's text, whichever rule asks it.

Whether the text ends a sentence, its words, the chrome terms it holds and
the kind of chrome they point to, the text without the bullet a web page's
list put before it, and the key under which the corpus-wide census counts
a raw line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from generator.cleaning.vocabulary import CHROME_PATTERN
from generator.reading.decode import holds_any


_BULLET = re.compile(r"^(?:[•·▪‣◦*\-–|]+\s*)+")


def unbulleted(text: str) -> str:
    """A header line without the bullet or pipe a web page's list put before it ("• Last updated: ...")."""
    # A line's text comes with its spaces collapsed and trimmed: only a bullet needs taking off.
    return _BULLET.sub("", text).strip() if text[:1] in "•·▪‣◦*-–|" else text


# A sentence ends on one of these, perhaps followed by closing quotes and brackets.
_TERMINATORS = ".!?…:;"
_CLOSERS = "\"'”’)]"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, without punctuation."""
    return [word.casefold() for word in _WORD.findall(text)]


def ends_sentence(text: str) -> bool:
    """Whether the text ends on a full stop, question mark, colon..., perhaps inside quotes or brackets."""
    # Read from the end: a search for the pattern would try every position of a long paragraph.
    last = text.rstrip().rstrip(_CLOSERS)[-1:]
    return bool(last) and last in _TERMINATORS


def vocabulary_hits(text: str) -> dict[str, int]:
    """How many chrome terms of each group the text holds."""
    return dict(_vocabulary_hits(text))


@lru_cache(maxsize=1 << 12)
def _vocabulary_hits(text: str) -> tuple[tuple[str, int], ...]:
    """vocabulary_hits, cached: the pattern tries every alternative at every word, the edge-zone rules
    ask about most lines two or three times, and chrome lines recur across files."""
    hits: dict[str, int] = {}
    for match in CHROME_PATTERN.finditer(text):
        group = (match.lastgroup or "").replace("_", "-")
        hits[group] = hits.get(group, 0) + 1
    return tuple(hits.items())


# When a line names terms of several forms, the more specific form names it.
_KIND_ORDER = ("newsletter-form", "cookie-notice", "site-menu", "account-form", "form-field")


def chrome_kind(hits: Mapping[str, int]) -> str:
    """The kind of chrome a line's terms point to."""
    return max(hits, key=lambda kind: (hits[kind], -_KIND_ORDER.index(kind)))


_LONGEST_COUNTED_LINE = 300
# Markdown syntax around a line's words: "**Register**" and "Register" are one line to the census.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SYNTAX = re.compile(r"^\s*(?:[-+]|\d+[.)])\s+|[*_#>`\[\]]")
_SYNTAX_CHARACTERS = "*_#>`[]"
_LIST_STARTS = frozenset("-+0123456789")


def corpus_key(raw: str) -> str:
    """The form under which a raw line is counted across files ("" for lines not counted).

    Chrome lines are short; paragraphs of speech are long and would only
    fill the census, so lines over 300 characters are left out of it. The
    key is made from the raw line, so that it can be counted without
    parsing the file's Markdown.
    """
    if len(raw) > _LONGEST_COUNTED_LINE:
        return ""
    if "](" in raw:
        raw = _LINK_TARGET.sub("]", raw)
    if holds_any(raw, _SYNTAX_CHARACTERS) or raw.lstrip()[:1] in _LIST_STARTS:
        raw = _SYNTAX.sub("", raw)
    return " ".join(raw.casefold().split())
