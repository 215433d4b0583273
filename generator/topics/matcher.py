"""Find taxonomy topics in text: whole words, case where it matters, aliases.

The taxonomy is compiled once into two Aho-Corasick automata (ahocorasick_rs,
the Rust aho-corasick crate, built as a DFA): one over lower-cased text for
ordinary phrases, one over the text as written for acronyms and case-sensitive
names. An automaton scans each text once, whatever the number of phrases,
where one combined regular expression tries its alternatives at every
position: on a 28 kB transcript with this archive's taxonomy the automaton
takes about 0.2 ms, a trie-shaped regex about 2 ms. Hits are then kept only at
word boundaries and overlaps resolved leftmost-longest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick_rs

from generator.topics.model import Match, Taxonomy, Topic
from generator.topics.phrases import (
    Literal,
    fold,
    is_word_char,
    literals_for_alias,
    literals_for_pattern,
    lower_same_length,
)

_BLOCK = ""  # topic slug of an "exclude" phrase: claims its span, counts for nothing


@dataclass(frozen=True)
class _Entry:
    length: int
    topic: str  # slug, or _BLOCK
    open_end: bool
    starts_word: bool  # first character is a letter or digit: check the boundary
    ends_word: bool


@dataclass(frozen=True)
class _Automaton:
    """One automaton and the entry of each of its patterns, by pattern index."""

    search: ahocorasick_rs.AhoCorasick
    entries: tuple[_Entry, ...]


@dataclass(frozen=True, eq=False)
class Matcher:
    """A compiled taxonomy. ``find`` is safe to call from many places."""

    _exact: _Automaton | None = field(repr=False)
    _folded: _Automaton | None = field(repr=False)

    def find(self, text: str) -> tuple[Match, ...]:
        """Every topic occurrence in ``text``, in order, never overlapping."""
        return tuple(Match(topic, s, e, text[s:e]) for topic, s, e in self.spans(text))

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """``find`` as plain (topic slug, start, end) tuples, for bulk counting."""
        folded = fold(text)
        hits: list[tuple[int, int, int, str]] = []  # (start, -length, rank, topic)
        if self._exact is not None:
            _collect(self._exact, folded, folded, 0, hits)
        if self._folded is not None:
            _collect(self._folded, lower_same_length(folded), folded, 1, hits)
        return _resolve(hits)


def phrase_literals(topic: Topic) -> list[tuple[Literal, str]]:
    """Every literal of one topic, paired with the slug it counts for."""
    out: list[tuple[Literal, str]] = []
    for phrase in (topic.name, *topic.aliases):
        out.extend((lit, topic.slug) for lit in literals_for_alias(phrase, case_sensitive=topic.case_sensitive))
    for pattern in topic.patterns:
        out.extend((lit, topic.slug) for lit in literals_for_pattern(pattern, case_sensitive=topic.case_sensitive))
    for phrase in topic.exclude:
        out.extend((lit, _BLOCK) for lit in literals_for_alias(phrase, case_sensitive=topic.case_sensitive))
    return out


def compile_matcher(taxonomy: Taxonomy) -> Matcher:
    """Compile every phrase of the taxonomy into the two automata."""
    return compile_literals(lit for topic in taxonomy.topics for lit in phrase_literals(topic))


def compile_literals(literals: Iterable[tuple[Literal, str]]) -> Matcher:
    """A matcher for explicit (literal, topic slug) pairs."""
    tables: dict[bool, dict[str, _Entry]] = {True: {}, False: {}}
    for lit, slug in literals:
        entry = _Entry(
            length=len(lit.text),
            topic=slug,
            open_end=lit.open_end,
            starts_word=is_word_char(lit.text[0]),
            ends_word=is_word_char(lit.text[-1]),
        )
        table = tables[lit.case_sensitive]
        table[lit.text] = _prefer(table.get(lit.text), entry)
    return Matcher(_automaton(tables[True]), _automaton(tables[False]))


def _prefer(old: _Entry | None, new: _Entry) -> _Entry:
    """One entry per literal: a topic beats a blocker, an open end a closed one.

    Two different topics never share a literal: taxonomy validation refuses
    that, so the smaller slug winning here only keeps the result stable.
    """
    if old is None:
        return new
    if (old.topic == _BLOCK) != (new.topic == _BLOCK):
        return new if old.topic == _BLOCK else old
    if old.topic != new.topic:
        return min(old, new, key=lambda e: e.topic)
    return new if new.open_end else old


def _automaton(table: dict[str, _Entry]) -> _Automaton | None:
    if not table:
        return None
    texts = sorted(table)
    # Overlapping search reports every phrase at every position; boundaries
    # and overlaps are settled afterwards, so a hit inside a word cannot hide
    # a real one that starts within it.
    search = ahocorasick_rs.AhoCorasick(texts, implementation=ahocorasick_rs.Implementation.DFA)
    return _Automaton(search, tuple(table[t] for t in texts))


def _collect(
    automaton: _Automaton,
    haystack: str,
    folded: str,
    rank: int,
    hits: list[tuple[int, int, int, str]],
) -> None:
    """Hits that sit on word boundaries; open ends run to the end of the word."""
    size = len(folded)
    entries = automaton.entries
    word = str.isalnum  # is_word_char, without a Python call per hit
    append = hits.append
    for index, start, end in automaton.search.find_matches_as_indexes(haystack, overlapping=True):
        entry = entries[index]
        if entry.starts_word and start > 0 and word(folded[start - 1]):
            continue
        if entry.open_end:
            while end < size and word(folded[end]):
                end += 1
        elif entry.ends_word and end < size and word(folded[end]):
            continue
        append((start, start - end, rank, entry.topic))


def _resolve(hits: list[tuple[int, int, int, str]]) -> list[tuple[str, int, int]]:
    """Leftmost, then longest, then exact-case wins; blockers are dropped last."""
    hits.sort()
    out: list[tuple[str, int, int]] = []
    reached = 0
    for start, negative_length, _rank, topic in hits:
        if start < reached:
            continue
        reached = start - negative_length
        if topic != _BLOCK:
            out.append((topic, start, reached))
    return out
