"""Every lookup of the Directory, on the shipped data and on a small fixture."""

from __future__ import annotations

from datetime import date

import pytest

from generator.directory import Directory


def ids(entry: object) -> str | None:
    return getattr(entry, "id", None)


# find_person -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Jens Stoltenberg", "jens-stoltenberg"),
        ("JENS STOLTENBERG", "jens-stoltenberg"),
        ("Jens  Stoltenberg", "jens-stoltenberg"),
        (" jens stoltenberg ", "jens-stoltenberg"),
        ("Jens STOLTENBERG", "jens-stoltenberg"),
        ("Mircea Geoana", "mircea-geoana"),
        ("MIRCEA GEOANĂ", "mircea-geoana"),
        ("Manfred Woerner", "manfred-worner"),
        ("Manfred Worner", "manfred-worner"),
        ("Anders Fogh Rasmussen", "anders-fogh-rasmussen"),
        ("Anders Rasmussen", "anders-fogh-rasmussen"),
        ("Fogh Rasmussen", "anders-fogh-rasmussen"),
        ("Jaap de Hoop Scheffer", "jaap-de-hoop-scheffer"),
        ("de Hoop Scheffer", "jaap-de-hoop-scheffer"),
        ("DE HOOP SCHEFFER", "jaap-de-hoop-scheffer"),
        ("Lord Robertson", "george-robertson"),
        ("Alessandro Minuto Rizzo", "alessandro-minuto-rizzo"),
        ("Radmila Šekerinska", "radmila-shekerinska"),
        ("James L Jones", "james-l-jones"),
    ],
)
def test_find_person_by_name_or_alias(nato: Directory, text: str, person: str) -> None:
    assert ids(nato.find_person(text)) == person


@pytest.mark.parametrize("text", ["Stoltenberg", "Geoana", "Jens", "Secretary General", "", "  ", "Q"])
def test_find_person_needs_a_whole_name(nato: Directory, text: str) -> None:
    # A surname alone is find_by_surname's business: it needs a date.
    assert nato.find_person(text) is None


def test_find_person_returns_the_entry(nato: Directory) -> None:
    person = nato.find_person("ANDERS FOGH RASMUSSEN")
    assert person is not None
    assert person.name == "Anders Fogh Rasmussen"
    assert person.aliases == ("Anders Rasmussen", "Fogh Rasmussen")


# find_by_surname -----------------------------------------------------------


@pytest.mark.parametrize(
    ("surname", "person"),
    [
        ("STOLTENBERG", "jens-stoltenberg"),
        ("Stoltenberg", "jens-stoltenberg"),
        ("RASMUSSEN", "anders-fogh-rasmussen"),
        ("FOGH RASMUSSEN", "anders-fogh-rasmussen"),
        ("SCHEFFER", "jaap-de-hoop-scheffer"),
        ("Hoop Scheffer", "jaap-de-hoop-scheffer"),
        ("DE HOOP SCHEFFER", "jaap-de-hoop-scheffer"),
        ("Geoana", "mircea-geoana"),
        ("GEOANĂ", "mircea-geoana"),
        ("Minuto-Rizzo", "alessandro-minuto-rizzo"),
        ("Wörner", "manfred-worner"),
        ("Woerner", "manfred-worner"),
    ],
)
def test_find_by_surname_unique_without_date(nato: Directory, surname: str, person: str) -> None:
    assert ids(nato.find_by_surname(surname, None)) == person


def test_find_by_surname_unique_even_out_of_office(nato: Directory) -> None:
    # One person has the surname: the date only breaks ties.
    assert ids(nato.find_by_surname("Stoltenberg", date(1990, 1, 1))) == "jens-stoltenberg"


@pytest.mark.parametrize("surname", ["Jens Stoltenberg", "Jens", "Nobody", ""])
def test_find_by_surname_unknown(nato: Directory, surname: str) -> None:
    assert nato.find_by_surname(surname, date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    ("on", "person"),
    [
        (None, None),  # two Smiths and no date
        (date(2002, 5, 5), "anna-smith"),  # only Anna holds a role
        (date(2003, 5, 5), None),  # Anna chairs, John is deputy: both serve
        (date(2004, 6, 1), "anna-smith"),
        (date(2006, 1, 1), "john-smith"),
        (date(1990, 1, 1), None),  # neither serves
    ],
)
def test_find_by_surname_shared(small: Directory, on: date | None, person: str | None) -> None:
    assert ids(small.find_by_surname("SMITH", on)) == person


