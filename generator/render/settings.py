"""Choices the renderers take as input rather than hard-code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderSettings:
    """How the archive's pages are written."""

    title: str = "NATO Secretaries General: press conferences and interviews"
    """Heading of the home page."""

    latest: int = 10
    """How many of the newest transcripts the home page lists."""

    home_topics: int = 12
    """How many of the most recurring topics the home page shows."""

    words_per_minute: int = 200
    """Reading speed for the reading time shown on each transcript."""
