"""``pressroom serve``: build, serve the site locally, and rebuild whenever content or theme changes.

A rebuild is a build of its own kind (:class:`generator.build.ServeRebuild`):
the site is rebuilt where it stands, MkDocs converting only the pages that
changed while the theme is the same, the caches stay in memory for the
next rebuild, and the search index follows in the background
(:class:`generator.site.serve.SearchRefresh`). The pages open in a browser
reload themselves after each published rebuild (generator.site.serve).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from generator.build import BuildReport, BuildSettings, ServeRebuild, build
from generator.cache import PackMemory
from generator.site import CompiledTemplates
from generator.site.serve import IndexDone, SearchRefresh, Snapshot, serve, snapshot


def preview(
    settings: BuildSettings,
    host: str = "127.0.0.1",
    port: int = 8000,
    on_build: Callable[[BuildReport | Exception], None] = lambda _: None,
    ready: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    interval: float = 1.0,
    on_indexed: IndexDone = lambda _index, _seconds: None,
) -> None:
    """Build, serve the site locally, and rebuild whenever content or theme changes.

    ``on_build`` receives each build's report, or the error that stopped it:
    a broken transcript must not stop the preview. The search index is
    refreshed after each build that was published, in the background;
    ``on_indexed`` hears of each refresh that a newer build did not cancel.
    """
    theme = [settings.config_file, *theme_dirs(settings.config_file)]
    theme_seen: list[Snapshot] = []
    search = SearchRefresh(on_indexed)
    # What the caches read and the compiled theme templates, kept from one rebuild to the next.
    memory, templates = PackMemory(), CompiledTemplates()

    def rebuild() -> bool:
        # Pagefind must not read pages while they are rewritten, and the build wants the cores.
        search.stop()
        # MkDocs' dirty build would keep every unchanged page in the old theme.
        now = snapshot(theme)
        same_theme = theme_seen == [now]
        theme_seen[:] = [now]
        try:
            report = build(settings, serve=ServeRebuild(in_place=same_theme, memory=memory, templates=templates))
        except Exception as error:  # shown to the maintainer, who fixes and saves again
            on_build(error)
            return False
        on_build(report)
        if report.published:
            search.start(settings.site_dir)
        return report.published  # the pages open in a browser reload only for a new site

    try:
        rebuild()
        watched = [settings.content_dir, *theme]
        serve(settings.site_dir, watched, rebuild, host, port, interval, stop, ready)
    finally:
        search.stop()


def theme_dirs(config_file: Path) -> list[Path]:
    """The folders of theme overrides beside mkdocs.yml, which a rebuild watches too."""
    overrides = config_file.parent / "site_config"
    return [overrides] if overrides.is_dir() else []
