"""Parse keys: what later stages' caches key a transcript's work on."""

from __future__ import annotations

from pathlib import Path

from generator.cache import BuildCache
from generator.build import parse_corpus

EDITED = "transcripts/000_dc2035bffcbcb803.txt"


def keys(content: Path, cache_dir: Path) -> dict[str, str | None]:
    """The parse key of each transcript, by slug, parsing with the cache in ``cache_dir``."""
    cache = BuildCache(cache_dir, content)
    parsed = parse_corpus(content, workers=1, memo=cache.parse_memo)
    cache.save()
    return {t.slug: cache.transcript_key(t) for t in parsed.transcripts}


def test_every_transcript_parsed_or_kept_has_one_key_of_its_own(content: Path, tmp_path: Path) -> None:
    cold = keys(content, tmp_path / "cache")
    warm = keys(content, tmp_path / "cache")
    elsewhere = keys(content, tmp_path / "another cache")
    assert cold == warm == elsewhere
    assert None not in cold.values() and len(set(cold.values())) == len(cold) == 3


def test_a_transcript_not_parsed_with_the_cache_has_no_key(content: Path, tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", content)
    parse_corpus(content, workers=1, memo=cache.parse_memo)
    assert [cache.transcript_key(t) for t in parse_corpus(content, workers=1).transcripts] == [None] * 3


def test_an_edit_changes_the_key_of_that_transcript_only(content: Path, tmp_path: Path) -> None:
    before = keys(content, tmp_path / "cache")
    path = content / EDITED
    path.write_text(path.read_text(encoding="utf-8").replace("the", "teh", 1), encoding="utf-8")
    after = keys(content, tmp_path / "cache")
    edited = next(t.slug for t in parse_corpus(content, workers=1).transcripts if t.source == EDITED)
    assert {slug for slug in after if after[slug] != before.get(slug)} == {edited}


def test_the_people_file_is_part_of_every_key(content: Path, tmp_path: Path) -> None:
    before = keys(content, tmp_path / "cache")
    with (content / "people.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# a comment the parser reads past\n")
    after = keys(content, tmp_path / "cache")
    assert all(after[slug] != key for slug, key in before.items())
