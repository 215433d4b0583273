"""Who speaks in the synthetic archive: officials by era, outlets and reporters.

Canonical names are those of content/people.yaml and content/outlets.yaml,
so the ground truth compares with what the parser resolves; a few outlets
are missing from the directory on purpose, as in the real archive.

Officials are the real office holders of each period, because the archive is
about them and the people directory resolves them by name. Reporters and
guests are invented (first and last names drawn from pools) so that no real
journalist is quoted saying made-up words.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

FIRST_DAY = dt.date(1995, 1, 1)
LAST_DAY = dt.date(2026, 6, 30)


@dataclass(frozen=True)
class Official:
    """A NATO office holder, with the spellings labels use for them."""

    name: str
    surname: str  # as printed in a bare-surname label, before upper-casing
    role: str  # "NATO Secretary General", "NATO Spokesperson", ...
    start: dt.date
    end: dt.date  # exclusive
    printed: str | None = None  # how transcripts print the name, when not as the people directory does

    @property
    def shown(self) -> str:
        """The name as labels and titles print it."""
        return self.printed or self.name


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


SECRETARIES_GENERAL = (
    Official("Willy Claes", "Claes", "NATO Secretary General", _d("1994-10-17"), _d("1995-10-21")),
    Official("Javier Solana", "Solana", "NATO Secretary General", _d("1995-10-21"), _d("1999-10-14")),
    Official("George Robertson", "Robertson", "NATO Secretary General", _d("1999-10-14"), _d("2004-01-01"), "Lord Robertson"),
    Official("Jaap de Hoop Scheffer", "de Hoop Scheffer", "NATO Secretary General", _d("2004-01-01"), _d("2009-08-01")),
    Official("Anders Fogh Rasmussen", "Fogh Rasmussen", "NATO Secretary General", _d("2009-08-01"), _d("2014-10-01")),
    Official("Jens Stoltenberg", "Stoltenberg", "NATO Secretary General", _d("2014-10-01"), _d("2024-10-01")),
    Official("Mark Rutte", "Rutte", "NATO Secretary General", _d("2024-10-01"), _d("2030-01-01")),
)

DEPUTIES = (
    Official("Sergio Balanzino", "Balanzino", "NATO Deputy Secretary General", _d("1994-01-01"), _d("2001-06-01")),
    Official("Alessandro Minuto-Rizzo", "Minuto-Rizzo", "NATO Deputy Secretary General", _d("2001-06-01"), _d("2007-10-01")),
    Official("Claudio Bisogniero", "Bisogniero", "NATO Deputy Secretary General", _d("2007-10-01"), _d("2012-02-17")),
    Official("Alexander Vershbow", "Vershbow", "NATO Deputy Secretary General", _d("2012-02-17"), _d("2016-10-17")),
    Official("Rose Gottemoeller", "Gottemoeller", "NATO Deputy Secretary General", _d("2016-10-17"), _d("2019-10-17")),
    Official("Mircea Geoană", "Geoană", "NATO Deputy Secretary General", _d("2019-10-17"), _d("2024-09-02")),
    Official("Radmila Shekerinska", "Šekerinska", "NATO Deputy Secretary General", _d("2024-09-02"), _d("2030-01-01"),
             "Radmila Šekerinska"),
)

SPOKESPERSONS = (
    Official("Jamie Shea", "Shea", "NATO Spokesman", _d("1993-01-01"), _d("2000-06-01")),
    Official("James Appathurai", "Appathurai", "NATO Spokesman", _d("2004-01-01"), _d("2010-12-01")),
    Official("Oana Lungescu", "Lungescu", "NATO Spokesperson", _d("2010-12-01"), _d("2023-10-01")),
    Official("Farah Dakhlallah", "Dakhlallah", "NATO Spokesperson", _d("2023-10-01"), _d("2025-06-01")),
    Official("Allison Hart", "Hart", "NATO Spokesperson", _d("2025-06-01"), _d("2030-01-01")),
)


def in_office(officials: tuple[Official, ...], day: dt.date) -> Official | None:
    """The official of this list who held office on ``day``, if any."""
    for official in officials:
        if official.start <= day < official.end:
            return official
    return None


@dataclass(frozen=True)
class Outlet:
    """A news organisation: its canonical name and the spellings labels use."""

    name: str
    spellings: tuple[str, ...]
    first_year: int = 1995
    last_year: int = 2026


OUTLETS = (
    Outlet("Reuters", ("Reuters", "Reuters News Agency", "REUTERS")),
    Outlet("The Associated Press", ("AP", "The Associated Press", "Associated Press")),
    Outlet("AFP", ("AFP", "Agence France-Presse", "Agence France Presse")),
    Outlet("The Wall Street Journal", ("WSJ", "The Wall Street Journal", "Wall Street Journal")),
    Outlet("The New York Times", ("The New York Times", "New York Times", "NYT")),
    Outlet("The Washington Post", ("The Washington Post", "Washington Post")),
    Outlet("CNN", ("CNN",), 1995),
    Outlet("BBC", ("BBC", "BBC News", "BBC World Service")),
    Outlet("Bloomberg", ("Bloomberg", "Bloomberg News")),
    Outlet("Financial Times", ("Financial Times", "FT", "The Financial Times")),
    Outlet("POLITICO", ("POLITICO", "Politico Europe", "Politico"), 2015),
    Outlet("Deutsche Welle", ("Deutsche Welle", "DW")),
    Outlet("ARD", ("ARD", "ARD German Television")),
    Outlet("ZDF", ("ZDF",)),
    Outlet("Frankfurter Allgemeine Zeitung", ("Frankfurter Allgemeine Zeitung", "FAZ")),
    Outlet("Le Monde", ("Le Monde",)),
    Outlet("RFI", ("RFI", "Radio France Internationale")),
    Outlet("TASS", ("TASS", "TASS News Agency", "ITAR-TASS")),
    Outlet("RIA Novosti", ("RIA Novosti", "RIA")),
    Outlet("Interfax", ("Interfax",)),
    Outlet("Rossiya 1", ("Rossiya 1", "Russia 1")),
    Outlet("Ekho Moskvy", ("Ekho Moskvy", "Echo of Moscow"), 1995, 2022),
    Outlet("Ukrinform", ("Ukrinform", "National News Agency of Ukraine")),
    Outlet("UNIAN", ("UNIAN",)),
    Outlet("Anadolu Agency", ("Anadolu Agency", "Anadolu", "AA")),
    Outlet("NRK", ("NRK", "Norwegian Broadcasting Corporation")),
    Outlet("PAP", ("PAP", "Polish Press Agency")),
    Outlet("EFE", ("EFE", "Agencia EFE")),
    Outlet("ANSA", ("ANSA",)),
    Outlet("Kyodo", ("Kyodo", "Kyodo News")),
    Outlet("Al Jazeera", ("Al Jazeera", "Al Jazeera English"), 1996),
    Outlet("Sky News", ("Sky News",)),
    Outlet("RFE/RL", ("RFE/RL", "Radio Free Europe/Radio Liberty", "Radio Free Europe")),
    Outlet("Euronews", ("Euronews", "EuroNews")),
    Outlet("Voice of America", ("VOA", "Voice of America")),
    Outlet("Defense News", ("Defense News",)),
    Outlet("Der Spiegel", ("Der Spiegel", "Spiegel")),
    Outlet("El País", ("El País", "El Pais")),
)

FIRST_NAMES = (
    "Anna", "Lorne", "Steven", "Maria", "Thomas", "Dmytro", "Nadia", "Greg", "Perry", "Simen",
    "Laurence", "Julian", "Sabine", "Piotr", "Elena", "Marco", "Ingrid", "Tomasz", "Hélène", "Kateryna",
    "Andreas", "Sofia", "Mehmet", "Kenji", "Rachel", "David", "Ilya", "Olga", "James", "Claire",
    "Matthias", "Lucía", "Jonas", "Teresa", "Oleksandr", "Agnieszka", "Robin", "Nikos", "Jan", "Aylin",
)
LAST_NAMES = (
    "Novak", "Berger", "Kowalski", "Marchetti", "Lindqvist", "Haddad", "Okafor", "Petrenko", "Dubois", "Sørensen",
    "Brennan", "Vasquez", "Fischer", "Horvat", "Yilmaz", "Tanaka", "Ivanova", "Müller", "Caruso", "Nilsen",
    "Kuznetsov", "Walsh", "Moreau", "Kovalenko", "Schmidt", "Rossi", "Andersen", "Nowak", "Costa", "Hughes",
    "Popescu", "Lambert", "Shevchenko", "García", "Eriksen", "Doyle", "Wagner", "Papadopoulos", "Janssen", "Keller",
)

# Guests of joint press conferences: an office and the language interpreted from.
GUEST_OFFICES = (
    ("Prime Minister", "Norway", None), ("President", "Poland", "Polish"),
    ("Prime Minister", "Ukraine", "Ukrainian"), ("President", "Finland", None),
    ("Prime Minister", "Italy", "Italian"), ("President", "Romania", "Romanian"),
    ("Minister of Foreign Affairs", "France", "French"), ("Minister of Defence", "Germany", "German"),
    ("Prime Minister", "Spain", "Spanish"), ("President", "Türkiye", "Turkish"),
    ("Prime Minister", "Estonia", None), ("President", "Georgia", "Georgian"),
    ("Prime Minister", "Sweden", None), ("Minister of Foreign Affairs", "Canada", "French"),
)


@dataclass(frozen=True)
class World:
    """The recurring cast of one corpus: reporters by outlet."""

    reporters: dict[str, tuple[str, ...]]


def build_world(seed: int) -> World:
    """Give every outlet a few reporters, the same for the whole corpus."""
    rng = random.Random(f"{seed}:world")
    reporters = {
        outlet.name: tuple(
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(2, 4))
        )
        for outlet in OUTLETS
    }
    return World(reporters)


def random_day(rng: random.Random) -> dt.date:
    """A day from 1995 to mid-2026, more likely in recent years (more was published online)."""
    years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
    weights = [0.5 if y < 2004 else 1.0 if y < 2014 else 1.5 for y in years]
    year = rng.choices(years, weights)[0]
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), LAST_DAY)
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def outlets_in(year: int) -> tuple[Outlet, ...]:
    """Outlets that existed (under these names) in ``year``."""
    return tuple(o for o in OUTLETS if o.first_year <= year <= o.last_year)


def invented_name(rng: random.Random) -> str:
    """A made-up full name, for guests."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
