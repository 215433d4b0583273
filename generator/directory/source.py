"""YAML files read with the line of every mapping, and their problems.

Problems are collected on a Source rather than raised, so that one run
reports everything wrong with a file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem


class LocatedMapping(dict[Hashable, Any]):
    """A YAML mapping that remembers the line it starts on and the keys it
    repeats (YAML would silently keep only the last value)."""

    line: int | None = None
    repeated: tuple[str, ...] = ()


class LocatedSequence(list[Any]):
    """A YAML sequence that remembers the line it starts on."""

    line: int | None = None


class _Loader(yaml.SafeLoader):
    """Safe loader that records lines and leaves dates as text.

    Dates stay text so that an impossible one (2014-13-01) becomes a located
    bad-date problem instead of aborting the whole file.
    """


class _FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """The same loader on libyaml's parser, which is written in C: the people and
    outlets files are read at every build. Its error messages are worded differently, so a
    file it rejects is read again by :class:`_Loader` for the message."""


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LocatedMapping:
    value = LocatedMapping(loader.construct_mapping(node, deep=True))
    value.line = node.start_mark.line + 1
    counts = Counter(str(key.value) for key, _ in node.value)
    value.repeated = tuple(key for key, count in counts.items() if count > 1)
    return value


def _sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedSequence:
    value = LocatedSequence(loader.construct_sequence(node, deep=True))
    value.line = node.start_mark.line + 1
    return value


# Typed as the loaders call it: the PyYAML stubs' add_constructor rejects a method of SafeConstructor itself.
_scalar: Callable[[yaml.SafeLoader, yaml.ScalarNode], str] = yaml.SafeLoader.construct_scalar

for _loader in (_Loader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _scalar)


def _load_yaml(text: str) -> Any:
    """The YAML text's data, as :class:`_Loader` reads it, or its error."""
    try:
        return yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)


@dataclass
class Source:
    """One directory file and the problems found in it."""

    path: Path
    problems: list[Problem]

    def report(self, line: int | None, code: str, message: str, hint: str) -> None:
        self.problems.append(Problem(str(self.path), line, code, message, hint))

    def read(self, *sections: str) -> list[list[LocatedMapping]]:
        """The entries of each section, [] for one that could not be read."""
        wanted = " and ".join(f"`{name}:`" for name in sections)
        try:
            data = _load_yaml(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.report(None, "missing-file", "the file does not exist", f"create it with {wanted}")
            return [[] for _ in sections]
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            self.report(mark.line + 1 if mark else None, "bad-yaml", f"not valid YAML: {error.problem}",
                        "fix the indentation, colons or quotes there")
            return [[] for _ in sections]
        if not isinstance(data, LocatedMapping):
            self.report(None, "empty-file", "the file has no sections", f"it needs {wanted}")
            return [[] for _ in sections]
        self.check_keys(data, "the file", sections)
        return [self._entries(data, name) for name in sections]

    def _entries(self, data: LocatedMapping, name: str) -> list[LocatedMapping]:
        entries = data.get(name)
        if not isinstance(entries, LocatedSequence):
            self.report(data.line, "bad-shape", f"no `{name}:` list",
                        f"put the entries in a list under a top-level `{name}:`")
            return []
        good = [entry for entry in entries if isinstance(entry, LocatedMapping)]
        if len(good) < len(entries):
            self.report(entries.line, "bad-shape", f"an entry under `{name}:` is not a mapping",
                        "start each entry with `- id: ...` and give its fields as `key: value`")
        return good

    def check_keys(self, entry: LocatedMapping, what: str, allowed: Sequence[str]) -> None:
        """Report fields given twice, and fields nobody reads (most often a
        misspelt one)."""
        for key in entry.repeated:
            self.report(entry.line, "duplicate-field", f"{what} gives {key!r} twice",
                        "keep one: YAML would silently use the last")
        for given in entry:
            if given not in allowed:
                self.report(entry.line, "unknown-field", f"{what} has an unknown field {given!r}",
                            f"use only {', '.join(allowed)}")
