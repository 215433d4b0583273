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

import hashlib
import time
import uuid
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.errors import Problem
from generator.model import Transcript
from generator.parsing.census import packed_keys
from generator.fingerprint import source_fingerprint
from generator.parsing.packs import dump_known, load_known
from generator.reading.metadata import sidecar_for

# The packages whose code decides what a parse produces.
_PARSER_PACKAGES = ("reading", "cleaning", "labels", "parsing", "directory")
_PARSER_MODULES = ("model.py", "errors.py")
# Longer than the coarsest timestamp tick in use (FAT keeps 2 s; ext3, HFS+ 1 s).
RACY_MARGIN_NS = 3_000_000_000
_PACK_VERSION = 2
# Pack files per content folder.
SHARDS = 16


def code_fingerprint() -> str:
    """A digest of the parser's source: a new parser version never reads old entries."""
    return source_fingerprint(_PARSER_PACKAGES, _PARSER_MODULES)


def parse_context(directory_files: Iterable[Path]) -> str:
    """The digest of what every parse reads: the parser's code and the people and outlets files."""
    digest = hashlib.sha256(f"{_PACK_VERSION}\0{code_fingerprint()}".encode())
    for path in directory_files:
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


def parse_digest(context: str, source: str, key: str, census: Mapping[str, int]) -> str:
    """The digest of everything one file's parse read: equal digests, equal Transcripts.

    ``key`` is the file's :func:`content_key`, ``census`` the census slice its parse read.
    """
    digest = hashlib.sha256(f"{context}\0{source}\0{key}".encode())
    for line, count in sorted(census.items()):
        digest.update(f"\0{line}\0{count}".encode())
    return digest.hexdigest()


def text_key(transcript: Transcript) -> str:
    """A digest of a transcript's text, its turns' paragraphs in order: equal for two files holding one text."""
    text = "\n".join(paragraph for turn in transcript.turns for paragraph in turn.paragraphs)
    return hashlib.blake2b(text.encode(), digest_size=32).hexdigest()


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
    # Kept with the outcome so that a rebuild does not work them out again for every file:
    digest: str | None = None  # the outcome's parse_digest
    text_key: str | None = None  # the outcome's text_key, when it is a Transcript


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
        self._context = parse_context(directory_files)
        name = hashlib.sha256(str(content_dir.resolve()).encode()).hexdigest()[:24]
        self._packs = [folder / "packs" / name / f"{shard:02d}.pickle" for shard in range(SHARDS)]
        self._seal_path = folder / "packs" / name / "seal.pickle"
        self._stored: dict[str, CachedFile] = {}
        self._pack_ids: list[str | None] = []  # the id each pack was written with, None if missing
        for pack in self._packs:
            # Entries change only on their way to a new pack, so the ones a pack held may be shared.
            entries, pack_id = load_known(pack, self._context, _as_read)
            self._stored.update(entries)
            self._pack_ids.append(pack_id)
        self._sealed_ids = load_known(self._seal_path, self._context, _seal_as_read)[0].get("pack_ids")
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
    def context(self) -> str:
        """The digest of the parser's code and the directory files (see :func:`parse_context`)."""
        return self._context

    def content_key(self, source: str) -> str:
        """The digest of the bytes of a file looked up (see :func:`content_key`)."""
        entry = self._current.get(source)
        return entry.key if entry is not None else self._checked[source][0]

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

    def previous_census(self) -> dict[str, tuple[bytes, dict[str, int]]] | None:
        """Each decodable file of the last build with its packed census keys and its census
        slice, when the packs on disk are that build's and every such file has its slice; else None."""
        if self._sealed_ids != self._pack_ids:
            return None
        previous = {}
        for source, entry in self._stored.items():
            if isinstance(entry.lines, Problem):
                continue
            if entry.census is None:
                return None
            previous[source] = (entry.lines, entry.census)
        return previous

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
        entry.digest = parse_digest(self._context, source, entry.key, census)
        entry.text_key = text_key(outcome) if isinstance(outcome, Transcript) else None
        self._dirty.add(_shard(source))

    def digest(self, source: str, census: Mapping[str, int]) -> str:
        """The parse digest of a file looked up, parsed with ``census`` (see :func:`parse_digest`)."""
        entry = self._current.get(source)
        if entry is not None and entry.digest is not None and entry.census == census:
            return entry.digest
        return parse_digest(self._context, source, self.content_key(source), census)

    def text_key(self, source: str, transcript: Transcript) -> str:
        """The :func:`text_key` of the transcript a file looked up parsed into."""
        entry = self._current.get(source)
        if entry is not None and entry.outcome is transcript and entry.text_key is not None:
            return entry.text_key
        return text_key(transcript)

    def save(self) -> None:
        """Write the shards whose entries changed; files no longer in the corpus are dropped."""
        shards: list[dict[str, CachedFile]] = [{} for _ in self._packs]
        for source, entry in self._current.items():
            shards[_shard(source)][source] = entry
        self._dirty.update(_shard(source) for source in self._stored.keys() - self._current.keys())
        for shard in sorted(self._dirty):
            self._pack_ids[shard] = uuid.uuid4().hex
            dump_known(self._packs[shard], self._context, shards[shard], (shards[shard], self._pack_ids[shard]),
                       self._pack_ids[shard])
        self._dirty.clear()
        if self._sealed_ids != self._pack_ids:  # last: the seal vouches for packs already written
            seal = {"pack_ids": list(self._pack_ids)}
            dump_known(self._seal_path, self._context, seal, (seal, None))
            self._sealed_ids = list(self._pack_ids)


def _as_read(entries: dict[str, CachedFile], pack_id: str | None) -> tuple[dict[str, CachedFile], str | None]:
    return entries, pack_id


def _seal_as_read(
    seal: dict[str, list[str | None]], pack_id: str | None
) -> tuple[dict[str, list[str | None]], str | None]:
    return seal, pack_id


def _shard(source: str) -> int:
    return zlib.crc32(source.encode()) % SHARDS


def _signature(path: Path, sidecar: Path | None) -> Signature:
    return FileStat.of(path), FileStat.of(sidecar) if sidecar else None


def _is_settled(signature: Signature) -> bool:
    """Whether the files are old enough that a later change must show in their stat."""
    newest = max(max(stat.mtime_ns, stat.ctime_ns) for stat in signature if stat is not None)
    return newest < time.time_ns() - RACY_MARGIN_NS


def content_key(path: Path) -> str:
    """The digest of a raw file's bytes, its sidecar's and its name."""
    return _content_key(path, sidecar_for(path))


def _content_key(path: Path, sidecar: Path | None) -> str:
    """The digest of a raw file's bytes, its sidecar's and its name."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(b"\0" + (sidecar.read_bytes() if sidecar else b""))
    digest.update(b"\0" + path.name.encode())
    return digest.hexdigest()
