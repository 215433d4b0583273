"""The content report: counts, problems and warnings by kind, chrome, suggestions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.build import parse_corpus
from generator.report import ContentReport, Suggestion, content_report, report_to_json, summarise_report
from tests.support import CONTENT


@pytest.fixture()
def messy_content(tmp_path: Path) -> Path:
    """The seeds plus an empty file, a transcript with a bad date and one with an unknown official."""
    shutil.copytree(CONTENT, tmp_path / "content", ignore=shutil.ignore_patterns("topics.yaml"))
    transcripts = tmp_path / "content" / "transcripts"
    (transcripts / "empty.txt").write_bytes(b"")
    (transcripts / "bad_date.txt").write_text("Q: Is this a question?\n", encoding="utf-8")
    (transcripts / "bad_date.meta.yaml").write_text("title: A title\ndate: 2011-02-30\n", encoding="utf-8")
    (transcripts / "guest.txt").write_text(
        "KAJA KALLAS (Prime Minister of Estonia): We welcome the Allies.\n\n"
        "Q (ERR): Will more troops come?\n\nKALLAS: Yes.\n",
        encoding="utf-8",
    )
    (transcripts / "guest.meta.yaml").write_text(
        "title: Joint press point\ndate: 2023-03-01\nevent_type: press-point\n", encoding="utf-8")
    return tmp_path / "content"


def test_report_counts_and_groups_problems_by_kind(messy_content: Path) -> None:
    report = content_report(parse_corpus(messy_content))
    # People: Stoltenberg, Lungescu, twelve journalists of 002, Kallas. Outlets: sixteen in the seeds, ERR.
    # The bad date loses only the date: its transcript is published, with a warning at the sidecar's line.
    assert dict(report.counts) == {"transcripts": 5, "questions": 42, "people": 15, "outlets": 17}
    assert [(i.kind, i.path, i.line) for i in report.problems] == [
        ("empty-file", "transcripts/empty.txt", None),
    ]
    assert [(i.kind, i.path, i.line) for i in report.warnings] == [
        ("bad-date", "transcripts/bad_date.meta.yaml", 2),
        ("missing-metadata", "transcripts/bad_date.txt", None),
    ]
    assert not report.ok


def test_report_lists_chrome_per_file_and_missing_places(messy_content: Path) -> None:
    report = content_report(parse_corpus(messy_content))
    chrome = dict(report.chrome_removed)
    assert chrome["transcripts/003_31df2163731fa648.txt"] == (("account-form", 5), ("newsletter-form", 1))
    assert dict(report.missing_metadata) == {
        "transcripts/002_a855cd627493f53a.txt": ("source_url",),
        "transcripts/bad_date.txt": ("location", "source_url"),
        "transcripts/guest.txt": ("location", "source_url"),
    }


def test_report_suggests_officials_and_outlets_the_directory_lacks(messy_content: Path) -> None:
    report = content_report(parse_corpus(messy_content))
    assert [(s.kind, s.name, s.evidence) for s in report.suggestions] == [
        ("person", "Kaja Kallas", ("transcripts/guest.txt",)),
        ("outlet", "Kurdish media", ("transcripts/000_dc2035bffcbcb803.txt",)),
    ]
    assert report.suggestions[0].detail == "Prime Minister of Estonia; add to content/people.yaml"


def test_json_report_is_stable_and_names_its_schema(messy_content: Path) -> None:
    corpus = parse_corpus(messy_content)
    text = report_to_json(content_report(corpus))
    assert text == report_to_json(content_report(parse_corpus(messy_content)))
    data = json.loads(text)
    assert data["schema"] == "pressroom.report/1"
    assert data["ok"] is False
    assert list(data["problems"]) == ["empty-file"]
    assert list(data["warnings"]) == ["bad-date", "missing-metadata"]
    assert data["warnings"]["bad-date"][0]["path"] == "transcripts/bad_date.meta.yaml"
    assert data["warnings"]["bad-date"][0]["line"] == 2


def test_summary_is_short_and_says_what_to_fix(messy_content: Path) -> None:
    summary = summarise_report(content_report(parse_corpus(messy_content)))
    assert summary.splitlines()[0] == "5 transcripts, 42 questions, 15 people, 17 outlets"
    assert "\n1 problem:\n" in summary
    assert "\n2 warnings:\n" in summary
    assert "  bad-date (1):" in summary
    assert ("    transcripts/bad_date.meta.yaml:2: metadata field 'date' is '2011-02-30', which cannot be read "
            "(day is out of range for month): write a real date as YYYY-MM-DD, e.g. 2015-11-24; the transcript "
            "is published without it\n") in summary
    assert summary.endswith("\nsuggestions: 1 outlet (Kurdish media); 1 person (Kaja Kallas) (see the JSON report)\n")
    assert ("\n40 lines of website chrome, page headers and caption timings removed from 3 files: "
            "transcripts/000_dc2035bffcbcb803.txt, transcripts/002_a855cd627493f53a.txt and "
            "transcripts/003_31df2163731fa648.txt\n") in summary


def test_seeds_report_is_clean() -> None:
    report = content_report(parse_corpus(CONTENT))
    assert report.problems == ()
    assert report.warnings == ()
    assert report.ok


def test_the_report_says_which_facts_came_from_the_text(messy_content: Path) -> None:
    (messy_content / "transcripts" / "headed.txt").write_text(
        "Doorstep statement\n\nby NATO Secretary General Jens Stoltenberg\n\n  • 14 Feb. 2018 -\n\n"
        "Good morning. Ministers meet today.\n", encoding="utf-8")
    report = content_report(parse_corpus(messy_content))
    assert dict(report.facts_from_text) == {
        "transcripts/002_a855cd627493f53a.txt": ("title",),
        "transcripts/headed.txt": ("title", "event_type", "date"),
    }
    assert json.loads(report_to_json(report))["facts_from_text"]["transcripts/headed.txt"] == [
        "title", "event_type", "date"]
    assert ("\nfacts read from the text, as no metadata gave them, in 2 transcripts: "
            "transcripts/002_a855cd627493f53a.txt (title) and transcripts/headed.txt (title, event type, date)\n"
            in summarise_report(report))


def test_each_line_of_the_summary_names_up_to_three_and_counts_the_rest() -> None:
    files = tuple(f"transcripts/{name}.txt" for name in "abcde")
    report = ContentReport(
        counts=(("transcripts", 1), ("questions", 1), ("people", 1), ("outlets", 2), ("topics", 0)),
        problems=(), warnings=(),
        chrome_removed=tuple((path, (("page-footer", 2),)) for path in files),
        missing_metadata=((files[0], ("location", "source_url")),),
        suggestions=(
            Suggestion("person", "Anna Berg", "", ()),
            *(Suggestion("topic", phrase, "", ()) for phrase in ("air defence", "drones", "exercises", "space")),
        ),
    )
    assert summarise_report(report) == (
        "1 transcript, 1 question, 1 person, 2 outlets, 0 topics\n"
        "10 lines of website chrome, page headers and caption timings removed from 5 files: "
        "transcripts/a.txt, transcripts/b.txt, transcripts/c.txt and 2 more\n"
        "1 transcript lacks a place or source address: transcripts/a.txt (place and source address)\n"
        'suggestions: 1 person (Anna Berg); 4 topics ("air defence", "drones", "exercises" and 1 more) '
        "(see the JSON report)\n"
    )
