"""The views of addresses the archive once published and keeps: moved and withdrawn transcripts."""

from __future__ import annotations

from dataclasses import dataclass

from .. import paths


@dataclass(frozen=True)
class RedirectPage:
    """An address whose transcript moved: a page that sends readers on to ``target`` (a docs path)."""

    url: str  # the old address, from the site root: transcripts/<old slug>/
    target: str
    title: str  # the transcript's title now

    @property
    def path(self) -> str:
        return paths.redirect(self.url)


@dataclass(frozen=True)
class WithdrawnPage:
    """An address whose transcript is no longer in the archive: a page that says so."""

    url: str
    title: str  # as last published
    year: int | None
    year_page: str  # the docs path of its year's page, or of the years index when that year has none now

    @property
    def path(self) -> str:
        return paths.page_at(self.url)
