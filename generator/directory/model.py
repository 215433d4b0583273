"""The directory's entries and the lookups the transcript parser makes.

Every alias is indexed once by its match key when the directory is built, so
each lookup is a dict access plus, for dated questions, a scan of the few
terms of one role or one person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .text import match_key, title_key

# "Jens Stoltenberg, NATO Secretary General" / "Oana Lungescu (NATO Spokesperson)"
_ROLE_AFTER_NAME = re.compile(r"^(?P<name>.+?)\s*(?:,\s*(?P<comma>[^,]+)|\((?P<paren>[^()]+)\))\s*$")
_WORD = re.compile(r"\S+")
_SEPARATORS = " \t,;:-\u2013\u2014"


@dataclass(frozen=True)
class RoleSpell:
    """One term of a person in a role; both ends inclusive, None if unrecorded."""

    role_id: str
    title: str
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        """True when the person held the role on that day."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class RoleEntry:
    """A role a speaker can be labelled with, and its other spellings."""

    id: str
    title: str
    aliases: tuple[str, ...]
    kind: str  # "official" | "moderator"


@dataclass(frozen=True)
class PersonEntry:
    """A canonical person, the other spellings of the name, and the terms held."""

    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSpell, ...]


@dataclass(frozen=True)
class OutletEntry:
    """A news outlet and its other names and abbreviations."""

    id: str
    name: str
    aliases: tuple[str, ...]


