"""build_corpus: order, years, people, outlets, gists, and URLs that cannot clash."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.enrich import RoleSpan, build_corpus, outlet_slug, person_slug
from generator.enrich.corpus import word_count
from generator.errors import ContentError, Problem
from generator.model import Question
from tests.render.conftest import Parsed, make_transcript


def test_entries_are_oldest_first_and_years_newest_first() -> None:
    a = make_transcript(slug="2022-01-12-b", date=dt.date(2022, 1, 12))
    b = make_transcript(slug="2014-11-29-a", date=dt.date(2014, 11, 29))
    c = make_transcript(slug="2022-01-12-a", date=dt.date(2022, 1, 12))
    d = make_transcript(slug="undated-x", date=None)
    corpus = build_corpus(Parsed((a, b, c, d)))
    assert [e.slug for e in corpus.entries] == ["undated-x", "2014-11-29-a", "2022-01-12-a", "2022-01-12-b"]
    assert [(y.year, [e.slug for e in y.entries]) for y in corpus.years] == [
        (2022, ["2022-01-12-a", "2022-01-12-b"]),
        (2014, ["2014-11-29-a"]),
        (None, ["undated-x"]),
    ]
    assert (corpus.first_date, corpus.last_date) == (dt.date(2014, 11, 29), dt.date(2022, 1, 12))
    assert corpus.question_count == 8


def test_entry_summarises_speakers_outlets_questions_and_words(transcript) -> None:
    [entry] = build_corpus(Parsed((transcript,))).entries
    assert entry.speakers == ("Jens Stoltenberg",)
    assert entry.outlets == ("CNN", "TASS")
    assert [(q.question.anchor, q.gist) for q in entry.questions] == [
        ("q1-cnn", "What did Russia say about missiles?"),
        ("q2-tass", "Is the door open?"),
    ]
    assert entry.word_count == 36


def test_without_a_topic_configuration_there_is_no_topic_stage(transcript) -> None:
    corpus = build_corpus(Parsed((transcript,)))
    assert (corpus.topic_index, corpus.topics, corpus.topic_suggestions) == (None, (), ())


def test_people_and_outlets_across_the_archive() -> None:
    a = make_transcript(slug="2022-01-12-a")
    b = make_transcript(slug="2022-01-13-b", date=dt.date(2022, 1, 13))
    corpus = build_corpus(Parsed((a, b)))
    assert [(p.slug, p.name, p.transcripts) for p in corpus.people] == [
        ("alex-marquardt", "Alex Marquardt", (0, 1)),
        ("jens-stoltenberg", "Jens Stoltenberg", (0, 1)),
        ("oana-lungescu", "Oana Lungescu", (0, 1)),
    ]
    marquardt, stoltenberg, lungescu = corpus.people
    assert (marquardt.asked, marquardt.answered, marquardt.outlets) == (
        ((0, 0), (1, 0)), (), (("cnn", 2),)
    )
    assert (stoltenberg.asked, stoltenberg.answered) == ((), ((0, 0), (0, 1), (1, 0), (1, 1)))
    assert stoltenberg.roles == (
        RoleSpan("NATO Secretary General", dt.date(2022, 1, 12), dt.date(2022, 1, 13), 2),
    )
    assert (lungescu.asked, lungescu.answered, lungescu.roles) == ((), (), ())
    assert [(o.slug, o.name, o.askers, o.transcripts, o.asked) for o in corpus.outlets] == [
        ("cnn", "CNN", (("alex-marquardt", 2),), (0, 1), ((0, 0), (1, 0))),
        ("tass", "TASS", (), (0, 1), ((0, 1), (1, 1))),
    ]


def test_a_name_spelled_two_ways_is_one_page_under_its_commonest_spelling() -> None:
    spellings = ("Politico", "POLITICO", "POLITICO")
    transcripts = []
    for day, outlet in enumerate(spellings, start=1):
        t = make_transcript(slug=f"2022-02-0{day}-x", date=dt.date(2022, 2, day))
        transcripts.append(
            replace(t, questions=(Question(1, "q1", "t3", "Alex Marquardt", outlet, ("t4",), None),))
        )
    corpus = build_corpus(Parsed(tuple(transcripts)))
    [outlet] = corpus.outlets
    assert (outlet.slug, outlet.name, len(outlet.asked)) == ("politico", "POLITICO", 3)
    # The asker asked for it three times, whatever the spelling.
    assert next(p for p in corpus.people if p.slug == "alex-marquardt").outlets == (("politico", 3),)


def test_speakers_named_by_no_name_have_no_page() -> None:
    assert (person_slug("moderator", None), person_slug(None, ""), outlet_slug(None), outlet_slug("?!")) == (
        "", "", "", ""
    )
    assert (person_slug(None, "Index"), outlet_slug("Index")) == ("index-person", "index-outlet")


def test_parser_problems_are_kept() -> None:
    problem = Problem("transcripts/x.txt", 3, "bad-date", "no such date")
    corpus = build_corpus(Parsed((make_transcript(),), (problem,)))
    assert corpus.problems == (problem,)


def test_two_transcripts_at_one_url_are_an_error() -> None:
    a = make_transcript(slug="2022-01-12-press-conference")
    b = replace(make_transcript(slug="2022-01-12-press-conference"), source="transcripts/other.txt")
    with pytest.raises(ContentError) as caught:
        build_corpus(Parsed((a, b)))
    assert caught.value.problem.code == "duplicate-url"
    assert "transcripts/2022-01-12-press-conference/" in caught.value.problem.message


def test_slugs_differing_only_in_case_clash_too() -> None:
    a = make_transcript(slug="2022-01-12-a")
    b = replace(make_transcript(), slug="2022-01-12-A", source="transcripts/other.txt")
    with pytest.raises(ContentError) as caught:
        build_corpus(Parsed((a, b)))
    assert caught.value.problem.code == "bad-slug"  # upper case is not a URL slug


@pytest.mark.parametrize("slug", ["", "../escape", "a b", "a/b", "-a", "a--b", "2022_01"])
def test_a_slug_that_is_no_url_is_an_error(slug: str) -> None:
    with pytest.raises(ContentError) as caught:
        build_corpus(Parsed((make_transcript(slug=slug),)))
    assert caught.value.problem.code == "bad-slug"


def test_unusable_anchors_get_a_fallback_and_a_problem() -> None:
    questions = (
        Question(1, "q1-cnn", "t3", "Alex Marquardt", "CNN", ("t4",), None),
        Question(2, "q1-cnn", "t6", None, "TASS", ("t7",), None),
    )
    corpus = build_corpus(Parsed((make_transcript(questions=questions),)))
    assert [q.question.anchor for q in corpus.entries[0].questions] == ["q1-cnn", "q2"]
    assert [p.code for p in corpus.problems] == ["bad-anchor"]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (),
        ("",),
        ("  two words  ", ""),
        ("Typographic \u201cquotes\u201d \u2014 and dashes", "and\u00a0no-break\u3000spaces\u2003too"),
        ("\x1cfile\x1dseparators\x1e", "\t tabs\nand\x0blines\x0c"),
        ("\U0001F600 wide \u3001 characters",),
    ],
)
def test_word_count_is_what_splitting_each_paragraph_counts(paragraphs: tuple[str, ...]) -> None:
    assert word_count(paragraphs) == sum(len(p.split()) for p in paragraphs)
