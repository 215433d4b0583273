"""Where each generated file lives under the docs folder, and links between them.

One module owns the layout so that the URL scheme (and the open-data paths
documented in docs/open-data.md) change in one place.
"""

from __future__ import annotations

import functools
import posixpath
from typing import Literal
from urllib.parse import quote

HOME = "index.md"
YEARS = "years/index.md"
OPEN_DATA = "open-data.md"
TOPICS = "topics/index.md"
CORPUS_INDEX = "data/transcripts.json"
TRANSCRIPTS_DUMP = "data/transcripts.jsonl.gz"
QUESTIONS_TABLE = "data/questions.csv.gz"
ARCHIVE_FEED = "feeds/transcripts.xml"
DATA_PACKAGE = "data/datapackage.json"
PEOPLE = "people/index.md"
OUTLETS = "outlets/index.md"

Named = Literal["person", "outlet"]
"""What a page of a name is about: a person (under people/) or an outlet (under outlets/)."""
_FOLDERS: dict[Named, str] = {"person": "people", "outlet": "outlets"}


def transcript(slug: str) -> str:
    """The Markdown page of a transcript: transcripts/<slug>.md, URL transcripts/<slug>/."""
    return f"transcripts/{slug}.md"


def transcript_url(slug: str) -> str:
    """The transcript page's URL relative to the site root (MkDocs directory URLs)."""
    return f"transcripts/{slug}/"


def transcript_data(slug: str) -> str:
    """The transcript's JSON, in the parse format."""
    return f"data/transcripts/{slug}.json"


def topic(slug: str) -> str:
    """The page of a topic: topics/<slug>.md (big topics add topics/<slug>/<year>.md)."""
    return f"topics/{slug}.md"


def topic_feed(slug: str) -> str:
    """The Atom feed of a topic's newest transcripts."""
    return f"feeds/topics/{slug}.xml"


def named(kind: Named, slug: str) -> str:
    """The page of a person (people/<slug>.md) or of an outlet (outlets/<slug>.md)."""
    return f"{_FOLDERS[kind]}/{slug}.md"


def named_year(kind: Named, slug: str, year: int | None, month: int | None = None) -> str:
    """The page of what a person or outlet with year pages said or asked in one year,
    people/<slug>/<year>.md, or in one month of it, people/<slug>/<year>-<mm>.md."""
    if year is None:
        return f"{_FOLDERS[kind]}/{slug}/undated.md"
    return f"{_FOLDERS[kind]}/{slug}/{year}{'' if month is None else f'-{month:02}'}.md"


def named_feed(kind: Named, slug: str) -> str:
    """The Atom feed of the newest transcripts a person speaks in or an outlet asks in."""
    return f"feeds/{_FOLDERS[kind]}/{slug}.xml"


def redirect(url: str) -> str:
    """The file that keeps an old address ``url`` (transcripts/<slug>/) as a redirect: transcripts/<slug>/index.html.

    A static page, which MkDocs copies as it is and any static host serves at that address."""
    return f"{url}index.html"


def page_at(url: str) -> str:
    """The Markdown page MkDocs publishes at ``url`` (the inverse of :func:`url`): transcripts/x/ -> transcripts/x.md."""
    return f"{url.removesuffix('/')}.md" if url else HOME


def url(page: str) -> str:
    """A page's URL from the site root, as MkDocs makes it (directory URLs): topics/x.md -> topics/x/."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def topic_year(slug: str, year: int | None) -> str:
    """The page of a big topic's questions in one year: topics/<slug>/<year>.md (or undated.md)."""
    return f"topics/{slug}/{'undated' if year is None else year}.md"


def year(year: int | None) -> str:
    """The archive page of a year; undated transcripts get one of their own."""
    return f"years/{'undated' if year is None else year}.md"


def link(source: str, target: str) -> str:
    """A relative link from one docs file to another, as MkDocs validates it."""
    return _relative(target, posixpath.dirname(source) or ".")


@functools.lru_cache(maxsize=1 << 16)
def _relative(target: str, folder: str) -> str:
    # A site links from a few folders to each page many times over; relpath is slow.
    return posixpath.relpath(target, folder)


def cached_link(source: str, target: str) -> str:
    """``link(source, target)``, computed once per pair of folders (pages that list many links share a few)."""
    source_dir = source.rpartition("/")[0]
    target_dir, _slash, name = target.rpartition("/")
    prefix = _folder_link(source_dir, target_dir)
    return f"{prefix}/{name}" if prefix else name


@functools.lru_cache(maxsize=1024)
def _folder_link(source_dir: str, target_dir: str) -> str:
    # link of a file in target_dir, minus the file name: relpath is
    # slow (it asks the operating system for the working folder).
    probe = link(posixpath.join(source_dir, "x.md"), posixpath.join(target_dir, "x.md"))
    return posixpath.dirname(probe)


def fragment(anchor: str) -> str:
    """An anchor as a URL fragment: parser anchors are slugs, but nothing else may end the link."""
    return quote(anchor, safe="-_.~")
