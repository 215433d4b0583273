"""Fixtures of the cache tests: a content folder to edit, and what the parser was asked to parse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.parsing.corpus as parsing_corpus
from tests.support import CONTENT


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    """A copy of the repository's content folder, free to edit."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture()
def parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources parse_document is called for (in-process runs only)."""
    seen: list[str] = []
    real = parsing_corpus.parse_document

    def counting(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(document.source)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(parsing_corpus, "parse_document", counting)
    return seen
