"""Editorial notes in the metadata: one note or a list of them, on the page and in the JSON."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from generator.enrich import build_corpus
from generator.model import Finding
from generator.serialize import transcript_to_dict
from tests.reading.test_metadata import with_front_matter, with_sidecar
from tests.render.conftest import Parsed
from tests.render.test_render import html
from tests.support import render_all


def test_a_note_is_text() -> None:
    transcript = with_front_matter("title: Briefing\ndate: 2021-01-20\nnotes: The date is the publication date on nato.int.\n")
    assert transcript.notes == ("The date is the publication date on nato.int.",)
    assert transcript.findings == ()


def test_notes_are_a_list_of_texts_kept_in_order_as_written(tmp_path: Path) -> None:
    transcript = with_sidecar(tmp_path, "notes:\n  - >-\n    The date is the\n    publication date.\n  - 1984\n")
    assert transcript.notes == ("The date is the publication date.", "1984")
    assert transcript_to_dict(transcript)["notes"] == ["The date is the publication date.", "1984"]


def test_a_note_that_is_not_text_is_a_finding_naming_the_file_and_line(tmp_path: Path) -> None:
    transcript = with_sidecar(tmp_path, "title: Briefing\ndate: 2021-01-20\nnotes:\n  publication: nato.int\n")
    assert transcript.notes == ()
    assert transcript.findings == (
        Finding(3, "bad-notes", "metadata field 'notes' is a mapping: it must be a note as text, or a list of "
                "notes; the transcript is published without it", "transcripts/briefing.meta.yaml"),
    )
    assert transcript.dropped == ("notes",)


def test_an_empty_list_of_notes_is_a_finding(tmp_path: Path) -> None:
    transcript = with_sidecar(tmp_path, "title: Briefing\ndate: 2021-01-20\nnotes: []\n")
    assert [(f.line, f.code) for f in transcript.findings] == [(3, "bad-notes")]


def test_notes_show_under_the_facts_literally_and_in_the_json() -> None:
    transcript = with_front_matter('title: Briefing\ndate: 2021-01-20\nnotes: ["The date is <b>the</b> *publication* date.", "Second."]\n')
    pages = {page.path: page.text for page in render_all(build_corpus(Parsed((transcript,))))}
    page = html(pages[f"transcripts/{transcript.slug}.md"])
    notes = [p.get_text() for p in page.select("p.pr-editorial")]
    assert notes == ["Note: The date is <b>the</b> *publication* date.", "Note: Second."]
    # Right under the two lines of facts.
    assert page.select("p.pr-meta")[2].get_text() == notes[0]
    data = json.loads(pages[f"data/transcripts/{transcript.slug}.json"])
    assert data["notes"] == ["The date is <b>the</b> *publication* date.", "Second."]
    assert list(data)[8:10] == ["source_url", "notes"]
