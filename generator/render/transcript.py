"""The page of one transcript.

Layout: title, two quiet lines of facts, the opening statement, then one
section per question. Each question is a level-2 heading whose id is the
question's anchor, so the table of contents reads as the list of questions
and search results can link to ``page#q3-tass``. Every paragraph carries an
id derived from its words (:func:`paragraph_anchor`) so a reader can cite it,
and the id stays when a parser change splits an earlier turn differently.
An anchor the page once published and no longer has (generator.ledger) is
kept as an empty element with that id just before the question it now leads to.

The asker and the outlet in a question's heading, and the principal speakers
in the facts, link to their person and outlet pages. With the corpus's
topics, the page also has topic chips
under the facts, the statement heading and each question heading, the
questions asked before and since after each question's answers, and the
related transcripts at the end.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import defaultdict
from urllib.parse import urlsplit

from generator.enrich import Entry, QuestionEntry, asker_slug, outlet_slug, person_slug
from generator.model import Speaker, Transcript, Turn, TurnKind

from . import cite, paths, topic_links
from .escape import block_start, inline, plain, safe_url
from .frontmatter import document, transcript_meta
from .notes import note_lines
from .page import Page
from .text import count, date_span, event_label, reading_minutes
from .views import TranscriptLabel, TranscriptPage, TranscriptTopics

STATEMENT_ID = "opening-statement"
INTRODUCTION_ID = "introduction"

# Quiet turns: moderators calling on outlets, stage directions.
_QUIET = (TurnKind.MODERATOR, TurnKind.NOTE)
_CLASSES = {
    TurnKind.QUESTION: ".pr-question",
    TurnKind.MODERATOR: ".pr-moderator",
    TurnKind.NOTE: ".pr-note",
}

# How the header names a fact the page lacks because its metadata value could not be read.
MISSING_LABELS = {"date": "date", "location": "place", "source_url": "source", "event_type": "kind of event"}

LEAD_WORDS = 50
"""Words of each answer or statement that the quick search index reads: its
paragraphs up to the one that reaches this many. Later paragraphs carry
``MORE`` and are found by the every-word index only (generator/site/search.py).
Questions are read whole."""
MORE = "pr-more"


def render_transcript(view: TranscriptPage) -> Page:
    """The Markdown page of a transcript, with its neighbours in time and its topic pieces."""
    entry, path, topics = view.entry, view.path, view.topics
    blocks = [
        f"# {inline(entry.transcript.title)}",
        *_header(entry, path, view.words_per_minute),
        *note_lines(entry.transcript),
        *topic_links.chips(topics.main, path),
        *_body(entry, topics, path, view.aliases),
        *topic_links.related(topics.related, path),
        *_footer(entry, view.older, view.newer, path),
    ]
    tags = [topic.name for topic in topics.tags]
    meta = transcript_meta(entry, view.words_per_minute, tags, cite.citations(entry, view.site_title))
    return Page(path, document(meta, "\n\n".join(blocks)))


def _header(entry: Entry, path: str, words_per_minute: int) -> list[str]:
    t = entry.transcript
    facts = [date_span(t.date, t.date_end)]
    facts += [inline(v) for v in (t.location, event_label(t.event_type)) if v]
    facts.append(count(len(entry.questions), "question"))
    facts.append(f"{reading_minutes(entry.word_count, words_per_minute)} min read")
    links = []
    speakers = _principals(entry, path)
    if speakers:
        label = "Speaker" if len(speakers) == 1 else "Speakers"
        links.append(f"{label}: {', '.join(speakers)}")
    url = safe_url(t.source_url)
    if url:
        host = urlsplit(url).hostname or url
        host = host.removeprefix("www.")
        links.append(f"Source: [{inline(host)}]({url})")
    data = paths.link(path, paths.transcript_data(entry.slug))
    links.append(f"Open data: [JSON]({data})")
    header = [
        _with_attrs(" · ".join(facts), ".pr-meta"),
        _with_attrs(" · ".join(links), ".pr-meta"),
    ]
    missing = _missing(entry)
    if missing:
        header.append(_with_attrs(f"Unknown: {', '.join(missing)} (the values recorded could not be read)",
                                  ".pr-meta"))
    return header


def _missing(entry: Entry) -> list[str]:
    """Facts the page lacks because their metadata value was left out.

    A place never recorded goes unmentioned, as most archived transcripts
    have none; one recorded but unreadable is said to be unknown, so the
    page does not pass it over in silence.
    """
    t = entry.transcript
    shown = {"date": t.date, "location": t.location, "source_url": t.source_url, "event_type": t.event_type}
    return [MISSING_LABELS[name] for name in t.dropped if name in shown and shown[name] is None]


def _principals(entry: Entry, path: str) -> list[str]:
    """The principal speakers with their roles, each name linking to its page:
    "[Jens Stoltenberg](../people/jens-stoltenberg.md) (NATO Secretary General)"."""
    people = entry.transcript.principal_speakers
    if not people:
        return [inline(name) for name in entry.speakers]
    named = (_name_link(path, "person", person_slug(p.id, p.name), p.name) for p in people)
    return [f"{name} ({inline(p.role)})" if p.role else name for name, p in zip(named, people, strict=True)]


def _name_link(path: str, kind: paths.Named, slug: str, name: str) -> str:
    """A name linking to its person's or outlet's page; the name alone when it has none."""
    return f"[{inline(name)}]({paths.cached_link(path, paths.named(kind, slug))})" if slug else inline(name)


def _body(entry: Entry, topics: TranscriptTopics, path: str, aliases: tuple[tuple[str, str], ...]) -> list[str]:
    turns = entry.transcript.turns
    aliases_of: dict[str, list[str]] = defaultdict(list)
    for old, anchor in aliases:
        aliases_of[anchor].append(old)
    anchors = paragraph_anchors(entry.transcript)
    starts = _section_starts(entry)
    blocks: list[str] = []
    first = min(starts, default=len(turns))
    preamble = turns[:first]
    if preamble:
        # Statement turns come before any question, so all are here: the
        # topic stage's statement unit links to this heading.
        if any(t.kind is TurnKind.STATEMENT for t in preamble):
            blocks.append(f"## Opening statement {{#{STATEMENT_ID}}}")
            blocks.extend(topic_links.chips(topics.statement, path))
        elif any(t.kind not in _QUIET for t in preamble):
            blocks.append(f"## Introduction {{#{INTRODUCTION_ID}}}")
    asked: tuple[str, ...] = ()  # the open question's "asked before / since", shown where its section ends
    speakers = {turn.id: turn.speaker for turn in reversed(turns)}  # the first turn of an id, as Transcript.turn
    for at, turn in enumerate(turns):
        if at in starts:
            blocks.extend(asked)
            question = starts[at]
            blocks.extend(_alias(old) for old in aliases_of.get(question.question.anchor, ()))
            blocks.append(_question_heading(question, speakers.get(question.question.turn), path))
            pieces = topics.of_question(question.question.anchor)
            blocks.extend(topic_links.chips(pieces.chips if pieces else (), path))
            asked = tuple(topic_links.asked(pieces, path))
        blocks.extend(_turn(turn, anchors[at]))
    blocks.extend(asked)
    return blocks


def _section_starts(entry: Entry) -> dict[int, QuestionEntry]:
    """Index of the turn each question's section starts at.

    A section starts at its question, or earlier at the moderator turns and
    notes just before it ("We go to CNN"), which belong with that question.
    """
    turns = entry.transcript.turns
    index = {turn.id: i for i, turn in enumerate(turns)}
    starts: dict[int, QuestionEntry] = {}
    floor = 0
    for question in entry.questions:
        at = index.get(question.question.turn)
        if at is None or at < floor or at in starts:
            continue
        start = at
        while start > floor and turns[start - 1].kind in _QUIET:
            start -= 1
        # A stage direction opening the run ("(Laughter)") ends what came before.
        while start < at and turns[start].kind is TurnKind.NOTE:
            start += 1
        starts[start] = question
        floor = at + 1
    return starts


def _question_heading(entry: QuestionEntry, speaker: Speaker | None, path: str) -> str:
    """ "Q3 · Asker, Outlet: gist", the asker and the outlet linking to their pages, the question's anchor as id."""
    q = entry.question
    label = f"Q{q.number}"
    if q.follow_up_of is not None:
        label += f" (follow-up to Q{q.follow_up_of})"
    names = []
    if q.asker:
        names.append(_name_link(path, "person", asker_slug(q, speaker), q.asker))
    if q.outlet:
        names.append(_name_link(path, "outlet", outlet_slug(q.outlet), q.outlet))
    who = ", ".join(names)
    text = f"{label} · {who}" if who else label
    if entry.gist:
        text += f": {inline(entry.gist)}"
    return f"## {text} {{#{q.anchor}}}"


