"""The shipped content/people.yaml and content/outlets.yaml."""

from __future__ import annotations

import pickle
from datetime import date, timedelta

import pytest

from generator.directory import Directory, RoleSpell, proper_case_name

REQUIRED_OUTLETS = [
    "CNN", "The Wall Street Journal", "WSJ", "Wall Street Journal", "Reuters", "The Associated Press", "AP",
    "Associated Press", "AFP", "Agence France-Presse", "BBC", "TASS", "TASS News Agency", "ITAR-TASS",
    "RIA Novosti", "RIA", "POLITICO", "The New York Times", "New York Times", "NYT", "The Washington Post",
    "Washington Post", "Frankfurter Allgemeine Zeitung", "FAZ", "NRK", "Rossiya 1", "Fox News", "FOX",
    "FOX News", "Ekho Moskvy", "Echo of Moscow", "Ukrinform", "National News Agency of Ukraine", "Bloomberg",
    "Financial Times", "FT", "Deutsche Welle", "DW", "Euronews", "Al Jazeera", "Anadolu Agency", "dpa", "EFE",
    "ANSA", "Europa Press", "Interfax", "UNIAN", "RFE/RL", "Radio Free Europe/Radio Liberty", "Sky News", "ARD",
    "ZDF", "Le Monde", "Die Welt", "Der Spiegel", "El País", "Kyodo", "NHK", "Yonhap", "CBS", "NBC", "ABC",
    "NPR", "PAP", "Polish Press Agency", "LETA", "ERR", "LRT", "TVP", "TRT",
]  # fmt: skip


@pytest.mark.parametrize("name", REQUIRED_OUTLETS)
def test_required_outlets_resolve(nato: Directory, name: str) -> None:
    assert nato.find_outlet(name) is not None


@pytest.mark.parametrize(
    ("role", "title", "kind"),
    [
        ("secretary-general", "NATO Secretary General", "official"),
        ("deputy-secretary-general", "NATO Deputy Secretary General", "official"),
        ("spokesperson", "NATO Spokesperson", "moderator"),
        ("acting-spokesperson", "Acting NATO Spokesperson", "moderator"),
        ("press-officer", "NATO Press Officer", "moderator"),
        ("chair-military-committee", "Chair of the NATO Military Committee", "official"),
        ("saceur", "Supreme Allied Commander Europe", "official"),
        ("moderator", "Moderator", "moderator"),
    ],
)
def test_required_roles(nato: Directory, role: str, title: str, kind: str) -> None:
    entry = nato.role(role)
    assert entry is not None
    assert (entry.title, entry.kind) == (title, kind)


@pytest.mark.parametrize(
    ("person", "start", "end"),
    [
        ("jaap-de-hoop-scheffer", date(2004, 1, 1), date(2009, 7, 31)),
        ("anders-fogh-rasmussen", date(2009, 8, 1), date(2014, 9, 30)),
        ("jens-stoltenberg", date(2014, 10, 1), date(2024, 10, 1)),
        ("mark-rutte", date(2024, 10, 1), None),
    ],
)
def test_secretaries_general_terms(nato: Directory, person: str, start: date, end: date | None) -> None:
    entry = next(p for p in nato.people if p.id == person)
    assert RoleSpell("secretary-general", "NATO Secretary General", start, end) in entry.roles


def test_one_secretary_general_every_day_since_2004(nato: Directory) -> None:
    day, holders = date(2004, 1, 1), set()
    while day <= date(2027, 12, 31):
        holder = nato.holder_of("secretary-general", day)
        assert holder is not None, day
        holders.add(holder.id)
        day += timedelta(days=1)
    assert holders == {"jaap-de-hoop-scheffer", "anders-fogh-rasmussen", "jens-stoltenberg", "mark-rutte"}


def test_seed_transcript_labels_resolve(nato: Directory) -> None:
    # Labels as printed in content/transcripts.
    assert nato.find_by_surname("STOLTENBERG", date(2015, 11, 24)).id == "jens-stoltenberg"
    assert nato.find_person("JENS STOLTENBERG").id == "jens-stoltenberg"
    role, name = nato.split_role_and_name("NATO Secretary General Jens STOLTENBERG")
    assert (role.id, nato.find_person(name).id) == ("secretary-general", "jens-stoltenberg")
    assert nato.holder_of(nato.find_role("Secretary General").id, date(2015, 11, 24)).id == "jens-stoltenberg"
    assert nato.find_outlet("EKHO MOSKVY").name == "Ekho Moskvy"
    assert [nato.find_outlet(o).id for o in ("CNN", "WSJ", "Reuters")] == ["cnn", "wall-street-journal", "reuters"]


def test_every_shipped_spelling_resolves_in_capitals(nato: Directory) -> None:
    # Transcripts print labels in capitals; each spelling must survive that.
    for person in nato.people:
        for spelling in (person.name, *person.aliases):
            assert nato.find_person(spelling.upper()) == person, spelling
        assert nato.find_person(proper_case_name(person.name.upper())) == person
    for role in nato.roles:
        for spelling in (role.title, *role.aliases):
            assert nato.find_role(spelling.upper()) == role, spelling
            assert nato.split_role_and_name(f"{spelling.upper()} JOHN DOE") == (role, "JOHN DOE"), spelling
    for outlet in nato.outlets:
        for spelling in (outlet.name, *outlet.aliases):
            assert nato.find_outlet(spelling.upper()) == outlet, spelling


def test_directory_survives_pickling(nato: Directory) -> None:
    # The build may hand the directory to worker processes.
    copy = pickle.loads(pickle.dumps(nato))
    assert copy == nato
    assert copy.find_person("Jens Stoltenberg") == nato.find_person("Jens Stoltenberg")
