"""What the topic stage finds in each transcript on its own, kept per transcript.

Matching taxonomy phrases and reading words are the costly part of the
stage, and what they find in a transcript depends on nothing else: no
match and no word spans two texts. So :func:`read_transcripts` runs them
over any batch of transcripts and splits the results per transcript
(:class:`TopicFacts`: arrays and a few tuples, quick to pickle), and
:func:`join_facts` lays the facts of every transcript out as one run over
the whole corpus makes them (same rows, same order, so the same sums),
for the corpus-wide steps: vocabulary ids, discovery, rollup, links.

Segments are numbered as ``corpus_batches`` takes them: ``2 * u`` is what
unit ``u`` asked, ``2 * u + 1`` its answer or statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.model import Transcript
from generator.topics.assign import Assignment, assign_topics, block_matches
from generator.topics.blocks import batch_order, corpus_batches, segment_shapes
from generator.topics.discovery import phrases_of_room, room_of
from generator.topics.index import LEAD_CHARS
from generator.topics.matcher import Matcher
from generator.topics.mentions import FirstMentions, first_mentions
from generator.topics.model import STATEMENT_ANCHOR, UnitKey
from generator.topics.settings import TopicSettings
from generator.topics.terms import Terms, TermReader, Vocabulary, terms_of
from generator.topics.units import Unit, corpus_units


@dataclass(frozen=True, eq=False)
class TopicFacts:
    """One transcript's units, taxonomy matches and words, by segment."""

    unit_question: np.ndarray  # int64 per unit: index into the transcript's questions, -1 for its statement
    asked: tuple[str, ...]  # per unit
    answered: tuple[str, ...]  # per unit, cut to what the corpus-wide steps read (see ``answer_reach``)
    match_ascii: np.ndarray  # bool per segment: in an ASCII block when matched (whole texts)
    match_sizes: np.ndarray  # int64 per segment: its length when matched
    read_ascii: np.ndarray  # the same when read (answers cut to their leads)
    read_sizes: np.ndarray
    hit_counts: np.ndarray  # int64 per segment: taxonomy matches in it
    hit_topics: np.ndarray  # per match, in segment then reading order: taxonomy column
    hit_weights: np.ndarray  # float64 per match
    hit_starts: np.ndarray  # int32 per match: where it starts in its segment's text
    hit_ends: np.ndarray  # int32 per match
    word_counts: np.ndarray  # int64 per segment: words read in it
    word_types: np.ndarray  # uint64: the distinct hashes of the transcript's words, sorted
    word_kinds: np.ndarray  # int32 per word, in segment then reading order: its hash in ``word_types``
    word_break_after: np.ndarray  # bool per word
    word_in_topic: np.ndarray  # bool per word
    room: tuple[frozenset[str], frozenset[str]]  # see discovery.room_of


@dataclass(frozen=True, eq=False)
class JoinedFacts:
    """The facts of every transcript, as one run over the corpus gives them."""

    units: tuple[Unit, ...]  # answers cut to ``answer_reach``: all the corpus-wide steps read of them
    curated: Assignment
    terms: Terms
    vocabulary: Vocabulary  # exactly the words of ``terms``
    mentions: FirstMentions  # where each unit first mentions each taxonomy topic
    room: tuple[frozenset[str], frozenset[str]]


