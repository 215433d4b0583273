"""The content key of each raw file: the digest of what a parse reads of it, hashed only when it changed.

To avoid reading and hashing every file on every build, the key is kept
with the file's stat fields (size, modification and change times, inode;
its sidecar's too), and the file is hashed again only when they differ. A
file changed twice within one tick of a coarse file-system clock keeps its
size and times, so stat fields are trusted only once the file is older than
:data:`RACY_MARGIN_NS` when they are taken (git's "racily clean" rule);
until then it is hashed on every build.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import NamedTuple

from generator.reading.metadata import sidecar_for

from .table import Table

# Longer than the coarsest timestamp tick in use (FAT keeps 2 s; ext3, HFS+ 1 s).
RACY_MARGIN_NS = 3_000_000_000


class FileStat(NamedTuple):
    """The stat fields that change whenever a file's content does."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileStat:
        found = path.stat()
        return cls(found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


Signature = tuple[FileStat, FileStat | None]
"""A raw file's stat and its sidecar's (None when it has none)."""

Known = tuple[Signature | None, str]
"""A file's signature when it can be trusted (None while the file is too recent), and its content key."""


class FileKeys:
    """The content keys of raw files, by their path from the content folder, kept in ``table``."""

    def __init__(self, table: Table[Known]) -> None:
        self._table = table
        self._keys: dict[str, str] = {}

    def key(self, path: Path, source: str) -> str:
        """The digest of the file's bytes, its sidecar's and its name."""
        known = self._keys.get(source)
        if known is not None:
            return known
        sidecar = sidecar_for(path)
        signature = _signature(path, sidecar)  # before reading: a change after it shows next time
        stored = self._table.get(source)
        if stored is not None and stored[0] is not None and stored[0] == signature:
            key = stored[1]
        else:
            key = content_key(path, sidecar)
            trusted = signature if _is_settled(signature) else None
            if stored != (trusted, key):
                self._table.put(source, (trusted, key))
        self._keys[source] = key
        return key


def content_key(path: Path, sidecar: Path | None) -> str:
    """The digest of a raw file's bytes, its sidecar's and its name."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(b"\0" + (sidecar.read_bytes() if sidecar else b""))
    digest.update(b"\0" + path.name.encode())
    return digest.hexdigest()


def _signature(path: Path, sidecar: Path | None) -> Signature:
    return FileStat.of(path), FileStat.of(sidecar) if sidecar else None


def _is_settled(signature: Signature) -> bool:
    """Whether the files are old enough that a later change must show in their stat."""
    newest = max(max(stat.mtime_ns, stat.ctime_ns) for stat in signature if stat is not None)
    return newest < time.time_ns() - RACY_MARGIN_NS
