"""What a warm parse reads: stat before hashing, changes a stat cannot see, and builds stopped while saving."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.cache.files as files_module
from generator.cache import PackMemory
from generator.build import parse_corpus
from tests.cache.kept import parse

REPEATED_LINE = b"North Atlantic Treaty Organization Newsroom\n"
EDITED = "transcripts/000_dc2035bffcbcb803.txt"


@pytest.fixture()
def trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's stat as soon as it is written, not seconds later (a test cannot wait)."""
    monkeypatch.setattr(files_module, "RACY_MARGIN_NS", 0)


@pytest.mark.usefixtures("trusted_at_once")
def test_a_warm_parse_reads_no_transcript(content: Path, tmp_path: Path, parsed_files: list[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = parse(content, tmp_path / "cache")
    parsed_files.clear()
    monkeypatch.setattr(files_module, "content_key", lambda *args: pytest.fail("hashed a file"))
    assert parse(content, tmp_path / "cache") == first
    assert parsed_files == []


@pytest.mark.parametrize("margin", [0, files_module.RACY_MARGIN_NS], ids=["stat-trusted", "stat-too-recent"])
def test_a_change_that_keeps_size_and_mtime_is_still_seen(content: Path, tmp_path: Path, parsed_files: list[str],
                                                          monkeypatch: pytest.MonkeyPatch, margin: int) -> None:
    monkeypatch.setattr(files_module, "RACY_MARGIN_NS", margin)
    path = content / EDITED
    parse(content, tmp_path / "cache")
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"calm and de-escalation.", b"calm and de-escalation!"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    parsed_files.clear()
    corpus = parse(content, tmp_path / "cache")
    assert parsed_files == [EDITED]
    assert corpus == parse_corpus(content, workers=1)


@pytest.mark.usefixtures("trusted_at_once")
@pytest.mark.parametrize("stop_after", [1, 2, 3])
def test_a_save_stopped_between_packs_never_serves_a_stale_result(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int
) -> None:
    """A new file that repeats a line of an unchanged one changes the unchanged
    one's parse: if the build stops after saving some packs but not the others,
    the next build must still parse the unchanged file again."""
    cache = tmp_path / "cache"
    edited = content / EDITED
    edited.write_bytes(REPEATED_LINE + edited.read_bytes())
    parse(content, cache)

    (content / "transcripts" / "footer.txt").write_bytes(REPEATED_LINE + b"\nQ: A question?\n")
    real_dump = PackMemory.dump
    written: list[Path] = []

    def dump_then_stop(memory: PackMemory, path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if len(written) == stop_after:
            raise KeyboardInterrupt
        written.append(path)
        real_dump(memory, path, *args, **kwargs)

    monkeypatch.setattr(PackMemory, "dump", dump_then_stop)
    with pytest.raises(KeyboardInterrupt):
        parse(content, cache)
    monkeypatch.setattr(PackMemory, "dump", real_dump)

    corpus = parse(content, cache)
    assert corpus == parse_corpus(content, workers=1)
    transcript = next(t for t in corpus.transcripts if t.source == EDITED)
    assert (transcript.removed[0].line, transcript.removed[0].rule) == (1, "corpus-repeated")


@pytest.fixture()
def transcripts_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the transcript files read from disk, once per read."""
    reads: list[str] = []
    real = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.parent.name == "transcripts" and not path.name.endswith(".yaml"):
            reads.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return reads


@pytest.mark.usefixtures("trusted_at_once")
def test_each_raw_file_is_read_once_by_a_build(content: Path, tmp_path: Path, transcripts_read: list[str]) -> None:
    names = sorted(path.name for path in (content / "transcripts").glob("*.txt"))
    parse(content, tmp_path / "cache")  # hashed, counted in the census and parsed: one read each
    assert sorted(transcripts_read) == names

    path = content / EDITED
    path.write_bytes(path.read_bytes().replace(b"extraordinary", b"special"))
    transcripts_read.clear()  # the test's own read of the file
    parse(content, tmp_path / "cache")
    assert transcripts_read == [path.name]

    transcripts_read.clear()
    parse_corpus(content, workers=1)  # no cache: every file read, still once
    assert sorted(transcripts_read) == names
