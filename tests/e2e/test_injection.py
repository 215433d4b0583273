"""Transcript text is never markup: hostile transcripts built with --strict.

The content folder (tests/e2e/hostile.py) carries HTML, script, links,
Markdown blocks, entities, attribute lists, Jinja and Liquid, front-matter
fences, YAML-breaking titles and names, right-to-left text, emoji and a
50,000-character line, and a topic taxonomy with hostile names and
descriptions. Each shows as literal text, and the built pages hold no
element or attribute that a benign page of the same kind lacks: whatever
markup a page has, the generator put there. The browser half (no script
runs) is tests/browser/test_hostile_text.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from generator.cli import main
from generator.model import Transcript
from generator.build import parse_corpus
from generator.reading.decode import normalise_text
from generator.render.escape import plain
from generator.render.transcript import paragraph_anchors
from tests.e2e.hostile import (
    BENIGN_SLUG,
    HOSTILE_SLUG,
    IN_A_SENTENCE,
    LOCATION,
    LONG_LINE,
    OUTLETS,
    PARAGRAPHS,
    QUESTIONS_SLUG,
    SOURCE_URL,
    SPEAKER,
    TITLE,
    TOPIC_DESCRIPTION,
    TOPIC_NAME,
    hostile_content,
)
from tests.e2e.words import assert_nothing_lost

pytestmark = pytest.mark.slow

SITE_NAME = "NATO Secretaries General — Press archive"
HOSTILE = (HOSTILE_SLUG, QUESTIONS_SLUG)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("hostile")
    content = hostile_content(folder)
    result = CliRunner().invoke(main, [
        "build", "--strict", "--content", str(content), "--out", str(folder / "site"),
        "--docs", str(folder / "docs"), "--report", str(folder / "report.json"),
    ])
    assert result.exit_code == 0, result.output
    return content, folder / "site", result.output


@pytest.fixture(scope="module")
def transcripts(built) -> dict[str, Transcript]:
    content, _, _ = built
    return {t.slug: t for t in parse_corpus(content).transcripts}


def page(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / "transcripts" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def built_page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def shapes(root: Tag) -> set[tuple[str, tuple[str, ...]]]:
    """Each element's name with the names of its attributes."""
    return {(element.name, tuple(sorted(element.attrs))) for element in root.find_all(True)}


def values(root: Tag, attribute: str) -> set[str]:
    found: set[str] = set()
    for element in root.find_all(attrs={attribute: True}):
        value = element[attribute]
        found.update(value if isinstance(value, list) else [value])
    return found


def paragraph_text(article: Tag, anchor: str) -> str:
    """A paragraph's text without the speaker shown before it and the permalink sign."""
    paragraph = BeautifulSoup(str(article.select_one(f"p#{anchor}")), "html.parser").p
    speaker = paragraph.find("strong", recursive=False)
    if speaker is not None and paragraph.contents[0] is speaker:
        speaker.decompose()
    return paragraph.get_text().strip()


def test_the_strict_build_passes_and_reports_nothing(built) -> None:
    _, site, output = built
    assert "problem" not in output and "warning" not in output
    report = json.loads((site.parent / "report.json").read_text(encoding="utf-8"))
    assert (report["ok"], report["problems"], report["warnings"]) == (True, {}, {})


def test_the_suite_carries_every_kind_of_hostile_text(transcripts) -> None:
    text = "\n".join(p for turn in transcripts[HOSTILE_SLUG].turns for p in turn.paragraphs)
    # As the reader normalises text: zero-width joiners go, so 👩‍👩‍👧 shows as 👩👩👧.
    assert [s for s in (*PARAGRAPHS, *IN_A_SENTENCE, LONG_LINE) if normalise_text(s) not in text] == []
    assert len(LONG_LINE) == 50_000
    assert transcripts[HOSTILE_SLUG].title == TITLE
    assert [q.outlet for q in transcripts[HOSTILE_SLUG].questions] == list(OUTLETS)
    assert len(transcripts[QUESTIONS_SLUG].questions) == len(PARAGRAPHS)


