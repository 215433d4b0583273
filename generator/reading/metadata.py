"""Facts about a transcript that its text lacks: date, place, source, title.

They come from a sidecar file beside the transcript (``NAME.meta.yaml``) or
from YAML front-matter at the top of the raw file. One table owns the schema:
each field has a type and a check, and every problem names the file, the
line and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, Problem

EVENT_TYPES = (
    "press-conference",
    "joint-press-conference",
    "press-point",
    "doorstep",
    "statement",
    "speech",
    "remarks",
    "interview",
    "qa-session",
    "background-briefing",
    "briefing",
)
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
# libyaml's parser when PyYAML was built with it: the same nodes and marks, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Metadata:
    """Validated facts about one transcript; ``None`` where not given."""

    title: str | None = None
    date: dt.date | None = None
    location: str | None = None
    source_url: str | None = None
    event_type: str | None = None
    language: str | None = None
    slug: str | None = None
    speakers: tuple[str, ...] = ()
    format: str | None = None
    notes: str | None = None


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be non-empty text")
    return value.strip()


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError("must be a date written as YYYY-MM-DD, e.g. 2015-11-24")


def _url(value: Any) -> str:
    text = _text(value)
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", text):
        raise ValueError("must be a full http(s) address, e.g. https://www.nato.int/...")
    return text


def _event_type(value: Any) -> str:
    text = _text(value).lower().replace(" ", "-").replace("_", "-")
    if text not in EVENT_TYPES:
        raise ValueError(f"must be one of: {', '.join(EVENT_TYPES)}")
    return text


def _language(value: Any) -> str:
    text = _text(value)
    if not _LANGUAGE.match(text):
        raise ValueError("must be a language code such as en, fr or pt-BR")
    return text


def _slug(value: Any) -> str:
    text = _text(value)
    if not _SLUG.match(text):
        # Also what keeps a slug like "../../etc" from leaving the output folder.
        raise ValueError("must be lower-case letters, digits and single hyphens only, e.g. 2015-11-24-nac-statement")
    return text


def _speakers(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError("must be a list of names")
    return tuple(_text(item) for item in value)


def _format(value: Any) -> str:
    text = _text(value).lower()
    if text not in ("text", "markdown"):
        raise ValueError("must be text or markdown")
    return text


FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "date": _date,
    "location": _text,
    "source_url": _url,
    "event_type": _event_type,
    "language": _language,
    "slug": _slug,
    "speakers": _speakers,
    "format": _format,
    "notes": _text,
}


def sidecar_for(path: Path) -> Path | None:
    """The metadata file beside a transcript, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def parse_metadata_yaml(text: str, source: str, first_line: int = 1) -> Metadata:
    """Validate YAML metadata text; ``first_line`` is where it starts in its file.

    Raises ContentError naming the file, line and field on the first problem.
    """
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        raise ContentError(
            Problem(source, line, "bad-metadata", f"metadata is not valid YAML ({getattr(error, 'problem', error)})",
                    "write one 'field: value' per line; quote values that contain a colon")
        ) from None
    if node is None:
        return Metadata()
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(Problem(source, first_line, "bad-metadata", "metadata must be a mapping of field: value",
                                   f"known fields: {', '.join(FIELDS)}"))
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        key = key_node.value
        if key not in FIELDS:
            raise ContentError(Problem(source, line, "unknown-field", f"unknown metadata field {key!r}",
                                       f"known fields: {', '.join(FIELDS)}"))
        if key in values:
            raise ContentError(Problem(source, line, "duplicate-field", f"metadata field {key!r} is given twice",
                                       "keep one"))
        try:
            raw = _construct(value_node)
        except (ValueError, yaml.YAMLError) as error:  # "2011-02-30": YAML reads it as a date and fails
            raise ContentError(Problem(source, line, f"bad-{key.replace('_', '-')}",
                                       f"metadata field {key!r} cannot be read: "
                                       f"{getattr(value_node, 'value', '')!r} ({error})",
                                       "write a real date as YYYY-MM-DD" if key == "date" else
                                       "check the value")) from None
        try:
            values[key] = FIELDS[key](raw)
        except ValueError as error:
            raise ContentError(Problem(source, line, f"bad-{key.replace('_', '-')}",
                                       f"metadata field {key!r} {error}", f"got {raw!r}")) from None
    return Metadata(**values)


def _construct(node: yaml.Node) -> Any:
    """Turn one YAML node into a Python value with the safe constructors.

    A bare constructor, not a whole loader: a SafeLoader also sets up a
    reader, scanner and parser, which cost ten times what constructing a
    field's value does.
    """
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
