"""Paragraphs to speaker turns, and what kind of turn each is.

A label opens a turn; unlabelled paragraphs continue the turn before, and
text before the first label is the principal speaker's opening statement.
A paragraph that is only a stage direction ("(Laughter)") becomes a note of
its own. Kinds follow from who speaks: journalists ask, officials make
statements until the first question and answer after it, moderators call
on outlets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.cleaning import Paragraph
from generator.labels import Label, find_label, may_hold_inline_label, split_at_inline_labels
from generator.model import Finding, Person, Speaker, Turn, TurnKind
from generator.parsing.label_text import slugify
from generator.parsing.speakers import Resolved, SpeakerClass, SpeakerResolver

_STAGE_DIRECTION = re.compile(r"^[(\[][^()\[\]]{1,120}[)\]][.]?$")
_INAUDIBLE = re.compile(
    r"inaudible|unclear|off[- ]?mic|no microphone|without (?:a )?microphone|not audible|unintelligible|in \w+ language",
    re.I,
)
_UNHEARD_QUESTION = re.compile(r"question", re.I)
CALLS_ON = re.compile(
    r"\b(?:we(?:'ll| will| can)? (?:go|turn|move|take|start)(?: now)? (?:to|over to|with)|next question|"
    r"last question|(?:one |a few )?more questions?|the floor is yours|(?:please,? )?go ahead|please introduce|"
    r"this concludes|ladies and gentlemen|over to you|the (?:lady|gentleman|woman|man) (?:in|at|with|on)|"
    r"in the (?:back|front|middle|centre|center|second row|third row)|over here|(?:your|the) microphone|"
    r"(?:you have|give you) the floor|let(?:'s| us) (?:go|take|turn)|first question|take (?:a|your) question)\b|(?:^|[.!?]\s)\W*(?:[\w'’-]+\W+){0,4}please\W*$",
    re.I,
)
_NOBODY = Speaker(None, None, None, None, None)


@dataclass(frozen=True)
class Segment:
    """A run of paragraphs spoken by one speaker, before its kind is known."""

    line: int
    speaker: Speaker
    speaker_class: SpeakerClass
    paragraphs: tuple[str, ...]
    label: Label | None = None
    direction: bool = False  # an unlabelled stage direction
    unheard: bool = False  # an unlabelled "[inaudible question]"
    changed: bool = False  # an unlabelled change of speaker (a caption's ">>")
    certain: bool = True  # the label settles the speaker's class; else the structure decides


@dataclass(slots=True)
class _OpenSegment:
    """A segment whose paragraphs are still being read."""

    line: int
    speaker: Speaker
    speaker_class: SpeakerClass
    paragraphs: list[str]
    label: Label | None = None
    direction: bool = False
    unheard: bool = False
    changed: bool = False
    certain: bool = True

    def closed(self) -> Segment:
        return Segment(self.line, self.speaker, self.speaker_class, tuple(self.paragraphs), self.label,
                       self.direction, self.unheard, self.changed, self.certain)


def segment(paragraphs: Sequence[Paragraph], resolver: SpeakerResolver) -> list[Segment]:
    """Split paragraphs at speaker labels, those inside a paragraph included."""
    segments: list[_OpenSegment] = []
    for paragraph in _split_inline(paragraphs):
        split = find_label(paragraph.text, paragraph.strong_prefix)
        resolved: Resolved | None = resolver.resolve(split.label) if split else None
        if split and resolved:
            segments.append(_OpenSegment(paragraph.line, resolved.speaker, resolved.speaker_class,
                                         [split.rest] if split.rest else [], split.label, certain=resolved.certain))
        elif paragraph.speaker_change:
            # A caption's ">>": someone else speaks, unnamed; who they are is decided from the structure.
            segments.append(_OpenSegment(paragraph.line, _NOBODY, SpeakerClass.UNKNOWN, [paragraph.text],
                                         changed=True))
        elif _STAGE_DIRECTION.match(paragraph.text) and _UNHEARD_QUESTION.search(paragraph.text):
            # "[Inaudible question from the floor]": a question nobody could hear, still a question.
            segments.append(_OpenSegment(paragraph.line, _NOBODY, SpeakerClass.JOURNALIST, [paragraph.text],
                                         unheard=True))
        elif _STAGE_DIRECTION.match(paragraph.text) and segments:
            segments.append(_OpenSegment(paragraph.line, _NOBODY, SpeakerClass.UNKNOWN, [paragraph.text],
                                         direction=True))
        elif segments and not segments[-1].direction and not segments[-1].unheard:
            segments[-1].paragraphs.append(paragraph.text)
        elif segments:
            # Speech resumes after a stage direction: the speaker before it goes on.
            previous = next((s for s in reversed(segments) if not s.direction and not s.unheard), None)
            # The label was printed once, before the direction: the resumed turn has none of its own.
            speaker = replace(previous.speaker, label=None) if previous else _NOBODY
            klass = previous.speaker_class if previous else SpeakerClass.UNKNOWN
            segments.append(_OpenSegment(paragraph.line, speaker, klass, [paragraph.text],
                                         previous.label if previous else None,
                                         certain=previous.certain if previous else True))
        else:
            segments.append(_OpenSegment(paragraph.line, _NOBODY, SpeakerClass.OFFICIAL, [paragraph.text]))
    return [open_segment.closed() for open_segment in segments]


def _split_inline(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Paragraphs that hold several speakers' words, split where each label starts."""
    holding = [may_hold_inline_label(paragraph.text) for paragraph in paragraphs]
    if not any(holding):
        return list(paragraphs)  # most transcripts: one speaker's words a paragraph
    known = frozenset(
        " ".join(split.label.text.split())
        for paragraph in paragraphs
        if (split := find_label(paragraph.text, paragraph.strong_prefix)) is not None
    )
    result: list[Paragraph] = []
    for paragraph, holds in zip(paragraphs, holding):
        parts = split_at_inline_labels(paragraph.text, known) if holds else [paragraph.text]
        if len(parts) == 1:
            result.append(paragraph)
            continue
        result.append(replace(paragraph, text=parts[0]))
        result += [Paragraph(paragraph.line, part) for part in parts[1:]]
    return result


