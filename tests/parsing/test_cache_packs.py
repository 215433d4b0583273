"""The parse cache's packs: stat before hashing, seals, and builds stopped while saving."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.parsing.cache as cache_module
from generator.parsing import parse_corpus
from tests.parsing.test_cache import content, parsed_files  # noqa: F401  (fixtures, shared)

REPEATED_LINE = b"North Atlantic Treaty Organization Newsroom\n"
EDITED = "transcripts/000_dc2035bffcbcb803.txt"


@pytest.fixture()
def trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trust a file's stat as soon as it is written, not seconds later (a test cannot wait)."""
    monkeypatch.setattr(cache_module, "RACY_MARGIN_NS", 0)


@pytest.mark.usefixtures("trusted_at_once")
def test_a_warm_parse_reads_no_transcript(content: Path, tmp_path: Path, parsed_files: list[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    parsed_files.clear()
    monkeypatch.setattr(cache_module, "_content_key", lambda *args: pytest.fail("hashed a file"))
    assert parse_corpus(content, workers=1, cache_dir=tmp_path / "cache") == first
    assert parsed_files == []


@pytest.mark.parametrize("margin", [0, cache_module.RACY_MARGIN_NS], ids=["stat-trusted", "stat-too-recent"])
def test_a_change_that_keeps_size_and_mtime_is_still_seen(content: Path, tmp_path: Path, parsed_files: list[str],
                                                          monkeypatch: pytest.MonkeyPatch, margin: int) -> None:
    monkeypatch.setattr(cache_module, "RACY_MARGIN_NS", margin)
    path = content / EDITED
    parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"calm and de-escalation.", b"calm and de-escalation!"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    parsed_files.clear()
    corpus = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    assert parsed_files == [EDITED]
    assert corpus == parse_corpus(content, workers=1)


@pytest.mark.usefixtures("trusted_at_once")
def test_a_save_stopped_between_packs_never_serves_a_stale_census(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file that repeats a line of an unchanged one changes the unchanged
    one's parse: if the build stops after saving the new file's pack but before
    the other's, the next build must still parse the unchanged file again."""
    cache = tmp_path / "cache"
    edited = content / EDITED
    edited.write_bytes(REPEATED_LINE + edited.read_bytes())
    parse_corpus(content, workers=1, cache_dir=cache)

    # A name whose pack is written before the edited file's, so the stop falls between the two.
    name = next(f"footer{n}.txt" for n in range(100)
                if cache_module._shard(f"transcripts/footer{n}.txt") < cache_module._shard(EDITED))
    (content / "transcripts" / name).write_bytes(REPEATED_LINE + b"\nQ: A question?\n")
    real_dump = cache_module.dump_known
    written: list[Path] = []

    def dump_one_then_stop(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if written:
            raise KeyboardInterrupt
        written.append(path)
        real_dump(path, *args, **kwargs)

    monkeypatch.setattr(cache_module, "dump_known", dump_one_then_stop)
    with pytest.raises(KeyboardInterrupt):
        parse_corpus(content, workers=1, cache_dir=cache)
    monkeypatch.setattr(cache_module, "dump_known", real_dump)

    corpus = parse_corpus(content, workers=1, cache_dir=cache)
    assert corpus == parse_corpus(content, workers=1)
    transcript = next(t for t in corpus.transcripts if t.source == EDITED)
    assert (transcript.removed[0].line, transcript.removed[0].rule) == (1, "corpus-repeated")
