"""The cite controls and the paragraph permalinks, by keyboard, by touch and with axe."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import SEED_002
from tests.browser.test_accessibility import serious

pytestmark = pytest.mark.browser

PATH = f"transcripts/{SEED_002}/"
QUESTION = "q3-ukrinform"


@pytest.fixture
def touch(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield context
    context.close()


def dialog(page: Page):
    return page.locator("dialog.pr-cite-dialog")


def citation(page: Page, key: str) -> str:
    return dialog(page).locator(f"pre[data-pr-cite-format='{key}']").inner_text()


def test_a_question_is_cited_by_keyboard_and_focus_comes_back(page: Page, site_url: str) -> None:
    page.goto(site_url + PATH)
    button = page.get_by_role("button", name="Cite Q3", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    cite = page.get_by_role("dialog", name="Cite Q3 of this transcript")
    expect(cite).to_be_visible()
    permalink = site_url + PATH + "#" + QUESTION
    expect(cite.locator(".pr-cite-permalink a")).to_have_text(permalink)
    expect(cite.locator(".pr-cite-permalink a")).to_have_attribute("href", permalink)
    # Focus is inside the dialog, and Escape gives it back to the button.
    assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    expect(cite).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Cite Q3"
    page.keyboard.press("Space")
    expect(cite).to_be_visible()


def test_the_transcript_is_cited_by_a_tap(touch: BrowserContext, site_url: str) -> None:
    page = touch.new_page()
    page.goto(site_url + PATH)
    page.get_by_role("button", name="Cite this transcript").tap()
    cite = page.get_by_role("dialog", name="Cite this transcript")
    expect(cite).to_be_visible()
    expect(cite.locator(".pr-cite-permalink a")).to_have_text(site_url + PATH)
    cite.get_by_role("button", name="Close").tap()
    expect(cite).to_be_hidden()


def test_the_copy_buttons_copy_the_permalink_and_the_citation(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + PATH)
    page.get_by_role("button", name="Cite Q3", exact=True).click()
    page.get_by_role("button", name="Copy the permalink").click()
    expect(page.get_by_role("status")).to_have_text("Permalink copied")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + PATH + "#" + QUESTION
    page.get_by_role("button", name="Copy the BibTeX citation").click()
    expect(page.get_by_role("status")).to_have_text("BibTeX copied")
    assert page.evaluate("navigator.clipboard.readText()") == citation(page, "bibtex")
    context.close()


def test_the_citations_say_what_the_page_says(page: Page, site_url: str) -> None:
    page.goto(site_url + PATH)
    title = page.evaluate("document.querySelector('article h1').firstChild.textContent").strip()
    facts = page.locator("p.pr-meta").first.inner_text()
    speakers = page.locator("p.pr-meta").nth(1).inner_text()
    assert facts.startswith("12 January 2022 · ")
    assert speakers.startswith("Speaker: Jens Stoltenberg (NATO Secretary General)")
    page.get_by_role("button", name="Cite Q3", exact=True).click()
    url = site_url + PATH + "#" + QUESTION
    assert citation(page, "apa") == (
        f"Stoltenberg, J. (2022, January 12). {title} [Press conference transcript, Q3]. NATO. "
        f"NATO Secretaries General: Press Conferences and Interviews. {url}"
    )
    bibtex = citation(page, "bibtex")
    assert f"  title = {{{title}}},\n" in bibtex
    assert "  author = {Stoltenberg, Jens},\n  " in bibtex
    assert "  date = {2022-01-12},\n" in bibtex
    assert f"  url = {{{url}}},\n  note = {{Press conference transcript, Q3}}\n}}" in bibtex
    ris = citation(page, "ris")
    assert f"TI  - {title}\nAU  - Stoltenberg, Jens\nPY  - 2022\nDA  - 2022/01/12/\n" in ris
    assert f"\nUR  - {url}\n" in ris
    # Chicago capitalises the title's words, as its style wants.
    assert f"2022. “{title.lower()}”. press conference transcript, q3." in citation(page, "chicago").lower()
    page.keyboard.press("Escape")
    # The transcript's own citation has its address and no question's label.
    page.get_by_role("button", name="Cite this transcript").click()
    assert citation(page, "apa").endswith(f"[Press conference transcript]. NATO. "
                                          f"NATO Secretaries General: Press Conferences and Interviews. {site_url + PATH}")


def test_without_javascript_the_citation_is_on_the_page(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PATH)
    box = page.locator("details.pr-cite-box")
    box.locator("summary").click()
    text = box.locator("pre[data-pr-cite-format='apa']").inner_text()
    assert text.startswith("Stoltenberg, J. (2022, January 12). Press conference by NATO Secretary General")
    assert text.endswith(f"[Press conference transcript]. NATO. NATO Secretaries General: Press Conferences and "
                         f"Interviews. /{PATH}")
    context.close()


def test_with_javascript_the_box_gives_way_to_the_buttons(page: Page, site_url: str) -> None:
    page.goto(site_url + PATH)
    expect(page.locator("details.pr-cite-box")).to_be_hidden()
    expect(page.get_by_role("button", name=re.compile(r"^Cite Q\d+$"))).to_have_count(13)


def test_paragraph_permalinks_are_reached_by_tab(page: Page, site_url: str) -> None:
    page.goto(site_url + PATH)
    page.get_by_role("button", name="Cite this transcript").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pr-cite')"):
            break
    focused = page.locator("a.pr-cite:focus")
    expect(focused).to_have_count(1)
    expect(focused).to_have_attribute("aria-label", re.compile(r"^Link to paragraph \d+ of the transcript$"))
    assert focused.evaluate("link => getComputedStyle(link).opacity") == "1"
    page.keyboard.press("Enter")
    assert re.search(r"#p-[0-9a-f]{8}$", page.url)


def test_paragraph_permalinks_show_on_a_touch_screen(touch: BrowserContext, site_url: str) -> None:
    page = touch.new_page()
    page.goto(site_url + PATH)
    link = page.locator("a.pr-cite").first
    assert link.evaluate("link => getComputedStyle(link).opacity") == "1"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_violation_with_the_cite_dialog_open(browser: Browser, site_url: str, scheme: str,
                                                        width: int) -> None:
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 800}, color_scheme=scheme,
                                  is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(site_url + PATH)
    button = page.get_by_role("button", name="Cite Q3", exact=True)
    if phone:
        button.tap()
    else:
        button.click()
    expect(page.get_by_role("dialog", name="Cite Q3 of this transcript")).to_be_visible()
    assert serious(page) == []
    context.close()
