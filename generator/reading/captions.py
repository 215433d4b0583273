"""Caption files (WebVTT, SRT) to source lines: speech kept, timing reported.

A video page's captions hold the words of a press conference cut into cues
of a line or two, each under a timing line and, in SRT, a cue number. The
reader emits one SourceLine per line of the file, so that every line keeps
its number in the build report:

* the WEBVTT header, NOTE, STYLE and REGION blocks, cue numbers and
  identifiers and timing lines carry ``chrome`` (their rule name), so that
  cleaning removes and reports them;
* cue text lines lose their markup (``<i>``, ``<c.x>``, karaoke timestamps,
  ``{\\an8}``, entities); ``>>`` and a dialogue dash mark a change of
  speaker, and a voice span ``<v Name>`` reads as the label ``Name:``;
* ``blank_before`` starts a new paragraph where the speaker pauses after a
  sentence, so that the cues of one speaker run on into paragraphs.

Both formats are read by one lenient reader: scraped files mix them (an SRT
under a WEBVTT header), lose blank lines and carry stray text; whatever is
not structure is kept as text, so no word is dropped unreported.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from generator.reading.decode import normalise_text
from generator.reading.source_lines import SourceLine

# A pause this long after a sentence is a paragraph break. Professional
# subtitles leave 0.1 s or less between the cues of continuous speech and
# up to about half a second between sentences.
PARAGRAPH_PAUSE_MS = 1000
# A monologue without pauses still gets paragraphs: at the first sentence end after this many words.
LONGEST_PARAGRAPH_WORDS = 120

_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d+)?"
_TIMING = re.compile(rf"^\s*(?P<start>{_TIME})\s*-->\s*(?P<end>{_TIME})(?:\s.*)?$")
_BLOCK_KEYWORDS = {"NOTE": "caption-note", "STYLE": "caption-style", "REGION": "caption-region"}
_BLOCK_KEYWORD = re.compile(r"^(NOTE|STYLE|REGION)(?:\s|$)")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
# SubRip and ASS override codes: {\an8}, {\pos(10,20)}, {\i1}.
_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s<>]*)?(?:[ \t]+(?P<name>[^<>]*))?>", re.I)
# Only the tags captions use are markup: any other "<...>" is text someone wrote, and stays.
_TAG = re.compile(
    r"</?(?:c|i|b|u|v|ruby|rt|lang|font|span)(?:[.\s][^<>]*)?>|<br\s*/?>|<(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+>", re.I
)
# ">>" (US broadcast captions, ">>>" for a new story) or a dialogue dash opens another speaker's words.
_CHANGE = re.compile(r"^(?:>{2,}\s*|-\s+|-$)")
_BEFORE_VOICE = re.compile(r"^\s*(?:>{2,}|-)?\s*$")
# A stage direction, "[APPLAUSE]", as the parser reads one.
_DIRECTION = re.compile(r"^[(\[][^()\[\]]{1,120}[)\]]\.?$")
# Cleaning's sentence end counts ":" and ";" too; a paragraph should not end on them
# (and reading comes before cleaning, so it cannot ask it).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class CueText:
    """A cue line with its markup taken off.

    ``voice`` is the name of a voice span that opens the line; ``change``
    says the line opened with a ``>>`` or a dialogue dash (taken off ``text``).
    """

    text: str
    voice: str | None = None
    change: bool = False


def read_cue_text(raw: str) -> CueText:
    """The words of one cue line, without caption markup, entities decoded."""
    line = _OVERRIDE.sub("", raw)
    voice = None
    match = _VOICE.search(line)
    # A voice span names the speaker of the line only where it opens it.
    if match and _BEFORE_VOICE.match(html.unescape(_strip_tags(line[: match.start()]))):
        voice = " ".join((match.group("name") or "").split()) or None
    text = " ".join(normalise_text(html.unescape(_strip_tags(line))).split())
    marker = _CHANGE.match(text)
    # "-Yes." without a space is a dialogue dash too; "-based" is not.
    end = marker.end() if marker else 1 if text[:1] == "-" and text[1:2].isupper() else 0
    return CueText(text[end:].lstrip(), voice, end > 0)


def _strip_tags(line: str) -> str:
    # Tags are taken off before entities are decoded, so that "&lt;i&gt;" stays text.
    return _TAG.sub(lambda tag: " " if tag.group().lower().startswith("<br") else "", line)


def caption_lines(lines: list[str], first_number: int) -> list[SourceLine] | None:
    """Every line of a caption file as a SourceLine, or None if it has no cue timing at all."""
    kinds = _line_kinds(lines)
    if "caption-timing" not in kinds:
        return None  # a transcript saved under a caption file's name: it reads as text
    return _Reader(first_number).read(lines, kinds)


def _line_kinds(lines: list[str]) -> list[str | None]:
    """What each line is: a chrome rule name, "text", or None for a blank line.

    Blocks are separated by blank lines. A timing line opens a cue wherever
    it stands (files lose blank lines); the line before it is the cue's
    identifier when it opens the block, or a cue number when it is one.
    """
    kinds: list[str | None] = [None] * len(lines)
    first_block = True
    block_start = True
    rule = "text"
    for offset, line in enumerate(lines):
        if not line.strip():
            block_start = True
            continue
        # Any line with an arrow is a cue's timing, as WebVTT reads it: a garbled one is no speech either.
        if "-->" in line:
            kinds[offset] = "caption-timing"
            before = offset - 1
            opened_block = before >= 0 and kinds[before] is not None and (before == 0 or kinds[before - 1] is None)
            if before >= 0 and kinds[before] in ("text", "caption-note", "caption-style", "caption-region"):
                if _CUE_NUMBER.match(lines[before]):
                    kinds[before] = "caption-cue-number"
                elif opened_block:
                    kinds[before] = "caption-cue-identifier"
            rule = "text"
        elif block_start:
            keyword = _BLOCK_KEYWORD.match(line)
            if first_block and line.lstrip().startswith("WEBVTT"):
                rule = "caption-header"
            elif keyword:
                rule = _BLOCK_KEYWORDS[keyword.group(1)]
            else:
                rule = "text"
            kinds[offset] = rule
        else:
            kinds[offset] = rule
        first_block = block_start = False
    # A number alone between blank lines is a cue whose timing line was lost.
    for offset, kind in enumerate(kinds):
        alone = (offset == 0 or kinds[offset - 1] is None) and (offset + 1 == len(kinds) or kinds[offset + 1] is None)
        if kind == "text" and alone and _CUE_NUMBER.match(lines[offset]):
            kinds[offset] = "caption-cue-number"
    return kinds


class _Reader:
    """Cue text lines to SourceLines, deciding where paragraphs and speakers change."""

    def __init__(self, first_number: int) -> None:
        self.first_number = first_number
        self.voice: str | None = None  # the speaker the last voice span named
        self.pending_change = False  # a ">>" alone on its line: the next words are another speaker's
        self.in_cue = False  # between a timing line and the next blank line
        self.cue_start: int | None = None  # when the open cue starts and ends (ms)
        self.cue_end: int | None = None
        self.spoken_until: int | None = None  # when the cue with the last words ended
        self.new_cue = False  # no words of the open cue read yet
        self.words = 0  # words in the paragraph so far
        self.last_text = ""
        self.break_next = False  # the line before was a stage direction: it stands alone
        self.spoken = False  # words were read: a ">>" before the first ones changes from nobody

    def read(self, lines: list[str], kinds: list[str | None]) -> list[SourceLine]:
        """One SourceLine per non-blank line, given what each line is (see :func:`_line_kinds`)."""
        result: list[SourceLine] = []
        blank = False
        for offset, (raw, kind) in enumerate(zip(lines, kinds)):
            number = self.first_number + offset
            if kind is None:
                blank, self.in_cue = True, False
                continue
            if kind == "caption-timing":
                self._open_cue(raw)
            if kind == "text":
                result.append(self._text_line(number, raw, blank))
            else:
                result.append(SourceLine(number, raw, " ".join(raw.split()), chrome=kind))
            blank = False
        return result

    def _open_cue(self, raw: str) -> None:
        match = _TIMING.match(raw)
        # A garbled timing opens a cue all the same, of unknown time: no pause is measured around it.
        self.cue_start = _milliseconds(match.group("start")) if match else None
        self.cue_end = _milliseconds(match.group("end")) if match else None
        self.in_cue = self.new_cue = True

    def _text_line(self, number: int, raw: str, blank: bool) -> SourceLine:
        cue = read_cue_text(raw)
        if not cue.text and cue.voice is None:
            # Markup alone, or a ">>" whose words follow on the next line.
            self.pending_change = self.pending_change or cue.change
            rule = "caption-speaker-marker" if cue.change else "caption-markup"
            return SourceLine(number, raw, " ".join(raw.split()), chrome=rule)
        # The first words of a file are the opening speaker's, as in a text file before its first label.
        change = (cue.change or self.pending_change) and self.spoken
        self.pending_change, self.spoken = False, True
        if change:
            self.voice = None  # after another speaker, a voice span names its speaker again
        text, prefix = cue.text, None
        if cue.voice is not None and cue.voice != self.voice:
            self.voice = cue.voice
            text, prefix, change = f"{cue.voice}: {cue.text}".rstrip(), f"{cue.voice}:", True
        direction = bool(_DIRECTION.match(cue.text))
        # Text outside any cue (after a blank line, no timing) is a block of its own.
        untimed = blank and not self.in_cue
        starts = change or direction or self.break_next or untimed or self._pause_ends_paragraph()
        self.break_next = direction
        if self.new_cue:
            self.new_cue = False
            self.spoken_until = self.cue_end
        self.words = (0 if starts else self.words) + len(text.split())
        self.last_text = text
        return SourceLine(number, raw, text, strong_prefix=prefix, blank_before=starts, speaker_change=change)

    def _pause_ends_paragraph(self) -> bool:
        """A cue after a sentence end starts a paragraph when the speaker paused, or spoke long."""
        if not self.new_cue or not _SENTENCE_END.search(self.last_text):
            return False
        if self.words >= LONGEST_PARAGRAPH_WORDS:
            return True
        return (self.cue_start is not None and self.spoken_until is not None
                and self.cue_start - self.spoken_until >= PARAGRAPH_PAUSE_MS)


def _milliseconds(time: str) -> int:
    """``01:02:03.5`` or ``02:03,500`` in milliseconds (whole numbers: no overflow on any digits)."""
    clock, _, fraction = time.replace(",", ".").partition(".")
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total * 1000 + int((fraction + "000")[:3])
