"""Plain prose and bold-label lines skip markdown-it; the result must not change.

Every Markdown clip is read twice here, once with the shortcuts and once with
markdown-it over every line, and the two lists of source lines must be equal.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.reading.markdown_clip import _parsed_lines, _with_blank, markdown_lines
from generator.reading.source_lines import SourceLine
from tests.support import SEEDS

TRICKY = [
    "# Title", "", "para one", "", "- item", "  continued", "", "plain after list", "",
    "```", "code", "", "more code", "```", "", "<!-- comment", "", "still comment -->", "",
    "Setext", "===", "", "**B:** t", "> quote", "lazy", "", "1. a", "", "text &amp; more", "",
    "**Name:**text", "", "**Name**: text", "", "** x** y", "", "**x **y", "", "**A (B):**", "",
    "**a**b", "", "**a.**.b", "", "**Q (AP)** Hello", "", "<script>", "", "alert(1)", "</script>", "",
    "[nato.int](https://www.nato.int)", "", "    indented code", "", "plain (with brackets) here", "",
]


def markdown_it_everywhere(lines: list[str], first: int) -> list[SourceLine]:
    result: list[SourceLine] = []
    previous = None
    for line in sorted(_parsed_lines(lines), key=lambda line: line.number):
        offset = line.number
        blank = previous is not None and any(not lines[i].strip() for i in range(previous + 1, offset))
        result.append(_with_blank(replace(line, number=first + offset), blank))
        previous = offset
    return result


def test_tricky_markdown_reads_the_same_with_shortcuts() -> None:
    assert markdown_lines(TRICKY, 1) == markdown_it_everywhere(TRICKY, 1)


def test_the_markdown_seed_reads_the_same_with_shortcuts() -> None:
    lines = next(s for s in SEEDS if s.name.startswith("002")).read_text(encoding="utf-8").split("\n")
    assert markdown_lines(lines, 1) == markdown_it_everywhere(lines, 1)


PIECES = st.sampled_from(["**", "*", "_", "[", "]", "(", ")", "`", "<b>", "&amp;", "#", "- ", "1. ", "> ",
                          "```", ":", " ", "Name", "text", "NATO", "\n", "\n\n", "    ", "---", "==="])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_any_markdown_reads_the_same_with_shortcuts(text: str) -> None:
    lines = text.split("\n")
    assert markdown_lines(lines, 1) == markdown_it_everywhere(lines, 1)
