"""Facts about a transcript that its text lacks: date, place, source, title.

They come from a sidecar file beside the transcript (``NAME.meta.yaml``) or
from YAML front-matter at the top of the raw file. One table owns the schema
(:data:`~generator.reading.metadata_fields.FIELDS`): each field has a type
and a check, and every problem names the file, the line and what to write
instead.

Metadata is read tolerantly, because transcripts arrive as their publishers
wrote them (a White House briefing's front-matter carries ``tags``,
``modified_time``, ``published_time``...). Only metadata that cannot be read
at all stops a file (a ContentError): text that is not YAML, YAML that is not
a mapping of ``field: value`` (and, as the reader checks, metadata given both
in front-matter and in a sidecar). Everything else is a warning, a
:class:`~generator.model.Finding` that ``--strict`` fails on:

* ``unknown-field``: a field not in ``FIELDS``. Its value is kept, in
  ``Metadata.extra`` and so under ``extra`` in the transcript's JSON (dates
  as ISO text, lists and mappings as they are; see
  :mod:`generator.reading.metadata_extra`).
* ``bad-<field>`` (``bad-date``, ``bad-source-url``, ...): a known field
  whose value cannot be read. That field alone is left out (named in
  ``Metadata.dropped``, so the page can say it is missing); the transcript
  is still published.
* ``duplicate-field``: a field given twice. The first is kept.

Aliases: one, ``permalink``, read as ``source_url`` when the metadata gives
no ``source_url`` and its value is an absolute http(s) address. Archives
that publish with static-site generators name the page's address so; a
relative permalink (``/2021/01/20/briefing/``) names a page of the scraped
site's own layout, so it is an unknown field like any other. ``tags``,
``category``, ``modified_time`` and ``published_time`` are not aliases:
none means one of the known fields (tags are not topics, a publication
time is not the event's date), so they are unknown fields, kept in
``extra``.

Values are YAML as written: quoted or not, folded (``>-``), literal (``|``)
or continued on the next line, with escapes in double quotes (``"\\_"`` is a
non-breaking space). Text fields are normalised as transcript text is (plain
spaces, whitespace collapsed to one space); a number or a "yes" in a text
field such as ``title`` or ``slug`` is the text written. ``date`` takes the
date part of a datetime, as written (not moved to another time zone).
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from generator.errors import ContentError, Problem
from generator.model import ExtraValue, Finding
from generator.reading.metadata_extra import Unkeepable, extra_value
from generator.reading.metadata_fields import ALIASES, FIELDS, Metadata

# libyaml's parser when PyYAML was built with it: the same nodes and marks, in C rather than Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_metadata_yaml(
    text: str, source: str, first_line: int = 1, *, front_matter: bool = False
) -> tuple[Metadata, tuple[Finding, ...]]:
    """Read YAML metadata text; ``first_line`` is where it starts in its file.

    Returns the metadata and a warning for each field unknown, given twice or
    with a value that cannot be read (see the module docstring). Findings name
    ``source`` as their file, unless ``front_matter`` says the text opens the
    transcript itself. Raises ContentError naming the file and line when the
    text is not YAML or not a mapping of ``field: value``.
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
        return Metadata(), ()
    if not isinstance(node, yaml.MappingNode):
        raise ContentError(Problem(source, first_line, "bad-metadata", "metadata must be a mapping of field: value",
                                   f"known fields: {', '.join(FIELDS)}"))
    file = None if front_matter else source
    findings: list[Finding] = []
    given = {key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    first_seen: dict[str, int] = {}
    values: dict[str, Any] = {}
    extra: dict[str, ExtraValue] = {}
    dropped: list[str] = []
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            findings.append(Finding(line, "unknown-field", "a metadata field named by a list or mapping is not "
                                    f"read; remove it (known fields: {', '.join(FIELDS)})", file))
            continue
        name = key_node.value
        if name in first_seen:
            findings.append(Finding(line, "duplicate-field",
                                    f"metadata field {name!r} is given twice (first on line {first_seen[name]}); "
                                    "the first value is kept: remove this one", file))
            continue
        first_seen[name] = line
        target = ALIASES.get(name)
        if target is not None and target not in given:
            try:
                values[target] = _read_field(target, value_node)
                continue
            except _BadValue:
                pass  # not what the alias stands for: an unknown field, kept as it is
        if name in FIELDS:
            try:
                values[name] = _read_field(name, value_node)
            except _BadValue as bad:
                dropped.append(name)
                findings.append(Finding(line, f"bad-{name.replace('_', '-')}",
                                        f"metadata field {name!r} is {bad}; the transcript is published without it",
                                        file))
            continue
        kept = ""
        try:
            extra[name] = extra_value(value_node)
        except Unkeepable as reason:
            kept = f" (its value is not kept: {reason})"
        findings.append(Finding(line, "unknown-field", _unknown_message(name, kept, target), file))
    metadata = Metadata(**values, extra=tuple(sorted(extra.items())), dropped=tuple(dropped))
    return metadata, tuple(findings)


_LISTS = ("speakers", "notes")  # the fields whose value may be a list


class _BadValue(ValueError):
    """A known field's value that cannot be read: "<the value>: <what to write instead>"."""


class _TextConstructor(yaml.constructor.SafeConstructor):
    """YAML's safe constructors, but a scalar that is not null is the text written.

    For fields whose values are text: a title "1984", a slug "2015" or a
    place "Yes" is that text, not a number or a boolean.
    """

    yaml_constructors = {
        **yaml.constructor.SafeConstructor.yaml_constructors,
        **{f"tag:yaml.org,2002:{tag}": yaml.constructor.SafeConstructor.construct_scalar
           for tag in ("bool", "int", "float", "timestamp", "binary")},
    }


def _read_field(name: str, node: yaml.Node) -> Any:
    """The checked value of known field ``name``; raises _BadValue saying what to write instead."""
    # A bare constructor, not a whole loader: a SafeLoader also sets up a
    # reader, scanner and parser, which cost ten times what constructing a
    # field's value does. Dates need YAML's timestamps, and a number is no
    # speaker's name; other fields read the text written.
    constructor = (yaml.constructor.SafeConstructor() if name in ("date", "speakers")
                   else _TextConstructor())
    # Only speakers and notes are lists, of names and of texts: any other list or
    # mapping is built empty, without its items (however deeply nested), and fails its check.
    deep = isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value)
    try:
        raw = constructor.construct_object(node, deep=name in _LISTS and deep)
    except (ValueError, yaml.YAMLError) as error:  # "2011-02-30": YAML reads it as a date and fails
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        fix = "write a real date as YYYY-MM-DD, e.g. 2015-11-24" if name == "date" else "write it as plain text"
        raise _BadValue(f"{_shown(node)}, which cannot be read ({reason}): {fix}") from None
    if raw is None:
        raise _BadValue("empty: give it a value or remove the line")
    try:
        return FIELDS[name](raw)
    except ValueError as error:
        raise _BadValue(f"{_shown(node)}: it {error}") from None


def _shown(node: yaml.Node) -> str:
    """A value as a message quotes it: the text written, or what kind of value it is."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    text = str(node.value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _unknown_message(name: str, kept: str, alias_of: str | None) -> str:
    """What an unknown field's warning says: where its value went and what to do."""
    kept = kept or ", kept under 'extra' in the transcript's JSON"
    text = f"unknown metadata field {name!r}{kept}; "
    if alias_of is not None:
        # Only here when the alias could not stand for its field: say why not.
        text += (f"{name!r} is read as {alias_of!r} only when {alias_of!r} is not given and the value is a full "
                 "http(s) address; ")
    close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.75)
    if close:
        text += f"did you mean {close[0]!r}? Else "
    return text + f"rename it to a known field or remove it (known fields: {', '.join(FIELDS)})"