def test_find_by_surname_without_roles(small: Directory) -> None:
    assert ids(small.find_by_surname("LOPEZ", None)) == "maria-lopez"


# find_role -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Secretary General", "secretary-general"),
        ("SECRETARY GENERAL", "secretary-general"),
        ("NATO Secretary General", "secretary-general"),
        ("Secretary-General", "secretary-general"),
        ("Secretary General of NATO", "secretary-general"),
        ("The Secretary General", "secretary-general"),
        ("SecGen", "secretary-general"),
        ("Sec Gen", "secretary-general"),
        ("SG", "secretary-general"),
        ("Secrétaire général de l'OTAN", "secretary-general"),
        ("SECRETAIRE GENERAL DE L’OTAN", "secretary-general"),
        ("Acting Secretary General", "acting-secretary-general"),
        ("NATO Deputy Secretary General", "deputy-secretary-general"),
        ("DSG", "deputy-secretary-general"),
        ("NATO Spokesperson", "spokesperson"),
        ("NATO SPOKESMAN", "spokesperson"),
        ("Acting Spokesperson", "acting-spokesperson"),
        ("Press Officer", "press-officer"),
        ("Chairman of the NATO Military Committee", "chair-military-committee"),
        ("CMC", "chair-military-committee"),
        ("SACEUR", "saceur"),
        ("Supreme Allied Commander, Europe", "saceur"),
        ("MODERATOR", "moderator"),
    ],
)
def test_find_role(nato: Directory, text: str, role: str) -> None:
    assert ids(nato.find_role(text)) == role


@pytest.mark.parametrize("text", ["Secretary", "General", "NATO", "Jens Stoltenberg", "", "The"])
def test_find_role_unknown(nato: Directory, text: str) -> None:
    assert nato.find_role(text) is None


def test_role_entries_carry_title_and_kind(nato: Directory) -> None:
    secretary_general = nato.find_role("SG")
    spokesperson = nato.find_role("Spokesperson")
    assert secretary_general is not None and spokesperson is not None
    assert (secretary_general.title, secretary_general.kind) == ("NATO Secretary General", "official")
    assert (spokesperson.title, spokesperson.kind) == ("NATO Spokesperson", "moderator")
    assert nato.role("saceur") == nato.find_role("SACEUR")
    assert nato.role("nope") is None


# holder_of -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "person"),
    [
        (date(1994, 8, 13), "manfred-worner"),  # his last day
        (date(1994, 9, 1), None),  # between Wörner and Claes: nobody
        (date(2003, 12, 31), "george-robertson"),
        (date(2004, 1, 1), "jaap-de-hoop-scheffer"),
        (date(2009, 7, 31), "jaap-de-hoop-scheffer"),
        (date(2009, 8, 1), "anders-fogh-rasmussen"),
        (date(2014, 9, 30), "anders-fogh-rasmussen"),
        (date(2014, 10, 1), "jens-stoltenberg"),
        (date(2015, 11, 24), "jens-stoltenberg"),
        (date(2024, 9, 30), "jens-stoltenberg"),
        (date(2024, 10, 1), "mark-rutte"),  # handover day: the incoming one
        (date(2030, 1, 1), "mark-rutte"),  # term still open
        (date(1999, 10, 10), None),  # month-only handover: not certain who
        (date(1980, 1, 1), None),
        (None, None),
    ],
)
def test_holder_of_secretary_general(nato: Directory, on: date | None, person: str | None) -> None:
    assert ids(nato.holder_of("secretary-general", on)) == person


