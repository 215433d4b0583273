"""Pack files: how the build's caches lie on disk.

A pack is one pickle holding a context (a digest of everything its entries
depend on besides their own keys) and the entries. A pack from another
context, a damaged one or a missing one reads as empty: a cache that
cannot be read only costs time. Packs are written to a temporary file and
renamed, so a build stopped half-way never leaves half a pack.
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

Mark = tuple[int, int, int, str] | None
"""What changes when a pack is written again (a new file each time: a new inode), and its context;
None for a pack that does not exist."""


class PackMemory:
    """What the packs read or written hold, kept while a process builds again and again (``pressroom serve``).

    A pack is unpickled again only when its file changed. A build for
    publishing keeps a memory of its own and lets it go before MkDocs runs.
    """

    def __init__(self) -> None:
        self._held: dict[Path, tuple[Mark, Any]] = {}

    def load(self, path: Path, context: str, read: Callable[[dict[str, Any]], T]) -> T:
        """What the pack at ``path`` holds (``read`` makes it of the pack's entries), unpickled
        only if this memory has not seen the file as it is.

        What ``read`` makes is shared by later loads: change it only to save it with :meth:`dump`.
        """
        mark = _mark(path, context)  # None while there is no pack: a pack written later has a mark
        held = self._held.get(path)
        if held is not None and held[0] == mark:
            return held[1]  # type: ignore[no-any-return]
        try:
            made = read(_load_pack(path, context))
        except (KeyError, TypeError, ValueError, AttributeError):
            made = read({})  # a pack of another shape: as if there were none
        self._held[path] = (mark, made)  # marked before reading: a file replaced meanwhile is read again next time
        return made

    def dump(self, path: Path, context: str, entries: Mapping[str, Any], held: object) -> None:
        """Write a pack of ``entries``, which stand for ``held`` (what :meth:`load` will give)."""
        _dump_pack(path, context, entries)
        self._held[path] = (_mark(path, context), held)

    def __len__(self) -> int:
        """How many packs are held."""
        return len(self._held)

    def clear(self) -> None:
        """Let go of everything held: no build follows, and MkDocs and Pagefind may have the memory."""
        self._held.clear()


def _load_pack(path: Path, context: str) -> dict[str, Any]:
    """The entries of a pack written in this context; {} if there are none."""
    try:
        with path.open("rb") as handle, without_gc():
            pack = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}  # missing, damaged or from an older model: compute again
    if not isinstance(pack, dict) or pack.get("context") != context:
        return {}
    entries = pack.get("entries")
    return entries if isinstance(entries, dict) else {}


def _dump_pack(path: Path, context: str, entries: Mapping[str, Any]) -> None:
    """Write a pack atomically (write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump({"context": context, "entries": dict(entries)}, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)


def _mark(path: Path, context: str) -> Mark:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ino, context