def read_transcripts(
    transcripts: Sequence[Transcript], matcher: Matcher, settings: TopicSettings
) -> tuple[list[TopicFacts], Vocabulary]:
    """The facts of each transcript, and the words they hold by hash.

    ``transcripts`` are as the topic stage gets them (with their published
    question anchors); any batch of them gives each the same facts.
    """
    units = corpus_units(transcripts)
    (hit_counts, hit_topics, hit_weights, hit_starts, hit_ends), (word_counts, hashes, break_after, in_topic), vocabulary = (
        _read_blocks(units, matcher, settings)
    )
    match_ascii, match_sizes = segment_shapes(units)
    read_ascii, read_sizes = segment_shapes(units, settings.lead_chars)
    reach = answer_reach(settings)
    unit_transcript = np.fromiter((u.transcript for u in units), dtype=np.int64, count=len(units))
    unit_ends = np.searchsorted(unit_transcript, np.arange(len(transcripts) + 1))
    hit_runs = np.concatenate(([0], np.cumsum(hit_counts)))
    word_ends = np.concatenate(([0], np.cumsum(word_counts)))
    facts = []
    for index, transcript in enumerate(transcripts):
        first, last = int(unit_ends[index]), int(unit_ends[index + 1])
        segments = slice(2 * first, 2 * last)
        hits = slice(int(hit_runs[2 * first]), int(hit_runs[2 * last]))
        words = slice(int(word_ends[2 * first]), int(word_ends[2 * last]))
        own = units[first:last]
        # Distinct hashes per transcript: words recur, so a join looks up each once.
        types, kinds = np.unique(hashes[words], return_inverse=True)
        facts.append(TopicFacts(
            # A statement unit (if any), then one unit per question.
            unit_question=np.arange(len(own), dtype=np.int64) - (len(own) - len(transcript.questions)),
            asked=tuple(u.asked for u in own),
            answered=tuple(u.answered[:reach] for u in own),
            match_ascii=match_ascii[segments],
            match_sizes=match_sizes[segments],
            read_ascii=read_ascii[segments],
            read_sizes=read_sizes[segments],
            hit_counts=hit_counts[segments],
            hit_topics=hit_topics[hits],
            hit_weights=hit_weights[hits],
            hit_starts=hit_starts[hits],
            hit_ends=hit_ends[hits],
            word_counts=word_counts[segments],
            word_types=types,
            word_kinds=kinds.astype(np.int32),
            word_break_after=break_after[words],
            word_in_topic=in_topic[words],
            room=room_of(transcript),
        ))
    return facts, vocabulary


def _read_blocks(
    units: Sequence[Unit], matcher: Matcher, settings: TopicSettings
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...], Vocabulary]:
    """Taxonomy matches (segment counts, topics, weights, starts, ends) and words (segment counts, hashes, breaks,
    in-topic flags) of the units, by segment, and the words' vocabulary."""
    segment_count = 2 * len(units)
    is_question = np.fromiter((u.question is not None for u in units), dtype=bool, count=len(units))
    # Blocks are made, used and dropped one at a time: the text is never held whole.
    hit_parts: list[tuple[np.ndarray, ...]] = []
    for batch in corpus_batches(units):
        block = batch.block()
        segments, topics, weights, starts, ends = block_matches(block, matcher, is_question, settings)
        hit_parts.append((_corpus_segments(block.segment_unit[segments], block.segment_part[segments]),
                          topics, weights, starts.astype(np.int32), ends.astype(np.int32)))
    reader = TermReader()
    word_parts: list[tuple[np.ndarray, ...]] = []
    for batch in corpus_batches(units, settings.lead_chars):
        block = batch.block()
        _topics, starts, ends = matcher.scan(block.folded, block.lowered, block.codes)
        words = reader.read(block, (starts, ends))
        reader.add(words)
        word_parts.append((_corpus_segments(words.units, ~words.in_question),
                           words.hashes, words.break_after, words.in_topic))
    return (
        _by_segment(hit_parts, segment_count, (np.int64, np.float64, np.int32, np.int32)),
        _by_segment(word_parts, segment_count, (np.uint64, bool, bool)),
        reader.vocabulary(),
    )


def answer_reach(settings: TopicSettings) -> int:
    """How much of an answer the corpus-wide steps read: its lead on the index, what discovery read.

    Saving no more keeps the facts small (a third of the corpus text).
    """
    return max(LEAD_CHARS, settings.lead_chars)


