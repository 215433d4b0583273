"""Enrichment: all parsed transcripts in, one Corpus out.

``build_corpus(parsed) -> Corpus`` runs once the whole archive is parsed,
because years, people, outlets, topics, related transcripts and questions
asked before are facts about the archive, not about one transcript. The
topic stage's taxonomy and settings come from ``load_topic_config``.
"""

from .corpus import build_corpus
from .model import Corpus, Entry, QuestionEntry, Year
from .people import OutletRecord, PersonRecord, QuestionAt, RoleSpan, asker_slug, outlet_slug, person_slug
from .per_transcript import FactsMemo, FactsStep, TranscriptFacts
from .topic_config import TopicConfig, load_topic_config

__all__ = [
    "Corpus",
    "Entry",
    "FactsMemo",
    "FactsStep",
    "OutletRecord",
    "PersonRecord",
    "QuestionAt",
    "QuestionEntry",
    "RoleSpan",
    "TopicConfig",
    "TranscriptFacts",
    "Year",
    "asker_slug",
    "build_corpus",
    "load_topic_config",
    "outlet_slug",
    "person_slug",
]
