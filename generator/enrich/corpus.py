"""Gather every parsed transcript into the Corpus the renderers read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Protocol

import numpy as np

from generator.errors import ContentError, Problem
from generator.model import Question, Transcript, TurnKind

from .gist import question_gist
from .model import Corpus, Entry, OutletSummary, PersonSummary, QuestionEntry, Year
from .topics import TopicConfig, corpus_topics

# Slugs name files and URLs; anchors become HTML ids written into Markdown.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANCHOR = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Parsed(Protocol):
    """What the parser hands over: transcripts and the problems it found."""

    @property
    def transcripts(self) -> tuple[Transcript, ...]: ...

    @property
    def problems(self) -> tuple[Problem, ...]: ...


def build_corpus(parsed: Parsed, topics: TopicConfig | None = None) -> Corpus:
    """Gather the parsed transcripts into a Corpus, ordered and summarised.

    With ``topics`` (``load_topic_config(content_dir)``), the topic stage
    runs over the whole corpus: topics of every transcript and question,
    related transcripts, questions asked before and since. Without it the
    corpus has no topic index and its pages show no topics.

    Raises ContentError when two transcripts would be published at one URL
    or a slug cannot be a URL: the site would silently lose a transcript.
    Questions whose anchors are unusable get a fallback anchor and a Problem.
    """
    transcripts = sorted(parsed.transcripts, key=_chronological)
    _check_urls(transcripts)
    problems: list[Problem] = list(parsed.problems)
    entries = tuple(_entry(t, problems) for t in transcripts)
    return Corpus(
        entries=entries,
        years=_years(entries),
        people=_people(entries),
        outlets=_outlets(entries),
        problems=tuple(problems),
        topic_index=corpus_topics(entries, topics) if topics is not None else None,
    )


def _chronological(transcript: Transcript) -> tuple[dt.date, str]:
    return (transcript.date or dt.date.min, transcript.slug)


def _check_urls(transcripts: Iterable[Transcript]) -> None:
    seen: dict[str, Transcript] = {}
    for transcript in transcripts:
        if not SLUG.match(transcript.slug):
            raise ContentError(
                Problem(
                    transcript.source, None, "bad-slug",
                    f"slug {transcript.slug!r} cannot be a URL",
                    "use lowercase letters, digits and single hyphens",
                )
            )
        # Case-folded: on a case-insensitive disk two such pages are one file.
        key = transcript.slug.casefold()
        if key in seen:
            raise ContentError(
                Problem(
                    transcript.source, None, "duplicate-url",
                    f"published at transcripts/{transcript.slug}/, "
                    f"the page of {seen[key].source} too",
                    "give one of them its own slug or title in its metadata",
                )
            )
        seen[key] = transcript


def _entry(transcript: Transcript, problems: list[Problem]) -> Entry:
    questions = _usable_anchors(transcript, problems)
    paragraphs: dict[str, tuple[str, ...]] = {}
    for turn in transcript.turns:
        paragraphs.setdefault(turn.id, turn.paragraphs)  # the first turn of an id, as Transcript.turn
    return Entry(
        transcript=transcript,
        speakers=_speakers(transcript),
        outlets=_unique(q.outlet for q in questions if q.outlet),
        questions=tuple(QuestionEntry(q, question_gist(paragraphs.get(q.turn, ()))) for q in questions),
        word_count=word_count(p for turn in transcript.turns for p in turn.paragraphs),
    )


# What str.split() splits on: str.isspace(), for every code point up to the
# last space character (U+3000); none lies beyond.
_SPACES = np.array([chr(c).isspace() for c in range(0x3001)], dtype=bool)


def word_count(paragraphs: Iterable[str]) -> int:
    """``sum(len(p.split()) for p in paragraphs)``, without making a string per word.

    Paragraphs joined by a space have the same words, and a word starts
    wherever a non-space follows a space or the start of the text.
    """
    text = " ".join(paragraphs)
    if text.isascii():
        space = _SPACES[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    else:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        inside = codes < _SPACES.size
        space = _SPACES[np.where(inside, codes, 0)] & inside
    return int(np.count_nonzero(~space[1:] & space[:-1])) + int(space.size > 0 and not space[0])


def _usable_anchors(transcript: Transcript, problems: list[Problem]) -> tuple[Question, ...]:
    """The questions, each with an anchor that is a valid, unique HTML id."""
    used: set[str] = set()
    result = []
    for question in transcript.questions:
        anchor = question.anchor
        if not ANCHOR.match(anchor) or anchor in used:
            fallback = f"q{question.number}"
            while fallback in used:
                fallback += "-x"
            problems.append(
                Problem(
                    transcript.source, None, "bad-anchor",
                    f"question {question.number} has anchor {anchor!r}, "
                    f"which is not a unique HTML id; using {fallback!r}",
                )
            )
            question = replace(question, anchor=fallback)
        used.add(question.anchor)
        result.append(question)
    return tuple(result)


def _speakers(transcript: Transcript) -> tuple[str, ...]:
    """Names of the principal speakers; failing those, of whoever answered."""
    if transcript.principal_speakers:
        return _unique(p.name for p in transcript.principal_speakers)
    return _unique(
        turn.speaker.name
        for turn in transcript.turns
        if turn.kind in (TurnKind.STATEMENT, TurnKind.ANSWER) and turn.speaker.name
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _years(entries: tuple[Entry, ...]) -> tuple[Year, ...]:
    by_year: dict[int | None, list[Entry]] = {}
    for entry in entries:
        by_year.setdefault(entry.year, []).append(entry)
    dated = sorted((y for y in by_year if y is not None), reverse=True)
    order: list[int | None] = [*dated, *([None] if None in by_year else [])]
    return tuple(Year(y, tuple(by_year[y])) for y in order)


def _people(entries: tuple[Entry, ...]) -> tuple[PersonSummary, ...]:
    names: dict[str, str] = {}
    slugs: dict[str, list[str]] = {}
    for entry in entries:
        for person in entry.transcript.principal_speakers:
            names.setdefault(person.id, person.name)
            _append_new(slugs.setdefault(person.id, []), entry.slug)
    return tuple(
        PersonSummary(pid, names[pid], tuple(slugs[pid]))
        for pid in sorted(names, key=lambda pid: (names[pid].casefold(), pid))
    )


def _outlets(entries: tuple[Entry, ...]) -> tuple[OutletSummary, ...]:
    counts: dict[str, int] = {}
    slugs: dict[str, list[str]] = {}
    for entry in entries:
        for question in entry.questions:
            outlet = question.question.outlet
            if outlet:
                counts[outlet] = counts.get(outlet, 0) + 1
                _append_new(slugs.setdefault(outlet, []), entry.slug)
    return tuple(
        OutletSummary(name, counts[name], tuple(slugs[name]))
        for name in sorted(counts, key=lambda n: (n.casefold(), n))
    )


def _append_new(slugs: list[str], slug: str) -> None:
    """Add ``slug`` unless it is there: entries come one after the other, so only the last can be it."""
    if not slugs or slugs[-1] != slug:
        slugs.append(slug)
