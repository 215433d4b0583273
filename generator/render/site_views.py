"""The view of every page of the site, made in one step from the enriched corpus.

Everything a page shows is worked out here, for all pages at once, before
any page renders: the renderers only lay out what their view holds
(generator.render.views). The topic index's share of it is
generator.render.topic_views.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.enrich import Corpus, Entry, Year
from generator.heap import without_gc
from generator.ledger import Continuity
from generator.topics import TopicIndex

from . import paths
from .feeds import FEED_ITEMS
from .frontmatter import transcript_description
from .people_views import people_views
from .settings import RenderSettings
from .topic_views import Labels, topic_views, transcript_topics
from .views import (
    NO_TOPICS,
    ArchiveFeed,
    ArchiveSummary,
    CorpusIndex,
    DataPackage,
    FeedItem,
    HomePage,
    ListedTranscript,
    OpenDataPage,
    PageView,
    QuestionsTable,
    RedirectPage,
    TopicFeed,
    TranscriptData,
    TranscriptLabel,
    TranscriptPage,
    TranscriptRecord,
    TranscriptTopics,
    TranscriptsDump,
    WithdrawnPage,
    YearCount,
    YearPage,
    YearsPage,
)


def site_views(
    corpus: Corpus, settings: RenderSettings = RenderSettings(), continuity: Continuity = Continuity()
) -> tuple[PageView, ...]:
    """A view of every page of the site, in a fixed order: index pages, years, topics, people and
    outlets, transcripts, then the addresses kept from earlier builds (``continuity``, generator.ledger)."""
    # Views are many small objects, none of them in a cycle.
    with without_gc():
        return _views(corpus, settings, continuity)


def _views(corpus: Corpus, settings: RenderSettings, continuity: Continuity) -> tuple[PageView, ...]:
    summary = ArchiveSummary(
        len(corpus.entries), corpus.question_count, len(corpus.outlets), corpus.first_date, corpus.last_date
    )
    years = tuple(YearCount(year.year, len(year.entries)) for year in corpus.years)
    index = corpus.topic_index
    views: list[PageView] = [
        _home(corpus, settings, summary, years),
        YearsPage(summary, years),
        OpenDataPage(len(corpus.entries), settings.data_licence, settings.downloads),
        CorpusIndex(summary, tuple(_record(entry) for entry in corpus.entries)),
    ]
    if settings.downloads:
        views += [
            TranscriptsDump(corpus.entries),
            QuestionsTable(corpus.entries),
            DataPackage(settings.title, settings.data_licence, len(corpus.entries), summary.questions),
        ]
    views.extend(_year_pages(corpus.years))
    items = _feed_items(corpus.entries)
    views.append(ArchiveFeed(settings.title, tuple(items.values())[:FEED_ITEMS]))
    topics_of: Callable[[Entry], TranscriptTopics] = lambda _entry: NO_TOPICS
    if index is not None:
        labels = Labels(index)
        views.extend(topic_views(index, labels))
        views.extend(_topic_feeds(index, labels, items))
        topics_of = lambda entry: transcript_topics(index, labels, entry, settings)
    entries = corpus.entries
    transcripts = [_label(entry) for entry in entries]
    views.extend(people_views(corpus, transcripts, items))
    for at, entry in enumerate(entries):
        older = transcripts[at - 1] if at > 0 else None
        newer = transcripts[at + 1] if at + 1 < len(entries) else None
        views.append(TranscriptPage(entry, older, newer, settings.words_per_minute, topics_of(entry),
                                    settings.title, continuity.aliases_of(entry.slug)))
        views.append(TranscriptData(entry))
    views.extend(RedirectPage(moved.url, paths.transcript(moved.slug), moved.title) for moved in continuity.redirects)
    years_now = {year.year for year in corpus.years}
    views.extend(
        WithdrawnPage(gone.url, gone.title, gone.year, paths.year(gone.year) if gone.year in years_now else paths.YEARS)
        for gone in continuity.withdrawn
    )
    return tuple(views)


def _home(corpus: Corpus, settings: RenderSettings, summary: ArchiveSummary, years: tuple[YearCount, ...]) -> HomePage:
    latest = tuple(_listed(entry) for entry in reversed(corpus.entries[-settings.latest:])) if settings.latest else ()
    topics = None
    if corpus.topic_index is not None:
        topics = tuple(Labels.of_topic(topic) for topic in corpus.topics[: settings.home_topics])
    return HomePage(settings.title, summary, latest, years, topics, len(corpus.topics))


def _year_pages(years: tuple[Year, ...]) -> list[YearPage]:
    """Each year's page; a dated year links to its dated neighbours, the undated page stands apart."""
    dated = [year.year for year in years if year.year is not None]
    pages = []
    for year in years:
        older = newer = None
        if year.year is not None:
            at = dated.index(year.year)
            newer = dated[at - 1] if at > 0 else None
            older = dated[at + 1] if at + 1 < len(dated) else None
        pages.append(YearPage(year.year, year.question_count, tuple(_listed(e) for e in year.entries), older, newer))
    return pages


def _listed(entry: Entry) -> ListedTranscript:
    t = entry.transcript
    return ListedTranscript(entry.slug, t.title, t.date, t.event_type, len(entry.questions))


def _feed_items(entries: tuple[Entry, ...]) -> dict[str, FeedItem]:
    """What a feed says of each dated transcript, newest first, by slug (undated ones are in no feed)."""
    return {
        entry.slug: FeedItem(entry.slug, entry.transcript.title, date, transcript_description(entry))
        for entry in reversed(entries)
        if (date := entry.transcript.date) is not None
    }


def _topic_feeds(index: TopicIndex, labels: Labels, items: dict[str, FeedItem]) -> list[TopicFeed]:
    """For each topic, the feed of the newest dated transcripts that touch it."""
    feeds = []
    for topic in index.topics:
        slugs = (transcript.slug for transcript in labels.transcripts_at(index.coverage_rows(topic.slug).transcripts))
        newest = [items[slug] for slug in slugs if slug in items][:FEED_ITEMS]
        feeds.append(TopicFeed(labels.topic(topic.slug), tuple(newest)))
    return feeds


def _record(entry: Entry) -> TranscriptRecord:
    t = entry.transcript
    return TranscriptRecord(
        entry.slug, t.title, t.date, t.event_type, t.location, t.source_url, t.language, entry.speakers,
        entry.outlets, len(entry.questions), entry.word_count,
    )


def _label(entry: Entry) -> TranscriptLabel:
    return TranscriptLabel(entry.slug, entry.transcript.title, entry.transcript.date)
