"""The baseline: MkDocs and Pagefind alone over the same rendered pages.

What any MkDocs site of this many pages costs, with the same mkdocs.yml and
theme: the generator's own stages are what the archive adds to it. Both run
as a maintainer would run them, as commands in child processes.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.memory import cpu_seconds, measure_peak
from benchmarks.sizes import SEARCH_BUNDLES, tree_size

BARE_SITE = "site-bare"


def _timed(command: list[str], cwd: Path) -> dict[str, Any]:
    with measure_peak() as peak:
        cpu_start, start = cpu_seconds(), time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    result: dict[str, Any] = {
        "command": " ".join(command[1:]), "seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak.children,
    }
    if done.returncode:
        result["error"] = (done.stderr or done.stdout).strip()[-2000:]
    return result


def bare_build(project: Path) -> dict[str, Any]:
    """``mkdocs build`` of the project's docs folder into site-bare/, then ``pagefind`` over it."""
    site = project / BARE_SITE
    mkdocs = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", BARE_SITE], project)
    if "error" in mkdocs:
        return {"mkdocs": mkdocs}
    pagefind = _timed([sys.executable, "-m", "pagefind", "--site", BARE_SITE, "--silent"], project)
    site_bytes, _ = tree_size(site, skip=SEARCH_BUNDLES)
    index_bytes, _ = tree_size(site / SEARCH_BUNDLES[0])
    return {
        "mkdocs": mkdocs,
        "pagefind": pagefind,
        "seconds": mkdocs["seconds"] + pagefind["seconds"],
        "site_bytes": site_bytes,
        "index_bytes": index_bytes,
    }
