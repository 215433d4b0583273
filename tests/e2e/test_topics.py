"""Recurring topics, end to end: the seeds built with --strict, followed from page to page.

Topics that recur across the seeds have pages listing the exact questions,
each question shows its three strongest topics under its heading, and a
topic of one seed is never presented as shared.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner

from generator.build import parse_corpus
from generator.cli import main
from generator.enrich import build_corpus, load_topic_config
from generator.render.frontmatter import read
from generator.render.transcript import STATEMENT_ID
from generator.topics import STATEMENT_ANCHOR, TopicIndex, UnitKey
from tests.support import CONTENT
from tests.topics.test_topic_seeds import ONE_SEED_ONLY, SHARED  # by seed prefix: 000, 002, 003

pytestmark = pytest.mark.slow

LINK_TO_QUESTION = re.compile(r"^\.\./\.\./transcripts/([a-z0-9-]+)/#([\w-]+)$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("topics")
    result = CliRunner().invoke(main, [
        "build", "--strict", "--content", str(CONTENT), "--out", str(folder / "site"),
        "--docs", str(folder / "docs"), "--report", str(folder / "report.json"),
    ])
    assert result.exit_code == 0, result.output
    return folder / "site", folder / "docs"


@pytest.fixture(scope="module")
def slugs() -> dict[str, str]:
    """Seed prefix -> transcript slug."""
    return {t.source.split("/")[-1][:3]: t.slug for t in parse_corpus(CONTENT).transcripts}


def article(site: Path, path: str) -> Tag:
    document = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return document.article


def section_links(page: Tag, heading: str) -> list[str]:
    """The hrefs of the list right after the ``<h2>`` with this text."""
    h2 = next(h for h in page.find_all("h2") if h.get_text().rstrip("¶") == heading)
    return [a["href"] for a in h2.find_next_sibling("ul").select("li > a")]


def question_links(page: Tag) -> set[tuple[str, str]]:
    """(transcript slug, anchor) of every link from a topic page to a question or statement."""
    found = set()
    for a in page.select("a[href]"):
        match = LINK_TO_QUESTION.match(a["href"])
        if match:
            found.add((match.group(1), match.group(2)))
    return found


def chips_after(heading: Tag) -> list[str]:
    """The topic chips' hrefs right under a heading."""
    chips = heading.find_next_sibling()
    assert chips is not None and "pr-topics" in chips.get("class", []), heading.get("id")
    return [a["href"] for a in chips.select("a.md-tag")]


@pytest.fixture(scope="module")
def index() -> TopicIndex:
    built = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT)).topic_index
    assert built is not None
    return built


@pytest.mark.parametrize("topic", sorted(SHARED))
def test_a_shared_topic_links_the_exact_questions_which_show_their_strongest_topics(
    site, slugs, index: TopicIndex, topic: str
) -> None:
    root, _ = site
    page = article(root, f"topics/{topic}")
    expected = {slugs[prefix] for prefix in SHARED[topic]}
    transcripts = {urldefrag(href).url for href in section_links(page, "Transcripts")}
    assert transcripts == {f"../../transcripts/{slug}/" for slug in expected}
    units = question_links(page)
    assert {slug for slug, _anchor in units} == expected
    for slug, anchor in sorted(units):
        heading = article(root, f"transcripts/{slug}").find(id=anchor)
        assert heading is not None and heading.name == "h2", (slug, anchor)  # lands on the question's heading
        unit = UnitKey(slug, STATEMENT_ANCHOR if anchor == STATEMENT_ID else anchor)
        strongest = index.topics_of_unit(unit)[:3]
        assert chips_after(heading) == [f"../../topics/{weight.topic}/" for weight in strongest], (slug, anchor)


def test_chips_of_002_lead_to_ukraine_and_ukraine_leads_to_002_and_003(site, slugs) -> None:
    root, _ = site
    page = article(root, f"transcripts/{slugs['002']}")
    top = page.find("h1").find_next_sibling("p", class_="pr-topics")
    assert [a.get_text() for a in top.select("a.md-tag")] == ["Russia", "Ukraine"]
    assert "../../topics/ukraine/" in [a["href"] for a in top.select("a.md-tag")]
    first = page.find("h2", id=re.compile(r"^q1-"))
    assert "../../topics/ukraine/" in chips_after(first)
    ukraine = question_links(article(root, "topics/ukraine"))
    assert any(slug == slugs["002"] and anchor.startswith("q") for slug, anchor in ukraine)
    assert any(slug == slugs["003"] and anchor.startswith("q") for slug, anchor in ukraine)


@pytest.mark.parametrize("topic", sorted(ONE_SEED_ONLY))
def test_a_topic_of_one_seed_has_one_transcript(site, slugs, topic: str) -> None:
    root, _ = site
    page = article(root, f"topics/{topic}")
    assert section_links(page, "Transcripts") == [f"../../transcripts/{slugs[ONE_SEED_ONLY[topic]]}/"]


