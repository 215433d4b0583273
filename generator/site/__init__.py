"""The site stages: generated docs folder in, static site with a search index out.

``build_site(config_file, docs_dir, site_dir, build_date)`` runs MkDocs with
mkdocs.yml; ``index_site(site_dir)`` then runs Pagefind over the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from .in_place import remove_gone_pages
from .mkdocs import CompiledTemplates, SiteError, build_mkdocs

if TYPE_CHECKING:
    from .search import IndexingCancelled, SearchIndex, SearchIndexError, index_site, keep_bundles

_SEARCH = frozenset({"IndexingCancelled", "SearchIndex", "SearchIndexError", "index_site", "keep_bundles"})


def __getattr__(name: str) -> object:
    """The search stage's names, imported when first asked for.

    A MkDocs shard (generator.site.shards), a new process, needs none of
    them, and importing them imports the render stage and most of Pressroom.
    """
    if name in _SEARCH:
        from . import search

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Site:
    """A built site: where it is, and MkDocs' warnings."""

    site_dir: Path
    warnings: tuple[str, ...]


def build_site(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    build_date: dt.date | None,
    on_page: Callable[[int, int], None] | None = None,
    dirty: bool = False,
    templates: CompiledTemplates | None = None,
    workers: int | None = None,
) -> Site:
    """Build the site with MkDocs.

    ``on_page(done, total)`` follows MkDocs through the pages. ``dirty``:
    MkDocs renders only the pages whose Markdown changed (see build_mkdocs).
    ``templates``: the theme's compiled templates, kept from one build to the next.
    ``workers``: child processes MkDocs may build the pages in (None: every core).
    """
    warnings = build_mkdocs(config_file, docs_dir, site_dir, build_date, on_page, dirty, templates, workers)
    return Site(site_dir=site_dir, warnings=warnings)


__all__ = [
    "CompiledTemplates", "IndexingCancelled", "SearchIndex", "SearchIndexError", "Site", "SiteError", "build_site",
    "index_site", "keep_bundles", "remove_gone_pages",
]
