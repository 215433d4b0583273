"""What the benchmark measures of one parsed transcript, against its raw file's own markup."""

from __future__ import annotations

import re
from dataclasses import dataclass

from benchmarks.fidelity.archives import RawFacts
from generator.model import Transcript, TurnKind

# A line that tells the time of day or ends a release: header and footer, never speech.
_TIME_OR_END = re.compile(r"^(?:\d{1,2}:\d{2}(?:\s*[AP]\.?M\.?)?(?:\s+[A-Z]{2,5})?|\\?#{3})$", re.I)


@dataclass(frozen=True)
class FileFigures:
    """One transcript's figures; the corpus table sums and counts them."""

    source: str
    question_labels: int  # the archive's own anonymous question labels in the raw file
    questions: int  # questions the parser found
    official_turns: int  # turns whose label the archive gives an official (or the principal)
    official_questions: int  # of those, turns the parser took as questions
    question_label_turns: int  # turns opened by an anonymous question label
    question_label_misses: int  # of those, turns the parser did not take as questions
    chrome_in_turns: tuple[str, ...]  # paragraphs of turns that are site chrome or header lines
    title_known: bool  # from metadata or from the text, not made up from the event type
    date_known: bool
    principal_known: bool
    kilobytes: float
    cpu_seconds: float

    @property
    def questions_within(self) -> float:
        """How far the question count is from the archive's labels, as a share of them."""
        if not self.question_labels:
            return 0.0 if not self.questions else 1.0
        return abs(self.questions - self.question_labels) / self.question_labels


_ANONYMOUS = re.compile(r"^(?:Q|QUESTION|Question|Remark|Journalist|Reporter)\b")


def file_figures(
    transcript: Transcript,
    raw: RawFacts,
    chrome: frozenset[str],
    official_pattern: re.Pattern[str] | None,
    kilobytes: float,
    cpu_seconds: float,
) -> FileFigures:
    """Compare one parse with its raw file.

    ``official_pattern`` matches the labels that the archive gives its
    officials (None: use the capitals labels counted in the raw file).
    ``chrome`` holds the site's recurring page chrome.
    """
    official_turns = official_questions = label_turns = label_misses = 0
    for turn in transcript.turns:
        label = (turn.speaker.label or "").strip()
        if not label:
            continue
        is_official = (official_pattern.search(label) is not None if official_pattern
                       else " ".join(label.split()) in raw.official_labels)
        if is_official:
            official_turns += 1
            official_questions += turn.kind is TurnKind.QUESTION
        if _ANONYMOUS.match(label) and not is_official:
            label_turns += 1
            label_misses += turn.kind is not TurnKind.QUESTION
    left = tuple(
        paragraph
        for turn in transcript.turns
        for paragraph in turn.paragraphs
        if paragraph in chrome or _TIME_OR_END.match(paragraph.strip())
    )
    # A title neither given nor printed is made up, and a missing-metadata finding names it.
    made_up = any(f.code == "missing-metadata" and "title" in f.message for f in transcript.findings)
    return FileFigures(
        source=transcript.source,
        question_labels=raw.question_labels,
        questions=len(transcript.questions),
        official_turns=official_turns,
        official_questions=official_questions,
        question_label_turns=label_turns,
        question_label_misses=label_misses,
        chrome_in_turns=left,
        title_known=not made_up,
        date_known=transcript.date is not None,
        principal_known=bool(transcript.principal_speakers),
        kilobytes=kilobytes,
        cpu_seconds=cpu_seconds,
    )
