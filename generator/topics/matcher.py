"""Find taxonomy topics in text: whole words, case where it matters, aliases.

The taxonomy is compiled once into two Aho-Corasick automata (ahocorasick_rs,
the Rust aho-corasick crate, built as a DFA): one over lower-cased text for
ordinary phrases, one over the text as written for acronyms and case-sensitive
names. An automaton scans each text once, whatever the number of phrases,
where one combined regular expression tries its alternatives at every
position, so its cost grows with the taxonomy. The automaton reports
leftmost-longest hits; word boundaries are then checked on whole arrays
(numpy), so a corpus is matched block by block without a Python step per hit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick_rs
import numpy as np

from generator.topics.blocks import lowered, word_flags
from generator.topics.model import Match, Taxonomy, Topic
from generator.topics.phrases import (
    Literal,
    fold,
    is_word_char,
    literals_for_alias,
    literals_for_pattern,
)

_WORD_REST = re.compile(r"[^\W_]*")  # the rest of a word: letters and digits
_BLOCK = ""  # topic slug of an "exclude" phrase: claims its span, counts for nothing

Hits = tuple[np.ndarray, np.ndarray, np.ndarray]
"""(topic index, start, end) arrays, sorted by start, never overlapping."""


@dataclass(frozen=True)
class _Entry:
    topic: str  # slug, or _BLOCK
    open_end: bool


@dataclass(frozen=True, eq=False)
class _Automaton:
    """One automaton and, by pattern index, what a hit of that pattern means."""

    search: ahocorasick_rs.AhoCorasick
    topic: np.ndarray  # index into Matcher.slugs, -1 for an exclusion
    starts_word: np.ndarray  # first character is a letter or digit: check the boundary
    ends_word: np.ndarray
    open_end: np.ndarray

    def hits(self, haystack: str, codes: np.ndarray) -> Hits:
        """Leftmost-longest hits that sit on word boundaries; open ends run to the end of the word.

        ``codes`` are the code points of ``haystack`` (only the characters
        around hits are looked at). A hit that starts inside a word is
        dropped, and could in theory hide a phrase that starts within it and
        runs past that word ("farms control"); no sensible phrase does that.
        """
        raw = self.search.find_matches_as_indexes(haystack, overlapping=False)
        if not raw:
            return _empty()
        # fromiter over the flattened tuples: np.array on a list of tuples inspects each one.
        flat = np.fromiter(itertools.chain.from_iterable(raw), dtype=np.int64, count=3 * len(raw))
        index, start, end = flat.reshape(-1, 3).T
        size = codes.size
        before = (start > 0) & word_flags(codes[np.maximum(start - 1, 0)])
        after = (end < size) & word_flags(codes[np.minimum(end, size - 1)])
        open_end = self.open_end[index]
        keep = ~(self.starts_word[index] & before) & (open_end | ~(self.ends_word[index] & after))
        index, start, end, open_end = index[keep], start[keep], end[keep], open_end[keep]
        for i in np.flatnonzero(open_end).tolist():  # few: patterns ending in "*"
            rest = _WORD_REST.match(haystack, int(end[i]))
            assert rest is not None, "the rest of a word may be empty, so it matches anywhere"
            end[i] = rest.end()
        return self.topic[index], start, end


@dataclass(frozen=True, eq=False)
class Matcher:
    """A compiled taxonomy; ``slugs[i]`` is the topic of hits with index ``i``."""

    slugs: tuple[str, ...]
    _exact: _Automaton | None = field(repr=False)
    _folded: _Automaton | None = field(repr=False)

    def find(self, text: str) -> tuple[Match, ...]:
        """Every topic occurrence in ``text``, in order, never overlapping."""
        return tuple(Match(topic, s, e, text[s:e]) for topic, s, e in self.spans(text))

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """``find`` as plain (topic slug, start, end) tuples."""
        folded = fold(text)
        lower_text, codes = lowered(folded)
        topics, starts, ends = self.scan(folded, lower_text, codes)
        return [
            (self.slugs[t], int(s), int(e))
            for t, s, e in zip(topics.tolist(), starts.tolist(), ends.tolist(), strict=True)
        ]

    def scan(self, folded: str, lowered: str, codes: np.ndarray) -> Hits:
        """Hits in a folded text (and its lower-cased copy), exclusions removed.

        ``codes`` are the code points of ``lowered``. Phrases written in
        capitals are looked for in ``folded``, all others in ``lowered``;
        where a hit of one overlaps a hit of the other, the leftmost, then
        longest, then the exact-case one wins.
        """
        loose = self._folded.hits(lowered, codes) if self._folded is not None else _empty()
        exact = self._exact.hits(folded, codes) if self._exact is not None else _empty()
        topics, starts, ends = _merge(loose, exact)
        keep = topics >= 0
        return topics[keep], starts[keep], ends[keep]


def _empty() -> Hits:
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)


def _merge(loose: Hits, exact: Hits) -> Hits:
    """Resolve overlaps between two hit lists that do not overlap within themselves.

    An exact-case hit loses to a loose hit it overlaps that starts earlier,
    or at the same place and is longer; otherwise it removes every loose hit
    it overlaps. That is what one greedy leftmost-longest pass over both
    lists keeps. Usually an overlap involves one loose hit, settled on whole
    arrays; the rare longer runs are settled one by one.
    """
    if exact[0].size == 0:
        return loose
    if loose[0].size == 0:
        return exact
    l_topic, l_start, l_end = loose
    e_topic, e_start, e_end = exact
    first = np.searchsorted(l_end, e_start, side="right")  # loose hits ending after it starts
    stop = np.searchsorted(l_start, e_end, side="left")  # ... and starting before it ends
    keep_loose = np.ones(l_start.size, dtype=bool)
    keep_exact = np.ones(e_start.size, dtype=bool)
    single = np.flatnonzero(stop - first == 1)
    j = first[single]
    beaten = (l_start[j] < e_start[single]) | (
        (l_start[j] == e_start[single]) & (l_end[j] - l_start[j] > e_end[single] - e_start[single])
    )
    keep_exact[single[beaten]] = False
    keep_loose[j[~beaten]] = False
    for i in np.flatnonzero(stop - first > 1).tolist():
        span = range(int(first[i]), int(stop[i]))
        if any(
            l_start[k] < e_start[i]
            or (l_start[k] == e_start[i] and l_end[k] - l_start[k] > e_end[i] - e_start[i])
            for k in span
        ):
            keep_exact[i] = False
        else:
            keep_loose[span.start : span.stop] = False
    topics = np.concatenate([l_topic[keep_loose], e_topic[keep_exact]])
    starts = np.concatenate([l_start[keep_loose], e_start[keep_exact]])
    ends = np.concatenate([l_end[keep_loose], e_end[keep_exact]])
    order = np.argsort(starts, kind="stable")
    return topics[order], starts[order], ends[order]


def phrase_literals(topic: Topic) -> list[tuple[Literal, str]]:
    """Every literal of one topic, paired with the slug it counts for."""
    out: list[tuple[Literal, str]] = []
    for phrase in (topic.name, *topic.aliases):
        out.extend(
            (lit, topic.slug) for lit in literals_for_alias(phrase, case_sensitive=topic.case_sensitive)
        )
    for pattern in topic.patterns:
        out.extend(
            (lit, topic.slug) for lit in literals_for_pattern(pattern, case_sensitive=topic.case_sensitive)
        )
    for phrase in topic.exclude:
        out.extend((lit, _BLOCK) for lit in literals_for_alias(phrase, case_sensitive=topic.case_sensitive))
    return out


def compile_matcher(taxonomy: Taxonomy) -> Matcher:
    """Compile every phrase of the taxonomy; hit indexes follow the taxonomy's order."""
    return compile_literals(
        (lit for topic in taxonomy.topics for lit in phrase_literals(topic)),
        [t.slug for t in taxonomy.topics],
    )