@pytest.mark.parametrize(
    ("role", "on", "person"),
    [
        ("spokesperson", date(2015, 6, 1), "oana-lungescu"),
        ("spokesperson", date(2023, 6, 1), None),  # year-only handover
        ("deputy-secretary-general", date(2018, 1, 1), "rose-gottemoeller"),
        ("chair-military-committee", date(2017, 1, 1), "petr-pavel"),
        ("saceur", date(2014, 1, 1), "philip-breedlove"),
        ("acting-secretary-general", date(1994, 9, 1), "sergio-balanzino"),
        ("moderator", date(2020, 1, 1), None),  # a role nobody holds
        ("no-such-role", date(2020, 1, 1), None),
    ],
)
def test_holder_of_other_roles(nato: Directory, role: str, on: date, person: str | None) -> None:
    assert ids(nato.holder_of(role, on)) == person


@pytest.mark.parametrize(
    ("role", "on", "person"),
    [
        ("chair", date(2000, 12, 31), None),
        ("chair", date(2001, 1, 1), "anna-smith"),
        ("chair", date(2005, 6, 29), "anna-smith"),
        ("chair", date(2005, 6, 30), "john-smith"),  # handover day
        ("chair", date(2005, 7, 1), "john-smith"),
        # "from: 2004-02, to: 2004-11" is February 1 to November 30.
        ("deputy-chair", date(2004, 1, 31), None),
        ("deputy-chair", date(2004, 2, 1), "carla-jones"),
        ("deputy-chair", date(2004, 11, 30), "carla-jones"),
        ("deputy-chair", date(2004, 12, 1), None),
        # "from: 2003, to: 2003" is the whole year.
        ("deputy-chair", date(2003, 1, 1), "john-smith"),
        ("deputy-chair", date(2003, 12, 31), "john-smith"),
        ("deputy-chair", date(2001, 3, 31), "anna-smith"),
        ("deputy-chair", date(2001, 4, 1), None),
    ],
)
def test_holder_of_date_edges(small: Directory, role: str, on: date, person: str | None) -> None:
    assert ids(small.holder_of(role, on)) == person


def test_holder_of_overlap_is_ambiguous(small: Directory) -> None:
    # Two people whose terms overlap for more than a handover day.
    from generator.directory import PersonEntry, RoleSpell

    spell = RoleSpell("chair", "Chair of the Board", date(2001, 1, 1), date(2001, 12, 31))
    extra = PersonEntry("eve-doe", "Eve Doe", (), (spell,))
    directory = Directory.build(small.roles, (*small.people, extra), small.outlets)
    assert directory.holder_of("chair", date(2001, 6, 1)) is None
    assert directory.holder_of("chair", date(2002, 6, 1)).id == "anna-smith"


# role_title_on -------------------------------------------------------------


def test_role_title_on(nato: Directory) -> None:
    stoltenberg = nato.find_person("Jens Stoltenberg")
    assert stoltenberg is not None
    assert nato.role_title_on(stoltenberg, date(2014, 10, 1)) == "NATO Secretary General"
    assert nato.role_title_on(stoltenberg, date(2024, 10, 1)) == "NATO Secretary General"
    assert nato.role_title_on(stoltenberg, date(2024, 10, 2)) is None
    assert nato.role_title_on(stoltenberg, date(2014, 9, 30)) is None
    assert nato.role_title_on(stoltenberg, None) is None


def test_role_title_on_prefers_the_role_taken_up_last(nato: Directory, small: Directory) -> None:
    balanzino = nato.find_person("Sergio Balanzino")
    assert balanzino is not None
    assert nato.role_title_on(balanzino, date(1994, 9, 1)) == "Acting NATO Secretary General"
    assert nato.role_title_on(balanzino, date(1996, 1, 1)) == "NATO Deputy Secretary General"
    anna = small.find_person("Anna Smith")
    assert anna is not None
    assert small.role_title_on(anna, date(2000, 12, 31)) == "Deputy Chair of the Board"
    assert small.role_title_on(anna, date(2001, 1, 1)) == "Chair of the Board"


