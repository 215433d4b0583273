"""Paths and readers every test module may need (import as ``from tests.support import ...``)."""

from __future__ import annotations

import gzip
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.render import Page, RenderedSite, RenderSettings, render_pages, site_views
from generator.enrich import Corpus
from generator.errors import Problem
from generator.model import Transcript

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEEDS = sorted((CONTENT / "transcripts").glob("*.txt"))


def indexed_text(bundle: Path) -> dict[str, str]:
    """The text Pagefind indexed of each page of ``bundle``, by URL (from its fragments)."""
    return {url: fragment["content"] for url, fragment in fragments(bundle).items()}


def fragments(bundle: Path) -> dict[str, dict]:
    """What a search result fetches of each page of ``bundle`` (text, anchors, meta), by URL."""
    found = {}
    for fragment in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def wait_until(condition: Callable[[], object], timeout: float = 60) -> None:
    """Poll ``condition`` until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@dataclass(frozen=True)
class Parsed:
    """Transcripts as the parse stage hands them on, for ``build_corpus``."""

    transcripts: tuple[Transcript, ...]
    problems: tuple[Problem, ...] = ()


def rendered_anew(pages: Iterable[Page]) -> RenderedSite:
    """``pages`` as a render that had no previous build to keep pages from: every page rendered."""
    pages = tuple(pages)
    return RenderedSite(tuple(page.path for page in pages), pages)


def render_all(corpus: Corpus, settings: RenderSettings = RenderSettings(), workers: int | None = None) -> tuple[Page, ...]:
    """Every page of the site of ``corpus``, as a first build renders them, sorted by path."""
    return tuple(sorted(render_pages(site_views(corpus, settings), workers), key=lambda page: page.path))


def copy_content(tmp_path: Path, *seeds: str) -> Path:
    """A content folder in ``tmp_path`` with the directory and topic files and the given seeds."""
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    for name in ("people.yaml", "outlets.yaml", "topics.yaml"):
        shutil.copy(CONTENT / name, content / name)
    for seed in seeds:
        for suffix in (".txt", ".meta.yaml"):
            shutil.copy(CONTENT / "transcripts" / f"{seed}{suffix}", content / "transcripts" / f"{seed}{suffix}")
    return content
