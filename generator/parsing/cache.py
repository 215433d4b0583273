"""A cache of parsed transcripts, so a rebuild parses only what changed.

What a parse of one file depends on: the bytes of the raw file and its
sidecar, the people and outlets files, the parser's own code, and how often
the file's lines occur elsewhere in the corpus (the "repeated across the
corpus" rule reads that). The parser's code and the directory files form the
cache's context: change either and no entry is used. Within a context, a
file's entry keeps the key of its bytes and the census slice its parse read,
and is used only while both are unchanged; nothing is invalidated by hand.

The entries of one content folder live in a few pack files in a folder of
the build's own (``.pressroom/cache`` by default, never published), so that
a warm rebuild opens a handful of files rather than two per transcript. To
avoid reading and hashing every file on every build, an entry also keeps
the file's stat fields (size, modification and change times, inode; the
sidecar's too), and the content is hashed only when they differ. A file
changed twice within one tick of a coarse file-system clock keeps its size
and times, so stat fields are trusted only once the file is older than
:data:`RACY_MARGIN_NS` when they are taken (git's "racily clean" rule);
until then it is hashed on every build.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import generator
from generator.errors import Problem
from generator.model import Transcript
from generator.reading.metadata import sidecar_for

# The packages whose code decides what a parse produces.
_PARSER_PACKAGES = ("reading", "cleaning", "labels", "parsing", "directory")
_PARSER_MODULES = ("model.py", "errors.py")
# Longer than the coarsest timestamp tick in use (FAT keeps 2 s; ext3, HFS+ 1 s).
RACY_MARGIN_NS = 3_000_000_000
_PACK_VERSION = 2
# Pack files per content folder.
SHARDS = 16


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the parser's source: a new parser version never reads old entries."""
    root = Path(generator.__file__).parent
    files = sorted(
        [path for package in _PARSER_PACKAGES for path in (root / package).rglob("*.py")]
        + [root / name for name in _PARSER_MODULES]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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


# A raw file's stat and its sidecar's (None when it has none).
Signature = tuple[FileStat, FileStat | None]


@dataclass
class CachedFile:
    """What the cache keeps of one raw file.

    ``signature`` is None while the file is too recent for its stat to be
    trusted. ``lines`` holds the file's census keys, or the Problem that
    kept it from being decoded. ``census`` is the census slice its parse
    read and ``outcome`` what the parse gave, None until it is parsed.
    """

    key: str
    signature: Signature | None
    lines: bytes | Problem  # the census keys in UTF-8, one a line: unpickled as one object, not hundreds
    census: dict[str, int] | None = None
    outcome: Transcript | Problem | None = None

    def census_keys(self) -> frozenset[str] | Problem:
        """The census keys of the file's lines (see :func:`generator.cleaning.line_keys`)."""
        if isinstance(self.lines, Problem):
            return self.lines
        return frozenset(self.lines.decode().split("\n")) if self.lines else frozenset()


def packed_keys(keys: frozenset[str]) -> bytes:
    """Census keys as :attr:`CachedFile.lines` holds them (a key is one line, so holds no line break)."""
    return "\n".join(sorted(keys)).encode()


class ParseCache:
    """The census and parse outcomes of the files of one content folder, on disk.

    Entries are spread over :data:`SHARDS` pack files by source path, so that
    a change to one file rewrites a sixteenth of the cache, not all of it.
    Each pack is written with a new id; after a save, a seal lists the ids
    of all packs. The census slices kept in the entries are used as they are
    only when the packs on disk are the ones the seal lists: a build stopped
    between two pack writes, or two builds saving at once, leave packs from
    different corpora, whose slices must be counted again.
    """

    def __init__(self, folder: Path, content_dir: Path, directory_files: Iterable[Path]) -> None:
        digest = hashlib.sha256(f"{_PACK_VERSION}\0{code_fingerprint()}".encode())
        for path in directory_files:
            digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
        self._context = digest.hexdigest()
        name = hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:24]
        self._packs = [folder / "packs" / name / f"{shard:02d}.pickle" for shard in range(SHARDS)]
        self._seal_path = folder / "packs" / name / "seal.pickle"
        self._stored: dict[str, CachedFile] = {}
        self._pack_ids: list[str | None] = []  # the id each pack was written with, None if missing
        for pack in self._packs:
            entries, pack_id = _load(pack, self._context)
            self._stored.update(entries)
            self._pack_ids.append(pack_id)
        self._sealed_ids = _load(self._seal_path, self._context)[0].get("pack_ids")
        self._current: dict[str, CachedFile] = {}  # entries of this run, by source
        self._checked: dict[str, tuple[str, Signature | None]] = {}  # key and trusted stat of changed files
        self._dirty: set[int] = set()  # shards to write

    def lookup(self, path: Path, source: str) -> CachedFile | None:
        """The entry of an unchanged file, else None (the file is then noted for :meth:`record_lines`)."""
        sidecar = sidecar_for(path)
        signature = _signature(path, sidecar)  # before reading: a change after it shows next time
        stored = self._stored.get(source)
        if stored is not None and stored.signature is not None and stored.signature == signature:
            self._current[source] = stored
            return stored
        key = _content_key(path, sidecar)
        trusted = signature if _is_settled(signature) else None
        if stored is not None and stored.key == key:
            if stored.signature != trusted:
                stored.signature = trusted
                self._dirty.add(_shard(source))
            self._current[source] = stored
            return stored
        self._checked[source] = (key, trusted)
        return None

    @property
    def unchanged(self) -> bool:
        """Every file looked up was found unchanged, and none is missing: the
        census is as it was, and so is each file's census slice."""
        return (
            not self._checked
            and self._current.keys() == self._stored.keys()
            and self._sealed_ids == self._pack_ids
            and all(entry.census is not None or isinstance(entry.lines, Problem) for entry in self._current.values())
        )

    def stored_censuses(self) -> tuple[dict[str, dict[str, int]], list[Problem]]:
        """When :attr:`unchanged`: each file's census slice, and the files that could not be decoded."""
        censuses: dict[str, dict[str, int]] = {}
        problems: list[Problem] = []
        for source, entry in self._current.items():
            if entry.census is not None:
                censuses[source] = entry.census
            elif isinstance(entry.lines, Problem):
                problems.append(entry.lines)
        return censuses, problems

    def record_lines(self, source: str, lines: frozenset[str] | Problem) -> None:
        """The census outcome of a file :meth:`lookup` found changed."""
        key, signature = self._checked.pop(source)
        self._current[source] = CachedFile(key, signature, lines if isinstance(lines, Problem) else packed_keys(lines))
        self._dirty.add(_shard(source))

    @staticmethod
    def parsed(entry: CachedFile | None, census: Mapping[str, int]) -> Transcript | Problem | None:
        """The outcome of the entry's parse, if it read this census slice."""
        if entry is None or entry.census is None or entry.census != census:
            return None
        return entry.outcome

    def record_parse(self, source: str, census: dict[str, int], outcome: Transcript | Problem) -> None:
        """The outcome of parsing a file with a census slice."""
        entry = self._current[source]
        entry.census, entry.outcome = census, outcome
        self._dirty.add(_shard(source))

    def save(self) -> None:
        """Write the shards whose entries changed; files no longer in the corpus are dropped."""
        shards: list[dict[str, CachedFile]] = [{} for _ in self._packs]
        for source, entry in self._current.items():
            shards[_shard(source)][source] = entry
        self._dirty.update(_shard(source) for source in self._stored.keys() - self._current.keys())
        for shard in sorted(self._dirty):
            self._pack_ids[shard] = uuid.uuid4().hex
            _dump(self._packs[shard], self._context, shards[shard], self._pack_ids[shard])
        self._dirty.clear()
        if self._sealed_ids != self._pack_ids:  # last: the seal vouches for packs already written
            _dump(self._seal_path, self._context, {"pack_ids": list(self._pack_ids)}, None)
            self._sealed_ids = list(self._pack_ids)


