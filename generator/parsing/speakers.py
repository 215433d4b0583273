"""Labels to speakers, with memory of who spoke earlier in the transcript.

Within one transcript a label changes spelling ("NATO Secretary General Jens
STOLTENBERG", then "STOLTENBERG", then "JENS STOLTENBERG"); a
:class:`SpeakerResolver` remembers the people met so far and resolves a bare
surname or a bare role to the same person. Across transcripts, the people
directory supplies canonical names and who held a role on a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from generator.directory import Directory, PersonEntry, RoleEntry, proper_case_title
from generator.labels import Label
from generator.labels.recognisers import ROLE_WORDS
from generator.model import Person, Speaker
from generator.parsing.label_text import display_name, display_outlet, looks_like_outlet, slugify, split_office


class SpeakerClass(str, Enum):
    OFFICIAL = "official"  # speaks for the institution: statements and answers
    MODERATOR = "moderator"  # runs the event, calls on outlets
    JOURNALIST = "journalist"  # asks
    UNKNOWN = "unknown"  # the label names someone we cannot place


@dataclass(frozen=True)
class Resolved:
    """A label's speaker and class. ``certain`` says the label itself settles the class
    (a question marker, an outlet, a printed role, the people file); otherwise the
    transcript's structure decides (:mod:`generator.parsing.roles`)."""

    speaker: Speaker
    speaker_class: SpeakerClass
    certain: bool = True


_NO_ONE = re.compile(r"^(?:unknown|unidentified|inaudible|off[- ]?mic|no name|n/?a|\?+|-+)$", re.I)
_MODERATOR_ROLE = re.compile(r"spokes|moderat|press officer|host|chair(?:man|woman|person)? of the press|presenter", re.I)


