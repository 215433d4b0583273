"""The build: the one place that knows the order of the stages.

:data:`STAGES`, in order, each a function of the build so far (a :class:`Run`):

    read     content/ -> the raw files, each read once        (generator.parsing)
    census   -> how often each line recurs across files      (generator.parsing)
    parse    -> ParsedCorpus                                 (generator.parsing)
    enrich   -> Corpus, topics included                      (generator.enrich; topics.yaml is read first)
    ledger   -> what keeps every address once published      (generator.ledger; its file is read first)
    view     -> what each page shows, every page at once     (generator.render.site_views)
    render   -> the pages whose view changed                 (generator.render, keyed by generator.cache)
    write    -> the generated docs folder and its page keys  (generator.write, generator.cache)
    site     -> the MkDocs site                              (generator.site)
    search   -> the Pagefind index                           (generator.site)

then the report (generator.outcome), and, when the build is published, the
ledger of published URLs updated in the content folder (not by a preview). Benchmarks and tests run these stages
(or the first three: :func:`parse_corpus`) rather than restating them.
generator.cache, wrapped around the stages, keeps what a rebuild needs not
do again. The docs folder and the site are built beside their places and
swapped in together only when the build succeeds (generator.write.Staging):
a build that fails, or that ``--strict`` refuses, leaves the previous output as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from generator.cache import BuildCache, page_keys, read_manifest, write_manifest
from generator.enrich import Corpus, TopicConfig, build_corpus, load_topic_config
from generator.heap import give_back
from generator.ledger import Continuity, Ledger, read_ledger, reconcile, write_ledger
from generator.build_settings import BuildSettings, ServeRebuild
from generator.outcome import BuildReport, build_report, corpus_report
from generator.parsing import (
    ComputedSteps, ParsedCorpus, ParseMemo, ParseSteps, Sources, TakenCensus, parse_sources, read_sources,
    take_census,
)
from generator.report import ContentReport, content_report
from generator.render import PageView, RenderedSite, paths, render_pages, site_views
from generator.site import SearchIndex, Site, build_site, index_site, keep_bundles, remove_gone_pages
from generator.write import MARKER, InPlace, Staging, Written, check_owned, write_site

T = TypeVar("T")

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a build goes; ``total`` is 1 for a stage that cannot count."""

Step = Callable[[int, int], None]
"""Told ``(done, total)`` as one stage goes."""

# Problem codes meaning two transcripts map to one URL: the build publishes nothing.
URL_CLASHES = frozenset({"duplicate-slug", "duplicate-url"})


@dataclass(frozen=True)
class Run:
    """One build as it goes: what it was asked, and what each stage has handed on so far."""

    settings: BuildSettings
    steps: ParseSteps  # how the parsing stages compute (with the cache's memo, if any)
    topics: TopicConfig | None = None
    ledger: Ledger = Ledger()  # every address the archive published before this build
    cache: BuildCache | None = None
    serve: ServeRebuild | None = None
    docs_dir: Path | None = None  # where this build writes the docs folder (staged beside its place)
    site_dir: Path | None = None  # where it builds the site (staged, or in place for a preview)
    dirty: bool = False  # MkDocs converts only the pages that changed, into the site in place
    sources: Sources | None = None
    census: TakenCensus | None = None
    parsed: ParsedCorpus | None = None
    corpus: Corpus | None = None
    continuity: Continuity | None = None
    views: tuple[PageView, ...] | None = None
    previous: Mapping[str, str] = field(default_factory=dict)  # the last build's page keys, by path
    keys: Mapping[str, str] = field(default_factory=dict)  # this build's page keys, by path
    rendered: RenderedSite | None = None
    written: Written | None = None
    site: Site | None = None
    search: SearchIndex | None = None
    refused: str = ""  # why nothing is published; the stages after it do not run

    @classmethod
    def begin(
        cls,
        settings: BuildSettings,
        serve: ServeRebuild | None = None,
        *,
        docs_dir: Path | None = None,
        site_dir: Path | None = None,
        dirty: bool = False,
    ) -> Run:
        """A build about to start: the topics file and the ledger read, and the cache opened if the settings keep one.

        Raises ContentError when the topics file or the ledger cannot be read: a mistake in either stops
        the build before parsing.
        """
        topics = load_topic_config(settings.content_dir)
        ledger = read_ledger(settings.content_dir)
        cache = None
        if settings.cache_dir is not None:
            cache = BuildCache(settings.cache_dir, settings.content_dir, serve.memory if serve is not None else None)
        computed = ComputedSteps(settings.workers)
        steps = cache.parse_memo(computed) if cache is not None else computed
        return cls(settings, steps, topics, ledger, cache, serve, docs_dir, site_dir, dirty)


