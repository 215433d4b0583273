"""Choices the renderers take as input rather than hard-code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DataLicence:
    """The licence of the archive's open data, as the Open data page and the data package state it."""

    name: str = "CC0-1.0"
    """Its SPDX identifier."""

    title: str = "CC0 1.0 Universal"

    url: str = "https://creativecommons.org/publicdomain/zero/1.0/"

    statement: str = (
        "The words of each transcript are as its publisher released them (its source says where): "
        "quote them as you would the original, with the source. What this archive adds to them (the "
        "speakers, questions and answers, their anchors, the topics, the index and the downloads) is "
        "dedicated to the public domain under CC0 1.0."
    )
    """What the Open data page says, in full."""


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

    page_chips: int = 8
    """Topic chips at the top of a transcript page: its strongest main topics."""

    unit_chips: int = 3
    """Topic chips under a question's (or the opening statement's) heading: its strongest topics."""

    asked_elsewhere: int = 3
    """Similar questions of other transcripts listed after a question's answers."""

    data_licence: DataLicence = field(default_factory=DataLicence)

    downloads: bool = True
    """Publish the whole archive as downloads (JSON Lines of every transcript, CSV of every
    question); each edit writes them again."""
