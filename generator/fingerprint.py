"""A digest of the generator's own source, for everything kept between builds.

Caches, memos and page keys include it, so that a new version of the code
never takes what an older one made for its own.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import generator

ALL = ("",)
"""As ``packages``: the whole generator package, top-level modules included."""


@lru_cache(maxsize=None)
def source_fingerprint(packages: tuple[str, ...], modules: tuple[str, ...] = ()) -> str:
    """A digest of the source of some of generator's packages (``ALL``: every one) and modules."""
    root = Path(generator.__file__).parent
    files = sorted(
        {path for package in packages for path in (root / package).rglob("*.py")}
        | {root / name for name in modules}
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