def _shard(source: str) -> int:
    return zlib.crc32(source.encode()) % SHARDS


def _load(path: Path, context: str) -> tuple[dict[str, Any], str | None]:
    """The entries of a pack written in this context, and its id; ({}, None) if there are none."""
    try:
        with path.open("rb") as handle, _without_gc():
            pack = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}, None  # missing, damaged or from an older model: parse again
    if not isinstance(pack, dict) or pack.get("context") != context:
        return {}, None
    return pack["entries"], pack["id"]


def _dump(path: Path, context: str, entries: Mapping[str, Any], pack_id: str | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename, so a build stopped half-way never leaves half a pack.
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
        pickle.dump({"context": context, "id": pack_id, "entries": dict(entries)}, handle,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)


def _signature(path: Path, sidecar: Path | None) -> Signature:
    return FileStat.of(path), FileStat.of(sidecar) if sidecar else None


def _is_settled(signature: Signature) -> bool:
    """Whether the files are old enough that a later change must show in their stat."""
    newest = max(max(stat.mtime_ns, stat.ctime_ns) for stat in signature if stat is not None)
    return newest < time.time_ns() - RACY_MARGIN_NS


def _content_key(path: Path, sidecar: Path | None) -> str:
    """The digest of a raw file's bytes, its sidecar's and its name."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(b"\0" + (sidecar.read_bytes() if sidecar else b""))
    digest.update(b"\0" + path.name.encode())
    return digest.hexdigest()


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the garbage collector while a pack is unpickled, then file what it made as old.

    The packs of a 1,000-transcript corpus make ~300,000 objects, none of
    them garbage. With the collector running, its young-generation passes
    would visit each of them several times as they are made; paused, the
    first pass after it resumes would still visit them all (~0.1 s). So
    every live object is moved to the oldest generation (freeze, then
    unfreeze), which a collection visits only when it has grown by a
    quarter. Skipped if something else in the process has frozen objects.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
