"""Assignment, related transcripts and similar questions on small fixtures."""

from __future__ import annotations

import datetime as dt

from generator.topics import STATEMENT_ANCHOR, TopicSettings, UnitKey
from tests.topics.conftest import topic_index_of

from .conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: Ukraine, kind: country-region, description: d, aliases: [Ukrainian]}
  - {name: Crimea, kind: country-region, description: d}
  - {name: OSCE, kind: organisation-treaty, description: d}
  - {name: ISIL, kind: organisation-treaty, description: d, aliases: [Daesh]}
  - {name: Arms control, kind: policy-concept, description: d}
  - {name: Georgia, kind: country-region, description: d}
"""
)

A = make_transcript(
    "a-2014",
    [
        ("Will Crimea stay occupied, and what about Ukraine?", "Crimea is Ukraine. The OSCE monitors watch."),
        ("What about Daesh in the region?", "We fight ISIL together."),
    ],
    date=dt.date(2014, 3, 1),
    statement="We discussed Ukraine and the OSCE mission.",
    outlets=["Reuters", "AFP"],
    askers=["Ann Smith", None],
)
B = make_transcript(
    "b-2016",
    [
        (
            "Does the annexation of Crimea change the OSCE mission in Ukraine?",
            "The OSCE is vital for Ukraine.",
        ),
        ("Is arms control dead?", "Arms control matters."),
    ],
    date=dt.date(2016, 5, 2),
    outlets=["BBC", None],
)
C = make_transcript(
    "c-2018",
    [("What about ISIL fighters returning home?", "ISIL remains a threat, and Daesh propaganda too.")],
    date=dt.date(2018, 1, 1),
    outlets=["CNN"],
)
D = make_transcript(
    "d-2015",
    [("Georgia wants to join. When?", "Georgia is a partner.")],
    date=dt.date(2015, 1, 1),
)
CORPUS = (A, B, C, D)


def index(settings: TopicSettings = TopicSettings()):  # type: ignore[no-untyped-def]
    return topic_index_of(CORPUS, TAXONOMY, settings)


def test_question_text_weighs_more_than_answer_text() -> None:
    weights = {
        w.topic: (w.weight, w.mentions) for w in index().topics_of_unit(UnitKey("a-2014", "q1-reuters"))
    }
    # Crimea: once asked (3) + once answered (1); Ukraine: same; OSCE: answered only.
    assert weights == {"crimea": (4.0, 2), "ukraine": (4.0, 2), "osce": (1.0, 1)}


def test_statement_is_its_own_unit() -> None:
    weights = index().topics_of_unit(UnitKey("a-2014", STATEMENT_ANCHOR))
    assert [(w.topic, w.weight) for w in weights] == [("osce", 2.0), ("ukraine", 2.0)]


def test_transcript_rolls_up_its_units() -> None:
    rolled = {w.topic: w.weight for w in index().topics_of_transcript("a-2014")}
    assert rolled == {"ukraine": 6.0, "crimea": 4.0, "osce": 3.0, "isil": 4.0}


def test_coverage_lists_transcripts_and_units_newest_first() -> None:
    coverage = index().coverage("isil")
    assert [t.slug for t in coverage.transcripts] == ["c-2018", "a-2014"]
    assert [u.key for u in coverage.units] == [UnitKey("c-2018", "q1-cnn"), UnitKey("a-2014", "q2-afp")]
    assert coverage.per_year == ((2014, 1), (2018, 1))


def test_topics_never_mentioned_get_no_page() -> None:
    assert "arms-control" in {t.slug for t in index().topics}
    empty = topic_index_of((C,), TAXONOMY)
    assert {t.slug for t in empty.topics} == {"isil"}


def test_topics_are_ordered_by_how_often_they_recur() -> None:
    built = index()
    keys = [
        (-c.transcript_count, -len(c.units), c.topic.name.lower())
        for c in map(built.coverage, [t.slug for t in built.topics])
    ]
    assert keys == sorted(keys)
    assert [t.slug for t in built.topics][:4] == ["osce", "ukraine", "crimea", "isil"]


def test_related_transcripts_are_explained_by_shared_topics_only() -> None:
    related = index().related_to("a-2014")
    assert [r.slug for r in related] == ["b-2016", "c-2018"]
    assert set(related[0].shared) == {"ukraine", "crimea", "osce"}
    assert related[1].shared == ("isil",)
    assert all(r.slug != "d-2015" for r in related), "nothing shared, not related"


def test_related_is_symmetric_in_membership() -> None:
    built = index()
    assert "a-2014" in [r.slug for r in built.related_to("b-2016")]
    assert built.related_to("d-2015") == ()


def test_asked_before_and_since_link_the_same_question_across_transcripts() -> None:
    built = index()
    later = built.asked_elsewhere(UnitKey("b-2016", "q1-bbc"))
    assert [s.key for s in later.before][:1] == [UnitKey("a-2014", "q1-reuters")]
    first = later.before[0]
    assert (first.date, first.outlet, first.asker, first.number) == (
        dt.date(2014, 3, 1),
        "Reuters",
        "Ann Smith",
        1,
    )
    earlier = built.asked_elsewhere(UnitKey("a-2014", "q1-reuters"))
    assert [s.key for s in earlier.since][:1] == [UnitKey("b-2016", "q1-bbc")]
    assert earlier.before == ()


def test_similar_questions_never_come_from_the_same_transcript() -> None:
    built = index()
    for transcript in CORPUS:
        for question in transcript.questions:
            found = built.asked_elsewhere(UnitKey(transcript.slug, question.anchor))
            for item in (*found.before, *found.since, *found.elsewhere):
                assert item.key.transcript != transcript.slug


def test_isil_questions_find_each_other_through_the_alias() -> None:
    found = index().asked_elsewhere(UnitKey("c-2018", "q1-cnn"))
    assert [s.key for s in found.before] == [UnitKey("a-2014", "q2-afp")]


def test_undated_transcripts_are_listed_apart() -> None:
    undated = make_transcript("e-undated", [("Crimea and Ukraine and the OSCE?", "Crimea is Ukraine.")])
    found = topic_index_of((A, undated), TAXONOMY).asked_elsewhere(UnitKey("e-undated", "q1"))
    assert found.before == found.since == ()
    assert [s.key for s in found.elsewhere] == [UnitKey("a-2014", "q1-reuters")]


def test_unknown_keys_mean_nothing() -> None:
    built = index()
    assert built.topics_of_unit(UnitKey("nope", "q1")) == ()
    assert built.related_to("nope") == ()
    assert built.asked_elsewhere(UnitKey("nope", "q1")).before == ()


def test_settings_limit_counts() -> None:
    built = index(TopicSettings(related_count=1, similar_count=1, related_explain=1))
    assert len(built.related_to("a-2014")) == 1
    assert len(built.related_to("a-2014")[0].shared) == 1


def test_empty_corpus() -> None:
    built = topic_index_of((), TAXONOMY)
    assert built.topics == () and built.suggestions == ()


def test_main_topics_leave_out_passing_mentions() -> None:
    focused = make_transcript(
        "focused",
        [
            ("Ukraine, Ukraine and Crimea?", "Ukraine and Crimea, and Ukraine again."),
            ("More on Crimea and Ukraine?", "Crimea is Ukraine. The OSCE was there too."),
        ],
    )
    built = topic_index_of((focused,), TAXONOMY)
    assert {w.topic for w in built.topics_of_transcript("focused")} == {"ukraine", "crimea", "osce"}
    assert [w.topic for w in built.main_topics_of_transcript("focused")] == ["ukraine", "crimea"]
    assert [
        w.topic
        for w in topic_index_of((focused,), TAXONOMY, TopicSettings(main_share=0)).main_topics_of_transcript(
            "focused"
        )
    ] == ["ukraine", "crimea", "osce"]
