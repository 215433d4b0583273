"""The site as groups of pages, each page with a key of everything it shows.

A group is the pages that share their inputs: a transcript's page with its
open data, a topic's main page with its year pages, or one index page. Each
page's key is a digest of all it reads (the transcript, its neighbours'
titles, its topic pieces, where a topic came up and the transcripts a
listing quotes, the settings and the generator's own code), so a page whose
key is the same as in the previous build would be the same bytes and is not
rendered again.

Keys are cheap next to rendering: a page's key reads what its topic pieces
and listings are made from (generator.render.topic_inputs), not their text,
so a rebuild renders nothing but the pages whose key changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import orjson

from generator.enrich import Corpus, Entry, Year
from generator.fingerprint import ALL, source_fingerprint
from generator.model import Transcript
from generator.topics import TopicIndex, UnitKey

from . import paths
from .data import render_corpus_index, render_open_data_page, render_transcript_data
from .indexes import render_home, render_year, render_years_index
from .page import Page
from .settings import RenderSettings
from .topic_inputs import TopicInputs
from .topic_links import TopicLinks
from .topic_pages import PER_PAGE, render_topics_index, topic_page_sources
from .topic_parts import NO_TOPICS, TopicParts
from .transcript import render_transcript

# Libraries whose output is part of a page: a new version may change bytes.
_WRITERS = ("python-frontmatter", "pyyaml", "orjson")


class PageGroup(Protocol):
    """Pages that share their inputs, so one process plans and renders them together."""

    @property
    def name(self) -> str:
        """What the group is, for progress and reports."""
        ...

    def keys(self) -> tuple[tuple[str, str], ...]:
        """(path, key) of each page: a digest of every input of the page; equal keys, equal bytes."""
        ...

    def render(self, paths: Collection[str]) -> tuple[Page, ...]:
        """The pages at ``paths`` (some of those ``keys`` names)."""
        ...


def site_groups(
    corpus: Corpus, settings: RenderSettings, transcript_key: Callable[[Transcript], str | None] | None = None
) -> tuple[PageGroup, ...]:
    """Every page of the site, in groups, in a fixed order.

    ``transcript_key`` gives a digest that stands for a transcript (its
    parse key, from generator.cache), or None; a transcript without one is
    hashed, which takes longer.
    """
    # The key stands for the entry too: enrich derives it from the transcript alone, by code the page keys cover.
    key_of = transcript_key or (lambda _transcript: None)
    digests = {entry.slug: key_of(entry.transcript) or _digest(entry) for entry in corpus.entries}
    index = corpus.topic_index
    links = TopicLinks(index) if index is not None else None  # one per process: its memos span pages
    inputs = TopicInputs(index) if index is not None else None  # one per build: its tables span pages
    groups: list[PageGroup] = [
        RenderedGroup("home", (render_home(corpus, settings),)),
        RenderedGroup("years", (render_years_index(corpus),)),
        RenderedGroup("open-data", (render_open_data_page(corpus),)),
        RenderedGroup("corpus-index", (render_corpus_index(corpus),)),
    ]
    # Years link to their dated neighbours; the undated page stands apart.
    dated = [y for y in corpus.years if y.year is not None]
    for at, year in enumerate(dated):
        newer = dated[at - 1] if at > 0 else None
        older = dated[at + 1] if at + 1 < len(dated) else None
        groups.append(YearGroup(year, older, newer))
    groups.extend(YearGroup(y, None, None) for y in corpus.years if y.year is None)
    if index is not None and inputs is not None:
        groups.append(RenderedGroup("topics", (render_topics_index(index),)))
        items: dict[tuple[UnitKey, str], str] = {}  # question entries, shared by the topics listing them
        groups.extend(TopicGroup(index, topic.slug, inputs, digests, items) for topic in index.topics)
    entries = corpus.entries
    for at, entry in enumerate(entries):
        before = entries[at - 1] if at > 0 else None
        after = entries[at + 1] if at + 1 < len(entries) else None
        groups.append(TranscriptGroup(entry, before, after, settings, links, inputs, digests[entry.slug]))
    return tuple(groups)


@dataclass(frozen=True)
class RenderedGroup:
    """Pages cheap enough to render while planning (home, indexes): keyed by their text."""

    name: str
    pages: tuple[Page, ...]

    def keys(self) -> tuple[tuple[str, str], ...]:
        return tuple((page.path, _key([page.text])) for page in self.pages)

    def render(self, paths: Collection[str]) -> tuple[Page, ...]:
        return tuple(page for page in self.pages if page.path in paths)


class YearGroup:
    """A year's page: its transcripts' titles, dates, kinds and questions, and the years around it."""

    def __init__(self, year: Year, older: Year | None, newer: Year | None) -> None:
        self.name = f"year:{'undated' if year.year is None else year.year}"
        self._year, self._older, self._newer = year, older, newer

    def keys(self) -> tuple[tuple[str, str], ...]:
        # What the page shows of each transcript: an edit to what was said leaves it alone.
        year = self._year
        around = [y.year if y is not None else None for y in (self._older, self._newer)]
        listed = [
            (e.slug, e.transcript.title, e.transcript.date, e.transcript.event_type, len(e.questions))
            for e in year.entries
        ]
        return ((paths.year(year.year), _key([year.year, year.question_count, around, listed])),)

    def render(self, paths: Collection[str]) -> tuple[Page, ...]:
        return (render_year(self._year, self._older, self._newer),)


class TranscriptGroup:
    """A transcript's page and its open data."""

    def __init__(
        self,
        entry: Entry,
        older: Entry | None,
        newer: Entry | None,
        settings: RenderSettings,
        links: TopicLinks | None,
        inputs: TopicInputs | None,
        digest: str,
    ) -> None:
        self.name = f"transcript:{entry.slug}"
        self._entry, self._older, self._newer = entry, older, newer
        self._settings, self._links, self._inputs, self._digest = settings, links, inputs, digest

    def _parts(self) -> TopicParts:
        if self._links is None:
            return NO_TOPICS
        return self._links.parts(self._entry, paths.transcript(self._entry.slug))

    def keys(self) -> tuple[tuple[str, str], ...]:
        # The footer shows the neighbours' titles and links, nothing else of them.
        neighbours = [(e.slug, e.transcript.title) if e else None for e in (self._older, self._newer)]
        slug = self._entry.slug
        topics = self._inputs.of(slug) if self._inputs is not None else None
        return (
            (paths.transcript(slug), _key([self._digest, neighbours, self._settings, topics])),
            (paths.transcript_data(slug), _key([self._digest])),
        )

    def render(self, wanted: Collection[str]) -> tuple[Page, ...]:
        pages = []
        if paths.transcript(self._entry.slug) in wanted:
            pages.append(render_transcript(self._entry, self._older, self._newer, self._settings, self._parts()))
        if paths.transcript_data(self._entry.slug) in wanted:
            pages.append(render_transcript_data(self._entry))
        return tuple(pages)


