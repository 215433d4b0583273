"""The topic index of the whole corpus, from what was read in each transcript.

generator.topics.facts reads each transcript on its own (units, taxonomy
matches, words); :func:`build_index` joins those facts and runs the
corpus-wide steps: discovery, roll-up to transcripts, similar questions,
related transcripts. generator.enrich calls both, as the topic part of
enrichment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from generator.parallel import beside
from generator.model import Transcript
from generator.topics.assign import transcript_rollup
from generator.topics.discovery import discover
from generator.topics.facts import JoinedFacts
from generator.topics.index import LEAD_CHARS, TopicIndex
from generator.topics.index_arrays import column_view, newest_first, published_columns, years_of
from generator.topics.lookup import asked_links, ranked_topics, related_links
from generator.topics.matcher import Matcher
from generator.topics.model import Taxonomy, Topic, TopicKind
from generator.topics.related import related_transcripts
from generator.topics.settings import TopicSettings
from generator.topics.similar import similar_questions, topic_features


BESIDE_FROM = 4000
"""Units from which similar questions run in a child process beside discovery: below, a fork costs more."""


def build_index(
    transcripts: Sequence[Transcript],
    joined: JoinedFacts,
    taxonomy: Taxonomy,
    matcher: Matcher,
    settings: TopicSettings,
    on_step: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> TopicIndex:
    """Assign topics, discover new ones, and link transcripts and questions, from the joined facts
    of every transcript.

    Deterministic: the same transcripts and settings give the same index.
    The work is near-linear in the size of the corpus (see
    generator/topics/topk.py). ``matcher`` is ``compile_matcher(taxonomy)``.
    ``on_step`` is called with the name of each step as it ends
    ("discovery", "rollup", "similar", "related", "index"), for timing. With ``workers`` other than
    1 (default: every core), similar questions are worked out in a child
    process while this one goes on; the index is the same.
    """
    step = on_step or (lambda _name: None)
    transcripts = tuple(transcripts)
    units, curated, terms = joined.units, joined.curated, joined.terms
    is_question = np.fromiter((u.question is not None for u in units), dtype=bool, count=len(units))
    # Similar questions, the longest step, read the curated topics only, unless
    # discoveries are published: then they wait for discovery, else they run beside it.
    similar_beside = None
    if not settings.publish_discovered:
        similar_beside = beside(
            lambda: similar_questions(units, terms, curated.weights, settings),
            workers=workers,
            fork=len(units) >= BESIDE_FROM,
        )
    discovery = discover(
        units, terms, matcher, joined.room, settings, frozenset(t.slug for t in taxonomy.topics)
    )
    step("discovery")
    columns: tuple[Topic, ...] = taxonomy.topics
    unit_weights, unit_mentions = curated.weights, curated.mentions
    if settings.publish_discovered and discovery.suggestions:
        columns += tuple(_as_topic(s.phrase, s.slug) for s in discovery.suggestions)
        unit_weights = sp.hstack([unit_weights, discovery.weights], format="csr")
        unit_mentions = sp.hstack([unit_mentions, discovery.mentions], format="csr")
    unit_transcript = np.fromiter((u.transcript for u in units), dtype=np.int64, count=len(units))
    transcript_weights = transcript_rollup(unit_weights, unit_transcript, len(transcripts))
    transcript_mentions = transcript_rollup(unit_mentions, unit_transcript, len(transcripts))
    published = published_columns(columns, transcript_weights, unit_mentions)
    transcript_features = topic_features(transcript_weights)
    step("rollup")
    # Only published topics take part in links: an unpublished suggestion
    # has no page to explain a link with.
    if similar_beside is not None:
        similar = similar_beside()
    else:
        similar = similar_questions(units, terms, unit_weights, settings)
    step("similar")
    related = related_transcripts(transcript_features, settings)
    step("related")
    slugs = [topic.slug for topic in columns]
    published_slugs = frozenset(columns[c].slug for c in published)
    shown = np.array([slug in published_slugs for slug in slugs], dtype=bool)  # pages show published topics only
    unit_keys = tuple(u.key for u in units)
    unit_questions = tuple(u.question for u in units)
    index = TopicIndex(
        transcripts=transcripts,
        units=unit_keys,
        unit_transcript=unit_transcript,
        unit_question=unit_questions,
        unit_leads=tuple((_lead(u.asked), _lead(u.answered)) for u in units),
        mentions=joined.mentions,
        columns=columns,
        published=published,
        unit_weights=unit_weights,
        unit_mentions=unit_mentions,
        transcript_weights=transcript_weights,
        transcript_mentions=transcript_mentions,
        transcript_features=transcript_features,
        similar=similar,
        related=related,
        suggestions=discovery.suggestions,
        explain=settings.related_explain,
        main_share=settings.main_share,
        _unit_row={u.key: i for i, u in enumerate(units)},
        _transcript_row={t.slug: i for i, t in enumerate(transcripts)},
        _column={t.slug: i for i, t in enumerate(columns)},
        _published_slugs=published_slugs,
        _columns=column_view(
            unit_weights, unit_mentions, transcript_weights, transcript_mentions, is_question
        ),
        _rank=newest_first(transcripts),
        _year=years_of(transcripts),
        _unit_topics=ranked_topics(unit_weights, unit_mentions, slugs, shown),
        _transcript_topics=ranked_topics(transcript_weights, transcript_mentions, slugs, shown),
        _related=related_links(
            related, transcript_features, slugs, [t.slug for t in transcripts], settings.related_explain
        ),
        _asked=asked_links(similar, unit_keys, unit_questions, unit_transcript, [t.date for t in transcripts]),
    )
    step("index")
    return index


def _lead(text: str) -> str:
    return text[:LEAD_CHARS]


def _as_topic(phrase: str, slug: str) -> Topic:
    # Pages describe a discovered topic themselves (generator.render.topic_pages.topic_description).
    return Topic(slug=slug, name=phrase, kind=TopicKind.DISCOVERED, description="", aliases=(phrase,))
