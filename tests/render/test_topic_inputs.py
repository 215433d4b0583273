"""What keys a transcript page's topic pieces: what they show of other transcripts, not scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.render.topic_inputs import TopicInputs
from generator.topics import UnitKey
from tests.topics.conftest import make_transcript, taxonomy_from, topic_index_of

TAXONOMY = taxonomy_from(
    "topics:\n"
    "  - {name: Crimea, kind: country-region, description: d}\n"
    "  - {name: Sanctions, kind: policy-concept, description: d}\n"
)
QUESTION = "What about the sanctions on Russia over Crimea?"


def inputs_of_first(later_answer: str, later_asker: str = "Ann Smith") -> tuple[list[Any], Any]:
    """The topic inputs of the 2014 transcript's page, and its "asked since" list."""
    first = make_transcript("first", [(QUESTION, "Crimea is Ukraine. Sanctions stay.")],
                            date=dt.date(2014, 3, 1), askers=["Bo Lee"])
    later = make_transcript("later", [(QUESTION, later_answer)], date=dt.date(2016, 1, 1), askers=[later_asker])
    unrelated = make_transcript("unrelated", [("How was the weather?", "Sunny.")], date=dt.date(2015, 1, 1))
    index = topic_index_of((first, later, unrelated), TAXONOMY)
    return TopicInputs(index).of("first"), index.asked_elsewhere(UnitKey("first", "q1")).since


def test_the_page_lists_the_later_question() -> None:
    _, since = inputs_of_first("Crimea is Ukraine. Sanctions stay.")
    assert [(link.key, link.asker) for link in since] == [(UnitKey("later", "q1"), "Ann Smith")]


def test_a_new_answer_to_a_listed_question_leaves_the_page_alone() -> None:
    before, since_before = inputs_of_first("Crimea is Ukraine. Sanctions stay.")
    after, since_after = inputs_of_first("Crimea is Ukraine. Sanctions stay, for as long as it takes.")

    assert since_before[0].score != since_after[0].score  # the link's score moved; nothing shows it
    assert before == after


def test_a_new_asker_of_a_listed_question_changes_the_page() -> None:
    before, _ = inputs_of_first("Crimea is Ukraine. Sanctions stay.")
    after, _ = inputs_of_first("Crimea is Ukraine. Sanctions stay.", later_asker="Cy Park")

    assert before != after


def test_a_transcript_outside_the_index_has_only_the_site_inputs() -> None:
    index = topic_index_of((make_transcript("one", [(QUESTION, "Yes.")]),), TAXONOMY)
    inputs = TopicInputs(index)

    assert inputs.of("missing") == [inputs.site]


def test_topics_coming_up_more_often_elsewhere_leave_the_page_alone() -> None:
    def inputs_of_quiet(sanctions_questions: int) -> tuple[list[Any], list[str]]:
        quiet = make_transcript("quiet", [("How was the weather?", "Sunny.")], date=dt.date(2015, 1, 1))
        crimea = make_transcript("crimea", [("Crimea?", "Crimea."), ("Crimea again?", "Crimea.")])
        sanctions = make_transcript("sanctions", [("Sanctions?", "Sanctions.")] * sanctions_questions)
        index = topic_index_of((quiet, crimea, sanctions), TAXONOMY)
        return TopicInputs(index).of("quiet"), [topic.slug for topic in index.topics]

    before, order_before = inputs_of_quiet(1)
    after, order_after = inputs_of_quiet(3)

    assert order_before == ["crimea", "sanctions"] and order_after == ["sanctions", "crimea"]
    assert before == after
