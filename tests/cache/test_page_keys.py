"""A page's key is its view's: what the page shows of other transcripts changes it, nothing else does."""

from __future__ import annotations

import datetime as dt

from generator.cache import page_keys
from generator.enrich import TopicConfig, build_corpus
from generator.model import Transcript
from generator.render import site_views
from generator.render.topic_views import Labels, topic_views
from generator.render.views import TranscriptPage
from generator.topics import TopicSettings
from tests.support import Parsed
from tests.topics.conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    "topics:\n"
    "  - {name: Crimea, kind: country-region, description: d}\n"
    "  - {name: Sanctions, kind: policy-concept, description: d}\n"
)
QUESTION = "What about the sanctions on Russia over Crimea?"



def site(*transcripts: Transcript) -> tuple[dict[str, str], dict[str, TranscriptPage]]:
    """The key of every page, with each transcript standing for itself by its slug (as the parse
    key does in a build: a transcript's own text changes no other page's key), and the
    transcript pages' views by slug."""
    corpus = build_corpus(Parsed(transcripts), TopicConfig(TAXONOMY, TopicSettings()))
    views = site_views(corpus)
    pages = {view.entry.slug: view for view in views if isinstance(view, TranscriptPage)}
    return page_keys(views, lambda transcript: transcript.slug), pages


def first_page(later_answer: str, later_asker: str = "Ann Smith") -> tuple[str, TranscriptPage]:
    """The key and the view of the 2014 transcript's page; a 2016 one asks its question again."""
    first = make_transcript("first", [(QUESTION, "Crimea is Ukraine. Sanctions stay.")],
                            date=dt.date(2014, 3, 1), askers=["Bo Lee"])
    later = make_transcript("later", [(QUESTION, later_answer)], date=dt.date(2016, 1, 1), askers=[later_asker])
    unrelated = make_transcript("unrelated", [("How was the weather?", "Sunny.")], date=dt.date(2015, 1, 1))
    keys, pages = site(first, later, unrelated)
    return keys["transcripts/first.md"], pages["first"]


def test_the_page_lists_the_later_question() -> None:
    _key, view = first_page("Crimea is Ukraine. Sanctions stay.")
    pieces = view.topics.of_question("q1")
    assert pieces is not None
    assert [(unit.transcript.slug, unit.anchor, unit.asker) for unit in pieces.since] == [("later", "q1", "Ann Smith")]


def test_a_new_answer_to_a_listed_question_leaves_the_page_alone() -> None:
    before, _ = first_page("Crimea is Ukraine. Sanctions stay.")
    after, _ = first_page("Crimea is Ukraine. Sanctions stay, for as long as it takes.")

    assert before == after


def test_a_new_asker_of_a_listed_question_changes_the_page() -> None:
    before, _ = first_page("Crimea is Ukraine. Sanctions stay.")
    after, _ = first_page("Crimea is Ukraine. Sanctions stay.", later_asker="Cy Park")

    assert before != after


def test_topics_coming_up_more_often_elsewhere_leave_the_page_alone() -> None:
    def quiet_page(sanctions_questions: int) -> tuple[str, list[str]]:
        quiet = make_transcript("quiet", [("How was the weather?", "Sunny.")], date=dt.date(2015, 1, 1))
        crimea = make_transcript("crimea", [("Crimea?", "Crimea."), ("Crimea again?", "Crimea.")])
        sanctions = make_transcript("sanctions", [("Sanctions?", "Sanctions.")] * sanctions_questions)
        keys, _pages = site(quiet, crimea, sanctions)
        corpus = build_corpus(Parsed((quiet, crimea, sanctions)), TopicConfig(TAXONOMY, TopicSettings()))
        return keys["transcripts/quiet.md"], [topic.slug for topic in corpus.topics]

    before, order_before = quiet_page(1)
    after, order_after = quiet_page(3)

    assert order_before == ["crimea", "sanctions"] and order_after == ["sanctions", "crimea"]
    assert before == after


def test_a_big_topic_keys_each_year_page_on_that_year_alone() -> None:
    def crimea_pages(question_2016: str) -> dict[str, str]:
        older = make_transcript("older", [("Crimea?", "Crimea.")], date=dt.date(2014, 3, 1))
        newer = make_transcript("newer", [(question_2016, "Crimea, yes.")], date=dt.date(2016, 1, 1))
        corpus = build_corpus(Parsed((older, newer)), TopicConfig(TAXONOMY, TopicSettings()))
        index = corpus.topic_index
        assert index is not None
        views = [view for view in topic_views(index, Labels(index), per_page=1) if "crimea" in view.path]
        return page_keys(views)

    # The 2016 page quotes the question, where Crimea is mentioned first.
    before, after = crimea_pages("Crimea again?"), crimea_pages("Crimea once more?")

    assert sorted(before) == ["topics/crimea.md", "topics/crimea/2014.md", "topics/crimea/2016.md"]
    assert before["topics/crimea/2014.md"] == after["topics/crimea/2014.md"]
    assert before["topics/crimea.md"] == after["topics/crimea.md"]  # it counts the year's questions, no more
    assert before["topics/crimea/2016.md"] != after["topics/crimea/2016.md"]


def test_a_transcript_without_a_parse_key_is_keyed_by_its_contents() -> None:
    def data_key(answer: str) -> str:
        one = make_transcript("one", [(QUESTION, answer)], date=dt.date(2014, 3, 1))
        corpus = build_corpus(Parsed((one,)), TopicConfig(TAXONOMY, TopicSettings()))
        return page_keys(site_views(corpus))["data/transcripts/one.json"]

    assert data_key("Yes.") == data_key("Yes.")
    assert data_key("Yes.") != data_key("No.")