def compile_literals(literals: Iterable[tuple[Literal, str]], slugs: Iterable[str] = ()) -> Matcher:
    """A matcher for explicit (literal, topic slug) pairs; ``slugs`` fixes the index order."""
    tables: dict[bool, dict[str, _Entry]] = {True: {}, False: {}}
    order = {slug: i for i, slug in enumerate(slugs)}
    for lit, slug in literals:
        if slug and slug not in order:
            order[slug] = len(order)
        table = tables[lit.case_sensitive]
        table[lit.text] = _prefer(table.get(lit.text), _Entry(slug, lit.open_end))
    return Matcher(tuple(order), _automaton(tables[True], order), _automaton(tables[False], order))


def _prefer(old: _Entry | None, new: _Entry) -> _Entry:
    """One entry per literal: a topic beats an exclusion, an open end a closed one.

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


def _automaton(table: dict[str, _Entry], order: dict[str, int]) -> _Automaton | None:
    if not table:
        return None
    texts = sorted(table)
    entries = [table[t] for t in texts]
    return _Automaton(
        search=ahocorasick_rs.AhoCorasick(
            texts,
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA,
        ),
        topic=np.array([order[e.topic] if e.topic else -1 for e in entries], dtype=np.int64),
        starts_word=np.array([is_word_char(t[0]) for t in texts], dtype=bool),
        ends_word=np.array([is_word_char(t[-1]) for t in texts], dtype=bool),
        open_end=np.array([e.open_end for e in entries], dtype=bool),
    )
