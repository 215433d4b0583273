"""The passage a topic page quotes: the words around a topic's mention, the mention marked.

The topic stage records where each unit first mentions each topic (which
text, which characters: generator.topics.mentions); this cuts the sentence
around those characters out of the text, or, when the sentence is long, a
window of whole words around them, so that every quote stays short.
"""

from __future__ import annotations

import re

from .views.topics import Passage

PASSAGE_CHARS = 240
"""Characters a quoted passage holds at most (an ellipsis at either end aside)."""

# The end of a sentence: its mark and any closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s)")
# "Mr. Putin" goes on: a title's full stop ends no sentence. (Checked on the few
# ends found: as lookbehinds in the pattern they were tried at every character.)
_TITLE = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|St|No)$")
_WORD_START = re.compile(r"^\S*\s")  # what is left of a word cut at its start, and a space
_WORD_END = re.compile(r"\s\S*$")
_CUT = ",;:.-–— "  # punctuation left hanging where a passage is cut


def passage(text: str, start: int, end: int, in_answer: bool, limit: int = PASSAGE_CHARS) -> Passage:
    """The sentence of ``text`` holding ``text[start:end]``, split around those words.

    A sentence longer than ``limit`` characters is cut to whole words around
    them, as many on each side as room allows, with an ellipsis where it is
    cut. Whitespace runs become one space.
    """
    floor = max(0, start - limit)
    ends = _sentence_ends(text, floor, start)
    first = ends[-1] if ends else 0 if floor == 0 else None  # None: no sentence start within reach
    after = next(iter(_sentence_ends(text, end, min(len(text), end + limit), 1)), None)
    last = after if after is not None else len(text) if end + limit >= len(text) else None
    if first is not None and last is not None and last - first <= limit:
        return _split(in_answer, text[first:start], text[start:end], text[end:last], False, False)
    room = max(0, limit - (end - start))
    left = min(room // 2, start - first if first is not None else room)
    right = min(room - left, last - end if last is not None else room)
    left = min(room - right, start - first if first is not None else room)  # what the right side left over
    lo, hi = start - left, end + right
    cut_left = lo != first
    cut_right = hi != last
    before, following = text[lo:start], text[end:hi]
    if cut_left and not text[lo - 1 : lo].isspace():  # drop a word cut in half
        before = _WORD_START.split(before, maxsplit=1)[-1] if _WORD_START.search(before) else ""
    if cut_right and not text[hi : hi + 1].isspace():
        following = _WORD_END.split(following, maxsplit=1)[0] if _WORD_END.search(following) else ""
    return _split(in_answer, before, text[start:end], following, cut_left, cut_right)


def _sentence_ends(text: str, start: int, end: int, most: int | None = None) -> list[int]:
    """Where sentences end between ``start`` and ``end`` (after their marks), the first ``most``."""
    found: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        if _TITLE.search(text, max(0, match.start() - 4), match.start()) is None:
            found.append(match.end())
            if len(found) == most:
                break
    return found


def _split(in_answer: bool, before: str, words: str, after: str, cut_left: bool, cut_right: bool) -> Passage:
    """The three pieces with their whitespace made single spaces (one kept between pieces)."""
    head = " ".join(before.split())
    tail = " ".join(after.split())
    if cut_left:
        head = "…" + head.lstrip(_CUT) if head.strip(_CUT) else "…"
    if cut_right:
        tail = tail.rstrip(_CUT) + "…" if tail.strip(_CUT) else "…"
    if head and before[-1:].isspace():
        head += " "
    if tail and after[:1].isspace():
        tail = " " + tail
    return Passage(in_answer, head, " ".join(words.split()), tail)
