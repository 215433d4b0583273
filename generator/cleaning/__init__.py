"""Stage 2: a RawDocument to a CleanDocument.

Website chrome is removed by named rules (every removed line is reported
with its rule, nothing else is dropped), facts found in chrome lines are
kept, and paragraphs split by page breaks are joined.

Public functions: :func:`clean` and :func:`line_keys` (what a file adds to
the corpus-wide line census that the "repeated across the corpus" rule reads).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.cleaning.paragraphs import Paragraph, assemble, is_hard_wrapped
from generator.cleaning.header import place_verdicts
from generator.cleaning.line_text import corpus_key
from generator.cleaning.verdicts import LineContext, Verdict
from generator.cleaning.zones import anywhere_verdict, edge_verdicts, form_span, language_menu_runs
from generator.labels import find_label
from generator.model import RemovedLine
from generator.reading import RawDocument, SourceLine
from generator.reading.source_lines import Style

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
    # What the file's structure says is not speech (a page's menus, a caption's timing) goes first.
    structural = {index: Verdict(line.chrome) for index, line in enumerate(lines) if line.chrome}
    if document.format == "captions":
        # Cue text is speech by its format, cut into fragments of sentences, with no page around
        # it: the page rules would take "the Prime Minister of Norway." at the top for an echo
        # of the title, or "Search and rescue" for a site menu.
        verdicts = structural
    else:
        verdicts = _page_chrome(lines, structural, LineContext(document.metadata.title, corpus_counts or {}))

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
    paragraphs, mended = assemble(kept, _starts_label, wrapped=_lines_run_on(document, kept),
                                  stands_alone=_lone_label, mend=document.format != "html")
    return CleanDocument(
        document.source,
        tuple(paragraphs),
        tuple(sorted(removed, key=lambda r: r.line)),
        facts,
        tuple(mended),
    )


def _page_chrome(
    lines: Sequence[SourceLine], structural: dict[int, Verdict], context: LineContext
) -> dict[int, Verdict]:
    """The verdicts of the chrome rules of scraped pages, the reader's own first."""
    verdicts: dict[int, Verdict] = language_menu_runs(lines)
    verdicts.update(structural)
    leading, context = edge_verdicts(lines, range(len(lines)), context, verdicts, _starts_speech)
    verdicts.update(leading)
    verdicts.update(form_span(lines, verdicts, context, _starts_speech))
    trailing_order = [i for i in range(len(lines) - 1, -1, -1) if i not in verdicts]
    trailing, context = edge_verdicts(lines, trailing_order, replace(context, edge="bottom", after=None),
                                      verdicts, _starts_speech)
    verdicts.update(trailing)
    verdicts.update(place_verdicts(lines, verdicts))
    for index, line in enumerate(lines):
        if index not in verdicts:
            verdict = anywhere_verdict(line, context)
            if verdict is not None:
                verdicts[index] = verdict
    return verdicts


def _lines_run_on(document: RawDocument, kept: list[SourceLine]) -> bool:
    """Whether lines without a blank between them belong to one paragraph.

    A caption's cue lines always do (its reader marks where paragraphs
    start), and so do a Markdown paragraph's lines, by definition; a web
    page's never do (each is a block of its own, or a line its markup
    broke); a plain-text file's do when it is hard-wrapped.
    """
    if document.format in ("captions", "markdown"):
        return True
    return document.format != "html" and is_hard_wrapped(kept)


def _starts_label(line: SourceLine) -> bool:
    # A heading is a title, even "The Arctic: Territory of Dialogue".
    return line.style is not Style.HEADING and find_label(line.text, line.strong_prefix) is not None


def _lone_label(line: SourceLine) -> bool:
    """A label alone on its line without a colon ("JENS STOLTENBERG [NATO Secretary General]")."""
    split = find_label(line.text, line.strong_prefix)
    return split is not None and not split.rest and not line.text.rstrip().endswith(":")


def _starts_speech(line: SourceLine) -> bool:
    """A labelled line is speech: chrome runs stop there."""
    return _starts_label(line)


def _facts(verdicts: Iterable[Verdict]) -> tuple[tuple[str, str], ...]:
    facts: dict[str, str] = {}
    for verdict in verdicts:
        if verdict.fact and verdict.fact[1] and verdict.fact[0] not in facts:
            facts[verdict.fact[0]] = verdict.fact[1]
    return tuple(sorted(facts.items()))
