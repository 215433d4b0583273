"""Rendering: the Corpus in, the generated docs folder's files out.

``render_site(corpus, settings) -> tuple[Page, ...]`` is pure: no file is
read or written here (generator.write does that), so the same corpus always
gives the same pages, byte for byte. A corpus with a topic index also gets
the topic pages and the topic pieces of every transcript page.
"""

from __future__ import annotations

from generator.enrich import Corpus

from .data import render_corpus_index, render_open_data_page, render_transcript_data
from .indexes import render_home, render_year, render_years_index
from .page import Page
from .settings import RenderSettings
from .topic_links import TopicLinks
from .topic_pages import render_topic_site
from .transcript import render_transcript


def render_site(corpus: Corpus, settings: RenderSettings = RenderSettings()) -> tuple[Page, ...]:
    """Every page and data file of the site, sorted by path."""
    entries = corpus.entries
    pages = [
        render_home(corpus, settings),
        render_years_index(corpus),
        render_open_data_page(corpus),
        render_corpus_index(corpus),
    ]
    # Years link to their dated neighbours; the undated page stands apart.
    dated = [y for y in corpus.years if y.year is not None]
    for at, year in enumerate(dated):
        newer = dated[at - 1] if at > 0 else None
        older = dated[at + 1] if at + 1 < len(dated) else None
        pages.append(render_year(year, older, newer))
    pages.extend(render_year(y, None, None) for y in corpus.years if y.year is None)
    index = corpus.topic_index
    topics = TopicLinks(index) if index is not None else None  # one per build: its memo spans pages
    if index is not None:
        pages.extend(render_topic_site(index))
    for i, entry in enumerate(entries):
        older = entries[i - 1] if i > 0 else None
        newer = entries[i + 1] if i + 1 < len(entries) else None
        pages.append(render_transcript(entry, older, newer, settings, topics))
        pages.append(render_transcript_data(entry))
    return tuple(sorted(pages, key=lambda page: page.path))


__all__ = ["Page", "RenderSettings", "render_site"]
