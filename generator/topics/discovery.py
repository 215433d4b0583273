"""Discover recurring phrases the taxonomy lacks, as suggestions with evidence.

Candidates are runs of two or three words inside one clause that neither
start nor end with a stop word (inner "of" and "and" are allowed: "use of
force", "rule of law"). Counting runs on whole arrays (numpy), so the cost
stays linear in the number of words. A candidate becomes a suggestion when
it recurs in enough transcripts and passes the quality filters:

- not a name or label of someone in the room (speakers, their outlets);
- not boilerplate ("press conference", "thank you");
- not already a taxonomy topic (no taxonomy phrase inside it);
- not a fragment of a longer phrase that it nearly always comes with
  ("respect international" of "respect international law");
- not in more than ``discovery_max_share`` of the transcripts (boilerplate).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from slugify import slugify

from generator.model import Transcript
from generator.topics.matcher import Matcher
from generator.topics.model import Suggestion
from generator.topics.settings import TopicSettings
from generator.topics.terms import Terms
from generator.topics.units import Unit

BOILERPLATE = frozenset(
    {
        "press conference",
        "press point",
        "good afternoon",
        "good morning",
        "good evening",
        "ladies and gentlemen",
        "first of all",
        "last updated",
        "reading time",
        "follow-up question",
        "next question",
        "last question",
        "final question",
        "short question",
        "short follow-up",
        "two questions",
    }
)
_INNER = ("of", "and")
_MAX_WORDS = 3
_SHORTLIST = 20  # candidates per suggestion wanted that go through the filters
_SHARE_FROM = 20  # transcripts from which discovery_max_share applies
_FRAGMENT = 0.9  # a shorter phrase found at least this often inside a longer one is a fragment
EVIDENCE_UNITS = 20
"""Units kept as evidence per suggestion (counts cover all of them)."""


@dataclass(frozen=True, eq=False)
class Discovery:
    """Suggestions, and their weights per unit (columns in suggestion order)."""

    suggestions: tuple[Suggestion, ...]
    weights: sp.csr_matrix  # units x suggestions
    mentions: sp.csr_matrix


def room_of(transcript: Transcript) -> tuple[frozenset[str], frozenset[str]]:
    """The names, and the labels and outlets, of the people in one transcript's room."""
    names: set[str] = set()
    labels: set[str] = set()
    # The same few speakers recur in every turn: gather distinct strings first.
    names.update(person.name for person in transcript.principal_speakers)
    for turn in transcript.turns:
        speaker = turn.speaker
        names.add(speaker.name or "")
        labels.update((speaker.label or "", speaker.outlet or "", speaker.role or ""))
    for question in transcript.questions:
        names.add(question.asker or "")
        labels.update((question.asker or "", question.outlet or ""))
    return frozenset(names), frozenset(labels)


def phrases_of_room(rooms: Sequence[tuple[frozenset[str], frozenset[str]]]) -> tuple[frozenset[str], frozenset[str]]:
    """Words of people's names, and every run of words in labels and outlets, from the
    :func:`room_of` of every transcript."""
    names = frozenset().union(*(room[0] for room in rooms))
    labels = frozenset().union(*(room[1] for room in rooms))
    name_words = {word for name in names for word in _words(name)}
    runs: set[str] = set()
    for label in labels:
        words = _words(label)
        for size in range(2, _MAX_WORDS + 1):
            runs.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(name_words), frozenset(runs)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower())


