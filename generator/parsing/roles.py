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
* whoever speaks before an official answers, mostly in questions or
  opening by addressing them ("Mr President, ..."), asks; so does a
  journalist who introduced themselves under a "Question:" label;
* when no one answers questions, whoever speaks most is the principal.

A label whose name nobody knows is never a questioner by default: without
evidence for asking, its speaker makes statements.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

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

    turns: int = 0
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
    """What the page says of its speakers besides their labels: ids of the principals (metadata, title,
    by-line, summary) and of the askers (an interviewer the title names, a journalist's own introduction)."""

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
    suggested: dict[str, SpeakerClass] = {}  # what a label that does not settle it suggests (an honorific)
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
        elif suggested.get(key, SpeakerClass.UNKNOWN) is SpeakerClass.UNKNOWN:
            suggested[key] = seg.speaker_class
    unsettled = set(suggested) - classes.keys()
    spoken = _spoken(segments) if unsettled else []
    guesses = {key: suggested[key] for key in unsettled}
    if unsettled and SpeakerClass.OFFICIAL not in {*classes.values(), *guesses.values()}:
        # Nobody is known to answer: whoever speaks most is the principal.
        records = _records(spoken, {**classes, **guesses})
        busiest = max(sorted(unsettled), key=lambda key: records[key].words)
        classes[busiest] = SpeakerClass.OFFICIAL  # decided by the evidence of speaking most
        unsettled.discard(busiest)
    for _ in range(3):  # each decision is evidence for the next; three rounds settle real transcripts
        records = _records(spoken, {**guesses, **classes})
        decided = {key: _decide(records[key], suggested[key]) for key in sorted(unsettled)}
        if decided == {key: guesses[key] for key in unsettled}:
            break
        guesses.update(decided)
    final = {**guesses, **classes}
    records = _records(spoken, final)
    unplaced = {key for key in unsettled if suggested[key] is SpeakerClass.UNKNOWN
                and not _has_evidence(records[key])}
    placed = tuple(replace(seg, speaker_class=final[key])
                   if (key := _key(seg)) in final and seg.speaker_class is not final[key] else seg
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


@dataclass(frozen=True)
class _Spoken:
    """What one spoken segment shows, whoever turns out to be asking: read once, counted each round."""

    key: str | None
    asks: bool  # a question label or an unheard question: asking, whoever it is
    words: int
    question_mark: bool
    floor: bool  # a short turn that gives the floor
    addresses_next: bool  # opens by addressing the next speaker, by name or by office
    addressed: bool  # the turn before opened by addressing this speaker


def _spoken(segments: Sequence[Segment]) -> list[_Spoken]:
    turns = [seg for seg in segments if not seg.direction]
    found: list[_Spoken] = []
    for position, seg in enumerate(turns):
        text = " ".join(seg.paragraphs)
        words = len(text.split())
        after = turns[position + 1] if position + 1 < len(turns) else None
        before = turns[position - 1] if position else None
        found.append(_Spoken(
            key=_key(seg),
            asks=seg.unheard or (seg.label is not None and seg.label.question),
            words=words,
            question_mark="?" in text,
            floor=words <= _SHORT_TURN and CALLS_ON.search(text) is not None,
            addresses_next=after is not None and (_addresses(seg, after) or _OFFICE_ADDRESS.match(text) is not None),
            addressed=before is not None and _addresses(before, seg),
        ))
    return found


def _records(spoken: Sequence[_Spoken], known: dict[str, SpeakerClass]) -> dict[str, _Record]:
    records: dict[str, _Record] = defaultdict(_Record)

    def class_of(turn: _Spoken) -> SpeakerClass:
        if turn.asks:
            return SpeakerClass.JOURNALIST
        return known.get(turn.key, SpeakerClass.UNKNOWN) if turn.key else SpeakerClass.UNKNOWN

    for position, turn in enumerate(spoken):
        if turn.key is None:
            continue
        record = records[turn.key]
        record.turns += 1
        record.words += turn.words
        record.questions += turn.question_mark
        record.floor += turn.floor
        if position and class_of(spoken[position - 1]) is SpeakerClass.JOURNALIST:
            record.after_question += 1
            record.addressed += turn.addressed
        if position + 1 < len(spoken):
            following = class_of(spoken[position + 1])
            record.before_official += following is SpeakerClass.OFFICIAL
            record.before_journalist += following is SpeakerClass.JOURNALIST
            record.addressing += following is SpeakerClass.OFFICIAL and turn.addresses_next
    return records


def _decide(record: _Record, guess: SpeakerClass) -> SpeakerClass:
    turns = record.turns or 1
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