@dataclass(frozen=True)
class Stage:
    """A named step of the build: the run so far in, the run with this stage's output out."""

    name: str
    run: Callable[[Run, Step], Run]


def _whole(stage: Callable[[Run], Run]) -> Callable[[Run, Step], Run]:
    """A stage that cannot count its steps: it is 0 of 1 done, then 1 of 1."""
    def counted(run: Run, step: Step) -> Run:
        step(0, 1)
        run = stage(run)
        step(1, 1)
        return run

    return counted


def _read(run: Run) -> Run:
    return replace(run, sources=read_sources(run.settings.content_dir, run.steps))


def _census(run: Run, step: Step) -> Run:
    sources = _given(run.sources)
    total = len(sources.files)
    step(0, total)
    census = take_census(sources, run.steps, lambda done: step(done, total))
    step(total, total)
    return replace(run, census=census)


def _parse(run: Run, step: Step) -> Run:
    census = _given(run.census)
    total = len(census.census)
    step(0, total)
    parsed = parse_sources(_given(run.sources), census, run.steps, lambda done: step(done, total))
    step(total, total)
    if run.cache is not None:
        run.cache.save()  # a build that fails later still spares the next one the parse
    refused = ""
    if any(problem.code in URL_CLASHES for problem in parsed.problems):
        # The parser publishes one of two transcripts that want the same
        # page; the archive must not lose the other without the build failing.
        refused = "two transcripts map to one page (duplicate-slug above)"
    # The files' bytes are not needed any more: let them go.
    return replace(run, sources=None, census=None, parsed=parsed, refused=refused)


def _enrich(run: Run) -> Run:
    cache = run.cache
    memo = cache.facts_memo(run.topics) if cache is not None else None
    corpus = build_corpus(_given(run.parsed), run.topics, workers=run.settings.workers, memo=memo)
    if cache is not None:
        cache.save()
        if run.serve is None:
            cache.forget()  # no build follows: MkDocs and Pagefind may have that memory
    return replace(run, corpus=corpus)


def _ledger(run: Run) -> Run:
    return replace(run, continuity=reconcile(run.ledger, _given(run.corpus), paths.transcript_url))


def _view(run: Run) -> Run:
    settings = run.settings.render if run.serve is None else run.serve.render(run.settings.render)
    return replace(run, views=site_views(_given(run.corpus), settings, _given(run.continuity)))


def _render(run: Run, step: Step) -> Run:
    settings, views = run.settings, _given(run.views)
    previous = read_manifest(settings.docs_dir)  # what the last build published, for the report's changes
    keys = page_keys(views, run.cache.transcript_key if run.cache is not None else None)
    changed = [view for view in views if not settings.incremental or previous.get(view.path) != keys[view.path]]
    pages = render_pages(changed, settings.workers, step)
    rendered = RenderedSite(tuple(view.path for view in views), pages)
    return replace(run, views=None, previous=previous, keys=keys, rendered=rendered)


def _write(run: Run, step: Step) -> Run:
    rendered, docs_dir = _given(run.rendered), _given(run.docs_dir)
    written = write_site(rendered, docs_dir, run.settings.docs_dir, step)
    write_manifest(docs_dir, run.keys)
    if run.dirty:
        remove_gone_pages(_given(run.site_dir), run.previous, run.keys.keys())
    # The pages are on disk: their text (1.3 GB of Markdown at 10,000 transcripts) need not stay
    # in this process while MkDocs and Pagefind run beside it (see _site).
    return replace(run, rendered=None, written=written)


def _site(run: Run, step: Step) -> Run:
    settings, serve, site_dir = run.settings, run.serve, _given(run.site_dir)
    if serve is None:
        give_back()  # the rendered pages' memory, freed once the write stage's run was let go
    site = build_site(
        settings.config_file, _given(run.docs_dir), site_dir, _given(run.corpus).last_date, step, dirty=run.dirty,
        templates=serve.templates if serve is not None else None, workers=settings.workers,
    )
    if serve is not None and site_dir != settings.site_dir:
        # A preview built in a new folder gets its index after this build; until then, the last one answers.
        keep_bundles(settings.site_dir, site_dir)
    return replace(run, site=site)


def _search(run: Run) -> Run:
    if run.serve is not None:
        return run  # the preview refreshes its index in the background
    return replace(run, search=index_site(_given(run.site_dir)))


