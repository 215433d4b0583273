"""The parse steps' results kept between builds, so a rebuild parses only what changed.

What a parse of one file depends on: the bytes of the raw file and its
sidecar, the people and outlets files, the parser's own code, and how often
the file's lines occur elsewhere in the corpus (its census slice). So:

- each file's census keys are kept by the file's content key
  (generator.cache.files), within a context of the parser's code;
- the last census is kept with what it was counted from: the next one
  updates it (generator.parsing.census);
- each parse's outcome is kept by its parse key, a digest of all it read,
  within a context of the parser's code and the directory files.

A transcript's parse key also stands for it in the later stages' caches:
equal keys, equal transcripts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.directory import DIRECTORY_FILES, Directory
from generator.errors import Problem
from generator.fingerprint import source_fingerprint
from generator.model import Transcript
from generator.parsing import ParseSteps, ParseTask, RawSource, SourceFile
from generator.parsing.corpus import Done
from generator.reading import RawFile
from generator.parsing.census import Census, Counted

from .files import FileKeys, Known
from .packs import PackMemory
from .table import Table, memoised

_VERSION = 3
# The packages whose code decides what a parse produces.
_PARSER_PACKAGES = ("reading", "cleaning", "labels", "parsing", "directory")
_PARSER_MODULES = ("model.py", "errors.py")


class ParseCache:
    """The census keys, census and parse outcomes of the files of one content folder, in ``folder``."""

    def __init__(self, folder: Path, content_dir: Path, memory: PackMemory) -> None:
        code = hashlib.sha256(f"{_VERSION}\0{source_fingerprint(_PARSER_PACKAGES, _PARSER_MODULES)}".encode())
        code_only = code.hexdigest()
        for name in DIRECTORY_FILES:
            path = content_dir / name
            code.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
        self._context = code.hexdigest()  # what every parse reads: the parser's code and the directory files
        self._file_table: Table[Known] = Table(folder / "files", str(_VERSION), memory)
        self._files = FileKeys(self._file_table)
        self._lines: Table[bytes | Problem] = Table(folder / "lines", code_only, memory)
        self._census: Table[Counted] = Table(folder / "census", code_only, memory, shards=1)
        self._parsed: Table[Transcript | Problem] = Table(folder / "parsed", self._context, memory)
        self._keys: dict[int, str] = {}  # the parse key of each transcript this build parsed, by id
        self._parsed_now: list[Transcript | Problem] = []  # holds them, so that no id is reused

    def wrap(self, steps: ParseSteps) -> ParseSteps:
        """Steps that take what is kept, and compute with ``steps`` only what is not (a ``ParseMemo``)."""
        return _KeptSteps(self, steps)

    def key_of(self, transcript: Transcript) -> str | None:
        """The parse key of a transcript this build parsed or took from the cache; None for any other."""
        return self._keys.get(id(transcript))

    def save(self) -> None:
        """Write what changed; entries this build did not use are dropped."""
        for table in (self._file_table, self._lines, self._census, self._parsed):
            table.save()

    def close(self) -> None:
        """Let go of the entries read (the transcripts' parse keys stay)."""
        for table in (self._file_table, self._lines, self._census, self._parsed):
            table.close()

    def read(self, files: Sequence[SourceFile]) -> list[RawFile | None]:
        """The bytes of each file that changed since its content key was kept; None for the others."""
        return [self._files.read(file.path, file.source) for file in files]

    def census_keys(self, files: Sequence[RawSource], steps: ParseSteps, done: Done) -> list[bytes | Problem]:
        """Each file's census keys: kept by the file's content key."""
        keys = [self._files.key(file.source) for file, _raw in files]
        return memoised(self._lines, files, keys, lambda missing: steps.census_keys(missing, done))

    def census(self, keys: Mapping[str, bytes], steps: ParseSteps) -> Census:
        """The census, updated from the last one."""
        last = self._census.get("last")
        census = steps.census(keys, last)
        if last is None or census is not last[1]:
            self._census.put("last", (dict(keys), census))
        return census

    def parse(
        self, tasks: Sequence[ParseTask], directory: Directory, steps: ParseSteps, done: Done
    ) -> list[Transcript | Problem]:
        """Each file's outcome: kept by its parse key."""
        keys = [parse_key(self._context, file.source, self._files.key(file.source), census) for file, _raw, census in tasks]
        outcomes = memoised(self._parsed, tasks, keys, lambda missing: steps.parse(missing, directory, done))
        self._keys.update((id(outcome), key) for outcome, key in zip(outcomes, keys, strict=True))
        self._parsed_now.extend(outcomes)
        return outcomes


class _KeptSteps:
    """:class:`generator.parsing.ParseSteps` that look in the cache first."""

    def __init__(self, cache: ParseCache, steps: ParseSteps) -> None:
        self._cache, self._steps = cache, steps

    def read(self, files: Sequence[SourceFile]) -> list[RawFile | None]:
        return self._cache.read(files)

    def census_keys(self, files: Sequence[RawSource], done: Done) -> list[bytes | Problem]:
        return self._cache.census_keys(files, self._steps, done)

    def census(self, keys: Mapping[str, bytes], previous: Counted | None = None) -> Census:
        return self._cache.census(keys, self._steps)

    def parse(self, tasks: Sequence[ParseTask], directory: Directory, done: Done) -> list[Transcript | Problem]:
        return self._cache.parse(tasks, directory, self._steps, done)


def parse_key(context: str, source: str, content_key: str, census: Mapping[str, int]) -> str:
    """The digest of everything one file's parse read: equal keys, equal outcomes."""
    digest = hashlib.sha256(f"{context}\0{source}\0{content_key}".encode())
    for line, count in sorted(census.items()):
        digest.update(f"\0{line}\0{count}".encode())
    return digest.hexdigest()
