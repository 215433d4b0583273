"""Stages 1-3: raw files to Transcripts.

:func:`parse_document` parses one decoded document (generator.parsing.document)
and :func:`parse_file` one file on disk (``pressroom parse``). For a whole
content folder, generator.build runs the stages of generator.parsing.corpus:
:func:`read_sources`, :func:`take_census`, :func:`parse_sources`.
"""

from generator.parsing.corpus import (
    ComputedSteps,
    ParsedCorpus,
    ParseMemo,
    ParseSteps,
    ParseTask,
    RawSource,
    SourceFile,
    Sources,
    TakenCensus,
    parse_sources,
    read_sources,
    take_census,
    transcript_paths,
)
from generator.parsing.document import parse_document, parse_file

__all__ = [
    "ComputedSteps",
    "ParseMemo",
    "ParseSteps",
    "ParseTask",
    "ParsedCorpus",
    "RawSource",
    "SourceFile",
    "Sources",
    "TakenCensus",
    "parse_document",
    "parse_file",
    "parse_sources",
    "read_sources",
    "take_census",
    "transcript_paths",
]
