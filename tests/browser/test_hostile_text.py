"""Transcript text that looks like code stays text, on the page and in search results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.build import BuildSettings, build_parsed
from generator.model import Person, Question, Speaker, Transcript, Turn, TurnKind
from tests.browser.conftest import _serve
from tests.support import REPO

pytestmark = pytest.mark.browser

SCRIPT = "<script>alert(1)</script>"
PARAGRAPH = f"Quokka {SCRIPT} *not bold* [link](javascript:alert(1)) {{{{ config }}}} {{% raw %}} &amp; | a | b |"
TITLE = f"Doorstep <img src=x onerror=alert(1)> {{: .x}}"


class _Parsed:
    def __init__(self, transcripts: tuple[Transcript, ...]) -> None:
        self.transcripts = transcripts
        self.problems = ()


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
    settings = BuildSettings(site_dir=tmp / "site", docs_dir=tmp / "docs", config_file=REPO / "mkdocs.yml")
    report = build_parsed(_Parsed((transcript,)), settings)
    assert report.warnings == ()
    yield from _serve(tmp / "site")


def test_page_shows_the_text_and_runs_nothing(page: Page, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url + "transcripts/2020-02-02-hostile/")
    expect(page.locator("article h1")).to_contain_text(TITLE)
    expect(page.locator("header .md-header__topic").nth(1)).to_contain_text(TITLE)
    assert page.title() == f"{TITLE} - NATO Secretaries General — Press archive"
    expect(page.locator("p#p1-1")).to_have_text(PARAGRAPH + "¶")  # ¶: the paragraph permalink
    expect(page.locator("h2#q1-eve")).to_contain_text('Q1 · <i>Eve</i>, "><svg onload=alert(1)>: Wombat <script>alert(1)</script>?')
    expect(page.locator(".pr-meta").first).to_contain_text("<b>Brussels</b>")
    assert page.locator("article script, article img, article svg, article i, article b").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("meta[name='description']").get_attribute("content") == (
        'Doorstep statement of 2 February 2020, <b>Brussels</b>, with Jens Stoltenberg: '
        '1 question from "><svg onload=alert(1)>.'
    )
    assert dialogs == []


def test_search_results_show_the_text_and_run_nothing(page: Page, hostile_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url)
    box = page.locator("[data-pr-search-query]")
    box.click()
    box.press_sequentially("wombat", delay=20)
    result = page.locator("#pr-search-results a[href*='#q1-eve']")
    expect(result).to_contain_text("Wombat <script>alert(1)</script>?")
    page_link = page.locator("#pr-search-results li a").first
    expect(page_link.locator("h1")).to_have_text(TITLE)
    assert page.locator("#pr-search-results script, #pr-search-results img, #pr-search-results svg").count() == 0
    assert dialogs == []
