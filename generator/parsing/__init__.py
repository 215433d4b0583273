"""Stages 1-3 for one file or a whole content folder: raw files to Transcripts.

Public functions: :func:`parse_document` (one decoded document),
:func:`parse_file` (one file, for ``pressroom parse``) and
:func:`parse_corpus` (every transcript under a content folder).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from pathlib import Path
from typing import Any

from generator.cleaning import clean, line_keys
from generator.directory import Directory, RoleEntry, load_directory, slugify
from generator.errors import ContentError, Problem
from generator.model import Finding, Person, Transcript
from generator.parsing.describe import slug_for, title_from
from generator.parsing.header import event_facts, EventFacts
from generator.parsing.introductions import introduction
from generator.parsing.roles import TitleEvidence, assign_roles
from generator.parsing.questions import number_questions
from generator.parsing.speakers import SpeakerResolver
from generator.parsing.turns import (
    Segment,
    build_turns,
    narration_apart,
    principal_people,
    promote_named_in_title,
    segment,
)
from generator.parsing.cache import CachedFile, ParseCache, content_key, parse_context, parse_digest, text_key
from generator.parsing.census import Census, full_census, unpacked_keys, updated_census
from generator.parsing.workers import chunk_size, pool
from generator.reading import TRANSCRIPT_SUFFIXES, RawDocument, decoded_lines, read_document

__all__ = ["ParsedCorpus", "parse_corpus", "parse_document", "parse_file", "transcript_paths"]



@dataclass(frozen=True)
class ParsedCorpus:
    """Every transcript that parsed, oldest first, and the problems met on the way.

    ``digests`` maps each transcript's slug to a digest of everything its
    parse read (file, sidecar, census slice, parser code, people and outlets
    files): later stages may reuse what they derived from a transcript
    while its digest is unchanged.
    """

    transcripts: tuple[Transcript, ...]
    problems: tuple[Problem, ...]
    directory: Directory
    digests: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), compare=False)


def parse_document(
    document: RawDocument, directory: Directory, corpus_counts: Mapping[str, int] | None = None
) -> Transcript:
    """Parse one decoded document. Raises ContentError if it holds no transcript.

    The Transcript's findings start with the document's own (what reading its
    metadata warned of), then what parsing could not understand.
    """
    cleaned = clean(document, corpus_counts)
    if not cleaned.paragraphs:
        rules = sorted({r.rule for r in cleaned.removed})
        raise ContentError(Problem(document.source, None, "only-chrome",
                                   f"the file holds only website chrome ({len(cleaned.removed)} lines removed by "
                                   f"{', '.join(rules) or 'no rule'}), no transcript text",
                                   "check that the scrape caught the transcript itself"))
    metadata = document.metadata
    event = event_facts(metadata, {**dict(document.facts), **dict(cleaned.facts)})
    resolver = SpeakerResolver(directory, event.date)
    given = [resolver.person_named(name)[0] for name in metadata.speakers]
    if not given and event.title:
        given = _people_in_title(event.title, directory, resolver)
    # Everyone the title and by-line name is met before the first label: "MS. PSAKI" is then Jen Psaki.
    named = [(resolver.meet(person.name, person.role), person.asks) for person in event.named]
    if not given:
        given = [person for person, asks in named if not asks]
    segments = promote_named_in_title(segment(cleaned.paragraphs, resolver), event.title)
    introduce = lru_cache(maxsize=None)(lambda text: _introduced(text, directory))  # read once, asked twice
    # Askers who introduced themselves under "Question:" ask again under their own name.
    introduced = {slugify(found[0]) for seg in segments if seg.label is not None and seg.label.question
                  and seg.paragraphs and (found := introduce(seg.paragraphs[0])) and found[0]}
    evidence = TitleEvidence(frozenset(p.id for p in given),
                             frozenset(p.id for p, asks in named if asks) | frozenset(introduced))
    roles = assign_roles(segments, evidence)
    principals = principal_people(roles.segments, given, frozenset(s.speaker.id for s in roles.unplaced if s.speaker.id))
    segments = narration_apart(roles.segments, principals)
    turns, findings = build_turns(segments, principals, lambda text: _outlet_called(text, directory), introduce)
    follow_ups = frozenset(
        turn.id for turn, seg in zip(turns, segments) if seg.label is not None and seg.label.follow_up
    )
    questions = number_questions(turns, follow_ups, lambda outlet: _outlet_slug(outlet, directory))
    notes = [*document.findings, *findings, *_unplaced(roles.unplaced), *_missing_facts(event, metadata.dropped)]
    title = event.title or title_from(event.event_type, principals, event.date)
    return Transcript(
        source=document.source,
        slug=metadata.slug or slug_for(title, event.date, principals),
        title=title,
        event_type=event.event_type,
        date=event.date,
        location=event.location,
        source_url=event.source_url,
        language=event.language,
        principal_speakers=principals,
        turns=turns,
        questions=questions,
        removed=cleaned.removed,
        findings=tuple(notes),
        facts=cleaned.facts,
        mended_lines=cleaned.mended_lines,
        date_end=event.date_end,
        from_text=event.from_text,
        extra=metadata.extra,
        dropped=metadata.dropped,
    )


def _unplaced(segments: Sequence[Segment]) -> list[Finding]:
    return [
        Finding(seg.line, "unattributed-label",
                f"label {seg.label.text if seg.label else ''!r} names someone the people file does not know, and "
                "nothing in the transcript shows them asking, answering or giving the floor; taken as making "
                "statements. Add them to content/people.yaml, or their outlet to the label")
        for seg in segments
    ]


def parse_file(path: Path, content_dir: Path | None = None) -> Transcript:
    """Parse one raw transcript file against the people in ``content_dir``.

    Without ``content_dir``, the folder above the file's is used when it holds
    a people.yaml (the usual ``content/transcripts/NAME.txt`` layout).
    """
    content_dir = (content_dir or _content_dir_of(path))
    directory = load_directory(content_dir) if content_dir else Directory.build((), (), ())
    resolved = path.resolve()
    if content_dir is not None and resolved.is_relative_to(content_dir.resolve()):
        source = resolved.relative_to(content_dir.resolve()).as_posix()
    else:
        source = str(path)
    return parse_document(read_document(path, source), directory)


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


def parse_corpus(
    content_dir: Path,
    *,
    workers: int | None = None,
    cache_dir: Path | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ParsedCorpus:
    """Parse every transcript under ``content_dir``; a bad file is a problem, not a stop.

    Files are read and parsed on ``workers`` processes (default: every core);
    with ``cache_dir``, files parsed before with the same inputs are taken
    from the cache. The result depends on neither. ``on_progress`` is told
    ``(done, total)`` as files are read and then parsed (each counts twice).
    """
    step = on_progress or (lambda done, total: None)
    directory = load_directory(content_dir)
    jobs = [(path, path.relative_to(content_dir).as_posix()) for path in transcript_paths(content_dir)]
    directory_files = [content_dir / "people.yaml", content_dir / "outlets.yaml"]
    cache = ParseCache(cache_dir, content_dir, directory_files) if cache_dir else None
    entries = {source: cache.lookup(path, source) for path, source in jobs} if cache else {}
    problems: list[Problem] = []
    transcripts: list[Transcript] = []
    with pool(workers) as executor:
        # 1. The census: how often each file's lines occur in the other files.
        if cache is not None and cache.unchanged:
            censuses, census_problems = cache.stored_censuses()
        else:
            censuses, census_problems = _census(jobs, entries, cache, executor, workers, step)
        problems += census_problems
        total = 2 * len(jobs)

        # 2. Transcripts: from the cache when the file and its census slice are unchanged,
        # else read and parsed in a worker, which gets only its own file's slice.
        tasks = []
        for path, source in jobs:
            if source not in censuses:
                continue  # could not be decoded: already a problem
            cached = ParseCache.parsed(entries.get(source), censuses[source])
            if cached is None:
                tasks.append((path, source, directory, censuses[source]))
            elif isinstance(cached, Transcript):
                transcripts.append(cached)
            else:
                problems.append(cached)
        done = total - len(tasks)
        step(done, total)
        for task, outcome in zip(tasks, executor.map(_parse_one, tasks, chunksize=chunk_size(len(tasks), workers))):
            done += 1
            step(done, total)
            if cache is not None:
                cache.record_parse(task[1], task[3], outcome)
            if isinstance(outcome, Transcript):
                transcripts.append(outcome)
            else:
                problems.append(outcome)
    # Before save: the cache knows the content keys of the files it looked up.
    digests = _digests(jobs, censuses, cache, directory_files)
    kept, clashes = _without_clashes(
        transcripts, (lambda t: cache.text_key(t.source, t)) if cache is not None else text_key
    )
    if cache is not None:
        cache.save()
    problems += clashes
    kept.sort(key=lambda t: (t.date.isoformat() if t.date else "9999", t.slug))
    return ParsedCorpus(
        tuple(kept),
        tuple(sorted(problems, key=lambda p: (p.path, p.line or 0, p.code))),
        directory,
        MappingProxyType({t.slug: digests[t.source] for t in kept}),
    )


def _digests(
    jobs: list[tuple[Path, str]],
    censuses: Mapping[str, Mapping[str, int]],
    cache: ParseCache | None,
    directory_files: list[Path],
) -> dict[str, str]:
    """The parse digest of each decodable file, by source (content keys from the cache when there is one)."""
    if cache is not None:
        return {source: cache.digest(source, censuses[source]) for _path, source in jobs if source in censuses}
    context = parse_context(directory_files)
    return {
        source: parse_digest(context, source, content_key(path), censuses[source])
        for path, source in jobs
        if source in censuses
    }


def _census(
    jobs: list[tuple[Path, str]],
    entries: Mapping[str, CachedFile | None],
    cache: ParseCache | None,
    executor: Any,
    workers: int | None,
    step: Callable[[int, int], None],
) -> tuple[Census, list[Problem]]:
    """Each decodable file's census slice: how often its lines occur in two files or more.

    Lines of unchanged files come from their cache entries; the others are
    decoded on the pool. When the cache holds the last build's slices, they
    are updated for the files that changed rather than counted again. Also
    returns the problems of files that could not be decoded.
    """
    unchanged: list[str] = []
    problems: list[Problem] = []
    to_count = []
    for path, source in jobs:
        entry = entries.get(source)
        if entry is None:
            to_count.append((path, source))
        elif isinstance(entry.lines, Problem):
            problems.append(entry.lines)
        else:
            unchanged.append(source)
    total = 2 * len(jobs)
    done = len(jobs) - len(to_count)
    step(done, total)
    counted: dict[str, frozenset[str]] = {}
    for source, outcome in zip(
        (job[1] for job in to_count),
        executor.map(_census_one, to_count, chunksize=chunk_size(len(to_count), workers)),
    ):
        done += 1
        step(done, total)
        if cache is not None:
            cache.record_lines(source, outcome)
        if isinstance(outcome, Problem):
            problems.append(outcome)
        else:
            counted[source] = outcome
    previous = cache.previous_census() if cache is not None else None
    if previous is not None:
        census = updated_census(previous, {**dict.fromkeys(unchanged), **counted})
        if census is not None:
            return census, problems
    keys_of: dict[str, frozenset[str]] = {}
    for source in unchanged:
        entry = entries[source]
        assert entry is not None and not isinstance(entry.lines, Problem)
        keys_of[source] = unpacked_keys(entry.lines)
    return full_census({**keys_of, **counted}), problems


def _census_one(job: tuple[Path, str]) -> frozenset[str] | Problem:
    """The census keys of one file's lines (in a worker)."""
    path, source = job
    try:
        return line_keys(decoded_lines(path, source))
    except ContentError as error:
        return error.problem


