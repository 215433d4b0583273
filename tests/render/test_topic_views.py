"""What a transcript page shows from the topic index: a few chips, a few questions asked elsewhere."""

from __future__ import annotations

import datetime as dt

from generator.enrich import Corpus, TopicConfig, build_corpus
from generator.model import Transcript
from generator.render import RenderSettings, site_views
from generator.render.views import TranscriptPage
from generator.topics import TopicSettings, UnitKey
from tests.support import Parsed
from tests.topics.conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    "topics:\n"
    "  - {name: Crimea, kind: country-region, description: d}\n"
    "  - {name: Sanctions, kind: policy-concept, description: d}\n"
    "  - {name: Ukraine, kind: country-region, description: d}\n"
    "  - {name: Georgia, kind: country-region, description: d}\n"
)
SANCTIONS = "What about the sanctions on Russia over Crimea?"



def corpus_of(*transcripts: Transcript) -> Corpus:
    return build_corpus(Parsed(transcripts), TopicConfig(TAXONOMY, TopicSettings()))


def page(corpus: Corpus, slug: str, settings: RenderSettings = RenderSettings()) -> TranscriptPage:
    return next(v for v in site_views(corpus, settings) if isinstance(v, TranscriptPage) and v.entry.slug == slug)


def listed(view: TranscriptPage, anchor: str) -> list[tuple[str, str]]:
    """(transcript, anchor) of the questions listed after a question's answers: before, since, elsewhere."""
    pieces = view.topics.of_question(anchor)
    assert pieces is not None
    return [(unit.transcript.slug, unit.anchor) for unit in (*pieces.before, *pieces.since, *pieces.elsewhere)]


def test_a_question_asked_again_is_listed_under_one_question_only_the_closest() -> None:
    here = make_transcript(
        "here", [(SANCTIONS, "They stay."), ("And the sanctions on Russia?", "They stay.")], date=dt.date(2014, 3, 1)
    )
    there = make_transcript("there", [(SANCTIONS, "They stay.")], date=dt.date(2016, 1, 1))
    corpus = corpus_of(here, there)
    index = corpus.topic_index
    assert index is not None
    # Both questions of "here" are similar to the one of "there"...
    for anchor in ("q1", "q2"):
        assert [s.key for s in index.asked_elsewhere(UnitKey("here", anchor)).since] == [UnitKey("there", "q1")]

    view = page(corpus, "here")

    # ...but the page lists it once, under the question it is closer to.
    assert listed(view, "q1") == [("there", "q1")]
    assert listed(view, "q2") == []


def test_at_most_three_in_date_order() -> None:
    here = make_transcript("here", [(SANCTIONS, "They stay.")], date=dt.date(2015, 6, 1))
    others = [
        make_transcript(f"t{year}", [(SANCTIONS, f"They stay, said in {year}.")], date=dt.date(year, 1, 1))
        for year in (2019, 2012, 2017, 2013, 2018)
    ]
    view = page(corpus_of(here, *others), "here")
    pieces = view.topics.of_question("q1")
    assert pieces is not None

    shown = [*pieces.before, *pieces.since, *pieces.elsewhere]
    assert len(shown) == 3
    for part in (pieces.before, pieces.since):
        dates = [unit.transcript.date for unit in part]
        assert dates == sorted(dates)
    assert all(unit.transcript.date < dt.date(2015, 6, 1) for unit in pieces.before)
    assert all(unit.transcript.date > dt.date(2015, 6, 1) for unit in pieces.since)


def test_chips_are_the_strongest_few() -> None:
    many = "Crimea, Crimea, Crimea, sanctions, sanctions, Ukraine and Georgia?"
    here = make_transcript("here", [(many, "Crimea.")], date=dt.date(2014, 3, 1), statement=many)
    corpus = corpus_of(here, make_transcript("other", [("Georgia?", "Georgia.")]))
    index = corpus.topic_index
    assert index is not None
    strongest = [weight.topic for weight in index.topics_of_unit(UnitKey("here", "q1"))]
    assert len(strongest) == 4

    view = page(corpus, "here", RenderSettings(unit_chips=2, page_chips=1))

    pieces = view.topics.of_question("q1")
    assert pieces is not None
    assert [topic.slug for topic in pieces.chips] == strongest[:2]
    assert len(view.topics.statement) == 2
    assert len(view.topics.main) == 1 and view.topics.main == view.topics.tags[:1]
    assert len(view.topics.tags) > 1  # the page's tags (a search filter) keep every main topic
