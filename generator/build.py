"""The build: the one place that knows the order of the stages.

    parse_corpus(content)  raw files -> ParsedCorpus    (generator.parsing)
    build_corpus(parsed)   -> Corpus                    (generator.enrich)
    render_site(corpus)    -> pages                     (generator.render)
    write_pages(pages)     -> generated docs folder     (generator.write)
    build_site(...)        -> MkDocs site + Pagefind    (generator.site)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.enrich import Corpus, build_corpus
from generator.enrich.corpus import Parsed
from generator.errors import ContentError, Problem
from generator.render import RenderSettings, render_site
from generator.site import build_site
from generator.site.serve import serve
from generator.write import write_pages

T = TypeVar("T")

# Problem codes meaning two transcripts map to one URL: always an error.
URL_CLASHES = frozenset({"duplicate-slug", "duplicate-url"})


@dataclass(frozen=True)
class BuildSettings:
    """Where the build reads and writes. Relative paths are from the working folder."""

    content_dir: Path = Path("content")
    site_dir: Path = Path("site")
    docs_dir: Path = Path("build/docs")
    """The generated Markdown pages: emptied and rewritten at every build."""
    config_file: Path = Path("mkdocs.yml")
    strict: bool = False
    """Fail when the content has problems or MkDocs warns."""
    render: RenderSettings = field(default_factory=RenderSettings)


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the command line and for tests."""

    transcripts: int
    pages: int
    indexed: int  # pages in the search index
    problems: tuple[Problem, ...]  # content problems (parser and enrichment)
    warnings: tuple[str, ...]  # MkDocs warnings (broken links, anchors)
    timings: tuple[tuple[str, float], ...]  # seconds per stage, in order
    site_dir: Path

    @property
    def ok(self) -> bool:
        """True when nothing needs a maintainer's attention."""
        return not self.problems and not self.warnings

    @property
    def seconds(self) -> float:
        """Time the whole build took."""
        return sum(seconds for _, seconds in self.timings)


def build(settings: BuildSettings) -> BuildReport:
    """Parse every transcript under the content folder and build the site from it.

    Raises ContentError when the content cannot make a site (two transcripts
    at one URL), WriteError, SiteError or SearchIndexError when a stage fails.
    Problems and warnings that still allow a site are in the report; the
    caller decides, with ``settings.strict``, whether they fail the build.
    """
    from generator.parsing import parse_corpus

    clock = _Clock()
    parsed = clock.time("parse", lambda: parse_corpus(settings.content_dir))
    return build_parsed(parsed, settings, clock)


def build_parsed(parsed: Parsed, settings: BuildSettings, clock: _Clock | None = None) -> BuildReport:
    """The stages after parsing: enrich, render, write, build the site and its index."""
    clock = clock or _Clock()
    for problem in parsed.problems:
        # The parser publishes one of two transcripts that want the same
        # page; the archive must not lose the other without the build failing.
        if problem.code in URL_CLASHES:
            raise ContentError(problem)
    corpus: Corpus = clock.time("enrich", lambda: build_corpus(parsed))
    pages = clock.time("render", lambda: render_site(corpus, settings.render))
    clock.time("write", lambda: write_pages(pages, settings.docs_dir))
    site = clock.time(
        "site",
        lambda: build_site(settings.config_file, settings.docs_dir, settings.site_dir, corpus.last_date),
    )
    return BuildReport(
        transcripts=len(corpus.entries),
        pages=len(pages),
        indexed=site.search.page_count,
        problems=corpus.problems,
        warnings=site.warnings,
        timings=tuple(clock.timings),
        site_dir=settings.site_dir,
    )


def preview(
    settings: BuildSettings,
    host: str = "127.0.0.1",
    port: int = 8000,
    on_build: Callable[[BuildReport | Exception], None] = lambda _: None,
    ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    interval: float = 1.0,
) -> None:
    """Build, serve the site locally, and rebuild whenever content or theme changes.

    ``on_build`` receives each build's report, or the error that stopped it:
    a broken transcript must not stop the preview.
    """
    def rebuild() -> None:
        try:
            on_build(build(settings))
        except Exception as error:  # shown to the maintainer, who fixes and saves again
            on_build(error)

    rebuild()
    watched = [settings.content_dir, settings.config_file, *_theme_dirs(settings.config_file)]
    serve(settings.site_dir, watched, rebuild, host, port, interval, stop, ready)


def _theme_dirs(config_file: Path) -> list[Path]:
    overrides = config_file.parent / "site_config"
    return [overrides] if overrides.is_dir() else []


class _Clock:
    """Times each stage of one build."""

    def __init__(self) -> None:
        self.timings: list[tuple[str, float]] = []

    def time(self, stage: str, run: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return run()
        finally:
            self.timings.append((stage, time.perf_counter() - start))
