"""Unit texts packed into large blocks, with per-character classes as arrays.

Matching and tokenising run once per block of about a million characters
rather than once per text: the automaton and numpy do the per-character
work, so Python only loops over blocks, never over words or matches.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from generator.topics.phrases import fold
from generator.topics.units import Unit

SEPARATOR = "\x00"
"""Joins texts in a block; no phrase contains it, so no match spans two texts."""

BLOCK_CHARS = 1 << 20

# Punctuation that ends a phrase for discovery (after folding: curly quotes
# are '"', dashes are '-', and a free-standing '-' is handled separately).
_BREAKS = '.,;:!?()[]"\x00'

_PLANE = 1 << 16  # the Basic Multilingual Plane: looked up in tables
_ASCII_BREAKS = np.array([chr(c) in _BREAKS for c in range(256)], dtype=bool)


@functools.cache
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Lower-case, word, letter and break flags of every BMP character.

    Built once per process (a few tens of milliseconds) so that classifying
    a block is array indexing, whatever its script.
    """
    chars = [chr(c) for c in range(_PLANE)]
    lower = np.array([ord(c.lower()) if len(c.lower()) == 1 else ord(c) for c in chars], dtype=np.uint32)
    word = np.array([c.isalnum() for c in chars], dtype=bool)
    alpha = np.array([c.isalpha() for c in chars], dtype=bool)
    breaks = np.zeros(_PLANE, dtype=bool)
    breaks[[ord(c) for c in _BREAKS]] = True
    return lower, word, alpha, breaks


@dataclass(frozen=True, eq=False)
class Block:
    """Consecutive texts of consecutive units.

    Segment ``s`` is text ``texts[s]`` of unit ``segment_unit[s]``; part 0 is
    what was asked, part 1 the answer or statement.
    """

    folded: str
    lowered: str
    codes: np.ndarray  # code points of ``lowered`` (uint8 when ASCII)
    offsets: np.ndarray  # int64, start of each segment
    segment_unit: np.ndarray  # int64
    segment_part: np.ndarray  # int8

    def segment_of(self, positions: np.ndarray) -> np.ndarray:
        """The segment each character position falls in."""
        return np.searchsorted(self.offsets, positions, side="right") - 1


def codes_of(text: str) -> np.ndarray:
    """The code points of ``text`` (one byte each when it is ASCII)."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def word_flags(codes: np.ndarray) -> np.ndarray:
    """Whether each code point is a letter or a digit (``str.isalnum``)."""
    if codes.dtype == np.uint8:
        lower = codes | np.uint8(0x20)  # ASCII letters of either case
        return ((lower - np.uint8(ord("a"))) < 26) | ((codes - np.uint8(ord("0"))) < 10)
    return char_classes(codes)[0]


def char_classes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(word, alpha, break) flags of every code point."""
    if codes.dtype == np.uint8:
        # ASCII: comparisons beat table lookups tenfold.
        alpha = ((codes | np.uint8(0x20)) - np.uint8(ord("a"))) < 26
        return alpha | ((codes - np.uint8(ord("0"))) < 10), alpha, np.take(_ASCII_BREAKS, codes)
    _lower, word, alpha, breaks = _tables()
    if codes.size == 0 or int(codes.max()) < _PLANE:
        return word[codes], alpha[codes], breaks[codes]
    inside = codes < _PLANE
    plane = np.where(inside, codes, 0)
    word_flags, alpha_flags, break_flags = word[plane] & inside, alpha[plane] & inside, breaks[plane] & inside
    for code in np.unique(codes[~inside]).tolist():  # beyond the BMP: rare, one by one
        at = codes == code
        word_flags[at] = chr(code).isalnum()
        alpha_flags[at] = chr(code).isalpha()
    return word_flags, alpha_flags, break_flags


def lowered(folded: str) -> tuple[str, np.ndarray]:
    """``lower_same_length(folded)`` and its code points, via tables for wide text."""
    if folded.isascii():
        text = folded.lower()
        return text, codes_of(text)
    codes = codes_of(folded)
    lower = _tables()[0]
    inside = codes < _PLANE
    low = np.where(inside, lower[np.where(inside, codes, 0)], codes).astype("<u4")
    return low.tobytes().decode("utf-32-le"), low


