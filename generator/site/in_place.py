"""A site rebuilt where it stands (``pressroom serve``): the pages no longer generated go.

MkDocs' dirty build converts only the pages whose Markdown changed and
leaves every other file of the site as it was, those of pages that are no
longer generated included.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path


def remove_gone_pages(site_dir: Path, previous: Iterable[str], generated: Collection[str]) -> None:
    """Delete from ``site_dir`` the built pages of the docs paths ``previous`` holds and ``generated`` does not."""
    for path in set(previous) - set(generated):
        built = site_dir / built_path(path)
        built.unlink(missing_ok=True)
        if built.name == "index.html" and built.parent != site_dir and not any(built.parent.iterdir()):
            built.parent.rmdir()  # else the server would list the empty folder


def built_path(docs_path: str) -> str:
    """Where MkDocs (with directory URLs) writes a file of the docs folder."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    return "index.html" if stem == "index" else (stem.removesuffix("/index") + "/index.html")
