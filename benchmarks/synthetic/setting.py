"""The facts of one synthetic event: when, what kind, who, where; and its metadata."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Container
from dataclasses import dataclass

from benchmarks.synthetic.labels import Who
from benchmarks.synthetic.topics import SUMMITS
from benchmarks.synthetic.world import (
    DEPUTIES, FIRST_DAY, GUEST_OFFICES, LAST_DAY, SECRETARIES_GENERAL, SPOKESPERSONS, Official, Outlet,
    in_office, invented_name, outlets_in, random_day,
)

# Event types as the metadata schema spells them (generator/reading/metadata_fields.py).
EVENT_TYPES = ("press-conference", "joint-press-conference", "doorstep", "press-point", "interview", "qa-session")
EVENT_WEIGHTS = (36, 14, 12, 12, 16, 10)
MODERATED = {"press-conference": 0.8, "joint-press-conference": 0.85, "press-point": 0.5, "qa-session": 0.6}

HQ = "NATO Headquarters, Brussels"
CAPITALS = {
    "Norway": "Oslo", "Poland": "Warsaw", "Ukraine": "Kyiv", "Finland": "Helsinki", "Italy": "Rome",
    "Romania": "Bucharest", "France": "Paris", "Germany": "Berlin", "Spain": "Madrid", "Türkiye": "Ankara",
    "Estonia": "Tallinn", "Georgia": "Tbilisi", "Sweden": "Stockholm", "Canada": "Ottawa",
}
VENUES = (
    ("the Munich Security Conference", "Munich"), ("the GLOBSEC Forum", "Bratislava"),
    ("the NATO Public Forum", "Brussels"), ("Georgetown University", "Washington"),
    ("the College of Europe", "Bruges"), ("the Körber Foundation", "Berlin"),
)
MEETINGS = (
    (1995, 2026, "the meeting of the North Atlantic Council"),
    (1995, 2026, "the meeting of NATO Defence Ministers"),
    (1995, 2026, "the meeting of NATO Ministers of Foreign Affairs"),
    (1995, 2026, "the extraordinary meeting of the North Atlantic Council"),
    (2002, 2022, "the meeting of the NATO-Russia Council"),
    (1997, 2023, "the meeting of the NATO-Ukraine Commission"),
    (2023, 2026, "the meeting of the NATO-Ukraine Council"),
    (2014, 2026, "the meeting of the North Atlantic Council in Defence Ministers' session"),
)


@dataclass(frozen=True)
class Setting:
    """Who, when, where and what kind of event."""

    day: dt.date
    event_type: str
    principal: Official
    guest: Who | None
    guest_language: str | None
    moderator: Who | None  # present and calling on outlets; name None when unnamed
    interview_outlet: Outlet | None
    title: str
    location: str
    source_url: str


def make_setting(rng: random.Random, index: int, taken: Container[tuple[dt.date, str]] = ()) -> Setting:
    """Draw the facts of one event, on a day with no other event of its type in ``taken``.

    One press conference a day (and one doorstep, one interview ...) keeps
    two transcripts from sharing a date and a title, which the archive never
    does and which would make them share a page.
    """
    day = random_day(rng)
    event_type = rng.choices(EVENT_TYPES, EVENT_WEIGHTS)[0]
    while (day, event_type) in taken:
        day = day + dt.timedelta(days=1) if day < LAST_DAY else FIRST_DAY
    principal = in_office(SECRETARIES_GENERAL, day)
    deputy = in_office(DEPUTIES, day)
    if principal is None or (deputy is not None and event_type != "joint-press-conference" and rng.random() < 0.07):
        principal = deputy
    assert principal is not None, day  # the two lists cover 1995-2029
    guest = guest_language = None
    if event_type == "joint-press-conference":
        office, country, guest_language = rng.choice(GUEST_OFFICES)
        name = invented_name(rng)
        guest = Who(name, name.split()[-1], f"{office} of {country}")
    moderator = None
    if rng.random() < MODERATED.get(event_type, 0.0):
        spokes = in_office(SPOKESPERSONS, day)
        moderator = Who(spokes.name, spokes.surname, spokes.role) if spokes else Who(None, None, "NATO Spokesman")
    outlet = rng.choice(outlets_in(day.year)) if event_type == "interview" else None
    title, location = _title_and_place(rng, day, event_type, principal, guest, outlet)
    return Setting(day, event_type, principal, guest, guest_language, moderator, outlet, title, location,
                   _source_url(rng, day, title, index))


def _title_and_place(
    rng: random.Random, day: dt.date, event_type: str, principal: Official, guest: Who | None, outlet: Outlet | None,
) -> tuple[str, str]:
    who = f"{principal.role} {principal.shown}"
    summit = next((city for year, city in SUMMITS if year == day.year), None)
    meeting = rng.choice([m for first, last, m in MEETINGS if first <= day.year <= last])
    if event_type == "interview":
        assert outlet is not None
        form = rng.choice(("Interview of {who} by {o}", "Interview with {who} on {o}", "{who} interviewed by {o}"))
        return form.format(who=who, o=outlet.name), rng.choice((HQ, HQ, "Brussels", "Washington", "Berlin"))
    if event_type == "qa-session":
        venue, city = rng.choice(VENUES)
        return f"Q&A session with {who} at {venue}", city
    if event_type == "joint-press-conference":
        assert guest is not None
        country = guest.role.rsplit(" of ", 1)[1]
        place = rng.choice((HQ, CAPITALS[country]))
        return f"Joint press conference with {who} and the {guest.role}, {guest.name}", place
    if summit and rng.random() < 0.3:
        occasion, place = rng.choice(("at the {s} Summit", "on the second day of the {s} Summit")).format(s=summit), summit
    elif event_type == "press-point" and rng.random() < 0.5:
        country = rng.choice(sorted(CAPITALS))
        occasion, place = f"during a visit to {country}", CAPITALS[country]
    else:
        verbs = ("ahead of", "prior to", "on arrival at") if event_type == "doorstep" else (
            "following", "after", "at the end of")
        occasion, place = f"{rng.choice(verbs)} {meeting}", HQ
    kind = {"press-conference": "Press conference", "doorstep": "Doorstep statement",
            "press-point": "Press point"}[event_type]
    return f"{kind} by {who} {occasion}", place


def _source_url(rng: random.Random, day: dt.date, title: str, index: int) -> str:
    """An address on nato.int in the old (cps) or the new (dated path) form."""
    if day.year < 2024 and rng.random() < 0.5:
        return f"https://www.nato.int/cps/en/natohq/opinions_{100000 + index * 7 + rng.randint(0, 6)}.htm"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return f"https://www.nato.int/en/news-and-events/events/transcripts/{day:%Y/%m/%d}/{slug}"