def discover(
    units: Sequence[Unit],
    terms: Terms,
    matcher: Matcher,
    room: tuple[frozenset[str], frozenset[str]],
    settings: TopicSettings,
    taken_slugs: frozenset[str] = frozenset(),
) -> Discovery:
    """Recurring phrases across at least ``discovery_min_transcripts`` transcripts."""
    ids = terms.ids
    unit_of = terms.units
    transcript_of_unit = np.fromiter((u.transcript for u in units), dtype=np.int64, count=len(units))
    vocab_size = len(terms.vocabulary)
    # Words inside taxonomy matches ("Open Door policy") are never part of
    # a discovered phrase: "Door policy" is not a new topic.
    stop = terms.stop[ids] | terms.in_topic
    inner_ok = (
        ~terms.stop[ids] | np.isin(ids, [i for i, w in enumerate(terms.vocabulary) if w in _INNER])
    ) & ~terms.in_topic
    # Boilerplate is everywhere, topics are not; shares mean little in a small archive.
    corpus_size = len({u.transcript for u in units})
    widest = corpus_size if corpus_size < _SHARE_FROM else int(settings.discovery_max_share * corpus_size)
    found: list[tuple[tuple[int, ...], int, int]] = []  # (word ids, transcripts, count)
    positions: dict[tuple[int, ...], np.ndarray] = {}
    for size in range(2, _MAX_WORDS + 1):
        last = ids.size - size + 1
        if last <= 0 or vocab_size**size >= 1 << 63:  # keys must fit in int64
            break
        valid = ~stop[:last] & ~stop[size - 1 :]
        key = np.zeros(last, dtype=np.int64)
        for offset in range(size):
            window = ids[offset : offset + last]
            if offset:
                # no punctuation and no end of text between the words
                valid &= ~terms.break_after[offset - 1 : offset - 1 + last]
            if 0 < offset < size - 1:
                valid &= inner_ok[offset : offset + last]
            key = key * vocab_size + window
        where = np.flatnonzero(valid)
        if where.size == 0:
            continue
        # One sort groups equal phrases; positions stay in reading order
        # within a group (stable), and most phrases occur once and drop out
        # before transcripts are counted.
        order = np.argsort(key[where], kind="stable")
        grouped = key[where][order]
        starts = np.flatnonzero(np.concatenate(([True], grouped[1:] != grouped[:-1])))
        counts = np.diff(np.append(starts, grouped.size))
        frequent = counts >= settings.discovery_min_count
        member = np.repeat(frequent, counts)
        group = np.repeat(np.arange(starts.size), counts)[member]
        transcripts = int(transcript_of_unit.max(initial=0)) + 1
        pairs = distinct(group * transcripts + transcript_of_unit[unit_of[where[order[member]]]])
        spread = np.bincount(pairs // transcripts, minlength=starts.size)
        good = np.flatnonzero(frequent & (spread >= settings.discovery_min_transcripts) & (spread <= widest))
        # Only the most widespread candidates reach the per-phrase filters.
        good = good[np.lexsort((-counts[good], -spread[good]))][: settings.discovery_max * _SHORTLIST]
        for index in good.tolist():
            words = _decode(int(grouped[starts[index]]), size, vocab_size)
            found.append((words, int(spread[index]), int(counts[index])))
            positions[words] = where[order[starts[index] : starts[index] + counts[index]]]
    accepted = _filter(found, terms, matcher, room)
    accepted.sort(key=lambda item: (-item[1], -item[2], " ".join(terms.vocabulary[i] for i in item[0])))
    accepted = accepted[: settings.discovery_max]
    return _build(accepted, positions, units, terms, settings, taken_slugs)


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (a plain sort: faster here than ``np.unique``)."""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if ordered.size else ordered


def _decode(key: int, size: int, base: int) -> tuple[int, ...]:
    words = []
    for _ in range(size):
        key, word = divmod(key, base)
        words.append(word)
    return tuple(reversed(words))


def _filter(
    found: list[tuple[tuple[int, ...], int, int]],
    terms: Terms,
    matcher: Matcher,
    room: tuple[frozenset[str], frozenset[str]],
) -> list[tuple[tuple[int, ...], int, int]]:
    names, labels = room
    out = []
    for words, spread, count in found:
        text = " ".join(terms.vocabulary[i] for i in words)
        if text in BOILERPLATE or text in labels:
            continue
        if any(terms.vocabulary[i] in names for i in words):
            continue
        if matcher.spans(text):
            continue
        out.append((words, spread, count))
    # A fragment that (nearly) never occurs without its longer phrase adds nothing.
    longest: dict[tuple[int, ...], int] = {}
    for words, _spread, count in out:
        for size in range(2, len(words)):
            for i in range(len(words) - size + 1):
                part = words[i : i + size]
                longest[part] = max(longest.get(part, 0), count)
    return [item for item in out if longest.get(item[0], 0) < _FRAGMENT * item[2]]


def _build(
    accepted: list[tuple[tuple[int, ...], int, int]],
    positions: dict[tuple[int, ...], np.ndarray],
    units: Sequence[Unit],
    terms: Terms,
    settings: TopicSettings,
    taken_slugs: frozenset[str],
) -> Discovery:
    suggestions: list[Suggestion] = []
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    data: list[np.ndarray] = []
    slugs = set(taken_slugs)
    is_question = np.fromiter((u.question is not None for u in units), dtype=bool, count=len(units))
    transcript_of = np.fromiter((u.transcript for u in units), dtype=np.int64, count=len(units))
    slug_of = {u.transcript: u.key.transcript for u in units}
    for column, (words, _spread, count) in enumerate(accepted):
        where = positions[words]
        unit_rows = terms.units[where]
        in_question = terms.in_question[where]
        weight = np.where(
            in_question,
            settings.question_weight,
            np.where(is_question[unit_rows], settings.answer_weight, settings.statement_weight),
        )
        rows.append(unit_rows)
        cols.append(np.full(unit_rows.size, column))
        data.append(weight)
        unique_units = distinct(unit_rows)
        text = " ".join(terms.vocabulary[i] for i in words)
        phrase = _surface(text, [units[i] for i in unique_units[:EVIDENCE_UNITS]], settings.lead_chars)
        slug = base = slugify(phrase) or "phrase"
        number = 2
        while slug in slugs:
            slug, number = f"{base}-{number}", number + 1
        slugs.add(slug)
        suggestions.append(
            Suggestion(
                phrase=phrase,
                slug=slug,
                transcripts=tuple(sorted(slug_of[t] for t in distinct(transcript_of[unique_units]).tolist())),
                units=tuple(sorted(units[i].key for i in unique_units[:EVIDENCE_UNITS])),
                count=count,
                published=settings.publish_discovered,
            )
        )
    shape = (len(units), len(accepted))
    if rows:
        r, c, d = np.concatenate(rows), np.concatenate(cols), np.concatenate(data)
    else:
        r = c = np.zeros(0, dtype=np.int64)
        d = np.zeros(0)
    weights = sp.csr_matrix((d, (r, c)), shape=shape)
    mentions = sp.csr_matrix((np.ones(r.size, dtype=np.int32), (r, c)), shape=shape)
    weights.sum_duplicates()
    mentions.sum_duplicates()
    return Discovery(tuple(suggestions), weights, mentions)


def _surface(text: str, evidence: Sequence[Unit], lead_chars: int) -> str:
    """The phrase as most often written ("Cold War", not "cold war")."""
    pattern = re.compile(
        r"(?<![\w-])" + r"\s+".join(map(re.escape, text.split())) + r"(?![\w-])", re.IGNORECASE
    )
    forms: Counter[str] = Counter()
    for unit in evidence:
        for source in (unit.asked, unit.answered[:lead_chars]):
            forms.update(" ".join(m.group(0).split()) for m in pattern.finditer(source))
    if not forms:
        return text
    return min(forms, key=lambda form: (-forms[form], form))
