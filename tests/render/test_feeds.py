"""Atom feeds, read as a feed reader reads them (feedparser), against what the pages say."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import feedparser
import pytest

from generator.build import parse_corpus
from generator.enrich import Corpus, build_corpus, load_topic_config
from generator.render import paths
from generator.render.frontmatter import read
from tests.support import CONTENT, Parsed, render_all
from tests.topics.conftest import make_transcript

SITE = "https://example.org/archive/"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))


@pytest.fixture(scope="module")
def site(corpus: Corpus) -> dict[str, Any]:
    return {page.path: page.text for page in render_all(corpus)}


def subscribe(site: dict[str, Any], path: str) -> Any:
    """The feed at ``path`` as a reader that fetched it from the published site sees it."""
    headers = {"content-location": SITE + path, "content-type": "application/atom+xml"}
    feed = feedparser.parse(site[path], response_headers=headers)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_archive_feed_is_the_newest_transcripts_as_their_pages_describe_them(
    corpus: Corpus, site: dict[str, Any]
) -> None:
    feed = subscribe(site, paths.ARCHIVE_FEED)
    newest = [entry for entry in reversed(corpus.entries) if entry.transcript.date is not None]
    assert [item.link for item in feed.entries] == [SITE + paths.transcript_url(e.slug) for e in newest]
    for item, entry in zip(feed.entries, newest, strict=True):
        meta, _body = read(site[paths.transcript(entry.slug)])
        assert (item.title, item.summary) == (meta["title"], meta["description"])
        assert item.published_parsed[:3] == meta["date"].timetuple()[:3]
    assert feed.feed.title.endswith(": newest transcripts")
    assert feed.feed.link == SITE  # its page: the home page
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [SITE + paths.ARCHIVE_FEED]
    assert feed.feed.updated_parsed[:3] == newest[0].transcript.date.timetuple()[:3]


def test_a_topic_feed_is_the_transcripts_its_page_lists(corpus: Corpus, site: dict[str, Any]) -> None:
    feed = subscribe(site, paths.topic_feed("ukraine"))
    _meta, body = read(site[paths.topic("ukraine")])
    listed = body.split("## Transcripts", 1)[1].split("## Questions", 1)[0]
    slugs = re.findall(r"\(\.\./transcripts/([a-z0-9-]+)\.md\)", listed)
    assert len(slugs) == 2  # 2014 and 2022
    assert [item.link for item in feed.entries] == [SITE + paths.transcript_url(slug) for slug in slugs]
    assert feed.feed.title == "Ukraine: newest transcripts"
    assert feed.feed.link == SITE + "topics/ukraine/"


def test_pages_name_their_feeds(site: dict[str, Any]) -> None:
    meta, body = read(site[paths.topic("ukraine")])
    assert (meta["feed"], meta["feed_title"]) == ("feeds/topics/ukraine.xml", "Ukraine: newest transcripts")
    assert "[Atom feed](../feeds/topics/ukraine.xml)" in body
    _meta, home = read(site[paths.HOME])
    assert "[Atom feed](feeds/transcripts.xml)" in home


def test_feeds_are_the_same_bytes_every_build_with_ids_that_last(corpus: Corpus, site: dict[str, Any]) -> None:
    again = {page.path: page.text for page in render_all(corpus, workers=1)}
    feeds = [path for path in site if path.startswith("feeds/")]
    assert len(feeds) == 1 + len(corpus.topics) + len(corpus.people) + len(corpus.outlets)
    assert all(again[path] == site[path] for path in feeds)
    ids = [item.id for item in subscribe(site, paths.ARCHIVE_FEED).entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    topic_ids = [item.id for item in subscribe(site, paths.topic_feed("ukraine")).entries]
    assert set(topic_ids) <= set(ids)  # a transcript has one id in every feed


def test_titles_are_text_in_a_feed_and_undated_transcripts_stay_out() -> None:
    hostile = 'Q&A <script>alert(1)</script> ]]> "quoted"'
    dated = make_transcript("dated", [("Why?", "Because.")], date=dt.date(2020, 5, 1))
    dated = type(dated)(**{**dated.__dict__, "title": hostile})
    undated = make_transcript("undated", [("Why?", "Because.")])
    site = {page.path: page.text for page in render_all(build_corpus(Parsed((dated, undated))))}
    assert b"<script>" not in site[paths.ARCHIVE_FEED]
    feed = subscribe(site, paths.ARCHIVE_FEED)
    assert [item.title for item in feed.entries] == [hostile]
