"""Everything a build keeps for the next one, wrapped around stages that know nothing of it.

The stages are pure: the same input gives the same output. This package
keeps their results between builds in one content-addressed store: each
entry under a digest of everything it was made from, in tables whose
context is a digest of the code and configuration that made them
(generator.cache.table). Its clients:

- the parse steps (generator.cache.parse): census keys, census and parse
  outcomes, wrapped around the parsing steps (``parsing.ParseSteps``);
- enrichment (generator.cache.facts): what was derived from each
  transcript alone, through the ``memo`` of ``enrich.build_corpus``;
- the pages (generator.cache.pages): each page's key, a digest of its view
  (what it shows), and the keys the last build wrote, so that only pages
  whose key changed are rendered.

A transcript's parse key stands for it in the later stages: equal keys,
equal transcripts. Nothing here changes what a build publishes, only how
long it takes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.enrich import TopicConfig
from generator.model import Transcript
from generator.parsing import ParseSteps

from .facts import FactsCache
from .packs import PackMemory
from .pages import MANIFEST, page_keys, read_manifest, write_manifest
from .parse import ParseCache

__all__ = ["MANIFEST", "BuildCache", "PackMemory", "page_keys", "read_manifest", "write_manifest"]


class BuildCache:
    """The caches of the builds of one content folder, under ``cache_dir``.

    ``memory``: what the packs read hold, shared by builds in one process
    (``pressroom serve``); by default, this build's alone.
    """

    def __init__(self, cache_dir: Path, content_dir: Path, memory: PackMemory | None = None) -> None:
        # One folder per content folder: two archives built from one checkout keep their own.
        self._folder = cache_dir / hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:24]
        self._memory = memory if memory is not None else PackMemory()
        self._parse = ParseCache(self._folder / "parse", content_dir, self._memory)
        self._facts: FactsCache | None = None

    def parse_memo(self, steps: ParseSteps) -> ParseSteps:
        """The parsing steps ``steps``, wrapped: they take what is kept, and read a file only to compute."""
        return self._parse.wrap(steps)

    def facts_memo(self, topics: TopicConfig | None) -> FactsCache:
        """The ``memo`` of ``enrich.build_corpus`` with ``topics``."""
        self._facts = FactsCache(self._folder / "facts", topics, self._memory, self.transcript_key)
        return self._facts

    def transcript_key(self, transcript: Transcript) -> str | None:
        """The parse key of a transcript parsed in this build (None for one made elsewhere)."""
        return self._parse.key_of(transcript)

    def save(self) -> None:
        """Write what changed since the last save."""
        self._parse.save()
        if self._facts is not None:
            self._facts.save()

    def forget(self) -> None:
        """Let go of everything read (the memory given, too), after a save: no build follows.

        The transcripts' parse keys stay.
        """
        self._memory.clear()
        self._parse.close()
        if self._facts is not None:
            self._facts.close()
