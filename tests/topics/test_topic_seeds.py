"""Acceptance on the three parsed seeds: shared topics found and linked both ways."""

from __future__ import annotations

import pytest

from generator.model import Transcript
from generator.build import parse_corpus
from generator.topics import TopicIndex, TopicSettings, UnitKey
import generator.topics.build_index as index_building
from tests.support import CONTENT
from tests.topics.conftest import topic_index_of

# Seeds by file prefix: 000 (2015, Turkey), 002 (2022, NATO-Russia Council), 003 (2014, Ekho Moskvy).
SHARED = {
    "ukraine": {"002", "003"},
    "isil": {"000", "003"},
    "de-escalation": {"000", "002"},
    "territorial-integrity": {"000", "002", "003"},
    "crimea": {"002", "003"},
    "osce": {"002", "003"},
    "open-door": {"002", "003"},
    "russia": {"000", "002", "003"},
}
ONE_SEED_ONLY = {
    "turkey": "000",
    "arms-control": "002",
    "inf-treaty": "002",
    "donbas": "002",
    "spearhead-force": "003",
    "norway": "003",
}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Transcript]:
    corpus = parse_corpus(CONTENT)
    return {t.source.split("/")[-1][:3]: t for t in corpus.transcripts}


@pytest.fixture(scope="module")
def built(seeds: dict[str, Transcript], taxonomy) -> TopicIndex:  # type: ignore[no-untyped-def]
    return topic_index_of(list(seeds.values()), taxonomy, TopicSettings())


def prefixes(seeds: dict[str, Transcript], slugs) -> set[str]:  # type: ignore[no-untyped-def]
    by_slug = {t.slug: prefix for prefix, t in seeds.items()}
    return {by_slug[s] for s in slugs}


@pytest.mark.parametrize("topic", sorted(SHARED))
def test_topic_page_lists_exactly_the_seeds_it_came_up_in(built: TopicIndex, seeds, topic: str) -> None:  # type: ignore[no-untyped-def]
    coverage = built.coverage(topic)
    assert prefixes(seeds, [t.slug for t in coverage.transcripts]) == SHARED[topic]


@pytest.mark.parametrize("topic", sorted(SHARED))
def test_each_seed_links_back_to_its_topic(built: TopicIndex, seeds, topic: str) -> None:  # type: ignore[no-untyped-def]
    for prefix, transcript in seeds.items():
        on_page = topic in {w.topic for w in built.topics_of_transcript(transcript.slug)}
        assert on_page == (prefix in SHARED[topic]), (prefix, topic)


@pytest.mark.parametrize("topic", sorted(SHARED))
def test_every_listed_question_really_carries_the_topic(built: TopicIndex, topic: str) -> None:
    for ref in built.coverage(topic).units:
        assert topic in {w.topic for w in built.topics_of_unit(ref.key)}


def test_related_seeds_are_explained_by_what_they_share(built: TopicIndex, seeds) -> None:  # type: ignore[no-untyped-def]
    explained = {}
    for prefix, transcript in seeds.items():
        for related in built.related_to(transcript.slug):
            other = prefixes(seeds, [related.slug]).pop()
            explained[(prefix, other)] = set(related.shared)
    assert "ukraine" in explained[("002", "003")] and "ukraine" in explained[("003", "002")]
    assert "isil" in explained[("000", "003")] and "isil" in explained[("003", "000")]
    assert "de-escalation" in explained[("000", "002")] and "de-escalation" in explained[("002", "000")]


def test_one_seed_topics_are_never_presented_as_shared(built: TopicIndex, seeds) -> None:  # type: ignore[no-untyped-def]
    for topic, prefix in ONE_SEED_ONLY.items():
        assert prefixes(seeds, [t.slug for t in built.coverage(topic).transcripts]) == {prefix}
    for transcript in seeds.values():
        mine = {w.topic for w in built.topics_of_transcript(transcript.slug)}
        for related in built.related_to(transcript.slug):
            theirs = {w.topic for w in built.topics_of_transcript(related.slug)}
            assert set(related.shared) <= mine & theirs
            assert not set(related.shared) & set(ONE_SEED_ONLY)


