"""The question index in parts: each a Pagefind bundle of its own, listed for the search box to merge.

Pagefind holds a whole index in memory until it writes it; a large archive's
question index is written in parts so that the build's memory stays within a
CI runner's (generator/site/search.py). The seeds' site has 38 question
records: 12 in the newest transcript, 4 in the next, 22 in the oldest.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.site import search
from generator.site.search import PARTS_FILE, QUESTION_BUNDLE, index_site
from tests.e2e.test_build import built  # noqa: F401 - the built seeds' site, a module fixture

pytestmark = pytest.mark.slow


def parts_of(site: Path) -> tuple[list[str], list[int]]:
    """The parts the question index lists, and the records each part's bundle holds."""
    bundle = site / QUESTION_BUNDLE
    listed = json.loads((bundle / PARTS_FILE).read_text(encoding="utf-8"))["parts"]
    counts = [json.loads((bundle / part / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"]
              ["page_count"] for part in listed]
    assert sorted(p.name for p in bundle.iterdir()) == sorted([PARTS_FILE, *(part.rstrip("/") for part in listed)])
    return listed, counts


@pytest.fixture
def site(built, tmp_path: Path) -> Path:  # noqa: F811
    copy = tmp_path / "site"
    shutil.copytree(built[0], copy)
    return copy


def test_an_archive_under_the_limit_has_one_part(site: Path) -> None:
    assert parts_of(site) == (["1/"], [38])


def test_a_part_is_full_at_the_limit_and_takes_a_transcript_whole(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "QUESTION_PART_RECORDS", 16)
    index_site(site)
    assert parts_of(site) == (["1/", "2/"], [16, 22])  # newest first: 12 + 4, then the oldest's 22 alone


def test_a_transcript_with_more_records_than_the_limit_has_a_part_of_its_own(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "QUESTION_PART_RECORDS", 12)
    index_site(site)
    assert parts_of(site) == (["1/", "2/", "3/"], [12, 4, 22])


def test_indexing_again_in_fewer_parts_leaves_no_part_behind(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "QUESTION_PART_RECORDS", 1)
    index_site(site)
    assert parts_of(site)[0] == ["1/", "2/", "3/"]
    monkeypatch.undo()
    index_site(site)
    assert parts_of(site) == (["1/"], [38])
