"""The build command's contract: exit codes, messages, the report, and a site
that is replaced only by a build that succeeded."""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

import generator.build
import generator.preview
from generator.build import BuildSettings, ServeRebuild
from generator.build import build as build_archive
from generator.cli import _ProgressBars, main
from generator.site import SearchIndex, SearchIndexError
from tests.support import REPO, copy_content

pytestmark = pytest.mark.slow

SEED = "000_dc2035bffcbcb803"
OTHER_SEED = "003_31df2163731fa648"
OTHER_SLUG = "2014-11-29-interview-russian-radio-station-ekho-moskvy"
UNKNOWN_SPEAKER = (
    "Secretary General: Hello.\n\nQ (Reuters): A question?\n\nSecretary General: An answer.\n\n"
    "Borislav Tudor-Whitfield: One more thing.\n"
)


def content_copy(tmp_path: Path, *seeds: str) -> Path:
    return copy_content(tmp_path, *(seeds or (SEED,)))


def build(content: Path, tmp_path: Path, *extra: str) -> Result:
    return CliRunner().invoke(
        main,
        ["build", "--content", str(content), "--out", str(tmp_path / "site"), "--docs", str(tmp_path / "docs"),
         "--report", str(tmp_path / "report.json"), *extra],
    )


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def outputs(tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The site and the generated docs, byte for byte."""
    return files_of(tmp_path / "site"), files_of(tmp_path / "docs")


def add_transcript(content: Path, name: str, text: str, meta: str) -> None:
    (content / "transcripts" / f"{name}.txt").write_text(text, encoding="utf-8")
    (content / "transcripts" / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")


def config_copy(tmp_path: Path) -> Path:
    """mkdocs.yml and the theme overrides in a folder of their own, to break."""
    folder = tmp_path / "config"
    folder.mkdir()
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(REPO / "site_config", folder / "site_config")
    return folder


def test_two_transcripts_at_one_url_publish_nothing_and_name_both_files(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    raw = (content / "transcripts" / f"{SEED}.txt").read_text(encoding="utf-8")
    (content / "transcripts" / "copy.txt").write_text(raw + "\n\nOne more paragraph.\n", encoding="utf-8")
    shutil.copy(content / "transcripts" / f"{SEED}.meta.yaml", content / "transcripts" / "copy.meta.yaml")
    result = build(content, tmp_path)
    assert result.exit_code == 1
    assert (
        "    transcripts/copy.txt: maps to the same page (2015-11-24-statement-extraordinary-nac-meeting) as "
        f"transcripts/{SEED}.txt; not published (give one of them a distinct 'slug' in its metadata)\n"
    ) in result.output
    assert f"error: two transcripts map to one page (duplicate-slug above); {tmp_path / 'site'}/ was left as it was" \
        in result.output
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / "docs").exists()
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [p["path"] for p in report["problems"]["duplicate-slug"]] == ["transcripts/copy.txt"]


def test_content_problems_are_listed_and_fail_only_a_strict_build(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    (content / "transcripts" / "empty.txt").write_text("", encoding="utf-8")
    relaxed = build(content, tmp_path)
    assert relaxed.exit_code == 0, relaxed.output
    assert "1 problem:\n  empty-file (1):\n    transcripts/empty.txt: the file is empty (remove it, " \
        "or replace it with the transcript text)\n" in relaxed.output
    assert "Built 1 transcript (" in relaxed.output  # every good transcript is published
    assert relaxed.stderr == ""  # no progress bar off a terminal
    published = outputs(tmp_path)

    strict = build(content, tmp_path, "--strict")
    assert strict.exit_code == 1
    assert f"error: --strict: the build has problems or warnings (above); {tmp_path / 'site'}/ was left as it was" \
        in strict.output
    assert "Built" not in strict.output
    assert outputs(tmp_path) == published
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["ok"] is False


def test_a_strict_build_with_a_warning_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    assert build(content, tmp_path, "--strict").exit_code == 0
    published = outputs(tmp_path)
    add_transcript(content, "unknown", UNKNOWN_SPEAKER, "title: Press point\ndate: 2020-01-01\nevent_type: press-point\n")

    result = build(content, tmp_path, "--strict")

    assert result.exit_code == 1
    assert "  unattributed-label (1):\n    transcripts/unknown.txt:7: label 'Borislav Tudor-Whitfield' names " \
        "someone the people file does not know" in result.output
    assert outputs(tmp_path) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "docs", "report.json", "site"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [(w["path"], w["line"]) for w in report["warnings"]["unattributed-label"]] == [("transcripts/unknown.txt", 7)]


def test_an_unknown_metadata_field_is_published_under_extra_and_fails_only_a_strict_build(tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    add_transcript(content, "tagged", "Secretary General: Hello.\n\nQ (Reuters): A question?\n\n"
                   "Secretary General: An answer.\n",
                   "title: Press point\ndate: 2020-01-01\nevent_type: press-point\ntags: [harbour, ports]\n")
    strict = build(content, tmp_path, "--strict")
    assert strict.exit_code == 1
    assert "  unknown-field (1):\n    transcripts/tagged.meta.yaml:4: unknown metadata field 'tags', kept under " \
        "'extra' in the transcript's JSON; rename it to a known field or remove it" in strict.output
    assert not (tmp_path / "site").exists()

    relaxed = build(content, tmp_path)
    assert relaxed.exit_code == 0, relaxed.output
    data = json.loads((tmp_path / "site" / "data" / "transcripts" / "2020-01-01-press-point.json").read_text(
        encoding="utf-8"))
    assert data["extra"] == {"tags": ["harbour", "ports"]}
    page = (tmp_path / "docs" / "transcripts" / "2020-01-01-press-point.md").read_text(encoding="utf-8")
    assert "harbour" not in page  # kept in the open data, not in the page's front-matter


def test_a_mistake_in_the_topics_file_stops_the_build_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = content_copy(tmp_path)
    assert build(content, tmp_path, "--strict").exit_code == 0
    published = outputs(tmp_path)
    topics = content / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\nsettings:\n  main_share: 8\n", encoding="utf-8")
    line = topics.read_text(encoding="utf-8").count("\n")  # the last line
    monkeypatch.setattr("generator.build.read_sources", lambda *args, **kwargs: pytest.fail("parsed"))

    result = build(content, tmp_path)

    assert result.exit_code == 1
    assert f"error: {topics}:{line}: topic setting 'main_share' is a share, at most 1, not 8 (write 0.08 for 8 %)" \
        in result.output
    assert outputs(tmp_path) == published


def test_a_broken_theme_leaves_the_previous_site_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = content_copy(tmp_path)
    config = config_copy(tmp_path)
    monkeypatch.chdir(config)  # the build reads ./mkdocs.yml
    assert build(content, tmp_path, "--strict").exit_code == 0
    published = outputs(tmp_path)
    template = config / "site_config" / "overrides" / "transcript.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{% if %}\n", encoding="utf-8")

    result = build(content, tmp_path, "--strict")

    assert result.exit_code == 1
    assert "error: MkDocs could not build the site: template error (" in result.output
    assert outputs(tmp_path) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config", "content", "docs", "report.json", "site"]


def test_a_mkdocs_warning_is_reported_and_fails_only_a_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = content_copy(tmp_path)
    config = config_copy(tmp_path)
    settings = config / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("  - Open data: open-data.md\n",
                                                     "  - Open data: open-data.md\n  - Gone: gone.md\n"),
        encoding="utf-8")
    monkeypatch.chdir(config)

    relaxed = build(content, tmp_path)
    assert relaxed.exit_code == 0, relaxed.output
    assert "  site-warning (1):\n    mkdocs.yml: A reference to 'gone.md' is included in the 'nav' configuration, " \
        "which is not found in the documentation files." in relaxed.output
    published = outputs(tmp_path)

    strict = build(content, tmp_path, "--strict")
    assert strict.exit_code == 1
    assert outputs(tmp_path) == published
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [w["path"] for w in report["warnings"]["site-warning"]] == ["mkdocs.yml"]


@pytest.mark.parametrize("error", [SearchIndexError("Pagefind could not index the site: disk full"),
                                   RuntimeError("power cut")])
def test_a_build_that_fails_half_way_leaves_the_previous_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    content = content_copy(tmp_path)
    assert build(content, tmp_path).exit_code == 0
    published = outputs(tmp_path)
    (content / "transcripts" / f"{SEED}.txt").write_text("Secretary General: A new text.\n", encoding="utf-8")

    def fail(site_dir: Path) -> None:
        assert (site_dir / "index.html").is_file()  # MkDocs has written the new site by now
        raise error

    monkeypatch.setattr(generator.build, "index_site", fail)  # the search stage calls it
    result = build(content, tmp_path)

    assert result.exit_code == 1
    if isinstance(error, SearchIndexError):
        assert "error: Pagefind could not index the site: disk full" in result.output
    else:
        assert result.exception is error
    assert outputs(tmp_path) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "docs", "report.json", "site"]


def test_a_removed_transcript_leaves_only_its_withdrawn_notice_behind(tmp_path: Path) -> None:
    content = content_copy(tmp_path, SEED, OTHER_SEED)
    assert build(content, tmp_path).exit_code == 0
    assert (tmp_path / "site" / "years" / "2014" / "index.html").is_file()
    for suffix in (".txt", ".meta.yaml"):
        (content / "transcripts" / f"{OTHER_SEED}{suffix}").unlink()

    assert build(content, tmp_path).exit_code == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(content, fresh / "content")  # the same content: the transcript, and the ledger of published URLs
    assert build(fresh / "content", fresh).exit_code == 0

    assert outputs(tmp_path) == outputs(fresh)  # a rebuild is a fresh build: nothing stale stays
    assert not (tmp_path / "site" / "years" / "2014").exists()
    assert not (tmp_path / "site" / "data" / "transcripts" / f"{OTHER_SLUG}.json").exists()
    withdrawn = (tmp_path / "site" / "transcripts" / OTHER_SLUG / "index.html").read_text(encoding="utf-8")
    assert "This transcript was withdrawn from the archive." in withdrawn
    assert '<a href="../../years/">All years of the archive</a>' in withdrawn  # 2014 has no transcript left


@pytest.mark.parametrize("folder", ["site", "docs"])
def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path, folder: str) -> None:
    mine = tmp_path / folder
    mine.mkdir()
    (mine / "notes.md").write_text("mine", encoding="utf-8")
    result = build(content_copy(tmp_path), tmp_path)
    assert result.exit_code == 1
    assert f"error: {mine} holds files the generator did not write; choose an empty or generated folder" \
        in result.output
    assert files_of(mine) == {"notes.md": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["content", folder])


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def feed(bars: _ProgressBars) -> None:
    with bars:
        for stage, steps in (("parse", 1), ("site", 4)):
            for done in range(steps + 1):
                bars(stage, done, steps)


def test_progress_bars_show_on_a_terminal() -> None:
    terminal = Terminal()
    feed(_ProgressBars(terminal, delay=0))
    screen = click.unstyle(terminal.getvalue())  # without the escapes that hide the cursor
    # Each stage redraws one line ("\r") and ends it when the next stage begins.
    assert screen.split("\n") == [
        "\rparse    [------------------------------------]  0/1\rparse    [####################################]  1/1",
        "\rsite     [------------------------------------]  0/4\rsite     [#########---------------------------]  1/4"
        "\rsite     [##################------------------]  2/4\rsite     [###########################---------]  3/4"
        "\rsite     [####################################]  4/4",
        "",
    ]


def test_progress_bars_stay_quiet_off_a_terminal_and_for_short_stages() -> None:
    log = io.StringIO()
    feed(_ProgressBars(log, delay=0))
    assert log.getvalue() == ""
    terminal = Terminal()
    feed(_ProgressBars(terminal, delay=60))
    assert terminal.getvalue() == ""


def test_every_command_is_documented() -> None:
    for command in ("build", "serve"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Examples:" in result.output


def test_serve_reports_each_build_and_then_each_search_index_refresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = content_copy(tmp_path)
    monkeypatch.chdir(tmp_path)  # serve writes its docs folder under build/ of the working folder

    def preview(settings: BuildSettings, host: str, port: int, on_build, on_indexed, ready) -> None:
        ready(f"http://{host}:{port}/")
        on_build(build_archive(replace(settings, config_file=REPO / "mkdocs.yml"), serve=ServeRebuild()))
        on_indexed(SearchIndex(
            1, settings.site_dir / "pagefind", settings.site_dir / "pagefind-full", settings.site_dir / "pagefind-questions"
        ), 2.345)
        on_indexed(SearchIndexError("Pagefind could not index build/preview: disk full"), 0.5)

    monkeypatch.setattr(generator.preview, "preview", preview)
    result = CliRunner().invoke(main, ["serve", "--content", str(content)])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Serving http://127.0.0.1:8000/ (Ctrl+C to stop); rebuilding on changes"
    assert re.fullmatch(r"Built 1 transcript \(\d+ pages, \d+ of them rendered anew, search index refreshing\) "
                        r"into build/preview/ in \d+\.\ds \(.*\)\.", lines[-3]), lines[-3]
    assert lines[-2:] == ["Search index refreshed: 1 transcripts searchable (2.3s).",
                          "error: search index not refreshed: Pagefind could not index build/preview: disk full"]
