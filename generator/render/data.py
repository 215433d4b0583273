"""The open data published with the site: each transcript's JSON and an index.

Paths and fields are documented in docs/open-data.md; researchers script
against them, so keys keep their order and no build time is written.
"""

from __future__ import annotations

from typing import Any

from generator.serialize import dumps_indented, transcript_to_json

from . import paths
from .escape import inline, safe_url
from .frontmatter import document, index_meta, iso
from .page import Page
from .text import count, event_label
from .views import CorpusIndex, OpenDataPage, TranscriptData, TranscriptRecord

CORPUS_SCHEMA = "pressroom.corpus/1"


def render_transcript_data(view: TranscriptData) -> Page:
    """The transcript in the parse format (``pressroom.transcript/1``)."""
    return Page(view.path, transcript_to_json(view.entry.transcript))


def render_corpus_index(view: CorpusIndex) -> Page:
    """One record per transcript, oldest first, with where its page and data are."""
    summary = view.summary
    index = {
        "schema": CORPUS_SCHEMA,
        "count": summary.transcripts,
        "first_date": iso(summary.first_date),
        "last_date": iso(summary.last_date),
        "transcripts": [_record(record) for record in view.records],
    }
    return Page(view.path, dumps_indented(index))


def _record(record: TranscriptRecord) -> dict[str, Any]:
    return {
        "slug": record.slug,
        "title": record.title,
        "date": iso(record.date),
        "event_type": record.event_type,
        "event_label": event_label(record.event_type),
        "location": record.location,
        "source_url": record.source_url,
        "language": record.language,
        "speakers": list(record.speakers),
        "outlets": list(record.outlets),
        "questions": record.questions,
        "words": record.words,
        "page": paths.transcript_url(record.slug),
        "data": paths.transcript_data(record.slug),
    }


def render_open_data_page(view: OpenDataPage) -> Page:
    """The site's page that says what is published and where."""
    path = view.path
    index = paths.link(path, paths.CORPUS_INDEX)
    licence = view.licence
    body = f"""# Open data

Everything in this archive is published as JSON, so it can be studied without scraping the pages.

## Index of the archive

[`{paths.CORPUS_INDEX}`]({index}) lists {count(view.transcripts, 'transcript')}, oldest first, \
each with its title, date, event type, place, source, speakers, outlets, number of questions and \
words, the path of its page and the path of its data. Its `schema` is `{CORPUS_SCHEMA}`.

{_downloads(view, path)}

## One transcript

`data/transcripts/<slug>.json` holds one transcript in the format the generator parses it into \
(`pressroom.transcript/1`): every turn with its speaker and paragraphs, every question with its \
anchor, asker, outlet and answers, and the lines removed from the raw text. Each transcript page \
links to its file under "Open data".

## Citing

Page addresses are stable: `transcripts/<slug>/`, where the slug is the date and a short title. \
Each question has an anchor (`#q3-tass`) and each paragraph one made from its words (`#p-1f0c93a2`), \
which does not move when the text around it changes. An address or anchor that changes keeps \
leading to the transcript: a moved page redirects, a renumbered question keeps its old anchor.

## Licence

{inline(licence.statement)} Licence: [{inline(licence.title)}]({safe_url(licence.url) or ""}) (`{inline(licence.name)}`).
"""
    meta = index_meta(
        "Open data", "The archive's transcripts as JSON, as downloads of every transcript and every question."
    )
    return Page(path, document(meta, body))


def _downloads(view: OpenDataPage, path: str) -> str:
    """The section on the downloads of the whole archive (or, in a preview, on their absence)."""
    if not view.downloads:
        return (
            "## Downloads\n\nThe whole archive as two downloads (JSON Lines of every transcript, CSV of "
            "every question) is written by `pressroom build`; this preview leaves them out."
        )
    dump, table = paths.link(path, paths.TRANSCRIPTS_DUMP), paths.link(path, paths.QUESTIONS_TABLE)
    package = paths.link(path, paths.DATA_PACKAGE)
    return f"""## Downloads

The whole archive in two files, gzipped, oldest transcript first:

- [`{paths.TRANSCRIPTS_DUMP}`]({dump}): every transcript in the format below, one JSON object a \
line (JSON Lines), every turn included;
- [`{paths.QUESTIONS_TABLE}`]({table}): every question, a row each, with its transcript, date, number, \
permalink, asker, outlet, its words and the words of its answer (CSV, UTF-8, a header row).

[`{paths.DATA_PACKAGE}`]({package}) describes both (a Frictionless Data Package: the files, their \
formats, the columns of the CSV and the licence). The same archive gives the same bytes at every build."""
