"""People and outlets in a real browser: from a question's asker to their page and back,
the A-to-Z index, feeds found by a feed reader, and no serious accessibility violation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import SEED_002
from tests.browser.test_accessibility import serious

pytestmark = pytest.mark.browser

PAGES = ["people/", "people/jens-stoltenberg/", "people/alex-marquardt/", "outlets/", "outlets/cnn/"]


@pytest.fixture(params=[(1280, 800, "light"), (1280, 800, "dark"), (390, 844, "light"), (390, 844, "dark")],
                ids=["1280-light", "1280-dark", "390-light", "390-dark"])
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    width, height, scheme = request.param
    phone = width < 500
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, is_mobile=phone, has_touch=phone
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation_on_person_and_outlet_pages(screen: Page, site_url: str, path: str) -> None:
    screen.goto(site_url + path)
    expect(screen.locator("article h1")).to_be_visible()
    assert serious(screen) == []
    # Nothing runs off the side of a phone's screen.
    assert screen.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_question_heading_leads_to_its_asker_and_outlet_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + f"transcripts/{SEED_002}/#q2-tass")
    page.locator("h2#q2-tass").get_by_role("link", name="Denis Dubrovin").click()
    expect(page).to_have_url(site_url + "people/denis-dubrovin/")
    expect(page.locator("article h1")).to_have_text("Denis Dubrovin¶")
    page.get_by_role("link", name="TASS", exact=True).click()
    expect(page).to_have_url(site_url + "outlets/tass/")
    question = page.locator(f"article li a[href$='{SEED_002}/#q2-tass']")
    expect(question).to_have_text("Q2 · Denis Dubrovin")
    question.click()
    heading = page.locator("h2#q2-tass")
    expect(heading).to_be_in_viewport()
    assert heading.evaluate("h => h.getBoundingClientRect().top") < 200


def test_the_speaker_in_the_facts_leads_to_every_question_answered(page: Page, site_url: str) -> None:
    page.goto(site_url + f"transcripts/{SEED_002}/")
    page.locator("article p.pr-meta").get_by_role("link", name="Jens Stoltenberg").click()
    expect(page).to_have_url(site_url + "people/jens-stoltenberg/")
    expect(page.locator("article li li a[href*='#q']")).to_have_count(40)  # every question of the three seeds
    expect(page.locator("article")).to_contain_text("NATO Secretary General: 3 transcripts")


def test_the_people_index_jumps_to_a_letter_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "people/")
    letter = page.locator("article p a[href='#letter-s']")
    letter.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "people/#letter-s")
    expect(page.locator("h2#letter-s")).to_be_in_viewport()
    expect(page.locator("h2#letter-s + ul a").last).to_have_text("Jens Stoltenberg")


def test_a_person_page_announces_its_feed(page: Page, site_url: str) -> None:
    page.goto(site_url + "people/alex-marquardt/")
    feed = page.locator("head link[rel='alternate feed'][title='Alex Marquardt: newest transcripts']")
    announced = feed.evaluate("link => link.href")
    linked = page.locator("article").get_by_role("link", name="Atom feed").evaluate("a => a.href")
    assert announced == linked == site_url + "feeds/people/alex-marquardt.xml"
    response = page.request.get(announced)
    assert response.ok and b"<feed" in response.body()
