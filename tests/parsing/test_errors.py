"""Inputs that cannot be used: each is one error naming the file, the line and the reason.

``parse_file`` raises ContentError carrying a Problem; ``parse_corpus`` reports
the same Problem and still parses every other file. Metadata that is unknown
or cannot be read is no such error, only a warning: see test_metadata.py.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

from generator.errors import ContentError, Problem
from generator.build import parse_corpus
from generator.parsing import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
ERRORS = FIXTURES / "errors"
METADATA = FIXTURES / "metadata"
CONTENT = Path(__file__).resolve().parents[2] / "content"


def png_bytes() -> bytes:
    """A small real PNG image (an 8x8 grey gradient), as a scrape may save by mistake."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 31 + y * 17) % 256 for x in range(8)) for y in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def problem_of(path: Path) -> Problem:
    """The problem ``parse_file`` reports for one file."""
    with pytest.raises(ContentError) as caught:
        parse_file(path, content_dir=CONTENT)
    assert str(caught.value) == str(caught.value.problem)
    return caught.value.problem


def assert_located(problem: Problem, path: Path | str, line: int | None, code: str) -> None:
    """The problem names exactly this file and line, and says so first in its text."""
    assert (problem.path, problem.line, problem.code) == (str(path), line, code)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(problem).startswith(where)


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_file(name: str) -> None:
    assert_located(problem_of(ERRORS / name), ERRORS / name, None, "empty-file")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(png_bytes())
    assert_located(problem_of(path), path, None, "binary-file")


def test_file_of_only_chrome() -> None:
    path = ERRORS / "only_chrome.txt"
    assert_located(problem_of(path), path, None, "only-chrome")


# Each bad file of the corpus test, with the problem parse_corpus must report for it.
CORPUS_PROBLEMS = {
    "blank.txt": ("transcripts/blank.txt", None, "empty-file"),
    "empty.txt": ("transcripts/empty.txt", None, "empty-file"),
    "only_chrome.txt": ("transcripts/only_chrome.txt", None, "only-chrome"),
    "photo.txt": ("transcripts/photo.txt", None, "binary-file"),
}
CORPUS_GOOD = ("label_q_colon", "chrome_as_delivered")
# Files whose metadata has a field unknown or unreadable: published, with the warning located.
CORPUS_WARNED = {
    "bad_date_front_matter.txt": (None, 4, "bad-date"),
    "bad_date_sidecar.txt": ("transcripts/bad_date_sidecar.meta.yaml", 2, "bad-date"),
    "unknown_field.txt": ("transcripts/unknown_field.meta.yaml", 3, "unknown-field"),
}


def copy_with_sidecar(source: Path, folder: Path) -> None:
    """Copy a transcript and, when it has one, its metadata sidecar."""
    shutil.copy(source, folder / source.name)
    sidecar = source.with_name(f"{source.stem}.meta.yaml")
    if sidecar.is_file():
        shutil.copy(sidecar, folder / sidecar.name)


def test_corpus_reports_each_bad_file_and_parses_the_others(tmp_path: Path) -> None:
    content = tmp_path / "content"
    transcripts = content / "transcripts"
    transcripts.mkdir(parents=True)
    shutil.copy(CONTENT / "people.yaml", content / "people.yaml")
    shutil.copy(CONTENT / "outlets.yaml", content / "outlets.yaml")
    for name in CORPUS_PROBLEMS:
        if name == "photo.txt":
            (transcripts / name).write_bytes(png_bytes())
        else:
            copy_with_sidecar(ERRORS / name, transcripts)
    for name in CORPUS_GOOD:
        copy_with_sidecar(FIXTURES / f"{name}.txt", transcripts)
    for name in CORPUS_WARNED:
        copy_with_sidecar(METADATA / name, transcripts)

    corpus = parse_corpus(content)

    assert sorted(t.source for t in corpus.transcripts) == sorted(
        [f"transcripts/{n}.txt" for n in CORPUS_GOOD] + [f"transcripts/{n}" for n in CORPUS_WARNED]
    )
    assert [(p.path, p.line, p.code) for p in corpus.problems] == sorted(
        CORPUS_PROBLEMS.values(), key=lambda problem: (problem[0], problem[1] or 0, problem[2])
    )
    findings = {t.source: [(f.file, f.line, f.code) for f in t.findings] for t in corpus.transcripts}
    for name, located in CORPUS_WARNED.items():
        assert findings[f"transcripts/{name}"] == [located]
