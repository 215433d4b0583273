"""Speaker labels: find where a label opens a paragraph and what it says.

A label is the part of a paragraph before the colon that names who speaks:
``Q (CNN):``, ``**Alex Marquardt (CNN):**``, ``STOLTENBERG :``. Finding one
is split in two steps so each can be tested on its own:

* :func:`find_label` cuts a candidate off the start of a paragraph, using
  the bold span of a Markdown clip when there is one;
* the recognisers in :mod:`generator.labels.recognisers` (one per label
  style, tried in order) say what the candidate holds: a question marker,
  a name with a role or outlet in brackets, "Name, Outlet", capitals...

Nothing here knows people or outlets: resolving a label to a person is the
parser's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.labels.recognisers import RECOGNISERS, Label

__all__ = ["Label", "LabelSplit", "find_label", "may_hold_inline_label", "recognise", "split_at_inline_labels"]

# Longest label seen in the archive is a role plus a full name plus an outlet.
_MAX_LABEL_CHARS = 90
_MAX_LABEL_WORDS = 12
_PLAIN_CANDIDATE = re.compile(r"^(?P<label>[^:]{1,90}?)\s*:(?:\s+|$)(?P<rest>.*)$", re.S)
_Q_DOT = re.compile(r"^(?P<label>Q|QUESTION|Question)\.\s+(?P<rest>\S.*)$", re.S)
# "Q    Thank you, Jen." (a briefing's reporter, no colon): the words after it start a sentence;
# "Q and A" and "Q&A" are words, not a label.
_Q_SPACE = re.compile(
    r"^(?P<label>Q|QUESTION)\s+(?P<rest>(?!and\b|&|[(\[][^()\[\]]*[)\]]\s*:)"
    r"(?:[—–…]|\.\.\.|[^\s\w]*[A-Z0-9\u00c0-\u024f(\[\"“'‘]).*)$",
    re.S,
)
_LABEL_OPENERS = ("Q.", "QUESTION.", "Question.", "Q ", "QUESTION ")
# "JENS STOLTENBERG [NATO Secretary General]" alone on its line, the words below it.
_LONE_BRACKETED = re.compile(r"^[^()\[\]:]{2,60}(?:\([^()]{2,80}\)|\[[^\[\]]{2,80}\])$")


@dataclass(frozen=True)
class LabelSplit:
    """A label found at the start of a paragraph and the words after it."""

    label: Label
    rest: str  # empty when the label stands alone on its line


def find_label(text: str, strong_prefix: str | None = None) -> LabelSplit | None:
    """The speaker label that opens ``text``, or None.

    ``strong_prefix`` is the text of a bold span that opens the paragraph in
    a Markdown clip; a bold label may hold its colon inside or after the bold.
    """
    if strong_prefix:
        split = _bold_candidate(text, strong_prefix)
        if split is not None:
            return split
    if ":" not in text[: _MAX_LABEL_CHARS + 2] and not text.startswith(_LABEL_OPENERS):
        # Most paragraphs: speech with no label. A label alone on its line ends on its bracket.
        return _lone_bracketed(text) if text.endswith((")", "]")) else None
    for pattern in (_Q_SPACE, _PLAIN_CANDIDATE, _Q_DOT) if text[:1] == "Q" else (_PLAIN_CANDIDATE,):
        match = pattern.match(text)
        if not match:
            continue
        label = recognise(match.group("label"))
        rest = match.group("rest").strip()
        # "Finland and Sweden: we are ready..." is a sentence: speech after a label starts a sentence.
        if label is not None and not (label.style == "plain" and rest[:1].islower()):
            return LabelSplit(label, rest)
    return _lone_bracketed(text) if text.endswith((")", "]")) else None


def _lone_bracketed(text: str) -> LabelSplit | None:
    """A name with a bracketed role or outlet, alone on its line and without a colon.

    Only names in capitals, or with a role in the brackets, count: "Press
    conference (as delivered)" is a heading, not a speaker.
    """
    if len(text) > _MAX_LABEL_CHARS or not text.endswith((")", "]")) or not _LONE_BRACKETED.match(text):
        return None
    label = recognise(text)
    if label is None or label.style not in ("capitals-brackets", "name-brackets") or label.detail_kind == "remark":
        return None
    if label.style == "name-brackets" and label.detail_kind != "role":
        return None
    return LabelSplit(label, "")


@lru_cache(maxsize=1 << 14)
def recognise(candidate: str) -> Label | None:
    """What a label candidate holds, by the first recogniser that knows it.

    Cached: one transcript repeats its few labels dozens of times.
    """
    candidate = " ".join(candidate.split())
    if not candidate or len(candidate) > _MAX_LABEL_CHARS or len(candidate.split()) > _MAX_LABEL_WORDS:
        return None
    for recogniser in RECOGNISERS:
        label = recogniser(candidate)
        if label is not None:
            return label
    return None


def _bold_candidate(text: str, strong: str) -> LabelSplit | None:
    """``**Name:** words``, ``**Name**: words`` or ``**Name: words**``."""
    if not text.startswith(strong):
        return None
    after = text[len(strong):]
    if strong.endswith(":"):
        candidate, rest = strong[:-1], after
    elif after.lstrip().startswith(":"):
        candidate, rest = strong, after.lstrip()[1:]
    elif ":" in strong:
        candidate, _, inner = strong.partition(":")
        rest = inner + after
    else:
        return None
    label = recognise(candidate.strip())
    if label is None:
        return None
    return LabelSplit(label, rest.strip())


# "... Thank you. Q: Mr. Secretary... DE HOOP SCHEFFER: Give me ...": older pages run a whole exchange
# into one paragraph. A label inside a paragraph follows a sentence's end and is followed by a capital.
_INLINE_COLON = re.compile(r" ?: +(?=[A-Z0-9\"“‘'(\[…])")
_SENTENCE_END = re.compile(r"[.?!…\]\)] +(?=[A-Z])")
_ABBREVIATION = re.compile(
    r"^(?:(?:[A-Za-z]\.)+|(?i:mr|mrs|ms|dr|prof|gen|adm|amb|st|lt|col|maj|sen|rep|gov|sec|h\.e)\.)$"
)


def _inline_candidates(text: str) -> list[tuple[int, str]]:
    """Where a label may start inside a paragraph, and the label: the words between a sentence's end
    and a colon, at most a label's length before it. Read from each colon back, so a paragraph
    costs as many steps as it has colons."""
    found: list[tuple[int, str]] = []
    # No colon after the first sentence's end: no label inside (the usual paragraph, or one that opens with a label).
    first_end = _SENTENCE_END.search(text)
    if first_end is None or text.find(": ", first_end.end()) < 0:
        return found
    for colon in _INLINE_COLON.finditer(text, 2):
        window_start = max(0, colon.start() - _MAX_LABEL_CHARS)
        ends = [end.end() for end in _SENTENCE_END.finditer(text, window_start, colon.start())]
        for start in reversed(ends):
            candidate = text[start: colon.start()]
            before = text[:start].split()
            if before and not _ABBREVIATION.match(before[-1]) and len(candidate.split()) <= 8:
                found.append((start, candidate))
                break
    return found


def may_hold_inline_label(text: str) -> bool:
    """Whether a paragraph has the shape of a label after a sentence's end somewhere inside it."""
    return ": " in text[2:] and bool(_inline_candidates(text))


def split_at_inline_labels(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """The parts of a paragraph that holds more than one speaker's words.

    A label inside a paragraph counts when it is a question marker, a name
    in capitals ("DE HOOP SCHEFFER", "AIGARS KALVITIS (Prime Minister of
    Latvia)"), or a label already seen opening a paragraph of the same
    transcript (``known``, as printed): a mixed-case "Name:" after a full
    stop is otherwise too often a sentence. The full stop of an abbreviation
    ("MS. OKAFOR:") ends no sentence.
    """
    if ": " not in text[2:]:
        return [text]
    parts: list[str] = []
    start = 0
    for position, candidate in _inline_candidates(text):
        label = recognise(candidate)
        if label is None or label.detail_kind == "remark":
            continue
        if not (label.question or label.style.startswith("capitals") or " ".join(candidate.split()) in known):
            continue
        parts.append(text[start:position].rstrip())
        start = position
    parts.append(text[start:])
    return [part for part in parts if part]
