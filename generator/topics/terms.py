"""Words of every unit as vocabulary ids, read once for similarity and discovery.

The blocks read here hold each unit's question and the first ``lead_chars``
characters of its answer or statement (see ``TopicSettings.lead_chars``
and ``corpus_batches``). Words are
runs of letters, lower-cased, with inner hyphens ("build-up"); numbers are
left out. Tokenising runs on whole blocks with numpy: word boundaries come
from character classes and each word is identified by a 64-bit polynomial
hash of its letters, so no Python code runs per word.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

import numpy as np
from generator.topics.blocks import Block, char_classes
from generator.topics.stopwords import ENGLISH_STOP_WORDS

# Words that never start or end a discovered phrase, on top of English stop
# words: the archive's own vocabulary, said in every transcript.
DOMAIN_WORDS = frozenset(
    """
    nato allies ally alliance allied secretary general spokesperson question questions answer
    thank thanks today yesterday tomorrow week weeks month months year years time times day days
    way ways think know say said says want wants like just really mr ms mrs dr sir madam president
    minister prime ambassador meeting meetings issue issues course fact lot lots thing things
    important different many several new good great clear clearly make made need needs needed
    let point also yes okay ok mean whether able go going come coming take taking look looking
    believe believes seen see sure told tell ready continue continues continued working work
    discussion discussions discuss discussed part kind sort countries country nation nations
    """.split()
)

_BASE = 0x9E3779B97F4A7C15  # odd, so invertible modulo 2**64
_INVERSE = pow(_BASE, -1, 1 << 64)
_MIX = 0xC2B2AE3D27D4EB4F
_MASK = (1 << 64) - 1
_NONE = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, eq=False)
class Terms:
    """Every kept word of the corpus, in reading order.

    ``break_after[i]`` is true when punctuation, or the end of a text, lies
    between word ``i`` and word ``i + 1``. ``in_topic[i]`` is true when the
    word is part of a taxonomy match. ``stop[id]`` is true for stop words,
    the archive's own words and one-letter words.
    """

    vocabulary: tuple[str, ...]  # id -> word
    ids: np.ndarray  # int64 per word
    units: np.ndarray  # int64 per word: unit row
    in_question: np.ndarray  # bool per word
    break_after: np.ndarray  # bool per word
    in_topic: np.ndarray  # bool per word
    stop: np.ndarray  # bool per vocabulary id


def word_hash(word: str) -> int:
    """The hash ``read_terms`` gives a lower-cased word (for looking words up)."""
    value = 0
    power = 1
    for char in word:
        value = (value + ord(char) * power) & _MASK
        power = (power * _BASE) & _MASK
    return _finish(value, len(word))


def _finish(value: int, length: int) -> int:
    return ((value ^ (length * _MIX)) * _MIX) & _MASK


class _Powers:
    """Powers of the base and of its inverse modulo 2**64, grown on demand."""

    def __init__(self) -> None:
        self._both = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))

    def upto(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        if self._both[0].size < size:
            with np.errstate(over="ignore"):
                up = np.cumprod(_first_one(np.full(size, _BASE, dtype=np.uint64)), dtype=np.uint64)
                down = np.cumprod(_first_one(np.full(size, _INVERSE, dtype=np.uint64)), dtype=np.uint64)
            self._both = (up, down)
        up, down = self._both
        return up[:size], down[:size]


@dataclass(frozen=True, eq=False)
class BlockWords:
    """The words of one block, before they get vocabulary ids."""

    hashes: np.ndarray
    units: np.ndarray
    in_question: np.ndarray
    break_after: np.ndarray
    in_topic: np.ndarray
    text: str  # the block's lower-cased text, for the spelling of new words
    starts: np.ndarray
    ends: np.ndarray


Spans = tuple[np.ndarray, np.ndarray]
"""(starts, ends) of taxonomy matches in a block."""


class TermReader:
    """Tokenises blocks one by one (``add``), then gives the corpus's ``Terms``."""

    def __init__(self) -> None:
        self._powers = _Powers()
        self._vocabulary = _Vocabulary()
        self._parts: list[BlockWords] = []

    def read(self, block: Block, topics: Spans | None = None) -> BlockWords:
        """The words of one block; ``topics`` marks words inside taxonomy matches.

        ``add`` the results in block order.
        """
        return _block_words(block, self._powers, topics)

    def add(self, words: BlockWords) -> None:
        """Take the words of one block into the corpus (in order: ids depend only on content)."""
        self._vocabulary.add(words.hashes, words.text, words.starts, words.ends)
        # The text is no longer needed once new words are spelled out.
        self._parts.append(dataclasses.replace(words, text="", starts=_NONE, ends=_NONE))

    def terms(self) -> Terms:
        """Every word read so far, with vocabulary ids."""
        parts = self._parts
        hashes, units, in_question, break_after, in_topic = (
            np.concatenate([getattr(p, name) for p in parts]) if parts else np.zeros(0, dtype=dtype)
            for name, dtype in (("hashes", np.uint64), ("units", np.int64), ("in_question", bool),
                                ("break_after", bool), ("in_topic", bool))
        )
        vocabulary = self.vocabulary()
        ids = vocabulary.ids_of(hashes)
        assert ids is not None, "every word read is in the vocabulary"
        return terms_of(vocabulary, ids, units, in_question, break_after, in_topic)

    def vocabulary(self) -> Vocabulary:
        """The words read so far, by hash."""
        keys = self._vocabulary.keys
        return Vocabulary(keys, tuple(self._vocabulary.words[int(key)] for key in keys.tolist()))


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Words by hash: ``words[i]`` is the word whose hash is ``keys[i]`` (sorted)."""

    keys: np.ndarray  # uint64, sorted, distinct
    words: tuple[str, ...]

    def merged(self, other: Vocabulary) -> Vocabulary:
        """The words of both (a hash stands for one word, so either spelling will do)."""
        keys, first = np.unique(np.concatenate([self.keys, other.keys]), return_index=True)
        both = self.words + other.words
        return Vocabulary(keys, tuple(both[i] for i in first.tolist()))

    def ids_of(self, hashes: np.ndarray) -> np.ndarray | None:
        """The position of each hash in ``keys`` (int64); None if one is missing."""
        keys = self.keys
        ids = np.searchsorted(keys, hashes).astype(np.int64)
        if ids.size and (int(ids.max()) >= keys.size or not np.array_equal(keys[ids], hashes)):
            return None
        return ids

    def exactly(self, hashes: np.ndarray) -> tuple[Vocabulary, np.ndarray] | None:
        """The words of these hashes and no others, and each hash's id in them; None if one is missing."""
        ids = self.ids_of(hashes)
        if ids is None:
            return None
        used = np.zeros(self.keys.size, dtype=bool)
        used[ids] = True
        if used.all():
            return self, ids
        renumber = np.cumsum(used) - 1
        return Vocabulary(self.keys[used], tuple(itertools.compress(self.words, used.tolist()))), renumber[ids]


