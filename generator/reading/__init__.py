"""Stage 1: a raw file on disk to a RawDocument (decoded lines + metadata).

:func:`read_raw` reads a file and its sidecar from disk, once; from those
bytes :func:`document_of` makes the RawDocument the parser reads and
:func:`census_lines` the lines the corpus census counts. :func:`read_document`
does both steps for one file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ContentError, Problem
from generator.model import Finding
from generator.reading.captions import caption_lines
from generator.reading.decode import UndecodableError, decode_bytes, normalise_text
from generator.reading.markdown_clip import looks_like_markdown, markdown_lines
from generator.reading.metadata import parse_metadata_yaml
from generator.reading.metadata_fields import Metadata
from generator.reading.sidecar import sidecar_for
from generator.reading.source_lines import SourceLine, plain_lines
from generator.reading.webpage import page_lines

__all__ = [
    "FORMATS", "TRANSCRIPT_SUFFIXES", "Metadata", "RawDocument", "RawFile", "SourceLine", "census_lines",
    "document_of", "read_document", "read_raw", "read_text",
]

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".vtt": "captions",
    ".srt": "captions",
    ".html": "html",
    ".htm": "html",
}
"""The format of a raw transcript, by the suffix of its file."""
TRANSCRIPT_SUFFIXES = tuple(FORMATS)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class RawDocument:
    """A decoded transcript file: its lines and the metadata given for it.

    ``findings`` are what reading its metadata warned of (unknown fields,
    values left out); parsing passes them on to the Transcript.
    """

    source: str  # the path as reported in messages and in the JSON
    lines: tuple[SourceLine, ...]
    metadata: Metadata
    encoding: str
    format: str  # "text", "markdown", "captions", "html": how the lines were read
    facts: tuple[tuple[str, str], ...] = ()
    """Facts the file's own structure states (a page's canonical address, its language)."""
    findings: tuple[Finding, ...] = ()
    """What reading the metadata warned of (an unknown field, a value that could not be read)."""


@dataclass(frozen=True)
class RawFile:
    """A raw transcript file's bytes and its sidecar's, as read from disk."""

    source: str  # the path as reported in messages and in the JSON
    name: str  # the file's name: its suffix says its format
    data: bytes
    sidecar: bytes | None = None
    sidecar_source: str = ""


def read_raw(path: Path, source: str | None = None) -> RawFile:
    """Read a raw transcript file and the sidecar metadata file beside it, if any."""
    source = source or str(path)
    data = path.read_bytes()
    sidecar = sidecar_for(path)
    if sidecar is None:
        return RawFile(source, path.name, data)
    return RawFile(source, path.name, data, sidecar.read_bytes(), str(Path(source).with_name(sidecar.name)))


def read_document(path: Path, source: str | None = None) -> RawDocument:
    """Read one raw transcript and the metadata beside or inside it (see :func:`document_of`)."""
    return document_of(read_raw(path, source))


def document_of(raw: RawFile) -> RawDocument:
    """The decoded transcript and its metadata, from the bytes read.

    Raises ContentError (naming the file) if it is empty, binary or not
    decodable, its metadata is not YAML or not a mapping, or metadata is
    given both in front-matter and beside it. A metadata field unknown or
    not readable is a finding on the document, not an error.
    """
    sidecar_metadata = None
    sidecar_findings: tuple[Finding, ...] = ()
    if raw.sidecar is not None:
        sidecar_metadata, sidecar_findings = parse_metadata_yaml(
            normalise_text(decode_bytes(raw.sidecar)[0]), raw.sidecar_source
        )
    return read_text(raw.data, raw.source, sidecar_metadata, suffix=Path(raw.name).suffix,
                     sidecar_findings=sidecar_findings)


def census_lines(raw: RawFile) -> list[str]:
    """The lines of a raw file, decoded and normalised, without reading its Markdown.

    What the corpus census needs: cheaper than :func:`document_of`, and
    raising the same errors for empty and binary files. A web page's lines
    are its blocks of text, not its lines of markup, so that a menu or a
    footer repeated across pages is counted as the cleaner sees it.
    """
    text = _decode(raw.data, raw.source)[0]
    if FORMATS.get(Path(raw.name).suffix.lower()) == "html":
        return [line.raw for line in _page(text, raw.source, 1)[0]]
    return text.split("\n")


def read_text(
    data: bytes,
    source: str,
    sidecar: Metadata | None = None,
    *,
    suffix: str = ".txt",
    sidecar_findings: tuple[Finding, ...] = (),
) -> RawDocument:
    """Decode and split raw bytes read from a file with that suffix; see :func:`read_document`.

    ``sidecar`` is the metadata read beside the file, ``sidecar_findings``
    what reading it warned of.
    """
    text, encoding = _decode(data, source)
    metadata, findings, body, first_number = _split_front_matter(text, source)
    if sidecar is not None:
        if metadata != Metadata():
            raise ContentError(Problem(source, 1, "metadata-twice",
                                       "metadata is given both in front-matter and in a sidecar file",
                                       "keep one of the two"))
        metadata, findings = sidecar, sidecar_findings
    text_format = metadata.format or FORMATS.get(suffix.lower(), "text")
    if text_format == "html":
        page, facts = _page(body, source, first_number)
        return RawDocument(source, page, metadata, encoding, text_format, facts, findings=findings)
    lines = body.split("\n")
    source_lines = caption_lines(lines, first_number) if text_format == "captions" else None
    if source_lines is None:
        if text_format == "captions":
            text_format = "text"  # no cue timing anywhere: a transcript saved under a caption file's name
        if not metadata.format and text_format == "text" and looks_like_markdown(body):
            text_format = "markdown"  # a web clip saved as .txt
        source_lines = markdown_lines(lines, first_number) if text_format == "markdown" else plain_lines(lines, first_number)
    return RawDocument(source, tuple(source_lines), metadata, encoding, text_format, findings=findings)


def _page(text: str, source: str, first_number: int) -> tuple[tuple[SourceLine, ...], tuple[tuple[str, str], ...]]:
    """A web page's lines and facts; a page that shows no text is an empty file."""
    page = page_lines(text, first_number)
    if not page.lines:
        raise ContentError(Problem(source, None, "empty-file", "the page has no visible text",
                                   "check that the scrape saved the page with its transcript"))
    return page.lines, page.facts


