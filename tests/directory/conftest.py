"""Fixtures for the directory tests: the shipped content and small fixtures."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.directory import Directory, load_directory

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="session")
def nato() -> Directory:
    """The directory as shipped in content/."""
    return load_directory(CONTENT)


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """A content folder holding the named fixture files as people.yaml and
    outlets.yaml (the valid small ones by default)."""

    def make(people: str = "people_valid.yaml", outlets: str = "outlets_valid.yaml") -> Path:
        shutil.copy(FIXTURES / people, tmp_path / "people.yaml")
        shutil.copy(FIXTURES / outlets, tmp_path / "outlets.yaml")
        return tmp_path

    return make


@pytest.fixture
def small(make_content: Callable[..., Path]) -> Directory:
    """The small fixture directory: shared surnames, handovers, overlaps."""
    return load_directory(make_content())
