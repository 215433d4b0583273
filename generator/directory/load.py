"""Reading and checking content/people.yaml and content/outlets.yaml.

Every problem in both files is collected before anything is raised, so a
maintainer fixes them in one pass: DirectoryError carries them all, its
``problem`` is the first and its text lists each on its own line.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from .model import Directory, OutletEntry, PersonEntry, RoleEntry, RoleSpell
from .source import LocatedMapping, Source
from .text import match_key, slugify, title_key

KINDS = ("official", "moderator")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATE_HINT = "write 2014-10-01, or 2014-10 for a whole month, or 2014 for a whole year"


class DirectoryError(ContentError):
    """Everything wrong with the directory files; ``problem`` is the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0])
        self.problems = tuple(problems)
        self.args = ("\n".join(str(p) for p in self.problems),)


@dataclass
class _Section:
    """The roles, people or outlets of a file: ids and spellings must be unique
    within one section, whose spellings compare by ``key``."""

    source: Source
    what: str
    key: Callable[[str], str]
    ids: dict[str, int | None] = field(default_factory=dict)
    spellings: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def usable(self, entry: LocatedMapping, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        """Check the entry's fields and id; True when it can be built."""
        self.source.check_keys(entry, self.what, required + optional)
        missing = [key for key in required if not isinstance(entry.get(key), str) or not entry[key].strip()]
        for key in missing:
            self.source.report(entry.line, "missing-field", f"{self.what} has no {key!r}", f"add `{key}:` with text")
        if missing:
            return False
        ident = entry["id"]
        if slugify(ident) != ident:
            self.source.report(entry.line, "bad-id", f"{self.what} id {ident!r} is not a slug",
                               f"use lower-case ASCII words joined by hyphens, such as {slugify(ident)!r}")
        elif ident in self.ids:
            self.source.report(entry.line, "duplicate-id",
                               f"{self.what} id {ident!r} is already used at line {self.ids[ident]}",
                               "give each entry its own id")
            return False
        self.ids[ident] = entry.line
        return True

    def aliases(self, entry: LocatedMapping, name: str) -> tuple[str, ...]:
        """The entry's aliases, after claiming them and its name for it alone."""
        ident, aliases = entry["id"], entry.get("aliases", [])
        if not isinstance(aliases, list):
            self.source.report(entry.line, "bad-shape", f"aliases of {self.what} {ident!r} are not a list",
                               "write them as `aliases: [First, Second]` or one `- alias` a line")
            aliases = []
        texts = []
        for alias in aliases:
            if isinstance(alias, str) and self.key(alias):
                texts.append(alias)
            else:
                self.source.report(entry.line, "bad-alias", f"alias {alias!r} of {self.what} {ident!r} is not a name",
                                   "quote it: YAML reads bare yes, no, on, off and numbers as other things")
        for spelling in (name, *texts):
            owner, line = self.spellings.setdefault(self.key(spelling), (ident, entry.line))
            if owner != ident:
                self.source.report(entry.line, "duplicate-alias",
                                   f"{spelling!r} already names {self.what} {owner!r} (line {line})",
                                   f"keep it on one entry only: a label must resolve to one {self.what}")
        return tuple(dict.fromkeys(texts))


def _day(value: Any, end: bool) -> date | None:
    """A `from` or `to` value as a day; YYYY and YYYY-MM stand for their first
    day (from) or last day (to). Raises ValueError for anything else."""
    if value is None:
        return None
    found = _DATE.match(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if not found:
        raise ValueError(value)
    year, month, day = found.groups()
    if day:
        return date(int(year), int(month), int(day))
    if not month:
        return date(int(year), 12, 31) if end else date(int(year), 1, 1)
    first = date(int(year), int(month), 1)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1]) if end else first


def _terms(source: Source, person: LocatedMapping, roles: dict[str, RoleEntry]) -> tuple[RoleSpell, ...]:
    """The person's terms in office, checked against the roles defined."""
    what = f"term of person {person['id']!r}"
    terms = person.get("roles", [])
    if not isinstance(terms, list) or not all(isinstance(term, LocatedMapping) for term in terms):
        source.report(person.line, "bad-shape", f"roles of person {person['id']!r} are not a list of terms",
                      "write one `- {role: ..., from: ..., to: ...}` a line")
        return ()
    spells = []
    for term in terms:
        source.check_keys(term, what, ("role", "from", "to"))
        role = roles.get(term.get("role"))
        if not isinstance(term.get("role"), str):
            source.report(term.line, "missing-field", f"{what} has no 'role'", "add `role:` with a role id")
        elif role is None:
            source.report(term.line, "unknown-role", f"role {term['role']!r} is not defined under `roles:`",
                          f"use one of {', '.join(sorted(roles))}")
        ends = {}
        for key in ("from", "to"):
            try:
                ends[key] = _day(term.get(key), end=key == "to")
            except ValueError:
                source.report(term.line, "bad-date", f"{key} {term[key]!r} of {what} is not a date", _DATE_HINT)
        if role is None or len(ends) < 2:
            continue
        if ends["from"] and ends["to"] and ends["from"] > ends["to"]:
            source.report(term.line, "bad-range", f"{what} starts {ends['from']} after it ends {ends['to']}",
                          "swap or correct `from` and `to`")
        spells.append(RoleSpell(role.id, role.title, ends["from"], ends["to"]))
    return tuple(spells)


PEOPLE_FILE = "people.yaml"
OUTLETS_FILE = "outlets.yaml"
DIRECTORY_FILES = (PEOPLE_FILE, OUTLETS_FILE)
"""The files of a content folder the directory is read from."""


def load_directory(content_dir: Path) -> Directory:
    """Read content_dir/people.yaml and content_dir/outlets.yaml.

    Raises DirectoryError (a ContentError) listing every problem found in
    either file, each with its line and how to fix it.
    """
    problems: list[Problem] = []
    people_source = Source(content_dir / PEOPLE_FILE, problems)
    role_entries, person_entries = people_source.read("roles", "people")
    roles: dict[str, RoleEntry] = {}
    section = _Section(people_source, "role", title_key)
    for entry in role_entries:
        if section.usable(entry, ("id", "title", "kind"), ("aliases",)):
            if entry["kind"] not in KINDS:
                people_source.report(entry.line, "bad-kind",
                                     f"kind {entry['kind']!r} of role {entry['id']!r} is unknown",
                                     f"use {' or '.join(KINDS)}")
            aliases = section.aliases(entry, entry["title"])
            roles[entry["id"]] = RoleEntry(entry["id"], entry["title"], aliases, entry["kind"])
    people = []
    section = _Section(people_source, "person", match_key)
    for entry in person_entries:
        if section.usable(entry, ("id", "name"), ("aliases", "roles")):
            aliases = section.aliases(entry, entry["name"])
            people.append(PersonEntry(entry["id"], entry["name"], aliases, _terms(people_source, entry, roles)))
    outlets_source = Source(content_dir / OUTLETS_FILE, problems)
    outlets = []
    section = _Section(outlets_source, "outlet", title_key)
    for entry in outlets_source.read("outlets")[0]:
        if section.usable(entry, ("id", "name"), ("aliases",)):
            outlets.append(OutletEntry(entry["id"], entry["name"], section.aliases(entry, entry["name"])))
    if problems:
        raise DirectoryError(problems)
    return Directory.build(roles.values(), people, outlets)
