"""Views: for each page, exactly what it shows, as frozen plain data.

A view is made for every page in one step after enrichment
(generator.render.site_views), and a renderer reads nothing but its view.
So a view decides its page: equal views, equal bytes. Whatever wraps the
stages can key a page by its view (generator.cache.page_keys) and render
again only the pages whose view changed.

Labels (a transcript, a question as a link shows it) are named tuples, made
once per build and shared by every view that shows them: a question is
listed under many others and on several topic pages.
"""

from __future__ import annotations

from .continuity import RedirectPage, WithdrawnPage
from .data import DataPackage, QuestionsTable, TranscriptsDump
from .feeds import ArchiveFeed, FeedItem, TopicFeed
from .indexes import (
    ArchiveSummary,
    CorpusIndex,
    HomePage,
    ListedTranscript,
    OpenDataPage,
    TranscriptRecord,
    YearCount,
    YearPage,
    YearsPage,
)
from .labels import TopicLabel, TranscriptLabel, UnitLabel
from .people import (
    Listing,
    NameCount,
    NameFeed,
    NameLabel,
    NameYearPage,
    OutletPage,
    OutletsPage,
    PeoplePage,
    PersonPage,
    QuestionLine,
    RoleLine,
    YearLine,
)
from .topics import TopicCount, TopicListing, TopicPage, TopicsPage, TopicYearPage, YearTally
from .transcripts import NO_TOPICS, QuestionTopics, RelatedLink, TranscriptData, TranscriptPage, TranscriptTopics

PageView = (
    TranscriptPage | TranscriptData | HomePage | YearsPage | YearPage | OpenDataPage | CorpusIndex
    | TranscriptsDump | QuestionsTable | DataPackage | ArchiveFeed | TopicFeed | TopicsPage | TopicPage
    | TopicYearPage | PeoplePage | PersonPage | OutletsPage | OutletPage | NameYearPage | NameFeed | RedirectPage
    | WithdrawnPage
)
"""The view of any page of the site; each has the ``path`` of its page."""

__all__ = [
    "Listing", "NameCount", "NameFeed", "NameLabel", "NameYearPage", "OutletPage", "OutletsPage", "PeoplePage",
    "PersonPage", "QuestionLine", "RedirectPage", "RoleLine", "WithdrawnPage", "YearLine",
    "NO_TOPICS", "ArchiveFeed", "ArchiveSummary", "CorpusIndex", "DataPackage", "FeedItem", "HomePage", "ListedTranscript", "OpenDataPage",
    "PageView", "QuestionTopics", "QuestionsTable", "RelatedLink", "TopicCount", "TopicLabel", "TopicListing",
    "TopicFeed", "TopicPage", "TopicYearPage", "TopicsPage", "TranscriptData", "TranscriptLabel", "TranscriptPage",
    "TranscriptRecord", "TranscriptTopics", "TranscriptsDump", "UnitLabel", "YearCount", "YearPage", "YearTally",
    "YearsPage",
]
