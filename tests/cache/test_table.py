"""The store every cache uses: entries by key, kept only while builds use them."""

from __future__ import annotations

from pathlib import Path

from generator.cache.packs import PackMemory
from generator.cache.table import Table, memoised


def test_an_entry_put_is_found_by_the_same_build_and_the_next(tmp_path: Path) -> None:
    table: Table[str] = Table(tmp_path, "context", PackMemory())
    table.put("k", "value")
    assert table.get("k") == "value"  # before any save
    table.save()
    assert Table(tmp_path, "context", PackMemory()).get("k") == "value"


def test_an_entry_no_build_used_is_dropped_at_the_next_save(tmp_path: Path) -> None:
    first: Table[str] = Table(tmp_path, "context", PackMemory())
    first.put("used", "1")
    first.put("unused", "2")
    first.save()
    second: Table[str] = Table(tmp_path, "context", PackMemory())
    assert second.get("used") == "1"
    second.save()
    third: Table[str] = Table(tmp_path, "context", PackMemory())
    assert (third.get("used"), third.get("unused")) == ("1", None)


def test_a_table_of_another_context_reads_as_empty(tmp_path: Path) -> None:
    table: Table[str] = Table(tmp_path, "old code", PackMemory())
    table.put("k", "value")
    table.save()
    assert Table(tmp_path, "new code", PackMemory()).get("k") is None


def test_memoised_computes_only_what_is_not_kept(tmp_path: Path) -> None:
    table: Table[int] = Table(tmp_path, "context", PackMemory())
    asked: list[list[str]] = []

    def lengths(items: list[str]) -> list[int]:
        asked.append(list(items))
        return [len(item) for item in items]

    assert memoised(table, ["a", "bb"], ["a", "bb"], lengths) == [1, 2]
    assert memoised(table, ["a", "bb", "ccc", "dddd"], ["a", "bb", "ccc", None], lengths) == [1, 2, 3, 4]
    assert asked == [["a", "bb"], ["ccc", "dddd"]]  # the item without a key is computed every time
    assert memoised(table, ["a", "dddd"], ["a", None], lengths) == [1, 4]
    assert asked[-1] == ["dddd"]
