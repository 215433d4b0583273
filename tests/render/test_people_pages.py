"""Person and outlet pages: what they list, their year pages, their indexes and their feeds."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.build import parse_corpus
from generator.cache import page_keys
from generator.enrich import build_corpus, load_topic_config
from generator.model import Person, Question, Speaker, Turn, TurnKind
from generator.render import paths, render_page, site_views
from generator.render.frontmatter import read
from generator.render.people_views import people_views
from generator.render.views import NameYearPage, OutletPage, PersonPage, TranscriptLabel
from generator.write import write_site
from tests.render.conftest import Parsed, make_transcript, speaker
from tests.render.test_feeds import SITE, subscribe
from tests.support import CONTENT, REPO, render_all, rendered_anew

SG = "2022-01-12-press-conference"
LATER = "2023-02-14-press-conference"


def _site(*transcripts: Any) -> dict[str, Any]:
    return {page.path: page.text for page in render_all(build_corpus(Parsed(transcripts)), workers=1)}


@pytest.fixture(scope="module")
def site() -> dict[str, Any]:
    """Two press conferences a year apart: Alex Marquardt asks for CNN in both, TASS asks unnamed."""
    return _site(make_transcript(slug=SG), make_transcript(slug=LATER, date=dt.date(2023, 2, 14)))


def test_a_questioner_page_lists_every_question_newest_first(site: dict[str, Any]) -> None:
    meta, body = read(site[paths.named("person", "alex-marquardt")])
    assert meta == {
        "title": "Alex Marquardt",
        "description": "Alex Marquardt: asked 2 questions in 2 transcripts.",
        "feed": "feeds/people/alex-marquardt.xml",
        "feed_title": "Alex Marquardt: newest transcripts",
    }
    assert body == f"""# Alex Marquardt

Alex Marquardt speaks in 2 transcripts, from 12 January 2022 to 14 February 2023: asked 2 questions. \
Follow: [Atom feed](../feeds/people/alex-marquardt.xml) of the newest transcripts.

Asked for [CNN](../outlets/cnn.md) (2 questions).

## Transcripts

