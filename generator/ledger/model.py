"""The ledger's data: what the archive published, and what this build keeps of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class PublishedQuestion:
    """A question anchor a transcript page published, with what it pointed at."""

    anchor: str
    number: int
    said: str
    """A digest of the question's words (``question_digest``): the same question under another anchor has it too."""


@dataclass(frozen=True)
class PublishedPage:
    """A transcript page the archive published at ``url``, and every question anchor it ever had."""

    url: str  # from the site root: transcripts/<slug>/
    source: str  # the raw file it was built from, relative to the content folder
    source_url: str  # the publisher's address of the transcript ("" when none was given)
    title: str
    year: int | None
    questions: tuple[PublishedQuestion, ...] = ()


@dataclass(frozen=True)
class Ledger:
    """Every transcript URL the archive ever published, in URL order."""

    pages: tuple[PublishedPage, ...] = ()


@dataclass(frozen=True)
class Redirect:
    """An address that moved: ``url`` now sends readers to the transcript ``slug``."""

    url: str
    slug: str
    title: str  # the transcript's title now


@dataclass(frozen=True)
class Withdrawn:
    """An address whose transcript is no longer in the archive."""

    url: str
    title: str  # as last published
    year: int | None


@dataclass(frozen=True)
class Continuity:
    """What this build publishes so that no address the archive ever published breaks.

    ``aliases``: for a transcript's slug, each anchor it (or an address that
    now redirects to it) once published and no longer has, with the anchor
    of the question it now leads to. ``ledger``: the ledger with this build's
    pages and anchors added, to be kept when the build is published.
    """

    redirects: tuple[Redirect, ...] = ()
    withdrawn: tuple[Withdrawn, ...] = ()
    aliases: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: MappingProxyType({}))
    ledger: Ledger = Ledger()

    def aliases_of(self, slug: str) -> tuple[tuple[str, str], ...]:
        """(old anchor, current anchor) pairs of the transcript ``slug``; empty when it has none."""
        return self.aliases.get(slug, ())
