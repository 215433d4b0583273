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

from generator.reading import RawFile, read_raw
from generator.reading.sidecar import sidecar_for

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

    def read(self, path: Path, source: str) -> RawFile | None:
        """The file's bytes when it changed since its key was kept (its key then made from them), else None."""
        if source in self._keys:
            return None
        sidecar = sidecar_for(path)
        signature = _signature(path, sidecar)  # before reading: a change after it shows next time
        stored = self._table.get(source)
        if stored is not None and stored[0] is not None and stored[0] == signature:
            self._keys[source] = stored[1]
            return None
        raw = read_raw(path, source)
        key = content_key(raw)
        trusted = signature if _is_settled(signature) else None
        if stored != (trusted, key):
            self._table.put(source, (trusted, key))
        self._keys[source] = key
        return raw

    def key(self, source: str) -> str:
        """The content key of a file :meth:`read` was asked for."""
        return self._keys[source]


def content_key(raw: RawFile) -> str:
    """The digest of a raw file's bytes, its sidecar's and its name."""
    digest = hashlib.sha256(raw.data)
    digest.update(b"\0" + (raw.sidecar or b""))
    digest.update(b"\0" + raw.name.encode())
    return digest.hexdigest()


def _signature(path: Path, sidecar: Path | None) -> Signature:
    return FileStat.of(path), FileStat.of(sidecar) if sidecar else None


def _is_settled(signature: Signature) -> bool:
    """Whether the files are old enough that a later change must show in their stat."""
    newest = max(max(stat.mtime_ns, stat.ctime_ns) for stat in signature if stat is not None)
    return newest < time.time_ns() - RACY_MARGIN_NS