def test_ukraine_membership_was_asked_before(built: TopicIndex, seeds) -> None:  # type: ignore[no-untyped-def]
    ekho, press = seeds["003"], seeds["002"]
    joining = next(q for q in ekho.questions if "joining NATO" in " ".join(ekho.turn(q.turn).paragraphs))
    since = built.asked_elsewhere(UnitKey(ekho.slug, joining.anchor)).since
    assert since[0].key == UnitKey(press.slug, press.questions[0].anchor)
    before = built.asked_elsewhere(UnitKey(press.slug, press.questions[0].anchor)).before
    assert UnitKey(ekho.slug, joining.anchor) in [s.key for s in before]
    assert before[0].outlet == "Ekho Moskvy"


def test_isil_question_was_asked_before_in_the_interview(built: TopicIndex, seeds) -> None:  # type: ignore[no-untyped-def]
    turkey, ekho = seeds["000"], seeds["003"]
    wsj = next(
        q for q in turkey.questions if q.outlet and "Wall Street" in q.outlet or q.anchor.endswith("wsj")
    )
    before = built.asked_elsewhere(UnitKey(turkey.slug, wsj.anchor)).before
    assert before and all(s.key.transcript == ekho.slug for s in before)


def test_discovery_on_seeds_suggests_a_recurring_phrase_not_names(built: TopicIndex) -> None:
    phrases = {s.phrase.lower() for s in built.suggestions}
    assert "international law" in phrases
    assert not any(name in p for p in phrases for name in ("stoltenberg", "secretary general", "lungescu"))


def test_same_output_twice(seeds, taxonomy) -> None:  # type: ignore[no-untyped-def]
    def snapshot(index: TopicIndex):  # type: ignore[no-untyped-def]
        units = [UnitKey(t.slug, q.anchor) for t in seeds.values() for q in t.questions]
        return (
            [index.coverage(t.slug) for t in index.topics],
            [index.topics_of_unit(k) for k in units],
            [index.asked_elsewhere(k) for k in units],
            [index.related_to(t.slug) for t in seeds.values()],
            index.suggestions,
        )

    first = snapshot(topic_index_of(list(seeds.values()), taxonomy))
    again = snapshot(topic_index_of(list(seeds.values()), taxonomy))
    reordered = snapshot(topic_index_of(list(reversed(list(seeds.values()))), taxonomy))
    assert first == again
    assert first == reordered


def test_every_topic_of_a_seed_is_linked_from_one_of_its_units(built: TopicIndex, seeds) -> None:  # type: ignore[no-untyped-def]
    # Top-of-page chips show main topics; the rest are linked from the
    # question or statement where they came up.
    for transcript in seeds.values():
        keys = [UnitKey(transcript.slug, q.anchor) for q in transcript.questions]
        keys.append(UnitKey(transcript.slug, "statement"))
        on_units = {w.topic for key in keys for w in built.topics_of_unit(key)}
        assert {w.topic for w in built.topics_of_transcript(transcript.slug)} == on_units
        main = [w.topic for w in built.main_topics_of_transcript(transcript.slug)]
        assert main and set(main) <= on_units


def test_counts_agree_with_coverage(built: TopicIndex) -> None:
    for topic in built.topics:
        coverage = built.coverage(topic.slug)
        assert built.counts(topic.slug) == (coverage.transcript_count, coverage.question_count)
    assert [t for _kind, topics in built.topics_by_kind() for t in topics] != []


def test_similar_questions_worked_out_in_a_child_process_are_the_same(
    seeds: dict[str, Transcript], taxonomy, built: TopicIndex, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(index_building, "BESIDE_FROM", 0)  # the seeds alone work them out in-process
    beside = topic_index_of(list(seeds.values()), taxonomy, TopicSettings())

    for name in ("indptr", "cols", "scores"):
        assert getattr(beside.similar, name).tolist() == getattr(built.similar, name).tolist()
