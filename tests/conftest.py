"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Transcript
from generator.topics import Taxonomy, load_taxonomy
from tests.render.conftest import make_transcript
from tests.support import CONTENT


@pytest.fixture(scope="session")
def content_dir() -> Path:
    """The repository's own content folder (seeds, people, outlets, topics)."""
    return CONTENT


@pytest.fixture
def transcript() -> Transcript:
    return make_transcript()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The shipped taxonomy, content/topics.yaml."""
    return load_taxonomy(CONTENT / "topics.yaml", display_path="content/topics.yaml")
