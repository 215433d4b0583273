"""Rendering: the Corpus in, the generated docs folder's pages out.

``render_site(corpus, settings) -> RenderedSite`` is pure: no file is read
or written here (generator.write does that), so the same corpus always gives
the same pages, byte for byte. A corpus with a topic index also gets the
topic pages and the topic pieces of every transcript page.

The site is split into groups of pages (generator.render.groups), each page
with a key of everything it shows; given the keys of the previous build,
only the pages whose key changed are rendered, on every core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.enrich import Corpus
from generator.model import Transcript

from .groups import PageGroup, site_groups
from .incremental import Rendered, render_groups
from .page import Page
from .settings import RenderSettings


@dataclass(frozen=True)
class RenderedSite:
    """Every page's key, and the pages rendered (all of them, unless the previous build's keys were given)."""

    groups: tuple[Rendered, ...]

    @property
    def pages(self) -> tuple[Page, ...]:
        """The pages rendered, sorted by path."""
        return tuple(sorted((page for group in self.groups for page in group.pages), key=lambda page: page.path))

    @property
    def keys(self) -> dict[str, str]:
        """The key of every page of the site, rendered or not, by path."""
        return {path: key for group in self.groups for path, key in group.keys}


def render_site(
    corpus: Corpus,
    settings: RenderSettings = RenderSettings(),
    *,
    previous: Mapping[str, str] | None = None,
    transcript_key: Callable[[Transcript], str | None] | None = None,
    workers: int | None = None,
    on_group: Callable[[int, int], None] | None = None,
) -> RenderedSite:
    """Every page of the site, or, given the ``previous`` build's keys (path -> key), the pages whose key changed.

    ``transcript_key`` gives a key that stands for a transcript (its parse
    key, kept by generator.cache), or None; a transcript without one is
    hashed, which takes longer. ``workers``: processes to render on (None:
    every core); the pages do not depend on it. ``on_group(done, total)``
    is told as groups of pages are done.
    """
    groups = site_groups(corpus, settings, transcript_key)
    return RenderedSite(render_groups(groups, previous, workers, on_group))


__all__ = ["Page", "PageGroup", "RenderSettings", "Rendered", "RenderedSite", "render_site"]
