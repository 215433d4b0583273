"""Old addresses in a real browser: a moved transcript's address and a renumbered question's anchor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import _serve
from tests.browser.test_accessibility import serious
from tests.e2e.addresses import (
    AIR_DEFENCE, EXERCISE, EXERCISE_CORRECTED, FIRST, SECOND, TRAINING, build_archive, write_archive,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def moved_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small archive's site after a maintainer moved, removed and re-parsed transcripts (tests/e2e/addresses.py)."""
    root = tmp_path_factory.mktemp("moved")
    write_archive(root / "content", **FIRST)
    build_archive(root)
    write_archive(root / "content", **SECOND)
    build_archive(root)
    yield from _serve(root / "site")


def test_a_moved_address_leads_to_the_question_it_was_cited_for(page: Page, moved_url: str) -> None:
    page.goto(moved_url + f"transcripts/{EXERCISE}/#q1-reuters")
    expect(page).to_have_url(moved_url + f"transcripts/{EXERCISE_CORRECTED}/#q1-reuters")
    heading = page.locator("h2#q1-reuters")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Q1 · Anna Berg, Reuters")


def test_a_moved_address_leads_to_the_transcript_without_javascript(browser: Browser, moved_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(moved_url + f"transcripts/{EXERCISE}/")
        expect(page).to_have_url(moved_url + f"transcripts/{EXERCISE_CORRECTED}/")
        expect(page.locator("article h1")).to_contain_text("Doorstep statement on the exercise Steadfast Noon")
    finally:
        context.close()


def test_a_renumbered_anchor_opens_at_the_question_it_now_is(page: Page, moved_url: str) -> None:
    page.goto(moved_url + f"transcripts/{AIR_DEFENCE}/#q2-tass")  # TASS's question, Q3 since the re-parse
    heading = page.locator("h2#q3-tass")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Q3 · Pavel Orlov, TASS")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    header = page.locator("header.md-header").evaluate("h => h.getBoundingClientRect().bottom")
    assert top >= header  # not hidden under the sticky header


@pytest.mark.parametrize("path", [f"transcripts/{TRAINING}/", f"transcripts/{AIR_DEFENCE}/"])
def test_no_serious_violation_on_a_withdrawn_page_or_a_page_with_aliases(page: Page, moved_url: str, path: str) -> None:
    page.goto(moved_url + path)
    assert serious(page) == []
