"""Who asks and who answers, decided from the transcript's own structure.

A label often settles it: "Q" and "Question" ask, a label with an outlet
("Hadley Gamble (CNBC)") asks, a printed role ("JAMIE SHEA (Director of
Policy Planning)") or a role the people file knows answers. Real archives
are full of speakers no data file lists, labelled by name alone ("Vladimir
Putin", "Allison Hart", "Megyn Kelly"). For them the transcript itself is
the evidence:

* the title and by-line name the principal speakers and an interviewer;
* whoever speaks right after the questions answers them, and a question
  that addresses someone ("Mr Stoltenberg, ...") is answered by them;
* whoever gives the floor ("Next question", "go ahead") in short turns
  followed by questions moderates;
* whoever speaks before an official answers, mostly in questions, asks;
* when no one answers questions, whoever speaks most is the principal.

A label whose name nobody knows is never a questioner by default: without
evidence for asking, its speaker makes statements.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.parsing.speakers import SpeakerClass
from generator.parsing.turns import CALLS_ON, Segment

_ADDRESS = re.compile(
    r"^(?:(?:thank you|thanks|hi|hello|good (?:morning|afternoon|evening)|yes|okay|ok|so|sorry)[,.!]?\s+)*"
    r"(?P<who>(?:(?:mr|mrs|ms|dr|madam|mister)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}),",
)
# "Mr President, ...", "And so, Madam Chancellor, ...": how a host or an interviewer opens a turn.
_OFFICE_ADDRESS = re.compile(
    r"^(?:(?:and|so|well|now|but|thank you|thanks)[,.]?\s+)*(?:(?:mr|mister|madam|madame|mrs|ms)\.?\s+"
    r"(?:president|prime minister|secretary[- ]general|secretary|chancellor|minister|ambassador|speaker)|"
    r"secretary[- ]general|your excellency|excellency)\b",
    re.I,
)
_SHORT_TURN = 40  # words: a moderator's turn is short


@dataclass
class _Record:
    """What the transcript shows of one speaker whose class the label did not settle."""

    turns: list[int] = field(default_factory=list)
    words: int = 0
    questions: int = 0  # turns holding a question mark
    after_question: int = 0  # turns right after someone asked
    before_official: int = 0  # turns right before an official spoke
    before_journalist: int = 0  # turns right before someone asked
    floor: int = 0  # short turns that give the floor
    addressed: int = 0  # turns that answer a question addressed to them
    addressing: int = 0  # turns that open by addressing the official who speaks next ("Mr President, ...")


@dataclass(frozen=True)
class TitleEvidence:
    """What the title and by-line say of the speakers: ids of principals and of interviewers."""

    principals: frozenset[str] = frozenset()
    askers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Roles:
    """The segments with every speaker's class decided, and the labels decided without evidence."""

    segments: tuple[Segment, ...]
    unplaced: tuple[Segment, ...]  # the first segment of each speaker nothing placed (taken as official)


def assign_roles(segments: Sequence[Segment], evidence: TitleEvidence) -> Roles:
    """Every speaker's class; certain classes are kept as the labels gave them."""
    classes: dict[str, SpeakerClass] = {}
    unsettled: set[str] = set()
    for seg in segments:
        key = _key(seg)
        if key is None:
            continue
        if seg.speaker.id in evidence.principals:
            classes[key] = SpeakerClass.OFFICIAL
        elif seg.speaker.id in evidence.askers:
            classes[key] = SpeakerClass.JOURNALIST
        elif seg.certain:
            classes.setdefault(key, seg.speaker_class)
        else:
            unsettled.add(key)
    unsettled -= classes.keys()
    suggested = {key: _first_guess(key, segments) for key in unsettled}
    guesses = dict(suggested)
    if unsettled and SpeakerClass.OFFICIAL not in {*classes.values(), *guesses.values()}:
        # Nobody is known to answer: whoever speaks most is the principal.
        records = _records(segments, {**classes, **guesses})
        busiest = max(sorted(unsettled), key=lambda key: records[key].words)
        classes[busiest] = SpeakerClass.OFFICIAL  # decided by the evidence of speaking most
        unsettled.discard(busiest)
    for _ in range(3):  # each decision is evidence for the next; three rounds settle real transcripts
        known = {**guesses, **classes}
        records = _records(segments, known)
        decided = {key: _decide(records[key], suggested[key]) for key in sorted(unsettled)}
        if decided == {key: guesses[key] for key in unsettled}:
            break
        guesses.update(decided)
    final = {**guesses, **classes}
    records = _records(segments, final)
    unplaced = {key for key in unsettled if suggested[key] is SpeakerClass.UNKNOWN
                and not _has_evidence(records[key])}
    placed = tuple(replace(seg, speaker_class=final[key]) if (key := _key(seg)) in final else seg
                   for seg in segments)
    firsts: dict[str, Segment] = {}
    for seg in placed:
        key = _key(seg)
        if key in unplaced and key not in firsts:
            firsts[key] = seg
    return Roles(placed, tuple(firsts.values()))


