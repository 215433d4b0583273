"""The public JSON format of a parsed transcript (``pressroom.transcript/1``).

Documented in docs/transcript-json.md. Field names and order are part of the
contract: researchers script against them.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from generator.model import SCHEMA, ExtraMap, ExtraValue, Person, Question, RemovedLine, Speaker, Transcript, Turn


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    """The transcript as plain JSON-ready data, in documented key order."""
    return {
        "schema": SCHEMA,
        "source": transcript.source,
        "slug": transcript.slug,
        "title": transcript.title,
        "event_type": transcript.event_type,
        "date": transcript.date.isoformat() if transcript.date else None,
        "date_end": transcript.date_end.isoformat() if transcript.date_end else None,
        "location": transcript.location,
        "source_url": transcript.source_url,
        "notes": list(transcript.notes),
        "language": transcript.language,
        "principal_speakers": [_person(p) for p in transcript.principal_speakers],
        "turns": [_turn(t) for t in transcript.turns],
        "questions": [_question(q) for q in transcript.questions],
        "removed": [_removed(r) for r in transcript.removed],
        "findings": [
            {"line": f.line, "code": f.code, "message": f.message, "file": f.file} for f in transcript.findings
        ],
        "mended_lines": list(transcript.mended_lines),
        "facts": dict(transcript.facts),
        "from_text": list(transcript.from_text),
        "extra": {name: _extra(value) for name, value in transcript.extra},
    }


def transcript_to_json(transcript: Transcript) -> str:
    """Stable, human-diffable JSON text (UTF-8, two-space indent, newline at end)."""
    return dumps_indented(transcript_to_dict(transcript))


def dumps_indented(data: Any) -> str:
    """``data`` as JSON text with a two-space indent and a newline at the end, byte for byte
    what ``json.dumps(data, ensure_ascii=False, indent=2)`` writes.

    orjson writes it, because the standard library falls back to its
    pure-Python encoder whenever an indent is asked for.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
    except orjson.JSONEncodeError:  # a lone surrogate, which orjson refuses and json escapes
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _person(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "role": person.role}


def _speaker(speaker: Speaker) -> dict[str, Any]:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "role": speaker.role,
        "outlet": speaker.outlet,
        "label": speaker.label,
    }


def _turn(turn: Turn) -> dict[str, Any]:
    return {
        "id": turn.id,
        "kind": turn.kind.value,
        "line": turn.line,
        "speaker": _speaker(turn.speaker),
        "paragraphs": list(turn.paragraphs),
    }


def _question(question: Question) -> dict[str, Any]:
    return {
        "number": question.number,
        "anchor": question.anchor,
        "turn": question.turn,
        "asker": question.asker,
        "outlet": question.outlet,
        "answers": list(question.answers),
        "follow_up_of": question.follow_up_of,
    }


def _extra(value: ExtraValue) -> Any:
    """An unknown metadata field's value as JSON: tuples as lists, ExtraMaps as objects."""
    if isinstance(value, ExtraMap):
        return {key: _extra(item) for key, item in value.items}
    if isinstance(value, tuple):
        return [_extra(item) for item in value]
    return value


def _removed(removed: RemovedLine) -> dict[str, Any]:
    return {"line": removed.line, "text": removed.text, "rule": removed.rule}
