"""The pages of the archive, as Markdown with front-matter."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.enrich import build_corpus
from generator.model import Question, Speaker, Transcript, Turn, TurnKind
from generator.render import RenderSettings
from generator.render.frontmatter import TRANSCRIPT_KEYS, read
from generator.render.escape import plain
from generator.render.transcript import paragraph_anchor
from tests.support import render_all
from tests.render.conftest import Parsed, make_transcript

PAGE = """\
---
title: Press conference by the Secretary General
description: 'Press conference of 12 January 2022, NATO Headquarters, Brussels, with Jens Stoltenberg: 2 questions from CNN and TASS.'
template: transcript.html
date: 2022-01-12
event_type: Press conference
location: NATO Headquarters, Brussels
source_url: https://www.nato.int/cps/en/natohq/opinions_190593.htm
speakers:
- Jens Stoltenberg
outlets:
- CNN
- TASS
askers:
- Alex Marquardt
tags: []
questions: 2
reading_time: 1
language: en
data: data/transcripts/2022-01-12-press-conference.json
cite:
  apa:
  - Stoltenberg, J. (2022, January 12). Press conference by the Secretary General [Press conference transcript
  - label
  - ']. NATO Secretaries General: Press Conferences and Interviews. '
  - url
  - ''
  chicago:
  - Stoltenberg, Jens. 2022. “Press Conference by the Secretary General”. Press conference transcript
  - label
  - '. NATO Secretaries General: Press Conferences and Interviews, January 12. '
  - url
  - .
  bibtex:
  - "@misc{2022-01-12-press-conference,\\n  author = {Stoltenberg, Jens},\\n  title = {Press conference by the Secretary General},\\n  year = {2022},\\n  month = {1},\\n  date = {2022-01-12},\\n  howpublished = {NATO Secretaries General: press conferences and interviews},\\n  url = {"
  - url
  - "},\\n  note = {Press conference transcript"
  - label
  - '}

    }'
  ris:
  - 'TY  - ELEC

    TI  - Press conference by the Secretary General

    AU  - Stoltenberg, Jens

    PY  - 2022

    DA  - 2022/01/12/

    T2  - NATO Secretaries General: press conferences and interviews

    M3  - Press conference transcript'
  - label
  - '

    LA  - en

    UR  - '
  - url
  - '

    ER  - '
---

# Press conference by the Secretary General

12 January 2022 · NATO Headquarters, Brussels · Press conference · 2 questions · 1 min read
{: .pr-meta }

