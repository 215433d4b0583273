"""The build command's contract: exit codes and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.site.conftest import copy_content

pytestmark = pytest.mark.slow

SEED = "000_dc2035bffcbcb803"


def content_copy(tmp_path: Path) -> Path:
    return copy_content(tmp_path, SEED)


def build(content: Path, tmp_path: Path, *extra: str):
    return CliRunner().invoke(
        main,
        ["build", "--content", str(content), "--out", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"), *extra],
    )


def test_two_transcripts_at_one_url_fail_the_build(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    raw = (content / "transcripts" / f"{SEED}.txt").read_text(encoding="utf-8")
    (content / "transcripts" / "copy.txt").write_text(raw + "\n\nOne more paragraph.\n", encoding="utf-8")
    shutil.copy(content / "transcripts" / f"{SEED}.meta.yaml", content / "transcripts" / "copy.meta.yaml")
    result = build(content, tmp_path)
    assert result.exit_code == 1
    assert "error: transcripts/copy.txt" in result.output
    assert "2015-11-24-statement-extraordinary-nac-meeting" in result.output
    assert not (tmp_path / "site").exists()


def test_content_problems_fail_only_a_strict_build(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    (content / "transcripts" / "empty.txt").write_text("", encoding="utf-8")
    relaxed = build(content, tmp_path)
    assert relaxed.exit_code == 0, relaxed.output
    assert "problem: transcripts/empty.txt" in relaxed.output
    strict = build(content, tmp_path, "--strict")
    assert strict.exit_code == 1
    assert "error: --strict" in strict.output


def test_a_folder_of_other_files_is_never_emptied(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("mine", encoding="utf-8")
    result = build(content_copy(tmp_path), tmp_path)
    assert result.exit_code == 1
    assert "holds files the generator did not write" in result.output
    assert (docs / "notes.md").read_text(encoding="utf-8") == "mine"


def test_every_command_is_documented() -> None:
    for command in ("build", "serve"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Examples:" in result.output
