"""Specification fixtures of the parser: one small raw transcript per quirk.

Every ``fixtures/<quirk>.txt`` (or ``.md``, or captions: ``.vtt``, ``.srt``) is parsed with ``parse_file``
against the shipped people and outlets directory (``content/``), with its
metadata sidecar ``<quirk>.meta.yaml`` when there is one, and the whole
compact view of the result must equal ``<quirk>.expected.yaml``.

Folders ``fixtures/corpus_<quirk>/transcripts/`` are small corpora: they are
copied into a temporary content folder (with the shipped people.yaml and
outlets.yaml) and parsed with ``parse_corpus``; each transcript's view must
equal ``fixtures/corpus_<quirk>/<name>.expected.yaml``.

Expected files hold these keys (a missing list or mapping means "none"):

``turns``
    one string per turn, in order: ``kind | speaker name or - | outlet or - |
    first words``, where the first words are the first six words of the
    turn's first paragraph (all of them when it is shorter).
``questions``
    the anchors of all questions, in order.
``follow_ups``
    ``{question number: number of the question it follows up}``.
``removed``
    every removed line as ``[line, rule]``, in line order.
``mended_lines``
    raw lines joined to the paragraph before them (page-break splits).
``principal_speakers``
    names, in order.

and, compared only where a fixture states them (they are about its quirk):

``facts``
    all facts lifted from chrome lines, ``{name: value}``.
``speakers``
    ``name | role or -`` of every named speaker, once, in order of first turn.
``text``
    ``{turn number: [every paragraph of that turn, in full]}``.
``answers``
    ``{question number: [numbers of the turns that answer it]}``.
``findings``
    every finding as ``[line or null, code]``, in order.
``metadata``
    ``{field: value}`` for title, date, date_end, location, event_type,
    language, slug, source_url and from_text (the fields read from the text)
    of the transcript.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Transcript
from generator.build import parse_corpus
from generator.parsing import parse_file
from generator.reading import TRANSCRIPT_SUFFIXES

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = Path(__file__).resolve().parents[2] / "content"
FIRST_WORDS = 6
REQUIRED_KEYS = ("turns", "principal_speakers")
ALWAYS_COMPARED = ("turns", "questions", "follow_ups", "removed", "mended_lines", "principal_speakers")
COMPARED_WHEN_GIVEN = ("facts", "speakers", "text", "answers", "metadata", "findings")
METADATA_FIELDS = (
    "title", "date", "date_end", "location", "event_type", "language", "slug", "source_url", "from_text",
)


def fixture_paths() -> list[Path]:
    """Single-file fixtures: every transcript directly in the fixtures folder."""
    return sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix in TRANSCRIPT_SUFFIXES)


def corpus_folders() -> list[Path]:
    """Corpus fixtures: ``corpus_*`` folders, each holding ``transcripts/``."""
    return sorted(p for p in FIXTURES.glob("corpus_*") if (p / "transcripts").is_dir())


def expected_path(transcript: Path, folder: Path | None = None) -> Path:
    """Where the expected result of a fixture transcript is written."""
    return (folder or transcript.parent) / f"{transcript.stem}.expected.yaml"


def load_expected(path: Path) -> dict[str, Any]:
    """Read an expected file and check its shape, so a typo fails loudly."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: expected a mapping"
    unknown = set(data) - set(ALWAYS_COMPARED) - set(COMPARED_WHEN_GIVEN)
    assert not unknown, f"{path}: unknown keys {sorted(unknown)}"
    for key in REQUIRED_KEYS:
        assert key in data, f"{path}: missing {key!r}"
    for entry in data["turns"]:
        assert isinstance(entry, str) and entry.count(" | ") >= 3, f"{path}: malformed turn {entry!r}"
    for key in ("questions", "removed", "mended_lines", "principal_speakers"):
        data.setdefault(key, [])
    data.setdefault("follow_ups", {})
    data["removed"] = [list(item) for item in data["removed"]]
    return data


def first_words(paragraphs: tuple[str, ...]) -> str:
    """The first words of a turn, as the expected files quote them."""
    return " ".join(paragraphs[0].split()[:FIRST_WORDS]) if paragraphs else ""