STAGES: tuple[Stage, ...] = (
    Stage("read", _whole(_read)),
    Stage("census", _census),
    Stage("parse", _parse),
    Stage("enrich", _whole(_enrich)),
    Stage("ledger", _whole(_ledger)),
    Stage("view", _whole(_view)),
    Stage("render", _render),
    Stage("write", _write),
    Stage("site", _site),
    Stage("search", _whole(_search)),
)
"""Every stage of a build, in the order they run."""


def stages_through(name: str) -> tuple[Stage, ...]:
    """The stages from the first to the one named ``name``, included."""
    names = [stage.name for stage in STAGES]
    return STAGES[: names.index(name) + 1]


def run_stages(
    run: Run, stages: Sequence[Stage], progress: Progress | None = None
) -> tuple[Run, tuple[tuple[str, float], ...]]:
    """Run ``stages`` in order from ``run``, until one refuses; the run they hand on and the seconds each took."""
    tell = progress or (lambda stage, done, total: None)
    timings: list[tuple[str, float]] = []
    for stage in stages:
        if run.refused:
            break
        start = time.perf_counter()
        run = stage.run(run, partial(tell, stage.name))
        timings.append((stage.name, time.perf_counter() - start))
    return run, tuple(timings)


def build(
    settings: BuildSettings,
    progress: Progress | None = None,
    serve: ServeRebuild | None = None,
) -> BuildReport:
    """Parse every transcript under the content folder and build the site from it.

    Every transcript that parses is published and every problem is in the
    report, except that nothing is published when two transcripts map to
    one page, or when ``settings.strict`` and the report is not clean
    (``BuildReport.refused`` says why). ``serve``: the build is a rebuild of
    ``pressroom serve`` (None: a build for publishing).

    Raises ContentError when the people, outlets or topics file cannot be
    read, WriteError, SiteError or SearchIndexError when a stage fails; the
    previous output is then untouched.
    """
    for folder in (settings.docs_dir, settings.site_dir):
        check_owned(folder)  # before the long parse, not after it
    begun = Run.begin(settings, serve)
    in_place = serve is not None and serve.in_place
    dirty = in_place and (settings.site_dir / MARKER).is_file()
    with Staging(settings.docs_dir) as docs, (InPlace if in_place else Staging)(settings.site_dir) as site_dir:
        start = replace(begun, docs_dir=docs.path, site_dir=site_dir.path, dirty=dirty)
        run, timings = run_stages(start, STAGES, progress)
        report = build_report(run.settings, _given(run.parsed), run.corpus, run.site, run.written, run.search,
                              timings, run.refused, run.previous, run.keys, run.continuity)
        if report.published:
            docs.publish()
            site_dir.publish()
            if serve is None and run.continuity is not None:
                write_ledger(settings.content_dir, run.continuity.ledger)
    return report


def parse_corpus(
    content_dir: Path, *, workers: int | None = None, memo: ParseMemo | None = None, progress: Progress | None = None
) -> ParsedCorpus:
    """The parsing stages of a build alone: every transcript under ``content_dir`` parsed.

    What ``pressroom check`` reports on. ``workers``: processes (None: every
    core); ``memo`` (generator.cache) keeps results between runs. The result
    depends on neither. Raises ContentError when the people or outlets file
    cannot be read.
    """
    computed = ComputedSteps(workers)
    start = Run(BuildSettings(content_dir=content_dir, cache_dir=None, workers=workers),
                memo(computed) if memo is not None else computed)
    run, _timings = run_stages(start, stages_through("parse"), progress)
    return _given(run.parsed)


def check_content(content_dir: Path, *, workers: int | None = None) -> ContentReport:
    """What ``pressroom check`` reports: the content parsed and enriched, without building pages.

    The same report a build of ``content_dir`` gives, but for MkDocs' warnings
    about the pages. Raises ContentError when the people, outlets or topics
    file or the ledger cannot be read.
    """
    start = Run.begin(BuildSettings(content_dir=content_dir, cache_dir=None, workers=workers))
    run, _timings = run_stages(start, stages_through("enrich"))
    if run.corpus is None:  # refused after parsing: two transcripts want one page
        return content_report(_given(run.parsed))
    return corpus_report(content_dir, _given(run.parsed), run.corpus)


def _given(value: T | None) -> T:
    """A stage's input, which the stages before it have handed on."""
    assert value is not None, "a stage ran before the stage that makes its input"
    return value


__all__ = [
    "STAGES", "BuildReport", "BuildSettings", "Progress", "Run", "ServeRebuild", "Stage", "build", "check_content",
    "parse_corpus",
    "run_stages", "stages_through",
]
