"""Person and outlet pages, their year pages and their A-to-Z indexes.

A person's page says the roles they were named with and the outlets they
asked for, then lists newest first the transcripts they speak in, the
questions they asked and the questions they answered, each question linking
to its heading on its transcript's page. An outlet's page says who asked for
it and lists its questions the same way. A person or outlet with year pages
(generator.render.people_views) has a line per year instead.

Every name and text comes from transcripts, so everything goes through
``escape.inline``; links are relative ``.md`` links, checked by MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import paths
from .escape import inline
from .frontmatter import date_span, document, index_meta
from .page import Page
from .paths import cached_link, fragment
from .text import MONTHS, count, long_date
from .views import (
    Listing,
    NameCount,
    NameLabel,
    NameYearPage,
    OutletPage,
    OutletsPage,
    PeoplePage,
    PersonPage,
    QuestionLine,
    RoleLine,
    YearLine,
)


def render_person_page(view: PersonPage) -> Page:
    """A person's page: roles, outlets, what they did where, and the listing or a line per year."""
    person, did = view.person, _did(view.asked, view.answered)
    span = date_span(view.first_date, view.last_date)
    summary = f"{inline(person.name)} speaks in {count(view.transcripts, 'transcript')}" + (f", {span}" if span else "")
    summary += f": {did}." if did else "."
    others = "Asked for " + _named_counts(view.path, "outlet", view.outlets, "question") + "." if view.outlets else None
    description = f"{person.name}: {did or 'speaks'} in {count(view.transcripts, 'transcript')}."
    return _name_page(view.path, "person", person, [*_roles(view.roles), summary], others, view, description)


def render_outlet_page(view: OutletPage) -> Page:
    """An outlet's page: who asked for it, and the listing or a line per year."""
    outlet, span = view.outlet, date_span(view.first_date, view.last_date)
    asked = f"{count(view.asked, 'question')} in {count(view.transcripts, 'transcript')}"
    summary = f"{inline(outlet.name)} asked {asked}" + (f", {span}" if span else "") + "."
    others = "Asked by " + _named_counts(view.path, "person", view.askers, "question") + "." if view.askers else None
    return _name_page(view.path, "outlet", outlet, [summary], others, view, f"{outlet.name}: {asked}.")


def _name_page(
    path: str, kind: paths.Named, label: NameLabel, lead: list[str], others: str | None,
    view: PersonPage | OutletPage, description: str,
) -> Page:
    """A person's or outlet's main page: the name, the ``lead`` paragraphs (the last one followed by
    the feed's link), the people or outlets it ties to, then the listing or a line per year."""
    feed = paths.named_feed(kind, label.slug)
    lead[-1] += _follow(path, feed)
    blocks = [f"# {inline(label.name)}", *lead, *([others] if others else [])]
    blocks += _listing_or_years(path, kind, label, view.listing, view.years)
    meta = index_meta(label.name, description, feed, f"{label.name}: newest transcripts")
    return Page(path, document(meta, "\n\n".join(blocks)))


def render_name_year_page(view: NameYearPage) -> Page:
    """What a person or outlet with year pages said or asked in one year."""
    path, label, listing = view.path, view.label, view.listing
    when = "undated transcripts" if view.year is None else str(view.year)
    if view.month is not None:
        when = f"{MONTHS[view.month - 1]} {when}"
    name = f"{label.name} in {when}"
    main = paths.named(view.kind, label.slug)
    blocks = [
        f"# {inline(name)}",
        f"Part of [{inline(label.name)}]({cached_link(path, main)}): "
        + _tally(len(listing.transcripts), len(listing.asked), len(listing.answered)) + ".",
        *_listing(path, view.kind, listing),
    ]
    return Page(path, document(index_meta(name, f"{name}."), "\n\n".join(blocks)))


def render_people_index(view: PeoplePage) -> Page:
    """Every person, A to Z by surname, with their role or outlet and what they did."""
    intro = (
        f"Everyone the archive names as speaking: {count(view.count, 'person', 'people')}, "
        "the principal speakers, the moderators and the journalists who asked questions, A to Z by surname."
    )
    return _index(view.path, "People", intro, "person", view.letters)


def render_outlets_index(view: OutletsPage) -> Page:
    """Every outlet, A to Z, with its questions."""
    intro = f"Every outlet a question was asked for: {count(view.count, 'outlet')}, A to Z."
    return _index(view.path, "Outlets", intro, "outlet", view.letters)


def _index(
    path: str, title: str, intro: str, kind: paths.Named, letters: tuple[tuple[str, tuple[NameCount, ...]], ...]
) -> Page:
    blocks = [f"# {title}", intro]
    if letters:
        blocks.append(" · ".join(f"[{inline(letter)}](#{_letter_id(letter)})" for letter, _names in letters))
    for letter, names in letters:
        blocks.append(f"## {inline(letter)} {{#{_letter_id(letter)}}}")
        blocks.append("\n".join(_index_line(path, kind, name) for name in names))
    if not letters:
        blocks.append(f"No {title.lower()} yet.")
    return Page(path, document(index_meta(title, intro), "\n\n".join(blocks)))


