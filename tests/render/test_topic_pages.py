"""Topic pages, the topics index, transcript-page pieces and the timeline SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.build import parse_corpus
from generator.enrich import Corpus, TopicConfig, build_corpus, load_topic_config
from generator.render import Page, paths, render_page, site_views
from generator.render.frontmatter import read
from generator.render.timeline_svg import describe, full_years, timeline_svg
from generator.render.topic_links import ASKED, asked, chips
from generator.render.topic_pages import PER_PAGE
from generator.render.topic_views import Labels, topic_views
from generator.render.views import TopicPage, TopicsPage, TopicYearPage, TranscriptPage
from generator.topics import TopicIndex, TopicSettings
from generator.write import write_site
from tests.support import CONTENT, Parsed, REPO, render_all, rendered_anew
from tests.topics.conftest import make_transcript, taxonomy_from

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
def corpus() -> Corpus:
    first = make_transcript(
        "first",
        [(f"Crimea? {NASTY}", f"Crimea and Ukraine. {NASTY}"), ("Sevastopol?", "Sevastopol.")],
        date=dt.date(2014, 3, 1),
        outlets=[f"Outlet {NASTY}", None],
        statement="On Crimea.",
    )
    second = make_transcript("second", [("Crimea again?", "Crimea, yes.")], date=dt.date(2016, 1, 1))
    return build_corpus(Parsed((first, second)), TopicConfig(TAXONOMY, TopicSettings()))


@pytest.fixture(scope="module")
def small(corpus: Corpus) -> TopicIndex:
    assert corpus.topic_index is not None
    return corpus.topic_index



def topic_pages(index: TopicIndex, slug: str, per_page: int = PER_PAGE) -> list[Page]:
    """The pages of one topic, main page first, as a build with ``per_page`` renders them."""
    views = topic_views(index, Labels(index), per_page)
    return [render_page(v) for v in views if isinstance(v, (TopicPage, TopicYearPage)) and v.topic.slug == slug]


def transcript_view(corpus: Corpus, slug: str) -> TranscriptPage:
    """The view of a transcript's page, as the build makes it."""
    found = [v for v in site_views(corpus) if isinstance(v, TranscriptPage) and v.entry.slug == slug]
    return found[0]


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
    page = topic_pages(small, "crimea")[0]
    meta, body = read(page.text)
    assert page.path == "topics/crimea.md" and meta["title"] == "Crimea"
    assert body.index("../transcripts/second.md") < body.index("../transcripts/first.md")
    assert f"../transcripts/first.md#{small.transcript('first').questions[0].anchor}" in body
    assert "../transcripts/first.md#opening-statement" in body
    assert "More specific: [Sevastopol](sevastopol.md)." in body
    assert "| 2014 | 2 |\n| 2016 | 1 |" in body and '<svg xmlns="http://www.w3.org/2000/svg"' in body
    assert "- [Question 1](../transcripts/second.md#q1): <mark>Crimea</mark> again?" in body
    assert "- [Opening statement](../transcripts/first.md#opening-statement): On <mark>Crimea</mark>." in body


def test_big_topics_get_one_page_per_year(small: TopicIndex) -> None:
    main, *years = topic_pages(small, "crimea", per_page=2)
    assert [p.path for p in years] == ["topics/crimea/2016.md", "topics/crimea/2014.md"]
    _meta, body = read(main.text)
    assert "- [2016](crimea/2016.md): 1 question in 1 transcript" in body
    assert "- [2014](crimea/2014.md): 1 question in 1 transcript" in body
    assert "## Questions" not in body
    _meta, year = read(years[1].text)
    assert year.startswith("# Crimea in 2014\n\nPart of [Crimea](../crimea.md)")
    assert "(../../transcripts/first.md#opening-statement)" in year
    assert len(topic_pages(small, "crimea")) == 1  # a small topic has no year pages