def _alias(anchor: str) -> str:
    """An old anchor kept on the question it now leads to (raw HTML: Markdown gives a heading one id)."""
    return f'<div id="{html.escape(anchor)}" class="pr-alias"></div>'


_SPACE = re.compile(r"\s+")


def paragraph_anchors(transcript: Transcript) -> tuple[tuple[str | None, ...], ...]:
    """The anchor of each paragraph of each turn, as the page gives them; None for a paragraph with nothing to show."""
    seen: dict[str, int] = {}
    return tuple(
        tuple(paragraph_anchor(text, seen) if plain(text) else None for text in turn.paragraphs)
        for turn in transcript.turns
    )


def paragraph_anchor(text: str, seen: dict[str, int]) -> str:
    """The anchor of a paragraph: ``p-`` and 8 hex digits of the BLAKE2b digest of its words.

    Derived from what the paragraph says (whitespace runs read as one space),
    not from where it is, so it does not shift when an earlier turn is split
    differently. A paragraph saying the same as an earlier one on the page
    gets ``-2``, ``-3``...; ``seen`` counts them and is updated.
    """
    words = _SPACE.sub(" ", text).strip()
    anchor = "p-" + hashlib.blake2b(words.encode("utf-8"), digest_size=4).hexdigest()
    seen[anchor] = repeats = seen.get(anchor, 0) + 1
    return anchor if repeats == 1 else f"{anchor}-{repeats}"


