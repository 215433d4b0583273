"""The build: the one place that knows the order of the stages.

    parse_corpus(content)         raw files -> ParsedCorpus  (generator.parsing)
    build_corpus(parsed, topics)  -> Corpus, topics included  (generator.enrich; topics.yaml is read first)
    render_site(corpus)           -> pages whose inputs changed (generator.render)
    write_site(rendered)          -> generated docs folder    (generator.write)
    build_site(...)               -> MkDocs site + Pagefind   (generator.site)
    content_report(...)           -> ContentReport            (generator.report)

What a build keeps for the next one lives in generator.cache, wrapped
around the stages: a rebuild parses and enriches only the transcripts that
changed, and renders only the pages whose inputs changed (the previous
docs folder's manifest has each page's key; unchanged pages are linked
from it).

The docs folder and the site are built beside their places and swapped in
together only when the build succeeds (generator.write.Staging): a build
that fails, or that ``--strict`` refuses, leaves the previous output as it was.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from generator.cache import BuildCache, PackMemory, read_manifest, write_manifest
from generator.enrich import Corpus, TopicConfig, build_corpus, load_topic_config
from generator.enrich.topic_config import TOPICS_FILE
from generator.errors import Problem
from generator.parsing import ParsedCorpus, parse_corpus
from generator.render import RenderSettings, paths, render_site
from generator.render.transcript import STATEMENT_ID
from generator.report import ContentReport, Issue, Suggestion, content_report
from generator.site import CompiledTemplates, build_site, keep_bundles, remove_gone_pages
from generator.write import MARKER, InPlace, Staging, check_owned, write_site

T = TypeVar("T")

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a build goes; ``total`` is 1 for a stage that cannot count."""

# Problem codes meaning two transcripts map to one URL: the build publishes nothing.
URL_CLASHES = frozenset({"duplicate-slug", "duplicate-url"})

# MkDocs names the page a warning is about first: "Doc file 'transcripts/x.md' contains a link ...".
_DOC_FILE = re.compile(r"^Doc file '([^']+)'")


@dataclass(frozen=True)
class BuildSettings:
    """Where the build reads and writes. Relative paths are from the working folder."""

    content_dir: Path = Path("content")
    site_dir: Path = Path("site")
    docs_dir: Path = Path("build/docs")
    """The generated Markdown pages: replaced at every build."""
    config_file: Path = Path("mkdocs.yml")
    strict: bool = False
    """Publish nothing when the content has problems or warnings, or MkDocs warns."""
    cache_dir: Path | None = Path(".pressroom/cache")
    """Parsed transcripts and their enrichment kept between builds, so a rebuild parses and
    enriches only what changed; None: no cache."""
    render: RenderSettings = field(default_factory=RenderSettings)
    workers: int | None = None
    """Processes for parsing and rendering; None: every core."""
    incremental: bool = True
    """Render only the pages whose inputs changed since the build in ``docs_dir``."""


@dataclass(frozen=True)
class ServeRebuild:
    """How ``pressroom serve`` rebuilds (generator.preview), where a build for publishing differs.

    Another build follows in the same process, so what the caches read
    stays in memory for it; the search index is left to a refresh in the
    background, so that an edit shows without waiting for Pagefind.
    """

    in_place: bool = True
    """Rebuild the site where it stands, MkDocs converting only the pages that changed (its dirty
    build). False when the theme changed: every page is converted again into a new site, which
    takes over the last search index until the refresh."""
    memory: PackMemory = field(default_factory=PackMemory, compare=False)
    """What the caches read, kept for the next rebuild: give each rebuild of one preview the same."""
    templates: CompiledTemplates = field(default_factory=CompiledTemplates, compare=False)
    """The theme's templates as compiled, kept for the next rebuild likewise."""


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the command line and for tests."""

    transcripts: int
    problems: tuple[Problem, ...]  # content problems (parser and enrichment)
    timings: tuple[tuple[str, float], ...]  # seconds per stage, in order
    site_dir: Path
    content: ContentReport
    """Everything a maintainer should act on: the report ``pressroom check`` gives, plus MkDocs' warnings."""
    pages: int = 0
    rendered: int = 0  # pages rendered by this build; the others were unchanged since the last one
    indexed: int | None = 0  # pages in the search index; None when the build left indexing to its caller
    warnings: tuple[str, ...] = ()  # MkDocs warnings (broken links, anchors)
    refused: str = ""
    """Why the build was not published (the previous output is untouched); empty when it was."""

    @property
    def published(self) -> bool:
        """True when the new site replaced the previous one."""
        return not self.refused

    @property
    def ok(self) -> bool:
        """True when nothing needs a maintainer's attention."""
        return self.content.ok

    @property
    def seconds(self) -> float:
        """Time the whole build took."""
        return sum(seconds for _, seconds in self.timings)