def make_block(texts: Sequence[str], units: Sequence[int], parts: Sequence[int]) -> Block:
    """One block of the given texts."""
    folded = fold(SEPARATOR.join(texts))
    lower_text, codes = lowered(folded)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(texts) else np.zeros(0, dtype=np.int64)
    return Block(
        folded=folded,
        lowered=lower_text,
        codes=codes,
        offsets=offsets,
        segment_unit=np.asarray(units, dtype=np.int64),
        segment_part=np.asarray(parts, dtype=np.int8),
    )


def corpus_batches(
    units: Sequence[Unit], lead_chars: int | None = None, limit: int = BLOCK_CHARS
) -> Iterator[Batch]:
    """The texts of all units, two segments per unit, in batches of about ``limit`` characters.

    A batch becomes a ``Block`` with ``batch.block()``; batches are
    independent, so a block is made only when it is used.

    With ``lead_chars``, each answer or statement is cut to its first
    ``lead_chars`` characters (questions are kept whole).

    Texts that fold to ASCII (nearly all English text) go to ASCII blocks,
    which Python lower-cases and numpy classifies byte by byte; the few
    others go to their own blocks, classified through Unicode tables. A block
    therefore need not hold its units in order: every segment names its unit.
    """
    pending = {True: Batch(), False: Batch()}
    for row, unit in enumerate(units):
        answered = unit.answered if lead_chars is None else unit.answered[:lead_chars]
        for part, text in ((0, unit.asked), (1, answered)):
            if not text.isascii():
                text = fold(text)
            ascii_only = text.isascii()
            pending[ascii_only].add(text, row, part)
            if pending[ascii_only].size >= limit:
                yield pending[ascii_only]
                pending[ascii_only] = Batch()
    for batch in pending.values():
        if batch.texts:
            yield batch


def segment_shapes(units: Sequence[Unit], lead_chars: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Whether each segment of ``corpus_batches`` goes to an ASCII block, and its length.

    Segments are numbered as ``corpus_batches`` takes them: ``2 * row`` is
    what unit ``row`` asked, ``2 * row + 1`` its answer or statement.
    """
    flags = np.zeros(2 * len(units), dtype=bool)
    sizes = np.zeros(2 * len(units), dtype=np.int64)
    segment = 0
    for unit in units:
        answered = unit.answered if lead_chars is None else unit.answered[:lead_chars]
        for text in (unit.asked, answered):
            flags[segment] = text.isascii() or fold(text).isascii()  # folding keeps the length
            sizes[segment] = len(text)
            segment += 1
    return flags, sizes


def batch_order(ascii_only: np.ndarray, sizes: np.ndarray, limit: int = BLOCK_CHARS) -> np.ndarray:
    """The segments in the order the blocks of ``corpus_batches`` hold them.

    ``ascii_only`` and ``sizes`` are those of :func:`segment_shapes`. Lets
    results saved per segment be laid out as one run over the whole corpus
    would have made them, without the texts.
    """
    batches: list[tuple[tuple[int, int], np.ndarray]] = []  # (when it is given out, its segments)
    for kind, last in ((True, 0), (False, 1)):  # at the end, the ASCII batch is given out first
        members = np.flatnonzero(ascii_only == kind)
        ends = np.cumsum(sizes[members] + 1)  # a Batch counts one separator per text
        start = 0
        while start < members.size:
            before = ends[start - 1] if start else 0
            # The batch is given out at the text that brings it to the limit.
            full = int(np.searchsorted(ends, before + limit, side="left"))
            if full >= members.size:
                batches.append(((sizes.size, last), members[start:]))
                break
            batches.append(((int(members[full]), 0), members[start : full + 1]))
            start = full + 1
    batches.sort(key=lambda batch: batch[0])
    return np.concatenate([segments for _, segments in batches]) if batches else np.zeros(0, dtype=np.int64)


class Batch:
    """Texts gathered for one block."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.units: list[int] = []
        self.parts: list[int] = []
        self.size = 0

    def add(self, text: str, unit: int, part: int) -> None:
        self.texts.append(text)
        self.units.append(unit)
        self.parts.append(part)
        self.size += len(text) + 1

    def block(self) -> Block:
        """The block of these texts."""
        return make_block(self.texts, self.units, self.parts)
