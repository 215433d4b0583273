"""The key of every page the last build wrote, kept in its docs folder (the page manifest).

A page's key is a digest of everything it shows (generator.render.groups):
the next build renders only the pages whose key changed, and links the
others' files from the previous docs folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

MANIFEST = ".pressroom-pages.json"
MANIFEST_SCHEMA = "pressroom.pages/2"


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """The key of each page the build in ``docs_dir`` wrote, by path; empty when there is none.

    A page whose file is not there is left out: it will be rendered again.
    """
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        if data.get("schema") != MANIFEST_SCHEMA:
            return {}
        keys = {str(path): str(key) for path, key in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no earlier build, or one from another version: render everything
    root = os.fspath(docs_dir)
    return {path: key for path, key in keys.items() if os.path.isfile(os.path.join(root, path))}


def write_manifest(docs_dir: Path, keys: Mapping[str, str]) -> None:
    """Keep the key of each page written into ``docs_dir``, by path."""
    text = json.dumps({"schema": MANIFEST_SCHEMA, "pages": dict(keys)}, ensure_ascii=False, sort_keys=True)
    (docs_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")
