"""The views of the Atom feeds: the newest transcripts of the archive, and of each topic
(a person's and an outlet's are in generator.render.views.people)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import paths
from .labels import TopicLabel


@dataclass(frozen=True)
class FeedItem:
    """A transcript as a feed announces it."""

    slug: str
    title: str
    date: dt.date
    summary: str


@dataclass(frozen=True)
class ArchiveFeed:
    """The newest transcripts of the archive."""

    title: str
    items: tuple[FeedItem, ...]  # newest first

    path = paths.ARCHIVE_FEED


@dataclass(frozen=True)
class TopicFeed:
    """The newest transcripts that touch a topic."""

    topic: TopicLabel
    items: tuple[FeedItem, ...]  # newest first

    @property
    def path(self) -> str:
        return paths.topic_feed(self.topic.slug)
