"""The web-page reader: lines, styles, bold labels, parts of the site, facts, line numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.build import parse_corpus
from generator.reading import SourceLine, census_lines, read_raw, read_text
from generator.reading.source_lines import Style
from tests.support import CONTENT

FIXTURES = Path(__file__).parents[1] / "parsing" / "fixtures"


def lines(html: str) -> list[SourceLine]:
    return list(read_text(html.encode("utf-8"), "page.html", suffix=".html").lines)


def texts(html: str) -> list[tuple[str, str | None]]:
    return [(line.text, line.chrome) for line in lines(html)]


ARTICLE = "<article><h1>Title of the talk</h1><p>{}</p><p>" + "Enough words of speech here. " * 5 + "</p></article>"


def test_each_block_is_a_line_with_its_style_and_number() -> None:
    found = lines("<html><body>\n<article>\n<h2>Heading</h2>\n<ul><li>Item one</li>\n<li>Item two</li></ul>\n"
                  "<p>First line<br>second line</p>\n<table><tr><td>a</td><td>b</td></tr></table>\n</article>")
    assert [(line.number, line.style, line.text, line.blank_before) for line in found] == [
        (3, Style.HEADING, "Heading", True),
        (4, Style.LIST_ITEM, "Item one", True),
        (5, Style.LIST_ITEM, "Item two", True),
        (6, Style.PLAIN, "First line", True),
        (6, Style.PLAIN, "second line", False),
        (7, Style.PLAIN, "a b", True),
    ]
    assert all(line.raw == line.text and line.chrome is None for line in found)


@pytest.mark.parametrize("markup, prefix, text", [
    ("<b>Vladimir</b> <b>Putin:</b> Good afternoon.", "Vladimir Putin:", "Vladimir Putin: Good afternoon."),
    ("<b>Vladimir Putin</b><b>:</b> Good afternoon.", "Vladimir Putin:", "Vladimir Putin: Good afternoon."),
    ("<strong>Question:</strong> Why?", "Question:", "Question: Why?"),
    ("<b>Jens&nbsp;Stoltenberg:</b> Yes.", "Jens Stoltenberg:", "Jens Stoltenberg: Yes."),
    ("<b>Question:</b> <b>Really</b> now?", "Question:", "Question: Really now?"),
    ("Plain <b>bold</b> later.", None, "Plain bold later."),
    ("<b>Name (</b><i>aside</i>): words", "Name (", "Name (aside): words"),
])
def test_the_bold_run_that_opens_a_block_is_its_strong_prefix(markup: str, prefix: str | None, text: str) -> None:
    first = lines(ARTICLE.format(markup))[1]
    assert (first.strong_prefix, first.text) == (prefix, text)


def test_parts_of_the_site_are_lines_named_by_what_they_are() -> None:
    page = (
        "<body><header><nav><a href='/'>Home</a></nav></header>"
        "<form><label>Search the site</label></form>"
        + ARTICLE.format("<b>Question:</b> Why?")
        + "<div><a href='https://facebook.com/sharer.php?u=1'>Facebook</a> "
        "<a href='https://twitter.com/intent/tweet?url=1'>Twitter</a></div>"
        "<aside><p>Related story</p></aside><div>Loose text</div>"
        "<footer><p>Licensed under CC BY</p></footer><div>© 2020 Site</div></body>"
    )
    assert [(text, chrome) for text, chrome in texts(page) if chrome] == [
        ("Home", "page-navigation"),
        ("Search the site", "page-form"),
        ("Facebook Twitter", "share-widget"),
        ("Related story", "related-material"),
        ("Loose text", "outside-article"),
        ("Licensed under CC BY", "page-footer"),
        ("© 2020 Site", "page-footer"),
    ]


def test_invisible_parts_give_no_line() -> None:
    page = ARTICLE.format("Words <script>var x = 1;</script><span hidden>secret</span>"
                          "<span style='display: none'>gone</span>stay.")
    assert lines(page)[1].text == "Words stay."


def test_a_tooltip_reads_apart_from_the_sentence_it_sits_in() -> None:
    found = texts(ARTICLE.format("We met <a href='/p'>Ann Lee<span class='tooltip'>Lee Ann, minister</span></a>, "
                                 "then left."))
    assert found[1:3] == [("We met Ann Lee, then left.", None), ("Lee Ann, minister", "tooltip")]


def test_a_pull_quote_that_repeats_the_text_is_reported() -> None:
    words = "we will keep the harbours open for every ship that sails in peace"
    quote = f"<blockquote><p>“{words.capitalize()}.”</p></blockquote>"
    found = texts(ARTICLE.format(f"Today {words}, and more.").replace("</article>", quote + "</article>"))
    assert found[-1] == (f"“{words.capitalize()}.”", "pull-quote")


def test_the_article_header_gives_a_line_per_date_time_and_place() -> None:
    found = texts("<article><header><h1>Talk</h1><p><time datetime='2019-03-14'>14 March</time> "
                  "<span itemprop='location'>Aldmouth</span></p></header>"
                  "<div itemprop='articleBody'><p>Words of the talk, many of them.</p></div></article>")
    assert found == [("Talk", None), ("14 March", None), ("Aldmouth", None), ("Words of the talk, many of them.", None)]


def test_the_facts_of_the_page_fixture() -> None:
    path = FIXTURES / "html_page_with_site_chrome.html"
    document = read_text(path.read_bytes(), path.name, suffix=".html")
    assert dict(document.facts) == {
        "language": "en",
        "printed_date": "2019-03-14",
        "printed_location": "Port of Aldmouth",
        "printed_time": "11:30",
        "publisher": "Northwind Council",
        "source_url": "https://press.northwind.example/events/4411",  # the canonical link is a local file name
        "title": "Press point on harbour security",
    }
    assert document.format == "html"


def test_og_title_stands_in_for_a_missing_h1_and_canonical_wins_when_full() -> None:
    document = read_text(
        b"<html lang='fr_FR'><head><meta property='og:title' content='Shared title'>"
        b"<link rel='canonical' href='https://site.example/a'><meta property='og:url' content='https://x.example/b'>"
        b"</head><body><p>Some words.</p></body></html>", "page.html", suffix=".htm")
    assert dict(document.facts) == {"language": "fr-FR", "source_url": "https://site.example/a", "title": "Shared title"}


@pytest.mark.parametrize("page", [b"<!-- nothing -->", b"<html><head><title>t</title></head></html>", b"<p> </p>"])
def test_a_page_without_visible_text_is_an_empty_file(page: bytes) -> None:
    with pytest.raises(ContentError) as error:
        read_text(page, "page.html", suffix=".html")
    assert (error.value.problem.path, error.value.problem.code) == ("page.html", "empty-file")


def test_the_census_counts_a_page_by_its_blocks(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<nav><a href='/'>Home</a></nav>" + ARTICLE.format("Hello."), encoding="utf-8")
    assert census_lines(read_raw(path, "page.html"))[:3] == ["Home", "Title of the talk", "Hello."]


def test_a_page_in_a_content_folder_is_parsed_with_the_others(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    shutil.copy(CONTENT / "people.yaml", content / "people.yaml")
    shutil.copy(CONTENT / "outlets.yaml", content / "outlets.yaml")
    for name in ("html_page_with_site_chrome.html", "html_page_with_site_chrome.meta.yaml"):
        shutil.copy(FIXTURES / name, content / "transcripts" / name)
    corpus = parse_corpus(content, workers=1)
    assert corpus.problems == ()
    [transcript] = corpus.transcripts
    assert transcript.source == "transcripts/html_page_with_site_chrome.html"
    assert {r.rule for r in transcript.removed} >= {"page-navigation", "share-widget", "page-footer"}