def compact_view(transcript: Transcript, wanted: dict[str, Any]) -> dict[str, Any]:
    """The parse reduced to what the expected files state.

    The keys of ``COMPARED_WHEN_GIVEN`` are included only when ``wanted`` has them.
    """
    questions = transcript.questions
    turn_number = {turn.id: number for number, turn in enumerate(transcript.turns, start=1)}
    view: dict[str, Any] = {
        "turns": [
            f"{turn.kind.value} | {turn.speaker.name or '-'} | {turn.speaker.outlet or '-'} | "
            f"{first_words(turn.paragraphs)}"
            for turn in transcript.turns
        ],
        "questions": [q.anchor for q in questions],
        "follow_ups": {q.number: q.follow_up_of for q in questions if q.follow_up_of is not None},
        "removed": [[r.line, r.rule] for r in transcript.removed],
        "mended_lines": list(transcript.mended_lines),
        "principal_speakers": [p.name for p in transcript.principal_speakers],
    }
    if "facts" in wanted:
        view["facts"] = dict(transcript.facts)
    if "speakers" in wanted:
        seen: list[str] = []
        for turn in transcript.turns:
            if turn.speaker.name:
                entry = f"{turn.speaker.name} | {turn.speaker.role or '-'}"
                if entry not in seen:
                    seen.append(entry)
        view["speakers"] = seen
    if "text" in wanted:
        view["text"] = {
            number: list(transcript.turns[number - 1].paragraphs) if number <= len(transcript.turns) else None
            for number in wanted["text"]
        }
    if "findings" in wanted:
        view["findings"] = [[finding.line, finding.code] for finding in transcript.findings]
    if "answers" in wanted:
        view["answers"] = {q.number: [turn_number[t] for t in q.answers] for q in questions}
    if "metadata" in wanted:
        view["metadata"] = {
            name: _metadata_value(transcript, name) for name in METADATA_FIELDS if name in wanted["metadata"]
        }
    return view


def _metadata_value(transcript: Transcript, name: str) -> Any:
    """One metadata field of a transcript, dates as ISO text."""
    return _iso(getattr(transcript, name))


def _iso(value: Any) -> Any:
    """Dates as ISO text, tuples as lists, everything else as it is."""
    if isinstance(value, tuple):
        return list(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _expected_view(expected: dict[str, Any]) -> dict[str, Any]:
    """The expected file with dates as ISO text, as the view gives them."""
    view = dict(expected)
    if "metadata" in view:
        view["metadata"] = {name: _iso(value) for name, value in view["metadata"].items()}
    return view


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    expected = load_expected(expected_path(path))
    transcript = parse_file(path, content_dir=CONTENT)
    assert compact_view(transcript, expected) == _expected_view(expected)


@pytest.mark.parametrize("folder", corpus_folders(), ids=lambda p: p.name)
def test_corpus_fixture(folder: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(folder / "transcripts", content / "transcripts")
    shutil.copy(CONTENT / "people.yaml", content / "people.yaml")
    shutil.copy(CONTENT / "outlets.yaml", content / "outlets.yaml")
    corpus = parse_corpus(content)
    assert corpus.problems == ()
    parsed = {Path(t.source).stem: t for t in corpus.transcripts}
    raw = sorted(p for p in (folder / "transcripts").iterdir() if p.suffix in TRANSCRIPT_SUFFIXES)
    assert sorted(parsed) == sorted(p.stem for p in raw)
    views, wanted = {}, {}
    for path in raw:
        expected = load_expected(expected_path(path, folder))
        wanted[path.stem] = _expected_view(expected)
        views[path.stem] = compact_view(parsed[path.stem], expected)
    assert views == wanted


def test_every_fixture_has_an_expected_result() -> None:
    wanted = {expected_path(p) for p in fixture_paths()}
    for folder in corpus_folders():
        wanted |= {expected_path(p, folder) for p in (folder / "transcripts").iterdir()
                   if p.suffix in TRANSCRIPT_SUFFIXES}
    written = set(FIXTURES.rglob("*.expected.yaml"))
    assert sorted(map(str, written - wanted)) == []
    assert sorted(map(str, wanted - written)) == []