def test_child_topic_names_its_parent(small: TopicIndex) -> None:
    assert "Part of [Crimea](crimea.md)." in topic_pages(small, "sevastopol")[0].text


def test_transcript_text_is_escaped_everywhere(corpus: Corpus, small: TopicIndex) -> None:
    texts = [topic_pages(small, "crimea")[0].text, topic_pages(small, "ukraine")[0].text]
    texts += [render_page(transcript_view(corpus, slug)).text for slug in ("first", "second")]
    for text in texts:
        _meta, body = read(text)
        assert "<script>" not in body and "<b>" not in body
        assert "{{" not in body and "{%" not in body
        assert "*bold*" not in body and "[link](x)" not in body


def test_topics_index_groups_by_kind_and_links_pages(small: TopicIndex) -> None:
    view = next(v for v in topic_views(small, Labels(small)) if isinstance(v, TopicsPage))
    page = render_page(view)
    assert page.path == paths.TOPICS
    _meta, body = read(page.text)
    assert "## Countries and regions" in body
    assert "- [Crimea](crimea.md): 2 transcripts, 2 questions" in body


def test_transcript_page_pieces(corpus: Corpus, small: TopicIndex) -> None:
    anchor = small.transcript("first").questions[0].anchor
    first = transcript_view(corpus, "first")
    pieces = first.topics.of_question(anchor)
    assert pieces is not None
    assert chips(pieces.chips, first.path) == [
        "[Crimea](../topics/crimea.md){ .md-tag } [Ukraine](../topics/ukraine.md){ .md-tag }\n"
        '{: .md-tags .pr-topics data-pagefind-ignore="" }'
    ]
    assert [topic.name for topic in first.topics.main] == ["Crimea", "Sevastopol", "Ukraine"]
    _meta, body = read(render_page(first).text)
    assert "- [Transcript second](second.md), 1 January 2016: shares Crimea" in body
    second = transcript_view(corpus, "second")
    [listed] = asked(second.topics.of_question("q1"), second.path)
    assert listed.startswith(f"**Asked before**\n{{: {ASKED} }}\n\n- [1 March 2014, Outlet")
    assert f"(first.md#{anchor})" in listed
    assert asked(first.topics.of_question("q2"), first.path) == []


def test_a_question_listed_from_two_folders_links_from_each(corpus: Corpus) -> None:
    pieces = transcript_view(corpus, "second").topics.of_question("q1")
    near, far = asked(pieces, "transcripts/second.md"), asked(pieces, "topics/crimea/2016.md")
    assert "](first.md#" in near[0] and "](../../transcripts/first.md#" in far[0]
    assert asked(pieces, "transcripts/second.md") == near


@pytest.mark.slow
def test_seed_site_with_topic_pages_builds_strict(tmp_path: Path) -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    index = corpus.topic_index
    assert index is not None
    pages = [page for page in render_all(corpus) if not page.path.startswith("topics/")]
    pages += [render_page(view) for view in topic_views(index, Labels(index), per_page=4)]
    assert any(p.path.startswith("topics/russia/") for p in pages), "some topics get year pages"
    docs = tmp_path / "docs"
    write_site(rendered_anew(pages), docs)
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(tmp_path / "site"),
        strict=True,
        not_in_nav="/transcripts/\n/years/\n/topics/\n/people/\n/outlets/\n",
    )
    mkdocs_build(config)  # raises on any broken link or anchor
    html = (tmp_path / "site" / "topics" / "isil" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in html and "<figcaption>" in html
    assert paths.topic("isil") == "topics/isil.md"


def test_every_published_topic_has_a_page_and_a_line_on_the_index() -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    site = {page.path: page.text for page in render_all(corpus, workers=1)}
    _meta, topics_index = read(site[paths.TOPICS])
    for topic in corpus.topics:
        assert paths.topic(topic.slug) in site
        assert f"]({topic.slug}.md): " in topics_index