# A web page names its encoding near its top: <meta charset="windows-1251"> or the http-equiv form.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)


def _decode(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise ContentError(Problem(source, None, "empty-file", "the file is empty",
                                   "remove it, or replace it with the transcript text"))
    declared = None
    if FORMATS.get(Path(source).suffix.lower()) == "html":
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii") if found else None
    try:
        text, encoding = decode_bytes(data, declared)
    except UndecodableError as error:
        raise ContentError(Problem(source, None, "binary-file", f"cannot read this file as text: {error}",
                                   "save the transcript as UTF-8 text (.txt or .md)")) from None
    text = normalise_text(text)
    if not text.strip():
        raise ContentError(Problem(source, None, "empty-file", "the file has no visible text",
                                   "remove it, or replace it with the transcript text"))
    return text, encoding


def _split_front_matter(text: str, source: str) -> tuple[Metadata, tuple[Finding, ...], str, int]:
    match = _FRONT_MATTER.match(text)
    if not match or not _looks_like_mapping(match.group(1) or ""):
        return Metadata(), (), text, 1
    metadata, findings = parse_metadata_yaml(match.group(1) or "", source, first_line=2, front_matter=True)
    consumed = text[: match.end()].count("\n")
    return metadata, findings, text[match.end():], consumed + 1


def _looks_like_mapping(block: str) -> bool:
    """A transcript may open with a rule line; front-matter holds `key: value` lines."""
    lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and re.match(r"^[A-Za-z_][\w-]*\s*:", lines[0]) is not None
