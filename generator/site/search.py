"""Index the built site with Pagefind, for search that scales with the archive.

Only transcript articles carry ``data-pagefind-body`` (site_config/overrides/
transcript.html), so home and year pages stay out of the index. The facts
line, the neighbour links and the permalink signs are excluded too: a hit
should be words somebody said.

Two indexes are written. The quick one (``pagefind/``), which the search box
asks first, reads the questions whole and the lead of every answer and
statement (the paragraphs marked ``pr-more`` are left out, see
generator/render/transcript.py). The every-word one (``pagefind-full/``)
reads every word; the search box asks it when the quick one finds too few
transcripts, or when the reader asks for every word. In a large archive a
common word's index chunk in the every-word index holds every position of it
in every answer, which one query would have to fetch.

A third, ``pagefind-questions/``, holds a record per question (every word
of the question and of its answers) with the question's own outlet, asker
and topics as filters (generator/site/question_pages.py): the search box asks
it when the reader filters by outlet or asker, so that those filters select
questions, not the whole transcripts they were asked in. Pagefind holds a
whole index in memory until it writes it, about 100 KB per record: 11.2 GB
for the 110,000 records of 10,000 transcripts. So this index is written in
parts of at most ``QUESTION_PART_RECORDS`` records (a transcript's records
stay together, newest transcripts first), one Pagefind bundle each in
``pagefind-questions/1/``, ``2/`` and so on, listed in
``pagefind-questions/parts.json``; the search box merges them with
Pagefind's ``mergeIndex``. An archive of fewer records has one part.

Pagefind reads a copy of the transcript pages without the paragraphs' ids.
It keeps every element with an id as an anchor of its page, with the
element's text, in the fragment a search result fetches; results link to
questions (their headings), never to a paragraph, so the paragraphs'
permalinks only made every fragment carry the page's text twice. Without
them, a query fetches smaller fragments (docs/benchmark.md).

Pagefind's command line is used rather than its Python service: it indexes
pages in parallel and has finished writing every file when it exits. Both
bundles are written beside the ones in place and swapped in once both are
complete, so a site being served always has a whole index, and an indexing
that is cancelled (``pressroom serve`` starts again after an edit) leaves the
previous one as it was.

Pagefind writes filter values in hash-map order, which differs from run to
run; ``canonical.sort_filters`` puts them in a fixed order so that the same
site gives the same index, byte for byte.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from generator.render.transcript import MORE
from generator.write import link_or_copy

from .canonical import sort_filters
from .question_pages import question_pages

BUNDLE = "pagefind"
FULL_BUNDLE = "pagefind-full"
QUESTION_BUNDLE = "pagefind-questions"
BUNDLES = (BUNDLE, FULL_BUNDLE, QUESTION_BUNDLE)
EXCLUDE = (".pr-meta", ".pr-neighbours", ".headerlink")
# A question's record leaves out the similar questions listed after its answers.
QUESTION_EXCLUDE = (*EXCLUDE, ".pr-asked")
LATER_PARAGRAPHS = f".{MORE}"  # an answer's paragraphs after its lead
# Only transcript pages carry data-pagefind-body: Pagefind need not read the
# others, and in a large archive reading them took most of its time.
PAGES = "transcripts/**/*.html"
# Records per part of the question index: 2.7 GB of Pagefind's memory at a time, measured (docs/benchmark.md).
QUESTION_PART_RECORDS = 25_000
PARTS_FILE = "parts.json"  # the question index's parts, in the order the search box merges them
# The id of a paragraph tag, in the HTML MkDocs writes (transcript text in it is escaped).
PARAGRAPH_ID = re.compile(rb'(<p\b[^>]*?)\s+id="[^"]*"')


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


class IndexingCancelled(Exception):
    """Indexing was cancelled before the new bundles were swapped in; the previous ones are in place."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind indexed and where its files are."""

    page_count: int
    bundle: Path  # the quick index: questions and the lead of each answer
    full_bundle: Path  # every word
    question_bundle: Path  # a record per question, every word


def index_site(site_dir: Path, cancelled: threading.Event | None = None) -> SearchIndex:
    """Write the quick, the every-word and the per-question Pagefind bundles into ``site_dir`` and
    return what they hold.

    Bundles already there are replaced, not added to: their fragments are
    named by their content, so the old ones would stay beside the new. A site
    without transcript pages gets no bundle (Pagefind cannot write an empty
    index); its search box says that search is not available.

    Setting ``cancelled`` (from another thread) stops Pagefind and raises
    IndexingCancelled; the bundles in place are then untouched.
    """
    page_files = sorted(site_dir.glob(PAGES))
    index = SearchIndex(0, site_dir / BUNDLE, site_dir / FULL_BUNDLE, site_dir / QUESTION_BUNDLE)
    if not page_files:
        for name in BUNDLES:
            shutil.rmtree(site_dir / name, ignore_errors=True)
        return index
    try:
        with tempfile.TemporaryDirectory(prefix="pressroom-search-") as copy:
            pages_dir, questions_dir = Path(copy) / "pages", Path(copy) / "questions"
            _copy_pages(site_dir, page_files, pages_dir, cancelled)
            parts = _cut_questions(pages_dir, questions_dir, QUESTION_PART_RECORDS, cancelled)
            quick = _bundle(pages_dir, site_dir / _next(BUNDLE), (*EXCLUDE, LATER_PARAGRAPHS), cancelled)
            full = _bundle(pages_dir, site_dir / _next(FULL_BUNDLE), EXCLUDE, cancelled)
            if parts:
                _question_bundle(questions_dir, parts, site_dir / _next(QUESTION_BUNDLE), cancelled)
        pages = _page_count(quick)
        if pages != _page_count(full):
            raise SearchIndexError(f"Pagefind indexed {pages} pages in {quick} but {_page_count(full)} in {full}")
    except BaseException:
        for name in BUNDLES:
            shutil.rmtree(site_dir / _next(name), ignore_errors=True)
        raise
    for name in BUNDLES:
        if (site_dir / _next(name)).exists():
            _swap_in(site_dir / _next(name), site_dir / name)
        else:  # an archive without a question: nothing to filter by outlet or asker
            shutil.rmtree(site_dir / name, ignore_errors=True)
    return dataclasses.replace(index, page_count=pages)


