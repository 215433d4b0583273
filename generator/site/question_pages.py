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
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator

import lxml.html
from lxml.html import HtmlElement

# Headings of a transcript page that are not questions (generator/render/transcript.py).
_NOT_QUESTIONS = frozenset({"opening-statement", "introduction"})
# The transcript's filters a question keeps; its outlets and topics are its own.
_KEPT_FILTERS = ("year", "event", "speaker")


def question_pages(page: bytes, url: str, left_out: Collection[str] = ()) -> Iterator[tuple[str, bytes]]:
    """(anchor, HTML) of a record page for each question of the transcript page ``page`` at ``url``.

    ``left_out``: the class selectors (".pr-meta") the index leaves out; a
    question whose section has no other words gets no record.
    """
    unread = {selector.removeprefix(".") for selector in left_out}
    tree = lxml.html.document_fromstring(page.decode("utf-8"))  # as MkDocs writes it, whatever the page declares
    body = tree.find(".//*[@data-pagefind-body]")
    if body is None:
        return
    title = _text(body.find(".//h1"))
    kept = [
        meta for meta in tree.iterfind(".//head/meta")
        if _filter_name(meta) in _KEPT_FILTERS or meta.get("data-pagefind-meta", "").split("[")[0] in ("date", "event")
        or meta.get("data-pagefind-sort") is not None
    ]
    language = tree.get("lang", "en")
    for heading, section in _sections(body):
        if any(_says(element, unread) for element in section):  # a question with no words has nothing to find
            anchor = heading.get("id", "")
            yield anchor, _record(heading, section, kept, language, title, f"{url}#{anchor}")


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
    element = _copied(element)
    for link in element.iterdescendants("a"):
        if "headerlink" in link.get("class", "").split():
            link.drop_tree()
    return " ".join(element.text_content().split())


def _copied(element: HtmlElement) -> HtmlElement:
    """A copy of the element without the text that follows it."""
    duplicate = copy.deepcopy(element)
    duplicate.tail = None
    return duplicate


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


def _record(
    heading: HtmlElement, section: list[HtmlElement], kept: list[HtmlElement], language: str, transcript: str, url: str
) -> bytes:
    """The record page of one question."""
    page, head, body, charset = (lxml.html.Element(tag) for tag in ("html", "head", "body", "meta"))
    page.set("lang", language)
    charset.set("charset", "utf-8")
    head.append(charset)
    page.extend((head, body))
    for meta in kept:
        head.append(_copied(meta))
    links = heading.iterfind(".//a[@href]")
    names = [(a.get("href", ""), _text(a)) for a in links]
    # The heading is the record's title, not its text: its words are the question's own, and a
    # result's excerpt would start by repeating the title shown above it.
    values = [("meta", "title", _text(heading)), ("meta", "url", url), ("meta", "transcript", transcript)]
    values += [("filter", "asker", name) for href, name in names if "/people/" in href]
    values += [("filter", "outlet", name) for href, name in names if "/outlets/" in href]
    chips = next((e for e in section if "pr-topics" in e.get("class", "").split()), None)
    if chips is not None:
        values += [("filter", "topic", _text(a)) for a in chips.iterfind(".//a")]
    for kind, name, value in values:
        meta = lxml.html.Element("meta")
        meta.set(f"data-pagefind-{kind}", f"{name}[content]")
        meta.set("content", value)
        head.append(meta)
    article = lxml.html.Element("div")
    article.set("data-pagefind-body", "")
    for element in section:
        article.append(_copied(element))
    body.append(article)
    return lxml.html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8")
