"""axe-core finds no serious or critical violation, in either palette, search open or closed."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SEED_002

pytestmark = pytest.mark.browser

PAGES = ["", "years/", "years/2022/", f"transcripts/{SEED_002}/", "open-data/"]


def serious(page: Page) -> list[tuple[str, str, list[str]]]:
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"][0] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    assert serious(page) == []


@pytest.mark.parametrize("path", ["", f"transcripts/{SEED_002}/"])
def test_no_serious_violation_in_the_dark_palette(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + path)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert serious(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violation_on_a_phone_with_the_questions_open(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site_url + f"transcripts/{SEED_002}/")
    page.locator("nav.pr-questions summary").tap()
    expect(page.locator("nav.pr-questions li a").first).to_be_visible()
    assert serious(page) == []
    context.close()


def test_no_serious_violation_with_results_shown(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("[data-pr-search-query]").click()
    page.locator("[data-pr-search-query]").press_sequentially("Ukraine", delay=20)
    expect(page.locator("#pr-search-results a").first).to_be_visible()
    page.locator("[data-pr-search-filters] summary").click()
    expect(page.locator("select[data-pr-filter='year'] option")).to_have_count(4)
    assert serious(page) == []


def test_the_search_dialog_has_a_name(page: Page, site_url: str) -> None:
    page.goto(site_url)
    dialog = page.get_by_role("dialog", name="Search the transcripts")
    expect(dialog).to_have_count(1)
    expect(page.get_by_role("textbox", name="Search the transcripts")).to_have_count(1)