@pytest.mark.parametrize("slug", HOSTILE)
def test_no_element_or_attribute_comes_from_transcript_text(built, slug: str) -> None:
    _, site, _ = built
    benign, hostile = page(site, BENIGN_SLUG), page(site, slug)
    assert shapes(hostile) <= shapes(benign)  # the whole document: head, navigation, table of contents, article
    assert shapes(hostile.article) <= shapes(benign.article)
    assert values(hostile, "class") <= values(benign, "class")
    assert [(s.get("src"), s.string) for s in hostile.find_all("script")] == \
        [(s.get("src"), s.string) for s in benign.find_all("script")]
    assert all(re.fullmatch(r"[\w-]+", anchor) for anchor in values(hostile, "id"))
    links = values(hostile.article, "href")
    assert [h for h in links if not re.match(r"#|\.\./|https://example\.org/a\?b=%22%3E%3Cscript%3E", h)] == []
    assert [h for h in values(hostile, "href") | values(hostile, "src") if re.match(r"\s*javascript:", h, re.I)] == []


@pytest.mark.parametrize("slug", HOSTILE)
def test_every_paragraph_shows_its_text_literally(built, transcripts, slug: str) -> None:
    _, site, _ = built
    article = page(site, slug).article
    transcript = transcripts[slug]
    for turn, anchors in zip(transcript.turns, paragraph_anchors(transcript)):
        for text, anchor in zip(turn.paragraphs, anchors):
            assert anchor is not None and paragraph_text(article, anchor) == plain(text)


def test_title_facts_names_and_outlets_show_literally(built) -> None:
    _, site, _ = built
    document = page(site, HOSTILE_SLUG)
    article = document.article
    assert article.h1.get_text() == TITLE + "¶"
    assert document.title.get_text() == f"{TITLE} - {SITE_NAME}"
    assert document.find("meta", property="og:title")["content"] == TITLE
    facts, people = (p.get_text() for p in article.select("p.pr-meta"))
    assert facts.startswith(f"4 March 2021 · {LOCATION} · Press conference · 3 questions · ")
    assert people.startswith(f"Speakers: {SPEAKER}, Jens Stoltenberg (NATO Secretary General) · Source: example.org")
    source = next(a for a in article.select("p.pr-meta a") if a.get_text() == "example.org")
    assert source["href"] == "https://example.org/a?b=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E"
    speakers = [m["content"] for m in document.select("meta[data-pagefind-filter='speaker[content]']")]
    assert speakers == [SPEAKER, "Jens Stoltenberg"]
    outlets = [m["content"] for m in document.select("meta[data-pagefind-filter='outlet[content]']")]
    assert outlets == list(OUTLETS)
    headings = [h.get_text() for h in article.select("h2[id^=q]")]
    assert [h.split(": ")[0] for h in headings] == [f"Q{n} · {outlet}" for n, outlet in enumerate(OUTLETS, start=1)]
    assert SOURCE_URL not in str(document)  # only ever percent-encoded, as a link


def test_open_data_keeps_the_text_as_data(built, transcripts) -> None:
    _, site, _ = built
    data = json.loads((site / "data" / "transcripts" / f"{HOSTILE_SLUG}.json").read_text(encoding="utf-8"))
    assert (data["title"], data["location"], data["source_url"]) == (TITLE, LOCATION, SOURCE_URL)
    assert [turn["paragraphs"] for turn in data["turns"]] == [list(t.paragraphs) for t in transcripts[HOSTILE_SLUG].turns]


@pytest.mark.parametrize("slug", (*HOSTILE, BENIGN_SLUG))
def test_nothing_is_lost(built, transcripts, slug: str) -> None:
    content, site, _ = built
    assert_nothing_lost(content, site, transcripts[slug])


