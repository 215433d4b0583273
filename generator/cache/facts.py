"""What enrichment derived from each transcript alone, kept between builds.

A rebuild after one transcript changed then works out only that
transcript's entry summary, taxonomy matches and words; the corpus-wide
steps (vocabulary ids, discovery, rollups, links) run on the kept pieces.

Facts are kept by the transcript's parse key (generator.cache.parse: equal
keys, equal transcripts), within a context of the enrich and topic code
and the topic configuration: change either and no entry is used. They are
packed as long arrays (generator.cache.facts_packing), with the corpus's
words by hash kept beside them, so that new words are spelled out only once.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from generator.enrich import FactsStep, TopicConfig, TranscriptFacts
from generator.fingerprint import source_fingerprint
from generator.model import Transcript
from generator.topics.terms import Vocabulary

from .facts_packing import packed, unpacked
from .packs import PackMemory
from .table import Codec, Table, memoised

_VERSION = 2
# The code whose results are kept: a change to it makes every entry stale.
_PACKAGES = ("enrich", "topics")
_MODULES = ("model.py", "errors.py")
_NO_WORDS = Vocabulary(np.zeros(0, dtype=np.uint64), ())


class FactsCache:
    """Kept :class:`TranscriptFacts` and the corpus's words (an ``enrich.FactsMemo``), in ``folder``.

    ``key_of`` gives a transcript's parse key; a transcript without one is
    computed every time.
    """

    def __init__(
        self, folder: Path, config: TopicConfig | None, memory: PackMemory, key_of: Callable[[Transcript], str | None]
    ) -> None:
        # What the facts depend on: the topics and settings, not where topics.yaml lies (so a
        # build run from elsewhere still finds them) nor on which line each topic is (a comment
        # added above it changes no fact). Their repr holds only strings, numbers and tuples:
        # the same in every process.
        topics = None
        if config is not None:
            topics = (tuple(replace(topic, line=None) for topic in config.taxonomy.topics), config.settings)
        context = hashlib.sha256(
            f"{_VERSION}\0{source_fingerprint(_PACKAGES, _MODULES)}\0{topics!r}".encode()
        ).hexdigest()
        self._facts: Table[TranscriptFacts] = Table(folder / "facts", context, memory, codec=_PackedFacts())
        self._words: Table[Vocabulary] = Table(folder / "words", context, memory, shards=1)
        self._key_of = key_of

    def facts(self, transcripts: Sequence[Transcript], compute: FactsStep) -> tuple[list[TranscriptFacts], Vocabulary]:
        """The facts of each transcript, kept or computed, and words that spell all of them."""
        computed: list[Vocabulary] = []

        def fresh(some: Sequence[Transcript]) -> list[TranscriptFacts]:
            facts, words = compute(some)
            computed.append(words)
            return facts

        found = memoised(self._facts, transcripts, [self._key_of(t) for t in transcripts], fresh)
        kept = self._words.get("words") or _NO_WORDS
        words = kept.merged(computed[0]) if computed and computed[0].keys.size else kept
        return found, words

    def keep_words(self, vocabulary: Vocabulary) -> None:
        """Keep the words of this build's corpus for the next one."""
        kept = self._words.get("words")
        if kept is None or not np.array_equal(vocabulary.keys, kept.keys):
            self._words.put("words", vocabulary)

    def save(self) -> None:
        """Write what changed; entries this build did not use are dropped."""
        self._facts.save()
        self._words.save()

    def close(self) -> None:
        """Let go of the entries read."""
        self._facts.close()
        self._words.close()


class _PackedFacts(Codec[TranscriptFacts]):
    def encode(self, entries: Mapping[str, TranscriptFacts]) -> dict[str, Any]:
        return packed(entries)

    def decode(self, stored: dict[str, Any]) -> dict[str, TranscriptFacts]:
        return unpacked(stored) if stored else {}
