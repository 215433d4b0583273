"""Enrichment: all parsed transcripts in, one Corpus out.

``build_corpus(parsed) -> Corpus`` runs once the whole archive is parsed,
because years, people, outlets (and later topics and related transcripts)
are facts about the archive, not about one transcript.
"""

from .corpus import build_corpus
from .model import (
    AskedBefore,
    Corpus,
    Entry,
    OutletSummary,
    PersonSummary,
    QuestionEntry,
    Topic,
    Year,
)

__all__ = [
    "AskedBefore",
    "Corpus",
    "Entry",
    "OutletSummary",
    "PersonSummary",
    "QuestionEntry",
    "Topic",
    "Year",
    "build_corpus",
]
