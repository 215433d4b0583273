"""The facts cache: a rebuild reuses each unchanged transcript's facts and gives the same corpus."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import generator.enrich.per_transcript as facts_module
from generator.enrich import Corpus, TopicConfig, build_corpus, load_topic_config
from generator.build import parse_corpus
from tests.support import render_all
from tests.cache.kept import enrich

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
    return {page.path: page.text for page in render_all(corpus, workers=1)}


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


def test_a_warm_rebuild_reads_no_transcript_and_gives_the_same_corpus(
    content: Path, tmp_path: Path, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed, first, _cache = enrich(content, tmp_path / "cache", config)
    cold = build_corpus(parsed, config)
    read_counts.clear()
    _parsed, warm, _cache = enrich(content, tmp_path / "cache", config)
    assert read_counts == []
    assert_same(first, cold)
    assert_same(warm, cold)


def test_only_a_changed_transcript_is_read_again(content: Path, tmp_path: Path, read_counts: list[int]) -> None:
    config = load_topic_config(content)
    enrich(content, tmp_path / "cache", config)
    path = content / EDITED
    # A word no other transcript has: the vocabulary grows.
    path.write_text(path.read_text(encoding="utf-8").replace("security", "quokkas", 1), encoding="utf-8")
    read_counts.clear()
    _parsed, kept, _cache = enrich(content, tmp_path / "cache", config)
    assert read_counts == [1]
    assert_same(kept, build_corpus(parse_corpus(content, workers=1), config))


def test_new_topic_settings_or_taxonomy_read_every_transcript_again(
    content: Path, tmp_path: Path, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed, _corpus, _cache = enrich(content, tmp_path / "cache", config)
    heavier = TopicConfig(config.taxonomy, dataclasses.replace(config.settings, question_weight=7.0))
    fewer = TopicConfig(dataclasses.replace(config.taxonomy, topics=config.taxonomy.topics[1:]), config.settings)
    for changed in (heavier, fewer):
        read_counts.clear()
        _parsed, kept, _cache = enrich(content, tmp_path / "cache", changed)
        assert read_counts == [len(parsed.transcripts)]
        assert_same(kept, build_corpus(parsed, changed))


@pytest.mark.parametrize("damage", ["garbage", "missing", "no-vocabulary"])
def test_a_damaged_or_missing_cache_is_computed_again(
    content: Path, tmp_path: Path, damage: str, read_counts: list[int]
) -> None:
    config = load_topic_config(content)
    parsed, _corpus, _cache = enrich(content, tmp_path / "cache", config)
    packs = sorted((tmp_path / "cache").glob("*/facts/*/*.pickle"))
    assert {pack.parent.name for pack in packs} == {"facts", "words"}
    for pack in packs:
        if damage == "garbage":
            pack.write_bytes(b"not a pickle")
        elif damage == "missing" or pack.parent.name == "words":
            pack.unlink()
    if damage == "no-vocabulary":  # kept facts hold a word no kept vocabulary spells
        path = content / EDITED
        path.write_text(path.read_text(encoding="utf-8").replace("security", "quokkas", 1), encoding="utf-8")
        parsed = parse_corpus(content, workers=1)
    read_counts.clear()
    _parsed, kept, _cache = enrich(content, tmp_path / "cache", config)
    everything = len(parsed.transcripts)
    assert read_counts == {"garbage": [everything], "missing": [everything], "no-vocabulary": [1, everything]}[damage]
    assert_same(kept, build_corpus(parsed, config))
    assert_same(enrich(content, tmp_path / "cache", config)[1], build_corpus(parsed, config))


def test_without_topics_the_cache_keeps_entries(content: Path, tmp_path: Path) -> None:
    enrich(content, tmp_path / "cache", None)
    parsed, warm, _cache = enrich(content, tmp_path / "cache", None)
    cold = build_corpus(parsed)
    assert (warm.entries, warm.problems, warm.topic_index) == (cold.entries, cold.problems, None)


def test_where_topics_yaml_lies_does_not_matter(content: Path, tmp_path: Path, read_counts: list[int]) -> None:
    config = load_topic_config(content)
    enrich(content, tmp_path / "cache", config)
    moved = TopicConfig(dataclasses.replace(config.taxonomy, source="elsewhere/topics.yaml"), config.settings)
    read_counts.clear()
    enrich(content, tmp_path / "cache", moved)
    assert read_counts == []


def test_a_comment_that_moves_every_topic_down_a_line_keeps_every_fact(
    content: Path, tmp_path: Path, read_counts: list[int]
) -> None:
    before = load_topic_config(content)
    enrich(content, tmp_path / "cache", before)
    topics = content / "topics.yaml"
    topics.write_text("# The archive's topics.\n" + topics.read_text(encoding="utf-8"), encoding="utf-8")
    moved = load_topic_config(content)
    # Messages name the new lines.
    assert [t.line + 1 for t in before.taxonomy.topics if t.line] == [t.line for t in moved.taxonomy.topics if t.line]
    read_counts.clear()
    _parsed, kept, _cache = enrich(content, tmp_path / "cache", moved)
    assert read_counts == []
    assert_same(kept, build_corpus(parse_corpus(content, workers=1), moved))
