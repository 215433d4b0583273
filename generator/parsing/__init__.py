"""Stages 1-3: raw files to Transcripts.

:func:`parse_document` parses one decoded document (generator.parsing.document),
:func:`parse_file` one file on disk (``pressroom parse``), and
:func:`parse_corpus` every transcript under a content folder
(generator.parsing.corpus).
"""

from generator.parsing.corpus import (
    ComputedSteps,
    ParsedCorpus,
    ParseMemo,
    ParseSteps,
    ParseTask,
    SourceFile,
    parse_corpus,
    transcript_paths,
)
from generator.parsing.document import parse_document, parse_file

__all__ = [
    "ComputedSteps",
    "ParseMemo",
    "ParseSteps",
    "ParseTask",
    "ParsedCorpus",
    "SourceFile",
    "parse_corpus",
    "parse_document",
    "parse_file",
    "transcript_paths",
]
