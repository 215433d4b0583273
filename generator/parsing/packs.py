"""Pack files: the on-disk form of the build's caches (parse cache, enrich memo).

A pack is one pickle holding a context (a digest of everything its entries
depend on besides their own keys), an id and the entries. A pack from
another context, a damaged one or a missing one reads as empty: a cache
that cannot be read only costs time. Packs are written to a temporary file
and renamed, so a build stopped half-way never leaves half a pack.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import generator
from generator.heap import without_gc


@lru_cache(maxsize=None)
def source_fingerprint(packages: tuple[str, ...], modules: tuple[str, ...]) -> str:
    """A digest of the source of some of generator's packages and modules.

    Part of a cache's context: new code never reads entries the old code made.
    """
    root = Path(generator.__file__).parent
    files = sorted(
        [path for package in packages for path in (root / package).rglob("*.py")]
        + [root / name for name in modules]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_pack(path: Path, context: str) -> tuple[dict[str, Any], str | None]:
    """The entries of a pack written in this context, and its id; ({}, None) if there are none."""
    try:
        with path.open("rb") as handle, without_gc():
            pack = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}, None  # missing, damaged or from an older model: compute again
    if not isinstance(pack, dict) or pack.get("context") != context:
        return {}, None
    return pack["entries"], pack["id"]


def dump_pack(path: Path, context: str, entries: Mapping[str, Any], pack_id: str | None) -> None:
    """Write a pack atomically (write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump({"context": context, "id": pack_id, "entries": dict(entries)}, handle,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
