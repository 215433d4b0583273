"""pressroom serve: an open page shows an edit by itself; the site's files never hold the reload script."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.build import BuildReport
from generator.site.serve import BUILD_PATH, RELOAD_SCRIPT_ID
from tests.support import wait_until
from tests.test_preview import PAGE, edit_seed, previewing, seed_preview

pytestmark = pytest.mark.browser


@pytest.mark.slow
def test_an_open_page_shows_an_edit_without_being_reloaded_by_hand(tmp_path: Path, page: Page) -> None:
    settings = seed_preview(tmp_path)
    with previewing(settings) as (reports, urls, _indexed):
        wait_until(lambda: urls)
        page.goto(urls[0] + PAGE)
        expect(page.locator("article")).to_contain_text("an extraordinary meeting")
        page.evaluate("window.pressroomTestMark = true")  # gone once the page has loaded again

        edit_seed(settings.content_dir)
        expect(page.locator("article")).to_contain_text("a special meeting", timeout=60_000)
        assert page.evaluate("window.pressroomTestMark") is None  # the page reloaded itself
        assert len(reports) == 2 and isinstance(reports[1], BuildReport) and reports[1].published
        # Leave before the preview stops: an open page asking a stopped preview logs a failed request.
        page.goto("about:blank")

    assert not _holding_the_script(settings.site_dir)  # the preview's own files: the script was added as pages were sent


def test_a_built_site_holds_no_reload_script(built_root: Path) -> None:
    site = built_root / "archive"
    assert (site / "index.html").is_file()
    assert not _holding_the_script(site)


def _holding_the_script(site: Path) -> list[Path]:
    """The files under ``site`` that hold the live-reload script or ask for the preview's build id."""
    markers = (RELOAD_SCRIPT_ID.encode(), BUILD_PATH.encode())
    return [path for path in site.rglob("*") if path.is_file() and any(m in path.read_bytes() for m in markers)]
