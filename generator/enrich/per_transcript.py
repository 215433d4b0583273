"""What enrichment derives from each transcript alone, and the topic index built from it.

An entry's summary (speakers, outlets, gists, words) and what the topic
stage finds in a transcript (units, taxonomy matches, words) depend on that
transcript and the topic configuration only, so they are computed per
transcript (:func:`corpus_facts`, many at once) and may be kept between
builds (a :class:`FactsMemo`). The corpus-wide steps then run
on them (:func:`topic_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from generator.model import Transcript
from generator.topics import TopicIndex, compile_matcher
from generator.topics.build_index import build_index
from generator.topics.facts import TopicFacts, join_facts, read_transcripts
from generator.topics.matcher import Matcher
from generator.topics.terms import Vocabulary

from .entry import EntrySummary, summarise
from .topic_config import TopicConfig


@dataclass(frozen=True, eq=False)
class TranscriptFacts:
    """What enrichment derives from one transcript alone."""

    summary: EntrySummary
    topics: TopicFacts | None  # None when the corpus is built without the topic stage


def corpus_facts(
    transcripts: Sequence[Transcript], config: TopicConfig | None, matcher: Matcher | None = None
) -> tuple[list[TranscriptFacts], Vocabulary]:
    """The facts of each transcript, and the words they hold by hash.

    ``matcher``, if given, is ``compile_matcher(config.taxonomy)``.
    """
    summaries = [summarise(transcript) for transcript in transcripts]
    if config is None:
        return [TranscriptFacts(s, None) for s in summaries], Vocabulary(np.zeros(0, dtype=np.uint64), ())
    published = [s.published(t) for s, t in zip(summaries, transcripts, strict=True)]
    found, vocabulary = read_transcripts(
        published, matcher or compile_matcher(config.taxonomy), config.settings
    )
    return [TranscriptFacts(s, t) for s, t in zip(summaries, found, strict=True)], vocabulary


FactsStep = Callable[[Sequence[Transcript]], tuple[list[TranscriptFacts], Vocabulary]]
"""Works out the facts of each transcript given, and the words they hold by hash (:func:`corpus_facts`)."""


class FactsMemo(Protocol):
    """Facts kept between builds (generator.cache): what :func:`build_corpus` asks before computing."""

    def facts(self, transcripts: Sequence[Transcript], compute: FactsStep) -> tuple[list[TranscriptFacts], Vocabulary]:
        """The facts of each transcript, kept or computed with ``compute``, and words that spell all of them."""
        ...

    def keep_words(self, vocabulary: Vocabulary) -> None:
        """The words the corpus's facts hold, once the topic index is made: kept for the next build."""
        ...


def topic_index(
    transcripts: Sequence[Transcript],
    facts: Sequence[TranscriptFacts],
    vocabulary: Vocabulary,
    config: TopicConfig,
    matcher: Matcher | None = None,
    workers: int | None = None,
    on_step: Callable[[str], None] | None = None,
) -> tuple[TopicIndex, Vocabulary]:
    """The topic index of the corpus from the facts of its transcripts, and exactly the words it holds.

    Each transcript goes in with the question anchors its page uses (the
    enrich stage may have replaced an unusable one), so that every link to a
    question lands on its heading. ``vocabulary`` must spell every word of
    the facts; if it does not (a lost memo file), every transcript is read again.
    ``on_step`` is told the name of each corpus-wide step as it ends (see
    :func:`generator.topics.build_index.build_index`).
    """
    matcher = matcher or compile_matcher(config.taxonomy)
    published = [f.summary.published(t) for f, t in zip(facts, transcripts, strict=True)]
    topics = [f.topics for f in facts if f.topics is not None]
    if len(topics) != len(facts):
        raise ValueError("facts computed without the topic stage")
    joined = join_facts(published, topics, vocabulary, len(matcher.slugs))
    if joined is None:
        again, vocabulary = read_transcripts(published, matcher, config.settings)
        joined = join_facts(published, again, vocabulary, len(matcher.slugs))
        assert joined is not None, "the words read are all in the vocabulary read with them"
    index = build_index(published, joined, config.taxonomy, matcher, config.settings, on_step, workers)
    return index, joined.vocabulary
