"""Atom feeds: the newest transcripts of the archive, of each topic, person and outlet, for feed readers.

Written with feedgen. Links are relative to the feed's own address, so a
feed works wherever the site is published; each id is a name-based UUID
of the page's path, the same at every build. Pages announce their feeds in
their head (site_config/overrides/main.html), and the home and topic pages
link them, as do person and outlet pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from collections.abc import Sequence

from feedgen.feed import FeedGenerator

from . import paths
from .page import Page
from .views import ArchiveFeed, FeedItem, NameFeed, TopicFeed

FEED_ITEMS = 50
"""Transcripts a feed holds: the newest."""

_NO_DATE = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)  # the "updated" of a feed with no entry


def render_archive_feed(view: ArchiveFeed) -> Page:
    """The newest transcripts of the archive."""
    return _feed(view.path, f"{view.title}: newest transcripts", paths.HOME, view.items)


def render_topic_feed(view: TopicFeed) -> Page:
    """The newest transcripts that touch a topic."""
    return _feed(view.path, f"{view.topic.name}: newest transcripts", paths.topic(view.topic.slug), view.items)


def render_name_feed(view: NameFeed) -> Page:
    """The newest transcripts a person speaks in, or an outlet asks in."""
    return _feed(view.path, f"{view.label.name}: newest transcripts", view.page, view.items)


def _feed(path: str, title: str, page: str, items: Sequence[FeedItem]) -> Page:
    feed = FeedGenerator()
    feed.id(_id(path))
    feed.title(title)
    feed.link(href=_link(path, paths.url(page)), rel="alternate", type="text/html")
    feed.link(href=posixpath.basename(path), rel="self", type="application/atom+xml")
    feed.updated(_moment(items[0].date) if items else _NO_DATE)
    for item in items:
        url = paths.transcript_url(item.slug)
        entry = feed.add_entry(order="append")
        entry.id(_id(url))
        entry.title(item.title)
        entry.link(href=_link(path, url), rel="alternate", type="text/html")
        entry.published(_moment(item.date))
        entry.updated(_moment(item.date))
        entry.summary(item.summary)
    return Page(path, feed.atom_str(pretty=True))


def _id(path: str) -> str:
    """A permanent id for a page or feed of the archive: a name-based UUID of its path."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"pressroom:{path}").urn


def _link(feed: str, url: str) -> str:
    """The page URL ``url`` (from the site root: "" or a folder, as MkDocs makes them) relative to the feed file."""
    return posixpath.relpath(url or ".", posixpath.dirname(feed)) + "/"


def _moment(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
