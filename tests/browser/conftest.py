"""A site built once per session, served on 127.0.0.1, and Debian's Chromium.

The site is served twice: at the root, and under /archive/ as a host would
serve it from a sub-path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from benchmarks.query import served
from benchmarks.synthetic import write_corpus
from generator.build import BuildSettings, build
from generator.site import search
from tests.support import CONTENT, REPO

CHROMIUM = "/usr/bin/chromium"
SEED_002 = "2022-01-12-press-conference-meeting-nato-russia-council"


@pytest.fixture(scope="session")
def built_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the seeds' site as archive/.

    Its question index is in parts, one per transcript, as a large
    archive's is (generator/site/search.py): the outlet and asker filters
    are tested on results merged from several parts.
    """
    root = tmp_path_factory.mktemp("served")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "QUESTION_PART_RECORDS", 1)
        report = build(
            BuildSettings(
                content_dir=CONTENT,
                site_dir=root / "archive",
                docs_dir=root.parent / f"{root.name}-docs",
                config_file=REPO / "mkdocs.yml",
            )
        )
    assert [part.name for part in sorted((root / "archive" / search.QUESTION_BUNDLE).iterdir())] == [
        "1", "2", "3", search.PARTS_FILE]
    assert report.ok, (report.problems, report.warnings)
    return root


def _serve(directory: Path) -> Iterator[str]:
    with served(directory) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(built_root: Path) -> Iterator[str]:
    """The site served at the root of a host."""
    yield from _serve(built_root / "archive")


ARCHIVE_SIZE = 24  # transcripts in the synthetic archive: more than a page of results


@pytest.fixture(scope="session")
def archive_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a synthetic archive of ARCHIVE_SIZE transcripts (benchmarks.synthetic)."""
    root = tmp_path_factory.mktemp("archive")
    write_corpus(ARCHIVE_SIZE, seed=7, out=root / "content", directory=CONTENT)
    report = build(
        BuildSettings(
            content_dir=root / "content",
            site_dir=root / "site",
            docs_dir=root / "docs",
            config_file=REPO / "mkdocs.yml",
        )
    )
    assert report.ok, (report.problems, report.warnings)
    return root / "site"


@pytest.fixture(scope="session")
def archive_url(archive_site: Path) -> Iterator[str]:
    """The synthetic archive's site served at the root of a host."""
    yield from _serve(archive_site)


@pytest.fixture(scope="session")
def subpath_url(built_root: Path) -> Iterator[str]:
    """The same site served under /archive/."""
    for url in _serve(built_root):
        yield url + "archive/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (make browser-deps)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu", "--disable-quic"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()