def _turn(turn: Turn, anchors: tuple[str | None, ...]) -> list[str]:
    blocks: list[str] = []
    speaker = _speaker(turn)
    words = 0  # of the turn's lead so far
    for text, anchor in zip(turn.paragraphs, anchors):
        if anchor is None:
            continue  # nothing to show or cite
        escaped = inline(text)
        if not blocks and speaker:
            markdown = f"**{inline(speaker)}:** {escaped}"
        else:
            markdown = block_start(escaped)
        attrs = f"#{anchor}"
        if turn.kind in _CLASSES:
            attrs += f" {_CLASSES[turn.kind]}"
        if turn.kind is not TurnKind.QUESTION and words >= LEAD_WORDS:
            attrs += f" .{MORE}"
        words += len(text.split())
        blocks.append(_with_attrs(markdown, attrs))
    return blocks


def _speaker(turn: Turn) -> str:
    """Who a turn is by, as the page shows it: the resolved name, else the printed label."""
    if turn.kind is TurnKind.NOTE:
        return ""
    s = turn.speaker
    if s.name:
        return f"{s.name} ({s.outlet})" if s.outlet else s.name
    return s.outlet or s.label or ""


def _footer(entry: Entry, older: TranscriptLabel | None, newer: TranscriptLabel | None, path: str) -> list[str]:
    parts = []
    if older:
        parts.append(f"Older: [{inline(older.title)}]({paths.link(path, paths.transcript(older.slug))})")
    if newer:
        parts.append(f"Newer: [{inline(newer.title)}]({paths.link(path, paths.transcript(newer.slug))})")
    year = "undated transcripts" if entry.year is None else f"transcripts of {entry.year}"
    parts.append(f"[All {year}]({paths.link(path, paths.year(entry.year))})")
    return [_with_attrs(" · ".join(parts), ".pr-neighbours")]


def _with_attrs(markdown: str, attrs: str) -> str:
    """A paragraph with an attribute list (attr_list) on the line below it."""
    return f"{markdown}\n{{: {attrs} }}"
