"""The parsing stages for a whole content folder: read, census, parse.

generator.build runs them in its list of stages, each over every file:

- :func:`read_sources`: the raw files listed, and the bytes of each read;
- :func:`take_census`: each file's census keys (its distinct lines), then
  the census: how often each line occurs in two files or more;
- :func:`parse_sources`: each file parsed with its own census slice, into
  the ParsedCorpus.

Each raw file is read from disk at most once per build. :class:`ParseSteps`
is how the steps compute, on every core; generator.cache wraps them with
steps that keep their results between builds, and that read a file only
when something about it must be computed again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from generator.cleaning import line_keys
from generator.directory import Directory, load_directory
from generator.errors import ContentError, Problem
from generator.model import Transcript
from generator.parallel import parallel_map
from generator.parsing.census import Census, Counted, census_of, packed_keys
from generator.parsing.document import parse_document
from generator.reading import TRANSCRIPT_SUFFIXES, RawFile, census_lines, document_of, read_raw

_T = TypeVar("_T")
_R = TypeVar("_R")

Done = Callable[[int], None]
"""Told how many items a step has done so far."""


@dataclass(frozen=True)
class ParsedCorpus:
    """Every transcript that parsed, oldest first, and the problems met on the way."""

    transcripts: tuple[Transcript, ...]
    problems: tuple[Problem, ...]
    directory: Directory


@dataclass(frozen=True)
class SourceFile:
    """A raw transcript file, and its path from the content folder (what pages and reports call it)."""

    path: Path
    source: str


RawSource = tuple[SourceFile, RawFile | None]
"""A file, and its bytes when they were read (None: not read yet)."""

ParseTask = tuple[SourceFile, RawFile | None, Mapping[str, int]]
"""A file to parse, its bytes if read, and its census slice."""


@dataclass(frozen=True)
class Sources:
    """The raw transcript files of a content folder, each with its bytes if read, and the people and outlets."""

    files: tuple[RawSource, ...]
    directory: Directory


@dataclass(frozen=True)
class TakenCensus:
    """Each decodable file's census slice, by source, and the files that could not be decoded."""

    census: Census
    problems: tuple[Problem, ...]


class ParseSteps(Protocol):
    """How the parsing stages compute; each step returns its results in the order of its input."""

    def read(self, files: Sequence[SourceFile]) -> list[RawFile | None]:
        """Each file's bytes, or None for a file the next steps may not need to read."""
        ...

    def census_keys(self, files: Sequence[RawSource], done: Done) -> list[bytes | Problem]:
        """Each file's census keys (``packed_keys``), or the Problem that kept it from being decoded."""
        ...

    def census(self, keys: Mapping[str, bytes], previous: Counted | None) -> Census:
        """Each file's census slice, from every decodable file's census keys, by source.

        ``previous``, an earlier census with what it was counted from, may
        save counting again (``census_of``); the result is the same.
        """
        ...

    def parse(self, tasks: Sequence[ParseTask], directory: Directory, done: Done) -> list[Transcript | Problem]:
        """Each file parsed with its census slice, or the Problem that kept it from being parsed."""
        ...


ParseMemo = Callable[[ParseSteps], ParseSteps]
"""Wraps the steps that compute with steps that first look for what they computed before."""


def read_sources(content_dir: Path, steps: ParseSteps) -> Sources:
    """The raw transcript files under ``content_dir`` and the people and outlets files.

    Raises ContentError when the people or outlets file cannot be read.
    """
    directory = load_directory(content_dir)
    files = [SourceFile(path, path.relative_to(content_dir).as_posix()) for path in transcript_paths(content_dir)]
    return Sources(tuple(zip(files, steps.read(files), strict=True)), directory)


def take_census(sources: Sources, steps: ParseSteps, done: Done | None = None) -> TakenCensus:
    """How often each line of each file occurs in the other files; a file that cannot be decoded is a problem."""
    keys: dict[str, bytes] = {}
    problems: list[Problem] = []
    for (file, _raw), found in zip(sources.files, steps.census_keys(sources.files, done or _nothing), strict=True):
        if isinstance(found, Problem):
            problems.append(found)
        else:
            keys[file.source] = found
    return TakenCensus(steps.census(keys, None), tuple(problems))


