"""The whole archive as downloads: every transcript as JSON Lines, every question as CSV.

Both are gzipped with no time or file name in the header, so the same
content gives the same bytes. ``data/datapackage.json`` describes them as a
Frictionless Data Package: each file, its format, the CSV's columns, and
the licence. Documented in docs/open-data.md.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from generator.enrich import Entry
from generator.serialize import dumps_indented, transcript_to_dict

from . import paths
from .frontmatter import iso
from .page import Page
from .views import DataPackage, QuestionsTable, TranscriptsDump

QUESTION_COLUMNS = (
    ("transcript", "string", "the transcript's slug: its page is transcripts/<slug>/"),
    ("title", "string", "the transcript's title"),
    ("date", "date", "the date of the event (empty when unknown)"),
    ("number", "integer", "the question's number in the transcript"),
    ("permalink", "string", "the question on the site, from the site root: transcripts/<slug>/#<anchor>"),
    ("asker", "string", "who asked (empty when the transcript does not say)"),
    ("outlet", "string", "for which outlet (empty when the transcript does not say)"),
    ("question", "string", "the question's words, paragraphs separated by a blank line"),
    ("answer", "string", "the answers' words, paragraphs separated by a blank line"),
)


def render_transcripts_dump(view: TranscriptsDump) -> Page:
    """Every transcript in the parse format, one compact JSON object a line, oldest first."""
    lines = b"".join(orjson.dumps(transcript_to_dict(entry.transcript)) + b"\n" for entry in view.entries)
    return Page(view.path, _gzipped(lines))


def render_questions_table(view: QuestionsTable) -> Page:
    """Every question of every transcript, a row each, oldest transcript first, in question order."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(name for name, _type, _meaning in QUESTION_COLUMNS)
    for entry in view.entries:
        writer.writerows(_question_rows(entry))
    return Page(view.path, _gzipped(text.getvalue().encode("utf-8")))


def render_data_package(view: DataPackage) -> Page:
    """The description of the downloads: a Frictionless Data Package (``datapackage.json``)."""
    licence = view.licence
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": "pressroom-archive",
        "title": view.title,
        "licenses": [{"name": licence.name, "title": licence.title, "path": licence.url}],
        "pressroom": {"licence": licence.statement, "transcripts": view.transcripts, "questions": view.questions},
        "resources": [
            {
                "name": "transcripts",
                "path": paths.link(view.path, paths.TRANSCRIPTS_DUMP),
                "format": "jsonl",
                "compression": "gz",
                "mediatype": "application/jsonl",
                "encoding": "utf-8",
                "description": "One transcript a line, every turn, in the parse format (pressroom.transcript/1).",
            },
            {
                "name": "questions",
                "path": paths.link(view.path, paths.QUESTIONS_TABLE),
                "format": "csv",
                "compression": "gz",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": meaning}
                        for name, kind, meaning in QUESTION_COLUMNS
                    ]
                },
            },
        ],
    }
    return Page(view.path, dumps_indented(package))


def _question_rows(entry: Entry) -> Iterator[list[str]]:
    transcript = entry.transcript
    turns = {turn.id: turn for turn in transcript.turns}
    for question in (item.question for item in entry.questions):  # those the page anchors
        asked = turns.get(question.turn)
        answers = [turns[turn] for turn in question.answers if turn in turns]
        yield [
            transcript.slug,
            transcript.title,
            iso(transcript.date) or "",
            str(question.number),
            f"{paths.transcript_url(transcript.slug)}#{paths.fragment(question.anchor)}",
            question.asker or "",
            question.outlet or "",
            _words(asked.paragraphs if asked is not None else ()),
            _words(paragraph for turn in answers for paragraph in turn.paragraphs),
        ]


def _words(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _gzipped(data: bytes) -> bytes:
    # No time and no file name in the header: the same content, the same bytes.
    return gzip.compress(data, compresslevel=6, mtime=0)
