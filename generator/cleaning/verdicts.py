"""What a chrome rule reads and what it says: a line with its context in, a verdict out.

A rule is a small named function that looks at one source line and its
:class:`LineContext` and returns a :class:`Verdict` or None. The rules are
in :mod:`generator.cleaning.anywhere_rules`,
:mod:`generator.cleaning.edge_rules` and :mod:`generator.cleaning.header`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

from generator.reading.source_lines import SourceLine


class Strength(str, Enum):
    STRONG = "strong"  # chrome on its own evidence
    WEAK = "weak"  # chrome only inside a run that strong lines confirm


@dataclass(frozen=True)
class Verdict:
    rule: str
    strength: Strength = Strength.STRONG
    fact: tuple[str, str] | None = None


@dataclass(frozen=True)
class LineContext:
    """What a rule may know besides the line: the title, other files' lines."""

    title: str | None
    corpus_counts: Mapping[str, int]
    edge: str = "top"  # the run of chrome being read: "top" of the file, or "bottom" (read backwards)
    after: str | None = None  # the rule of the last line of the run that was surely chrome or header


Rule = Callable[[SourceLine, LineContext], Verdict | None]