def build(settings: BuildSettings, progress: Progress | None = None, serve: ServeRebuild | None = None) -> BuildReport:
    """Parse every transcript under the content folder and build the site from it.

    Every transcript that parses is published and every problem is in the
    report, except that nothing is published when two transcripts map to
    one page, or when ``settings.strict`` and the report is not clean
    (``BuildReport.refused`` says why). Raises ContentError when the people,
    outlets or topics file cannot be read, WriteError, SiteError or
    SearchIndexError when a stage fails; the previous output is then untouched.
    """
    for folder in (settings.docs_dir, settings.site_dir):
        check_owned(folder)  # before the long parse, not after it
    topics = load_topic_config(settings.content_dir)  # a mistake in topics.yaml stops the build before parsing
    clock = _Clock(progress)
    cache = None
    if settings.cache_dir is not None:
        cache = BuildCache(settings.cache_dir, settings.content_dir, serve.memory if serve is not None else None)
    parsed = clock.count(
        "parse",
        lambda step: parse_corpus(
            settings.content_dir,
            workers=settings.workers,
            on_progress=step,
            memo=cache.parse_memo if cache is not None else None,
        ),
    )
    if cache is not None:
        cache.save()  # a build that fails later still spares the next one the parse
    return build_parsed(parsed, settings, clock, topics, serve, cache)


def build_parsed(
    parsed: ParsedCorpus,
    settings: BuildSettings,
    clock: _Clock | None = None,
    topics: TopicConfig | None = None,
    serve: ServeRebuild | None = None,
    cache: BuildCache | None = None,
) -> BuildReport:
    """The stages after parsing: enrich, render, write, build the site and its index, report.

    ``topics`` defaults to the content folder's topics.yaml; ``serve`` says the build is a
    rebuild of ``pressroom serve`` (None: a build for publishing); ``cache`` is the one
    ``parsed`` was parsed with, if any.
    """
    clock = clock or _Clock()
    topics = topics if topics is not None else load_topic_config(settings.content_dir)
    if any(problem.code in URL_CLASHES for problem in parsed.problems):
        # The parser publishes one of two transcripts that want the same
        # page; the archive must not lose the other without the build failing.
        return BuildReport(len(parsed.transcripts), parsed.problems, tuple(clock.timings), settings.site_dir,
                           content_report(parsed), refused="two transcripts map to one page (duplicate-slug above)")
    corpus: Corpus = clock.time(
        "enrich",
        lambda: build_corpus(
            parsed, topics, workers=settings.workers, memo=cache.facts_memo(topics) if cache is not None else None
        ),
    )
    transcript_key = None
    if cache is not None:
        cache.save()
        transcript_key = cache.transcript_key
        if serve is None:
            cache.forget()  # no build follows: MkDocs and Pagefind may have that memory
    previous = read_manifest(settings.docs_dir) if settings.incremental else {}
    rendered = clock.count(
        "render",
        lambda step: render_site(
            corpus, settings.render, previous=previous, transcript_key=transcript_key, workers=settings.workers,
            on_group=step,
        ),
    )
    in_place = serve is not None and serve.in_place
    dirty = in_place and (settings.site_dir / MARKER).is_file()
    with Staging(settings.docs_dir) as docs, (InPlace if in_place else Staging)(settings.site_dir) as site_dir:
        written = clock.count("write", lambda step: write_site(rendered, docs.path, settings.docs_dir, step))
        keys = rendered.keys
        write_manifest(docs.path, keys)
        if dirty:
            remove_gone_pages(site_dir.path, previous, keys.keys())
        site = clock.count(
            "site",
            lambda step: build_site(
                settings.config_file, docs.path, site_dir.path, corpus.last_date, step, dirty=dirty,
                search=serve is None, templates=serve.templates if serve is not None else None,
            ),
        )
        if serve is not None and site_dir.path != settings.site_dir:
            # A preview built in a new folder gets its index after this build; until then, the last one answers.
            keep_bundles(settings.site_dir, site_dir.path)
        content = content_report(
            replace(parsed, problems=corpus.problems),
            site_warnings=_site_issues(site.warnings, corpus, settings.docs_dir, settings.config_file),
            suggestions=_topic_suggestions(corpus, settings.content_dir / TOPICS_FILE),
            extra_counts=(("topics", len(corpus.topics)),),
        )
        refused = "--strict: the build has problems or warnings (above)" if settings.strict and not content.ok else ""
        if not refused:
            docs.publish()
            site_dir.publish()
    return BuildReport(len(corpus.entries), corpus.problems, tuple(clock.timings), settings.site_dir, content,
                       pages=written.pages, rendered=written.written,
                       indexed=site.search.page_count if site.search is not None else None,
                       warnings=site.warnings, refused=refused)