- [Press conference by the Secretary General](../transcripts/{LATER}.md), 14 February 2023: asked 1 question
    - [Q1 · CNN](../transcripts/{LATER}.md#q1-cnn): What did Russia say about missiles?
- [Press conference by the Secretary General](../transcripts/{SG}.md), 12 January 2022: asked 1 question
    - [Q1 · CNN](../transcripts/{SG}.md#q1-cnn): What did Russia say about missiles?"""


def test_a_principal_speaker_page_says_the_role_and_every_question_answered(site: dict[str, Any]) -> None:
    _meta, body = read(site[paths.named("person", "jens-stoltenberg")])
    assert body.split("\n\n## Transcripts")[0] == """# Jens Stoltenberg

Roles:

- NATO Secretary General: 2 transcripts, from 12 January 2022 to 14 February 2023

Jens Stoltenberg speaks in 2 transcripts, from 12 January 2022 to 14 February 2023: answered 4 questions. \
Follow: [Atom feed](../feeds/people/jens-stoltenberg.xml) of the newest transcripts."""
    assert body.split("## Transcripts\n\n")[1].split("\n")[:3] == [
        f"- [Press conference by the Secretary General](../transcripts/{LATER}.md), 14 February 2023: "
        "answered 2 questions",
        f"    - [Q1 · Alex Marquardt, CNN](../transcripts/{LATER}.md#q1-cnn): What did Russia say about missiles?",
        f"    - [Q2 · TASS](../transcripts/{LATER}.md#q2-tass): Is the door open?",
    ]


def test_an_outlet_page_names_its_askers_and_leaves_itself_out_of_each_line(site: dict[str, Any]) -> None:
    _meta, cnn = read(site[paths.named("outlet", "cnn")])
    assert "Asked by [Alex Marquardt](../people/alex-marquardt.md) (2 questions)." in cnn
    assert f"    - [Q1 · Alex Marquardt](../transcripts/{SG}.md#q1-cnn): What did Russia say about missiles?" in cnn
    _meta, tass = read(site[paths.named("outlet", "tass")])
    assert tass.split("\n\n")[1] == (
        "TASS asked 2 questions in 2 transcripts, from 12 January 2022 to 14 February 2023. "
        "Follow: [Atom feed](../feeds/outlets/tass.xml) of the newest transcripts."
    )
    assert "Asked by" not in tass  # nobody named asked for TASS
    assert f"    - [Q2](../transcripts/{SG}.md#q2-tass): Is the door open?" in tass


def test_the_people_index_runs_a_to_z_by_surname_and_the_outlets_index_by_name_without_the() -> None:
    names = ("Zoë Ångström", "Émile Zola", "Anna de Vries", "42", "Peter O'Neil")
    turns = tuple(
        Turn(f"t{n}", TurnKind.QUESTION, speaker(TurnKind.QUESTION, name, outlet), ("Why?",), n)
        for n, (name, outlet) in enumerate(zip(names, ("The Times", "Le Monde", "NOS", "Times Radio", "ÖRF")), 1)
    )
    questions = tuple(
        Question(n, f"q{n}", turn.id, turn.speaker.name, turn.speaker.outlet, (), None)
        for n, turn in enumerate(turns, 1)
    )
    site = _site(make_transcript(turns=turns, questions=questions))
    _meta, people = read(site[paths.PEOPLE])
    lines = [line for line in people.split("\n") if line.startswith(("## ", "- "))]
    assert lines == [
        "## A {#letter-a}",
        "- [Zoë Ångström](zoe-angstrom.md), The Times: 1 transcript, 1 question asked",
        "## O {#letter-o}",
        "- [Peter O'Neil](peter-o-neil.md), ÖRF: 1 transcript, 1 question asked",
        "## S {#letter-s}",
        "- [Jens Stoltenberg](jens-stoltenberg.md), NATO Secretary General: 1 transcript",
        "## V {#letter-v}",
        "- [Anna de Vries](anna-de-vries.md), NOS: 1 transcript, 1 question asked",
        "## Z {#letter-z}",
        "- [Émile Zola](emile-zola.md), Le Monde: 1 transcript, 1 question asked",
        "## \\# {#letter-other}",
        "- [42](42.md), Times Radio: 1 transcript, 1 question asked",
    ]
    assert people.split("\n\n")[2] == (
        "[A](#letter-a) · [O](#letter-o) · [S](#letter-s) · [V](#letter-v) · [Z](#letter-z) · [\\#](#letter-other)"
    )
    _meta, outlets = read(site[paths.OUTLETS])
    assert [line.split("]")[0] for line in outlets.split("\n") if line.startswith("- ")] == [
        "- [Le Monde", "- [NOS", "- [ÖRF", "- [The Times", "- [Times Radio",
    ]


def test_a_transcript_links_its_speakers_askers_and_outlets_to_their_pages(site: dict[str, Any]) -> None:
    _meta, body = read(site[paths.transcript(SG)])
    assert "Speaker: [Jens Stoltenberg](../people/jens-stoltenberg.md) (NATO Secretary General)" in body
    assert "## Q1 · [Alex Marquardt](../people/alex-marquardt.md), [CNN](../outlets/cnn.md): " in body
    linked = set(re.findall(r"\]\(\.\./((?:people|outlets)/[^)]+)\)", body))
    assert linked == {
        "people/jens-stoltenberg.md", "people/alex-marquardt.md", "outlets/cnn.md", "outlets/tass.md",
    }
    assert linked <= set(site)  # every link lands on a page


def test_a_person_with_no_name_has_no_page_and_no_link() -> None:
    anonymous = Speaker("moderator", None, "Moderator", None, "MODERATOR")
    transcript = make_transcript()
    turns = tuple(replace(t, speaker=anonymous) if t.kind is TurnKind.MODERATOR else t for t in transcript.turns)
    site = _site(replace(transcript, turns=turns, principal_speakers=(Person("", "", None),)))
    assert sorted(path for path in site if path.startswith("people/")) == [
        "people/alex-marquardt.md", "people/index.md", "people/jens-stoltenberg.md",
    ]


def test_feeds_follow_a_person_and_an_outlet(site: dict[str, Any]) -> None:
    for path, title in (
        (paths.named_feed("person", "alex-marquardt"), "Alex Marquardt: newest transcripts"),
        (paths.named_feed("outlet", "tass"), "TASS: newest transcripts"),
    ):
        feed = subscribe(site, path)
        assert feed.feed.title == title
        assert [item.link for item in feed.entries] == [
            f"{SITE}transcripts/{LATER}/", f"{SITE}transcripts/{SG}/"
        ]


def _many_years() -> tuple[Any, ...]:
    return tuple(
        make_transcript(slug=f"{year}-06-01-press-conference", date=dt.date(year, 6, 1)) for year in (2019, 2020, 2021)
    ) + (make_transcript(slug="undated-remarks", date=None),)


def test_a_big_person_gets_a_page_per_year_newest_first_undated_last() -> None:
    corpus = build_corpus(Parsed(_many_years()))
    views = list(people_views(corpus, [_label(e) for e in corpus.entries], {}, per_page=5))
    main = next(v for v in views if isinstance(v, PersonPage) and v.person.slug == "jens-stoltenberg")
    assert main.listing is None
    assert [(y.year, y.transcripts, y.asked, y.answered) for y in main.years] == [
        (2021, 1, 0, 2), (2020, 1, 0, 2), (2019, 1, 0, 2), (None, 1, 0, 2),
    ]
    years = [v for v in views if isinstance(v, NameYearPage) and v.label.slug == "jens-stoltenberg"]
    assert [v.path for v in years] == [
        "people/jens-stoltenberg/2021.md", "people/jens-stoltenberg/2020.md",
        "people/jens-stoltenberg/2019.md", "people/jens-stoltenberg/undated.md",
    ]
    _meta, body = read(render_page(years[0]).text)
    assert body.split("\n\n")[:2] == [
        "# Jens Stoltenberg in 2021",
        "Part of [Jens Stoltenberg](../jens-stoltenberg.md): 1 transcript, answered 2 questions.",
    ]
    _meta, page = read(render_page(main).text)
    assert page.split("## By year\n\n")[1] == (
        "- [2021](jens-stoltenberg/2021.md): 1 transcript, answered 2 questions\n"
        "- [2020](jens-stoltenberg/2020.md): 1 transcript, answered 2 questions\n"
        "- [2019](jens-stoltenberg/2019.md): 1 transcript, answered 2 questions\n"
        "- [Undated](jens-stoltenberg/undated.md): 1 transcript, answered 2 questions"
    )
    cnn = next(v for v in views if isinstance(v, OutletPage) and v.outlet.slug == "cnn")
    assert (cnn.listing, [y.year for y in cnn.years]) == (None, [2021, 2020, 2019, None])  # 8 lines
    small = next(v for v in views if isinstance(v, PersonPage) and v.person.slug == "oana-lungescu")
    assert small.years == () and small.listing is not None and len(small.listing.transcripts) == 4


def test_a_year_longer_than_a_page_gets_a_page_per_month_newest_first() -> None:
    transcripts = tuple(
        make_transcript(slug=f"2021-{month:02}-0{day}-press-conference", date=dt.date(2021, month, day))
        for month, day in ((3, 1), (3, 2), (7, 1))
    ) + (make_transcript(slug="2020-06-01-press-conference", date=dt.date(2020, 6, 1)),)
    corpus = build_corpus(Parsed(transcripts))
    views = list(people_views(corpus, [_label(e) for e in corpus.entries], {}, per_page=5))
    main = next(v for v in views if isinstance(v, PersonPage) and v.person.slug == "jens-stoltenberg")
    assert [(y.year, y.transcripts, y.answered, y.months) for y in main.years] == [(2021, 3, 6, (7, 3)), (2020, 1, 2, ())]
    pages = [v for v in views if isinstance(v, NameYearPage) and v.label.slug == "jens-stoltenberg"]
    assert [(v.path, len(v.listing.transcripts)) for v in pages] == [
        ("people/jens-stoltenberg/2021-07.md", 1), ("people/jens-stoltenberg/2021-03.md", 2),
        ("people/jens-stoltenberg/2020.md", 1),
    ]
    _meta, body = read(render_page(main).text)
    assert body.split("## By year\n\n")[1] == (
        "- 2021: 3 transcripts, answered 6 questions; by month: "
        "[July](jens-stoltenberg/2021-07.md), [March](jens-stoltenberg/2021-03.md)\n"
        "- [2020](jens-stoltenberg/2020.md): 1 transcript, answered 2 questions"
    )
    _meta, march = read(render_page(pages[1]).text)
    assert march.split("\n\n")[:2] == [
        "# Jens Stoltenberg in March 2021",
        "Part of [Jens Stoltenberg](../jens-stoltenberg.md): 2 transcripts, answered 4 questions.",
    ]


def _label(entry: Any) -> TranscriptLabel:
    return TranscriptLabel(entry.slug, entry.transcript.title, entry.transcript.date)


def test_an_edit_changes_the_keys_of_the_pages_of_the_people_in_it_only() -> None:
    a = make_transcript(slug=SG)
    b = make_transcript(slug=LATER, date=dt.date(2023, 2, 14))
    solo = Turn("t9", TurnKind.QUESTION, speaker(TurnKind.QUESTION, "Lone Asker", "NRK"), ("Hello?",), 30)
    c = replace(
        make_transcript(slug="2024-03-01-interview", date=dt.date(2024, 3, 1)),
        turns=(solo,), questions=(Question(1, "q1-nrk", "t9", "Lone Asker", "NRK", (), None),),
    )
    before = page_keys(site_views(build_corpus(Parsed((a, b, c)))))
    edited = replace(b, questions=(b.questions[0], replace(b.questions[1], outlet="Reuters")))
    after = page_keys(site_views(build_corpus(Parsed((a, edited, c)))))
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    assert {p for p in changed if p.startswith(("people/", "outlets/"))} == {
        "people/jens-stoltenberg.md",  # answered the question whose outlet changed
        "outlets/index.md", "outlets/tass.md", "outlets/reuters.md",
    }
    # A feed lists the edited transcript with the outlets it names: the feeds that hold it change.
    assert {"feeds/people/alex-marquardt.xml", "feeds/outlets/reuters.xml"} <= changed
    assert not {"feeds/people/lone-asker.xml", "feeds/outlets/nrk.xml", "people/lone-asker.md"} & changed


@pytest.mark.slow
def test_the_seeds_person_and_outlet_pages_build_strict_with_year_pages(tmp_path: Path) -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    views = list(site_views(corpus))
    transcripts = [_label(entry) for entry in corpus.entries]
    people = list(people_views(corpus, transcripts, {}, per_page=10))
    assert any(isinstance(v, NameYearPage) for v in people), "Jens Stoltenberg gets year pages"
    named = {v.path for v in people}
    pages = [render_page(v) for v in views if v.path not in named] + [render_page(v) for v in people]
    docs = tmp_path / "docs"
    write_site(rendered_anew(pages), docs)
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"), strict=True
    )
    mkdocs_build(config)  # raises on any broken link or anchor
    # 2022 alone is longer than 10 lines (a transcript, 13 questions): a page per month.
    html = (tmp_path / "site" / "people" / "jens-stoltenberg" / "2022-01" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../transcripts/2022-01-12-press-conference-meeting-nato-russia-council/#q1-cnn"' in html
    assert "Jens Stoltenberg in January 2022" in html
    main = (tmp_path / "site" / "people" / "jens-stoltenberg" / "index.html").read_text(encoding="utf-8")
    assert 'by month: <a href="2022-01/">January</a>' in main


def test_a_person_who_asked_and_answered_in_one_transcript_sees_which_was_which() -> None:
    transcript = make_transcript()
    turns = (*transcript.turns, Turn("t8", TurnKind.ANSWER, speaker(TurnKind.ANSWER, "Alex Marquardt"), ("Yes.",), 26))
    questions = (transcript.questions[0], replace(transcript.questions[1], answers=("t7", "t8")))
    site = _site(replace(transcript, turns=turns, questions=questions))
    _meta, body = read(site[paths.named("person", "alex-marquardt")])
    assert body.split("## Transcripts\n\n")[1].split("\n") == [
        f"- [Press conference by the Secretary General](../transcripts/{SG}.md), 12 January 2022: "
        "asked 1 question and answered 1",
        f"    - [Asked Q1 · CNN](../transcripts/{SG}.md#q1-cnn): What did Russia say about missiles?",
        f"    - [Answered Q2 · TASS](../transcripts/{SG}.md#q2-tass): Is the door open?",
    ]


def test_a_moderator_page_lists_the_transcripts_without_questions(site: dict[str, Any]) -> None:
    _meta, body = read(site[paths.named("person", "oana-lungescu")])
    assert body.split("## Transcripts\n\n")[1] == (
        f"- [Press conference by the Secretary General](../transcripts/{LATER}.md), 14 February 2023\n"
        f"- [Press conference by the Secretary General](../transcripts/{SG}.md), 12 January 2022"
    )
