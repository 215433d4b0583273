"""Enrichment: all parsed transcripts in, one Corpus out.

``build_corpus(parsed) -> Corpus`` runs once the whole archive is parsed,
because years, people, outlets, topics, related transcripts and questions
asked before are facts about the archive, not about one transcript. The
topic stage's taxonomy and settings come from ``load_topic_config``.
"""

from .corpus import build_corpus
from .model import (
    Corpus,
    Entry,
    OutletSummary,
    PersonSummary,
    QuestionEntry,
    Year,
)
from .per_transcript import FactsMemo, FactsStep, TranscriptFacts
from .topic_config import TopicConfig, load_topic_config

__all__ = [
    "Corpus",
    "Entry",
    "FactsMemo",
    "FactsStep",
    "OutletSummary",
    "PersonSummary",
    "QuestionEntry",
    "TopicConfig",
    "TranscriptFacts",
    "Year",
    "build_corpus",
    "load_topic_config",
]