# split_role_and_name -------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "role", "name"),
    [
        ("NATO Secretary General Jens STOLTENBERG", "secretary-general", "Jens STOLTENBERG"),
        ("NATO Spokesperson Oana Lungescu", "spokesperson", "Oana Lungescu"),
        ("NATO Spokesperson", "spokesperson", ""),
        ("Secretary General", "secretary-general", ""),
        ("SECRETARY GENERAL", "secretary-general", ""),
        # Longest spelling wins: not "Secretary General" + "of NATO Jens ...".
        ("Secretary General of NATO Jens Stoltenberg", "secretary-general", "Jens Stoltenberg"),
        ("NATO Deputy Secretary General Mircea Geoană", "deputy-secretary-general", "Mircea Geoană"),
        ("Secrétaire général délégué de l'OTAN Mircea Geoană", "deputy-secretary-general", "Mircea Geoană"),
        ("The Secretary General", "secretary-general", ""),
        ("NATO Spokesperson, Oana Lungescu", "spokesperson", "Oana Lungescu"),
        ("NATO Spokesperson - Oana Lungescu", "spokesperson", "Oana Lungescu"),
        ("Moderator (Oana Lungescu)", "moderator", "Oana Lungescu"),
        ("  SACEUR  General Philip BREEDLOVE ", "saceur", "General Philip BREEDLOVE"),
        # The role after the name, set off by a comma or brackets.
        ("Jens Stoltenberg, NATO Secretary General", "secretary-general", "Jens Stoltenberg"),
        ("Oana Lungescu (NATO Spokesperson)", "spokesperson", "Oana Lungescu"),
        # No role.
        ("Jens STOLTENBERG", None, "Jens STOLTENBERG"),
        ("STOLTENBERG", None, "STOLTENBERG"),
        ("Q (WSJ)", None, "Q (WSJ)"),
        ("Stoltenberg, Jens", None, "Stoltenberg, Jens"),
        ("", None, ""),
    ],
)
def test_split_role_and_name(nato: Directory, label: str, role: str | None, name: str) -> None:
    found, rest = nato.split_role_and_name(label)
    assert (ids(found), rest) == (role, name)


# find_outlet ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("CNN", "cnn"),
        ("WSJ", "wall-street-journal"),
        ("Wall Street Journal", "wall-street-journal"),
        ("The Wall Street Journal", "wall-street-journal"),
        ("THE WALL STREET JOURNAL", "wall-street-journal"),
        ("Reuters", "reuters"),
        ("AP", "associated-press"),
        ("Associated Press", "associated-press"),
        ("AFP", "afp"),
        ("Agence France-Presse", "afp"),
        ("TASS", "tass"),
        ("ITAR-TASS", "tass"),
        ("TASS News Agency", "tass"),
        ("RIA", "ria-novosti"),
        ("Politico", "politico"),
        ("NYT", "new-york-times"),
        ("Washington Post", "washington-post"),
        ("FAZ", "frankfurter-allgemeine-zeitung"),
        ("F.A.Z.", "frankfurter-allgemeine-zeitung"),
        ("FOX", "fox-news"),
        ("FOX News", "fox-news"),
        ("EKHO MOSKVY", "ekho-moskvy"),
        ("Echo of Moscow", "ekho-moskvy"),
        ("Эхо Москвы", "ekho-moskvy"),
        ("National News Agency of Ukraine", "ukrinform"),
        ("FT", "financial-times"),
        ("DW", "deutsche-welle"),
        ("Radio Free Europe/Radio Liberty", "rfe-rl"),
        ("RFE/RL", "rfe-rl"),
        ("El Pais", "el-pais"),
        ("Polish Press Agency", "pap"),
        ("ABC", "abc"),
        ("ABC Australia", "australian-broadcasting-corporation"),
    ],
)
def test_find_outlet(nato: Directory, text: str, outlet: str) -> None:
    assert ids(nato.find_outlet(text)) == outlet


@pytest.mark.parametrize("text", ["Kurdish media", "unknown", "The", "", "Q (WSJ)"])
def test_find_outlet_unknown(nato: Directory, text: str) -> None:
    assert nato.find_outlet(text) is None


def test_find_outlet_small(small: Directory) -> None:
    assert ids(small.find_outlet("daily planet")) == "daily-planet"
    assert ids(small.find_outlet("The Gazette")) == "gazette"
    assert small.find_outlet("Gazette").name == "Gazette"
