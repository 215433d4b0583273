"""What a topic page lists: its transcripts, then its questions under their transcript.

Each question is an item that links to it on its transcript's page, with
its number, asker and outlet and the passage of the question or of its
answer where the topic was mentioned, the mention marked (``<mark>``, which
Python-Markdown passes through as inline HTML; every word around it is
escaped); an opening statement is an item with its passage. Where the topic
came without words to point at, an item quotes the start of the question
and of the answer (or of the statement) instead. A question is listed on
several topic pages, so each item is laid out once per folder of pages and
kept.
"""

from __future__ import annotations

import functools

from . import paths
from .escape import inline
from .paths import cached_link, fragment
from .text import count, long_date
from .transcript import STATEMENT_ID
from .views import TopicListing, UnitLabel
from .views.topics import Passage, Quote


def topic_listing(listing: TopicListing, path: str) -> list[str]:
    """The "Transcripts" and "Questions" sections of the topic page at ``path``, in the listing's order."""
    transcripts = "\n".join(
        f"- [{inline(label.title)}]({cached_link(path, paths.transcript(label.slug))}), "
        f"{long_date(label.date)}: {count(mentions, 'mention')}"
        for label, mentions in listing.transcripts
    )
    return ["## Transcripts", transcripts, "## Questions", *_questions(listing, path)]


def _questions(listing: TopicListing, path: str) -> list[str]:
    """Questions grouped under their transcript, in the listing's order."""
    folder = path.rpartition("/")[0]
    blocks: list[str] = []
    current: str | None = None
    items: list[str] = []
    for unit, quote in zip(listing.units, listing.quotes, strict=True):
        transcript = unit.transcript
        if transcript.slug != current:
            if items:
                blocks.append("\n".join(items))
            current, items = transcript.slug, []
            blocks.append(
                f"### [{inline(transcript.title)}]({cached_link(path, paths.transcript(transcript.slug))}), "
                f"{long_date(transcript.date)}"
            )
        items.append(_unit_item(unit, quote, folder))
    if items:
        blocks.append("\n".join(items))
    return blocks


@functools.lru_cache(maxsize=1 << 16)
def _unit_item(unit: UnitLabel, quote: Quote, folder: str) -> str:
    page = cached_link(folder + "/x", paths.transcript(unit.transcript.slug))
    if isinstance(quote, Passage):
        return _passage_item(unit, quote, page)
    answer = quote
    if unit.is_statement:
        return f"- [Opening statement]({page}#{STATEMENT_ID}): {inline(answer)}"
    if unit.number is None:
        return f"- [Question]({page}#{fragment(unit.anchor)})"
    who = ", ".join(inline(v) for v in (unit.asker, unit.outlet) if v)
    label = f"Question {unit.number}" + (f", {who}" if who else "")
    line = f"- [{label}]({page}#{fragment(unit.anchor)}): {inline(unit.question)}"
    return f"{line}  \n  *Answer:* {inline(answer)}" if answer else line


def _passage_item(unit: UnitLabel, quote: Passage, page: str) -> str:
    """An item that quotes the passage of the topic's mention: the question's, or, said so, the answer's."""
    marked = f"{_spaced(quote.before)}<mark>{inline(quote.words)}</mark>{_spaced(quote.after)}"
    if unit.is_statement:
        return f"- [Opening statement]({page}#{STATEMENT_ID}): {marked}"
    who = ", ".join(inline(v) for v in (unit.asker, unit.outlet) if v)
    label = "Question" if unit.number is None else f"Question {unit.number}" + (f", {who}" if who else "")
    where = ", in the answer:" if quote.in_answer else ":"
    return f"- [{label}]({page}#{fragment(unit.anchor)}){where} {marked}"


def _spaced(text: str) -> str:
    """``inline`` keeping a space at either end: the text beside a mark is part of one line."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0] == " " else "") + inline(text) + (" " if text[-1] == " " else "")
