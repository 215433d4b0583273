"""Pack files: the on-disk form of the build's caches (parse cache, enrich memo).

A pack is one pickle holding a context (a digest of everything its entries
depend on besides their own keys), an id and the entries. A pack from
another context, a damaged one or a missing one reads as empty: a cache
that cannot be read only costs time. Packs are written to a temporary file
and renamed, so a build stopped half-way never leaves half a pack.

A process that builds again and again (``pressroom serve``) keeps what the
packs it read or wrote hold (``load_known``, ``dump_known``), and unpickles
a pack again only when its file changed.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from generator.heap import without_gc

T = TypeVar("T")


def _load_pack(path: Path, context: str) -> tuple[dict[str, Any], str | None]:
    """The entries of a pack written in this context, and its id; ({}, None) if there are none."""
    try:
        with path.open("rb") as handle, without_gc():
            pack = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}, None  # missing, damaged or from an older model: compute again
    if not isinstance(pack, dict) or pack.get("context") != context:
        return {}, None
    return pack["entries"], pack["id"]


def _dump_pack(path: Path, context: str, entries: Mapping[str, Any], pack_id: str | None) -> None:
    """Write a pack atomically (write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump({"context": context, "id": pack_id, "entries": dict(entries)}, handle,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)


# The packs this process read or wrote: (file stat, context) then, and what they hold.
_KNOWN: dict[Path, tuple[tuple[int, int, int, str], Any]] = {}


def load_known(path: Path, context: str, read: Callable[[dict[str, Any], str | None], T]) -> T:
    """What a pack holds (``read`` makes it of the pack's entries and id), unpickled only if
    this process has not seen the file as it is.

    What ``read`` makes is shared by later loads: change it only to save it with ``dump_known``.
    """
    mark = _mark(path, context)
    known = _KNOWN.get(path)
    if mark is not None and known is not None and known[0] == mark:
        return known[1]  # type: ignore[no-any-return]
    try:
        held = read(*_load_pack(path, context))
    except (KeyError, TypeError, ValueError, AttributeError):
        held = read({}, None)  # a pack of another shape: as if there were none
    if mark is not None:  # taken before reading: a file replaced meanwhile is read again next time
        _KNOWN[path] = (mark, held)
    return held


def dump_known(path: Path, context: str, entries: Mapping[str, Any], held: object, pack_id: str | None = None) -> None:
    """Write a pack of ``entries``, which stand for ``held`` (what ``load_known`` will give)."""
    _dump_pack(path, context, entries, pack_id)
    mark = _mark(path, context)
    if mark is not None:
        _KNOWN[path] = (mark, held)


def forget_packs() -> None:
    """Let go of what ``load_known`` and ``dump_known`` kept: no build will follow in this process."""
    _KNOWN.clear()


def _mark(path: Path, context: str) -> tuple[int, int, int, str] | None:
    """What changes when a pack is written again (it is a new file each time: a new inode)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino, context
