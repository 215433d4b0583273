"""Bad input: every problem names the file, the line where there is one, what
is wrong and how to fix it, in ``pressroom check``, in ``pressroom build``'s
summary and in the JSON report; a default build still publishes every good
transcript, and ``--strict`` fails.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.support import REPO, copy_content

SEED = "000_dc2035bffcbcb803"
SEED_SLUG = "2015-11-24-statement-extraordinary-nac-meeting"
ERRORS = REPO / "tests" / "parsing" / "fixtures" / "errors"
METADATA = REPO / "tests" / "parsing" / "fixtures" / "metadata"
TEXT = "Secretary General: We met today.\n\nQ (Reuters): What next?\n\nSecretary General: More meetings.\n"
UNKNOWN_SPEAKER = TEXT + "\nBorislav Tudor-Whitfield: One more thing.\n"
META = "title: Press point\ndate: 2020-01-01\nevent_type: press-point\n"


def meta(**fields: str) -> tuple[str, dict[str, int]]:
    """Metadata with ``fields`` given or replaced, and the line of each field."""
    values = {"title": "Press point", "date": "2020-01-01", "event_type": "press-point", **fields}
    text = "".join(f"{name}: {value}\n" for name, value in values.items())
    return text, {name: line for line, name in enumerate(values, start=1)}


def content_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A content folder with the people and outlets files, one good seed and ``files``."""
    content = copy_content(tmp_path, SEED)
    for name, data in files.items():
        path = content / "transcripts" / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return content


def check(content: Path, tmp_path: Path, *extra: str) -> tuple[Result, dict]:
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--report", str(report), *extra])
    return result, json.loads(report.read_text(encoding="utf-8"))


def located(report: dict, section: str = "problems") -> list[tuple[str, str, int | None]]:
    """(kind, file, line) of every issue of a report section."""
    return [(kind, issue["path"], issue["line"]) for kind, issues in report[section].items() for issue in issues]


def test_a_slug_that_leaves_the_output_folder_is_left_out_naming_the_file_and_line(tmp_path: Path) -> None:
    content = content_with(tmp_path, {"escape.txt": TEXT, "escape.meta.yaml": META + "slug: ../../outside\n"})
    result, report = check(content, tmp_path)
    assert result.exit_code == 0, result.output  # published, under a slug made from its date and title
    assert ("transcripts/escape.meta.yaml:4: metadata field 'slug' is '../../outside': it must be lower-case "
            "letters, digits and single hyphens only, e.g. 2015-11-24-nac-statement; the transcript is published "
            "without it") in result.output
    assert located(report) == []
    assert located(report, "warnings") == [("bad-slug", "transcripts/escape.meta.yaml", 4)]
    assert check(content, tmp_path, "--strict")[0].exit_code == 1


@pytest.mark.parametrize(
    ("field", "value", "kind", "message"),
    [
        ("speakers", "3", "bad-speakers", "metadata field 'speakers' is '3': it must be a list of names"),
        ("title", "[a, b]", "bad-title", "metadata field 'title' is a list: it must be non-empty text"),
        ("date", "3", "bad-date", "metadata field 'date' is '3': it must be a date written as YYYY-MM-DD, "
                                  "e.g. 2015-11-24"),
        ("event_type", "party", "bad-event-type", "metadata field 'event_type' is 'party': it must be one of: "
                                                  "press-conference, "),
        ("source_url", "www.nato.int", "bad-source-url", "metadata field 'source_url' is 'www.nato.int': it must "
                                                         "be a full http(s) address, e.g. https://www.nato.int/..."),
    ],
)
def test_metadata_of_the_wrong_type_is_a_warning_naming_the_file_line_and_field(
    tmp_path: Path, field: str, value: str, kind: str, message: str
) -> None:
    text, lines = meta(**{field: value})
    content = content_with(tmp_path, {"typed.txt": TEXT, "typed.meta.yaml": text})
    result, report = check(content, tmp_path)
    assert result.exit_code == 0, result.output  # the transcript is published without that field
    line = lines[field]
    assert f"transcripts/typed.meta.yaml:{line}: {message}" in result.output
    assert located(report) == []
    assert located(report, "warnings") == [(kind, "transcripts/typed.meta.yaml", line)]
    assert check(content, tmp_path, "--strict")[0].exit_code == 1


def test_two_transcripts_with_one_slug_name_both_files(tmp_path: Path) -> None:
    content = content_with(tmp_path, {
        "a.txt": TEXT, "a.meta.yaml": META + "slug: one-page\n",
        "b.txt": TEXT.replace("More meetings.", "Fewer meetings."), "b.meta.yaml": META + "slug: one-page\n",
    })
    result, report = check(content, tmp_path)
    assert result.exit_code == 1
    assert ("transcripts/b.txt: maps to the same page (one-page) as transcripts/a.txt; not published "
            "(give one of them a distinct 'slug' in its metadata)") in result.output
    assert located(report) == [("duplicate-slug", "transcripts/b.txt", None)]
    build = CliRunner().invoke(main, ["build", "--content", str(content), "--out", str(tmp_path / "site"),
                                      "--docs", str(tmp_path / "docs"), "--report", str(tmp_path / "built.json")])
    assert build.exit_code == 1  # neither is published rather than one lost
    assert not (tmp_path / "site").exists()


