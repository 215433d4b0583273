"""Gather every parsed transcript into the Corpus the renderers read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Protocol

from generator.errors import ContentError, Problem
from generator.heap import without_gc
from generator.model import Transcript
from generator.topics import compile_matcher

from .entry import word_count
from .per_transcript import FactsMemo, FactsStep, corpus_facts, topic_index
from .model import Corpus, Entry, Year
from .people import people_and_outlets
from .topic_config import TopicConfig

__all__ = ["Parsed", "build_corpus", "word_count"]

# Slugs name files and URLs.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Parsed(Protocol):
    """What the parser hands over: transcripts and the problems it found."""

    @property
    def transcripts(self) -> tuple[Transcript, ...]: ...

    @property
    def problems(self) -> tuple[Problem, ...]: ...


def build_corpus(
    parsed: Parsed,
    topics: TopicConfig | None = None,
    *,
    workers: int | None = None,
    memo: FactsMemo | None = None,
) -> Corpus:
    """Gather the parsed transcripts into a Corpus, ordered and summarised.

    With ``topics`` (``load_topic_config(content_dir)``), the topic stage
    runs over the whole corpus: topics of every transcript and question,
    related transcripts, questions asked before and since. Without it the
    corpus has no topic index and its pages show no topics.

    With ``memo`` (generator.cache keeps it), what is derived from each
    transcript alone is taken from it when kept, and only the corpus-wide
    steps run again. The Corpus is the same either way.

    ``workers``: processes the topic stage may use (default: every core); the
    Corpus does not depend on it.

    Raises ContentError when two transcripts would be published at one URL
    or a slug cannot be a URL: the site would silently lose a transcript.
    Questions whose anchors are unusable get a fallback anchor and a Problem.
    """
    transcripts = sorted(parsed.transcripts, key=_chronological)
    _check_urls(transcripts)
    # Nearly all the objects made here end in the Corpus: collecting would
    # only walk the parsed corpus again and again, finding nothing to free.
    with without_gc():
        matcher = compile_matcher(topics.taxonomy) if topics is not None else None
        compute: FactsStep = lambda some: corpus_facts(some, topics, matcher)  # noqa: E731
        facts, vocabulary = memo.facts(transcripts, compute) if memo is not None else compute(transcripts)
        entries = tuple(f.summary.entry(t) for f, t in zip(facts, transcripts, strict=True))
        index = None
        if topics is not None:
            index, vocabulary = topic_index(transcripts, facts, vocabulary, topics, matcher, workers)
        if memo is not None:
            memo.keep_words(vocabulary)
    people, outlets = people_and_outlets(entries)
    return Corpus(
        entries=entries,
        years=_years(entries),
        people=people,
        outlets=outlets,
        problems=(*parsed.problems, *(p for f in facts for p in f.summary.problems)),
        topic_index=index,
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


def _years(entries: tuple[Entry, ...]) -> tuple[Year, ...]:
    by_year: dict[int | None, list[Entry]] = {}
    for entry in entries:
        by_year.setdefault(entry.year, []).append(entry)
    dated = sorted((y for y in by_year if y is not None), reverse=True)
    order: list[int | None] = [*dated, *([None] if None in by_year else [])]
    return tuple(Year(y, tuple(by_year[y])) for y in order)
