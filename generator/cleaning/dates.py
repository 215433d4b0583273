"""Dates and times as page headers print them, in the archive's interface languages.

``24 Mar. 2022``, ``06 Dec. 2007 - 07 Dec. 2007``, ``December 10, 2012``,
``10 декабря 2012 года``, ``Mis à jour le: 24 mars 2022``, ``7:06 P.M. EST``.
The month names come from the Unicode CLDR data that Babel ships (both the
forms used inside a date and the stand-alone ones, full and abbreviated),
so a new interface language is one code in ``LANGUAGES``. The pattern that
recognises a date line already holds its day, month and year, so turning
them into a date needs no second parser.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_month_names, get_day_names

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk")


def _folded(text: str) -> str:
    """Case and accents do not count: "Févr." and "fevr" are one month."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).rstrip(".")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    months: dict[str, int] = {}
    for language in LANGUAGES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, language).items():
                    months.setdefault(_folded(name), number)
    # Old English abbreviations the CLDR does not list: "Sept.", and "May." as the archive prints it.
    months.setdefault("sept", 9)
    return months


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    return frozenset(
        _folded(name)
        for language in LANGUAGES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, "format", language).values()
    )


_WORD = r"[^\W\d_][^\W\d_'’]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?:19|20)\d{2}"
_YEAR_WORD = r"(?:\s*(?:г\.|года|року|р\.))?"  # "2012 года": Russian and Ukrainian say "of the year"


def _date_pattern(prefix: str) -> str:
    """Day-month-year, month-day-year or ISO; each form's parts in groups of their own."""
    return (
        rf"(?:(?P<{prefix}iso>{_YEAR}-\d{{2}}-\d{{2}})"
        rf"|(?P<{prefix}day>{_DAY})[\s-]+(?:de\s+)?(?P<{prefix}month>{_WORD})[\s-]+(?:de\s+)?(?P<{prefix}year>{_YEAR})"
        rf"|(?P<{prefix}mmonth>{_WORD})\s+(?P<{prefix}mday>{_DAY}),?\s+(?P<{prefix}myear>{_YEAR})){_YEAR_WORD}"
    )


_DATE = re.compile(rf"(?:(?P<weekday>{_WORD}),?\s+)?{_date_pattern('')}")
_RANGE = re.compile(rf"\s*(?:[-–—]|to|au|bis)\s*{_date_pattern('end_')}")
_TIME = re.compile(  # "7:06 P.M. EST", "END 1:53 P.M. EST"
    r"^\(?(?:(?i:end)\s+)?(?P<time>\d{1,2}[:.h]\d{2}(?:\s*[AaPp]\.?\s*[Mm]\.?)?)(?:\s+(?P<zone>[A-Z]{2,5}))?\)?$"
)


@dataclass(frozen=True)
class PrintedDate:
    """A date found in a line: the day, the last day of a range (or None), and the text around it."""

    date: dt.date
    end: dt.date | None
    before: str  # what the line holds before the date ("Olympic Sports Centre")
    after: str  # what it holds after the date and range


def find_date(text: str) -> PrintedDate | None:
    """The first full date (day, month and year) in a text, and a range after it, if any."""
    for match in _DATE.finditer(text):
        start = _date_of(match, "")
        if start is None:
            continue
        if match.group("weekday") and _folded(match.group("weekday")) not in _weekdays():
            # "Centre 27 Nov. 2006": the word before the day belongs to what precedes the date.
            starts = [match.start(group) for group in ("iso", "day", "mmonth") if match.group(group)]
            before = text[: min(starts)].strip()
        else:
            before = text[: match.start()].strip()
        rest = text[match.end():]
        end = None
        ranged = _RANGE.match(rest)
        if ranged is not None:
            end = _date_of(ranged, "end_")
            if end is not None:
                rest = rest[ranged.end():]
        return PrintedDate(start, end if end != start else None, before, rest.strip())
    return None


def is_time(text: str) -> bool:
    """``17:15``, ``7:06 P.M. EST``, ``10:02 AM``: a time of day, alone."""
    return _TIME.match(text.strip()) is not None


def _date_of(match: re.Match[str], prefix: str) -> dt.date | None:
    iso = match.group(f"{prefix}iso")
    form = "" if match.group(f"{prefix}day") else "m"
    try:
        if iso:
            return dt.date.fromisoformat(iso)
        month = _months().get(_folded(match.group(f"{prefix}{form}month")))
        if month is None:
            return None
        day = int(match.group(f"{prefix}{form}day").rstrip(".stndrhe"))
        return dt.date(int(match.group(f"{prefix}{form}year")), month, day)
    except ValueError:  # "31 Feb. 2020": not a date
        return None
