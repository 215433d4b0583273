"""Reconcile the ledger with this build's corpus: redirects, withdrawn pages and anchor aliases."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from types import MappingProxyType

from generator.enrich import Corpus, Entry
from .model import Continuity, Ledger, PublishedPage, PublishedQuestion, Redirect, Withdrawn

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^q\d+-?")


def question_digest(paragraphs: Iterable[str]) -> str:
    """A short digest of a question's words, blind to how whitespace and paragraphs split them."""
    words = _SPACE.sub(" ", " ".join(paragraphs)).strip()
    return hashlib.blake2b(words.encode("utf-8"), digest_size=6).hexdigest()


def reconcile(ledger: Ledger, corpus: Corpus, address: Callable[[str], str]) -> Continuity:
    """What this build must publish so that every address in ``ledger`` still leads somewhere right.

    ``address``: the URL of a transcript's page from its slug (the site's layout).

    An address whose transcript is published at another address now (found
    by its raw file, else by its publisher's address) redirects there; one
    whose transcript is gone becomes a page saying it was withdrawn. Each
    anchor once published on a transcript (at any of its addresses) that
    the transcript no longer has becomes an alias of the question with the
    same words, else of the nearest-numbered question by the same asker or
    outlet (the rest of its anchor, ``tass`` of ``q3-tass``), else of the
    question numbered nearest to it.
    """
    current = {address(entry.slug): entry for entry in corpus.entries}
    now = {entry.slug: published_questions(entry) for entry in corpus.entries}  # each digested once
    by_source = {entry.transcript.source: entry for entry in corpus.entries}
    by_source_url = _unique_by_source_url(corpus.entries)
    redirects: list[Redirect] = []
    withdrawn: list[Withdrawn] = []
    inherited: dict[str, list[PublishedQuestion]] = defaultdict(list)  # by slug
    for page in ledger.pages:
        entry = current.get(page.url)
        if entry is None:
            entry = by_source.get(page.source) or by_source_url.get(page.source_url)
            if entry is None:
                withdrawn.append(Withdrawn(page.url, page.title, page.year))
                continue
            redirects.append(Redirect(page.url, entry.slug, entry.transcript.title))
        inherited[entry.slug].extend(page.questions)
    aliases = {}
    for slug, published in inherited.items():
        found = _aliases(now[slug], published)
        if found:
            aliases[slug] = found
    return Continuity(tuple(redirects), tuple(withdrawn), MappingProxyType(aliases), _updated(ledger, current, now))


def published_questions(entry: Entry) -> tuple[PublishedQuestion, ...]:
    """The question anchors ``entry``'s page publishes."""
    transcript = entry.transcript
    turns = {turn.id: turn for turn in reversed(transcript.turns)}  # the first turn of an id, as Transcript.turn
    return tuple(
        PublishedQuestion(q.anchor, q.number, question_digest(turns[q.turn].paragraphs if q.turn in turns else ()))
        for q in (question.question for question in entry.questions)
    )


def _aliases(
    questions: tuple[PublishedQuestion, ...], published: list[PublishedQuestion]
) -> tuple[tuple[str, str], ...]:
    """(old anchor, anchor) for each anchor in ``published`` that ``questions`` (a page's now) lack."""
    if not questions:
        return ()  # nothing to lead to: the old anchor opens the page at its top
    anchors = {q.anchor for q in questions}
    by_words: dict[str, str] = {}
    for q in questions:
        by_words.setdefault(q.said, q.anchor)
    found: dict[str, str] = {}
    for old in sorted(published, key=lambda q: (q.number, q.anchor)):
        if old.anchor in anchors or old.anchor in found:
            continue
        same_asker = [q for q in questions if _asker(q.anchor) == _asker(old.anchor)]
        found[old.anchor] = by_words.get(old.said) or _nearest(same_asker or questions, old.number)
    return tuple(found.items())


def _asker(anchor: str) -> str:
    """Who an anchor names: ``tass`` of ``q3-tass``, ``""`` of ``q5``."""
    return _NUMBER.sub("", anchor, count=1)


def _nearest(questions: Iterable[PublishedQuestion], number: int) -> str:
    """The anchor of the question numbered nearest to ``number`` (the earlier of two as near)."""
    return min(questions, key=lambda q: (abs(q.number - number), q.number)).anchor


def _unique_by_source_url(entries: Iterable[Entry]) -> dict[str, Entry]:
    """Entries by their publisher's address, leaving out addresses two transcripts share."""
    found: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.transcript.source_url:
            found[entry.transcript.source_url].append(entry)
    return {address: group[0] for address, group in found.items() if len(group) == 1}


def _updated(ledger: Ledger, current: dict[str, Entry], now: dict[str, tuple[PublishedQuestion, ...]]) -> Ledger:
    """``ledger`` with this build's pages: each current page as it is now (``now``: its questions, by slug),
    keeping every anchor it ever had."""
    pages = {page.url: page for page in ledger.pages}
    for url, entry in current.items():
        transcript = entry.transcript
        kept = {q.anchor: q for q in pages[url].questions} if url in pages else {}
        kept.update((q.anchor, q) for q in now[entry.slug])
        pages[url] = PublishedPage(
            url, transcript.source, transcript.source_url or "", transcript.title, entry.year,
            tuple(sorted(kept.values(), key=lambda q: (q.number, q.anchor))),
        )
    return Ledger(tuple(pages[url] for url in sorted(pages)))
