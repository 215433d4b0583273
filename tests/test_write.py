"""write_site: one generated folder, never a path written twice, never a foreign folder emptied."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import Page
from generator.write import MARKER, WriteError, write_site
from tests.support import rendered_anew


def test_writes_pages_into_a_fresh_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    written = write_site(rendered_anew([Page("index.md", "# Home\n"), Page("years/2022.md", "# 2022\n")]), docs)
    assert (written.written, written.kept) == (2, 0)
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Home\n"
    assert (docs / "years" / "2022.md").read_text(encoding="utf-8") == "# 2022\n"
    assert (docs / MARKER).is_file()


def test_a_rebuild_leaves_no_stale_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_site(rendered_anew([Page("transcripts/old.md", "old\n")]), docs)
    write_site(rendered_anew([Page("transcripts/new.md", "new\n")]), docs)
    assert sorted(p.name for p in (docs / "transcripts").iterdir()) == ["new.md"]


@pytest.mark.parametrize("second", ["a/page.md", "A/Page.md"])
def test_refuses_to_write_one_path_twice(tmp_path: Path, second: str) -> None:
    with pytest.raises(WriteError, match="two pages would be written"):
        write_site(rendered_anew([Page("a/page.md", "1"), Page(second, "2")]), tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("path", ["../outside.md", "/etc/passwd", "a/../../b.md", "", "a//b.md"])
def test_refuses_paths_outside_the_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(WriteError, match="not a plain relative path"):
        write_site(rendered_anew([Page(path, "x")]), tmp_path / "docs")


def test_never_empties_a_folder_it_did_not_make(tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(WriteError, match="did not write"):
        write_site(rendered_anew([Page("index.md", "x")]), mine)
    assert (mine / "precious.txt").read_text(encoding="utf-8") == "keep me"
