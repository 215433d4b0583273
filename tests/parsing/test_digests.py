"""Parse digests: what later stages key their per-transcript work on."""

from __future__ import annotations

from pathlib import Path

from generator.parsing import parse_corpus
from tests.parsing.test_cache import content  # noqa: F401  (fixture, shared)

EDITED = "transcripts/000_dc2035bffcbcb803.txt"


def test_every_transcript_has_a_digest_with_or_without_a_cache(content: Path, tmp_path: Path) -> None:
    plain = parse_corpus(content, workers=1)
    cold = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    warm = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    assert set(plain.digests) == {t.slug for t in plain.transcripts}
    assert dict(plain.digests) == dict(cold.digests) == dict(warm.digests)
    assert len(set(plain.digests.values())) == len(plain.transcripts)


def test_an_edit_changes_the_digest_of_that_transcript_only(content: Path, tmp_path: Path) -> None:
    before = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    path = content / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("the", "teh", 1), encoding="utf-8")
    after = parse_corpus(content, workers=1, cache_dir=tmp_path / "cache")
    edited = next(t.slug for t in after.transcripts if t.source == EDITED)
    changed = {slug for slug in after.digests if after.digests[slug] != before.digests.get(slug)}
    assert changed == {edited}
    assert dict(parse_corpus(content, workers=1).digests) == dict(after.digests)


def test_the_people_file_is_part_of_every_digest(content: Path) -> None:
    before = parse_corpus(content, workers=1)
    with (content / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment the parser reads past\n")
    after = parse_corpus(content, workers=1)
    assert all(after.digests[slug] != digest for slug, digest in before.digests.items())
