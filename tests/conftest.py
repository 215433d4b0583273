"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import CONTENT


@pytest.fixture(scope="session")
def content_dir() -> Path:
    """The repository's own content folder (seeds, people, outlets, topics)."""
    return CONTENT
