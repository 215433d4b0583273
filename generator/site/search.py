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
transcripts, or when the reader asks for every word. At 10,000 transcripts a
common word's index chunk in the every-word index is several hundred KB (every
position of it in every answer), which one query would have to fetch.

Pagefind's command line is used rather than its Python service: it indexes
pages in parallel and has finished writing every file when it exits.
Pagefind writes filter values in hash-map order, which differs from run to
run; ``canonical.sort_filters`` puts them in a fixed order so that the same
site gives the same index, byte for byte.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.render.transcript import MORE

from .canonical import sort_filters

BUNDLE = "pagefind"
FULL_BUNDLE = "pagefind-full"
EXCLUDE = (".pr-meta", ".pr-neighbours", ".headerlink")
LATER_PARAGRAPHS = f".{MORE}"  # an answer's paragraphs after its lead
# Only transcript pages carry data-pagefind-body: Pagefind need not read the
# others (at 10,000 transcripts, reading them took nearly two thirds of its time).
PAGES = "transcripts/**/*.html"


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind indexed and where its files are."""

    page_count: int
    bundle: Path  # the quick index: questions and the lead of each answer
    full_bundle: Path  # every word


def index_site(site_dir: Path) -> SearchIndex:
    """Write the quick and the every-word Pagefind bundles into ``site_dir`` and return what they hold.

    Bundles already there are replaced, not added to: their fragments are
    named by their content, so the old ones would stay beside the new. A site
    without transcript pages gets no bundle (Pagefind cannot write an empty
    index); its search box says that search is not available.
    """
    if not any((site_dir / "transcripts").rglob("*.html")):
        for name in (BUNDLE, FULL_BUNDLE):
            shutil.rmtree(site_dir / name, ignore_errors=True)
        return SearchIndex(page_count=0, bundle=site_dir / BUNDLE, full_bundle=site_dir / FULL_BUNDLE)
    quick = _bundle(site_dir, BUNDLE, (*EXCLUDE, LATER_PARAGRAPHS))
    full = _bundle(site_dir, FULL_BUNDLE, EXCLUDE)
    pages = _page_count(quick)
    if pages != _page_count(full):
        raise SearchIndexError(f"Pagefind indexed {pages} pages in {quick} but {_page_count(full)} in {full}")
    return SearchIndex(page_count=pages, bundle=quick, full_bundle=full)


def _bundle(site_dir: Path, name: str, exclude: tuple[str, ...]) -> Path:
    """Index ``site_dir`` into ``site_dir/name``, leaving out what ``exclude`` selects."""
    bundle = site_dir / name
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES,
               "--output-subdir", name, "--quiet"]
    for selector in exclude:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip()
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {message}")
    sort_filters(bundle)
    return bundle


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language["page_count"]) for language in entry["languages"].values())