def promote_named_in_title(segments: Sequence[Segment], title: str | None) -> list[Segment]:
    """A speaker the title names ("...with the President of Romania, Nikos Lambert") is an official."""
    if not title:
        return list(segments)
    folded = title.casefold()

    def named(speaker: Speaker) -> bool:
        if not speaker.name:
            return False
        return re.search(rf"(?<!\w){re.escape(speaker.name.casefold())}(?!\w)", folded) is not None

    return [
        replace(seg, speaker_class=SpeakerClass.OFFICIAL, certain=True)
        if seg.speaker_class is SpeakerClass.UNKNOWN and named(seg.speaker) else seg
        for seg in segments
    ]


def principal_people(
    segments: Sequence[Segment], given: Sequence[Person], participants: frozenset[str] = frozenset()
) -> tuple[Person, ...]:
    """The officials of the event: given in metadata, else those who speak for the institution.

    ``participants`` are speakers taken as officials for want of any sign of
    asking or answering (a meeting's guests): they speak, but do not hold the event.
    """
    found: dict[str, Person] = {person.id: person for person in given}
    classes = {s.speaker_class for s in segments if s.label is not None}
    officials = SpeakerClass.OFFICIAL if SpeakerClass.OFFICIAL in classes else SpeakerClass.MODERATOR
    if not found and officials not in classes:
        # Nobody known speaks for the institution: whoever answers a "Q:" does.
        officials = SpeakerClass.UNKNOWN
        segments = [
            seg for previous, seg in zip(segments, segments[1:])
            if previous.label is not None and previous.label.question and not (seg.label and seg.label.question)
        ]
    for seg in segments:
        if seg.label is not None and seg.speaker_class is officials and seg.speaker.id \
                and seg.speaker.id not in participants:
            name = seg.speaker.name or seg.speaker.role or ""
            found.setdefault(seg.speaker.id, Person(seg.speaker.id, name, seg.speaker.role))
    return tuple(found.values())


def build_turns(
    segments: Sequence[Segment],
    principals: Sequence[Person],
    outlet_called: Callable[[str], str | None] = lambda text: None,
    introduced: Callable[[str], tuple[str | None, str | None] | None] = lambda text: None,
) -> tuple[tuple[Turn, ...], tuple[Finding, ...]]:
    """Turns with their kinds, and findings about speakers that could not be placed.

    ``outlet_called`` names the outlet a moderator's words give the floor to,
    for the unlabelled "Q:" that follows; ``introduced`` reads the asker's
    name and outlet from the first words of an unnamed question.
    """
    principal_ids = {p.id for p in principals}
    # A moderator with no official beside them runs their own briefing; principals named in the
    # metadata or the title count as officials even when no label names them.
    moderators = {s.speaker.id for s in segments if s.speaker_class is SpeakerClass.MODERATOR}
    has_official = any(s.speaker_class is SpeakerClass.OFFICIAL for s in segments if s.label) or bool(
        principal_ids - moderators)
    opening = _opening_speaker(principals)
    turns: list[Turn] = []
    findings: list[Finding] = []
    asked = False
    called: str | None = None  # the outlet a moderator just gave the floor to
    # Turns of one speaker share one Speaker: a transcript holds a few speakers
    # and hundreds of turns, and the parse cache unpickles each object it holds.
    speakers: dict[Speaker, Speaker] = {}
    for number, seg in enumerate(segments, start=1):
        speaker = seg.speaker
        if seg.label is None and not seg.direction and not seg.unheard and not seg.changed:
            speaker = opening
            if opening.id is None:
                findings.append(Finding(seg.line, "unknown-opening-speaker",
                                        "text before the first speaker label has no known speaker; "
                                        "name the speaker in the metadata field 'speakers'"))
        kind = _kind(seg, speaker, principal_ids, has_official, asked)
        if kind is TurnKind.MODERATOR:
            called = outlet_called(" ".join(seg.paragraphs))
        elif kind is TurnKind.QUESTION:
            asked = True
            found = introduced(seg.paragraphs[0]) if seg.paragraphs and not speaker.name else None
            if found is not None:
                # "Question: Ksenia Sokolova, Snob magazine. ..."
                name, outlet = found
                speaker = replace(speaker, id=slugify(name) if name else None, name=name,
                                  outlet=outlet or speaker.outlet)
            if called and not speaker.outlet:
                # "MODERATOR: We'll take the first question from Sky News." / "Q: ..." or "Robin Emmott: ..."
                speaker = replace(speaker, outlet=called)
            called = None
        turns.append(Turn(f"t{number}", kind, speakers.setdefault(speaker, speaker), seg.paragraphs, seg.line))
    return tuple(turns), tuple(findings)


