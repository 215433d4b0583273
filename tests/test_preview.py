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

from generator.build import BuildReport, BuildSettings, ServeRebuild, build
from generator.preview import preview
import generator.build as build_module
import generator.cache.packs as packs
from generator.cache import PackMemory
from generator.site import SearchIndex
from generator.site.serve import BUILD_PATH, RELOAD_SCRIPT_ID, serve, snapshot, with_reload
from tests.support import REPO, copy_content, indexed_text, wait_until

SEED = "000_dc2035bffcbcb803"
PAGE = "transcripts/2015-11-24-statement-extraordinary-nac-meeting/"
OTHER_SEED = "003_31df2163731fa648"
OTHER_PAGE = "transcripts/2014-11-29-interview-russian-radio-station-ekho-moskvy"


def seed_preview(tmp_path: Path, *seeds: str) -> BuildSettings:
    """Settings to preview a copy, in ``tmp_path``, of the given seeds (SEED alone if none)."""
    return BuildSettings(content_dir=copy_content(tmp_path, *(seeds or (SEED,))), site_dir=tmp_path / "site",
                         docs_dir=tmp_path / "docs", config_file=REPO / "mkdocs.yml")


def edit_seed(content: Path) -> Path:
    """Save SEED's transcript with "an extraordinary meeting" changed to "a special meeting"; its path."""
    raw = content / "transcripts" / f"{SEED}.txt"
    saved = content.parent / f"{SEED}.saving"  # saved whole at once, as editors do: the preview never sees half a file
    saved.write_text(raw.read_text(encoding="utf-8").replace("an extraordinary meeting", "a special meeting"),
                     encoding="utf-8")
    saved.replace(raw)
    return raw


def test_snapshot_sees_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1", encoding="utf-8")
    before = snapshot([tmp_path])
    assert snapshot([tmp_path]) == before
    (tmp_path / "a.txt").write_text("22", encoding="utf-8")
    assert snapshot([tmp_path]) != before
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert set(snapshot([tmp_path])) == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}


def test_the_reload_script_goes_before_the_end_of_the_body() -> None:
    page = b"<html><body><p>Words</p></BODY></html>\n"
    reloading = with_reload(page, "b1")
    script = reloading.removeprefix(b"<html><body><p>Words</p>").removesuffix(b"</BODY></html>\n")
    assert script.startswith(f'<script id="{RELOAD_SCRIPT_ID}">'.encode()) and script.endswith(b"</script>\n")
    assert b'"b1"' in script and BUILD_PATH.encode() in script
    assert with_reload(b"<p>A fragment</p>", "b1") == b"<p>A fragment</p>" + script


def test_pages_are_sent_with_the_reload_script_and_told_of_each_published_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    html = b"<!doctype html><html><body><p>Words</p></body></html>\n"
    (site / "page" / "index.html").write_bytes(html)
    (site / "extra.html").write_bytes(html)
    (site / "style.css").write_bytes(b"p { color: black }\n")
    content = tmp_path / "content"
    content.mkdir()
    published = iter([True, False, False])  # the first rebuild is published, the next ones are refused
    seen: list[str] = []  # the build id the server gave as each rebuild began
    urls: list[str] = []

    def rebuild() -> bool:
        seen.append(fetch(urls[0] + BUILD_PATH.lstrip("/")).decode())
        return next(published)

    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(site, [content], rebuild), daemon=True,
                              kwargs=dict(port=0, interval=0.05, stop=stop, ready=urls.append))
    thread.start()
    try:
        wait_until(lambda: urls)
        first = fetch(urls[0] + BUILD_PATH.lstrip("/")).decode()
        assert fetch(urls[0] + "page/") == with_reload(html, first)
        assert fetch(urls[0] + "extra.html") == with_reload(html, first)
        assert fetch(urls[0] + "style.css") == b"p { color: black }\n"  # only pages get the script
        for edit in range(3):
            (content / "a.txt").write_text(str(edit) * (edit + 1), encoding="utf-8")
            wait_until(lambda edit=edit: len(seen) > edit)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert seen[0] == first and seen[1] != first  # a published build is a new id
    assert seen[2] == seen[1]  # a refused one is not: the pages show the site as it still is
    assert (site / "page" / "index.html").read_bytes() == html  # the files stay as built


def fetch(url: str) -> bytes:
    """The body of a GET of ``url``."""
    with urllib.request.urlopen(url) as response:
        return response.read()


