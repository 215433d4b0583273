"""The matcher: word boundaries, case, plurals, aliases, overlaps, patterns."""

from __future__ import annotations

import pytest

from generator.topics import compile_matcher

from .conftest import taxonomy_from

RULES = taxonomy_from(
    """
topics:
  - name: ISIL
    kind: organisation-treaty
    description: d
    aliases: [ISIS, Daesh, Islamic State]
  - name: Ukraine
    kind: country-region
    description: d
    aliases: [Ukrainian, Ukrainians]
  - name: Collective defence
    kind: policy-concept
    description: d
    aliases: [Article 5]
  - name: Sanctions
    kind: policy-concept
    description: d
    aliases: [sanction, embargo]
  - name: United States
    kind: country-region
    description: d
    aliases: [US, Washington]
    exclude: [Washington Post]
  - name: NATO-Russia Council
    kind: organisation-treaty
    description: d
  - name: Russia
    kind: country-region
    description: d
    aliases: [Russian]
  - name: De-escalation
    kind: policy-concept
    description: d
    patterns: ["de-escalat*", "reduce tension{,s}"]
  - name: Open Door
    kind: policy-concept
    description: d
    patterns: ["join{,s,ed,ing} NATO"]
  - name: Donald Trump
    kind: person
    description: d
    aliases: [Trump]
    case_sensitive: true
  - name: Policy
    kind: policy-concept
    description: d
"""
)
MATCHER = compile_matcher(RULES)


def topics(text: str) -> list[tuple[str, str]]:
    return [(m.topic, m.text) for m in MATCHER.find(text)]


def test_isil_inside_a_word_is_not_isil() -> None:
    assert topics("fossil fuels and Basil's isilence") == []


def test_acronyms_match_only_in_capitals() -> None:
    assert topics("ISIL and Isil and isil") == [("isil", "ISIL")]
    assert topics("tell us what the US wants") == [("united-states", "US")]


def test_aliases_count_for_their_topic() -> None:
    assert topics("ISIS, Daesh or the Islamic State") == [
        ("isil", "ISIS"),
        ("isil", "Daesh"),
        ("isil", "Islamic State"),
    ]


def test_case_is_ignored_for_ordinary_names() -> None:
    assert topics("UKRAINE, ukraine and Ukraine") == [
        ("ukraine", "UKRAINE"),
        ("ukraine", "ukraine"),
        ("ukraine", "Ukraine"),
    ]


def test_demonyms_and_their_plurals_count_for_the_country() -> None:
    assert topics("Ukrainian forces and Ukrainians") == [("ukraine", "Ukrainian"), ("ukraine", "Ukrainians")]


def test_plural_of_the_last_word_and_of_y_endings() -> None:
    assert topics("sanctions, embargoes and policies") == [
        ("sanctions", "sanctions"),
        ("sanctions", "embargoes"),
        ("policy", "policies"),
    ]


def test_possessive_and_hyphen_prefix_end_a_word() -> None:
    assert topics("Ukraine's borders, the anti-ISIL coalition") == [("ukraine", "Ukraine"), ("isil", "ISIL")]


def test_numbers_are_part_of_words() -> None:
    assert topics("Article 5 is not Article 50 nor Article 5b") == [("collective-defence", "Article 5")]


def test_longest_overlapping_phrase_wins() -> None:
    assert topics("the NATO-Russia Council met; Russian troops") == [
        ("nato-russia-council", "NATO-Russia Council"),
        ("russia", "Russian"),
    ]


def test_excluded_phrase_hides_the_shorter_alias() -> None:
    assert topics("The Washington Post asked Washington") == [("united-states", "Washington")]


def test_open_ended_pattern_takes_the_rest_of_the_word() -> None:
    assert topics("de-escalate, de-escalating and de‑escalation") == [
        ("de-escalation", "de-escalate"),
        ("de-escalation", "de-escalating"),
        ("de-escalation", "de‑escalation"),
    ]


def test_brace_alternatives_expand() -> None:
    assert [m.topic for m in MATCHER.find("Ukraine joined NATO; Finland joins NATO; reduce tensions")] == [
        "ukraine",
        "open-door",
        "open-door",
        "de-escalation",
    ]


def test_case_sensitive_person_does_not_match_the_common_word() -> None:
    assert topics("a trump card for Trump") == [("donald-trump", "Trump")]


def test_phrases_span_line_breaks_and_typographic_spaces() -> None:
    assert topics("Article\n5 and Article\u00a05") == [
        ("collective-defence", "Article\n5"),
        ("collective-defence", "Article\u00a05"),
    ]


def test_positions_index_the_original_text() -> None:
    text = "“Quote” – then Daesh"
    (match,) = MATCHER.find(text)
    assert text[match.start : match.end] == "Daesh"


@pytest.mark.parametrize("text", ["", "   ", "\x00", "İstanbul Daesh"])
def test_odd_texts_do_not_break_positions(text: str) -> None:
    for match in MATCHER.find(text):
        assert text[match.start : match.end] == match.text


def test_shipped_taxonomy_finds_seed_phrases(taxonomy) -> None:  # type: ignore[no-untyped-def]
    matcher = compile_matcher(taxonomy)
    found = {
        m.topic
        for m in matcher.find(
            "calm and de-escalation; the territorial integrity of Turkey; ISIL; Donbass; Article 5; "
            "the INF Treaty; OSCE monitors; Ukraine's accession to NATO"
        )
    }
    assert {
        "de-escalation",
        "territorial-integrity",
        "turkey",
        "isil",
        "donbas",
        "collective-defence",
        "inf-treaty",
        "osce",
        "ukraine",
        "open-door",
    } <= found
