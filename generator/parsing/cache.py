"""A cache of parsed transcripts, so a rebuild parses only what changed.

Entries are keyed by what the result depends on: the bytes of the raw file
and its sidecar, the people and outlets files, the parser's own code, and,
for the transcript, how often its lines occur elsewhere in the corpus (the
"repeated across the corpus" rule reads that). Change any of them and the
key changes; nothing is ever invalidated by hand. Entries are pickles in a
folder of the build's own (``.pressroom/cache`` by default), never published.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import generator

# The packages whose code decides what a parse produces.
_PARSER_PACKAGES = ("reading", "cleaning", "labels", "parsing", "directory")
_PARSER_MODULES = ("model.py", "errors.py")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the parser's source: a new parser version never reads old entries."""
    root = Path(generator.__file__).parent
    files = sorted(
        [path for package in _PARSER_PACKAGES for path in (root / package).rglob("*.py")]
        + [root / name for name in _PARSER_MODULES]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ParseCache:
    """Line keys and transcripts of files already parsed, on disk."""

    def __init__(self, folder: Path, directory_files: Iterable[Path]) -> None:
        self._folder = folder
        digest = hashlib.sha256(code_fingerprint().encode())
        for path in directory_files:
            digest.update(path.read_bytes() if path.is_file() else b"")
        self._context = digest.hexdigest()

    def file_key(self, path: Path, sidecar: Path | None) -> str:
        """The key of one raw file with its sidecar, in this code and directory."""
        digest = hashlib.sha256(self._context.encode())
        digest.update(path.read_bytes())
        digest.update(b"\0" + (sidecar.read_bytes() if sidecar else b""))
        digest.update(b"\0" + path.name.encode())
        return digest.hexdigest()

    @staticmethod
    def transcript_key(file_key: str, census: Mapping[str, int]) -> str:
        """A file's key with the corpus facts its parse read."""
        digest = hashlib.sha256(file_key.encode())
        for line_key, count in sorted(census.items()):
            digest.update(f"{line_key}\0{count}\n".encode())
        return digest.hexdigest()

    def get(self, kind: str, key: str) -> Any | None:
        path = self._path(kind, key)
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None  # missing or from an older model: parse again

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a build stopped half-way never leaves half an entry.
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)

    def _path(self, kind: str, key: str) -> Path:
        return self._folder / kind / key[:2] / f"{key}.pickle"
