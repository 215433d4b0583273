"""Paths every test module may need (import as ``from tests.support import ...``)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEEDS = sorted((CONTENT / "transcripts").glob("*.txt"))