Speaker: [Jens Stoltenberg](../people/jens-stoltenberg.md) (NATO Secretary General) · Source: [nato.int](https://www.nato.int/cps/en/natohq/opinions_190593.htm) · Open data: [JSON](../data/transcripts/2022-01-12-press-conference.json)
{: .pr-meta }

## Opening statement {#opening-statement}

Good afternoon.
{: #p-57ea0d31 }

We met today.
{: #p-d00d4d47 }

## Q1 · [Alex Marquardt](../people/alex-marquardt.md), [CNN](../outlets/cnn.md): What did Russia say about missiles? {#q1-cnn}

**Oana Lungescu:** We go to CNN.
{: #p-ad7cee90 .pr-moderator }

**Alex Marquardt (CNN):** Thank you. What did Russia say about missiles?
{: #p-d11e94da .pr-question }

**Jens Stoltenberg:** Russia listened.
{: #p-4b2912b4 }

We will meet again.
{: #p-df066222 }

(Laughter)
{: #p-f6cb86bc .pr-note }

## Q2 · [TASS](../outlets/tass.md): Is the door open? {#q2-tass}

**TASS:** Mr. Secretary General, is the door open? And when?
{: #p-41c6d83a .pr-question }

**Jens Stoltenberg:** It is open.
{: #p-73b49a3d }

[All transcripts of 2022](../years/2022.md)
{: .pr-neighbours }
"""


def pages(*transcripts: Transcript, settings: RenderSettings = RenderSettings()) -> dict[str, str]:
    return {p.path: p.text for p in render_all(build_corpus(Parsed(transcripts)), settings)}


def html(page_text: str) -> BeautifulSoup:
    _, body = read(page_text)
    rendered = markdown.markdown(body, extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": True}})
    return BeautifulSoup(rendered, "html.parser")


def test_transcript_page(transcript: Transcript) -> None:
    assert pages(transcript)["transcripts/2022-01-12-press-conference.md"] == PAGE


def test_site_files(transcript: Transcript) -> None:
    older = make_transcript(slug="2014-11-29-interview", date=dt.date(2014, 11, 29), event_type="interview")
    undated = make_transcript(slug="undated-remarks", date=None)
    assert sorted(pages(transcript, older, undated)) == [
        "data/datapackage.json",
        "data/questions.csv.gz",
        "data/transcripts.json",
        "data/transcripts.jsonl.gz",
        "data/transcripts/2014-11-29-interview.json",
        "data/transcripts/2022-01-12-press-conference.json",
        "data/transcripts/undated-remarks.json",
        "feeds/outlets/cnn.xml",
        "feeds/outlets/tass.xml",
        "feeds/people/alex-marquardt.xml",
        "feeds/people/jens-stoltenberg.xml",
        "feeds/people/oana-lungescu.xml",
        "feeds/transcripts.xml",
        "index.md",
        "open-data.md",
        "outlets/cnn.md",
        "outlets/index.md",
        "outlets/tass.md",
        "people/alex-marquardt.md",
        "people/index.md",
        "people/jens-stoltenberg.md",
        "people/oana-lungescu.md",
        "transcripts/2014-11-29-interview.md",
        "transcripts/2022-01-12-press-conference.md",
        "transcripts/undated-remarks.md",
        "years/2014.md",
        "years/2022.md",
        "years/index.md",
        "years/undated.md",
    ]


def test_facts_whose_metadata_values_could_not_be_read_are_said_to_be_unknown() -> None:
    dropped = replace(make_transcript(date=None, location=None, source_url=None),
                      dropped=("location", "date", "source_url", "title"))
    page = pages(dropped)["transcripts/2022-01-12-press-conference.md"]
    assert "\n\nUndated · Press conference · 2 questions · 1 min read\n{: .pr-meta }\n\n" in page
    assert ("\n\nUnknown: place, date, source (the values recorded could not be read)\n{: .pr-meta }\n\n"
            "## Opening statement") in page
    # A place never recorded is not announced: most archived transcripts have none.
    never_given = pages(make_transcript(location=None))["transcripts/2022-01-12-press-conference.md"]
    assert "Unknown:" not in never_given
    # A dropped event type found again in the title is shown, not missing.
    found_again = replace(make_transcript(), dropped=("event_type",))
    assert "Unknown:" not in pages(found_again)["transcripts/2022-01-12-press-conference.md"]


def test_a_range_of_days_shows_every_day_of_it() -> None:
    two_days = replace(make_transcript(), date=dt.date(2015, 12, 1), date_end=dt.date(2015, 12, 2))
    page = pages(two_days)["transcripts/2022-01-12-press-conference.md"]
    assert "\n\n1–2 December 2015 · NATO Headquarters, Brussels · Press conference · " in page
    across_months = replace(two_days, date=dt.date(2015, 11, 30))
    assert "\n\n30 November – 2 December 2015 · " in pages(across_months)["transcripts/2022-01-12-press-conference.md"]
    data = pages(two_days)["data/transcripts/2022-01-12-press-conference.json"]
    assert json.loads(data)["date_end"] == "2015-12-02"


def test_front_matter_reads_back_as_the_data(transcript: Transcript) -> None:
    meta, _ = read(pages(transcript)["transcripts/2022-01-12-press-conference.md"])
    assert list(meta) == list(TRANSCRIPT_KEYS)
    assert meta["date"] == dt.date(2022, 1, 12)
    assert meta["speakers"] == ["Jens Stoltenberg"]
    assert meta["questions"] == 2


def test_questions_are_headings_with_their_anchors(transcript: Transcript) -> None:
    soup = html(pages(transcript)["transcripts/2022-01-12-press-conference.md"])
    headings = [(h["id"], h.get_text()) for h in soup.find_all("h2")]
    assert headings == [
        ("opening-statement", "Opening statement¶"),
        ("q1-cnn", "Q1 · Alex Marquardt, CNN: What did Russia say about missiles?¶"),
        ("q2-tass", "Q2 · TASS: Is the door open?¶"),
    ]
    assert [p["id"] for p in soup.find_all("p") if p.has_attr("id")] == [  # the digests of their words
        "p-57ea0d31", "p-d00d4d47", "p-ad7cee90", "p-d11e94da", "p-4b2912b4", "p-df066222", "p-f6cb86bc", "p-41c6d83a", "p-73b49a3d"
    ]


def test_neighbours_link_older_and_newer(transcript: Transcript) -> None:
    older = make_transcript(slug="2014-11-29-interview", title="Interview", date=dt.date(2014, 11, 29))
    newer = make_transcript(slug="2023-02-01-doorstep", title="Doorstep", date=dt.date(2023, 2, 1))
    page = pages(transcript, older, newer)["transcripts/2022-01-12-press-conference.md"]
    assert page.endswith(
        "Older: [Interview](2014-11-29-interview.md) · Newer: [Doorstep](2023-02-01-doorstep.md)"
        " · [All transcripts of 2022](../years/2022.md)\n{: .pr-neighbours }\n"
    )


def test_follow_up_and_unnamed_questions() -> None:
    sg = Speaker("jens-stoltenberg", "Jens Stoltenberg", None, None, "SG")
    turns = (
        Turn("t1", TurnKind.QUESTION, Speaker(None, None, None, None, "Q"), ("[inaudible]",), 1),
        Turn("t2", TurnKind.ANSWER, sg, ("Yes.",), 2),
        Turn("t3", TurnKind.QUESTION, Speaker(None, None, None, "CNN", "Follow-up"), ("And then?",), 3),
        Turn("t4", TurnKind.ANSWER, sg, ("No.",), 4),
    )
    questions = (
        Question(1, "q1", "t1", None, None, ("t2",), None),
        Question(2, "q2-cnn", "t3", None, "CNN", ("t4",), 1),
    )
    page = pages(make_transcript(turns=turns, questions=questions))["transcripts/2022-01-12-press-conference.md"]
    assert "## Q1: \\[inaudible\\] {#q1}\n\n**Q:** \\[inaudible\\]\n{: #p-827be70e .pr-question }" in page
    assert "## Q2 (follow-up to Q1) · [CNN](../outlets/cnn.md): And then? {#q2-cnn}" in page
    assert "## Opening statement" not in page


def test_answers_past_their_lead_are_marked_for_the_every_word_index_only() -> None:
    sg = Speaker("jens-stoltenberg", "Jens Stoltenberg", None, None, "SG")
    forty = " ".join(["word"] * 40)
    long_question = " ".join(["asked"] * 80)
    turns = (
        Turn("t1", TurnKind.QUESTION, Speaker(None, None, None, "CNN", "Q"), (long_question, long_question), 1),
        # 40 words, then 80: the lead ends with the paragraph that reaches 50 words.
        Turn("t2", TurnKind.ANSWER, sg, (forty, forty, "Third.", "Fourth."), 2),
        Turn("t3", TurnKind.QUESTION, Speaker(None, None, None, "TASS", "Q"), ("Short?",), 3),
        Turn("t4", TurnKind.ANSWER, sg, (" ".join(["word"] * 50), "Second."), 4),
    )
    questions = (
        Question(1, "q1-cnn", "t1", None, "CNN", ("t2",), None),
        Question(2, "q2-tass", "t3", None, "TASS", ("t4",), None),
    )
    page = pages(make_transcript(turns=turns, questions=questions))["transcripts/2022-01-12-press-conference.md"]
    marks = [line for line in page.splitlines() if line.startswith("{: #p")]
    assert marks == [
        "{: #p-d014f144 .pr-question }", "{: #p-d014f144-2 .pr-question }",  # a question is read whole; a repeat gets -2
        "{: #p-53738dc1 }", "{: #p-53738dc1-2 }", "{: #p-58c19ea8 .pr-more }", "{: #p-968f2ecf .pr-more }",
        "{: #p-bd887e92 .pr-question }",
        "{: #p-f6890642 }", "{: #p-1c6385e2 .pr-more }",
    ]
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["attr_list"])
    assert [p["id"] for p in BeautifulSoup(html, "html.parser").select("p.pr-more")] == ["p-58c19ea8", "p-968f2ecf", "p-1c6385e2"]


HOSTILE = "<script>alert(1)</script> *not bold* [link](javascript:alert(1)) {: .x} {{ config }} {% raw %} &amp; | a | b |"


def test_transcript_strings_show_literally_everywhere() -> None:
    evil = Speaker(None, "# heading", None, "- item", "1. item")
    turns = (
        Turn("t1", TurnKind.STATEMENT, Speaker(None, None, None, None, None), (HOSTILE, "---", "1. item"), 1),
        Turn("t2", TurnKind.QUESTION, evil, (f"Why {HOSTILE}?",), 2),
        Turn("t3", TurnKind.ANSWER, Speaker(None, "`x` {% raw %}", None, None, None), ("> quote",), 3),
    )
    questions = (Question(1, "q1-item", "t2", "# heading", "- item", ("t3",), None),)
    transcript = make_transcript(
        title=HOSTILE, turns=turns, questions=questions, location="<b>Brussels</b>",
        event_type="<i>x</i>", source_url="javascript:alert(1)",
    )
    text = pages(transcript)["transcripts/2022-01-12-press-conference.md"]
    meta, _ = read(text)
    assert meta["title"] == HOSTILE
    assert meta["location"] == "<b>Brussels</b>"
    soup = html(text)
    assert {el.name for el in soup.find_all(True)} == {"h1", "h2", "p", "a", "strong"}
    assert soup.find("h1").get_text() == plain(HOSTILE) + "¶"
    assert soup.find("h2", id="q1-item").get_text() == (
        "Q1 · # heading, - item: Why <script>alert(1)</script> *not bold* "
        "[link](javascript:alert(1)) {: .x} {{ config }} {% raw %} &amp…¶"  # the gist: 14 words
    )
    texts = [p.get_text() for p in soup.find_all("p")]
    assert texts[0] == "12 January 2022 · <b>Brussels</b> · <i>x</i> · 1 question · 1 min read"
    assert plain(HOSTILE) in texts
    assert "---" in texts and "1. item" in texts
    assert f"# heading (- item): Why {plain(HOSTILE)}?" in texts
    assert "`x` {% raw %}: > quote" in texts
    assert [a["href"] for a in soup.find_all("a") if not a["href"].startswith("#")] == [
        "../people/jens-stoltenberg.md",
        "../data/transcripts/2022-01-12-press-conference.json",
        "../people/heading.md",  # the asker's and the outlet's pages, named by their names as slugs
        "../outlets/item.md",
        "../years/2022.md",
    ]


def test_home_lists_only_the_latest() -> None:
    many = [
        make_transcript(slug=f"20{10 + i:02d}-01-01-t{i}", title=f"T{i}", date=dt.date(2010 + i, 1, 1))
        for i in range(12)
    ]
    home = pages(*many, settings=RenderSettings(latest=3))["index.md"]
    latest = [line for line in home.splitlines() if line.startswith("- 1 January")]
    assert latest == [
        "- 1 January 2021 · [T11](transcripts/2021-01-01-t11.md) · Press conference · 2 questions",
        "- 1 January 2020 · [T10](transcripts/2020-01-01-t10.md) · Press conference · 2 questions",
        "- 1 January 2019 · [T9](transcripts/2019-01-01-t9.md) · Press conference · 2 questions",
    ]
    assert "**12 transcripts**" in home and "from 1 January 2010 to 1 January 2021" in home


def test_year_page_groups_by_month_and_links_neighbours() -> None:
    a = make_transcript(slug="2022-01-12-a", title="A", date=dt.date(2022, 1, 12))
    b = make_transcript(slug="2022-03-02-b", title="B", date=dt.date(2022, 3, 2), event_type=None)
    c = make_transcript(slug="2021-05-05-c", title="C", date=dt.date(2021, 5, 5))
    d = make_transcript(slug="2023-05-05-d", title="D", date=dt.date(2023, 5, 5))
    _, body = read(pages(a, b, c, d)["years/2022.md"])
    assert body == (
        "# 2022\n\n2 transcripts, 4 questions from the press.\n\n## January\n\n"
        "- 12 January · [A](../transcripts/2022-01-12-a.md) · Press conference · 2 questions\n\n"
        "## March\n\n- 2 March · [B](../transcripts/2022-03-02-b.md) · 2 questions\n\n"
        "Older: [2021](2021.md) · Newer: [2023](2023.md) · [All years](index.md)\n{: .pr-neighbours }"
    )


def test_corpus_index_and_transcript_data(transcript: Transcript) -> None:
    site = pages(transcript)
    index = json.loads(site["data/transcripts.json"])
    assert index["schema"] == "pressroom.corpus/1"
    assert index["count"] == 1
    assert index["transcripts"][0]["page"] == "transcripts/2022-01-12-press-conference/"
    assert index["transcripts"][0]["data"] == "data/transcripts/2022-01-12-press-conference.json"
    assert json.loads(site["data/transcripts/2022-01-12-press-conference.json"])["slug"] == transcript.slug


def test_rendering_is_deterministic(transcript: Transcript) -> None:
    other = make_transcript(slug="2014-11-29-interview", date=dt.date(2014, 11, 29))
    assert render_all(build_corpus(Parsed((transcript, other)))) == render_all(build_corpus(Parsed((other, transcript))))


@pytest.mark.parametrize("url", ["javascript:alert(1)", None])
def test_no_source_link_without_a_web_address(url: str | None) -> None:
    page = pages(make_transcript(source_url=url))["transcripts/2022-01-12-press-conference.md"]
    assert "Source:" not in page


def test_paragraph_anchors_stay_when_an_earlier_turn_is_split_differently(transcript: Transcript) -> None:
    statement = transcript.turns[0]
    assert statement.paragraphs == ("Good afternoon.", "We met today.")
    resplit = replace(transcript, turns=(replace(statement, paragraphs=("Good afternoon. We met today.",)),
                                         *transcript.turns[1:]))
    ids = {name: [p["id"] for p in html(pages(t)["transcripts/2022-01-12-press-conference.md"]).find_all("p", id=True)]
           for name, t in (("before", transcript), ("after", resplit))}
    assert ids["before"][2:] == ids["after"][1:]  # every paragraph after the statement keeps its anchor
    assert ids["after"][0] == paragraph_anchor("Good afternoon.  We met today.\n", {})  # whitespace runs are one space
