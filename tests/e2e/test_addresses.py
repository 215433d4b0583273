"""Links never break: every address and anchor the archive published still leads somewhere right.

Each scenario builds a small archive, changes it as a maintainer would
(a corrected title moves a page, a transcript is removed, a re-parse
renumbers questions), and builds it again into the same folders, as
`pressroom build` does. Then every transcript address and question anchor in
the ledger must lead to the page and the question it was (a redirect, a
withdrawn notice, an alias id), and the build's report must say what changed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import BuildReport
from generator.ledger import read_ledger
from generator.report import report_to_json
from tests.e2e.addresses import (
    AIR_DEFENCE, EXERCISE, EXERCISE_CORRECTED, FIRST, SECOND, TRAINING, build_archive, write_archive,
)

pytestmark = pytest.mark.slow

@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport, BuildReport]:
    root = tmp_path_factory.mktemp("addresses")
    write_archive(root / "content", **FIRST)
    first = build_archive(root)
    write_archive(root / "content", **SECOND)
    second = build_archive(root)
    return root, first, second


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def redirect_target(site: Path, url: str) -> str | None:
    """Where the page at ``url`` sends readers on without JavaScript (its refresh), from the site root; None if it does not."""
    refresh = page(site, url).find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    target = re.fullmatch(r"0; url=(.+)", refresh["content"]).group(1)
    return _join(url, target)


def _join(url: str, relative: str) -> str:
    parts = url.rstrip("/").split("/")
    for piece in relative.rstrip("/").split("/"):
        parts = parts[:-1] if piece == ".." else [*parts, piece]
    return "/".join(parts) + "/"


def test_a_first_build_adds_every_page(archive) -> None:
    _, first, _ = archive
    assert first.changes is not None
    assert (first.changes.changed, first.changes.removed, first.changes.redirects, first.changes.withdrawn) == (
        (), (), (), ())
    assert {f"transcripts/{AIR_DEFENCE}/", f"transcripts/{EXERCISE}/", f"transcripts/{TRAINING}/"} <= set(
        first.changes.added)


def test_a_moved_transcript_keeps_its_old_address_as_a_redirect(archive) -> None:
    root, _, _ = archive
    site = root / "site"
    assert redirect_target(site, f"transcripts/{EXERCISE}") == f"transcripts/{EXERCISE_CORRECTED}/"
    html = (site / "transcripts" / EXERCISE / "index.html").read_text(encoding="utf-8")
    target = f"../{EXERCISE_CORRECTED}/"
    assert html == f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: Doorstep statement on the exercise Steadfast Noon</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace("{target}" + location.hash)</script>
</head>
<body>
<p>This transcript has moved to <a href="{target}">Doorstep statement on the exercise Steadfast Noon</a>.</p>
</body>
</html>
"""
    assert (site / "transcripts" / EXERCISE_CORRECTED / "index.html").is_file()


def test_a_removed_transcript_leaves_a_page_saying_it_was_withdrawn(archive) -> None:
    root, _, _ = archive
    soup = page(root / "site", f"transcripts/{TRAINING}")
    article = soup.find("article")
    assert article.find("h1").find(string=True) == "Withdrawn: Press point on the training mission"  # then its ¶
    link = article.find("a", string="All transcripts of 2023")
    assert link["href"] == "../../years/2023/"
    assert (root / "site" / "years" / "2023" / "index.html").is_file()
    assert "data-pagefind-body" not in str(soup)  # not a transcript: search does not find it


def test_renumbered_questions_keep_their_old_anchors_on_the_question_they_now_are(archive) -> None:
    root, _, _ = archive
    soup = page(root / "site", f"transcripts/{AIR_DEFENCE}")
    headings = [h["id"] for h in soup.find_all("h2")]
    assert headings[1:] == ["q1-afp", "q2-reuters", "q3-tass"]
    for old, now in (("q1-reuters", "q2-reuters"), ("q2-tass", "q3-tass")):
        alias = soup.find(id=old)
        assert alias.name == "div" and alias["class"] == ["pr-alias"] and alias.get_text() == ""
        assert alias.find_next_sibling()["id"] == now  # just before its question's heading


