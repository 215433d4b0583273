"""End to end: the seeds in content/ built into a site with --strict."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.cli import main
from generator.build import parse_corpus
from tests.support import CONTENT, REPO, fragments, indexed_text

pytestmark = pytest.mark.slow

SEED_002 = "2022-01-12-press-conference-meeting-nato-russia-council"


def run_build(tmp: Path, *extra: str, content: Path = CONTENT) -> tuple[int, str, Path, Path]:
    site, docs, report = tmp / "site", tmp / "docs", tmp / "report.json"
    result = CliRunner().invoke(
        main,
        ["build", "--content", str(content), "--out", str(site), "--docs", str(docs), "--report", str(report), *extra],
    )
    return result.exit_code, result.output, site, docs


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    code, output, site, docs = run_build(tmp_path_factory.mktemp("seeds"), "--strict")
    assert code == 0, output
    return site, docs, output


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_strict_build_passes_without_warnings(built) -> None:
    _, _, output = built
    assert "warning" not in output and "problem" not in output
    lines = output.splitlines()
    assert lines[0] == "3 transcripts, 40 questions, 14 people, 16 outlets, 56 topics"  # the report's summary first
    assert re.fullmatch(r"Built 3 transcripts \(192 pages, 192 of them rendered anew, 3 searchable\) into .*site/ in \d+\.\ds \(.*\)\.", lines[-1])


def test_check_prints_the_summary_the_build_prints(built) -> None:
    _, _, output = built
    check = CliRunner().invoke(main, ["check", "--content", str(CONTENT)])
    assert check.exit_code == 0, check.output
    summary = output[: output.index("Since the last build: ")]
    assert check.output == summary
    assert summary.splitlines()[-1] == ('suggestions: 1 outlet (Kurdish media); 1 topic ("international law") '
                                        "(see the JSON report)")


def test_the_report_is_written_as_json_for_ci(built) -> None:
    site, _, _ = built
    report = json.loads((site.parent / "report.json").read_text(encoding="utf-8"))
    assert report["schema"] == "pressroom.report/1"
    assert report["ok"] is True
    assert report["counts"] == {"transcripts": 3, "questions": 40, "people": 14, "outlets": 16, "topics": 56}
    assert (report["problems"], report["warnings"]) == ({}, {})
    [topic] = [s for s in report["suggestions"] if s["kind"] == "topic"]
    assert (topic["name"], topic["detail"]) == (
        "international law",
        f"said 4 times in 2 transcripts; add it to {CONTENT / 'topics.yaml'} to give it a topic page")
    assert "transcripts/002_a855cd627493f53a.txt#q3-ukrinform" in topic["evidence"]


def test_mkdocs_strict_alone_passes_on_the_generated_pages(built, tmp_path: Path) -> None:
    _, docs, _ = built
    config = load_config(
        config_file=str(REPO / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "again"), strict=True
    )
    mkdocs_build(config)  # raises Abort on any warning


def test_site_files(built) -> None:
    site, _, _ = built
    slugs = [t.slug for t in parse_corpus(CONTENT).transcripts]
    expected = [
        "index.html", "years/index.html", "years/2014/index.html", "years/2015/index.html",
        "years/2022/index.html", "open-data/index.html", "data/transcripts.json",
        "data/transcripts.jsonl.gz", "data/questions.csv.gz", "data/datapackage.json",
        "feeds/transcripts.xml", "feeds/topics/ukraine.xml",
        "topics/index.html", "topics/ukraine/index.html", "topics/territorial-integrity/index.html",
        "pagefind/pagefind.js", "pagefind/pagefind-entry.json",
        "pagefind-full/pagefind.js", "pagefind-full/pagefind-entry.json", "sitemap.xml",
        *(f"transcripts/{s}/index.html" for s in slugs),
        *(f"data/transcripts/{s}.json" for s in slugs),
    ]
    assert [p for p in expected if not (site / p).is_file()] == []
    assert not list(site.rglob("search_index.json"))  # no Material search index


def test_question_headings_carry_the_model_anchors(built) -> None:
    site, _, _ = built
    for transcript in parse_corpus(CONTENT).transcripts:
        page = soup(site, f"transcripts/{transcript.slug}/index.html")
        ids = [h2["id"] for h2 in page.select("article h2") if h2["id"].startswith("q")]
        assert ids == [q.anchor for q in transcript.questions]
        for h2 in page.select("article h2"):
            assert h2.select_one("a.headerlink")["href"] == f"#{h2['id']}"


def test_every_paragraph_of_a_transcript_has_an_anchor(built) -> None:
    site, _, _ = built
    page = soup(site, f"transcripts/{SEED_002}/index.html")
    added = (".pr-meta", ".pr-neighbours", ".pr-topics", ".pr-asked", ".pr-related")  # the page's, not the transcript's
    paragraphs = page.select("[data-pagefind-body] p" + "".join(f":not({c})" for c in added))
    assert len(paragraphs) > 50
    assert all(re.fullmatch(r"p-[0-9a-f]{8}(-[0-9]+)?", p.get("id", "")) for p in paragraphs)
    assert len({p["id"] for p in paragraphs}) == len(paragraphs)
    assert all(page.select(f"[data-pagefind-body] p{c}") for c in added)


def test_transcripts_topics_people_and_outlets_stay_out_of_the_navigation(built) -> None:
    site, _, _ = built
    pages = (
        "index.html", f"transcripts/{SEED_002}/index.html", "years/2022/index.html", "topics/ukraine/index.html",
        "people/jens-stoltenberg/index.html", "outlets/cnn/index.html",
    )
    for path in pages:
        nav = soup(site, path).select_one("nav.md-nav--primary")
        assert [a["href"] for a in nav.select("a[href]") if "transcripts/" in a["href"]] == []
        assert [a["href"] for a in nav.select("a[href]") if re.search(r"(topics|people|outlets)/.", a["href"])] == []
        top = nav.select("nav.md-nav--primary > ul > li > a.md-nav__link")
        assert [a.get_text(strip=True) for a in top] == ["Home", "Years", "Topics", "People", "Outlets", "Open data"]


def test_no_request_leaves_the_site(built) -> None:
    site, _, _ = built
    for html in site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                url = element.get(attr)
                if url and element.get("rel") != ["canonical"]:
                    assert not re.match(r"^(https?:)?//", url), f"{html}: {url}"


def test_only_transcripts_are_indexed_with_their_filters(built) -> None:
    site, _, _ = built
    for bundle in ("pagefind", "pagefind-full"):
        entry = json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == 3
    head = soup(site, f"transcripts/{SEED_002}/index.html").head
    filters = sorted((m["data-pagefind-filter"], m["content"]) for m in head.select("meta[data-pagefind-filter]"))
    assert ("year[content]", "2022") in filters
    assert ("event[content]", "Press conference") in filters
    assert ("speaker[content]", "Jens Stoltenberg") in filters
    assert ("outlet[content]", "TASS") in filters
    assert [value for name, value in filters if name == "topic[content]"] == ["Russia", "Ukraine"]  # its main topics
    assert soup(site, "index.html").select("[data-pagefind-body]") == []
    assert len(soup(site, f"transcripts/{SEED_002}/index.html").select("[data-pagefind-body]")) == 1


def test_the_quick_index_reads_questions_and_the_start_of_answers_the_full_one_every_word(built) -> None:
    site, _, _ = built
    page = soup(site, f"transcripts/{SEED_002}/index.html")
    later = page.select("[data-pagefind-body] p.pr-more")
    assert len(later) > 10
    assert page.select("[data-pagefind-body] p.pr-question.pr-more") == []
    url = f"/transcripts/{SEED_002}/"
    quick, full = indexed_text(site / "pagefind")[url], indexed_text(site / "pagefind-full")[url]
    for paragraph in later:
        text = paragraph.get_text(" ", strip=True).removesuffix("¶").strip()
        assert text[:60] not in quick
        assert text[:60] in full
    for question in page.select("[data-pagefind-body] p.pr-question"):
        assert question.get_text(" ", strip=True)[:60] in quick


def test_a_search_result_fetches_the_question_anchors_not_the_paragraph_permalinks(built) -> None:
    # Pagefind keeps every element with an id as an anchor, with its text: the paragraphs'
    # permalinks would put the whole text into the fragment a second time.
    site, _, _ = built
    for transcript in parse_corpus(CONTENT).transcripts:
        body = soup(site, f"transcripts/{transcript.slug}/index.html").select_one("[data-pagefind-body]")
        headings = [(h.name, h["id"]) for h in body.select("h1[id], h2[id]")]
        assert len(headings) == 1 + len(transcript.questions) + (1 if body.select_one("h2#opening-statement") else 0)
        assert len(body.select("p[id]")) > 10  # the page keeps its permalinks
        for bundle in ("pagefind", "pagefind-full"):
            anchors = fragments(site / bundle)[f"/transcripts/{transcript.slug}/"]["anchors"]
            assert [(a["element"], a["id"]) for a in anchors] == headings


def test_pages_link_their_open_data(built) -> None:
    site, _, _ = built
    link = soup(site, f"transcripts/{SEED_002}/index.html").find("a", string="JSON")
    assert link["href"] == f"../../data/transcripts/{SEED_002}.json"
    index = json.loads((site / "data" / "transcripts.json").read_text(encoding="utf-8"))
    assert [t["page"] for t in index["transcripts"]][-1] == f"transcripts/{SEED_002}/"


@pytest.mark.parametrize("path", ["", "years/2022/", f"transcripts/{SEED_002}/", "topics/ukraine/", "open-data/"])
def test_pages_announce_their_feeds_to_feed_readers(built, path: str) -> None:
    site, _, _ = built
    links = soup(site, f"{path}index.html").select("head link[rel~=alternate][type='application/atom+xml']")
    expected = ["feeds/transcripts.xml", *(["feeds/topics/ukraine.xml"] if path == "topics/ukraine/" else [])]
    depth = "../" * path.count("/")
    assert [link["href"] for link in links] == [depth + feed for feed in expected]
    assert [link["title"] for link in links][:1] == ["Newest transcripts"]
    assert all((site / feed).is_file() for feed in expected)


def test_the_open_data_page_links_the_downloads(built) -> None:
    site, _, _ = built
    page = soup(site, "open-data/index.html")
    links = {a["href"] for a in page.select("article a[href]")}
    for download in ("data/transcripts.jsonl.gz", "data/questions.csv.gz", "data/datapackage.json"):
        assert f"../{download}" in links and (site / download).is_file()
    with gzip.open(site / "data" / "questions.csv.gz", "rt", encoding="utf-8") as table:
        permalinks = [row["permalink"] for row in csv.DictReader(table)]
    slug, anchor = permalinks[-1].split("/#")
    heading = soup(site, f"{slug}/index.html").find(id=anchor)
    assert heading is not None and heading.name == "h2"  # each row's permalink lands on its question


def test_page_size_does_not_grow_with_the_archive(built) -> None:
    site, _, _ = built
    # A page's chrome (everything but its own content) stays small: the
    # navigation lists three entries whatever the number of transcripts.
    home = (site / "index.html").stat().st_size
    assert home < 40_000


def test_same_content_gives_a_byte_identical_site(built, tmp_path: Path) -> None:
    site, docs, _ = built
    code, output, again, docs_again = run_build(tmp_path)
    assert code == 0, output
    first, second = files_of(site), files_of(again)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    # The search index (filters, fragments, word index) and the open data are among the files compared.
    compared = sorted(first)
    for bundle in ("pagefind", "pagefind-full"):
        for part in ("filter", "fragment", "index"):
            assert [p for p in compared if p.startswith(f"{bundle}/{part}/")] != []
    assert len([p for p in compared if p.startswith("data/transcripts/") and p.endswith(".json")]) == 3
    assert {"data/transcripts.jsonl.gz", "data/questions.csv.gz", "data/datapackage.json"} <= set(compared)
    assert files_of(docs) == files_of(docs_again)
    assert (site.parent / "report.json").read_bytes() == (again.parent / "report.json").read_bytes()


def test_a_published_site_has_absolute_sitemap_and_canonical_links(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSROOM_SITE_URL", "https://example.org/archive/")
    code, output, site, _ = run_build(tmp_path, "--strict")
    assert code == 0, output
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://example.org/archive/transcripts/{SEED_002}/</loc>" in sitemap
    assert "<lastmod>2022-01-12</lastmod>" in sitemap  # the newest transcript's date, not today
    page = soup(site, f"transcripts/{SEED_002}/index.html")
    assert page.find("link", rel="canonical")["href"] == f"https://example.org/archive/transcripts/{SEED_002}/"


def test_an_archive_without_a_published_transcript_builds_without_a_search_index(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    for name in ("people.yaml", "outlets.yaml", "topics.yaml"):
        (content / name).write_bytes((CONTENT / name).read_bytes())
    (content / "transcripts" / "empty.txt").write_text("\n", encoding="utf-8")  # a problem, not a page
    code, output, site, _ = run_build(tmp_path, content=content)
    assert code == 0, output
    assert "Built 0 transcripts (11 pages, 11 of them rendered anew, 0 searchable)" in output
    assert (site / "index.html").is_file()
    assert not (site / "pagefind").exists() and not (site / "pagefind-full").exists()
