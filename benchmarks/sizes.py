"""How big the output is: the site, its search index, and each transcript page."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

# The quick, every-word and per-question indexes (a bare or plain build: the first).
SEARCH_BUNDLES = ("pagefind", "pagefind-full", "pagefind-questions")


def tree_size(folder: Path, skip: tuple[str, ...] = ()) -> tuple[int, int]:
    """Bytes and files under ``folder``, leaving out its subfolders named in ``skip``."""
    size = files = 0
    if not folder.is_dir():
        return 0, 0
    for path in folder.rglob("*"):
        if path.relative_to(folder).parts[0] in skip:
            continue
        if path.is_file() and not path.is_symlink():
            size += path.stat().st_size
            files += 1
    return size, files


def transcript_pages(docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """Each transcript page's HTML against its Markdown: the theme's weight per page.

    A transcript page is ``transcripts/SLUG.md`` in the docs folder, built to
    ``transcripts/SLUG/index.html`` (MkDocs directory URLs).
    """
    ratios: list[tuple[float, str]] = []
    sizes: list[tuple[int, int]] = []
    markdown_total = html_total = 0
    for markdown in sorted((docs_dir / "transcripts").rglob("*.md")):
        relative = markdown.relative_to(docs_dir).with_suffix("")
        html = site_dir / relative / "index.html"
        if not html.is_file():
            continue
        md_bytes, html_bytes = markdown.stat().st_size, html.stat().st_size
        markdown_total += md_bytes
        html_total += html_bytes
        ratios.append((html_bytes / md_bytes, relative.as_posix()))
        sizes.append((md_bytes, html_bytes))
    if not ratios:
        return {"pages": 0}
    worst = max(ratios)
    fixed, per_byte = _fit(sizes)
    return {
        "pages": len(ratios),
        "markdown_bytes": markdown_total,
        "html_bytes": html_total,
        "ratio_mean": statistics.fmean(r for r, _ in ratios),
        "ratio_max": worst[0],
        "ratio_max_page": worst[1],
        "ratio_overall": html_total / markdown_total,
        "smallest_markdown_bytes": min(md for md, _ in sizes),
        # HTML bytes ~ fixed + per_byte * Markdown bytes: the theme's cost per page and per word.
        "html_fixed_bytes": fixed,
        "html_per_markdown_byte": per_byte,
    }


def _fit(points: list[tuple[int, int]]) -> tuple[float | None, float | None]:
    """Least-squares line through (x, y) points: intercept and slope."""
    if len(points) < 2:
        return None, None
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if not spread:
        return None, None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


def site_sizes(docs_dir: Path, site_dir: Path, transcripts: int) -> dict[str, Any]:
    """Docs, site and search-index sizes, and the site's bytes per transcript."""
    docs_bytes, docs_files = tree_size(docs_dir)
    site_bytes, site_files = tree_size(site_dir, skip=SEARCH_BUNDLES)
    bundles = [tree_size(site_dir / bundle) for bundle in SEARCH_BUNDLES]
    index_bytes, index_files = (sum(column) for column in zip(*bundles))
    return {
        "docs_bytes": docs_bytes, "docs_files": docs_files,
        "site_bytes": site_bytes, "site_files": site_files,
        "index_bytes": index_bytes, "index_files": index_files,
        "site_bytes_per_transcript": (site_bytes + index_bytes) / transcripts if transcripts else None,
        "transcript_pages": transcript_pages(docs_dir, site_dir),
    }
