"""What a build did: its report to the command line, the preview and tests."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from generator.build_settings import BuildSettings
from generator.enrich import Corpus
from generator.enrich.topic_config import TOPICS_FILE
from generator.errors import Problem
from generator.ledger import Continuity
from generator.parsing import ParsedCorpus
from generator.render import paths
from generator.render.transcript import STATEMENT_ID
from generator.report import Changes, ContentReport, Issue, Suggestion, content_report
from generator.site import SearchIndex, Site
from generator.write import Written

# MkDocs names the page a warning is about first: "Doc file 'transcripts/x.md' contains a link ...".
_DOC_FILE = re.compile(r"^Doc file '([^']+)'")


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
    changes: Changes | None = None  # what the site gained, changed and lost since the last build
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


def build_report(
    settings: BuildSettings,
    parsed: ParsedCorpus,
    corpus: Corpus | None,
    site: Site | None,
    written: Written | None,
    search: SearchIndex | None,
    timings: tuple[tuple[str, float], ...],
    refused: str = "",
    previous: Mapping[str, str] | None = None,
    keys: Mapping[str, str] | None = None,
    continuity: Continuity | None = None,
) -> BuildReport:
    """The report of a build that ran its stages, or that ``refused`` to go on after parsing (no corpus).

    ``previous`` and ``keys``: the last build's page keys and this one's, by docs path, from which
    the report's changes are worked out with ``continuity`` (the redirects and withdrawn pages).
    """
    if corpus is None:
        return BuildReport(len(parsed.transcripts), parsed.problems, timings, settings.site_dir,
                           content_report(parsed), refused=refused)
    assert site is not None and written is not None, "a build that enriched ran every stage"
    content = corpus_report(settings.content_dir, parsed, corpus,
                            site_issues(site.warnings, corpus, settings.docs_dir, settings.config_file))
    refused = "--strict: the build has problems or warnings (above)" if settings.strict and not content.ok else ""
    changes = None
    if previous is not None and keys is not None:
        changes = page_changes(previous, keys, continuity or Continuity())
    return BuildReport(len(corpus.entries), corpus.problems, timings, settings.site_dir, content,
                       pages=written.pages, rendered=written.written,
                       indexed=search.page_count if search is not None else None,
                       warnings=site.warnings, changes=changes, refused=refused)


def corpus_report(
    content_dir: Path, parsed: ParsedCorpus, corpus: Corpus, site_warnings: Iterable[Issue] = ()
) -> ContentReport:
    """The content report of an enriched corpus: what ``pressroom check`` prints, and a build with MkDocs' warnings."""
    return content_report(
        replace(parsed, problems=corpus.problems),
        site_warnings=site_warnings,
        suggestions=topic_suggestions(corpus, content_dir / TOPICS_FILE),
        extra_counts=(("topics", len(corpus.topics)),),
    )


def page_changes(previous: Mapping[str, str], keys: Mapping[str, str], continuity: Continuity) -> Changes:
    """What changed between the last build's pages and this one's (both: key by docs path), by address.

    A redirect or withdrawn page counts as made by this build when its page is new or changed.
    """
    made = {page for page, key in keys.items() if previous.get(page) != key}
    added = sorted(_address(page) for page in keys.keys() - previous.keys())
    removed = sorted(_address(page) for page in previous.keys() - keys.keys())
    changed = sorted(_address(page) for page in made & previous.keys())
    redirects = tuple(
        (moved.url, paths.transcript_url(moved.slug)) for moved in continuity.redirects if paths.redirect(moved.url) in made
    )
    withdrawn = tuple(gone.url for gone in continuity.withdrawn if paths.page_at(gone.url) in made)
    return Changes(tuple(added), tuple(changed), tuple(removed), redirects, withdrawn)


def _address(page: str) -> str:
    """Where a file of the docs folder is published: a page at its directory URL, any other file at its path."""
    if page.endswith(".md"):
        return paths.url(page)
    return page.removesuffix("index.html") if page.endswith("/index.html") else page


def site_issues(warnings: Iterable[str], corpus: Corpus, docs_dir: Path, config_file: Path) -> tuple[Issue, ...]:
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


def topic_suggestions(corpus: Corpus, topics_file: Path) -> tuple[Suggestion, ...]:
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