def keep_bundles(previous_site: Path, site_dir: Path) -> None:
    """Link the search bundles of ``previous_site`` into ``site_dir``, a new site without any.

    For a preview rebuilt from scratch whose index is refreshed afterwards
    (a theme change in ``pressroom serve``): search answers from the
    previous index meanwhile instead of not at all.
    """
    for name in BUNDLES:
        if (previous_site / name).is_dir() and not (site_dir / name).exists():
            shutil.copytree(previous_site / name, site_dir / name, copy_function=link_or_copy)


def _next(name: str) -> str:
    """Where a bundle is written before it replaces ``name`` (Pagefind reads only transcripts/)."""
    return f"{name}.next"


def _swap_in(new: Path, bundle: Path) -> None:
    """Put ``new`` where ``bundle`` is, with two renames: a request in between finds no bundle only
    for that instant, never half of one."""
    old = bundle.with_name(f"{bundle.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        os.replace(bundle, old)
    os.replace(new, bundle)
    shutil.rmtree(old, ignore_errors=True)


def _copy_pages(site_dir: Path, page_files: list[Path], pages_dir: Path, cancelled: threading.Event | None) -> None:
    """Copy ``page_files`` of ``site_dir`` into ``pages_dir``, at the same paths (so at the same
    URLs), without their paragraphs' ids."""
    for page in page_files:
        if cancelled is not None and cancelled.is_set():
            raise IndexingCancelled(f"copying {page}")
        copy = pages_dir / page.relative_to(site_dir)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(PARAGRAPH_ID.sub(rb"\1", page.read_bytes()))


def _cut_questions(pages_dir: Path, questions_dir: Path, part_records: int, cancelled: threading.Event | None) -> int:
    """Write a record page per question of the transcript pages in ``pages_dir`` into parts of
    ``questions_dir``, at <part>/transcripts/<slug>/<anchor>/index.html; how many parts were written.

    Newest transcripts first (their addresses start with their dates), a part
    takes a transcript's records whole and is full at ``part_records``: a
    transcript with more records than that has a part of its own. A search
    without words lists the parts' results one part after the other, each
    newest first, so the newest questions lead.

    In this process: cutting on both cores (generator.parallel) was measured
    no faster on the shared 2-core machine (10.8-23.2 s against 9.1-15.4 s
    at 1,000 transcripts, load 2-3).
    """
    part, in_part = 0, 0
    for page in sorted(pages_dir.glob(PAGES), reverse=True):
        if cancelled is not None and cancelled.is_set():
            raise IndexingCancelled(f"cutting {page}")
        folder = page.parent.relative_to(pages_dir)
        records = list(question_pages(page.read_bytes(), folder.as_posix() + "/", QUESTION_EXCLUDE))
        if not records:
            continue
        if part == 0 or (in_part and in_part + len(records) > part_records):
            part, in_part = part + 1, 0
        for anchor, html in records:
            record = questions_dir / str(part) / folder / anchor / "index.html"
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_bytes(html)
        in_part += len(records)
    return part


def _question_bundle(questions_dir: Path, parts: int, bundle: Path, cancelled: threading.Event | None) -> None:
    """Index each of the ``parts`` of ``questions_dir`` into a bundle of its own in ``bundle``, and list them."""
    names = [str(part) for part in range(1, parts + 1)]
    for name in names:
        _bundle(questions_dir / name, bundle / name, QUESTION_EXCLUDE, cancelled)
    listing = json.dumps({"parts": [f"{name}/" for name in names]}, indent=1) + "\n"
    (bundle / PARTS_FILE).write_text(listing, encoding="utf-8")


def _bundle(pages_dir: Path, bundle: Path, exclude: tuple[str, ...], cancelled: threading.Event | None) -> Path:
    """Index the pages of ``pages_dir`` into ``bundle``, leaving out what ``exclude`` selects."""
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(pages_dir), "--glob", PAGES,
               "--output-path", str(bundle.resolve()), "--quiet"]
    for selector in exclude:
        command += ["--exclude-selectors", selector]
    returncode, output = run_cancellable(command, cancelled)
    if returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {bundle.parent}: {output.strip()}")
    sort_filters(bundle)
    return bundle


def run_cancellable(command: list[str], cancelled: threading.Event | None, poll: float = 0.1) -> tuple[int, str]:
    """Run ``command`` to its end; its exit code and what it printed (errors first).

    Checks ``cancelled`` before it starts and every ``poll`` seconds: once
    set, the command is killed (or never started) and IndexingCancelled raised.
    """
    if cancelled is not None and cancelled.is_set():
        raise IndexingCancelled(" ".join(command))
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        while True:
            try:
                stdout, stderr = process.communicate(timeout=poll if cancelled is not None else None)
                return process.returncode, stderr or stdout
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled.is_set():
                    process.kill()
                    process.communicate()
                    raise IndexingCancelled(" ".join(command)) from None


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language["page_count"]) for language in entry["languages"].values())
