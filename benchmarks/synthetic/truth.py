"""What a synthetic transcript contains, so tests can check a parse against it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class QuestionTruth:
    """One question from the floor, as written into the raw text.

    ``outlet`` is the canonical outlet the question's own label names (or,
    in an interview, the outlet label "EKHO MOSKVY"); ``None`` for "Q:" and
    for "Q (unknown):". ``called_outlet`` is the outlet the moderator named
    just before, or the interviewing outlet; a parser that reads moderator
    calls can recover it.
    """

    number: int  # 1-based, in order of appearance
    label: str  # as printed, without colon and Markdown
    style: str
    outlet: str | None
    spelling: str | None  # the outlet as printed in the label
    called_outlet: str | None
    asker: str | None
    follow_up_of: int | None
    inaudible: bool


@dataclass(frozen=True)
class GroundTruth:
    """Everything the generator put into one raw file."""

    format: str  # "blank" (blank line between paragraphs), "lines" (one per line), "markdown"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252"
    line_end: str  # "lf" or "crlf"
    event_type: str
    principal: str
    principal_role: str
    guest: str | None
    moderator: str | None  # the spokesperson's name; None when absent or unnamed
    chrome_language: str
    questions: tuple[QuestionTruth, ...]
    chrome: tuple[tuple[str, int], ...]  # (kind, number of non-blank lines), sorted by kind
    page_breaks: int  # sentences split into two paragraphs by a PDF page break
    notes: int  # stage directions on a line of their own: "(Laughter)"
    label_styles: tuple[str, ...]  # styles and label quirks used, sorted
    topics: tuple[str, ...]
    title_in_text: bool
    text_bytes: int  # UTF-8 size of the text, before encoding and line-end conversion

    @property
    def question_count(self) -> int:
        """How many questions were asked, follow-ups and inaudible ones included."""
        return len(self.questions)

    @property
    def outlets(self) -> tuple[str | None, ...]:
        """Each question's outlet as its label names it, or None."""
        return tuple(q.outlet for q in self.questions)

    @property
    def chrome_lines(self) -> int:
        """How many non-blank lines of website chrome were injected."""
        return sum(count for _, count in self.chrome)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        data = dict(self.__dict__)
        data["questions"] = [q.__dict__ for q in self.questions]
        data["chrome"] = dict(self.chrome)
        data["chrome_lines"] = self.chrome_lines
        data["question_count"] = self.question_count
        return data


@dataclass(frozen=True)
class SyntheticTranscript:
    """One generated raw file, its metadata sidecar and its ground truth."""

    name: str  # file stem: NAME.txt and NAME.meta.yaml
    raw: bytes
    meta: dict[str, str]
    truth: GroundTruth

    @property
    def filename(self) -> str:
        """The raw file's name."""
        return f"{self.name}.txt"
