"""People and outlets across the archive: who spoke, asked or answered where, and for whom.

A person is anyone a transcript names as a speaker: principal speakers,
moderators, officials who answer, and every named questioner. An outlet is
any outlet a question was asked for. Each gets a record of everything the
archive holds of them, in date order, which the person and outlet pages
show (generator.render.people_views).

A person's page is named by the speaker's id (the directory's id, or the
name as a slug); an outlet's by its name as a slug. Transcript pages link
to them with the same functions, :func:`person_slug` and :func:`outlet_slug`,
so every link lands on a page: each name a transcript links is a record.
Two spellings that make one slug are one page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from generator.directory import slugify
from generator.model import Question, Speaker, Transcript, TurnKind

from .model import Entry

# Slugs the index pages of people/ and outlets/ take.
_RESERVED = frozenset({"index"})


class QuestionAt(NamedTuple):
    """A question of the corpus: its entry's place in ``Corpus.entries``, its place in the entry's questions."""

    entry: int
    question: int


@dataclass(frozen=True)
class RoleSpan:
    """A role a person was named with, and the dates of the first and last transcripts naming it."""

    title: str
    first: dt.date | None
    last: dt.date | None
    transcripts: int


@dataclass(frozen=True)
class PersonRecord:
    """Everything the archive holds of one person, oldest first."""

    slug: str
    name: str
    roles: tuple[RoleSpan, ...]  # in order of first appearance
    outlets: tuple[tuple[str, int], ...]  # outlets they asked for (outlet slug, questions), most questions first
    transcripts: tuple[int, ...]  # the entries they speak in
    asked: tuple[QuestionAt, ...]
    answered: tuple[QuestionAt, ...]


@dataclass(frozen=True)
class OutletRecord:
    """Every question an outlet asked, oldest first, and who asked them."""

    slug: str
    name: str
    askers: tuple[tuple[str, int], ...]  # (person slug, questions), most questions first
    transcripts: tuple[int, ...]
    asked: tuple[QuestionAt, ...]


def person_slug(speaker_id: str | None, name: str | None) -> str:
    """The name of a person's page; empty when the speaker is named by no name ("Q:", "MODERATOR:")."""
    if not name:
        return ""
    slug = slugify(speaker_id or name)  # a directory id is a slug already
    return f"{slug}-person" if slug in _RESERVED else slug


def outlet_slug(name: str | None) -> str:
    """The name of an outlet's page; empty for no outlet (or a name with no letter or digit)."""
    slug = slugify(name) if name else ""
    return f"{slug}-outlet" if slug in _RESERVED else slug


def asker_slug(question: Question, speaker: Speaker | None) -> str:
    """The page of the person who asked ``question``, whose turn ``speaker`` spoke; empty when the question names nobody."""
    return person_slug(speaker.id, speaker.name) if question.asker and speaker is not None else ""


class _Span:
    """A role's first and last dates, and the transcripts naming it, while the entries are read."""

    def __init__(self, date: dt.date | None, entry: int) -> None:
        self.first = self.last = date
        self.transcripts, self.entry = 1, entry

    def seen(self, date: dt.date | None, entry: int) -> None:
        if date is not None:
            self.first = self.first or date
            self.last = date
        if entry != self.entry:
            self.transcripts, self.entry = self.transcripts + 1, entry


class _Tally:
    """What one person's or outlet's record gathers while the entries are read, oldest first."""

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.roles: dict[str, _Span] = {}
        self.others: Counter[str] = Counter()  # a person's outlets, an outlet's askers
        self.transcripts: list[int] = []
        self.asked: list[QuestionAt] = []
        self.answered: list[QuestionAt] = []

    def seen_in(self, entry: int) -> None:
        if not self.transcripts or self.transcripts[-1] != entry:
            self.transcripts.append(entry)

    def held(self, title: str, date: dt.date | None, entry: int) -> None:
        span = self.roles.get(title)
        if span is None:
            self.roles[title] = _Span(date, entry)
        else:
            span.seen(date, entry)

    def name(self) -> str:
        """The spelling used most, the earliest of equals."""
        return self.names.most_common(1)[0][0]


def people_and_outlets(entries: tuple[Entry, ...]) -> tuple[tuple[PersonRecord, ...], tuple[OutletRecord, ...]]:
    """The record of every person and every outlet of the corpus, each sorted by slug."""
    people: dict[str, _Tally] = {}
    outlets: dict[str, _Tally] = {}
    for at, entry in enumerate(entries):
        date = entry.transcript.date
        for slug, name, role in _speakers(entry.transcript):
            tally = people.setdefault(slug, _Tally())
            tally.names[name] += 1
            tally.seen_in(at)
            if role:
                tally.held(role, date, at)
        _questions(entry, at, people, outlets)
    return (
        tuple(_person(slug, people[slug]) for slug in sorted(people)),
        tuple(_outlet(slug, outlets[slug]) for slug in sorted(outlets)),
    )


def _speakers(transcript: Transcript) -> Iterator[tuple[str, str, str | None]]:
    """(slug, name, role) of everyone named as speaking, principal speakers first."""
    for person in transcript.principal_speakers:
        slug = person_slug(person.id, person.name)
        if slug:
            yield slug, person.name, person.role
    for turn in transcript.turns:
        speaker = turn.speaker
        if turn.kind is not TurnKind.NOTE and speaker.name:
            slug = person_slug(speaker.id, speaker.name)
            if slug:
                yield slug, speaker.name, speaker.role


def _questions(entry: Entry, at: int, people: dict[str, _Tally], outlets: dict[str, _Tally]) -> None:
    transcript = entry.transcript
    speakers = {turn.id: turn.speaker for turn in reversed(transcript.turns)}  # the first turn of an id
    for number, item in enumerate(entry.questions):
        question = item.question
        place = QuestionAt(at, number)
        asker = asker_slug(question, speakers.get(question.turn))
        slug = outlet_slug(question.outlet)
        if asker:
            tally = people[asker]
            tally.asked.append(place)
            if slug:
                tally.others[slug] += 1
        if slug and question.outlet:  # a slug means an outlet, which mypy cannot see
            outlet = outlets.setdefault(slug, _Tally())
            outlet.names[question.outlet] += 1
            outlet.seen_in(at)
            outlet.asked.append(place)
            if asker:
                outlet.others[asker] += 1
        answerers: list[str] = []
        for turn_id in question.answers:
            speaker = speakers.get(turn_id)
            slug = person_slug(speaker.id, speaker.name) if speaker is not None else ""
            if slug and slug not in answerers:
                answerers.append(slug)
                people[slug].answered.append(place)


def _most_first(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _person(slug: str, tally: _Tally) -> PersonRecord:
    roles = tuple(RoleSpan(title, s.first, s.last, s.transcripts) for title, s in tally.roles.items())
    return PersonRecord(
        slug, tally.name(), roles, _most_first(tally.others), tuple(tally.transcripts),
        tuple(tally.asked), tuple(tally.answered),
    )


def _outlet(slug: str, tally: _Tally) -> OutletRecord:
    return OutletRecord(slug, tally.name(), _most_first(tally.others), tuple(tally.transcripts), tuple(tally.asked))
