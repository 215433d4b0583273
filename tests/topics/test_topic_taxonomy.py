"""Taxonomy loading: the shipped file is valid; every quirk fails located."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentError
from generator.topics import TopicKind, load_taxonomy

from .conftest import FIXTURES

# fixture name -> (problem code, line the message must point at)
QUIRKS = {
    "not_yaml_unclosed_bracket": ("bad-yaml", 6),
    "no_topics_key": ("unknown-key", 1),
    "topic_without_kind": ("missing-key", 5),
    "unknown_kind": ("bad-kind", 3),
    "misspelt_key_alias": ("unknown-key", 5),
    "duplicate_slug": ("duplicate-slug", 5),
    "unknown_parent": ("unknown-parent", 2),
    "parent_cycle": ("parent-cycle", 2),
    "alias_shared_by_two_topics": ("shared-phrase", 6),
    "star_inside_pattern": ("bad-pattern", 5),
    "unbalanced_brace_pattern": ("bad-pattern", 5),
    "one_letter_alias": ("bad-phrase", 5),
    "aliases_not_a_list": ("bad-value", 5),
    "key_given_twice": ("duplicate-key", 5),
    "bad_slug": ("bad-slug", 3),
    "case_sensitive_not_boolean": ("bad-value", 5),
}


@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_quirk_is_reported_with_file_line_and_fix(name: str) -> None:
    code, line = QUIRKS[name]
    path = FIXTURES / "taxonomy" / f"{name}.yaml"
    with pytest.raises(ContentError) as caught:
        load_taxonomy(path, display_path=f"content/{name}.yaml")
    problem = caught.value.problem
    assert (problem.code, problem.line) == (code, line)
    assert problem.path == f"content/{name}.yaml"
    assert problem.hint, "every problem says what to fix"
    assert str(caught.value).startswith(f"content/{name}.yaml:{line}: ")


def test_every_quirk_fixture_is_in_the_table() -> None:
    assert {p.stem for p in (FIXTURES / "taxonomy").glob("*.yaml")} == set(QUIRKS)


def test_misspelt_key_gets_a_suggestion() -> None:
    with pytest.raises(ContentError, match="did you mean 'aliases'"):
        load_taxonomy(FIXTURES / "taxonomy" / "misspelt_key_alias.yaml")


def test_shared_phrase_names_both_topics() -> None:
    with pytest.raises(ContentError, match=r"'daesh' belongs to both 'ISIL' \(line 2\) and 'Terrorism'"):
        load_taxonomy(FIXTURES / "taxonomy" / "alias_shared_by_two_topics.yaml")


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_taxonomy(tmp_path / "topics.yaml")
    assert caught.value.problem.code == "unreadable-taxonomy"


def test_shipped_taxonomy_is_valid_and_covers_every_kind(taxonomy) -> None:  # type: ignore[no-untyped-def]
    assert 60 <= len(taxonomy.topics) <= 120
    kinds = {t.kind for t in taxonomy.topics}
    assert kinds == set(TopicKind) - {TopicKind.DISCOVERED}
    assert all(t.description for t in taxonomy.topics)
    assert len({t.slug for t in taxonomy.topics}) == len(taxonomy.topics)


def test_shipped_taxonomy_has_the_brief_s_aliases(taxonomy) -> None:  # type: ignore[no-untyped-def]
    isil = taxonomy.get("isil")
    assert {"ISIS", "Daesh", "Islamic State"} <= set(isil.aliases)
    assert "Article 5" in taxonomy.get("collective-defence").aliases
    assert {"enlargement", "accession", "NATO membership"} <= set(taxonomy.get("open-door").aliases)
    assert "Donbass" in taxonomy.get("donbas").aliases
