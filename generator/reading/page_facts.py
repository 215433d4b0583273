"""Facts a web page's markup states that a metadata file would otherwise give.

Named as the cleaner names the facts it finds in text: ``title``,
``printed_date`` (ISO, from a machine-readable date), ``printed_time``,
``printed_location``, ``publisher``; and ``source_url`` and ``language``
as the metadata file names them. Where two places give one fact:

* ``title``: the article's ``<h1>`` (what the page shows above the text),
  else ``og:title`` (written for link previews, sometimes shortened), else
  ``<title>`` (which most sites suffix with their own name);
* ``source_url``: ``<link rel=canonical>`` when it is a full address, else
  ``og:url`` (mirrors rewrite the canonical link to a local file name);
* ``printed_date``: the ``datetime`` of the first ``<time>`` (or
  ``itemprop=datePublished``) in the article's header, else the page's
  ``article:published_time``.
"""

from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from generator.reading.decode import normalise_text
from generator.reading.page_structure import class_words, element_text

__all__ = ["FactElements", "fact_kind", "is_fact_element", "page_facts"]

_DATE_PROPERTIES = frozenset({"datepublished", "datecreated", "dateissued", "startdate"})
_PLACE_PROPERTIES = frozenset({"location", "contentlocation", "locationcreated"})
_PLACE_WORDS = frozenset({"location", "place", "venue"})
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")
_TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
_ADDRESS = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def fact_kind(element: etree._Element) -> str | None:
    """``date``, ``time`` or ``place`` when the markup says the element gives one of these."""
    properties = set((element.get("itemprop") or "").lower().split())
    if element.tag == "time" or properties & _DATE_PROPERTIES:
        return "date"
    if properties & _PLACE_PROPERTIES:
        return "place"
    words = class_words(element)
    if words & _PLACE_WORDS:
        return "place"
    if "time" in words:
        return "time"
    return None


def is_fact_element(element: etree._Element) -> bool:
    """Whether an element of the article's header gives its date, time or place (a line of its own)."""
    return fact_kind(element) is not None


class FactElements:
    """The first element of each kind of fact met in the article's header, as the page is read."""

    def __init__(self) -> None:
        self.found: dict[str, etree._Element] = {}

    def note(self, element: etree._Element) -> None:
        kind = fact_kind(element)
        if kind is not None:
            self.found.setdefault(kind, element)

    def note_title(self, element: etree._Element) -> None:
        self.found.setdefault("title", element)


def page_facts(root: etree._Element, elements: FactElements) -> tuple[tuple[str, str], ...]:
    """The facts of a page, sorted by name; a fact the page does not state is left out."""
    head = root.find("head")
    meta: dict[str, str] = {}
    links: dict[str, str] = {}
    if head is not None:
        for tag in head.iter("meta", "link"):
            if tag.tag == "meta":
                key = (tag.get("property") or tag.get("name") or tag.get("http-equiv") or "").lower()
                if key and key not in meta and tag.get("content"):
                    meta[key] = tag.get("content") or ""
            else:
                for rel in (tag.get("rel") or "").lower().split():
                    links.setdefault(rel, tag.get("href") or "")
    facts: dict[str, str | None] = {
        "source_url": _address(links.get("canonical")) or _address(meta.get("og:url")),
        "language": _language(root.get("lang") or meta.get("content-language") or meta.get("og:locale")),
        "title": _text(elements.found.get("title")) or _clean(meta.get("og:title")) or _clean(_head_title(head)),
        "publisher": _clean(meta.get("og:site_name")),
        "printed_location": _place(elements.found.get("place")),
    }
    date, time = _when(elements.found.get("date"))
    if date is None:
        date, time = _iso(meta.get("article:published_time"))
    facts["printed_date"] = date
    clock = _text(elements.found.get("time"))
    facts["printed_time"] = time or (clock if clock and _TIME_OF_DAY.match(clock) else None)
    return tuple(sorted((name, value) for name, value in facts.items() if value))


def _clean(text: str | None) -> str | None:
    return " ".join(normalise_text(text).split()) or None if text else None


def _text(element: etree._Element | None) -> str | None:
    return _clean(element_text(element)) if element is not None else None


def _head_title(head: etree._Element | None) -> str | None:
    title = head.find("title") if head is not None else None
    return element_text(title) if title is not None else None


def _place(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return _text(element) or _clean(element.get("content"))


def _when(element: etree._Element | None) -> tuple[str | None, str | None]:
    if element is None:
        return None, None
    return _iso(element.get("datetime") or element.get("content"))


def _iso(value: str | None) -> tuple[str | None, str | None]:
    """``2012-12-10`` or ``2012-12-10T17:15:00+03:00`` as an ISO date and a time of day."""
    match = _ISO_DATE.match(value or "")
    if not match:
        return None, None
    try:
        day = dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None, None
    return day, match.group(2)


def _address(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if _ADDRESS.match(value) else None


def _language(value: str | None) -> str | None:
    """``en``, ``en-GB``; ``en_GB`` (og:locale) written the same way."""
    if not value:
        return None
    parts = value.strip().replace("_", "-").split("-")
    code = "-".join([parts[0].lower(), *parts[1:]])
    return code if _LANGUAGE.match(code) else None