def parse_sources(
    sources: Sources, census: TakenCensus, steps: ParseSteps, done: Done | None = None
) -> ParsedCorpus:
    """Every file parsed with its census slice; a bad file is a problem, not a stop.

    Two files of the same text, or that would be published at one page,
    keep the first in path order; the other is a problem.
    """
    tasks = [(file, raw, census.census[file.source]) for file, raw in sources.files if file.source in census.census]
    transcripts: list[Transcript] = []
    problems = list(census.problems)
    for outcome in steps.parse(tasks, sources.directory, done or _nothing):
        if isinstance(outcome, Transcript):
            transcripts.append(outcome)
        else:
            problems.append(outcome)
    kept, clashes = _without_clashes(transcripts)
    problems += clashes
    kept.sort(key=lambda t: (t.date.isoformat() if t.date else "9999", t.slug))
    return ParsedCorpus(
        tuple(kept), tuple(sorted(problems, key=lambda p: (p.path, p.line or 0, p.code))), sources.directory
    )


@dataclass(frozen=True)
class ComputedSteps:
    """The parse steps computed: files read here, then decoded and parsed on up to ``workers`` processes."""

    workers: int | None = None

    def read(self, files: Sequence[SourceFile]) -> list[RawFile | None]:
        # Read here, in one process: the workers forked next inherit the bytes, and no file is read twice.
        return [read_raw(file.path, file.source) for file in files]

    def census_keys(self, files: Sequence[RawSource], done: Done) -> list[bytes | Problem]:
        return list(parallel_map(_census_keys, files, self.workers, done))

    def census(self, keys: Mapping[str, bytes], previous: Counted | None = None) -> Census:
        return census_of(keys, previous)

    def parse(self, tasks: Sequence[ParseTask], directory: Directory, done: Done) -> list[Transcript | Problem]:
        return list(parallel_map(lambda task: _parse_one(task, directory), tasks, self.workers, done))


def transcript_paths(content_dir: Path) -> list[Path]:
    """Raw transcript files under ``content_dir/transcripts``, in a stable order."""
    found: list[str] = []
    # os.scandir, not Path.rglob or os.walk plus a stat per file: a rebuild
    # lists the folder each time, and the directory entries already say
    # which are files.
    folders = [str(content_dir / "transcripts")]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_dir():
                folders.append(entry.path)
            elif (os.path.splitext(entry.name)[1].lower() in TRANSCRIPT_SUFFIXES
                  and not entry.name.startswith(".") and entry.is_file()):
                found.append(entry.path)
    return sorted(Path(path) for path in found)


def _census_keys(item: RawSource) -> bytes | Problem:
    file, raw = item
    try:
        return packed_keys(line_keys(census_lines(raw or read_raw(file.path, file.source))))
    except ContentError as error:
        return error.problem


def _parse_one(task: ParseTask, directory: Directory) -> Transcript | Problem:
    file, raw, census = task
    try:
        return parse_document(document_of(raw or read_raw(file.path, file.source)), directory, census)
    except ContentError as error:
        return error.problem


def _nothing(_done: int) -> None:
    pass


def _without_clashes(transcripts: list[Transcript]) -> tuple[list[Transcript], list[Problem]]:
    """Drop exact duplicates (the same text) and slug clashes (the file first in path order wins)."""
    kept: list[Transcript] = []
    problems: list[Problem] = []
    # Texts are compared only between transcripts of one size: most have a size of their own.
    by_size: dict[tuple[int, int], list[Transcript]] = {}
    by_slug: dict[str, Transcript] = {}
    for transcript in sorted(transcripts, key=lambda t: t.source):
        same_size = by_size.setdefault(_size(transcript), [])
        twin = next((other for other in same_size if _text(other) == _text(transcript)), None)
        if twin is not None:
            problems.append(Problem(transcript.source, None, "duplicate-transcript",
                                    f"same transcript text as {twin.source}; not published",
                                    "remove one of the two files"))
            continue
        if transcript.slug in by_slug:
            problems.append(Problem(transcript.source, None, "duplicate-slug",
                                    f"maps to the same page ({transcript.slug}) as {by_slug[transcript.slug].source}; "
                                    "not published", "give one of them a distinct 'slug' in its metadata"))
            continue
        same_size.append(transcript)
        by_slug[transcript.slug] = transcript
        kept.append(transcript)
    return kept, problems


def _size(transcript: Transcript) -> tuple[int, int]:
    """How many paragraphs the transcript's turns hold, and how many characters."""
    paragraphs = [paragraph for turn in transcript.turns for paragraph in turn.paragraphs]
    return len(paragraphs), sum(map(len, paragraphs))


def _text(transcript: Transcript) -> list[str]:
    return [paragraph for turn in transcript.turns for paragraph in turn.paragraphs]
