"""What renderers produce: a file of the generated docs folder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One generated file: its path under the docs folder (POSIX, relative) and its text."""

    path: str
    text: str
