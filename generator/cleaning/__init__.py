"""Stage 2: a RawDocument to a CleanDocument.

Website chrome is removed by named rules (every removed line is reported
with its rule, nothing else is dropped), facts found in chrome lines are
kept, and paragraphs split by page breaks are joined.

Public functions: :func:`clean` and :func:`line_keys` (what a file adds to
the corpus-wide line census that the "repeated across the corpus" rule reads).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.cleaning.paragraphs import Paragraph, assemble, is_hard_wrapped
from generator.cleaning.rules import LineContext, Verdict, corpus_key
from generator.cleaning.zones import anywhere_verdict, edge_verdicts, language_menu_runs
from generator.labels import find_label
from generator.model import RemovedLine
from generator.reading import RawDocument, SourceLine

__all__ = ["CleanDocument", "Paragraph", "clean", "line_keys"]


@dataclass(frozen=True)
class CleanDocument:
    """The transcript's paragraphs with chrome gone; what was removed and why."""

    source: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]
    facts: tuple[tuple[str, str], ...]
    mended_lines: tuple[int, ...]  # raw lines whose paragraph was joined to the one before


def line_keys(lines: Iterable[str]) -> frozenset[str]:
    """The distinct raw lines of a file, in the form the corpus census counts them."""
    # A file repeats many lines (blank ones above all): each distinct line is keyed once.
    return frozenset({corpus_key(line) for line in set(lines)} - {""})


def clean(document: RawDocument, corpus_counts: Mapping[str, int] | None = None) -> CleanDocument:
    """Remove chrome, keep its facts, mend page-break splits."""
    lines = document.lines
    context = LineContext(document.metadata.title, corpus_counts or {})
    verdicts: dict[int, Verdict] = language_menu_runs(lines)
    # What the file's structure says is not speech (a page's menus, a caption's timing) goes first.
    verdicts.update({index: Verdict(line.chrome) for index, line in enumerate(lines) if line.chrome})
    leading, context = edge_verdicts(lines, range(len(lines)), context, verdicts, _starts_speech)
    verdicts.update(leading)
    trailing_order = [i for i in range(len(lines) - 1, -1, -1) if i not in verdicts]
    trailing, context = edge_verdicts(lines, trailing_order, context, verdicts, _starts_speech)
    verdicts.update(trailing)
    for index, line in enumerate(lines):
        if index not in verdicts:
            verdict = anywhere_verdict(line, context)
            if verdict is not None:
                verdicts[index] = verdict

    kept = [line for index, line in enumerate(lines) if index not in verdicts]
    removed = [RemovedLine(lines[i].number, lines[i].raw, verdicts[i].rule) for i in sorted(verdicts)]
    # A link's text stays in the transcript; its address is reported, so no word goes unaccounted.
    removed += [
        RemovedLine(line.number, target, "link-target")
        for line in kept
        for target in line.link_targets
        if target
    ]
    facts = _facts(verdicts[i] for i in sorted(verdicts))
    paragraphs, mended = assemble(
        kept, _starts_label,
        wrapped=document.format not in ("markdown", "html") and is_hard_wrapped(kept),
        mend=document.format != "html",
    )
    return CleanDocument(
        document.source,
        tuple(paragraphs),
        tuple(sorted(removed, key=lambda r: r.line)),
        facts,
        tuple(mended),
    )


def _starts_label(line: SourceLine) -> bool:
    return find_label(line.text, line.strong_prefix) is not None


def _starts_speech(line: SourceLine) -> bool:
    """A labelled line is speech: chrome runs stop there."""
    return _starts_label(line)


def _facts(verdicts: Iterable[Verdict]) -> tuple[tuple[str, str], ...]:
    facts: dict[str, str] = {}
    for verdict in verdicts:
        if verdict.fact and verdict.fact[1] and verdict.fact[0] not in facts:
            facts[verdict.fact[0]] = verdict.fact[1]
    return tuple(sorted(facts.items()))
