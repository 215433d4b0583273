"""The enrich memo: what enrichment derived from each transcript, kept between builds.

A rebuild after one transcript changed then recomputes only that
transcript's entry summary, taxonomy matches and words; the corpus-wide
steps (vocabulary ids, discovery, rollups, links) run on the saved pieces.

Entries are keyed by the transcript's parse digest (``ParsedCorpus.digests``:
the file, its sidecar, its census slice, the parser and the directory
files), within a context of the enrich and topic code and the topic
configuration: change either and no entry is used. They live in
:data:`SHARDS` pack files under ``cache_dir / "enrich"`` (as long arrays,
see :mod:`generator.enrich.packing`), with one more for the words of the
corpus by hash (new words are spelled out only once).
A missing, damaged or foreign pack only costs the time to compute again.

A process that builds again and again (``pressroom serve``) keeps the packs
it read or wrote (generator.parsing.packs.load_known).
"""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from generator.fingerprint import source_fingerprint
from generator.parsing.packs import dump_known, load_known
from generator.topics.terms import Vocabulary

from .facts import TranscriptFacts
from .packing import packed, unpacked
from .topics import TopicConfig

_VERSION = 1
# The code whose results the memo keeps: a change to it makes every entry stale.
_PACKAGES = ("enrich", "topics")
_MODULES = ("model.py", "errors.py")
SHARDS = 16
_EMPTY = Vocabulary(np.zeros(0, dtype=np.uint64), ())


class EnrichMemo:
    """Saved :class:`TranscriptFacts` by parse digest, and the corpus's words, in one folder.

    ``get`` what is saved, ``put`` what was computed, then ``save``: entries
    not asked for nor put in this build are dropped.
    """

    def __init__(self, cache_dir: Path, config: TopicConfig | None) -> None:
        # What the facts depend on: the topics and settings, not where topics.yaml lies (so a
        # build run from elsewhere still finds them). Their repr holds only strings, numbers
        # and tuples: the same in every process.
        topics = (config.taxonomy.topics, config.settings) if config is not None else None
        self._context = hashlib.sha256(
            f"{_VERSION}\0{source_fingerprint(_PACKAGES, _MODULES)}\0{topics!r}".encode()
        ).hexdigest()
        folder = cache_dir / "enrich"
        self._packs = [folder / f"{shard:02d}.pickle" for shard in range(SHARDS)]
        self._vocabulary_pack = folder / "vocabulary.pickle"
        self._stored: dict[str, TranscriptFacts] = {}
        for pack in self._packs:
            self._stored.update(load_known(pack, self._context, _facts_of))
        self._vocabulary = load_known(self._vocabulary_pack, self._context, _vocabulary_of)
        self._current: dict[str, TranscriptFacts] = {}
        self._dirty: set[int] = set()

    @property
    def vocabulary(self) -> Vocabulary:
        """The words of the corpus when last saved (empty if none were)."""
        return self._vocabulary

    def get(self, digest: str) -> TranscriptFacts | None:
        """The facts saved for a transcript with this parse digest, if any."""
        found = self._stored.get(digest)
        if not isinstance(found, TranscriptFacts):
            return None
        self._current[digest] = found
        return found

    def put(self, digest: str, facts: TranscriptFacts) -> None:
        """Keep the facts computed for a transcript with this parse digest."""
        self._current[digest] = facts
        self._dirty.add(_shard(digest))

    def save(self, vocabulary: Vocabulary) -> None:
        """Write the packs that changed; ``vocabulary`` holds the words of this build's corpus."""
        self._dirty.update(_shard(digest) for digest in self._stored.keys() - self._current.keys())
        shards: list[dict[str, TranscriptFacts]] = [{} for _ in self._packs]
        for digest, facts in self._current.items():
            shards[_shard(digest)][digest] = facts
        for shard in sorted(self._dirty):
            dump_known(self._packs[shard], self._context, packed(shards[shard]), shards[shard])
        if not np.array_equal(vocabulary.keys, self._vocabulary.keys):
            dump_known(self._vocabulary_pack, self._context, {"words": vocabulary}, vocabulary)
        self._stored, self._vocabulary, self._dirty = dict(self._current), vocabulary, set()


def _facts_of(entries: dict[str, Any], _pack_id: str | None) -> dict[str, TranscriptFacts]:
    return unpacked(entries) if entries else {}


def _vocabulary_of(entries: dict[str, Any], _pack_id: str | None) -> Vocabulary:
    words = entries.get("words")
    return words if isinstance(words, Vocabulary) else _EMPTY


def _shard(digest: str) -> int:
    return zlib.crc32(digest.encode()) % SHARDS
