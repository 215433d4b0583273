"""The parse cache: same result as a fresh parse; only changed files are parsed again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.parsing.census as census_module
from generator.build import parse_corpus
from tests.cache.kept import parse
from tests.support import CONTENT


def test_cached_parse_equals_a_fresh_parse(content: Path, tmp_path: Path) -> None:
    fresh = parse_corpus(content, workers=1)
    first = parse(content, tmp_path / "cache")
    again = parse(content, tmp_path / "cache")
    assert first == fresh
    assert again == fresh


def test_editing_one_transcript_parses_only_that_one(content: Path, tmp_path: Path, parsed_files: list[str]) -> None:
    cache = tmp_path / "cache"
    parse(content, cache)
    assert len(parsed_files) == 3
    parsed_files.clear()
    path = content / "transcripts" / "000_dc2035bffcbcb803.txt"
    path.write_bytes(path.read_bytes().replace(b"calm and de-escalation.", b"calm and restraint."))
    corpus = parse(content, cache)
    assert parsed_files == ["transcripts/000_dc2035bffcbcb803.txt"]
    assert "calm and restraint." in corpus.transcripts[1].turns[0].paragraphs[6]


def test_a_sidecar_or_directory_change_is_a_new_parse(content: Path, tmp_path: Path, parsed_files: list[str]) -> None:
    cache = tmp_path / "cache"
    parse(content, cache)
    parsed_files.clear()
    sidecar = content / "transcripts" / "003_31df2163731fa648.meta.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("2014-11-29", "2014-11-28"), encoding="utf-8")
    assert parse(content, cache).transcripts[0].date.isoformat() == "2014-11-28"
    assert parsed_files == ["transcripts/003_31df2163731fa648.txt"]
    parsed_files.clear()
    (content / "outlets.yaml").write_text(
        (content / "outlets.yaml").read_text(encoding="utf-8") + "\n  - id: kurdish-media\n    name: Kurdish Media\n",
        encoding="utf-8")
    parse(content, cache)
    assert sorted(parsed_files) == [
        "transcripts/000_dc2035bffcbcb803.txt", "transcripts/002_a855cd627493f53a.txt",
        "transcripts/003_31df2163731fa648.txt"]


def test_a_new_file_sharing_lines_reparses_the_files_whose_census_changed(
    content: Path, tmp_path: Path, parsed_files: list[str]
) -> None:
    cache = tmp_path / "cache"
    parse(content, cache)
    parsed_files.clear()
    (content / "transcripts" / "footer.txt").write_text(
        "North Atlantic Treaty Organization Newsroom\n\nQ: A question?\n", encoding="utf-8")
    (content / "transcripts" / "003_31df2163731fa648.txt").write_bytes(
        b"North Atlantic Treaty Organization Newsroom\n"
        + (CONTENT / "transcripts" / "003_31df2163731fa648.txt").read_bytes())
    corpus = parse(content, cache)
    assert sorted(parsed_files) == ["transcripts/003_31df2163731fa648.txt", "transcripts/footer.txt"]
    interview = next(t for t in corpus.transcripts if t.source.startswith("transcripts/003"))
    assert (interview.removed[0].line, interview.removed[0].rule) == (1, "corpus-repeated")


def test_edits_that_move_shared_lines_update_the_census_as_a_fresh_count_would(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    parse(content, cache)
    folder = content / "transcripts"
    head = b"North Atlantic Treaty Organization Newsroom\n"

    def prepend(name: str) -> None:
        (folder / name).write_bytes(head + (folder / name).read_bytes())

    def drop_head(name: str) -> None:
        (folder / name).write_bytes((folder / name).read_bytes().removeprefix(head))

    edits = [
        lambda: prepend("000_dc2035bffcbcb803.txt"),  # a line of one file
        lambda: prepend("002_a855cd627493f53a.txt"),  # now of two: both lose it as chrome
        lambda: drop_head("000_dc2035bffcbcb803.txt"),  # of one again
        lambda: (folder / "002_a855cd627493f53a.txt").unlink(),  # of none
    ]
    for edit in edits:
        edit()
        fresh = parse_corpus(content, workers=1)
        with monkeypatch.context() as patch:
            patch.setattr(census_module, "full_census", _no_full_count)
            assert parse(content, cache) == fresh


def _no_full_count(*_args: object) -> None:
    raise AssertionError("the census was counted again from every file")


def test_a_copy_is_a_duplicate_whether_its_text_is_parsed_or_read_from_the_cache(content: Path, tmp_path: Path) -> None:
    transcripts = content / "transcripts"
    shutil.copyfile(transcripts / "000_dc2035bffcbcb803.txt", transcripts / "copy.txt")
    fresh = parse_corpus(content, workers=1)
    cold = parse(content, tmp_path / "cache")
    warm = parse(content, tmp_path / "cache")
    assert [(p.code, p.path) for p in fresh.problems if p.code.startswith("duplicate")] == [
        ("duplicate-transcript", "transcripts/copy.txt")
    ]
    assert cold == fresh and warm == fresh

    (transcripts / "copy.txt").write_text("Secretary General: Another text.\n", encoding="utf-8")
    edited = parse(content, tmp_path / "cache")
    assert [p.code for p in edited.problems if p.code.startswith("duplicate")] == []
    assert edited == parse_corpus(content, workers=1)
