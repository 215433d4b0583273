"""The plain alternative: what a maintainer gets from a thirty-line script instead of Pressroom.

Each raw transcript of a content folder is dumped as one Markdown page, a
title and its text, and built with the same MkDocs + Material theme
(transcripts out of the nav, no plugins), then indexed by Pagefind over the
transcript pages. It is the benchmark's denominator: Pressroom's build is
compared with it on the same raw corpus (docs/benchmark.md). Exactly:

- every file of ``transcripts/`` whose suffix Pressroom reads
  (``generator.reading.TRANSCRIPT_SUFFIXES``) becomes ``transcripts/<stem>.md``;
- its title is the ``title`` of its ``NAME.meta.yaml`` (or ``.meta.yml``),
  else the file's name;
- its text is the file decoded as UTF-8 (UTF-16 and UTF-8 with a byte-order
  mark by their mark; bytes that are not UTF-8 become U+FFFD), front-matter
  and caption timings included, as a dump would keep them; a web page's text
  is what the standard library's ``html.parser`` gives outside ``script``,
  ``style`` and ``title``, a paragraph break at each block element;
- the text is escaped to render as text: HTML's ``& < >`` as entities,
  Markdown's inline markers (backslash, backtick, ``* _ [ ] { }``) and any
  block marker opening a line (``# - +``, ``1.``) with a backslash (``=``
  as ``&#61;``),
  leading white space dropped (no code blocks); lines keep their breaks
  (two trailing spaces), blank lines separate paragraphs.
"""

from __future__ import annotations

import codecs
import html
import os
import re
import shutil
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from benchmarks.memory import timed_command
from benchmarks.sizes import SEARCH_BUNDLES, transcript_pages, tree_size
from generator.reading import TRANSCRIPT_SUFFIXES
from generator.reading.sidecar import sidecar_for

ROOT = Path(__file__).resolve().parents[1]
PAGES = "transcripts/**/*.html"  # Pagefind reads transcript pages only, as the build's index does
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section"})
_HIDDEN = frozenset({"script", "style", "title"})  # not the page's text: the title is the head's
_INLINE = re.compile(r"([\\`*_\[\]{}])")  # Python-Markdown's escapes; braces for attr_list
_MARKER = re.compile(r"^([#+-])")  # a heading or list item (a quote's ">" is already "&gt;")
_NUMBERED = re.compile(r"^(\d+)\.")  # a numbered list item
_SETEXT = re.compile(r"^=")  # a heading's underline: no backslash escape for it, an entity


class _Text(HTMLParser):
    """A web page's text: its character data outside scripts, styles and the title, a paragraph break at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in _HIDDEN
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in _HIDDEN and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def decode(data: bytes) -> str:
    """The text of a raw file, as a script would decode it: UTF-8, or UTF-16 by its byte-order mark."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def page_text(path: Path) -> str:
    """The raw file's text; a web page's without its tags."""
    text = decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix.lower() in (".html", ".htm"):
        reader = _Text()
        reader.feed(text)
        reader.close()
        text = "".join(reader.parts)
    return text


def escape(text: str) -> str:
    """Markdown that renders ``text`` as text: its lines kept, its paragraphs at blank lines."""
    paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            paragraphs.append([])
            continue
        line = _INLINE.sub(r"\\\1", html.escape(line, quote=False))
        line = _SETEXT.sub("&#61;", _NUMBERED.sub(r"\1\\.", _MARKER.sub(r"\\\1", line)))
        paragraphs[-1].append(line)
    return "\n\n".join("  \n".join(lines) for lines in paragraphs if lines)


def title_of(path: Path) -> str:
    """The sidecar's title, else the file's name."""
    sidecar = sidecar_for(path)
    meta = yaml.safe_load(sidecar.read_text(encoding="utf-8")) if sidecar else None
    title = meta.get("title") if isinstance(meta, dict) else None
    return " ".join(str(title).split()) if title else path.name


def plain_page(path: Path) -> str:
    """One raw transcript as a plain Markdown page: its title as a heading, then its text."""
    return f"# {escape(title_of(path))}\n\n{escape(page_text(path))}\n"


def raw_transcripts(content_dir: Path) -> list[Path]:
    """Every raw transcript file under ``content_dir/transcripts``, of any format Pressroom reads."""
    return sorted(path for path in (content_dir / "transcripts").rglob("*")
                  if path.suffix.lower() in TRANSCRIPT_SUFFIXES and path.is_file() and not path.name.startswith("."))


def write_pages(content_dir: Path, docs_dir: Path) -> int:
    """Write ``transcripts/<stem>.md`` for every raw transcript and a home page; how many pages.

    Files of one stem (``a.vtt`` and ``a.srt``) make one page, the last one's, as a dump overwrites.
    """
    shutil.rmtree(docs_dir, ignore_errors=True)
    (docs_dir / "transcripts").mkdir(parents=True)
    paths = raw_transcripts(content_dir)
    for path in paths:
        (docs_dir / "transcripts" / f"{path.stem}.md").write_text(plain_page(path), encoding="utf-8")
    pages = len({path.stem for path in paths})
    (docs_dir / "index.md").write_text(f"# Transcripts\n\n{pages:,} transcripts; use the search.\n", encoding="utf-8")
    return pages


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: an ``!ENV [NAME, default]`` value is its default (the build runs without them)."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))


def plain_config(root: Path = ROOT) -> dict[str, Any]:
    """The repository's mkdocs.yml with transcripts out of the nav and no plugins.

    Theme, custom_dir, palette, extra CSS and scripts, Markdown extensions and
    validation stay as the archive has them; the theme folder is named by its
    absolute path so the config can live anywhere.
    """
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    theme = dict(config["theme"])
    if "custom_dir" in theme:
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    config.update(docs_dir="docs", site_dir="site", use_directory_urls=True, theme=theme, plugins=[],
                  nav=[{"Home": "index.md"}], not_in_nav="/transcripts/\n")
    return config


def plain_build(content_dir: Path, project: Path) -> dict[str, Any]:
    """Write the plain pages into ``project``, build them with MkDocs, index them with Pagefind; the figures.

    Both tools run as commands in child processes, as a maintainer runs them:
    wall and CPU time and peak resident memory of each, the site's bytes
    without and with the Pagefind bundle, and bytes per transcript.
    """
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(), sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    load = os.getloadavg()[0]  # the build just before may have left the machine busier or quieter: say which
    start = time.perf_counter()
    transcripts = write_pages(content_dir, project / "docs")
    result: dict[str, Any] = {"transcripts": transcripts, "write_seconds": time.perf_counter() - start,
                              "load_average": load}
    result["mkdocs"] = timed_command([sys.executable, "-m", "mkdocs", "build"], project)
    if "error" in result["mkdocs"]:
        return result
    result["pagefind"] = timed_command([sys.executable, "-m", "pagefind", "--site", "site", "--glob", PAGES], project)
    site = project / "site"
    site_bytes, _ = tree_size(site, skip=SEARCH_BUNDLES)
    index_bytes, _ = tree_size(site / SEARCH_BUNDLES[0])
    result.update(
        seconds=result["mkdocs"]["seconds"] + result["pagefind"]["seconds"],
        peak_bytes=max(result["mkdocs"]["peak_bytes"] or 0, result["pagefind"]["peak_bytes"] or 0) or None,
        site_bytes=site_bytes, index_bytes=index_bytes,
        site_bytes_per_transcript=(site_bytes + index_bytes) / transcripts if transcripts else None,
        transcript_pages=transcript_pages(project / "docs", site),
    )
    return result
