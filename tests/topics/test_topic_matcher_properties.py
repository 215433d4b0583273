"""The matcher against a slow, obvious reference on generated texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.topics import compile_matcher
from generator.topics.matcher import phrase_literals

from .conftest import taxonomy_from

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: ISIL, kind: organisation-treaty, description: d, aliases: [ISIS, Daesh, Islamic State]}
  - {name: United States, kind: country-region, description: d, aliases: [US, USA, United States of America]}
  - {name: European Union, kind: organisation-treaty, description: d, aliases: [EU, European Council]}
  - {name: Europe, kind: country-region, description: d, aliases: [European]}
  - {name: Arms control, kind: policy-concept, description: d}
  - {name: Article 5, kind: policy-concept, description: d}
  - {name: Union, kind: policy-concept, description: d, exclude: [Union Jack]}
"""
)
MATCHER = compile_matcher(TAXONOMY)
LITERALS = [(lit, slug) for topic in TAXONOMY.topics for lit, slug in phrase_literals(topic)]


def reference(text: str) -> list[tuple[str, int, int]]:
    """Every valid hit of every literal, then one greedy leftmost-longest pass (exact case wins ties)."""
    lowered = text.lower()
    hits = []
    for lit, slug in LITERALS:
        haystack = text if lit.case_sensitive else lowered
        start = haystack.find(lit.text)
        while start != -1:
            end = start + len(lit.text)
            before = start > 0 and text[start - 1].isalnum()
            after = end < len(text) and text[end].isalnum()
            if not (lit.text[0].isalnum() and before) and not (lit.text[-1].isalnum() and after):
                hits.append((start, start - end, 0 if lit.case_sensitive else 1, slug))
            start = haystack.find(lit.text, start + 1)
    hits.sort()
    out, reached = [], 0
    for start, negative, _rank, slug in hits:
        if start >= reached:
            reached = start - negative
            if slug:
                out.append((slug, start, reached))
    return out


WORDS = [
    "ISIL",
    "isil",
    "Isil",
    "US",
    "us",
    "USA",
    "EU",
    "eu",
    "European",
    "Union",
    "Union Jack",
    "European Union",
    "European Council",
    "Islamic State",
    "arms control",
    "Article 5",
    "Article 50",
    "Daesh",
    "daeshes",
    "the",
    "United States",
    "United States of America",
    "fossil",
    "use",
    "Europe",
]
SEPARATORS = [" ", ", ", ". ", "'s ", "-", " (", ") "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=12))
def test_matcher_agrees_with_the_reference(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    assert MATCHER.spans(text) == reference(text)