def test_a_duplicate_transcript_names_both_files(tmp_path: Path) -> None:
    content = content_with(tmp_path, {
        "a.txt": TEXT, "a.meta.yaml": META,
        "copy.txt": TEXT, "copy.meta.yaml": META.replace("2020-01-01", "2020-01-02"),
    })
    result, report = check(content, tmp_path)
    assert result.exit_code == 1
    assert ("transcripts/copy.txt: same transcript text as transcripts/a.txt; not published "
            "(remove one of the two files)") in result.output
    assert located(report) == [("duplicate-transcript", "transcripts/copy.txt", None)]


def test_a_transcript_as_long_as_another_but_worded_otherwise_is_no_duplicate(tmp_path: Path) -> None:
    content = content_with(tmp_path, {
        "a.txt": TEXT, "a.meta.yaml": META,
        "b.txt": TEXT.replace("More meetings.", "Many meetings."),
        "b.meta.yaml": META.replace("2020-01-01", "2020-01-02"),
    })
    result, report = check(content, tmp_path)
    assert result.exit_code == 0, result.output
    assert located(report) == []


def test_an_unattributed_label_is_a_warning_with_file_and_line(tmp_path: Path) -> None:
    content = content_with(tmp_path, {"unknown.txt": UNKNOWN_SPEAKER, "unknown.meta.yaml": META})
    result, report = check(content, tmp_path)
    assert result.exit_code == 0  # published, but not fully understood
    [warning] = report["warnings"]["unattributed-label"]
    assert (warning["path"], warning["line"]) == ("transcripts/unknown.txt", 7)
    assert warning["message"] == (
        "label 'Borislav Tudor-Whitfield' names someone the people file does not know, and nothing in the "
        "transcript shows them asking, answering or giving the floor; taken as making statements. "
        "Add them to content/people.yaml, or their outlet to the label")
    assert ("    transcripts/unknown.txt:7: label 'Borislav Tudor-Whitfield' names someone the people file "
            "does not know") in result.output
    assert check(content, tmp_path, "--strict")[0].exit_code == 1


def test_missing_metadata_is_reported_per_file(tmp_path: Path) -> None:
    content = content_with(tmp_path, {"bare.txt": TEXT})
    result, report = check(content, tmp_path)
    assert result.exit_code == 0
    [warning] = report["warnings"]["missing-metadata"]
    assert (warning["path"], warning["line"]) == ("transcripts/bare.txt", None)
    assert warning["message"] == ("no date, title, event_type given or found in the text; "
                                  "add them to the metadata file beside it (NAME.meta.yaml)")
    assert report["missing_metadata"]["transcripts/bare.txt"] == ["location", "source_url"]


@pytest.mark.slow
def test_a_default_build_publishes_every_good_transcript_and_lists_every_problem(tmp_path: Path) -> None:
    content = content_with(tmp_path, {
        "empty.txt": "",
        "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "escape.txt": TEXT, "escape.meta.yaml": META + "slug: ../../outside\n",
        "typed.txt": TEXT.replace("More meetings.", "Typed meetings."),
        "typed.meta.yaml": META.replace("Press point", "Typed press point") + "speakers: 3\n",
        "copy.txt": (REPO / "content" / "transcripts" / f"{SEED}.txt").read_bytes(),
        "copy.meta.yaml": META,
        "unknown.txt": UNKNOWN_SPEAKER, "unknown.meta.yaml": META.replace("Press point", "Another press point"),
    })
    shutil.copy(ERRORS / "only_chrome.txt", content / "transcripts" / "only_chrome.txt")
    for name in ("unknown_field.txt", "unknown_field.meta.yaml"):
        shutil.copy(METADATA / name, content / "transcripts" / name)
    out = ["--out", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"),
           "--report", str(tmp_path / "report.json")]

    result = CliRunner().invoke(main, ["build", "--content", str(content), *out])

    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert located(report) == [
        ("binary-file", "transcripts/photo.txt", None),
        ("duplicate-transcript", "transcripts/copy.txt", None),
        ("empty-file", "transcripts/empty.txt", None),
        ("only-chrome", "transcripts/only_chrome.txt", None),
    ]
    assert all(issue["hint"] for issues in report["problems"].values() for issue in issues)
    # Metadata unknown or unreadable loses that field only: those transcripts are published.
    assert located(report, "warnings") == [
        ("bad-slug", "transcripts/escape.meta.yaml", 4),
        ("bad-speakers", "transcripts/typed.meta.yaml", 4),
        ("unattributed-label", "transcripts/unknown.txt", 7),
        ("unknown-field", "transcripts/unknown_field.meta.yaml", 3),
    ]
    assert "4 problems:\n" in result.output and "4 warnings:\n" in result.output
    published = sorted(p.name for p in (tmp_path / "site" / "transcripts").iterdir())
    assert published == [SEED_SLUG, "2020-01-01-another-press-point", "2020-01-01-press-point",
                         "2020-01-01-typed-press-point", "2025-03-12-doorstep-statement"]
    assert not list(tmp_path.rglob("outside*"))

    strict = CliRunner().invoke(main, ["build", "--strict", "--content", str(content), *out])
    assert strict.exit_code == 1
