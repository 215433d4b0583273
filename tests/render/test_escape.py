"""Transcript text shows literally: no HTML, Markdown, attribute list or template survives."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from generator.render.escape import inline, paragraph, plain, safe_url

# The Markdown extensions mkdocs.yml enables, configured the same way.
EXTENSIONS = ["attr_list", "toc"]
EXTENSION_CONFIGS = {"toc": {"permalink": True}}

HOSTILE = [
    "<script>alert(1)</script>",
    "*not bold*",
    "**not strong**",
    "_not em_",
    "[link](javascript:alert(1))",
    "![image](x.png)",
    "<https://example.com>",
    "{: .x}",
    "{#custom-id}",
    "{{ config }}",
    "{% raw %}",
    "# heading",
    "## heading ##",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2014. A year",
    "| a | b |",
    "&amp;",
    "&copy; &#169;",
    "---",
    "***",
    "___",
    "> quote",
    "    indented code",
    "`code`",
    "```",
    "~~~",
    "!!! note",
    "[^1]: footnote",
    "[ref]: https://example.com",
    "*[HTML]: Hyper",
    "a\\b \\*",
    "line one\nline two",
    "trailing spaces  \nbreak",
    "ends with {: .x}",
    "<!-- comment -->",
    "<div markdown>x</div>",
    "\x02wzxhzdk:0\x03",
]


def render(source: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_shows_the_text_literally(text: str) -> None:
    soup = render(paragraph(text) + "\n{: #p1-1 }")
    [only] = soup.find_all(True)
    assert only.name == "p"
    assert only.attrs == {"id": "p1-1"}
    assert only.get_text() == plain(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_heading_shows_the_text_literally(text: str) -> None:
    soup = render(f"## Q1 · {inline(text)} {{#q1-cnn}}")
    heading = soup.find("h2")
    assert heading is not None and heading["id"] == "q1-cnn"
    assert heading.get_text() == f"Q1 · {plain(text)}¶"
    assert [el.name for el in soup.find_all(True)] == ["h2", "a"]  # the permalink only


@pytest.mark.parametrize("text", HOSTILE)
def test_link_text_shows_the_text_literally(text: str) -> None:
    soup = render(f"- 12 January · [{inline(text)}](page.md)")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == ["page.md"]
    assert links[0].get_text() == plain(text)


def test_no_template_or_attribute_syntax_reaches_the_page() -> None:
    for text in ("{{ config }}", "{% raw %}", "{: .x}"):
        assert "{" not in inline(text) and "}" not in inline(text)


def test_placeholder_characters_are_dropped() -> None:
    assert plain("a\x02b\x03c\x00d") == "abcd"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nato.int/cps/en/natohq/opinions_190593.htm", "https://www.nato.int/cps/en/natohq/opinions_190593.htm"),
        ("http://example.com/a b(c)", "http://example.com/a%20b%28c%29"),
        ("https://example.com/?q=1&r=<2>", "https://example.com/?q=1&r=%3C2%3E"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.com", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
SYNTAX = st.text(alphabet="<>&;#*_-+=`~|{}[]()!:.\\/ \n\t1aZ%\"'^$", max_size=40)


@given(st.one_of(ANY_TEXT, SYNTAX))
def test_any_text_is_one_literal_paragraph(text: str) -> None:
    soup = render(paragraph(text) + "\n{: #p1-1 }")
    if not plain(text):
        return
    elements = soup.find_all(True)
    assert [el.name for el in elements] == ["p"]
    assert elements[0].get_text() == plain(text)


@given(SYNTAX)
def test_markdown_syntax_in_a_heading_stays_literal(text: str) -> None:
    if not plain(text):
        return
    soup = render(f"## Q1 · {inline(text)} {{#q1-cnn}}")
    assert [el.name for el in soup.find_all(True)] == ["h2", "a"]
    assert soup.find("h2").get_text() == f"Q1 · {plain(text)}¶"
