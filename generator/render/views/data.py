"""The views of the archive's downloads: every transcript, every question, and their description."""

from __future__ import annotations

from dataclasses import dataclass

from generator.enrich import Entry

from .. import paths
from ..settings import DataLicence


@dataclass(frozen=True)
class TranscriptsDump:
    """Every transcript, oldest first, for the JSON Lines download."""

    entries: tuple[Entry, ...]

    path = paths.TRANSCRIPTS_DUMP


@dataclass(frozen=True)
class QuestionsTable:
    """Every transcript, oldest first, for the CSV of their questions."""

    entries: tuple[Entry, ...]

    path = paths.QUESTIONS_TABLE


@dataclass(frozen=True)
class DataPackage:
    """What the downloads hold and under which licence."""

    title: str
    licence: DataLicence
    transcripts: int
    questions: int

    path = paths.DATA_PACKAGE
