"""A search record per question: pages cut from the built transcript pages, for Pagefind only.

Pagefind's filters hold for a whole page, so filtering transcripts by an
outlet finds every transcript that outlet asked in, and a query then matches
any question of it: "risk" filtered to TASS would return NRK's question. To
filter questions, each question must be a record of its own. These pages are
written into a scratch folder beside the copies Pagefind indexes, never into
the site: one per question section of each transcript page (its heading and
everything up to the next heading), with

- the transcript's filters (year, event, speaker) and the question's own:
  ``outlet`` and ``asker`` (the names its heading links to their pages) and
  ``topic`` (its topic chips);
- meta ``url`` (the question's address from the site root, which a result
  links to instead of the scratch page's), ``transcript`` (its title) and the
  transcript's ``date`` and ``event``, and its date to sort by.

They are cut from the HTML MkDocs wrote, so a record holds exactly what the
page shows under that heading.

The search box asks this index only when the reader filters by outlet or
asker, and Pagefind then returns only records with that outlet or asker: a
question whose heading links to neither (an unnamed reporter's, "Q4") could
never be a result, so it gets no record. At 1,000 synthetic transcripts that
is a quarter of the questions, and of the records Pagefind would index.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

# Headings of a transcript page that are not questions (generator/render/transcript.py).
_NOT_QUESTIONS = frozenset({"opening-statement", "introduction"})
# The transcript's filters a question keeps; its outlets and topics are its own.
_KEPT_FILTERS = ("year", "event", "speaker")
# Text lxml writes into a double-quoted attribute as it is (else: as lxml writes it, see _meta).
_AS_IS = re.compile(r'[^\x00-\x08\x0b\x0c\x0e-\x1f"&<>\ufffe\uffff]*')


def question_pages(page: bytes, url: str, left_out: Collection[str] = ()) -> Iterator[tuple[str, bytes]]:
    """(anchor, HTML) of a record page for each question of the transcript page ``page`` at ``url``.

    ``left_out``: the class selectors (".pr-meta") the index leaves out; a
    question whose section has no other words gets no record, nor one whose
    heading names no asker or outlet with a page (no filter of this index could select it).

    The page is parsed once; each record is written from its elements'
    serialisations (each element of the page is written once, into the one
    record it belongs to), not from copies of them.
    """
    unread = {selector.removeprefix(".") for selector in left_out}
    tree = lxml.html.document_fromstring(page.decode("utf-8"))  # as MkDocs writes it, whatever the page declares
    body = tree.find(".//*[@data-pagefind-body]")
    if body is None:
        return
    title = _text(body.find(".//h1"))
    kept = b"".join(
        _html(meta) for meta in tree.iterfind(".//head/meta")
        if _filter_name(meta) in _KEPT_FILTERS or meta.get("data-pagefind-meta", "").split("[")[0] in ("date", "event")
        or meta.get("data-pagefind-sort") is not None
    )
    opening = _opening(tree.get("lang", "en"))
    for heading, section in _sections(body):
        # A question with no words has nothing to find; one without an asker or an outlet, no filter to find it by.
        if _askers(heading) and any(_says(element, unread) for element in section):
            anchor = heading.get("id", "")
            yield anchor, _record(opening + kept, heading, section, title, f"{url}#{anchor}")


def _says(element: HtmlElement, unread: set[str]) -> bool:
    """Whether the element holds words the question index reads (not only words it leaves out)."""
    classes = set(element.get("class", "").split())
    if classes & unread or element.get("data-pagefind-ignore") is not None:
        return False
    return bool(element.text_content().strip())


def _filter_name(meta: HtmlElement) -> str:
    return meta.get("data-pagefind-filter", "").split("[")[0]


def _text(element: HtmlElement | None) -> str:
    """An element's text without the permalink sign MkDocs adds to headings."""
    if element is None:
        return ""
    words: list[str] = []
    _collect(element, words)
    return " ".join("".join(words).split())


def _collect(element: HtmlElement, words: list[str]) -> None:
    """The text of ``element`` and its descendants, as ``text_content`` gives it, less any headerlink's."""
    if element.text:
        words.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and not (child.tag == "a" and "headerlink" in child.get("class", "").split()):
            _collect(child, words)
        if child.tail:
            words.append(child.tail)


def _html(element: HtmlElement) -> bytes:
    """The element as the page has it, without the text that follows it."""
    return etree.tostring(element, method="html", encoding="utf-8", with_tail=False)


def _opening(language: str) -> bytes:
    """A record page up to its head's first tag: the doctype, ``html`` with its language, the charset."""
    page = lxml.html.Element("html", lang=language)
    return b"<!DOCTYPE html>\n" + _html(page).removesuffix(b"</html>") + b'<head><meta charset="utf-8">'


def _meta(kind: str, name: str, value: str) -> bytes:
    """A ``data-pagefind-KIND="NAME[content]"`` meta tag holding ``value``, as lxml writes it."""
    if _AS_IS.fullmatch(value):  # most values: nothing to escape, written here (a record has many)
        return b'<meta data-pagefind-%s="%s[content]" content="%s">' % (kind.encode(), name.encode(), value.encode())
    return _html(lxml.html.Element("meta", {f"data-pagefind-{kind}": f"{name}[content]", "content": value}))


def _sections(body: HtmlElement) -> Iterator[tuple[HtmlElement, list[HtmlElement]]]:
    """Each question heading of the page with the elements that follow it up to the next heading."""
    heading: HtmlElement | None = None
    section: list[HtmlElement] = []
    for child in body:
        if child.tag == "h2":
            if heading is not None:
                yield heading, section
            heading = child if child.get("id") and child.get("id") not in _NOT_QUESTIONS else None
            section = []
        elif heading is not None:
            section.append(child)
    if heading is not None:
        yield heading, section


def _askers(heading: HtmlElement) -> list[tuple[str, str]]:
    """("asker" or "outlet", name) of each name the question's heading links to its person's or outlet's page."""
    names = [(a.get("href", ""), _text(a)) for a in heading.iterfind(".//a[@href]")]
    return [("asker", name) for href, name in names if "/people/" in href] + [
        ("outlet", name) for href, name in names if "/outlets/" in href]


def _record(head: bytes, heading: HtmlElement, section: list[HtmlElement], transcript: str, url: str) -> bytes:
    """The record page of one question; ``head``: the page's opening and the transcript's kept meta tags."""
    # The heading is the record's title, not its text: its words are the question's own, and a
    # result's excerpt would start by repeating the title shown above it.
    values = [("meta", "title", _text(heading)), ("meta", "url", url), ("meta", "transcript", transcript)]
    values += [("filter", kind, name) for kind, name in _askers(heading)]
    chips = next((e for e in section if "pr-topics" in e.get("class", "").split()), None)
    if chips is not None:
        values += [("filter", "topic", _text(a)) for a in chips.iterfind(".//a")]
    metas = b"".join(_meta(kind, name, value) for kind, name, value in values)
    article = b"".join(_html(element) for element in section)
    return b"".join((head, metas, b"</head><body><div data-pagefind-body=\"\">", article, b"</div></body></html>"))
