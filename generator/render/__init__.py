"""Rendering: the Corpus in, the generated docs folder's files out.

``render_site(corpus, settings) -> tuple[Page, ...]`` is pure: no file is
read or written here (generator.write does that), so the same corpus always
gives the same pages, byte for byte. A corpus with a topic index also gets
the topic pages and the topic pieces of every transcript page.

For rebuilds, ``site_groups`` splits the site into groups of pages, each
page with a key of everything it shows, and ``render_groups`` renders only
the pages whose key changed since the previous build, on every core.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.enrich import Corpus

from .groups import PageGroup, site_groups
from .incremental import Rendered, render_groups
from .page import Page
from .settings import RenderSettings


def render_site(
    corpus: Corpus, settings: RenderSettings = RenderSettings(), workers: int | None = None
) -> tuple[Page, ...]:
    """Every page and data file of the site, sorted by path.

    ``workers``: processes to render on (None: every core); the pages do not depend on it.
    """
    rendered = render_groups(site_groups(corpus, settings), workers=workers)
    return sorted_pages(page for group in rendered for page in group.pages)


def sorted_pages(pages: Iterable[Page]) -> tuple[Page, ...]:
    """Pages in the order the site lists them: by path."""
    return tuple(sorted(pages, key=lambda page: page.path))


__all__ = ["Page", "PageGroup", "RenderSettings", "Rendered", "render_groups", "render_site", "site_groups"]