def _index_line(path: str, kind: paths.Named, name: NameCount) -> str:
    link = f"[{inline(name.label.name)}]({cached_link(path, paths.named(kind, name.label.slug))})"
    if name.note:
        link += f", {inline(name.note)}"
    facts = [count(name.transcripts, "transcript")]
    if name.asked:
        facts.append(count(name.asked, "question") + (" asked" if kind == "person" else ""))
    if name.answered:
        facts.append(f"{count(name.answered, 'question')} answered")
    return f"- {link}: {', '.join(facts)}"


def _letter_id(letter: str) -> str:
    """An id for a letter's heading: "letter-a"; a letter outside ASCII by its code point."""
    if letter.isascii() and letter.isalpha():
        return f"letter-{letter.lower()}"
    return "letter-other" if not letter.isalpha() else f"letter-{ord(letter)}"


def _did(asked: int, answered: int) -> str:
    """ "asked 2 questions and answered 13", or one of them; empty when neither."""
    parts = []
    if asked:
        parts.append(f"asked {count(asked, 'question')}")
    if answered:
        parts.append(f"answered {answered}" if asked else f"answered {count(answered, 'question')}")
    return " and ".join(parts)


def _tally(transcripts: int, asked: int, answered: int) -> str:
    """ "3 transcripts, asked 2 questions and answered 13"."""
    return ", ".join(filter(None, (count(transcripts, "transcript"), _did(asked, answered))))


def _follow(path: str, feed: str) -> str:
    return f" Follow: [Atom feed]({cached_link(path, feed)}) of the newest transcripts."


def _roles(roles: Iterable[RoleLine]) -> list[str]:
    lines = [
        f"- {inline(role.title)}: {count(role.transcripts, 'transcript')}"
        + (f", {date_span(role.first, role.last)}" if role.first else "")
        for role in roles
    ]
    return ["Roles:\n\n" + "\n".join(lines)] if lines else []


def _named_counts(path: str, kind: paths.Named, names: tuple[tuple[NameLabel, int], ...], unit: str) -> str:
    return ", ".join(
        f"[{inline(label.name)}]({cached_link(path, paths.named(kind, label.slug))}) ({count(n, unit)})"
        for label, n in names
    )


def _listing_or_years(
    path: str, kind: paths.Named, label: NameLabel, listing: Listing | None, years: tuple[YearLine, ...]
) -> list[str]:
    if listing is not None:
        return _listing(path, kind, listing)
    lines = []
    for year in years:
        name = "Undated" if year.year is None else str(year.year)
        tally = _tally(year.transcripts, year.asked, year.answered)
        if not year.months:
            lines.append(f"- [{name}]({cached_link(path, paths.named_year(kind, label.slug, year.year))}): {tally}")
            continue
        months = ", ".join(
            f"[{MONTHS[month - 1]}]({cached_link(path, paths.named_year(kind, label.slug, year.year, month))})"
            for month in year.months
        )
        lines.append(f"- {name}: {tally}; by month: {months}")
    return ["## By year", "\n".join(lines)]


def _listing(path: str, kind: paths.Named, listing: Listing) -> list[str]:
    """Each transcript, with what was asked or answered in it, and under it those questions.

    One nested list rather than a heading per transcript: a big page would
    otherwise carry a table of contents as long as itself.
    """
    asked = _by_transcript(listing.asked)
    answered = _by_transcript(listing.answered)
    items = []
    for transcript in listing.transcripts:
        mine, theirs = asked.get(transcript.slug, ()), answered.get(transcript.slug, ())
        line = f"- [{inline(transcript.title)}]({cached_link(path, paths.transcript(transcript.slug))}), "
        line += long_date(transcript.date)
        did = _did(len(mine), len(theirs))
        items.append(line + (f": {did}" if did else ""))
        both = bool(mine and theirs)
        items += (_question(path, kind, q, "Asked " if both else "") for q in mine)
        items += (_question(path, None, q, "Answered " if both else "") for q in theirs)
    return ["## Transcripts", "\n".join(items)]


def _by_transcript(lines: tuple[QuestionLine, ...]) -> dict[str, list[QuestionLine]]:
    grouped: dict[str, list[QuestionLine]] = {}
    for line in lines:
        grouped.setdefault(line.transcript.slug, []).append(line)
    return grouped


def _question(path: str, kind: paths.Named | None, line: QuestionLine, verb: str) -> str:
    """A question as an item under its transcript; ``kind``: whose page it is, whose name the
    item leaves out (the asker on a person's, the outlet on an outlet's)."""
    who = [v for v, leave_out in ((line.asker, kind == "person"), (line.outlet, kind == "outlet")) if v and not leave_out]
    label = f"{verb}Q{line.number}" + (f" · {', '.join(inline(v) for v in who)}" if who else "")
    link = f"{cached_link(path, paths.transcript(line.transcript.slug))}#{fragment(line.anchor)}"
    return f"    - [{label}]({link})" + (f": {inline(line.gist)}" if line.gist else "")
