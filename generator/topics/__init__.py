"""Corpus-wide topics: taxonomy, matching, discovery, related and similar questions.

Entry points: ``load_taxonomy`` reads content/topics.yaml; the topic part of
enrichment (generator.enrich) reads each transcript with
generator.topics.facts and builds the ``TopicIndex`` with
generator.topics.build_index. See docs/topics.md.
"""

from generator.topics.index import TopicIndex
from generator.topics.matcher import Matcher, compile_matcher
from generator.topics.model import (
    STATEMENT_ANCHOR,
    AskedElsewhere,
    Match,
    RelatedTranscript,
    SimilarQuestion,
    Suggestion,
    Taxonomy,
    Topic,
    TopicCoverage,
    TopicKind,
    TopicWeight,
    TranscriptRef,
    UnitKey,
    UnitRef,
)
from generator.topics.settings import TopicSettings
from generator.topics.taxonomy import load_taxonomy, parse_taxonomy

__all__ = [
    "STATEMENT_ANCHOR",
    "AskedElsewhere",
    "Match",
    "Matcher",
    "RelatedTranscript",
    "SimilarQuestion",
    "Suggestion",
    "Taxonomy",
    "Topic",
    "TopicCoverage",
    "TopicIndex",
    "TopicKind",
    "TopicSettings",
    "TopicWeight",
    "TranscriptRef",
    "UnitKey",
    "UnitRef",
    "compile_matcher",
    "load_taxonomy",
    "parse_taxonomy",
]