_PERSONAL = re.compile(
    r"(?<!\w)(?:i|i'm|i’m|we|we're|we’re|my|our|us|me|you|your|hello|good (?:morning|afternoon|evening)|"
    r"thank you|thanks|ladies|colleagues|friends)(?!\w)",
    re.I,
)


def narration_apart(segments: Sequence[Segment], principals: Sequence[Person]) -> list[Segment]:
    """The publisher's account of the event, before the transcript, as a note of its own.

    Text before the first label is the principal's opening statement when
    it is speech. A page that first tells what happened ("Vladimir Putin had
    a working meeting with ...") narrates: its opening paragraphs name a
    speaker in the third person and address no one. They are kept, as a
    note nobody spoke, up to the first paragraph that speaks.
    """
    if not segments or segments[0].label is not None or segments[0].direction or segments[0].changed:
        return list(segments)
    names = {word.casefold() for person in principals for word in person.name.split()[-1:]}
    names |= {seg.speaker.name.split()[-1].casefold() for seg in segments if seg.label and seg.speaker.name}
    names |= {"the president", "the secretary general", "the secretary-general", "the prime minister",
              "the chancellor", "the minister"}
    first = segments[0]
    told = 0
    for paragraph in first.paragraphs:
        if _PERSONAL.search(paragraph):
            break
        if told == 0 and not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", paragraph, re.I) for name in names):
            break
        told += 1
    if told == 0:
        return list(segments)
    narration = replace(first, paragraphs=first.paragraphs[:told], direction=True, speaker=_NOBODY)
    rest = [replace(first, paragraphs=first.paragraphs[told:])] if told < len(first.paragraphs) else []
    return [narration, *rest, *segments[1:]]


def _opening_speaker(principals: Sequence[Person]) -> Speaker:
    if not principals:
        return _NOBODY
    first = principals[0]
    return Speaker(first.id, first.name, first.role, None, None)


def _kind(seg: Segment, speaker: Speaker, principal_ids: set[str], has_official: bool, asked: bool) -> TurnKind:
    if seg.direction:
        return TurnKind.NOTE
    if seg.unheard:
        return TurnKind.QUESTION
    text = " ".join(seg.paragraphs)
    klass = seg.speaker_class
    if klass is SpeakerClass.MODERATOR and not has_official:
        klass = SpeakerClass.OFFICIAL  # a spokesperson's own briefing: they are the principal
    if seg.paragraphs and all(_STAGE_DIRECTION.match(p) for p in seg.paragraphs):
        if not (klass is SpeakerClass.JOURNALIST and _INAUDIBLE.search(text)):
            return TurnKind.NOTE
    if seg.label is not None and seg.label.question:
        return TurnKind.QUESTION
    if klass is SpeakerClass.UNKNOWN:
        # An unnamed voice (a caption's ">>"): its words say whether it asks or gives the floor.
        if speaker.id is not None and speaker.id in principal_ids:
            klass = SpeakerClass.OFFICIAL
        elif CALLS_ON.search(text) and "?" not in text:
            klass = SpeakerClass.MODERATOR
        elif text.rstrip().endswith("?") or (asked is False and "?" in text and seg.changed):
            klass = SpeakerClass.JOURNALIST
        else:
            klass = SpeakerClass.OFFICIAL
    if klass is SpeakerClass.JOURNALIST:
        return TurnKind.QUESTION
    if klass is SpeakerClass.MODERATOR:
        return TurnKind.MODERATOR
    return TurnKind.ANSWER if asked else TurnKind.STATEMENT