def test_every_address_and_anchor_ever_published_leads_to_its_transcript(archive) -> None:
    root, _, _ = archive
    site = root / "site"
    for published in read_ledger(root / "content").pages:
        url = published.url.rstrip("/")
        target = redirect_target(site, url)
        if target is None and page(site, url).find(string=re.compile("^Withdrawn: ")):
            assert published.url == f"transcripts/{TRAINING}/"
            continue
        soup = page(site, (target or published.url).rstrip("/"))
        ids = {element["id"] for element in soup.find_all(id=True)}
        missing = [q.anchor for q in published.questions if q.anchor not in ids]
        assert not missing, (published.url, missing)


def test_the_ledger_keeps_every_address_and_anchor_ever_published(archive) -> None:
    root, _, _ = archive
    pages = {p.url: p for p in read_ledger(root / "content").pages}
    assert list(pages) == [f"transcripts/{AIR_DEFENCE}/", f"transcripts/{EXERCISE_CORRECTED}/",
                           f"transcripts/{EXERCISE}/", f"transcripts/{TRAINING}/"]  # in byte order: "-" before "/"
    assert [q.anchor for q in pages[f"transcripts/{AIR_DEFENCE}/"].questions] == [
        "q1-afp", "q1-reuters", "q2-reuters", "q2-tass", "q3-tass"]
    assert pages[f"transcripts/{TRAINING}/"].title == "Press point on the training mission"


def test_the_report_says_what_changed_since_the_last_build(archive) -> None:
    _, _, second = archive
    changes = second.changes
    assert changes is not None
    assert changes.redirects == ((f"transcripts/{EXERCISE}/", f"transcripts/{EXERCISE_CORRECTED}/"),)
    assert changes.withdrawn == (f"transcripts/{TRAINING}/",)
    assert f"transcripts/{EXERCISE_CORRECTED}/" in changes.added
    assert f"transcripts/{EXERCISE}/" in changes.added  # the redirect page, where the transcript page was
    assert f"transcripts/{AIR_DEFENCE}/" in changes.changed
    assert f"data/transcripts/{TRAINING}.json" in changes.removed
    assert f"transcripts/{TRAINING}/" in changes.changed  # the transcript's page, now saying it was withdrawn
    data = json.loads(report_to_json(second.content, changes))["changes"]
    assert data["redirects"] == [{"from": f"transcripts/{EXERCISE}/", "to": f"transcripts/{EXERCISE_CORRECTED}/"}]
    assert data["withdrawn"] == [f"transcripts/{TRAINING}/"]
    assert changes.summary().startswith("Since the last build: ")
    assert changes.summary().endswith(
        f"; 1 redirect created (transcripts/{EXERCISE}/ -> transcripts/{EXERCISE_CORRECTED}/); "
        f"1 transcript withdrawn (transcripts/{TRAINING}/).")


def test_building_the_same_content_again_changes_nothing(archive, tmp_path: Path) -> None:
    root, _, _ = archive
    again = build_archive(root)
    assert again.changes is not None
    assert (again.changes.added, again.changes.changed, again.changes.removed) == ((), (), ())
    assert again.changes.redirects == () and again.changes.withdrawn == ()
    # And a build from nothing of the same content (ledger included) writes the same docs folder.
    fresh = tmp_path / "fresh"
    shutil.copytree(root / "content", fresh / "content")
    build_archive(fresh)
    assert files_of(fresh / "docs") == files_of(root / "docs")


def test_a_transcript_given_its_old_title_back_returns_to_its_first_address(archive, tmp_path: Path) -> None:
    root, _, _ = archive
    back = tmp_path / "back"
    shutil.copytree(root / "content", back / "content")
    write_archive(back / "content", **{**SECOND, "exercise_title": "Doorstep statement on the exercise"})
    report = build_archive(back)
    site = back / "site"
    assert redirect_target(site, f"transcripts/{EXERCISE_CORRECTED}") == f"transcripts/{EXERCISE}/"
    assert redirect_target(site, f"transcripts/{EXERCISE}") is None
    assert page(site, f"transcripts/{EXERCISE}").find("h1").find(string=True) == "Doorstep statement on the exercise"
    assert report.changes is not None


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
