"""write_pages: one generated folder, never a path written twice, never a foreign folder emptied."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import Page
from generator.write import MARKER, WriteError, write_pages


def test_writes_pages_into_a_fresh_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    count = write_pages([Page("index.md", "# Home\n"), Page("years/2022.md", "# 2022\n")], docs)
    assert count == 2
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Home\n"
    assert (docs / "years" / "2022.md").read_text(encoding="utf-8") == "# 2022\n"
    assert (docs / MARKER).is_file()


def test_a_rebuild_leaves_no_stale_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages([Page("transcripts/old.md", "old\n")], docs)
    write_pages([Page("transcripts/new.md", "new\n")], docs)
    assert sorted(p.name for p in (docs / "transcripts").iterdir()) == ["new.md"]


@pytest.mark.parametrize("second", ["a/page.md", "A/Page.md"])
def test_refuses_to_write_one_path_twice(tmp_path: Path, second: str) -> None:
    with pytest.raises(WriteError, match="two pages would be written"):
        write_pages([Page("a/page.md", "1"), Page(second, "2")], tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", "a/../../b.md", "", "a//b.md"])
def test_refuses_paths_outside_the_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(WriteError, match="not a plain relative path"):
        write_pages([Page(path, "x")], tmp_path / "docs")


def test_never_empties_a_folder_it_did_not_make(tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(WriteError, match="did not write"):
        write_pages([Page("index.md", "x")], mine)
    assert (mine / "precious.txt").read_text(encoding="utf-8") == "keep me"