def _has_evidence(record: _Record) -> bool:
    """Whether anything in the transcript showed this speaker asking, answering or moderating."""
    return bool(record.after_question or record.addressed or record.floor or record.questions or record.addressing)


def _key(seg: Segment) -> str | None:
    """Whose segment this is, across spellings: the speaker's id (unnamed speakers have none)."""
    if seg.direction or seg.unheard or seg.label is None:
        return None
    return seg.speaker.id or (None if seg.label.question else seg.label.text)


def _first_guess(key: str, segments: Sequence[Segment]) -> SpeakerClass:
    """Before the structure is read: the class the label suggested (an honorific's official)."""
    for seg in segments:
        if _key(seg) == key and seg.speaker_class is not SpeakerClass.UNKNOWN:
            return seg.speaker_class
    return SpeakerClass.UNKNOWN


def _records(segments: Sequence[Segment], known: dict[str, SpeakerClass]) -> dict[str, _Record]:
    spoken = [(index, seg) for index, seg in enumerate(segments) if not seg.direction]
    records: dict[str, _Record] = defaultdict(_Record)

    def class_of(seg: Segment) -> SpeakerClass:
        if seg.unheard or (seg.label is not None and seg.label.question):
            return SpeakerClass.JOURNALIST
        key = _key(seg)
        return known.get(key, SpeakerClass.UNKNOWN) if key else SpeakerClass.UNKNOWN

    for position, (index, seg) in enumerate(spoken):
        key = _key(seg)
        if key is None:
            continue
        record = records[key]
        text = " ".join(seg.paragraphs)
        words = len(text.split())
        record.turns.append(index)
        record.words += words
        record.questions += "?" in text
        before = spoken[position - 1][1] if position else None
        after = spoken[position + 1][1] if position + 1 < len(spoken) else None
        if before is not None and class_of(before) is SpeakerClass.JOURNALIST:
            record.after_question += 1
            if _addresses(before, seg):
                record.addressed += 1
        if after is not None:
            record.before_official += class_of(after) is SpeakerClass.OFFICIAL
            record.before_journalist += class_of(after) is SpeakerClass.JOURNALIST
            record.addressing += class_of(after) is SpeakerClass.OFFICIAL and (
                _addresses(seg, after) or _OFFICE_ADDRESS.match(text) is not None)
        record.floor += words <= _SHORT_TURN and CALLS_ON.search(text) is not None
    return records


def _decide(record: _Record, guess: SpeakerClass) -> SpeakerClass:
    turns = len(record.turns) or 1
    if record.addressed or record.after_question * 2 >= turns and record.after_question:
        return SpeakerClass.OFFICIAL
    brief = record.words <= _SHORT_TURN * turns and record.questions * 2 < turns
    if brief and record.before_journalist * 2 >= turns and (
            record.floor or record.before_journalist > record.before_official):
        return SpeakerClass.MODERATOR  # short turns that hand over to questions
    if guess is not SpeakerClass.UNKNOWN:
        return guess  # an honorific label ("DR. FAUCI") is an official's, however many questions they pose
    # Asking: questions, or turns that open by addressing the official who then speaks (a host's
    # "Mr President, let us go through it point by point."), before that official, most of the time.
    if (record.questions + record.addressing) * 2 >= turns and record.before_official * 2 >= turns:
        return SpeakerClass.JOURNALIST
    return SpeakerClass.OFFICIAL


def _addresses(question: Segment, answer: Segment) -> bool:
    """A question that opens by addressing the next speaker: "Mr Stoltenberg, ...", "Jen, ..."."""
    if not question.paragraphs:
        return False
    match = _ADDRESS.match(question.paragraphs[0])
    if match is None:
        return False
    words = {w.casefold().strip(".") for w in match.group("who").split()} - {"mr", "mrs", "ms", "dr", "madam", "mister"}
    known = {w.casefold() for w in (answer.speaker.name or answer.label.text if answer.label else "").split()}
    return bool(words & known)
