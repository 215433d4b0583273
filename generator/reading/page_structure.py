"""What a web page's structure says about its parts: where the article is, what the rest is.

A page is its article and the site around it. The article is found from
the page's own semantic markup (``[itemprop=articleBody]`` inside an
``<article>``, an ``<article>``, ``<main>``, ``[role=main]``); a page of
bare ``<div>`` elements falls back on where its prose is. Every other part
is named by what it is (``page-navigation``, ``page-footer``,
``share-widget``, ``related-material``, ``page-form``, else
``outside-article``) from its element, its ARIA role, where its links point
and, outside the article only, the words of its class and id. No rule knows
any one site's class names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from generator.reading.source_lines import SourceLine

# Elements whose content no reader sees: scripts, styles, fallbacks for
# missing features, embedded documents and drawings.
NO_TEXT_TAGS = frozenset({
    "head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed",
    "video", "audio", "canvas", "title", "noframes",
})
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# What each rule names, from the most specific to the most general: a block
# inside several named parts (a mail form in a share widget in a tab bar)
# takes the first of them in this order.
RULE_ORDER = ("tooltip", "share-widget", "page-form", "page-footer", "page-navigation", "related-material")
OUTSIDE = "outside-article"

_BY_TAG = {
    "nav": "page-navigation", "menu": "page-navigation", "header": "page-navigation",
    "footer": "page-footer",
    "form": "page-form", "button": "page-form", "select": "page-form", "textarea": "page-form",
    "label": "page-form", "fieldset": "page-form",
    "aside": "related-material",
}
_BY_ROLE = {
    "navigation": "page-navigation", "menubar": "page-navigation", "menu": "page-navigation",
    "tablist": "page-navigation", "tab": "page-navigation", "banner": "page-navigation",
    "toolbar": "page-navigation",
    "contentinfo": "page-footer",
    "search": "page-form", "form": "page-form",
    "complementary": "related-material",
}
# Inside the article only the clearest signs count: a menu, a form, a footer,
# an aside. A header there is the article's own (its title, date and place).
_IN_ARTICLE_TAGS = {tag: rule for tag, rule in _BY_TAG.items() if tag != "header"}
_IN_ARTICLE_ROLES = {"navigation": "page-navigation", "search": "page-form", "form": "page-form",
                     "contentinfo": "page-footer", "complementary": "related-material"}
# The words sites of every language use in class and id names for their parts.
_BY_CLASS_WORD = {
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "toolbar",
                     "tabs", "pagination", "pager", "masthead", "header", "topbar", "topline"), "page-navigation"),
    **dict.fromkeys(("footer", "copyright", "license", "licence", "colophon", "legal"), "page-footer"),
    **dict.fromkeys(("share", "sharing", "social", "sharer"), "share-widget"),
    **dict.fromkeys(("related", "recommended", "sidebar", "teaser", "teasers", "promo", "aside", "more"),
                    "related-material"),
    **dict.fromkeys(("search", "form", "subscribe", "newsletter", "login", "signin"), "page-form"),
}
_CLASS_WORD = re.compile(r"[a-z]+")
# Addresses of the share endpoints of social networks and of "send by mail".
_SHARE_ADDRESS = re.compile(
    r"(?:^|[/.])share(?:r|article)?(?:\.php)?(?:[/?]|$)|intent/tweet|update\.bml|submit\?url=|pin/create|addshare|"
    r"connect\.ok\.ru/offer|wa\.me/\?text|whatsapp://send|send\?text=|^mailto:\?",
    re.I,
)
# Licence and copyright lines are the same in every language: a sign or a link type.
COPYRIGHT_SIGN = "©"


def is_hidden(element: etree._Element) -> bool:
    """An element the page never shows: a script, a template, or hidden by its attributes."""
    if element.tag in NO_TEXT_TAGS:
        return True
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return style is not None and _HIDING_STYLE.search(style) is not None


def element_text(element: etree._Element) -> str:
    """All the text inside an element, hidden parts included (for facts and titles, not lines)."""
    return "".join(map(str, element.itertext()))


_TOOLTIP_WORDS = frozenset({"tooltip", "popup", "popover"})


def is_tooltip(element: etree._Element) -> bool:
    """Text a page shows only on hover (a person's card over their name): no part of the sentence around it."""
    return (element.get("role") or "").lower() == "tooltip" or bool(class_words(element) & _TOOLTIP_WORDS)


def class_words(element: etree._Element) -> set[str]:
    """The words of an element's class and id: ``footer__license`` gives footer and license."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return set(_CLASS_WORD.findall(names.lower())) if names.strip() else set()


@dataclass(frozen=True)
class Counts:
    """What a part of the page holds: words outside links (its prose), links, share links."""

    prose: int
    links: int
    shares: int


def count_parts(root: etree._Element) -> dict[etree._Element, Counts]:
    """Counts of every element, in one pass over the tree."""
    counts: dict[etree._Element, Counts] = {}
    stack: list[list[int]] = []
    link_depth = 0
    hidden_depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(element.tag, str):
            continue
        if event == "start":
            if hidden_depth or is_hidden(element):
                hidden_depth += 1
                continue
            is_link = element.tag == "a" and element.get("href") is not None
            link_depth += is_link
            shares = int(is_link and _SHARE_ADDRESS.search(element.get("href") or "") is not None)
            stack.append([_words(element.text) if not link_depth else 0, int(is_link), shares])
            continue
        if hidden_depth:
            hidden_depth -= 1
            if hidden_depth:
                continue
            if stack:
                stack[-1][0] += 0 if link_depth else _words(element.tail)
            continue
        prose, links, shares = stack.pop()
        counts[element] = Counts(prose, links, shares)
        is_link = element.tag == "a" and element.get("href") is not None
        link_depth -= is_link
        if stack:
            parent = stack[-1]
            parent[0] += prose + (0 if link_depth else _words(element.tail))
            parent[1] += links
            parent[2] += shares
    return counts


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def main_content(root: etree._Element, counts: dict[etree._Element, Counts]) -> tuple[etree._Element, etree._Element | None]:
    """The article of the page and the element of its body text (when the markup names it).

    The first of: the ``<article>`` around ``[itemprop=articleBody]`` (so
    that the title and date above the body come with it), the articleBody
    itself, the ``<article>``, ``<main>`` or ``[role=main]`` with the most
    prose. A candidate that holds less than a third of the page's prose is
    a teaser, not the article; then, and on pages without such markup, the
    article is where the prose is (:func:`densest_part`).
    """
    body = root.find("body")
    if body is None:
        body = root
    total = counts.get(body, Counts(0, 0, 0)).prose

    def prose(element: etree._Element) -> int:
        return counts.get(element, Counts(0, 0, 0)).prose

    def big_enough(element: etree._Element) -> bool:
        return prose(element) > 0 and 3 * prose(element) >= total

    bodies = [e for e in body.iterfind(".//*[@itemprop='articleBody']") if big_enough(e)]
    if bodies:
        text = max(bodies, key=prose)
        article = next((a for a in text.iterancestors("article")), None)
        return (article if article is not None else text), text
    for path in (".//article", ".//main", ".//*[@role='main']"):
        candidates = [e for e in body.iterfind(path) if big_enough(e)]
        if candidates:
            return max(candidates, key=prose), None
    return densest_part(body, counts), None


_MOST_PROSE = 0.7
_TITLE_TAGS = ("h1", "h2", "h3")
_SHORTEST_TITLE = 8  # characters: "Legal" or "Menu" in a page's title is no article's title


def densest_part(body: etree._Element, counts: dict[etree._Element, Counts]) -> etree._Element:
    """The smallest part of the page that holds most of its prose, with the title above it.

    From the body down, go into the child holding at least 70% of the words
    outside links, unless a sibling before it holds the article's title,
    which would be left behind: the heading that the page's ``<title>``
    repeats (or, on a page without one, an ``<h1>`` that is not a link).
    """
    page_title = _page_title(body)
    current = body
    while True:
        children = [child for child in current if isinstance(child.tag, str) and child in counts]
        if not children:
            return current
        best = max(children, key=lambda child: counts[child].prose)
        if counts[best].prose < _MOST_PROSE * counts[current].prose or counts[best].prose == 0:
            return current
        before = children[: children.index(best)]
        if any(_holds_title(sibling, page_title) for sibling in before):
            return current
        current = best


def _page_title(body: etree._Element) -> str | None:
    head = body.getroottree().getroot().find("head")
    if head is None:
        return None
    texts = [element_text(title) for title in head.iter("title")]
    texts += [meta.get("content") or "" for meta in head.iter("meta") if meta.get("property") == "og:title"]
    return " ".join(" ".join(texts).split()).casefold() or None


def _holds_title(element: etree._Element, page_title: str | None) -> bool:
    tags = _TITLE_TAGS if page_title else ("h1",)
    headings = [element] if element.tag in tags else list(element.iter(*tags))
    for heading in headings:
        text = " ".join(element_text(heading).split()).casefold()
        if page_title and len(text) >= _SHORTEST_TITLE and text in page_title:
            return True
        # A heading that is a link is the site's name or a menu entry, not a title.
        if not page_title and text and heading.find(".//a") is None:
            return True
    return False


def part_rule(
    element: etree._Element, counts: dict[etree._Element, Counts], *, in_article: bool, article_prose: int = 0
) -> str | None:
    """The rule that names the part of the page this element makes, if it makes one."""
    tags, roles = (_IN_ARTICLE_TAGS, _IN_ARTICLE_ROLES) if in_article else (_BY_TAG, _BY_ROLE)
    count = counts.get(element)
    if in_article and count is not None and count.prose and 2 * count.prose >= article_prose:
        return None  # a part holding most of the article's words is the article, whatever its markup says
    if count is not None and count.shares >= 2 and 2 * count.shares > count.links:
        return "share-widget"
    rule = tags.get(element.tag)
    if rule is None:
        role = (element.get("role") or "").strip().lower()
        rule = roles.get(role)
    if rule is None and element.tag == "a":
        # Link types say it in every language: a licence, a tag of the site's catalogue.
        relations = (element.get("rel") or "").lower().split()
        rule = "page-footer" if "license" in relations else "related-material" if "tag" in relations else None
    if rule is None and not in_article:
        found = [_BY_CLASS_WORD[word] for word in class_words(element) if word in _BY_CLASS_WORD]
        rule = min(found, key=RULE_ORDER.index) if found else None
    return rule


def first_rule(rules: list[str]) -> str | None:
    """Of the rules of the parts a block sits in, the one that names it (see RULE_ORDER)."""
    return min(rules, key=RULE_ORDER.index) if rules else None


_QUOTE_WORD = re.compile(r"\w+")
_SHINGLE = 4  # words
_FEWEST_SHINGLES = 3
# Pull quotes are cut and stitched from the text ("...", a clause left out):
# most of their four-word runs, not all, are found in it.
_SHARE_REPEATED = 0.6


def mark_pull_quotes(lines: list[SourceLine], quoted: set[int]) -> list[SourceLine]:
    """A quotation of the article that repeats the words of its other paragraphs is a pull quote.

    Magazines set a sentence of the text in large type beside it; kept, it
    would be read twice. Its words are reported under ``pull-quote``; a
    quotation found nowhere else in the article stays.
    """
    if not quoted:
        return lines
    elsewhere: set[tuple[str, ...]] = set()
    for index, line in enumerate(lines):
        if line.chrome is None and index not in quoted:
            elsewhere |= _shingles(line.text)
    marked = list(lines)
    for index in sorted(quoted):
        shingles = _shingles(lines[index].text)
        if len(shingles) >= _FEWEST_SHINGLES and len(shingles & elsewhere) >= _SHARE_REPEATED * len(shingles):
            marked[index] = replace(lines[index], chrome="pull-quote")
    return marked


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _QUOTE_WORD.findall(text.casefold())
    return {tuple(words[start : start + _SHINGLE]) for start in range(len(words) - _SHINGLE + 1)}