def test_related_transcripts_are_explained_only_by_truly_shared_topics(site, slugs) -> None:
    root, docs = site
    names = {a.get_text(): a["href"] for a in article(root, "topics").select("li > a")}
    one_seed = {n for n, href in names.items() if href.rstrip("/").split("/")[-1] in ONE_SEED_ONLY}
    explained = 0
    for slug in slugs.values():
        page = article(root, f"transcripts/{slug}")
        for item in page.select("li.pr-related"):
            other = item.find("a")["href"].strip("./").split("/")[-1]
            shared = item.get_text().split(": shares ")[1].split(", ")
            assert shared and not set(shared) & one_seed
            for name in shared:  # the topic's page lists both transcripts
                listed = section_links(article(root, f"topics/{names[name].strip('/')}"), "Transcripts")
                assert {f"../../transcripts/{slug}/", f"../../transcripts/{other}/"} <= set(listed), name
            explained += 1
    assert explained == 6  # each seed relates to the two others


def test_related_seeds_name_the_topics_the_issue_expects(site, slugs) -> None:
    root, _ = site

    def shares(a: str, b: str) -> str:
        items = article(root, f"transcripts/{slugs[a]}").select("li.pr-related")
        return next(i.get_text() for i in items if i.find("a")["href"] == f"../{slugs[b]}/")

    assert "Ukraine" in shares("002", "003") and "Ukraine" in shares("003", "002")
    assert "ISIL" in shares("000", "003") and "ISIL" in shares("003", "000")
    assert "De-escalation" in shares("000", "002") and "De-escalation" in shares("002", "000")


def test_the_timeline_is_an_svg_with_a_text_alternative(site) -> None:
    root, _ = site
    page = article(root, "topics/ukraine")
    svg = page.select_one("figure svg[role=img]")
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text() == "Ukraine: times it came up per year"
    assert svg.find("desc", id=desc_id).get_text() == "16 times from 2014 to 2022; most in 2014 (8)."
    bars = [rect.find("title").get_text() for rect in svg.find_all("rect")]
    table = page.find("figure").find_next_sibling("table")
    assert [th.get_text() for th in table.select("thead th")] == ["Year", "Times it came up"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert rows == [["2014", "8"], ["2022", "8"]]  # the years it came up; the chart shows the years between
    assert bars == ["2014: 8 times", *(f"{year}: 0 times" for year in range(2015, 2022)), "2022: 8 times"]


def test_the_topics_index_lists_every_topic_by_kind_most_recurring_first(site) -> None:
    root, _ = site
    page = article(root, "topics")
    kinds = [h.get_text().rstrip("¶") for h in page.find_all("h2")]
    assert kinds == ["Countries and regions", "Organisations and treaties", "People", "Policies and concepts"]
    items = page.select("li")
    assert len(items) == 56  # the build report's count
    for h2 in page.find_all("h2"):  # by transcripts, then by questions and statements
        spread = [int(re.search(r"(\d+) transcripts?", li.get_text()).group(1))
                  for li in h2.find_next_sibling("ul").find_all("li")]
        assert spread == sorted(spread, reverse=True), h2.get_text()
    assert all((root / "topics" / a["href"] / "index.html").is_file() for a in page.select("li > a"))


def test_the_home_page_leads_to_the_topics(site) -> None:
    root, _ = site
    page = article(root, "")
    assert "../topics/" not in str(page)
    assert page.find("a", string="by topic")["href"] == "topics/"
    assert [a["href"] for a in page.select("p.md-tags a.md-tag")][:3] == [
        "topics/russia/", "topics/territorial-integrity/", "topics/ukraine/",
    ]


def test_transcript_front_matter_carries_the_main_topics_as_tags(site, slugs) -> None:
    _, docs = site
    meta, _body = read((docs / "transcripts" / f"{slugs['002']}.md").read_text(encoding="utf-8"))
    assert meta["tags"] == ["Russia", "Ukraine"]


def test_published_discoveries_get_pages_and_stay_suggested(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    topics = content / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\nsettings:\n  publish_discovered: true\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, [
        "build", "--strict", "--content", str(content), "--out", str(tmp_path / "site"),
        "--docs", str(tmp_path / "docs"), "--report", str(tmp_path / "report.json"),
    ])
    assert result.exit_code == 0, result.output
    index = article(tmp_path / "site", "topics")
    other = index.find_all("h2")[-1]
    assert other.get_text() == "Other recurring topics¶"
    assert [a.get_text() for a in other.find_next_sibling("ul").select("a")] == ["international law"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["counts"]["topics"] == 57
    [found] = [s for s in report["suggestions"] if s["kind"] == "topic"]
    assert found["detail"] == (
        f"said 4 times in 2 transcripts; published as a topic page; to keep it, add it to {topics}")