def terms_of(
    vocabulary: Vocabulary,
    ids: np.ndarray,
    units: np.ndarray,
    in_question: np.ndarray,
    break_after: np.ndarray,
    in_topic: np.ndarray,
) -> Terms:
    """The corpus's ``Terms`` from its words in reading order, as ids in ``vocabulary``, which holds exactly them."""
    keys, words = vocabulary.keys, vocabulary.words
    if not ids.size:
        return Terms(
            vocabulary=(),
            ids=np.zeros(0, dtype=np.int64),
            units=np.zeros(0, dtype=np.int64),
            in_question=np.zeros(0, dtype=bool),
            break_after=np.zeros(0, dtype=bool),
            in_topic=np.zeros(0, dtype=bool),
            stop=np.zeros(0, dtype=bool),
        )
    stop_hashes = np.array(sorted({word_hash(w) for w in ENGLISH_STOP_WORDS | DOMAIN_WORDS}), dtype=np.uint64)
    stop = np.isin(keys, stop_hashes) | np.fromiter((len(w) < 2 for w in words), dtype=bool, count=len(words))
    return Terms(
        vocabulary=words,
        ids=ids,  # ids follow hash order: arbitrary but fixed, so results are deterministic
        units=units,
        in_question=in_question,
        break_after=break_after,
        in_topic=in_topic,
        stop=stop,
    )


class _Vocabulary:
    """Hashes seen so far (sorted) and the word each stands for.

    Only words not seen in earlier blocks are sorted and sliced out of the
    text: after the first blocks, nearly every word is known.
    """

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint64)
        self.words: dict[int, str] = {}

    def add(self, hashes: np.ndarray, text: str, starts: np.ndarray, ends: np.ndarray) -> None:
        if self.keys.size:
            at = np.minimum(np.searchsorted(self.keys, hashes), self.keys.size - 1)
            fresh = np.flatnonzero(self.keys[at] != hashes)
        else:
            fresh = np.arange(hashes.size)
        if fresh.size == 0:
            return
        new, first = np.unique(hashes[fresh], return_index=True)
        for key, i in zip(new.tolist(), fresh[first].tolist(), strict=True):
            self.words[key] = text[starts[i] : ends[i]]
        self.keys = np.union1d(self.keys, new)


def _block_words(block: Block, powers: _Powers, topics: Spans | None) -> BlockWords:
    text = block.lowered
    size = len(text)
    codes = block.codes
    _word, alpha, breaks = char_classes(codes)
    hyphen = codes == ord("-")
    # A hyphen between two letters belongs to the word ("build-up").
    joining = np.zeros(size, dtype=bool)
    if size > 2:
        joining[1:-1] = hyphen[1:-1] & alpha[:-2] & alpha[2:]
    inside = alpha | joining
    edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    segments = block.segment_of(starts)
    question = block.segment_part[segments] == 0
    up, down = powers.upto(size + 1)
    with np.errstate(over="ignore"):
        prefix = np.zeros(size + 1, dtype=np.uint64)
        np.cumsum(codes.astype(np.uint64) * up[:size], dtype=np.uint64, out=prefix[1:])
        raw = (prefix[ends] - prefix[starts]) * down[starts]
        lengths = (ends - starts).astype(np.uint64)
        hashes = ((raw ^ (lengths * np.uint64(_MIX))) * np.uint64(_MIX)).astype(np.uint64)
    stops = breaks | (hyphen & ~joining)
    counted = np.concatenate(([0], np.cumsum(stops)))
    break_after = np.ones(starts.size, dtype=bool)
    if starts.size > 1:
        break_after[:-1] = (counted[starts[1:]] - counted[ends[:-1]]) > 0
        break_after[:-1] |= segments[1:] != segments[:-1]
    in_topic = np.zeros(starts.size, dtype=bool)
    if topics is not None and topics[0].size:
        # +1 where a match starts, -1 where it ends: positive inside matches.
        depth = np.cumsum(
            np.bincount(topics[0], minlength=size + 1) - np.bincount(topics[1], minlength=size + 1)
        )
        in_topic = depth[starts] > 0
    return BlockWords(
        hashes, block.segment_unit[segments], question, break_after, in_topic, text, starts, ends
    )


def _first_one(values: np.ndarray) -> np.ndarray:
    values[0] = 1
    return values
