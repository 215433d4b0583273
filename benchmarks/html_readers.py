"""Compare ways of reading a transcript's web page: which keeps its speaker labels and words, and drops the site.

    python -m benchmarks.html_readers CORPUS_DIR [--limit N]

CORPUS_DIR holds raw pages of one site whose article body is marked
``[itemprop=articleBody]`` (the pages of en.kremlin.ru in the shared corpora
folder). The body is the reference: its words, less its pull quotes
(``<blockquote>``, which repeat the text), its "See also" boxes
(``[role=complementary]``) and its publication-status block
(``.read__bottommeta``, the site's own chrome inside the body), all without
the cards shown on hovering a name (``.tooltip``); and its bold speaker labels. Each reader is measured on

* labels: the share of the body's bold speaker labels that open a kept line
  of text and are known there as bold (what finds the speaker);
* words lost: the share of the body's words that no kept line holds;
* chrome lines: kept lines whose text is not in the page's ``<article>``;
* time per page, and whether lines know their line in the raw file.

Readers: trafilatura's extraction (XML with formatting, so bold survives);
selectolax with the page's semantic elements; lxml with the same (Pressroom's
reader, before cleaning and after it); and Pressroom's reader on the page
with its semantic markup taken away (its fallback for ``<div>`` pages).
No test needs this module or the corpus.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml import etree

from generator.cleaning import clean
from generator.labels import find_label
from generator.reading import read_text
from generator.reading.decode import normalise_text

WORD = re.compile(r"\w+")
Kept = list[tuple[str, str | None]]  # each kept line's text and its bold opening


def collapse(text: str) -> str:
    return " ".join(normalise_text(text).split())


def reference(data: bytes) -> tuple[Counter[str], list[str], str]:
    """The body's words, its bold speaker labels, and the text of the whole article."""
    root = lxml.html.document_fromstring(data)
    for tooltip in root.xpath("//*[contains(@class, 'tooltip')]"):
        tooltip.drop_tree()  # a person's card, shown over their name on hover
    body = root.xpath("//*[@itemprop='articleBody']")[0]
    extras = ".//blockquote | .//*[@role='complementary'] | .//*[contains(@class, 'read__bottommeta')]"
    for element in body.xpath(extras):
        element.drop_tree()
    labels = []
    for paragraph in body.iter("p"):
        bold = "".join(b.text_content() for b in paragraph.iterchildren("b", "strong"))
        text = collapse(paragraph.text_content())
        first = next(paragraph.iterchildren(), None)
        if first is not None and first.tag in ("b", "strong") and not (paragraph.text or "").strip():
            label = find_label(text, collapse(bold))
            if label is not None:
                labels.append(text[: len(text) - len(label.rest)].rstrip(" :") if label.rest else text)
    article = root.xpath("//article")[0]
    return Counter(WORD.findall(collapse(body.text_content()).casefold())), labels, collapse(article.text_content())


def with_trafilatura(data: bytes) -> Kept:
    import trafilatura

    xml = trafilatura.extract(data, output_format="xml", include_formatting=True, include_tables=True)
    if not xml:
        return []
    kept: Kept = []
    for block in etree.fromstring(xml.encode("utf-8")).iter("p", "head", "item", "row", "quote"):
        first = next(block.iterchildren(), None)
        bold = collapse("".join(first.itertext())) if first is not None and first.get("rend") == "#b" and not (block.text or "").strip() else None
        kept.append((collapse("".join(block.itertext())), bold))
    return kept


_SEMANTIC = ("[itemprop=articleBody]", "article", "main", "[role=main]")
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, td, dt, dd, pre"


def with_selectolax(data: bytes) -> Kept:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data)
    main = next((found for selector in _SEMANTIC for found in [tree.css_first(selector)] if found), tree.body)
    kept: Kept = []
    for node in main.css(_BLOCKS) if main else []:
        text = collapse(node.text(deep=True))
        first = node.child
        while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
            first = first.next
        bold = collapse(first.text(deep=True)) if first is not None and first.tag in ("b", "strong") else None
        if text:
            kept.append((text, bold))
    return kept


def with_pressroom(data: bytes, *, cleaned: bool, semantic: bool = True) -> Kept:
    if not semantic:  # the same page as <div> soup
        data = re.sub(rb"<(/?)(article|main)\b", rb"<\1div", data)
        data = re.sub(rb'\s(?:itemprop="articleBody"|role="main")', b"", data)
    document = read_text(data, "page.html", suffix=".html")
    if not cleaned:
        return [(line.text, line.strong_prefix) for line in document.lines if line.chrome is None]
    return [(paragraph.text, paragraph.strong_prefix) for paragraph in clean(document).paragraphs]


READERS: dict[str, tuple[Callable[[bytes], Kept], bool]] = {
    "trafilatura 2 (extract, XML)": (with_trafilatura, False),
    "selectolax 1 + semantic elements": (with_selectolax, False),
    "lxml + semantic (Pressroom reader)": (lambda data: with_pressroom(data, cleaned=False), True),
    "  ... then Pressroom's cleaner": (lambda data: with_pressroom(data, cleaned=True), True),
    "lxml, <div> soup (fallback)": (lambda data: with_pressroom(data, cleaned=False, semantic=False), True),
    "  ... then Pressroom's cleaner ": (lambda data: with_pressroom(data, cleaned=True, semantic=False), True),
}


def measure(pages: list[bytes]) -> None:
    references = [reference(data) for data in pages]
    print(f"{len(pages)} pages, {sum(len(r[1]) for r in references)} bold speaker labels, "
          f"{sum(sum(r[0].values()) for r in references)} words in the article bodies\n")
    print(f"{'reader':38} {'labels':>8} {'words lost':>11} {'chrome lines':>13} {'ms/page':>8}  line numbers")
    for name, (reader, numbers) in READERS.items():
        labels = found = lost = words = chrome = 0
        elapsed = 0.0
        for data, (body_words, body_labels, article) in zip(pages, references):
            start = time.perf_counter()
            kept = reader(data)
            elapsed += time.perf_counter() - start
            kept_words = Counter(w for text, _ in kept for w in WORD.findall(text.casefold()))
            lost += sum((body_words - kept_words).values())
            words += sum(body_words.values())
            chrome += sum(1 for text, _ in kept if text not in article)
            openings = Counter(text.split(":")[0].strip() for text, bold in kept if bold)
            labels += len(body_labels)
            for label in body_labels:
                if openings[label] > 0:
                    openings[label] -= 1
                    found += 1
        print(f"{name:38} {found / max(labels, 1):8.1%} {lost / max(words, 1):11.2%} {chrome:13d} "
              f"{1000 * elapsed / len(pages):8.1f}  {'yes' if numbers else 'no'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    arguments = parser.parse_args()
    paths = sorted(arguments.corpus.glob("*.htm*"))[: arguments.limit]
    measure([path.read_bytes() for path in paths])


if __name__ == "__main__":
    main()
