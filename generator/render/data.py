"""The open data published with the site: each transcript's JSON and an index.

Paths and fields are documented in docs/open-data.md; researchers script
against them, so keys keep their order and no build time is written.
"""

from __future__ import annotations

from typing import Any

from generator.enrich import Corpus, Entry
from generator.serialize import dumps_indented, transcript_to_json

from . import paths
from .frontmatter import document, index_meta, iso
from .page import Page
from .text import count, event_label

CORPUS_SCHEMA = "pressroom.corpus/1"


def render_transcript_data(entry: Entry) -> Page:
    """The transcript in the parse format (``pressroom.transcript/1``)."""
    return Page(paths.transcript_data(entry.slug), transcript_to_json(entry.transcript))


def render_corpus_index(corpus: Corpus) -> Page:
    """One record per transcript, oldest first, with where its page and data are."""
    index = {
        "schema": CORPUS_SCHEMA,
        "count": len(corpus.entries),
        "first_date": iso(corpus.first_date),
        "last_date": iso(corpus.last_date),
        "transcripts": [_record(e) for e in corpus.entries],
    }
    return Page(paths.CORPUS_INDEX, dumps_indented(index))


def _record(entry: Entry) -> dict[str, Any]:
    t = entry.transcript
    return {
        "slug": t.slug,
        "title": t.title,
        "date": iso(t.date),
        "event_type": t.event_type,
        "event_label": event_label(t.event_type),
        "location": t.location,
        "source_url": t.source_url,
        "language": t.language,
        "speakers": list(entry.speakers),
        "outlets": list(entry.outlets),
        "questions": len(entry.questions),
        "words": entry.word_count,
        "page": paths.transcript_url(t.slug),
        "data": paths.transcript_data(t.slug),
    }


def render_open_data_page(corpus: Corpus) -> Page:
    """The site's page that says what is published and where."""
    path = paths.OPEN_DATA
    index = paths.link(path, paths.CORPUS_INDEX)
    body = f"""# Open data

Everything in this archive is published as JSON, so it can be studied without scraping the pages.

## Index of the archive

[`{paths.CORPUS_INDEX}`]({index}) lists {count(len(corpus.entries), 'transcript')}, oldest first, \
each with its title, date, event type, place, source, speakers, outlets, number of questions and \
words, the path of its page and the path of its data. Its `schema` is `{CORPUS_SCHEMA}`.

## One transcript

`data/transcripts/<slug>.json` holds one transcript in the format the generator parses it into \
(`pressroom.transcript/1`): every turn with its speaker and paragraphs, every question with its \
anchor, asker, outlet and answers, and the lines removed from the raw text. Each transcript page \
links to its file under "Open data".

## Citing

Page addresses are stable: `transcripts/<slug>/`, where the slug is the date and a short title. \
Each question has an anchor (`#q3-tass`) and each paragraph one (`#p12-2`: turn 12, paragraph 2).
"""
    meta = index_meta("Open data", "The archive's transcripts as JSON: an index and one file per transcript.")
    return Page(path, document(meta, body))
