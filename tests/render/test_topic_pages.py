"""Topic pages, the topics index, transcript-page pieces and the timeline SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.enrich import build_corpus, load_topic_config
from generator.build import parse_corpus
from generator.render import paths, render_site
from generator.render.frontmatter import read
from generator.render.timeline_svg import describe, full_years, timeline_svg
from generator.render.topic_links import TopicLinks, asked_section, related_items, topic_chips
from generator.render.topic_pages import (
    TOPICS_INDEX,
    render_topic_pages,
    render_topics_index,
    topic_page_sources,
)
from generator.topics import TopicIndex, UnitKey
from generator.write import write_site
from tests.support import CONTENT, REPO, rendered_anew
from tests.topics.conftest import make_transcript, taxonomy_from, topic_index_of

NASTY = "<script>alert(1)</script> *bold* [link](x) {{ jinja }} {% block %} | pipe # hash"

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: Crimea, kind: country-region, description: "The peninsula <b>{{ x }}</b>"}
  - {name: Ukraine, kind: country-region, description: d}
  - {name: Sevastopol, kind: country-region, description: d, parent: crimea}
"""
)


@pytest.fixture(scope="module")
def small() -> TopicIndex:
    first = make_transcript(
        "first",
        [(f"Crimea? {NASTY}", f"Crimea and Ukraine. {NASTY}"), ("Sevastopol?", "Sevastopol.")],
        date=dt.date(2014, 3, 1),
        outlets=[f"Outlet {NASTY}", None],
        statement="On Crimea.",
    )
    second = make_transcript("second", [("Crimea again?", "Crimea, yes.")], date=dt.date(2016, 1, 1))
    return topic_index_of((first, second), TAXONOMY)


def test_timeline_svg_is_valid_xml_with_title_desc_and_zero_years() -> None:
    svg = timeline_svg([(2014, 2), (2016, 1)], title="Crimea <&> per year", ident="t-crimea")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.attrib["role"] == "img" and root.attrib["aria-labelledby"] == "t-crimea-title t-crimea-desc"
    assert root.find(f"{ns}title").text == "Crimea <&> per year"
    assert root.find(f"{ns}desc").text == "3 times from 2014 to 2016; most in 2014 (2)."
    assert [r.find(f"{ns}title").text for r in root.iter(f"{ns}rect")] == [
        "2014: 2 times",
        "2015: 0 times",
        "2016: 1 time",
    ]
    assert "\n\n" not in svg
    assert svg == timeline_svg([(2014, 2), (2016, 1)], title="Crimea <&> per year", ident="t-crimea")


def test_timeline_of_nothing() -> None:
    assert full_years([]) == [] and describe([]) == "No dated occurrences."
    ET.fromstring(timeline_svg([], title="x", ident="x"))


def test_topic_page_lists_transcripts_and_questions_newest_first(small: TopicIndex) -> None:
    page = render_topic_pages(small, "crimea")[0]
    meta, body = read(page.text)
    assert page.path == "topics/crimea.md" and meta["title"] == "Crimea"
    assert body.index("../transcripts/second.md") < body.index("../transcripts/first.md")
    assert f"../transcripts/first.md#{small.transcript('first').questions[0].anchor}" in body
    assert "../transcripts/first.md#opening-statement" in body
    assert "More specific: [Sevastopol](sevastopol.md)." in body
    assert "| 2015 | 0 |" in body and '<svg xmlns="http://www.w3.org/2000/svg"' in body
    assert "*Answer:* Crimea and Ukraine." in body


def test_big_topics_get_one_page_per_year(small: TopicIndex) -> None:
    main, *years = render_topic_pages(small, "crimea", per_page=2)
    assert [p.path for p in years] == ["topics/crimea/2016.md", "topics/crimea/2014.md"]
    _meta, body = read(main.text)
    assert "- [2016](crimea/2016.md): 1 question in 1 transcript" in body
    assert "- [2014](crimea/2014.md): 1 question in 1 transcript" in body
    assert "## Questions" not in body
    _meta, year = read(years[1].text)
    assert year.startswith("# Crimea in 2014\n\nPart of [Crimea](../crimea.md)")
    assert "(../../transcripts/first.md#opening-statement)" in year
    assert len(render_topic_pages(small, "crimea")) == 1  # a small topic has no year pages


