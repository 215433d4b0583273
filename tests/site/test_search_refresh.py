"""The search index of a site being served: swapped in whole, refreshed in the background, cancelled by an edit."""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from generator.site import IndexingCancelled, SearchIndex, SearchIndexError
from generator.site.search import BUNDLE, BUNDLES, FULL_BUNDLE, QUESTION_BUNDLE, index_site, run_cancellable
from generator.site.serve import SearchRefresh
from tests.e2e.test_build import built, files_of  # noqa: F401 - the built seeds' site, a module fixture
from tests.support import wait_until

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_command_runs_to_its_end_and_reports_its_errors() -> None:
    code, output = run_cancellable([sys.executable, "-c", "import sys; print('out'); sys.exit('broken pipe')"],
                                   threading.Event())
    assert (code, output) == (1, "broken pipe\n")


def test_a_cancelled_command_is_killed_at_the_next_poll() -> None:
    cancelled = threading.Event()
    threading.Timer(0.2, cancelled.set).start()
    started = time.monotonic()
    with pytest.raises(IndexingCancelled):
        run_cancellable(SLEEPER, cancelled, poll=0.05)
    assert time.monotonic() - started < 5  # not the 60 s the command would sleep


def test_a_command_cancelled_before_it_starts_never_runs(tmp_path: Path) -> None:
    cancelled = threading.Event()
    cancelled.set()
    marker = tmp_path / "ran"
    with pytest.raises(IndexingCancelled):
        run_cancellable([sys.executable, "-c", f"open({str(marker)!r}, 'w')"], cancelled)
    assert not marker.exists()


@pytest.mark.slow
def test_indexing_again_replaces_every_bundle_and_leaves_nothing_beside_them(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    temporary = _temporary_folder(tmp_path, monkeypatch)
    site = tmp_path / "site"
    shutil.copytree(built[0], site)
    before = {name: files_of(site / name) for name in BUNDLES}
    # Damage every bundle in place: only bundles written anew come back whole.
    for name in BUNDLES:
        (site / name / ("1" if name == QUESTION_BUNDLE else "") / "pagefind-entry.json").unlink()  # its first part's
        (site / name / "stale.txt").write_text("left from an older index", encoding="utf-8")

    index = index_site(site, threading.Event())

    assert index == SearchIndex(3, site / BUNDLE, site / FULL_BUNDLE, site / QUESTION_BUNDLE)
    assert {name: files_of(site / name) for name in BUNDLES} == before  # same pages, same bytes
    assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == sorted(BUNDLES)
    assert list(temporary.iterdir()) == []  # the copy of the pages Pagefind read is gone


@pytest.mark.slow
def test_cancelled_indexing_leaves_the_bundles_in_place_untouched(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    temporary = _temporary_folder(tmp_path, monkeypatch)
    site = tmp_path / "site"
    shutil.copytree(built[0], site)
    before = files_of(site)
    (site / "transcripts" / "extra").mkdir()
    shutil.copy(next((site / "transcripts").glob("*/index.html")), site / "transcripts" / "extra" / "index.html")
    cancelled = threading.Event()
    cancelled.set()

    with pytest.raises(IndexingCancelled):
        index_site(site, cancelled)

    shutil.rmtree(site / "transcripts" / "extra")
    assert files_of(site) == before  # no bundle half-written, none removed, nothing left beside them
    assert list(temporary.iterdir()) == []


def _temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder that stands for the system's temporary folder during the test."""
    folder = tmp_path / "temporary"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _index_until_cancelled(calls: list[Path], stopped: list[Path] | None = None):
    """An index function that records its site and then runs until cancelled (recorded in ``stopped``),
    unless the site is 'quick' or 'broken'."""
    def index(site_dir: Path, cancelled: threading.Event) -> SearchIndex:
        calls.append(site_dir)
        if site_dir.name == "broken":
            raise SearchIndexError("Pagefind could not index broken: disk full")
        if site_dir.name != "quick":
            if cancelled.wait(timeout=30) and stopped is not None:
                stopped.append(site_dir)
            raise IndexingCancelled("pagefind")
        return SearchIndex(7, site_dir / BUNDLE, site_dir / FULL_BUNDLE, site_dir / QUESTION_BUNDLE)
    return index


def test_a_new_refresh_cancels_the_one_running_and_only_the_finished_one_is_told() -> None:
    calls: list[Path] = []
    stopped: list[Path] = []
    done: list[tuple[SearchIndex | Exception, float]] = []
    refresh = SearchRefresh(lambda result, seconds: done.append((result, seconds)),
                            _index_until_cancelled(calls, stopped))

    refresh.start(Path("slow"))
    wait_until(lambda: calls == [Path("slow")])
    refresh.start(Path("quick"))
    assert stopped == [Path("slow")]  # cancelled, and let go of the site before the next began
    wait_until(lambda: done)
    refresh.stop()

    assert calls == [Path("slow"), Path("quick")]
    assert [result for result, _ in done] == [
        SearchIndex(7, Path("quick") / BUNDLE, Path("quick") / FULL_BUNDLE, Path("quick") / QUESTION_BUNDLE)
    ]
    assert done[0][1] >= 0


def test_a_refresh_that_fails_is_told_with_its_error() -> None:
    done: list[SearchIndex | Exception] = []
    refresh = SearchRefresh(lambda result, _seconds: done.append(result), _index_until_cancelled([]))

    refresh.start(Path("broken"))
    wait_until(lambda: done)
    refresh.stop()

    assert len(done) == 1 and isinstance(done[0], SearchIndexError)
    assert str(done[0]) == "Pagefind could not index broken: disk full"


def test_stop_cancels_a_refresh_and_tells_nobody() -> None:
    calls: list[Path] = []
    stopped: list[Path] = []
    done: list[object] = []
    refresh = SearchRefresh(lambda result, _seconds: done.append(result), _index_until_cancelled(calls, stopped))

    refresh.start(Path("slow"))
    wait_until(lambda: calls)
    refresh.stop()
    refresh.stop()  # a second stop has nothing to do

    assert stopped == [Path("slow")] and done == []