def _mention_pattern(
    entries: tuple[OutletEntry, ...] | tuple[PersonEntry, ...], short_in_capitals: bool = True
) -> str | None:
    """One pattern for every spelling of every entry, longest first so "BBC World" beats "BBC".

    Spellings of two or three letters ("AP", "FT") count only in capitals,
    where they cannot be ordinary words.
    """
    written = {s for e in entries for s in (e.name, *e.aliases) if len(s) >= 2}
    # Transcripts drop accents as often as they keep them: "El Pais" is El País.
    spellings = sorted(written | {_without_accents(s) for s in written}, key=lambda s: (-len(s), s))
    if not spellings:
        return None
    parts = [re.escape(s) if short_in_capitals and len(s) <= 3 else f"(?i:{re.escape(s)})" for s in spellings]
    return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A mention pattern, compiled once per process.

    A directory's pattern holds every spelling of every entry, and compiling
    it is costly. A Directory keeps only its text, so that one sent to a
    worker process or loaded for a build that parses nothing costs nothing.
    """
    return re.compile(pattern)


def _without_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _surname_keys(person: PersonEntry) -> set[str]:
    """Every trailing run of words of the name and aliases, whole name excluded.

    "Jaap de Hoop Scheffer" gives "de Hoop Scheffer", "Hoop Scheffer" and
    "Scheffer": labels use any of them.
    """
    keys: set[str] = set()
    for spelling in (person.name, *person.aliases):
        words = spelling.split()
        keys.update(match_key(" ".join(words[i:])) for i in range(1, len(words)))
    return keys - {""}


@dataclass(frozen=True)
class Directory:
    """People, roles and outlets, indexed for resolving speaker labels.

    Build one with Directory.build (load_directory does); the private
    mappings are indexes made there and never changed afterwards.
    """

    roles: tuple[RoleEntry, ...]
    people: tuple[PersonEntry, ...]
    outlets: tuple[OutletEntry, ...]
    _people: dict[str, PersonEntry] = field(repr=False, compare=False)
    _surnames: dict[str, tuple[PersonEntry, ...]] = field(repr=False, compare=False)
    _roles: dict[str, RoleEntry] = field(repr=False, compare=False)
    _outlets: dict[str, OutletEntry] = field(repr=False, compare=False)
    _holders: dict[str, tuple[tuple[RoleSpell, PersonEntry], ...]] = field(repr=False, compare=False)
    _role_words: int = field(repr=False, compare=False)
    _outlet_mentions: str | None = field(default=None, repr=False, compare=False)  # pattern text
    _people_mentions: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        roles: Iterable[RoleEntry],
        people: Iterable[PersonEntry],
        outlets: Iterable[OutletEntry],
    ) -> Directory:
        """Index the entries. Where two entries share a spelling the first
        keeps it: load_directory reports such clashes before building."""
        roles, people, outlets = tuple(roles), tuple(people), tuple(outlets)
        by_person: dict[str, PersonEntry] = {}
        surnames: dict[str, dict[str, PersonEntry]] = {}
        holders: dict[str, list[tuple[RoleSpell, PersonEntry]]] = {}
        for person in people:
            for spelling in (person.name, *person.aliases):
                by_person.setdefault(match_key(spelling), person)
            for key in _surname_keys(person):
                surnames.setdefault(key, {})[person.id] = person
            for spell in person.roles:
                holders.setdefault(spell.role_id, []).append((spell, person))
        by_role: dict[str, RoleEntry] = {}
        for role in roles:
            for spelling in (role.title, *role.aliases):
                by_role.setdefault(title_key(spelling), role)
        by_outlet: dict[str, OutletEntry] = {}
        for outlet in outlets:
            for spelling in (outlet.name, *outlet.aliases):
                by_outlet.setdefault(title_key(spelling), outlet)
        role_words = max((len(s.split()) for r in roles for s in (r.title, *r.aliases)), default=0)
        return cls(
            roles, people, outlets, by_person,
            {key: tuple(found.values()) for key, found in surnames.items()},
            by_role, by_outlet,
            {role_id: tuple(terms) for role_id, terms in holders.items()},
            role_words,
            _mention_pattern(outlets),
            _mention_pattern(people, short_in_capitals=False),
        )

    def role(self, role_id: str) -> RoleEntry | None:
        """The role with that id."""
        return next((r for r in self.roles if r.id == role_id), None)

    def find_person(self, text: str) -> PersonEntry | None:
        """The person a full name or alias names, or None.

        Case, spacing and accents do not count: "JENS STOLTENBERG",
        "Jens  Stoltenberg" and "Mircea Geoana" all match.
        """
        return self._people.get(match_key(text))

    def find_by_surname(self, surname: str, on: date | None) -> PersonEntry | None:
        """The one person with that surname, or None.

        When several people share it, the one holding any role on that date
        is taken; None if there is no date, or no single such person.
        """
        found = self._surnames.get(match_key(surname), ())
        if len(found) == 1:
            return found[0]
        if on is None:
            return None
        serving = [p for p in found if any(s.covers(on) for s in p.roles)]
        return serving[0] if len(serving) == 1 else None

    def find_role(self, text: str) -> RoleEntry | None:
        """The role a title or alias names ("SecGen", "The Secretary General")."""
        return self._roles.get(title_key(text))

    def holder_of(self, role_id: str, on: date | None) -> PersonEntry | None:
        """Who held the role on that date; None without a date, or when nobody
        or more than one person did.

        On a handover day, where one term ends and the next begins, the
        incoming holder is taken: the outgoing one has stopped speaking for
        the role by the time the new one does.
        """
        if on is None:
            return None
        terms = [(s, p) for s, p in self._holders.get(role_id, ()) if s.covers(on)]
        if len(terms) > 1:
            starting = [(s, p) for s, p in terms if s.start == on]
            if len(starting) == 1 and all(s.end == on for s, _ in terms if s.start != on):
                terms = starting
        people = {p.id: p for _, p in terms}
        return next(iter(people.values())) if len(people) == 1 else None

    def role_title_on(self, person: PersonEntry, on: date | None) -> str | None:
        """Title of the role the person held on that date, None if none or no
        date. With two roles at once, the one taken up last wins (an acting
        role over the substantive one)."""
        if on is None:
            return None
        held = [s for s in person.roles if s.covers(on)]
        if not held:
            return None
        return max(held, key=lambda s: s.start or date.min).title

    def split_role_and_name(self, text: str) -> tuple[RoleEntry | None, str]:
        """Split a label into its role and the name that follows.

        "NATO Secretary General Jens STOLTENBERG" -> (Secretary General,
        "Jens STOLTENBERG"); the longest role spelling at the start wins. A role
        after the name, set off by a comma or in brackets ("Oana Lungescu (NATO
        Spokesperson)"), is found too. Without a role: (None, the text).
        """
        text = text.strip()
        words = list(_WORD.finditer(text))
        for count in range(min(len(words), self._role_words), 0, -1):
            end = words[count - 1].end()
            role = self.find_role(text[:end])
            if role is not None:
                rest = text[end:].lstrip(_SEPARATORS).strip()
                if rest.startswith("(") and rest.endswith(")"):
                    rest = rest[1:-1].strip()
                return role, rest
        after = _ROLE_AFTER_NAME.match(text)
        if after:
            role = self.find_role(after["comma"] or after["paren"])
            if role is not None:
                return role, after["name"]
        return None, text

    def outlet_mentioned_in(self, text: str) -> OutletEntry | None:
        """The first outlet a sentence names: "We'll go to the Financial Times" -> Financial Times."""
        if self._outlet_mentions is None:
            return None
        match = _compiled(self._outlet_mentions).search(text)
        return self.find_outlet(match.group()) if match else None

    def people_mentioned_in(self, text: str) -> list[PersonEntry]:
        """Everyone a text names by full name or alias, in order of first mention."""
        if self._people_mentions is None:
            return []
        found: dict[str, PersonEntry] = {}
        for match in _compiled(self._people_mentions).finditer(text):
            person = self.find_person(match.group())
            if person is not None:
                found.setdefault(person.id, person)
        return list(found.values())

    def find_outlet(self, text: str) -> OutletEntry | None:
        """The outlet a name or alias names; case and a leading "The" do not count."""
        return self._outlets.get(title_key(text))
