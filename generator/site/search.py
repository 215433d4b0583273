"""Index the built site with Pagefind, for search that scales with the archive.

Only transcript articles carry ``data-pagefind-body`` (site_config/overrides/
transcript.html), so home and year pages stay out of the index. The facts
line, the neighbour links and the permalink signs are excluded too: a hit
should be words somebody said.

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

from .canonical import sort_filters

BUNDLE = "pagefind"
EXCLUDE = (".pr-meta", ".pr-neighbours", ".headerlink")


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind indexed and where its files are."""

    page_count: int
    bundle: Path


def index_site(site_dir: Path) -> SearchIndex:
    """Write the Pagefind bundle into ``site_dir/pagefind`` and return what it holds.

    A bundle already there is replaced, not added to: its fragments are
    named by their content, so the old ones would stay beside the new.
    """
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE, "--quiet"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip()
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {message}")
    bundle = site_dir / BUNDLE
    sort_filters(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(int(language["page_count"]) for language in entry["languages"].values())
    return SearchIndex(page_count=pages, bundle=bundle)
