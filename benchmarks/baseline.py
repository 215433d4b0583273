"""The second comparison: bare MkDocs and Pagefind over Pressroom's own rendered pages.

What MkDocs and Pagefind cost for the pages Pressroom writes, with the same
mkdocs.yml and theme: the generator's own stages are what the archive adds
to it. It keeps Pressroom's page weight in the denominator; what a user
would otherwise wait for is the plain alternative (benchmarks/plain.py).
Both run as a maintainer would run them, as commands in child processes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from benchmarks.memory import timed_command
from benchmarks.sizes import SEARCH_BUNDLES, tree_size

BARE_SITE = "site-bare"


def bare_build(project: Path) -> dict[str, Any]:
    """``mkdocs build`` of the project's docs folder into site-bare/, then ``pagefind`` over it."""
    site = project / BARE_SITE
    mkdocs = timed_command([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", BARE_SITE], project)
    if "error" in mkdocs:
        return {"mkdocs": mkdocs}
    pagefind = timed_command([sys.executable, "-m", "pagefind", "--site", BARE_SITE, "--silent"], project)
    site_bytes, _ = tree_size(site, skip=SEARCH_BUNDLES)
    index_bytes, _ = tree_size(site / SEARCH_BUNDLES[0])
    return {
        "mkdocs": mkdocs,
        "pagefind": pagefind,
        "seconds": mkdocs["seconds"] + pagefind["seconds"],
        "site_bytes": site_bytes,
        "index_bytes": index_bytes,
    }
