"""Rendering: the Corpus in, the generated docs folder's pages out.

Two steps, both pure (no file is read or written here; generator.write
does that), so the same corpus always gives the same pages, byte for byte:

- ``site_views(corpus, settings)``: a view of every page, exactly what the
  page shows (generator.render.views), made in one step for the whole site;
- ``render_pages(views)``: the Markdown (or JSON) of each page from its view
  alone, on every core.

Every person and outlet gets a page and a feed. A corpus with a topic index also gets the topic pages and the topic pieces
of every transcript page. Since a view decides its page, a rebuild can
render only the pages whose view changed (generator.cache.page_keys).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.heap import without_gc
from generator.parallel import parallel_map

from .bulk import render_data_package, render_questions_table, render_transcripts_dump
from .continuity import render_redirect, render_withdrawn
from .data import render_corpus_index, render_open_data_page, render_transcript_data
from .feeds import render_archive_feed, render_name_feed, render_topic_feed
from .indexes import render_home, render_year, render_years_index
from .page import Page
from .people_pages import (
    render_name_year_page,
    render_outlet_page,
    render_outlets_index,
    render_people_index,
    render_person_page,
)
from .settings import RenderSettings
from .site_views import site_views
from .topic_pages import render_topic_page, render_topic_year_page, render_topics_index
from .transcript import render_transcript
from .views import (
    ArchiveFeed,
    CorpusIndex,
    DataPackage,
    HomePage,
    NameFeed,
    NameYearPage,
    OpenDataPage,
    OutletPage,
    OutletsPage,
    PageView,
    PeoplePage,
    PersonPage,
    QuestionsTable,
    RedirectPage,
    TopicFeed,
    TopicPage,
    TopicsPage,
    TopicYearPage,
    TranscriptData,
    TranscriptPage,
    TranscriptsDump,
    WithdrawnPage,
    YearPage,
    YearsPage,
)

_RENDERERS: dict[type, Callable[[Any], Page]] = {
    TranscriptPage: render_transcript,
    TranscriptData: render_transcript_data,
    HomePage: render_home,
    YearsPage: render_years_index,
    YearPage: render_year,
    OpenDataPage: render_open_data_page,
    CorpusIndex: render_corpus_index,
    TranscriptsDump: render_transcripts_dump,
    QuestionsTable: render_questions_table,
    DataPackage: render_data_package,
    ArchiveFeed: render_archive_feed,
    TopicFeed: render_topic_feed,
    TopicsPage: render_topics_index,
    TopicPage: render_topic_page,
    TopicYearPage: render_topic_year_page,
    PeoplePage: render_people_index,
    PersonPage: render_person_page,
    OutletsPage: render_outlets_index,
    OutletPage: render_outlet_page,
    NameYearPage: render_name_year_page,
    NameFeed: render_name_feed,
    RedirectPage: render_redirect,
    WithdrawnPage: render_withdrawn,
}


def render_page(view: PageView) -> Page:
    """The page of ``view``, from the view alone."""
    return _RENDERERS[type(view)](view)


def render_pages(
    views: Sequence[PageView], workers: int | None = None, on_page: Callable[[int, int], None] | None = None
) -> tuple[Page, ...]:
    """The page of each view, in the views' order.

    ``workers``: processes to render on (None: every core); the pages do not
    depend on it. ``on_page(done, total)`` is told as pages are done.
    """
    step = on_page or (lambda done, total: None)
    total = len(views)
    step(0, total)
    # Views and pages are many objects, none of them in a cycle.
    with without_gc():
        return tuple(parallel_map(render_page, views, workers, on_done=lambda done: step(done, total)))


@dataclass(frozen=True)
class RenderedSite:
    """The path of every page of the site, and the pages rendered by this build (all, or those whose view changed)."""

    paths: tuple[str, ...]
    pages: tuple[Page, ...]


__all__ = ["Page", "PageView", "RenderSettings", "RenderedSite", "render_page", "render_pages", "site_views"]
