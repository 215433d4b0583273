"""The gist of a question: the sentence that asks it, in a few words.

Journalists open with courtesies ("Thank you. Mr Secretary General, ...")
and context before they ask; the heading of a question should show what was
asked, so the first sentence ending in a question mark wins.
"""

from __future__ import annotations

import re

MAX_WORDS = 14
ELLIPSIS = "\u2026"

# A sentence ends at . ? or ! followed by space, unless the word is a title
# or a common abbreviation ("Mr. Secretary General", "the U.S. position").
_BOUNDARY = re.compile(r"(?<=[.?!])\s+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|vs|etc|e\.g|i\.e|[A-Z])\.)$"
)
_INTERROGATIVE = re.compile(
    r"^(?:Do|Does|Did|Is|Are|Was|Were|Can|Could|Will|Would|Shall|Should|May|Might|Have|Has|"
    r"What|Why|How|When|Where|Who|Whom|Whose|Which)\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"^(?:(?:Mr\.?|Mrs\.?|Ms\.?|Madam|Dear)\s+)?"
    r"(?:(?:Deputy\s+)?Secretary[- ]General|Prime Minister|President|Minister)"
    r"(?:\s+[A-Z][\w'-]+)?\s*[,:]\s+",
    re.IGNORECASE,
)


# Where the first sentence that asks ends: a "?" closing a sentence (before a
# space, or at the end). Sentences after it are never looked at.
_FIRST_ASKING_END = re.compile(r"\?(?= |$)")
# An abbreviation is at most this many characters (with its dot) before the end of a part.
_ABBREVIATION_TAIL = 8


def _split(text: str) -> list[str]:
    """Split text whose whitespace is already single spaces into sentences, keeping
    abbreviations inside their sentence."""
    merged: list[str] = []
    for part in _BOUNDARY.split(text):
        # Only a part ending in "." can end in an abbreviation; its tail is enough to tell.
        last = merged[-1] if merged else ""
        if last.endswith(".") and _ABBREVIATION.search(last, max(0, len(last) - _ABBREVIATION_TAIL)):
            merged[-1] = f"{last} {part}"
        else:
            merged.append(part)
    return [p for p in merged if p]


def question_gist(paragraphs: tuple[str, ...], max_words: int = MAX_WORDS) -> str:
    """The asking sentence of a question, at most ``max_words`` words.

    Without a "?", the first sentence that opens like a question ("Do you
    consider ...") is taken, else the first sentence. A leading form of
    address ("Secretary General,") is dropped; a cut sentence ends in "…".
    """
    text = " ".join(" ".join(paragraphs).split())
    end = _FIRST_ASKING_END.search(text)
    if end is not None:
        # The text up to the first "?" splits into the same sentences as the
        # whole text does up to there, and the last of them is the one that asks.
        # Dropping a form of address keeps the rest of a sentence, so the "?" too.
        asking = _ADDRESS.sub("", _split(text[: end.end()])[-1], count=1)
    else:
        found = _split(text)
        if not found:
            return ""
        bare = [_ADDRESS.sub("", s, count=1) for s in found]
        asking = next((s for s in bare if _INTERROGATIVE.match(s)), bare[0])
    if not asking:
        return ""
    words = asking.split()
    if len(words) > max_words:
        asking = " ".join(words[:max_words]).rstrip(",;:-\u2013\u2014") + ELLIPSIS
    return asking[0].upper() + asking[1:]
