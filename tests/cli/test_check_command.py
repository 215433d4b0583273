"""``pressroom check``: validate content without building; exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.support import CONTENT


def copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_check_on_the_seeds_passes_and_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.json"
    result = CliRunner().invoke(main, ["check", "--content", str(CONTENT), "--strict", "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "3 transcripts, 40 questions, 14 people, 16 outlets, 56 topics"
    assert json.loads(report.read_text(encoding="utf-8"))["ok"] is True


def test_check_fails_on_a_problem_and_names_file_line_and_fix(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "transcripts" / "000_dc2035bffcbcb803.meta.yaml").write_text(
        "title: Statement\ndate: 2015-11-24\n", encoding="utf-8")
    (content / "transcripts" / "000_dc2035bffcbcb803.md").write_text(
        "---\ntitle: Statement\ndate: 2015-11-24\n---\nJENS STOLTENBERG: Good morning.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert ("transcripts/000_dc2035bffcbcb803.md:1: metadata is given both in front-matter and in a sidecar file "
            "(keep one of the two)") in result.output


def test_check_lists_a_bad_metadata_value_and_fails_on_it_only_when_strict(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "transcripts" / "000_dc2035bffcbcb803.meta.yaml").write_text(
        "title: Statement\ndate: 24/11/2015\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "3 transcripts, 40 questions, 14 people, 16 outlets, 56 topics"
    assert ("    transcripts/000_dc2035bffcbcb803.meta.yaml:2: metadata field 'date' is '24/11/2015': it must be a "
            "date written as YYYY-MM-DD, e.g. 2015-11-24; the transcript is published without it\n") in result.output
    strict = CliRunner().invoke(main, ["check", "--content", str(content), "--strict"])
    assert strict.exit_code == 1
    assert "  bad-date (1):" in strict.output


def test_check_lists_an_unknown_field_and_fails_on_it_only_when_strict(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    sidecar = content / "transcripts" / "000_dc2035bffcbcb803.meta.yaml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "tags: nac, turkey\n", encoding="utf-8")
    line = sidecar.read_text(encoding="utf-8").count("\n")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert f"    transcripts/000_dc2035bffcbcb803.meta.yaml:{line}: unknown metadata field 'tags', kept under " \
           "'extra' in the transcript's JSON; rename it to a known field or remove it" in result.output
    [warning] = json.loads(report.read_text(encoding="utf-8"))["warnings"]["unknown-field"]
    assert (warning["path"], warning["line"]) == ("transcripts/000_dc2035bffcbcb803.meta.yaml", line)
    strict = CliRunner().invoke(main, ["check", "--content", str(content), "--strict"])
    assert strict.exit_code == 1
    assert "  unknown-field (1):" in strict.output


def test_check_fails_on_warnings_only_when_strict(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "transcripts" / "unknown.txt").write_text(
        "Secretary General: Hello.\n\nQ (Reuters): A question?\n\nSecretary General: An answer.\n\n"
        "Borislav Tudor-Whitfield: One more thing.\n", encoding="utf-8")
    (content / "transcripts" / "unknown.meta.yaml").write_text(
        "title: Press point\ndate: 2020-01-01\nevent_type: press-point\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "--content", str(content)]).exit_code == 0
    strict = CliRunner().invoke(main, ["check", "--content", str(content), "--strict"])
    assert strict.exit_code == 1
    assert "unattributed-label" in strict.output


def test_a_broken_people_file_is_an_error_naming_it(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "people.yaml").write_text("roles: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert "people.yaml" in result.output


def test_a_broken_topics_file_is_an_error_naming_it_and_the_line(tmp_path: Path) -> None:
    content = copy_content(tmp_path)
    (content / "topics.yaml").write_text("topics:\n  - name: Ukraine\n    slug: UKRAINE!\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert "topics.yaml:" in result.output