def test_every_topic_piece_is_on_the_pages_compared(built) -> None:
    # The comparison above means something only if the benign page has what the hostile one shows.
    _, site, _ = built
    for document in (page(site, HOSTILE_SLUG), page(site, BENIGN_SLUG)):
        article = document.article
        assert article.select("p.pr-topics a.md-tag") and article.select("p.pr-asked + ul > li.pr-asked")
        assert article.select("p.pr-related + ul > li.pr-related")


def test_topic_names_show_literally_on_transcript_pages(built) -> None:
    _, site, _ = built
    hostile, benign = page(site, HOSTILE_SLUG).article, page(site, BENIGN_SLUG).article
    assert [a.get_text() for a in hostile.select("p.pr-topics")[0].find_all("a")] == [TOPIC_NAME]
    assert hostile.select_one("li.pr-related").get_text() == f"Press conference, 3 March 2021: shares {TOPIC_NAME}"
    assert benign.select_one("li.pr-related").get_text().startswith(f"{TITLE}, 4 March 2021: shares ")
    meta = page(site, HOSTILE_SLUG).select("meta[data-pagefind-filter='topic[content]']")
    assert [m["content"] for m in meta] == [TOPIC_NAME]


def test_topic_pages_hold_no_markup_from_text(built) -> None:
    # The payload topic lists the hostile questions; Russia only the benign one.
    _, site, _ = built
    hostile, benign = built_page(site, "topics/payload"), built_page(site, "topics/russia")
    assert shapes(hostile) <= shapes(benign)
    assert values(hostile, "class") <= values(benign, "class")
    assert [(s.get("src"), s.string) for s in hostile.find_all("script")] == \
        [(s.get("src"), s.string) for s in benign.find_all("script")]
    assert all(re.fullmatch(r"[\w-]+", anchor) for anchor in values(hostile, "id"))
    assert [h for h in values(hostile.article, "href") if not re.match(r"#|\.\./", h)] == []
    article = hostile.article
    assert article.h1.get_text() == TOPIC_NAME + "¶"
    assert article.find("p").get_text() == plain(TOPIC_DESCRIPTION)
    assert hostile.title.get_text() == f"{TOPIC_NAME} - {SITE_NAME}"
    assert article.select_one("svg title").get_text() == f"{TOPIC_NAME}: times it came up per year"
    questions = [a.get_text() for a in article.select("li > a[href*='#q']")]
    assert questions[:len(OUTLETS)] == [f"Question {n}, {outlet}" for n, outlet in enumerate(OUTLETS, start=1)]
    index = built_page(site, "topics").article  # countries first, then policies
    assert [a.get_text() for a in index.select("li > a")] == ["Russia", TOPIC_NAME]


def test_person_and_outlet_pages_show_names_literally(built) -> None:
    _, site, _ = built
    outlets = built_page(site, "outlets").article
    links = {a.get_text(): a["href"] for a in outlets.select("li > a")}
    assert set(OUTLETS) <= set(links)
    people = built_page(site, "people").article
    speakers = {a.get_text(): a["href"] for a in people.select("li > a")}
    assert SPEAKER in speakers and "Jens Stoltenberg" in speakers
    benign = {"people": built_page(site, "people/jens-stoltenberg"), "outlets": built_page(site, "outlets/reuters")}
    for folder, name, href in (
        *(("outlets", outlet, links[outlet]) for outlet in OUTLETS), ("people", SPEAKER, speakers[SPEAKER])
    ):
        assert re.fullmatch(r"[a-z0-9-]+/", href)
        document = built_page(site, f"{folder}/{href}")
        assert document.article.h1.get_text() == name + "¶"
        assert document.title.get_text() == f"{name} - {SITE_NAME}"
        assert shapes(document.article) <= shapes(benign[folder].article)
        assert values(document, "class") <= values(benign[folder], "class")
        assert all(re.fullmatch(r"[\w-]+", anchor) for anchor in values(document, "id"))
    # The transcript's headings link the hostile outlets to those pages.
    article = page(site, HOSTILE_SLUG).article
    headings = article.select("h2[id^=q]")
    assert [h.select_one("a[href*='outlets/']").get_text() for h in headings] == list(OUTLETS)
