"""Search from Material's header, answered by Pagefind, landing on the question."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SEED_002

pytestmark = pytest.mark.browser

# Words from the Secretary General's answer to TASS (question 2) in seed 002.
PHRASE = "Russia violated the INF Treaty"
ANSWER = re.compile(rf"/transcripts/{SEED_002}/#q2-tass$")


def search(page: Page, text: str) -> None:
    box = page.locator("[data-pr-search-query]")
    box.click()
    box.press_sequentially(text, delay=20)


def first_section(page: Page):
    return page.locator("#pr-search-results a[href*='#']").first


def test_a_phrase_from_an_answer_lands_on_its_question(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, PHRASE)
    expect(first_section(page)).to_have_attribute("href", ANSWER)
    expect(page.locator("#pr-search-status")).to_have_text("1 transcript matches")
    first_section(page).click()
    expect(page).to_have_url(ANSWER)
    heading = page.locator("h2#q2-tass")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("Q2 · Denis Dubrovin, TASS")


def test_results_show_the_question_and_an_excerpt(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, PHRASE)
    result = first_section(page)
    expect(result.locator("h2")).to_contain_text("Q2 · Denis Dubrovin, TASS")
    expect(result.locator(".md-search-result__teaser")).to_contain_text(PHRASE)
    expect(result.locator("mark", has_text="INF")).to_have_count(1)
    page_link = page.locator("#pr-search-results li a").first
    expect(page_link.locator("h1")).to_contain_text("NATO-Russia Council")
    expect(page_link).to_contain_text("12 January 2022 · Press conference")


def test_keyboard_only(page: Page, site_url: str) -> None:
    page.goto(site_url + "years/")
    page.keyboard.press("/")
    expect(page.locator("[data-pr-search-query]")).to_be_focused()
    page.keyboard.type(PHRASE, delay=20)
    expect(first_section(page)).to_have_attribute("href", ANSWER)
    page.keyboard.press("ArrowDown")
    expect(page.locator("#pr-search-results a").first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(first_section(page)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(ANSWER)


def test_enter_in_the_box_opens_the_best_question(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, PHRASE)
    expect(first_section(page)).to_have_attribute("href", ANSWER)
    page.keyboard.press("Enter")
    expect(page).to_have_url(ANSWER)


def test_escape_closes_the_search(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "Ukraine")
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(".md-search__output")).to_be_hidden()


def test_filters_narrow_the_results(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "Russia")
    expect(page.locator("#pr-search-status")).to_have_text("3 transcripts match")
    page.locator("[data-pr-search-filters] summary").click()
    year = page.locator("select[data-pr-filter='year']")
    expect(year.locator("option")).to_have_count(4)
    year.select_option("2014")
    expect(page.locator("#pr-search-status")).to_have_text("1 transcript matches")
    expect(page.locator("#pr-search-results li a").first).to_have_attribute(
        "href", re.compile(r"/transcripts/2014-11-29-")
    )
    year.select_option("")
    outlet = page.locator("select[data-pr-filter='outlet']")
    outlet.select_option("TASS")
    expect(page.locator("#pr-search-status")).to_have_text("1 question matches")
    expect(page.locator("#pr-search-results li a")).to_have_attribute("href", ANSWER)
    expect(page.locator("select[data-pr-filter='speaker'] option[value='Jens Stoltenberg']")).to_have_count(1)
    expect(page.locator("select[data-pr-filter='event'] option[value='Interview']")).to_have_count(1)


def test_outlet_and_asker_filters_select_questions_not_transcripts(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "risk")  # in TASS's question and in NRK's, both in seed 002
    page.locator("[data-pr-search-filters] summary").click()
    outlet = page.locator("select[data-pr-filter='outlet']")
    asker = page.locator("select[data-pr-filter='asker']")
    outlet.select_option("TASS")
    expect(page.locator("#pr-search-status")).to_have_text("1 question matches")
    results = page.locator("#pr-search-results li a")
    expect(results).to_have_count(1)
    expect(results).to_have_attribute("href", ANSWER)
    expect(results.locator("h1")).to_have_text(re.compile(r"^Q2 · Denis Dubrovin, TASS: "))
    expect(results).to_contain_text("12 January 2022")
    expect(results.locator("mark").first).to_have_text(re.compile("risk", re.I))
    asker.select_option("Simen Ekern")  # NRK's reporter did not ask for TASS
    expect(page.locator("#pr-search-status")).to_have_text("No question matches")
    outlet.select_option("")
    expect(page.locator("#pr-search-status")).to_have_text("1 question matches")
    expect(results).to_have_attribute("href", re.compile(rf"/transcripts/{SEED_002}/#q8-nrk$"))
    results.click()
    expect(page.locator("h2#q8-nrk")).to_be_in_viewport()


def test_an_outlet_alone_lists_its_questions_newest_first(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("[data-pr-search-query]").click()
    page.locator("[data-pr-search-filters] summary").click()
    page.locator("select[data-pr-filter='outlet']").select_option("CNN")
    expect(page.locator("#pr-search-status")).to_have_text("2 questions match")
    expect(page.locator("#pr-search-results li a")).to_have_count(2)
    hrefs = [a.get_attribute("href") for a in page.locator("#pr-search-results li a").all()]
    assert [h.split("/transcripts/")[1] for h in hrefs] == [
        f"{SEED_002}/#q1-cnn", "2015-11-24-statement-extraordinary-nac-meeting/#q1-cnn"
    ]


def test_no_match_says_so(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, "zzyzzyva")
    expect(page.locator("#pr-search-status")).to_have_text("No transcript matches")
    expect(page.locator("#pr-search-results li")).to_have_count(0)


def test_search_works_from_a_sub_path(page: Page, subpath_url: str) -> None:
    page.goto(subpath_url + f"transcripts/{SEED_002}/")
    search(page, PHRASE)
    expect(first_section(page)).to_have_attribute("href", re.compile(rf"^/archive/transcripts/{SEED_002}/#q2-tass$"))
    first_section(page).click()
    expect(page.locator("h2#q2-tass")).to_be_in_viewport()


def test_nothing_is_fetched_before_search_and_nothing_from_elsewhere(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + f"transcripts/{SEED_002}/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind" in url] == []
    search(page, PHRASE)
    expect(first_section(page)).to_be_visible()
    assert [url for url in requests if not url.startswith(site_url)] == []


# Question 1 of seed 002: its heading is "Q1 · Alex Marquardt, CNN: " and the start of the question.
HEADED = "specific issues prolonged"


def test_a_question_s_excerpt_starts_after_its_heading(page: Page, site_url: str) -> None:
    page.goto(site_url)
    search(page, HEADED)
    result = first_section(page)
    expect(result).to_have_attribute("href", re.compile(rf"/transcripts/{SEED_002}/#q1-cnn$"))
    heading = "Q1 · Alex Marquardt, CNN: Could you tell us what specific issues prolonged these talks?"
    expect(result.locator("h2")).to_have_text(heading)
    # The words as said, around where they stand in the question: not in the heading's text again.
    expect(result.locator(".md-search-result__teaser")).to_have_text(
        "… go a little bit longer today. Could you tell us what specific issues prolonged these talks? "
        "And NATO Allies have repeatedly rejected Russia's demand that Ukraine …"
    )
    expect(result.locator("mark")).to_have_text(["specific", "issues", "prolonged"])


@pytest.mark.parametrize("query", ["Ukraine", "Russia", "TASS", "question"])
def test_no_question_s_excerpt_repeats_its_heading(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url)
    search(page, query)
    sections = page.locator("#pr-search-results a[href*='#']")
    expect(sections.first).to_be_visible()
    pairs = sections.evaluate_all(
        "links => links.map(a => [a.querySelector('h2').textContent,"
        " (a.querySelector('.md-search-result__teaser') || {}).textContent || ''])"
    )
    assert pairs
    for heading, teaser in pairs:
        opening = " ".join(heading.split()[:3])  # "Q2 · Denis"
        assert not teaser.lstrip("… ").startswith(opening), (heading, teaser)
        assert heading not in teaser, (heading, teaser)
