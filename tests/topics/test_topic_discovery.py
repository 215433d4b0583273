"""Discovery of recurring phrases and its quality filters."""

from __future__ import annotations

import datetime as dt

from generator.topics import TopicKind, TopicSettings, UnitKey
from tests.topics.conftest import topic_index_of

from .conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: Ukraine, kind: country-region, description: d}
  - {name: Arms control, kind: policy-concept, description: d}
"""
)


def corpus():  # type: ignore[no-untyped-def]
    first = make_transcript(
        "one",
        [
            ("Is the rule of law at risk? Thank you.", "The rule of law matters. Cold War thinking is back."),
            (
                "Mr Stoltenberg, Frankfurter Allgemeine asks about missile defence sites.",
                "Missile defence sites are defensive. Ukraine arms control.",
            ),
        ],
        date=dt.date(2020, 1, 1),
        outlets=["Reuters", "Frankfurter Allgemeine Zeitung"],
        askers=["Perry Stein", None],
    )
    second = make_transcript(
        "two",
        [
            (
                "Perry Stein here. Will the Cold War return? Thank you.",
                "No Cold War. The rule of law and Ukraine arms control.",
            ),
            (
                "About missile defence sites, Frankfurter Allgemeine again.",
                "The rule of law. Press conference over.",
            ),
        ],
        date=dt.date(2021, 1, 1),
    )
    third = make_transcript(
        "three", [("Only here: space debris risks?", "Space debris risks are real. Space debris risks grow.")]
    )
    return first, second, third


def suggestions(settings: TopicSettings = TopicSettings()):  # type: ignore[no-untyped-def]
    return topic_index_of(corpus(), TAXONOMY, settings).suggestions


def test_recurring_phrases_are_suggested_with_evidence() -> None:
    found = {s.phrase: s for s in suggestions()}
    assert set(found) == {"rule of law", "Cold War", "missile defence sites"}
    rule = found["rule of law"]
    assert rule.transcripts == ("one", "two")
    assert rule.count == 4
    assert UnitKey("one", "q1-reuters") in rule.units
    assert rule.slug == "rule-of-law"
    assert not rule.published


def test_phrase_in_one_transcript_only_is_not_suggested() -> None:
    assert "space debris risks" not in {s.phrase.lower() for s in suggestions()}


def test_filters_drop_names_in_the_room_boilerplate_and_taxonomy_phrases() -> None:
    phrases = " | ".join(s.phrase.lower() for s in suggestions())
    assert "perry stein" not in phrases  # the asker's name
    assert "frankfurter allgemeine" not in phrases  # an outlet in the room
    assert "thank you" not in phrases and "press conference" not in phrases
    assert "arms control" not in phrases  # already a taxonomy topic


def test_thresholds_are_settings() -> None:
    assert suggestions(TopicSettings(discovery_min_transcripts=3)) == ()
    assert len(suggestions(TopicSettings(discovery_max=1))) == 1


def test_published_suggestions_become_topics_with_pages() -> None:
    built = topic_index_of(corpus(), TAXONOMY, TopicSettings(publish_discovered=True))
    cold_war = built.topic("cold-war")
    assert cold_war.kind is TopicKind.DISCOVERED
    assert [t.slug for t in built.coverage("cold-war").transcripts] == ["two", "one"]
    assert "cold-war" in {w.topic for w in built.topics_of_unit(UnitKey("two", "q1"))}
    assert all(s.published for s in built.suggestions)


def test_unpublished_suggestions_stay_off_pages() -> None:
    built = topic_index_of(corpus(), TAXONOMY)
    assert "cold-war" not in {t.slug for t in built.topics}
    assert "cold-war" not in {w.topic for w in built.topics_of_unit(UnitKey("two", "q1"))}


def test_pieces_of_taxonomy_phrases_are_not_rediscovered() -> None:
    taxonomy = taxonomy_from(
        """
topics:
  - {name: Open Door, kind: policy-concept, description: d, aliases: [open door policy]}
"""
    )
    pair = ("Is the open door policy still valid?", "The open door policy stands. Door policy matters.")
    built = topic_index_of(
        [make_transcript(name, [pair, pair]) for name in ("one", "two")],
        taxonomy,
        TopicSettings(discovery_min_count=2),
    )
    assert "door policy" not in {s.phrase.lower() for s in built.suggestions}


def test_phrases_in_most_transcripts_are_boilerplate() -> None:
    everywhere = ("Exchanged views on the crisis?", "We exchanged views today.")
    somewhere = ("What about the nuclear umbrella?", "The nuclear umbrella holds.")
    corpus = [
        make_transcript(f"t{i:02d}", [everywhere, somewhere] if i < 4 else [everywhere]) for i in range(24)
    ]
    phrases = {s.phrase.lower() for s in topic_index_of(corpus, TAXONOMY).suggestions}
    assert "nuclear umbrella" in phrases
    assert "exchanged views" not in phrases
