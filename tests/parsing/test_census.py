"""Updating the previous build's census gives the census a full count gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.parsing.census import MAX_MOVED_KEYS, full_census, packed_keys, updated_census

LINES = st.sampled_from(["Newsroom", "Page 2", "Q: Thank you.", "Share this", "é", "a", "b", "c"])
CORPUS = st.dictionaries(st.sampled_from([f"file-{i}" for i in range(6)]), st.frozensets(LINES), max_size=6)


def previous(keys_of: dict[str, frozenset[str]]) -> dict[str, tuple[bytes, dict[str, int]]]:
    census = full_census(keys_of)
    return {source: (packed_keys(keys), census[source]) for source, keys in keys_of.items()}


@given(CORPUS, CORPUS)
def test_an_updated_census_is_a_full_count_of_the_files_now(before: dict, after: dict) -> None:
    now = {source: None if before.get(source) == keys else keys for source, keys in after.items()}
    assert updated_census(previous(before), now) == full_census(after)


def test_full_census_counts_lines_of_two_files_or_more() -> None:
    census = full_census({"a": frozenset({"Newsroom", "x"}), "b": frozenset({"Newsroom", "y"}), "c": frozenset()})
    assert census == {"a": {"Newsroom": 2}, "b": {"Newsroom": 2}, "c": {}}


def test_too_many_lines_gained_or_lost_gives_way_to_a_full_count() -> None:
    before = {"a": frozenset({"Newsroom"})}
    many = frozenset(f"line {i}" for i in range(MAX_MOVED_KEYS + 1))
    assert updated_census(previous(before), {"a": None, "b": many}) is None
