"""Kept lines to paragraphs, with sentences split by page breaks joined again.

PDF exports break pages mid-sentence, and the scrape then shows the two
halves as separate paragraphs ("...their ability to protect" / "and defend
each other."). A paragraph that does not end a sentence is joined with the
next when the next continues it: it starts in lower case, or the first ends
on a comma or dash, or the break falls inside a capitalised name
("National News" / "Agency of Ukraine"). Speaker labels are never joined.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from generator.cleaning.line_text import ends_sentence
from generator.reading.source_lines import SourceLine, Style


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of kept text; ``line`` is where it starts in the raw file."""

    line: int
    text: str
    strong_prefix: str | None = None
    speaker_change: bool = False  # opens the words of a new, unnamed speaker


def assemble(
    lines: Sequence[SourceLine],
    starts_label: Callable[[SourceLine], bool],
    *,
    wrapped: bool,
    stands_alone: Callable[[SourceLine], bool] = lambda line: False,
    mend: bool = True,
) -> tuple[list[Paragraph], list[int]]:
    """Paragraphs from kept lines, and the raw lines where a split was mended.

    ``wrapped`` says the file is hard-wrapped, so that consecutive lines
    without a blank between them belong to one paragraph. A line that
    ``stands_alone`` (a label without a colon, alone on its line) takes no
    line after it into its paragraph. ``mend=False`` says the paragraphs
    are their own (a web page's blocks: no page break ever split them), so
    none is joined to the one before.
    """
    runs: list[list[SourceLine]] = []  # the lines of each paragraph
    first_labelled: list[bool | None] = []  # whether each run opens with a label, once asked
    for line in lines:
        is_label = None  # asked only when it decides: finding a label costs a parse
        continues = False
        if runs and not line.blank_before and wrapped and line.style is Style.PLAIN and not line.speaker_change:
            if len(runs[-1]) == 1:
                if first_labelled[-1] is None:
                    first_labelled[-1] = starts_label(runs[-1][0])
                alone = first_labelled[-1] and stands_alone(runs[-1][0])
            else:
                alone = False
            if not alone:
                is_label = starts_label(line)
                continues = not is_label or _mid_sentence(runs[-1][-1])
        if continues:
            runs[-1].append(line)
        else:
            runs.append([line])
            first_labelled.append(is_label)
    paragraphs = [
        Paragraph(run[0].number, " ".join([line.text for line in run]), run[0].strong_prefix, run[0].speaker_change)
        for run in runs
    ]
    if not mend:
        return paragraphs, []
    # Each paragraph with its first line: a web page's blocks may share one line number.
    return _join_split_sentences(paragraphs, [run[0] for run in runs], first_labelled, starts_label)


def _mid_sentence(line: SourceLine) -> bool:
    """A wrapped line that stops mid-sentence: what starts the next line, even "Hatch Act:", goes on with it."""
    last = line.text.rstrip()[-1:]
    return bool(last) and (last.isalnum() or last in ",;")


def is_hard_wrapped(lines: Sequence[SourceLine]) -> bool:
    """Lines of a hard-wrapped file run on without blank lines, at a steady width."""
    inner = [
        line for line, following in zip(lines, lines[1:]) if not following.blank_before
    ]
    has_blank_paragraphs = sum(1 for line in lines if line.blank_before) >= 2
    if not has_blank_paragraphs or len(inner) < max(3, len(lines) // 4):
        return False
    lengths = [len(line.text) for line in inner]
    return 40 <= statistics.median(lengths) <= 110 and max(lengths) <= 140


def _join_split_sentences(
    paragraphs: list[Paragraph],
    first_lines: list[SourceLine],
    labelled: list[bool | None],
    starts_label: Callable[[SourceLine], bool],
) -> tuple[list[Paragraph], list[int]]:
    joined: list[Paragraph] = []
    joined_first: list[SourceLine] = []  # the first line of each joined paragraph
    mended: list[int] = []
    for paragraph, line, is_label in zip(paragraphs, first_lines, labelled):
        if (joined and not paragraph.speaker_change
                and _continues(joined[-1], joined_first[-1], paragraph, line)
                and not (starts_label(line) if is_label is None else is_label)):
            last = joined[-1]
            joined[-1] = replace(last, text=f"{last.text} {paragraph.text}")
            mended.append(paragraph.line)
        else:
            joined.append(paragraph)
            joined_first.append(line)
    return joined, mended


_LAST_WORD = re.compile(r"(\S+)\s*$")
_STAGE_DIRECTION = re.compile(r"^[(\[][^()\[\]]{1,120}[)\]]\.?$")


def _continues(first: Paragraph, first_line: SourceLine, second: Paragraph, second_line: SourceLine) -> bool:
    if first_line.style is not Style.PLAIN and first_line.style is not Style.STRONG:
        return False
    if second_line.style is not Style.PLAIN:
        return False
    head, tail = first.text.rstrip(), second.text.lstrip()
    if not head or not tail or ends_sentence(head) or head.endswith(":"):
        return False
    if _STAGE_DIRECTION.match(head) or _STAGE_DIRECTION.match(tail):
        return False  # "(Interpretation from French)" stands alone
    if tail[0].islower() or tail[0].isdigit():
        return True
    if head[-1] in ")]":
        return False
    if head[-1] in ",-–—/(&":
        return True
    last = _LAST_WORD.search(head)
    return last is not None and last.group(1)[0].isupper() and tail[0].isupper() and tail.split()[0][0].isalpha()
