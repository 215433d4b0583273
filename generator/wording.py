"""Counts and lists in English, for pages and for the build's report alike."""

from __future__ import annotations

from collections.abc import Sequence


def count(number: int, singular: str, plural: str | None = None) -> str:
    """"1 question", "14 questions"; ``plural`` when adding an s will not do ("people")."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def series(items: Sequence[str], limit: int = 3) -> str:
    """"A", "A and B", "A, B and C", "A, B, C and 4 more"."""
    if len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"