def _parse_one(task: tuple[Path, str, Directory, dict[str, int]]) -> Transcript | Problem:
    """Read and parse one file (in a worker)."""
    path, source, directory, census = task
    try:
        return parse_document(read_document(path, source), directory, census)
    except ContentError as error:
        return error.problem


def _without_clashes(
    transcripts: list[Transcript], text_key_of: Callable[[Transcript], str]
) -> tuple[list[Transcript], list[Problem]]:
    """Drop exact duplicates (same ``text_key_of``) and slug clashes (the file first in path order wins)."""
    kept: list[Transcript] = []
    problems: list[Problem] = []
    by_text: dict[str, Transcript] = {}
    by_slug: dict[str, Transcript] = {}
    for transcript in sorted(transcripts, key=lambda t: t.source):
        key = text_key_of(transcript)
        twin = by_text.get(key)
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
        by_text[key] = transcript
        by_slug[transcript.slug] = transcript
        kept.append(transcript)
    return kept, problems


def _people_in_title(title: str, directory: Directory, resolver: SpeakerResolver) -> list[Person]:
    """People the title names, or the holder of an official role it names."""
    named = directory.people_mentioned_in(title)
    if named:
        return [resolver.person_named(entry.name)[0] for entry in named]
    role, _ = _role_in_title(title, directory)
    holder = resolver.holder(role) if role else None
    return [holder] if holder else []