def join_facts(
    transcripts: Sequence[Transcript],
    facts: Sequence[TopicFacts],
    vocabulary: Vocabulary,
    topic_count: int,
) -> JoinedFacts | None:
    """The facts of the corpus's transcripts (in corpus order) as one run over the corpus gives them.

    ``topic_count`` is the number of taxonomy topics. None when
    ``vocabulary`` lacks a word the facts hold.
    """
    units = tuple(
        Unit(
            UnitKey(transcript.slug, STATEMENT_ANCHOR if question < 0 else transcript.questions[question].anchor),
            index,
            None if question < 0 else transcript.questions[question],
            asked,
            answered,
        )
        for index, (transcript, own) in enumerate(zip(transcripts, facts, strict=True))
        for question, asked, answered in zip(own.unit_question.tolist(), own.asked, own.answered, strict=True)
    )
    if not facts:
        nothing = np.zeros(0, dtype=np.int64)
        return JoinedFacts(units, assign_topics([], 0, topic_count), TermReader().terms(), vocabulary,
                           first_mentions(nothing, nothing, nothing, nothing, topic_count=topic_count), phrases_of_room([]))
    # Matches and words as the blocks of a whole-corpus run hold them.
    hit_segments, hits = _in_block_order(facts, "match", "hit_counts")
    word_segments, words = _in_block_order(facts, "read", "word_counts")
    types = [own.word_types for own in facts]
    exact = vocabulary.exactly(np.concatenate(types))
    if exact is None:
        return None
    spelled, type_ids = exact
    # A word's type, numbered across all transcripts' types.
    kinds = np.concatenate([own.word_kinds for own in facts]) + np.repeat(
        np.cumsum([0, *(t.size for t in types[:-1])]), [own.word_kinds.size for own in facts]
    )
    topics, weights = (np.concatenate([getattr(own, name) for own in facts])[hits]
                       for name in ("hit_topics", "hit_weights"))
    break_after, in_topic = (np.concatenate([getattr(own, name) for own in facts])[words]
                             for name in ("word_break_after", "word_in_topic"))
    return JoinedFacts(
        units=units,
        curated=assign_topics([(hit_segments // 2, topics, weights)], len(units), topic_count),
        terms=terms_of(
            spelled, type_ids[kinds[words]], word_segments // 2, word_segments % 2 == 0, break_after, in_topic
        ),
        vocabulary=spelled,
        # Each transcript's matches are in segment then reading order, its segments follow the last one's.
        mentions=first_mentions(
            *_joined(facts, "hit_counts", "hit_topics", "hit_starts", "hit_ends"), topic_count=topic_count
        ),
        room=phrases_of_room([own.room for own in facts]),
    )


def _joined(facts: Sequence[TopicFacts], *names: str) -> tuple[np.ndarray, ...]:
    """The named arrays of every transcript's facts, each joined end to end."""
    return tuple(np.concatenate([getattr(own, name) for own in facts]) for name in names)


def _corpus_segments(units: np.ndarray, answered: np.ndarray) -> np.ndarray:
    return 2 * units.astype(np.int64) + answered.astype(np.int64)


def _by_segment(
    parts: list[tuple[np.ndarray, ...]], segment_count: int, dtypes: tuple[type, ...]
) -> tuple[np.ndarray, ...]:
    """Per-block (segment, values...) as the length of each segment's run, then the values in segment order.

    Within a segment, values keep their reading order (the sort is stable).
    ``dtypes`` are those of the values, for a corpus without blocks.
    """
    if not parts:
        return (np.zeros(segment_count, dtype=np.int64), *(np.zeros(0, dtype=dtype) for dtype in dtypes))
    segments, *values = (np.concatenate(column) for column in zip(*parts, strict=True))
    order = np.argsort(segments, kind="stable")
    return (np.bincount(segments, minlength=segment_count).astype(np.int64), *(v[order] for v in values))


def _in_block_order(facts: Sequence[TopicFacts], shapes: str, counts_name: str) -> tuple[np.ndarray, np.ndarray]:
    """Where values kept by segment (all transcripts' one after the other) go in the corpus's blocks.

    Returns the segment of each value in block order, and the index of each
    value in the concatenation of the transcripts' values.
    """
    counts = np.concatenate([getattr(own, counts_name) for own in facts])
    order = batch_order(
        np.concatenate([getattr(own, f"{shapes}_ascii") for own in facts]),
        np.concatenate([getattr(own, f"{shapes}_sizes") for own in facts]),
    )
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    lengths = counts[order]
    placed = np.cumsum(lengths) - lengths  # where each segment's run starts in the result
    return np.repeat(order, lengths), np.repeat(starts[order] - placed, lengths) + np.arange(int(lengths.sum()))
