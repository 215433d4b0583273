"""Stages 1-3 for a whole content folder: every raw transcript file to a ParsedCorpus.

Three steps, each over every file: each file's census keys (its distinct
lines), the census (how often each line occurs in two files or more), then
each file parsed with its own census slice. :class:`ParseSteps` is how they
run; :func:`parse_corpus` runs them on every core unless it is handed steps
that keep their results between builds (generator.cache).
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
from generator.reading import TRANSCRIPT_SUFFIXES, decoded_lines, read_document

_T = TypeVar("_T")
_R = TypeVar("_R")

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


ParseTask = tuple[SourceFile, Mapping[str, int]]
"""A file to parse and its census slice."""


class ParseSteps(Protocol):
    """The steps of :func:`parse_corpus`; each returns its results in the order of its input."""

    def census_keys(self, files: Sequence[SourceFile]) -> list[bytes | Problem]:
        """Each file's census keys (``packed_keys``), or the Problem that kept it from being decoded."""
        ...

    def census(self, keys: Mapping[str, bytes], previous: Counted | None) -> Census:
        """Each file's census slice, from every decodable file's census keys, by source.

        ``previous``, an earlier census with what it was counted from, may
        save counting again (``census_of``); the result is the same.
        """
        ...

    def parse(self, tasks: Sequence[ParseTask]) -> list[Transcript | Problem]:
        """Each file parsed with its census slice, or the Problem that kept it from being parsed."""
        ...


ParseMemo = Callable[[ParseSteps], ParseSteps]
"""Wraps the steps that compute with steps that first look for what they computed before."""


def parse_corpus(
    content_dir: Path,
    *,
    workers: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    memo: ParseMemo | None = None,
) -> ParsedCorpus:
    """Parse every transcript under ``content_dir``; a bad file is a problem, not a stop.

    Files are read and parsed on ``workers`` processes (default: every
    core). ``memo``, given the steps that compute, gives the steps to run
    instead (generator.cache keeps results between builds). The result depends on neither. ``on_progress`` is told
    ``(done, total)`` as files are read and then parsed (each counts twice).
    """
    directory = load_directory(content_dir)
    files = [SourceFile(path, path.relative_to(content_dir).as_posix()) for path in transcript_paths(content_dir)]
    total = 2 * len(files)
    tally = _Tally(total, on_progress or (lambda done, total: None))
    computed = ComputedSteps(directory, workers, tally.advance)
    steps = memo(computed) if memo is not None else computed
    problems: list[Problem] = []

    keys: dict[str, bytes] = {}
    for file, found in zip(files, steps.census_keys(files), strict=True):
        if isinstance(found, Problem):
            problems.append(found)
        else:
            keys[file.source] = found
    tally.reach(len(files))
    census = steps.census(keys, None)

    transcripts: list[Transcript] = []
    tasks = [(file, census[file.source]) for file in files if file.source in census]
    for outcome in steps.parse(tasks):
        if isinstance(outcome, Transcript):
            transcripts.append(outcome)
        else:
            problems.append(outcome)
    tally.reach(total)
    kept, clashes = _without_clashes(transcripts)
    problems += clashes
    kept.sort(key=lambda t: (t.date.isoformat() if t.date else "9999", t.slug))
    return ParsedCorpus(tuple(kept), tuple(sorted(problems, key=lambda p: (p.path, p.line or 0, p.code))), directory)


@dataclass(frozen=True)
class ComputedSteps:
    """The steps of :func:`parse_corpus` computed, on up to ``workers`` processes; ``done`` is told of each file."""

    directory: Directory
    workers: int | None
    done: Callable[[], None]

    def census_keys(self, files: Sequence[SourceFile]) -> list[bytes | Problem]:
        return self._map(_census_keys, files)

    def census(self, keys: Mapping[str, bytes], previous: Counted | None = None) -> Census:
        return census_of(keys, previous)

    def parse(self, tasks: Sequence[ParseTask]) -> list[Transcript | Problem]:
        directory = self.directory
        return self._map(lambda task: _parse_one(task, directory), tasks)

    def _map(self, function: Callable[[_T], _R], items: Sequence[_T]) -> list[_R]:
        return list(parallel_map(function, items, self.workers, on_done=lambda _count: self.done()))


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


def _census_keys(file: SourceFile) -> bytes | Problem:
    try:
        return packed_keys(line_keys(decoded_lines(file.path, file.source)))
    except ContentError as error:
        return error.problem


def _parse_one(task: ParseTask, directory: Directory) -> Transcript | Problem:
    file, census = task
    try:
        return parse_document(read_document(file.path, file.source), directory, census)
    except ContentError as error:
        return error.problem


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


class _Tally:
    """Counts files done across the steps; a step that found its results kept jumps ahead."""

    def __init__(self, total: int, report: Callable[[int, int], None]) -> None:
        self._done, self._total, self._report = 0, total, report
        report(0, total)

    def advance(self) -> None:
        self._done += 1
        self._report(self._done, self._total)

    def reach(self, done: int) -> None:
        if done > self._done:
            self._done = done
            self._report(done, self._total)
