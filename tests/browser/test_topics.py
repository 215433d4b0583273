"""Topics in a real browser: from a question's chip to its topic, and from the topic back to the question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from generator.build import BuildSettings, build
from tests.browser.conftest import SEED_002, _serve
from tests.e2e import hostile as raw
from tests.support import REPO

pytestmark = pytest.mark.browser

EKHO = "2014-11-29-interview-russian-radio-station-ekho-moskvy"


@pytest.fixture(params=["root", "sub-path"])
def url(request: pytest.FixtureRequest) -> str:
    """The seeds' site, served at a host's root and under /archive/."""
    return request.getfixturevalue("site_url" if request.param == "root" else "subpath_url")


def test_a_chip_under_a_question_heading_opens_its_topic(page: Page, url: str) -> None:
    page.goto(url + f"transcripts/{SEED_002}/#q1-cnn")
    chips = page.locator("h2#q1-cnn + p.pr-topics")
    expect(chips).to_be_visible()
    chips.get_by_role("link", name="Ukraine", exact=True).click()
    expect(page).to_have_url(url + "topics/ukraine/")
    expect(page.locator("article h1")).to_have_text("Ukraine¶")
    expect(page.locator("article figure svg[role=img]")).to_be_visible()


def test_a_deep_link_from_a_topic_lands_on_the_question_heading(page: Page, url: str) -> None:
    page.goto(url + "topics/ukraine/")
    question = page.locator(f"article li > a[href*='transcripts/{EKHO}/#q']").last
    anchor = question.get_attribute("href").split("#")[1]
    question.click()
    expect(page).to_have_url(url + f"transcripts/{EKHO}/#{anchor}")
    heading = page.locator(f"h2#{anchor}")
    expect(heading).to_be_in_viewport()
    assert heading.evaluate("h => h.matches(':target')")
    assert heading.evaluate("h => h.getBoundingClientRect().top") < 200  # at the top, not just somewhere on screen
    # ...and its chips lead back to the topic.
    expect(page.locator(f"h2#{anchor} + p.pr-topics a[href$='topics/ukraine/']")).to_have_count(1)


def test_asked_before_leads_to_the_earlier_question(page: Page, site_url: str) -> None:
    page.goto(site_url + f"transcripts/{SEED_002}/#q1-cnn")
    earlier = page.locator("h2#q1-cnn ~ ul > li.pr-asked a").first
    target = earlier.get_attribute("href").split("#")[1]
    earlier.click()
    expect(page.locator(f"h2#{target}")).to_be_in_viewport()
    assert page.url.startswith(site_url + f"transcripts/{EKHO}/#")


def test_the_topic_filter_narrows_search_results(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator("[data-pr-search-query]").click()
    page.locator("[data-pr-search-query]").press_sequentially("NATO", delay=20)
    expect(page.locator("#pr-search-results > li")).to_have_count(3)
    page.locator("[data-pr-search-filters] summary").click()
    topic = page.locator("select[data-pr-filter='topic']")
    expect(topic.locator("option[value='Ukraine']")).to_have_count(1)
    topic.select_option("Ukraine")  # a main topic of the 2022 press conference and the 2014 interview
    results = page.locator("#pr-search-results > li")
    expect(results).to_have_count(2)
    expect(results.filter(has_text="NATO-Russia Council")).to_have_count(1)
    expect(results.filter(has_text="Ekho Moskvy")).to_have_count(1)


@pytest.mark.parametrize("path", ["topics/", "topics/ukraine/"])
def test_topic_pages_have_no_serious_accessibility_violation(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile content folder (tests/e2e/hostile.py), topics with hostile names included."""
    tmp = tmp_path_factory.mktemp("hostile-topics")
    settings = BuildSettings(content_dir=raw.hostile_content(tmp), site_dir=tmp / "site", docs_dir=tmp / "docs",
                             config_file=REPO / "mkdocs.yml", strict=True)
    assert build(settings).published
    yield from _serve(Path(tmp / "site"))


@pytest.mark.parametrize("path", ["topics/", "topics/payload/", f"transcripts/{raw.HOSTILE_SLUG}/"])
def test_hostile_topic_names_run_nothing(page: Page, hostile_url: str, path: str) -> None:
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_load_state("load")
    expect(page.locator("article")).to_contain_text(raw.TOPIC_NAME)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("article script, article img, article iframe").count() == 0
    assert opened == []


def test_a_topic_page_marks_the_words_it_found_in_each_passage(page: Page, site_url: str) -> None:
    page.goto(site_url + "topics/crimea/")
    item = page.locator(f"article li:has(> a[href$='transcripts/{EKHO}/#q15-ekho-moskvy'])")
    expect(item).to_have_text(
        "Question 15, Ekho Moskvy, in the answer: First, we were told that were no Russian soldiers in Crimea."
    )
    expect(item.locator("mark")).to_have_text("Crimea")
    marks = page.locator("article li mark")
    assert marks.count() == page.locator("article h2#questions ~ ul > li").count() > 1
    assert set(marks.all_text_contents()) == {"Crimea"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_a_topic_page_with_marks_has_no_serious_accessibility_violation(
    browser: Browser, site_url: str, scheme: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme, is_mobile=width < 500)
    page = context.new_page()
    page.goto(site_url + "topics/ukraine/")
    expect(page.locator("article li mark").first).to_be_visible()
    assert page.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []
    context.close()