def _role_in_title(title: str, directory: Directory) -> tuple[RoleEntry | None, str | None]:
    """The official role the title names with its longest spelling, e.g. "NATO Secretary General"."""
    best = None
    for role in directory.roles:
        if role.kind != "official":
            continue
        for spelling in (role.title, *role.aliases):
            if len(spelling) > 3 and re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", title, re.I):
                if best is None or len(spelling) > len(best[1]):
                    best = (role, spelling)
    return best if best else (None, None)


def _outlet_called(text: str, directory: Directory) -> str | None:
    entry = directory.outlet_mentioned_in(text)
    return entry.name if entry else None


def _introduced(text: str, directory: Directory) -> tuple[str | None, str | None] | None:
    def known(outlet: str) -> str | None:
        entry = directory.find_outlet(outlet)
        return entry.name if entry else None

    found = introduction(text, known)
    return (found.name, found.outlet) if found else None


def _outlet_slug(outlet: str, directory: Directory) -> str:
    entry = directory.find_outlet(outlet)
    return entry.id if entry else slugify(outlet)


def _missing_facts(event: EventFacts, dropped: tuple[str, ...]) -> list[Finding]:
    """Facts a page cannot do without: its date (URL, year page), title and kind of event.

    A missing place or source address is shown as unknown and listed in the
    build report, but is no finding: many archived transcripts never had one.
    A field whose value could not be read has its own finding already.
    """
    missing = [name for name, value in (("date", event.date), ("title", event.title),
                                        ("event_type", event.event_type))
               if not value and name not in dropped]
    if not missing:
        return []
    return [Finding(None, "missing-metadata",
                    f"no {', '.join(missing)} given or found in the text; "
                    "add them to the metadata file beside it (NAME.meta.yaml)")]


def _content_dir_of(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if (folder / "people.yaml").is_file():
            return folder
    return None
