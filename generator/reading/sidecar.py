"""Where a transcript's metadata file is: ``NAME.meta.yaml`` (or ``.meta.yml``) beside it."""

from __future__ import annotations

from pathlib import Path

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")


def sidecar_for(path: Path) -> Path | None:
    """The metadata file beside a transcript, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None