def _site_issues(warnings: Iterable[str], corpus: Corpus, docs_dir: Path, config_file: Path) -> tuple[Issue, ...]:
    """MkDocs' warnings, each filed under the transcript whose page it is about."""
    sources = {paths.transcript(entry.slug): entry.transcript.source for entry in corpus.entries}
    issues = []
    for message in warnings:
        match = _DOC_FILE.match(message)
        page = match.group(1) if match else None
        if page is None:  # about the configuration or the theme
            issues.append(Issue("site-warning", str(config_file), None, message))
        else:
            issues.append(Issue("site-warning", sources.get(page, page), None, message,
                                f"see the generated page {docs_dir / page}"))
    return tuple(issues)


def _topic_suggestions(corpus: Corpus, topics_file: Path) -> tuple[Suggestion, ...]:
    """Recurring phrases the topic taxonomy lacks, with where they were said.

    The evidence is each question or statement that says the phrase (up to
    the topic stage's 20), as ``file#anchor`` of its page's heading.
    """
    sources = {entry.slug: entry.transcript.source for entry in corpus.entries}
    suggestions = []
    for found in corpus.topic_suggestions:
        said = f"said {found.count} times in {len(found.transcripts)} transcripts"
        action = (f"published as a topic page; to keep it, add it to {topics_file}" if found.published
                  else f"add it to {topics_file} to give it a topic page")
        evidence = tuple(
            f"{sources.get(unit.transcript, unit.transcript)}#{STATEMENT_ID if unit.is_statement else unit.anchor}"
            for unit in found.units
        )
        suggestions.append(Suggestion("topic", found.phrase, f"{said}; {action}", evidence))
    return tuple(suggestions)


class _Clock:
    """Times each stage of one build and tells ``progress`` how far it is."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.timings: list[tuple[str, float]] = []
        self._progress: Progress = progress or (lambda stage, done, total: None)

    def time(self, stage: str, run: Callable[[], T]) -> T:
        """Run a stage that cannot count its steps: it is 0 of 1 done, then 1 of 1."""
        def counted(step: Callable[[int, int], None]) -> T:
            step(0, 1)
            result = run()
            step(1, 1)
            return result

        return self.count(stage, counted)

    def count(self, stage: str, run: Callable[[Callable[[int, int], None]], T]) -> T:
        """Run a stage that reports its steps, as ``(done, total)``, to the callable it is given."""
        start = time.perf_counter()
        try:
            return run(lambda done, total: self._progress(stage, done, total))
        finally:
            self.timings.append((stage, time.perf_counter() - start))