class SpeakerResolver:
    """Resolves the labels of one transcript, in order of appearance."""

    def __init__(self, directory: Directory, on: dt.date | None) -> None:
        self._directory = directory
        self._on = on
        self._met: dict[str, Person] = {}  # match keys of full names and surnames -> person
        self._by_role: dict[str, Person] = {}  # role id -> person who spoke in that role
        self._offices: dict[str, Person] = {}  # an office as printed -> the person who held it
        self._printed_roles: dict[str, str] = {}  # person id -> the role a label printed for them
        # A transcript prints the same few labels dozens of times.
        self._role_and_name: dict[str, tuple[RoleEntry | None, str]] = {}

    def person_named(self, name: str) -> tuple[Person, RoleEntry | None]:
        """The person a name refers to, met earlier, in the directory, or new."""
        key = slugify(name)
        if key in self._met:
            person = self._met[key]
            return person, self._role_of(person)
        entry = self._directory.find_person(name)
        if entry is None and len(name.split()) == 1:
            entry = self._directory.find_by_surname(name, self._on)
        if entry is not None:
            person = Person(entry.id, entry.name, self._directory.role_title_on(entry, self._on))
            role = self._role_entry_of(entry)
        else:
            shown = display_name(name)
            person, role = Person(slugify(shown), shown, None), None
        self._remember(person, name)
        return person, role

    def meet(self, name: str, role: str | None) -> Person:
        """Someone the title or by-line names: later labels ("MS. PSAKI", "Admiral Bauer") resolve to them."""
        person, _ = self.person_named(name)
        if role:
            self._offices.setdefault(slugify(role), person)
            self._printed_roles.setdefault(person.id, role)
        return person if person.role or not role else Person(person.id, person.name, role)

    def holder(self, role: RoleEntry) -> Person | None:
        """Who speaks in this role: whoever did earlier, else the holder on the date."""
        if role.id in self._by_role:
            return self._by_role[role.id]
        entry = self._directory.holder_of(role.id, self._on)
        if entry is None:
            return None
        person = Person(entry.id, entry.name, role.title)
        self._remember(person, entry.name)
        self._by_role[role.id] = person
        return person

    def resolve(self, label: Label) -> Resolved | None:
        """The speaker a label names, or None if it is not a speaker label after all."""
        if label.question:
            return self._journalist(label)
        directory = self._directory
        name_part = label.name or label.text
        outlet, role_text = self._detail(label)
        if name_part not in self._role_and_name:
            self._role_and_name[name_part] = directory.split_role_and_name(name_part)
        role, name = self._role_and_name[name_part]
        if not name and role is not None:
            person = self.holder(role)
            speaker_class = _class_of_role(role)
            if person is None:
                return Resolved(Speaker(None, None, role.title, outlet, label.text), speaker_class)
            return Resolved(Speaker(person.id, person.name, role_text or role.title, outlet, label.text), speaker_class)
        if label.honorific and role is None and outlet is None and not role_text:
            return self._honoured(label, name_part)
        if role is None and outlet is None and not role_text and directory.find_person(name_part) is None:
            outlet_entry = directory.find_outlet(name_part)
            if outlet_entry is not None or (self._unmet(name_part) and looks_like_outlet(name_part)):
                shown = outlet_entry.name if outlet_entry else display_outlet(name_part)
                return Resolved(Speaker(None, None, None, shown, label.text), SpeakerClass.JOURNALIST)
            if ROLE_WORDS.search(name_part) and self._unmet(name_part):
                office, named = split_office(name_part)
                if named:  # "Prime Minister Mark Rutte:"
                    name, role_text = named, office
                else:
                    return self._office(office, label)
            elif not self._plausible_name(label, name_part):
                return None
        person, known_role = self.person_named(name or name_part)
        role = role or known_role
        if role_text:
            self._offices[slugify(role_text)] = person
            self._printed_roles[person.id] = role_text
        elif role is None:
            # "DAALDER:" after "IVO DAALDER (US Ambassador to NATO):" keeps the role printed once.
            role_text = self._printed_roles.get(person.id)
        if role is not None:
            self._by_role.setdefault(role.id, person)
        shown_role = proper_case_title(role_text) if role_text else (role.title if role else person.role)
        speaker = Speaker(person.id, person.name, shown_role, outlet, label.text)
        if role is not None:
            return Resolved(speaker, _class_of_role(role))
        if role_text:
            moderator = _MODERATOR_ROLE.search(role_text)
            return Resolved(speaker, SpeakerClass.MODERATOR if moderator else SpeakerClass.OFFICIAL)
        if outlet is not None:
            return Resolved(speaker, SpeakerClass.JOURNALIST)
        return Resolved(speaker, SpeakerClass.UNKNOWN, certain=False)

    def _honoured(self, label: Label, surname: str) -> Resolved:
        """``MS. PSAKI``: the person named in full earlier or in the title, else "Ms. Psaki".

        Briefings label their officials so and their reporters "Q"; the
        transcript's structure still decides (``certain`` is false).
        """
        entry = self._directory.find_person(surname) or (
            self._directory.find_by_surname(surname, self._on) if len(surname.split()) == 1 else None)
        if slugify(surname) in self._met or entry is not None:
            person, role = self.person_named(entry.name if entry is not None else surname)
        else:
            shown = display_name(f"{label.honorific} {surname}")
            person, role = Person(slugify(shown), shown, None), None
            self._remember(person, surname)
        klass = _class_of_role(role) if role is not None else SpeakerClass.OFFICIAL
        shown_role = role.title if role is not None else self._printed_roles.get(person.id, person.role)
        return Resolved(Speaker(person.id, person.name, shown_role, None, label.text), klass, certain=role is not None)

    def _office(self, office: str, label: Label) -> Resolved:
        """A label that names an office only: whoever spoke in it before, or the office itself."""
        shown = proper_case_title(office)
        klass = SpeakerClass.MODERATOR if _MODERATOR_ROLE.search(shown) else SpeakerClass.OFFICIAL
        person = self._offices.get(slugify(office))
        if person is not None:  # "Prime Minister:" after "Prime Minister Mark Rutte:"
            return Resolved(Speaker(person.id, person.name, shown, None, label.text), klass)
        return Resolved(Speaker(slugify(shown), None, shown, None, label.text), klass)

    def _journalist(self, label: Label) -> Resolved:
        name, outlet = None, None
        detail = label.detail if label.detail and not _NO_ONE.match(label.detail) else None
        if detail:
            name, outlet = self._asker_and_outlet(detail)
        person_id = None
        if name:
            person, _ = self.person_named(name)
            person_id, name = person.id, person.name
        return Resolved(Speaker(person_id, name, None, outlet, label.text), SpeakerClass.JOURNALIST)

    def _asker_and_outlet(self, detail: str) -> tuple[str | None, str | None]:
        """``Reuters``, ``John Smith, Reuters``, ``John Smith (Reuters)``, ``Reuters, John Smith``."""
        whole = self._directory.find_outlet(detail)
        if whole is not None:
            return None, whole.name
        parts = [p.strip() for p in re.split(r"\s*[,(/]\s*|\)\s*", detail) if p.strip()]
        if len(parts) >= 2:
            for index, part in enumerate(parts):
                entry = self._directory.find_outlet(part)
                if entry is not None:
                    rest = " ".join(parts[:index] + parts[index + 1 :])
                    return rest or None, entry.name
            return parts[0], display_outlet(parts[1])
        return None, display_outlet(detail)

    def _detail(self, label: Label) -> tuple[str | None, str | None]:
        """The bracket or comma part of a label: (outlet, role as printed)."""
        if not label.detail:
            return None, None
        entry = self._directory.find_outlet(label.detail)
        if entry is not None:
            return entry.name, None
        if label.detail_kind == "remark":
            return None, None  # "(responding to a remark)": about the speech, not the speaker
        if label.detail_kind == "role" or self._directory.find_role(label.detail) is not None:
            return None, label.detail
        return display_outlet(label.detail), None

    def _plausible_name(self, label: Label, name: str) -> bool:
        """A mixed-case word before a colon is a speaker only if it can be a name."""
        if label.style != "plain":
            return True
        if slugify(name) in self._met or self._directory.find_person(name) is not None:
            return True
        if len(name.split()) == 1:
            return self._directory.find_by_surname(name, self._on) is not None
        return True

    def _unmet(self, text: str) -> bool:
        return slugify(text) not in self._met

    def _remember(self, person: Person, printed: str) -> None:
        for spelling in {person.name, printed}:
            words = spelling.split()
            for start in range(len(words)):
                self._met.setdefault(slugify(" ".join(words[start:])), person)

    def _role_of(self, person: Person) -> RoleEntry | None:
        for role_id, holder in self._by_role.items():
            if holder.id == person.id:
                return self._directory.role(role_id)
        entry = self._directory.find_person(person.name)
        return self._role_entry_of(entry) if entry else None

    def _role_entry_of(self, entry: PersonEntry) -> RoleEntry | None:
        # Without a date, a person known in a role is taken in their latest one:
        # what matters here is whether they speak for the institution.
        held = [spell for spell in entry.roles if self._on is None or spell.covers(self._on)]
        if not held:
            return None
        return self._directory.role(max(held, key=lambda s: s.start or dt.date.min).role_id)


def _class_of_role(role: RoleEntry) -> SpeakerClass:
    return SpeakerClass.MODERATOR if role.kind == "moderator" else SpeakerClass.OFFICIAL