def test_a_year_page_rendered_alone_is_the_one_rendered_with_the_others(small: TopicIndex) -> None:
    every = render_topic_pages(small, "crimea", per_page=2)
    for page in every[1:]:
        alone = [s.render() for s in topic_page_sources(small, "crimea", per_page=2, wanted={page.path})
                 if s.path == page.path]
        assert alone == [page]


def test_child_topic_names_its_parent(small: TopicIndex) -> None:
    assert "Part of [Crimea](crimea.md)." in render_topic_pages(small, "sevastopol")[0].text


def test_transcript_text_is_escaped_everywhere(small: TopicIndex) -> None:
    texts = [render_topic_pages(small, "crimea")[0].text, render_topic_pages(small, "ukraine")[0].text]
    texts.append(asked_section(small, UnitKey("second", "q1"), "transcripts/second.md"))
    for text in texts:
        _meta, body = read(text)
        assert "<script>" not in body and "<b>" not in body
        assert "{{" not in body and "{%" not in body
        assert "*bold*" not in body and "[link](x)" not in body


def test_topics_index_groups_by_kind_and_links_pages(small: TopicIndex) -> None:
    page = render_topics_index(small)
    assert page.path == TOPICS_INDEX
    _meta, body = read(page.text)
    assert "## Countries and regions" in body
    assert "- [Crimea](crimea.md): 2 transcripts, 2 questions" in body


def test_transcript_page_pieces(small: TopicIndex) -> None:
    anchor = small.transcript("first").questions[0].anchor
    chips = topic_chips(small.topics_of_unit(UnitKey("first", anchor)), small, "transcripts/first.md")
    assert chips == "[Crimea](../topics/crimea.md){ .md-tag } [Ukraine](../topics/ukraine.md){ .md-tag }"
    links = TopicLinks(small)
    assert links.tags(links.main("first")) == ["Crimea", "Sevastopol", "Ukraine"]
    related = related_items(small, "first", "transcripts/first.md")
    assert related[0].startswith("- [Transcript second](second.md), 1 January 2016: shares Crimea")
    asked = asked_section(small, UnitKey("second", "q1"), "transcripts/second.md")
    assert asked.startswith("**Asked before**\n\n- [1 March 2014, Outlet")
    assert f"(first.md#{anchor})" in asked
    assert asked_section(small, UnitKey("first", "q2"), "transcripts/first.md") == ""


@pytest.mark.slow
def test_seed_site_with_topic_pages_builds_strict(taxonomy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_corpus(CONTENT)
    index = topic_index_of(parsed.transcripts, taxonomy)
    pages = list(render_site(build_corpus(parsed)).pages)
    pages += [page for t in index.topics for page in render_topic_pages(index, t.slug, per_page=4)]
    assert any(p.path.startswith("topics/russia/") for p in pages), "some topics get year pages"
    pages.append(render_topics_index(index))
    docs = tmp_path / "docs"
    write_site(rendered_anew(pages), docs)
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "site"),
        strict=True,
        not_in_nav="/transcripts/\n/years/\n/topics/\n",
    )
    mkdocs_build(config)  # raises on any broken link or anchor
    html = (tmp_path / "site" / "topics" / "isil" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in html and "<figcaption>" in html
    assert paths.topic("isil") == "topics/isil.md"


def test_topic_site_is_every_topic_page_and_the_index() -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    index = corpus.topic_index
    assert index is not None
    site = tuple(page for page in render_site(corpus, workers=1).pages if page.path.startswith("topics/"))
    expected = [render_topics_index(index)]
    for topic in index.topics:
        expected += render_topic_pages(index, topic.slug)
    assert site == tuple(sorted(expected, key=lambda page: page.path))


def test_asked_section_memo_changes_nothing(small: TopicIndex) -> None:
    memo: dict = {}  # type: ignore[type-arg]
    for transcript in small.transcripts:
        path = f"transcripts/{transcript.slug}.md"
        for question in transcript.questions:
            key = UnitKey(transcript.slug, question.anchor)
            assert asked_section(small, key, path, memo=memo) == asked_section(small, key, path)