@pytest.mark.slow
def test_serves_and_rebuilds_on_change(tmp_path: Path) -> None:
    settings = seed_preview(tmp_path)
    with previewing(settings) as (reports, urls, _indexed):
        wait_until(lambda: urls)
        assert isinstance(reports[0], BuildReport) and reports[0].transcripts == 1
        html = urllib.request.urlopen(urls[0] + PAGE).read().decode()
        assert "The North Atlantic Council has just held a meeting" in html

        edit_seed(settings.content_dir)
        wait_until(lambda: len(reports) >= 2)
        assert isinstance(reports[1], BuildReport)
        html = urllib.request.urlopen(urls[0] + PAGE).read().decode()
        assert "a special meeting" in html


@pytest.mark.slow
def test_the_search_index_is_refreshed_after_each_build_in_the_background(tmp_path: Path) -> None:
    settings = seed_preview(tmp_path)
    site = settings.site_dir
    with previewing(settings) as (reports, _urls, indexed):
        wait_until(lambda: indexed)
        first = reports[0]
        assert isinstance(first, BuildReport) and first.indexed is None  # the build did not wait for Pagefind
        assert indexed[0] == SearchIndex(1, site / "pagefind", site / "pagefind-full", site / "pagefind-questions")
        assert "an extraordinary meeting" in indexed_text(site / "pagefind-full")["/" + PAGE]

        edit_seed(settings.content_dir)
        wait_until(lambda: len(indexed) >= 2)
        assert len(reports) == 2 and isinstance(reports[1], BuildReport) and reports[1].indexed is None
        assert indexed[1] == SearchIndex(1, site / "pagefind", site / "pagefind-full", site / "pagefind-questions")
        for bundle in ("pagefind", "pagefind-full"):
            assert "a special meeting" in indexed_text(site / bundle)["/" + PAGE]
        assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == [
        "pagefind", "pagefind-full", "pagefind-questions"
    ]


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
    assert indexed[1] == SearchIndex(1, site / "pagefind", site / "pagefind-full", site / "pagefind-questions")
    assert sorted(p.name for p in site.iterdir() if p.name.startswith("pagefind")) == [
        "pagefind", "pagefind-full", "pagefind-questions"
    ]


@pytest.mark.slow
def test_a_preview_rebuild_converts_only_the_pages_that_changed(tmp_path: Path) -> None:
    settings = seed_preview(tmp_path, SEED, OTHER_SEED)
    site = settings.site_dir
    with previewing(settings) as (reports, urls, _indexed):
        wait_until(lambda: urls)
        untouched = site / OTHER_PAGE / "index.html"
        before = untouched.stat().st_mtime_ns

        raw = edit_seed(settings.content_dir)
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


def test_a_preview_leaves_the_downloads_out_and_says_so(tmp_path: Path) -> None:
    settings = seed_preview(tmp_path)
    report = build(settings, serve=ServeRebuild())
    assert report.published and report.warnings == ()
    data = settings.docs_dir / "data"
    assert sorted(p.name for p in data.glob("*.*")) == ["transcripts.json"]
    assert "this preview leaves them out" in (settings.docs_dir / "open-data.md").read_text(encoding="utf-8")

    build(replace(settings, docs_dir=tmp_path / "published-docs", site_dir=tmp_path / "published"))
    published = tmp_path / "published-docs" / "data"
    assert {"transcripts.jsonl.gz", "questions.csv.gz", "datapackage.json"} <= {p.name for p in published.iterdir()}


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
def test_only_a_build_another_will_follow_keeps_what_its_caches_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = BuildSettings(content_dir=copy_content(tmp_path, SEED), site_dir=tmp_path / "site",
                             docs_dir=tmp_path / "docs", config_file=REPO / "mkdocs.yml", cache_dir=tmp_path / "cache")
    unpickled: list[Path] = []
    real_load = packs._load_pack
    monkeypatch.setattr(packs, "_load_pack", lambda path, context: unpickled.append(path) or real_load(path, context))
    memories: list[PackMemory] = []
    real_init = PackMemory.__init__
    monkeypatch.setattr(PackMemory, "__init__", lambda memory: memories.append(memory) or real_init(memory))
    held_when_mkdocs_ran: list[int] = []
    real_site = build_module.build_site
    monkeypatch.setattr(build_module, "build_site", lambda *args, **kwargs: held_when_mkdocs_ran.append(
        sum(map(len, memories))) or real_site(*args, **kwargs))
    preview_memory = PackMemory()

    build(settings, serve=ServeRebuild(memory=preview_memory))
    unpickled.clear()
    build(settings, serve=ServeRebuild(memory=preview_memory))
    assert unpickled == []  # every pack the rebuild read was still in memory: parse and facts caches alike
    kept = len(preview_memory)
    memories.remove(preview_memory)
    build(settings)

    assert unpickled  # a build for publishing reads the packs from disk
    assert kept and held_when_mkdocs_ran[-1] == 0  # and lets them go before MkDocs runs
