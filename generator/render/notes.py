"""The editorial notes of a transcript page: what its metadata says about the record itself.

A note ("The date is the publication date on nato.int") qualifies the facts
above it, so each is a quiet line of its own right under them.
"""

from __future__ import annotations

from generator.model import Transcript

from .escape import inline

NOTE_CLASS = "pr-editorial"


def note_lines(transcript: Transcript) -> list[str]:
    """One Markdown paragraph per editorial note, in the metadata's order."""
    return [f"Note: {inline(note)}\n{{: .pr-meta .{NOTE_CLASS} }}" for note in transcript.notes if inline(note)]
