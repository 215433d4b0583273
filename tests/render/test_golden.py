"""Golden pages: the seeds in content/ rendered to Markdown, byte for byte, topic pages included.

After an intended change of the parser or the renderer, review the diff and
regenerate with:  PRESSROOM_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.enrich import build_corpus, load_topic_config
from generator.build import parse_corpus
from generator.serialize import transcript_to_json
from tests.support import CONTENT, render_all

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PRESSROOM_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def seed_site() -> tuple[object, dict[str, str]]:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    return corpus, {page.path: page.text for page in render_all(corpus)}


def _golden_paths(pages: dict[str, str]) -> list[str]:
    return sorted(path for path in pages if path.endswith(".md") or path == "data/transcripts.json")


def test_every_golden_page_is_generated_and_no_other(seed_site) -> None:
    _, pages = seed_site
    if UPDATE:
        for path in _golden_paths(pages):
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pages[path], encoding="utf-8", newline="\n")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert on_disk == _golden_paths(pages)


@pytest.mark.parametrize(
    "path",
    sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()),
)
def test_page_matches_golden(seed_site, path: str) -> None:
    _, pages = seed_site
    assert pages[path] == (GOLDEN / path).read_text(encoding="utf-8")


def test_seed_data_is_the_parse_format(seed_site) -> None:
    corpus, pages = seed_site
    for entry in corpus.entries:
        assert pages[f"data/transcripts/{entry.slug}.json"] == transcript_to_json(entry.transcript)
    index = json.loads(pages["data/transcripts.json"])
    assert [t["slug"] for t in index["transcripts"]] == [e.slug for e in corpus.entries]
