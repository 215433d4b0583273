"""Stages 2-3 for one document: a decoded raw file to a Transcript.

:func:`parse_document` cleans the document, reads its header and labels,
works out who asks and who answers, and numbers the questions;
:func:`parse_file` does it for one file on disk (``pressroom parse``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from generator.cleaning import clean
from generator.directory import Directory, RoleEntry, load_directory, slugify
from generator.errors import ContentError, Problem
from generator.model import Finding, Person, Transcript
from generator.parsing.describe import slug_for, title_from
from generator.parsing.header import EventFacts, event_facts
from generator.parsing.introductions import introduction
from generator.parsing.questions import number_questions
from generator.parsing.roles import TitleEvidence, assign_roles
from generator.parsing.speakers import SpeakerResolver
from generator.parsing.turns import (
    Segment,
    build_turns,
    narration_apart,
    principal_people,
    promote_named_in_title,
    segment,
)
from generator.reading import RawDocument, read_document


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
        notes=metadata.notes,
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
