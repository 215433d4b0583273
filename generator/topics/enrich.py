"""The topic stage: one call over the whole parsed corpus, before rendering."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from generator.model import Transcript
from generator.topics.assign import (
    BlockHits,
    assign_topics,
    block_topics,
    transcript_rollup,
)
from generator.topics.blocks import Batch, corpus_batches
from generator.topics.discovery import discover, room_phrases
from generator.topics.index import (
    LEAD_CHARS,
    TopicIndex,
    column_view,
    newest_first,
    published_columns,
    years_of,
)
from generator.topics.matcher import compile_matcher
from generator.topics.model import Taxonomy, Topic, TopicKind
from generator.topics.related import related_transcripts
from generator.topics.settings import TopicSettings
from generator.topics.similar import similar_questions, topic_features
from generator.topics.terms import BlockWords, TermReader
from generator.topics.units import corpus_units


def enrich_topics(
    transcripts: Sequence[Transcript],
    taxonomy: Taxonomy,
    settings: TopicSettings | None = None,
    on_step: Callable[[str], None] | None = None,
) -> TopicIndex:
    """Assign topics, discover new ones, and link transcripts and questions.

    Deterministic: the same transcripts and settings give the same index.
    The work is near-linear in the size of the corpus (see
    generator/topics/topk.py). ``on_step`` is called with the name of each
    step as it ends ("units", "text", "discovery", "rollup", "similar",
    "related", "index"), for timing.
    """
    settings = settings or TopicSettings()
    step = on_step or (lambda _name: None)
    transcripts = tuple(transcripts)
    units = corpus_units(transcripts)
    step("units")
    matcher = compile_matcher(taxonomy)
    is_question = np.fromiter((u.question is not None for u in units), dtype=bool, count=len(units))

    # Topics are matched in whole texts, words read in questions and the
    # leads of answers only; blocks are made, used and dropped one at a
    # time, so the corpus text is never held in memory.
    def match(batch: Batch) -> BlockHits:
        return block_topics(batch.block(), matcher, is_question, settings)

    def read(batch: Batch) -> BlockWords:
        block = batch.block()
        # Discovery must not rediscover taxonomy phrases or pieces of them.
        _topics, starts, ends = matcher.scan(block.folded, block.lowered, block.codes)
        return reader.read(block, (starts, ends))

    hits = [match(batch) for batch in corpus_batches(units)]
    curated = assign_topics(hits, len(units), len(matcher.slugs))
    reader = TermReader()
    for batch in corpus_batches(units, settings.lead_chars):
        reader.add(read(batch))
    terms = reader.terms()
    step("text")
    discovery = discover(
        units, terms, matcher, room_phrases(transcripts), settings, frozenset(t.slug for t in taxonomy.topics)
    )
    step("discovery")
    columns: tuple[Topic, ...] = taxonomy.topics
    unit_weights, unit_mentions = curated.weights, curated.mentions
    if settings.publish_discovered and discovery.suggestions:
        columns += tuple(_as_topic(s.phrase, s.slug, len(s.transcripts)) for s in discovery.suggestions)
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
    similar = similar_questions(units, terms, unit_weights, settings)
    step("similar")
    related = related_transcripts(transcript_features, settings)
    step("related")
    index = TopicIndex(
        transcripts=transcripts,
        units=tuple(u.key for u in units),
        unit_transcript=unit_transcript,
        unit_question=tuple(u.question for u in units),
        unit_leads=tuple((_lead(u.asked), _lead(u.answered)) for u in units),
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
        _published_slugs=frozenset(columns[c].slug for c in published),
        _columns=column_view(
            unit_weights, unit_mentions, transcript_weights, transcript_mentions, is_question
        ),
        _rank=newest_first(transcripts),
        _year=years_of(transcripts),
    )
    step("index")
    return index


def _lead(text: str) -> str:
    return text[:LEAD_CHARS]


def _as_topic(phrase: str, slug: str, spread: int) -> Topic:
    return Topic(
        slug=slug,
        name=phrase,
        kind=TopicKind.DISCOVERED,
        description=f"A phrase that recurs in {spread} transcripts; it is not (yet) in the curated topic list.",
        aliases=(phrase,),
    )
