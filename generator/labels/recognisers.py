"""One recogniser per label style, tried in order.

Each takes a label candidate (the text before the colon, markup removed)
and returns a :class:`Label` or None. They look only at the shape of the
text; whether "STOLTENBERG" is a person met earlier is decided later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    """What a speaker label says, as printed.

    ``name`` is the part that may name a person (it can still carry a role
    prefix, as in "NATO Secretary General Jens Stoltenberg"); ``detail`` is
    the part in brackets or after a comma, a role or an outlet; ``detail_kind``
    is "role" when its words say so, "remark" when it is a stage remark about
    the speech ("responding to a question"), else None (the parser decides).
    ``honorific`` is a courtesy title that opened the name ("Ms.", "DR."):
    labels of that form belong to officials in briefing transcripts, where
    reporters are labelled "Q".
    """

    text: str
    style: str
    name: str | None = None
    detail: str | None = None
    detail_kind: str | None = None
    question: bool = False
    follow_up: bool = False
    honorific: str | None = None


_QUESTION = re.compile(
    r"^(?P<marker>Q\d*|Q\s?&\s?A|Questions?|Question\s+\d+|Follow[- ]?up(?:\s+questions?)?|"
    r"Journalist|Reporter|Remark|Вопрос|Реплика|Питання|Frage|Pregunta|Domanda)"
    r"(?:\s*\((?P<paren>[^()]*)\)|\s*\[(?P<bracket>[^\[\]]*)\]|\s*,\s*(?P<comma>.+)"
    r"|\s+(?:from|by)\s+(?P<source>.+)|\s+[-–—]\s+(?P<dash>.+))?$",
    re.I,
)
_FOLLOW_UP = re.compile(r"^follow[- ]?up", re.I)
_BRACKETED = re.compile(r"^(?P<head>[^()\[\]]+?)\s*(?:\((?P<paren>[^()]+)\)|\[(?P<bracket>[^\[\]]+)\])$")
_COMMA = re.compile(r"^(?P<head>[^,]+),\s*(?P<detail>[^,]+)$")
ROLE_WORDS = re.compile(
    r"\b(?:secretary|general|spokes(?:person|man|woman)|minister|president|chancellor|ambassador|"
    r"chair(?:man|woman|person)?|commander|deputy|moderator|interpreter|director|head|prime|king|queen|"
    r"senator|representative|admiral|envoy|press officer|host|anchor|presenter|sg|dsg|saceur|"
    r"administrator|governor|advis[eo]r|coordinator|counsel(?:l?or)?|official|officer|aide|operator|"
    r"mayor|commissioner|surgeon|attorney|congress(?:man|woman)|leader|chief|"
    r"secr[ée]taire|porte-parole|ministre|pr[ée]sident)\b",
    re.I,
)
# Courtesy titles that open a name: "MS. PSAKI", "Dr Fauci", "M. Macron".
_HONORIFIC = re.compile(
    r"^(?P<honorific>(?:mr|mrs|ms|mx|dr|prof|sir|dame|madam|mme|mlle|herr|frau|m)\.?)\s+(?P<name>\S.*)$", re.I
)
_PARTICLES = frozenset(
    "de van von der den da di du la le of the for al el bin ibn y e zu ten ter del della dos das".split()
)
_ABBREVIATIONS = frozenset("mr. mrs. ms. dr. gen. adm. amb. sec. st. lt. col. maj. prof. h.e.".split())
# Words that open ordinary sentences, never a speaker label ("Second: ...", "Article 5: ...").
_SENTENCE_OPENERS = frozenset(
    """this that these those it we i he she they you and but so then first second third finally also
    well now here there yes no ok okay my our your his her their let article note please today yesterday
    tomorrow because if when what why how who where in on at for from with as to by of one two three
    answer subject re date time location place venue title source transcript update photo video
    audio watch listen read download share print""".split()
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")


def _is_label_words(text: str) -> bool:
    """Words a speaker label is made of: capitalised names, roles, particles."""
    words = text.split()
    if not words or len(words) > 12 or words[0].lower().rstrip(".") in _SENTENCE_OPENERS:
        return False
    if any(ch in text for ch in '?!;"“”…'):
        return False
    capitalised = 0
    for word in words:
        bare = word.strip("'’")
        lower = bare.lower()
        if lower in _PARTICLES:
            continue
        if not _NAME_WORD.match(bare) and not re.fullmatch(r"[A-Z0-9][\w\-/&.]*", bare):
            return False
        if bare.endswith(".") and lower not in _ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.)+", bare):
            return False
        if not bare[0].isupper() and not bare[0].isdigit():
            return False
        capitalised += 1
    return capitalised > 0


def _clean_detail(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split()).strip(" ,.-–—")
    return text or None


def _without_honorific(name: str) -> tuple[str | None, str]:
    """``MS. PSAKI`` -> (``MS.``, ``PSAKI``); a name without one is returned whole.

    A bare "M" or "Sir" needs its full stop or a capitalised name after it,
    so that "M Smith" stays a name.
    """
    match = _HONORIFIC.match(name)
    if not match or (match.group("honorific").casefold() == "m" and not match.group("honorific").endswith(".")):
        return None, name
    rest = match.group("name")
    if not rest[:1].isupper():
        return None, name
    return match.group("honorific"), rest


def _detail_kind(detail: str | None) -> str | None:
    """What a bracketed detail is, when its words say it: a role, or a remark about the speech."""
    if not detail:
        return None
    if detail[:1].islower() and len(detail.split()) >= 2:
        return "remark"  # "(responding to a remark)", "(via interpreter)", "(in French)"
    return "role" if ROLE_WORDS.search(detail) else None


def question_marker(candidate: str) -> Label | None:
    """``Q:``, ``Q (Reuters):``, ``QUESTION:``, ``Question [AFP]:``, ``Follow-up question:``."""
    match = _QUESTION.match(candidate)
    if not match:
        return None
    detail = None
    for group in ("paren", "bracket", "comma", "source", "dash"):
        if match.group(group) is not None:
            detail = _clean_detail(match.group(group))
    follow_up = bool(_FOLLOW_UP.match(match.group("marker")))
    if detail and _FOLLOW_UP.fullmatch(detail.replace("question", "").strip()):
        detail, follow_up = None, True  # "Q (follow-up):"
    return Label(candidate, "question-marker", detail=detail, question=True, follow_up=follow_up)


def name_with_brackets(candidate: str) -> Label | None:
    """``Name (Outlet)``, ``NAME [Role]``, ``NAME (Role)``, ``Role Name (Outlet)``."""
    match = _BRACKETED.match(candidate)
    if not match or not _is_label_words(match.group("head")):
        return None
    detail = _clean_detail(match.group("paren") or match.group("bracket"))
    style = "capitals-brackets" if match.group("head").isupper() else "name-brackets"
    honorific, name = _without_honorific(match.group("head").strip())
    return Label(candidate, style, name=name, detail=detail, detail_kind=_detail_kind(detail), honorific=honorific)


def name_comma_detail(candidate: str) -> Label | None:
    """``Name, Outlet`` or ``Name, Role``."""
    match = _COMMA.match(candidate)
    if not match:
        return None
    head, detail = match.group("head").strip(), _clean_detail(match.group("detail"))
    if not _is_label_words(head) or not detail or not _is_label_words(detail):
        return None
    if len(head.split()) > 5:
        return None
    kind = "role" if ROLE_WORDS.search(detail) else None
    return Label(candidate, "name-comma", name=head, detail=detail, detail_kind=kind)


def capitals(candidate: str) -> Label | None:
    """``JENS STOLTENBERG``, a bare ``STOLTENBERG``, ``EKHO MOSKVY``."""
    letters = [ch for ch in candidate if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters) or len(candidate.split()) > 8:
        return None
    if not _is_label_words(candidate):
        return None
    honorific, name = _without_honorific(candidate)
    return Label(candidate, "capitals", name=name, honorific=honorific)


def plain_name(candidate: str) -> Label | None:
    """``Jens Stoltenberg``, ``Secretary General``, ``NATO Spokesperson Oana Lungescu``."""
    if len(candidate.split()) > 9 or not _is_label_words(candidate):
        return None
    honorific, name = _without_honorific(candidate)
    return Label(candidate, "plain", name=name, honorific=honorific)


RECOGNISERS: tuple[Callable[[str], Label | None], ...] = (
    question_marker,
    name_with_brackets,
    name_comma_detail,
    capitals,
    plain_name,
)
