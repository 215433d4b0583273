"""The enrich memo: a rebuild reuses each unchanged transcript's facts and gives the same corpus."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

import generator.enrich.facts as facts_module
from generator.enrich import Corpus, TopicConfig, build_corpus, load_topic_config
from generator.parsing import ParsedCorpus, parse_corpus
from generator.render import render_site
from generator.topics.blocks import batch_order, corpus_batches, segment_shapes
from generator.topics.model import UnitKey
from generator.topics.units import Unit
from tests.parsing.test_cache import content  # noqa: F401  (fixture, shared)

EDITED = "transcripts/000_dc2035bffcbcb803.txt"


@pytest.fixture()
def read_counts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many transcripts each run of the topic stage's per-transcript reading took."""
    counts: list[int] = []
    real = facts_module.read_transcripts

    def counting(transcripts, *args, **kwargs):  # type: ignore[no-untyped-def]
        counts.append(len(transcripts))
        return real(transcripts, *args, **kwargs)

    monkeypatch.setattr(facts_module, "read_transcripts", counting)
    return counts


def pages(corpus: Corpus) -> dict[str, str]:
    return {page.path: page.text for page in render_site(corpus, workers=1)}


def assert_same(memo: Corpus, cold: Corpus) -> None:
    """Same entries, problems and pages; same topic index answers."""
    assert (memo.entries, memo.years, memo.people, memo.outlets, memo.problems) == (
        cold.entries, cold.years, cold.people, cold.outlets, cold.problems
    )
    assert memo.topic_index is not None and cold.topic_index is not None
    assert memo.topics == cold.topics
    assert memo.topic_suggestions == cold.topic_suggestions
    for entry in cold.entries:
        for query in ("related_to", "topics_of_transcript", "main_topics_of_transcript"):
            assert getattr(memo.topic_index, query)(entry.slug) == getattr(cold.topic_index, query)(entry.slug)
    for topic in cold.topics:
        assert memo.topic_index.coverage(topic.slug) == cold.topic_index.coverage(topic.slug)
    for name in ("unit_weights", "unit_mentions", "transcript_weights"):
        a, b = getattr(memo.topic_index, name), getattr(cold.topic_index, name)
        assert a.shape == b.shape and (a != b).nnz == 0
    assert pages(memo) == pages(cold)


def parse(content: Path, cache: Path) -> ParsedCorpus:
    return parse_corpus(content, workers=1, cache_dir=cache)


def test_a_warm_rebuild_reads_no_transcript_and_gives_the_same_corpus(
    content: Path, tmp_path: Path, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed = parse(content, tmp_path / "cache")
    cold = build_corpus(parsed, config)
    first = build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    read_counts.clear()
    warm = build_corpus(parse(content, tmp_path / "cache"), config, cache_dir=tmp_path / "cache")
    assert read_counts == [0]
    assert_same(first, cold)
    assert_same(warm, cold)
    assert dict(warm.digests) == dict(parsed.digests)


def test_only_a_changed_transcript_is_read_again(content: Path, tmp_path: Path, read_counts: list[int]) -> None:
    config = load_topic_config(content)
    build_corpus(parse(content, tmp_path / "cache"), config, cache_dir=tmp_path / "cache")
    path = content / EDITED
    # A word no other transcript has: the vocabulary grows.
    path.write_text(path.read_text(encoding="utf-8").replace("security", "quokkas", 1), encoding="utf-8")
    read_counts.clear()
    parsed = parse(content, tmp_path / "cache")
    memo = build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    assert read_counts == [1]
    assert_same(memo, build_corpus(parse_corpus(content, workers=1), config))


def test_new_topic_settings_or_taxonomy_read_every_transcript_again(
    content: Path, tmp_path: Path, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed = parse(content, tmp_path / "cache")
    build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    heavier = TopicConfig(config.taxonomy, dataclasses.replace(config.settings, question_weight=7.0))
    fewer = TopicConfig(dataclasses.replace(config.taxonomy, topics=config.taxonomy.topics[1:]), config.settings)
    for changed in (heavier, fewer):
        read_counts.clear()
        memo = build_corpus(parsed, changed, cache_dir=tmp_path / "cache")
        assert read_counts == [len(parsed.transcripts)]
        assert_same(memo, build_corpus(parsed, changed))


@pytest.mark.parametrize("damage", ["garbage", "missing", "no-vocabulary"])
def test_a_damaged_or_missing_memo_is_computed_again(
    content: Path, tmp_path: Path, damage: str, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed = parse(content, tmp_path / "cache")
    build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    folder = tmp_path / "cache" / "enrich"
    packs = sorted(folder.glob("*.pickle"))
    assert packs
    for pack in packs:
        if damage == "garbage":
            pack.write_bytes(b"not a pickle")
        elif damage == "missing" or pack.name == "vocabulary.pickle":
            pack.unlink()
    if damage == "no-vocabulary":  # saved facts hold a word no saved vocabulary spells
        path = content / EDITED
        path.write_text(path.read_text(encoding="utf-8").replace("security", "quokkas", 1), encoding="utf-8")
        parsed = parse(content, tmp_path / "cache")
    read_counts.clear()
    memo = build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    everything = len(parsed.transcripts)
    assert read_counts == {"garbage": [everything], "missing": [everything], "no-vocabulary": [1, everything]}[damage]
    assert_same(memo, build_corpus(parsed, config))
    assert_same(build_corpus(parsed, config, cache_dir=tmp_path / "cache"), build_corpus(parsed, config))


def test_without_topics_the_memo_keeps_entries(content: Path, tmp_path: Path) -> None:
    parsed = parse(content, tmp_path / "cache")
    build_corpus(parsed, cache_dir=tmp_path / "cache")
    warm = build_corpus(parsed, cache_dir=tmp_path / "cache")
    cold = build_corpus(parsed)
    assert (warm.entries, warm.problems, warm.topic_index) == (cold.entries, cold.problems, None)


@pytest.mark.parametrize("limit", [1 << 20, 5_000, 700])
def test_batch_order_is_the_order_of_corpus_batches(limit: int) -> None:
    rng = np.random.default_rng(limit)
    units = [
        Unit(UnitKey("t", f"q{i}"), 0, None, "x" * int(rng.integers(0, 300)) + "é" * int(rng.random() < 0.1),
             "y" * int(rng.integers(0, 3_000)) + "\u2019" * int(rng.random() < 0.1))
        for i in range(600)
    ]
    for lead in (None, 300):
        want = [2 * u + p for batch in corpus_batches(units, lead, limit) for u, p in zip(batch.units, batch.parts)]
        assert batch_order(*segment_shapes(units, lead), limit).tolist() == want


def test_where_topics_yaml_lies_does_not_matter(content: Path, tmp_path: Path, read_counts: list[int]) -> None:
    config = load_topic_config(content)
    parsed = parse(content, tmp_path / "cache")
    build_corpus(parsed, config, cache_dir=tmp_path / "cache")
    moved = TopicConfig(dataclasses.replace(config.taxonomy, source="elsewhere/topics.yaml"), config.settings)
    read_counts.clear()
    build_corpus(parsed, moved, cache_dir=tmp_path / "cache")
    assert read_counts == [0]
