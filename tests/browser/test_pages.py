"""Pages in a real browser: permalinks, phones, and nothing fetched from elsewhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SEED_002

pytestmark = pytest.mark.browser

TRANSCRIPT = f"transcripts/{SEED_002}/"


def test_a_question_permalink_opens_at_its_heading(page: Page, site_url: str) -> None:
    page.goto(site_url + TRANSCRIPT + "#q5-frankfurter-allgemeine-zeitung")
    heading = page.locator("h2#q5-frankfurter-allgemeine-zeitung")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Q5 · Thomas Gutschker, Frankfurter Allgemeine Zeitung")
    permalink = heading.locator("a.headerlink")
    expect(permalink).to_be_visible()
    expect(permalink).to_have_attribute("href", "#q5-frankfurter-allgemeine-zeitung")
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "1"


def test_a_paragraph_permalink_opens_at_the_paragraph(page: Page, site_url: str) -> None:
    page.goto(site_url + TRANSCRIPT + "#p-4921028b")  # its words' digest (docs/open-data.md)
    paragraph = page.locator("p#p-4921028b")
    expect(paragraph).to_be_in_viewport()
    expect(paragraph).to_contain_text("On membership and the NATO's open door")
    expect(paragraph.locator("a.pr-cite")).to_have_attribute("href", "#p-4921028b")


def test_the_table_of_contents_lists_the_questions(page: Page, site_url: str) -> None:
    page.goto(site_url + TRANSCRIPT)
    toc = page.locator("nav.md-nav--secondary a.md-nav__link")
    expect(toc).to_have_count(14)
    expect(toc.nth(0)).to_have_text("Opening statement")
    expect(toc.nth(2)).to_contain_text("Q2 · Denis Dubrovin, TASS:")
    expect(toc.nth(2)).to_have_attribute("href", "#q2-tass")


def test_a_phone_reaches_every_question_from_under_the_title(phone: Page, site_url: str) -> None:
    phone.goto(site_url + TRANSCRIPT)
    questions = phone.get_by_role("navigation", name="Questions on this page")
    summary = questions.locator("summary")
    expect(summary).to_have_text("Questions on this page (13)")
    assert summary.evaluate("s => s.getBoundingClientRect().top") < phone.locator("h1 ~ p").first.evaluate(
        "p => p.getBoundingClientRect().top"
    )  # right under the title, before the facts
    summary.tap()
    links = questions.locator("li a")
    expect(links).to_have_count(14)
    expect(links.nth(0)).to_have_text("Opening statement")
    expect(links.nth(2)).to_contain_text("Q2 · Denis Dubrovin, TASS:")
    links.nth(2).tap()
    expect(phone).to_have_url(site_url + TRANSCRIPT + "#q2-tass")
    expect(phone.locator("#q2-tass")).to_be_in_viewport()


def test_a_wide_screen_lists_the_questions_beside_the_text_only(page: Page, site_url: str) -> None:
    page.goto(site_url + TRANSCRIPT)
    expect(page.get_by_role("navigation", name="Questions on this page")).to_be_hidden()
    expect(page.locator("nav.md-nav--secondary")).to_be_visible()


def test_the_question_list_is_a_keyboard_control(phone: Page, site_url: str) -> None:
    phone.goto(site_url + TRANSCRIPT)
    summary = phone.locator("nav.pr-questions summary")
    summary.focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("nav.pr-questions li a").first).to_be_visible()


@pytest.mark.parametrize("path", ["", "years/", "years/2022/", TRANSCRIPT, "open-data/"])
def test_a_phone_shows_pages_without_horizontal_scrolling(phone: Page, site_url: str, path: str) -> None:
    phone.goto(site_url + path)
    phone.wait_for_load_state("load")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= phone.viewport_size["width"]


def test_a_phone_searches_from_the_header_icon(phone: Page, site_url: str) -> None:
    phone.goto(site_url + TRANSCRIPT)
    phone.locator("label.md-header__button[for='__search']").click()
    box = phone.locator("[data-pr-search-query]")
    expect(box).to_be_focused()
    box.press_sequentially("Ekho Moskvy", delay=20)
    expect(phone.locator("#pr-search-results a[href*='#']").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]


def test_no_request_leaves_the_site(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "years/2022/", TRANSCRIPT):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert requests and [url for url in requests if not url.startswith(site_url)] == []


def test_light_and_dark_palettes(page: Page, site_url: str) -> None:
    page.goto(site_url)
    body = page.locator("body")
    scheme = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", scheme)
