"""pressroom serve: the site on localhost, rebuilt when content changes."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.build import BuildReport, BuildSettings, build, preview
from generator.parsing import packs
from generator.site import SearchIndex
from generator.site.serve import snapshot
from tests.site.conftest import copy_content
from tests.support import REPO, indexed_text, wait_until

SEED = "000_dc2035bffcbcb803"
PAGE = "transcripts/2015-11-24-statement-extraordinary-nac-meeting/"
OTHER_SEED = "003_31df2163731fa648"
OTHER_PAGE = "transcripts/2014-11-29-interview-russian-radio-station-ekho-moskvy"


def test_snapshot_sees_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1", encoding="utf-8")
    before = snapshot([tmp_path])
    assert snapshot([tmp_path]) == before
    (tmp_path / "a.txt").write_text("22", encoding="utf-8")
    assert snapshot([tmp_path]) != before
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert set(snapshot([tmp_path])) == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}


@pytest.mark.slow
def test_serves_and_rebuilds_on_change(tmp_path: Path) -> None:
    content = copy_content(tmp_path, SEED)
    settings = BuildSettings(
        content_dir=content, site_dir=tmp_path / "site", docs_dir=tmp_path / "docs", config_file=REPO / "mkdocs.yml"
    )
    with previewing(settings) as (reports, urls, _indexed):
        wait_until(lambda: urls)
        assert isinstance(reports[0], BuildReport) and reports[0].transcripts == 1
        html = urllib.request.urlopen(urls[0] + PAGE).read().decode()
        assert "The North Atlantic Council has just held a meeting" in html

        raw = content / "transcripts" / f"{SEED}.txt"
        raw.write_text(raw.read_text(encoding="utf-8").replace("an extraordinary meeting", "a special meeting"), encoding="utf-8")
        wait_until(lambda: len(reports) >= 2)
        assert isinstance(reports[1], BuildReport)
        html = urllib.request.urlopen(urls[0] + PAGE).read().decode()
        assert "a special meeting" in html


@pytest.mark.slow
def test_the_search_index_is_refreshed_after_each_build_in_the_background(tmp_path: Path) -> None:
    content = copy_content(tmp_path, SEED)
    site = tmp_path / "site"
    settings = BuildSettings(content_dir=content, site_dir=site, docs_dir=tmp_path / "docs",
                             config_file=REPO / "mkdocs.yml")
    with previewing(settings) as (reports, _urls, indexed):
        wait_until(lambda: indexed)
        first = reports[0]
        assert isinstance(first, BuildReport) and first.indexed is None  # the build did not wait for Pagefind
        assert indexed[0] == SearchIndex(1, site / "pagefind", site / "pagefind-full")
        assert "an extraordinary meeting" in indexed_text(site / "pagefind-full")["/" + PAGE]

        raw = content / "transcripts" / f"{SEED}.txt"
        raw.write_text(raw.read_text(encoding="utf-8").replace("an extraordinary meeting", "a special meeting"),
                       encoding="utf-8")
        wait_until(lambda: len(indexed) >= 2)
        assert len(reports) == 2 and isinstance(reports[1], BuildReport) and reports[1].indexed is None
        assert indexed[1] == SearchIndex(1, site / "pagefind", site / "pagefind-full")
        for bundle in ("pagefind", "pagefind-full"):
            assert "a special meeting" in indexed_text(site / bundle)["/" + PAGE]
        assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == ["pagefind", "pagefind-full"]


@pytest.mark.slow
def test_a_theme_change_keeps_the_last_search_index_until_the_new_one_is_in(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "mkdocs.yml", config / "mkdocs.yml")
    shutil.copytree(REPO / "site_config", config / "site_config")
    site = tmp_path / "site"
    settings = BuildSettings(content_dir=copy_content(tmp_path, SEED), site_dir=site, docs_dir=tmp_path / "docs",
                             config_file=config / "mkdocs.yml")
    searchable: list[bool] = []  # whether the site had a search index as each build was reported

    def on_build(_report: BuildReport | Exception) -> None:
        searchable.append((site / "pagefind" / "pagefind-entry.json").is_file())

    with previewing(settings, on_build) as (reports, _urls, indexed):
        wait_until(lambda: indexed)
        stylesheet = config / "site_config" / "overrides" / "assets" / "stylesheets" / "pressroom.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* a new rule */\n", encoding="utf-8")
        wait_until(lambda: len(indexed) >= 2)

    assert [isinstance(r, BuildReport) and r.published for r in reports] == [True, True]
    assert searchable == [False, True]  # the first build had no index to keep
    assert "/* a new rule */" in (site / "assets" / "stylesheets" / "pressroom.css").read_text(encoding="utf-8")
    assert indexed[1] == SearchIndex(1, site / "pagefind", site / "pagefind-full")
    assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == ["pagefind", "pagefind-full"]


@pytest.mark.slow
def test_a_preview_rebuild_converts_only_the_pages_that_changed(tmp_path: Path) -> None:
    content = copy_content(tmp_path, SEED, OTHER_SEED)
    site = tmp_path / "site"
    settings = BuildSettings(content_dir=content, site_dir=site, docs_dir=tmp_path / "docs",
                             config_file=REPO / "mkdocs.yml")
    with previewing(settings) as (reports, urls, _indexed):
        wait_until(lambda: urls)
        untouched = site / OTHER_PAGE / "index.html"
        before = untouched.stat().st_mtime_ns

        raw = content / "transcripts" / f"{SEED}.txt"
        raw.write_text(raw.read_text(encoding="utf-8").replace("an extraordinary meeting", "a special meeting"),
                       encoding="utf-8")
        wait_until(lambda: len(reports) >= 2)
        edited = reports[1]
        assert isinstance(edited, BuildReport) and edited.published and edited.warnings == ()
        assert 2 <= edited.rendered < edited.pages  # its page and open data, and the topic pages listing it
        assert "a special meeting" in urllib.request.urlopen(urls[0] + PAGE).read().decode()
        assert untouched.stat().st_mtime_ns == before  # MkDocs did not convert it again

        raw.unlink()
        raw.with_suffix(".meta.yaml").unlink()
        wait_until(lambda: len(reports) >= 3)
        assert isinstance(reports[2], BuildReport) and reports[2].transcripts == 1
        assert not (site / PAGE / "index.html").exists()
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(urls[0] + PAGE)


Previewing = tuple[list[BuildReport | Exception], list[str], list[SearchIndex | Exception]]


@contextmanager
def previewing(
    settings: BuildSettings, on_build: Callable[[BuildReport | Exception], None] = lambda _report: None
) -> Iterator[Previewing]:
    """``pressroom serve`` in a thread: the builds' reports, the site's URL and the search index refreshes,
    as they come. ``on_build`` is also told of each build, as it is reported."""
    reports: list[BuildReport | Exception] = []
    urls: list[str] = []
    indexed: list[SearchIndex | Exception] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=preview,
        kwargs=dict(settings=settings, port=0, on_build=lambda report: (on_build(report), reports.append(report)),
                    ready=urls.append, stop=stop, interval=0.1,
                    on_indexed=lambda index, _seconds: indexed.append(index)),
        daemon=True,
    )
    thread.start()
    try:
        yield reports, urls, indexed
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


@pytest.mark.slow
def test_only_a_build_another_will_follow_keeps_what_its_caches_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = BuildSettings(content_dir=copy_content(tmp_path, SEED), site_dir=tmp_path / "site",
                             docs_dir=tmp_path / "docs", config_file=REPO / "mkdocs.yml", cache_dir=cache)

    build(replace(settings, again=True))
    kept = [path for path in packs._KNOWN if cache in path.parents]
    build(settings)

    assert kept and not packs._KNOWN  # parse cache and enrich memo alike; MkDocs gets the memory
