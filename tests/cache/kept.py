"""The stages run as a build runs them with its cache, for the cache tests."""

from __future__ import annotations

from pathlib import Path

from generator.cache import BuildCache
from generator.enrich import Corpus, TopicConfig, build_corpus
from generator.build import parse_corpus
from generator.parsing import ParsedCorpus


def parse(content: Path, cache_dir: Path) -> ParsedCorpus:
    """Parse with the cache in ``cache_dir``, and save it."""
    cache = BuildCache(cache_dir, content)
    parsed = parse_corpus(content, workers=1, memo=cache.parse_memo)
    cache.save()
    return parsed


def enrich(content: Path, cache_dir: Path, topics: TopicConfig | None) -> tuple[ParsedCorpus, Corpus, BuildCache]:
    """Parse and enrich with the cache in ``cache_dir``, and save it."""
    cache = BuildCache(cache_dir, content)
    parsed = parse_corpus(content, workers=1, memo=cache.parse_memo)
    corpus = build_corpus(parsed, topics, workers=1, memo=cache.facts_memo(topics))
    cache.save()
    return parsed, corpus, cache
