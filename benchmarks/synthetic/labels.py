"""Speaker labels in every style the archive prints them.

A :class:`Voice` is one speaker of one transcript. It prints its label in a
style chosen for the transcript and, like real transcribers, may change the
spelling half-way ("NATO Secretary General Jens STOLTENBERG" first, then
"STOLTENBERG", then "JENS STOLTENBERG").
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# Styles for officials (principal, guest, moderator) and for reporters.
OFFICIAL_STYLES = (
    "role_only", "title_name", "name_brackets_role", "name_parens_role", "upper_name", "bare_surname",
    "name_comma_role",
)
OFFICIAL_WEIGHTS = (30, 20, 8, 10, 12, 12, 8)
REPORTER_STYLES = ("q", "q_outlet", "question", "question_outlet", "name_outlet", "name_comma_outlet")
REPORTER_WEIGHTS = (16, 24, 8, 10, 32, 10)
INTERVIEW_STYLES = ("outlet_only", "q", "question", "name_outlet")
INTERVIEW_WEIGHTS = (40, 30, 10, 20)

ROLE_VARIANTS = {
    "NATO Secretary General": ("Secretary General", "NATO Secretary General", "SECRETARY GENERAL", "The SECRETARY GENERAL"),
    "NATO Deputy Secretary General": ("Deputy Secretary General", "NATO Deputy Secretary General", "DEPUTY SECRETARY GENERAL"),
    "NATO Spokesperson": ("NATO Spokesperson", "MODERATOR", "Moderator", "NATO SPOKESPERSON"),
    "NATO Spokesman": ("NATO Spokesman", "MODERATOR", "Moderator", "NATO SPOKESMAN"),
}


@dataclass(frozen=True)
class Label:
    """A label as printed (without its colon) and the style it was printed in."""

    text: str
    style: str


@dataclass(frozen=True)
class Who:
    """Anyone a label can name: ``role`` is an office or, for reporters, an outlet spelling."""

    name: str | None
    surname: str | None
    role: str


def official_label(style: str, who: Who, rng: random.Random) -> Label:
    """Label an official in ``style``; an official without a name is labelled by role."""
    if who.name is None or who.surname is None:
        return Label(rng.choice(ROLE_VARIANTS.get(who.role, (who.role, who.role.upper()))), "role_only")
    upper = who.name.upper()
    if style == "role_only":
        text = rng.choice(ROLE_VARIANTS.get(who.role, (who.role,)))
    elif style == "title_name":
        mixed = who.name[: -len(who.surname)] + who.surname.upper() if rng.random() < 0.3 else who.name
        text = f"{who.role} {mixed}"
    elif style == "name_brackets_role":
        text = f"{upper} [{who.role}]"
    elif style == "name_parens_role":
        text = f"{upper} ({who.role})"
    elif style == "upper_name":
        text = upper
    elif style == "bare_surname":
        text = who.surname.upper()
    else:
        text = f"{who.name}, {who.role}"
    return Label(text, style)


def reporter_label(style: str, name: str | None, spelling: str | None, rng: random.Random) -> Label:
    """Label a reporter in ``style``; ``spelling`` is the outlet as printed."""
    if style == "q" or (spelling is None and style in ("q_outlet", "question_outlet", "outlet_only")):
        return Label("Q", "q")
    if style == "question":
        return Label(rng.choice(("QUESTION", "Question")), "question")
    if style == "q_outlet":
        return Label(f"Q ({spelling})", style)
    if style == "question_outlet":
        return Label(f"{rng.choice(('Question', 'QUESTION'))} ({spelling})", style)
    if style == "outlet_only":
        return Label(str(spelling).upper(), style)
    if name is None:
        return Label(f"Q ({spelling})", "q_outlet")
    if style == "name_comma_outlet":
        return Label(f"{name}, {spelling}", style)
    return Label(f"{name} ({spelling})", "name_outlet")


class Voice:
    """How one official is labelled throughout one transcript."""

    def __init__(self, who: Who, rng: random.Random, styles: tuple[str, ...], mode: str) -> None:
        """``mode`` is "fixed", "first_then" (a long label once, then a short one) or "mixed"."""
        self.who = who
        self.rng = rng
        self.styles = styles
        self.mode = mode
        self.count = 0

    def label(self) -> Label:
        """The label for this official's next turn."""
        self.count += 1
        if self.mode == "fixed" or len(self.styles) == 1:
            style = self.styles[0]
        elif self.mode == "first_then":
            style = self.styles[0] if self.count == 1 else self.styles[1]
        else:
            style = self.styles[0] if self.rng.random() < 0.5 else self.rng.choice(self.styles[1:])
        return official_label(style, self.who, self.rng)

    @property
    def drifts(self) -> bool:
        """Whether this voice prints more than one spelling."""
        return self.mode != "fixed" and len(self.styles) > 1


def make_voice(who: Who, rng: random.Random, drift: float) -> Voice:
    """A voice with a random primary style, drifting to others with probability ``drift``."""
    primary = rng.choices(OFFICIAL_STYLES, OFFICIAL_WEIGHTS)[0]
    if who.name is None or rng.random() >= drift:
        return Voice(who, rng, (primary,), "fixed")
    others = [s for s in OFFICIAL_STYLES if s != primary]
    rng.shuffle(others)
    if rng.random() < 0.5:
        # The seed pattern: the full title once, then the role alone.
        return Voice(who, rng, ("title_name", "role_only"), "first_then")
    return Voice(who, rng, (primary, *others[: rng.randint(1, 2)]), "mixed")
