"""Search on an archive larger than a page of results: the quick index first, every word when needed.

The quick index reads the questions and the start of each answer; the
every-word index is asked when the quick one finds fewer transcripts than a
page of results, or for every query while "Every word" is ticked
(generator/site/search.py, assets/javascripts/pressroom.js).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from generator.site.search import EXCLUDE, LATER_PARAGRAPHS
from tests.browser.conftest import ARCHIVE_SIZE

pytestmark = pytest.mark.browser

WORD = re.compile(r"[a-z]+")


def transcripts_saying(site: Path, word: str) -> tuple[list[str], list[str]]:
    """The transcripts (page URLs) whose questions and answer leads say ``word``, and those saying it anywhere."""
    lead, anywhere = [], []
    for html in sorted((site / "transcripts").glob("*/index.html")):
        body = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("[data-pagefind-body]")
        for left_out in body.select(", ".join((*EXCLUDE, "[data-pagefind-ignore]"))):
            left_out.decompose()
        url = f"/transcripts/{html.parent.name}/"
        if word in WORD.findall(body.get_text(" ").lower()):
            anywhere.append(url)
        for later in body.select(f"p{LATER_PARAGRAPHS}"):
            later.decompose()
        if word in WORD.findall(body.get_text(" ").lower()):
            lead.append(url)
    return lead, anywhere


def search(page: Page, text: str) -> list[str]:
    """Type ``text`` in the search box; the search files fetched from then on (a live list)."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/pagefind" in request.url else None)
    box = page.locator("[data-pr-search-query]")
    box.click()
    box.press_sequentially(text, delay=20)
    return fetched


def status(page: Page):
    return page.locator("#pr-search-status")


def test_a_common_word_is_answered_by_the_quick_index_alone(page: Page, archive_url: str, archive_site: Path) -> None:
    lead, anywhere = transcripts_saying(archive_site, "presence")
    assert 10 <= len(lead) < len(anywhere) <= ARCHIVE_SIZE
    page.goto(archive_url)
    fetched = search(page, "presence")
    expect(status(page)).to_have_text(
        f"{len(lead)} transcripts match in their questions or the start of an answer, showing the first 10"
    )
    expect(page.locator("#pr-search-results > li")).to_have_count(10)
    page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/pagefind-full/" in url] == []


def test_a_word_said_only_deep_in_an_answer_is_found_in_every_word(
    page: Page, archive_url: str, archive_site: Path
) -> None:
    lead, anywhere = transcripts_saying(archive_site, "dayton")
    assert lead == [] and len(anywhere) == 1
    page.goto(archive_url)
    fetched = search(page, "Dayton")
    expect(status(page)).to_have_text("1 transcript matches")
    result = page.locator("#pr-search-results a[href*='#']").first
    expect(result).to_have_attribute("href", re.compile("^" + re.escape(anywhere[0]) + "#q"))
    expect(result.locator("mark")).to_have_text(["Dayton"])
    assert [url for url in fetched if "/pagefind-full/index/" in url] != []
    # One copy of Pagefind's script serves both indexes.
    assert [url for url in fetched if url.endswith("/pagefind-full/pagefind.js")] == []


def test_every_word_searches_whole_answers(page: Page, archive_url: str, archive_site: Path) -> None:
    lead, anywhere = transcripts_saying(archive_site, "presence")
    page.goto(archive_url)
    search(page, "presence")
    expect(status(page)).to_contain_text(f"{len(lead)} transcripts match in their questions")
    every_word = page.get_by_label(re.compile("^Every word"))
    every_word.check()
    expect(status(page)).to_have_text(f"{len(anywhere)} transcripts match, showing the first 10")
    every_word.uncheck()
    expect(status(page)).to_contain_text(f"{len(lead)} transcripts match in their questions")
