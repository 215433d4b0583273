"""Loading the directory files, and what a maintainer is told when they are wrong."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.directory import DirectoryError, RoleSpell, load_directory
from generator.errors import ContentError, Problem

DATE_HINT = "write 2014-10-01, or 2014-10 for a whole month, or 2014 for a whole year"


def problems_of(content: Path) -> list[str]:
    """Each problem's text with the content folder left out."""
    with pytest.raises(DirectoryError) as raised:
        load_directory(content)
    error = raised.value
    assert isinstance(error, ContentError)
    assert error.problem == error.problems[0]
    assert str(error) == "\n".join(str(p) for p in error.problems)
    return [str(p).replace(f"{content}/", "") for p in error.problems]


def test_terms_read_days_months_and_years(small_content: Path) -> None:
    directory = load_directory(small_content)
    john = directory.find_person("Jack Smith")
    carla = directory.find_person("Carla Jones")
    assert john is not None and carla is not None
    assert john.roles == (
        RoleSpell("deputy-chair", "Deputy Chair of the Board", date(2003, 1, 1), date(2003, 12, 31)),
        RoleSpell("chair", "Chair of the Board", date(2005, 6, 30), None),
    )
    assert carla.roles == (
        RoleSpell("deputy-chair", "Deputy Chair of the Board", date(2004, 2, 1), date(2004, 11, 30)),
    )


def test_small_directory_entries(small_content: Path) -> None:
    directory = load_directory(small_content)
    assert [r.id for r in directory.roles] == ["chair", "deputy-chair", "host"]
    assert [p.id for p in directory.people] == ["anna-smith", "john-smith", "carla-jones", "maria-lopez"]
    assert [o.id for o in directory.outlets] == ["daily-planet", "gazette"]
    assert directory.find_role("Host").kind == "moderator"
    assert directory.find_person("Maria Lopez").roles == ()


@pytest.fixture
def small_content(make_content: Callable[..., Path]) -> Path:
    return make_content()


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("people_unknown_role.yaml", ["people.yaml:9: role 'chiar' is not defined under `roles:` (use one of chair)"]),
        (
            "people_bad_date.yaml",
            [
                f"people.yaml:9: from '2001-13-01' of term of person 'anna-smith' is not a date ({DATE_HINT})",
                f"people.yaml:10: to '1 May 2007' of term of person 'anna-smith' is not a date ({DATE_HINT})",
            ],
        ),
        (
            "people_bad_range.yaml",
            [
                "people.yaml:9: term of person 'anna-smith' starts 2009-08-01 after it ends 2009-07-31"
                " (swap or correct `from` and `to`)"
            ],
        ),
        (
            "people_duplicate_id.yaml",
            ["people.yaml:8: person id 'anna-smith' is already used at line 6 (give each entry its own id)"],
        ),
        (
            "people_duplicate_alias.yaml",
            [
                "people.yaml:9: 'A Smith' already names person 'anna-smith' (line 6)"
                " (keep it on one entry only: a label must resolve to one person)"
            ],
        ),
        ("people_missing_name.yaml", ["people.yaml:6: person has no 'name' (add `name:` with text)"]),
        (
            "people_bad_yaml.yaml",
            [
                "people.yaml:7: not valid YAML: mapping values are not allowed here"
                " (fix the indentation, colons or quotes there)"
            ],
        ),
        (
            "people_bad_kind.yaml",
            ["people.yaml:2: kind 'chairperson' of role 'chair' is unknown (use official or moderator)"],
        ),
        (
            "people_bad_id.yaml",
            [
                "people.yaml:2: role id 'Chair' is not a slug"
                " (use lower-case ASCII words joined by hyphens, such as 'chair')"
            ],
        ),
        (
            "people_unknown_field.yaml",
            [
                "people.yaml:2: role has an unknown field 'alias' (use only id, title, kind, aliases)",
                "people.yaml:10: term of person 'anna-smith' has an unknown field 'form' (use only role, from, to)",
            ],
        ),
        (
            "people_unquoted_alias.yaml",
            [
                "people.yaml:6: alias False of person 'anna-smith' is not a name"
                " (quote it: YAML reads bare yes, no, on, off and numbers as other things)",
                "people.yaml:6: alias 42 of person 'anna-smith' is not a name"
                " (quote it: YAML reads bare yes, no, on, off and numbers as other things)",
            ],
        ),
        (
            "people_no_people.yaml",
            ["people.yaml:1: no `people:` list (put the entries in a list under a top-level `people:`)"],
        ),
        (
            "people_duplicate_field.yaml",
            ["people.yaml:6: person gives 'name' twice (keep one: YAML would silently use the last)"],
        ),
        ("people_empty.yaml", ["people.yaml: the file has no sections (it needs `roles:` and `people:`)"]),
        (
            "people_many_problems.yaml",
            [
                "people.yaml:6: person has no 'id' (add `id:` with text)",
                f"people.yaml:10: from 'someday' of term of person 'bob-brown' is not a date ({DATE_HINT})",
                "people.yaml:11: role 'judge' is not defined under `roles:` (use one of chair)",
                "people.yaml:12: term of person 'bob-brown' has no 'role' (add `role:` with a role id)",
            ],
        ),
    ],
)
def test_malformed_people(make_content: Callable[..., Path], fixture: str, expected: list[str]) -> None:
    assert problems_of(make_content(people=fixture)) == expected


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "outlets_duplicate_alias.yaml",
            [
                "outlets.yaml:5: 'D.P.' already names outlet 'daily-planet' (line 2)"
                " (keep it on one entry only: a label must resolve to one outlet)"
            ],
        ),
        ("outlets_missing_name.yaml", ["outlets.yaml:2: outlet has no 'name' (add `name:` with text)"]),
    ],
)
def test_malformed_outlets(make_content: Callable[..., Path], fixture: str, expected: list[str]) -> None:
    assert problems_of(make_content(outlets=fixture)) == expected


def test_problems_in_both_files_are_reported_together(make_content: Callable[..., Path]) -> None:
    content = make_content(people="people_unknown_role.yaml", outlets="outlets_missing_name.yaml")
    with pytest.raises(DirectoryError) as raised:
        load_directory(content)
    assert [(Path(p.path).name, p.line, p.code) for p in raised.value.problems] == [
        ("people.yaml", 9, "unknown-role"),
        ("outlets.yaml", 2, "missing-field"),
    ]
    assert raised.value.problem == Problem(
        str(content / "people.yaml"), 9, "unknown-role", "role 'chiar' is not defined under `roles:`",
        "use one of chair",
    )


def test_missing_files(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [
        "people.yaml: the file does not exist (create it with `roles:` and `people:`)",
        "outlets.yaml: the file does not exist (create it with `outlets:`)",
    ]
