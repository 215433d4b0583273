"""Transcript text that looks like code stays text, on the page and in search results.

Two sites: one transcript made by hand (fields the parser would refuse, such
as a javascript: source address), and the hostile content folder of
tests/e2e/hostile.py built from raw files, whose payloads set
``window.__pwned`` or open a dialog if they ever run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from playwright.sync_api import Page, expect

from generator.build import STAGES, BuildSettings, Run, build, run_stages, stages_through
from generator.directory import Directory
from generator.model import Person, Question, Speaker, Transcript, Turn, TurnKind
from generator.parsing import ParsedCorpus
from generator.render.transcript import paragraph_anchor
from tests.browser.conftest import _serve
from tests.e2e import hostile as raw
from tests.support import REPO

pytestmark = pytest.mark.browser

SCRIPT = "<script>alert(1)</script>"
PARAGRAPH = f"Quokka {SCRIPT} *not bold* [link](javascript:alert(1)) {{{{ config }}}} {{% raw %}} &amp; | a | b |"
TITLE = "Doorstep <img src=x onerror=alert(1)> {: .x}"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    sg = Speaker("jens-stoltenberg", "Jens Stoltenberg", None, None, "SG")
    transcript = Transcript(
        source="transcripts/hostile.txt", slug="2020-02-02-hostile", title=TITLE, event_type="doorstep",
        date=dt.date(2020, 2, 2), location="<b>Brussels</b>", source_url="javascript:alert(1)", language="en",
        principal_speakers=(Person("jens-stoltenberg", "Jens Stoltenberg", None),),
        turns=(
            Turn("t1", TurnKind.STATEMENT, Speaker(None, None, None, None, None), (PARAGRAPH,), 1),
            Turn("t2", TurnKind.QUESTION, Speaker(None, "<i>Eve</i>", None, "\"><svg onload=alert(1)>", "Q"),
                 (f"Wombat {SCRIPT}?",), 2),
            Turn("t3", TurnKind.ANSWER, sg, ("No.",), 3),
        ),
        questions=(Question(1, "q1-eve", "t2", "<i>Eve</i>", "\"><svg onload=alert(1)>", ("t3",), None),),
        removed=(),
    )
    tmp = tmp_path_factory.mktemp("hostile")
    settings = BuildSettings(site_dir=tmp / "site", docs_dir=tmp / "docs", config_file=REPO / "mkdocs.yml",
                             cache_dir=None)
    # The stages after parsing, from a transcript no parser would make: the pages must hold up to any text.
    parsed = ParsedCorpus((transcript,), (), Directory.build((), (), ()))
    start = replace(Run.begin(settings, docs_dir=settings.docs_dir, site_dir=settings.site_dir), parsed=parsed)
    run, _timings = run_stages(start, STAGES[len(stages_through("parse")):])
    assert run.site is not None and run.site.warnings == ()
    yield from _serve(tmp / "site")


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Messages of the dialogs a page opens, each dismissed: any means a script ran."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def search(page: Page, site_url: str, query: str) -> None:
    """Type ``query`` into the search box of the home page, as a reader would."""
    page.goto(site_url)
    box = page.locator("[data-pr-search-query]")
    box.click()
    box.press_sequentially(query, delay=20)


MARKUP_IN_RESULTS = "#pr-search-results script, #pr-search-results img, #pr-search-results svg"


def test_page_shows_the_text_and_runs_nothing(page: Page, dialogs: list[str], hostile_url: str) -> None:
    page.goto(hostile_url + "transcripts/2020-02-02-hostile/")
    expect(page.locator("article h1")).to_contain_text(TITLE)
    expect(page.locator("header .md-header__topic").nth(1)).to_contain_text(TITLE)
    assert page.title() == f"{TITLE} - NATO Secretaries General — Press archive"
    expect(page.locator(f"p#{paragraph_anchor(PARAGRAPH, {})}")).to_have_text(PARAGRAPH + "¶")  # ¶: the paragraph permalink
    expect(page.locator("h2#q1-eve")).to_contain_text('Q1 · <i>Eve</i>, "><svg onload=alert(1)>: Wombat <script>alert(1)</script>?')
    expect(page.locator(".pr-meta").first).to_contain_text("<b>Brussels</b>")
    assert page.locator("article script, article img, article svg, article i, article b").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("meta[name='description']").get_attribute("content") == (
        'Doorstep statement of 2 February 2020, <b>Brussels</b>, with Jens Stoltenberg: '
        '1 question from "><svg onload=alert(1)>.'
    )
    assert dialogs == []


def test_the_cite_dialog_shows_the_text_and_runs_nothing(page: Page, dialogs: list[str], hostile_url: str) -> None:
    page.goto(hostile_url + "transcripts/2020-02-02-hostile/")
    page.get_by_role("button", name="Cite Q1").click()
    cite = page.get_by_role("dialog", name="Cite Q1 of this transcript")
    expect(cite.locator("pre[data-pr-cite-format='apa']")).to_have_text(
        f"Stoltenberg, J. (2020, February 2). {TITLE} [Doorstep statement transcript, Q1]. "
        f"NATO Secretaries General: Press Conferences and Interviews. {hostile_url}transcripts/2020-02-02-hostile/#q1-eve"
    )
    expect(cite.locator("pre[data-pr-cite-format='ris']")).to_contain_text(f"TI  - {TITLE}\n")
    expect(cite.locator("pre[data-pr-cite-format='bibtex']")).to_contain_text(
        "title = {Doorstep \\ensuremath{<}img src=x onerror=alert(1)\\ensuremath{>} \\{: .x\\}},"
    )
    assert page.locator("dialog img, dialog script, dialog svg, details.pr-cite-box img").count() == 0
    assert dialogs == []


def test_search_results_show_the_text_and_run_nothing(page: Page, dialogs: list[str], hostile_url: str) -> None:
    search(page, hostile_url, "wombat")
    result = page.locator("#pr-search-results a[href*='#q1-eve']")
    expect(result).to_contain_text("Wombat <script>alert(1)</script>?")
    page_link = page.locator("#pr-search-results li a").first
    expect(page_link.locator("h1")).to_have_text(TITLE)
    assert page.locator(MARKUP_IN_RESULTS).count() == 0
    assert dialogs == []


@pytest.fixture(scope="module")
def raw_hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("raw-hostile")
    settings = BuildSettings(content_dir=raw.hostile_content(tmp), site_dir=tmp / "site", docs_dir=tmp / "docs",
                             config_file=REPO / "mkdocs.yml", strict=True)
    report = build(settings)
    assert report.published, report.content
    yield from _serve(tmp / "site")


def pwned(page: Page) -> bool:
    return page.evaluate("() => typeof window.__pwned !== 'undefined'")


@pytest.mark.parametrize("path", [
    f"transcripts/{raw.HOSTILE_SLUG}/", f"transcripts/{raw.QUESTIONS_SLUG}/", f"transcripts/{raw.BENIGN_SLUG}/",
    "", "years/2021/",
])
def test_no_script_from_raw_transcripts_runs(page: Page, dialogs: list[str], raw_hostile_url: str, path: str) -> None:
    page.goto(raw_hostile_url + path)
    page.wait_for_load_state("load")
    # Anchors and permalinks stay in the page (the list of questions, for narrow screens, is hidden here).
    for link in page.locator("article a[href^='#']:not(nav.pr-questions a)").all()[:5]:
        link.click()
    assert not pwned(page)
    assert dialogs == []


def test_raw_hostile_text_shows_literally(page: Page, raw_hostile_url: str) -> None:
    page.goto(raw_hostile_url + f"transcripts/{raw.HOSTILE_SLUG}/")
    expect(page.locator("article h1")).to_contain_text(raw.TITLE)
    expect(page.locator(f"p#{paragraph_anchor(raw.SCRIPT, {})}")).to_have_text(raw.SCRIPT + "¶")  # ¶: its permalink
    expect(page.locator(f"p#{paragraph_anchor(raw.IMG, {})}")).to_have_text(raw.IMG + "¶")
    long_line = page.locator("article p").filter(has_text=raw.LONG_LINE[:60])
    assert long_line.inner_text() == raw.LONG_LINE + "¶"
    assert page.locator("article script, article img, article svg, article iframe").count() == 0
    assert not pwned(page)


def test_searching_raw_hostile_text_runs_nothing(page: Page, dialogs: list[str], raw_hostile_url: str) -> None:
    search(page, raw_hostile_url, "onerror")
    expect(page.locator("#pr-search-results a[href*='#q1-']").first).to_contain_text("<img src=x onerror=")
    assert page.locator(MARKUP_IN_RESULTS).count() == 0
    page.locator("#pr-search-results a[href*='#q1-']").first.click()
    page.wait_for_load_state("load")
    assert not pwned(page)
    assert dialogs == []