class TopicGroup:
    """A topic's main page and, for a big topic, its year pages."""

    def __init__(
        self,
        index: TopicIndex,
        slug: str,
        inputs: TopicInputs,
        digests: Mapping[str, str],
        items: dict[tuple[UnitKey, str], str],
        per_page: int = PER_PAGE,
    ) -> None:
        self.name = f"topic:{slug}"
        self._index, self._slug, self._inputs, self._digests, self._items = index, slug, inputs, digests, items
        self._per_page = per_page

    def keys(self) -> tuple[tuple[str, str], ...]:
        # What a page quotes comes from the transcripts (titles, questions,
        # excerpts), so their digests stand for it.
        return tuple(
            (path, _key([shows, [self._digests[slug] for slug in quoted]]))
            for path, shows, quoted in self._inputs.topic_pages(self._slug, self._per_page)
        )

    def render(self, paths: Collection[str]) -> tuple[Page, ...]:
        sources = topic_page_sources(self._index, self._slug, per_page=self._per_page, items=self._items,
                                     wanted=paths)
        return tuple(source.render() for source in sources if source.path in paths)


def _digest(entry: Entry) -> str:
    return hashlib.blake2b(orjson.dumps(entry, default=_plain), digest_size=16).hexdigest()


def _key(inputs: Sequence[Any]) -> str:
    digest = hashlib.blake2b(code_version().encode(), digest_size=16)
    digest.update(orjson.dumps(inputs, default=_plain))
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    """What orjson cannot write itself, as plain data."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"no key for {type(value).__name__}")


@cache
def code_version() -> str:
    """A digest of the generator's code and of the libraries that write pages.

    Any change to either renders every page again: a key must never outlive
    the code that made the page.
    """
    digest = hashlib.blake2b(source_fingerprint(ALL).encode(), digest_size=16)
    for name in _WRITERS:
        digest.update(f"{name}=={metadata.version(name)}\n".encode())
    return digest.hexdigest()
