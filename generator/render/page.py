"""What renderers produce: a file of the generated docs folder."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One generated file: its path under the docs folder (POSIX, relative) and its text
    (bytes for a file that is not text, such as a gzipped download)."""

    path: str
    text: str | bytes

    def encoded(self) -> bytes:
        """The file's bytes: its text in UTF-8."""
        return self.text.encode("utf-8") if isinstance(self.text, str) else self.text
