"""The ledger's file in the content folder: read strictly, written one line per anchor.

The file is committed with the content, so it is written to read well in a
diff: a line per page, then a line per question anchor of it, in URL order.
It is read as plain JSON, so a hand edit that keeps it JSON is fine.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from generator.errors import ContentError, Problem

from .model import Ledger, PublishedPage, PublishedQuestion

LEDGER_FILE = "published-urls.json"
"""The ledger's name in the content folder."""
SCHEMA = "pressroom.published/1"
_ADDRESS = re.compile(r"transcripts/[a-z0-9]+(?:-[a-z0-9]+)*/")  # as generator.reading checks a slug
_RESTORE = f"restore it with `git checkout -- {LEDGER_FILE}` in the content folder; the build rewrites it"


def read_ledger(content_dir: Path) -> Ledger:
    """The ledger kept in ``content_dir``; empty when the archive has none yet.

    Raises ContentError, naming the file and line, when it is not a ledger.
    """
    path = content_dir / LEDGER_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Ledger()
    except (OSError, UnicodeDecodeError) as error:
        raise _error(path, None, f"cannot read the ledger of published URLs: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _error(path, error.lineno, f"the ledger of published URLs is not JSON: {error.msg}") from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("pages"), dict):
        raise _error(path, 1, f'not a ledger of published URLs (expected an object with "schema": "{SCHEMA}" '
                              'and "pages")')
    pages = []
    for url, page in data["pages"].items():
        try:
            pages.append(_page(url, page))
        except (KeyError, TypeError, ValueError) as error:
            raise _error(path, _line_of(text, url), f"the entry of {url} is not a published page ({error})") from error
    return Ledger(tuple(sorted(pages, key=lambda page: page.url)))


def write_ledger(content_dir: Path, ledger: Ledger) -> bool:
    """Keep ``ledger`` in ``content_dir``; True when the file changed (it is not written when it would not)."""
    path = content_dir / LEDGER_FILE
    text = ledger_text(ledger)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    staged = path.with_name(f".{LEDGER_FILE}.new")
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)  # whole or not at all
    return True


def ledger_text(ledger: Ledger) -> str:
    """The ledger as its file holds it."""
    lines = ["{", f'  "schema": {_json(SCHEMA)},', '  "pages": {']
    for i, page in enumerate(ledger.pages):
        head = {"source": page.source, "source_url": page.source_url, "title": page.title, "year": page.year}
        fields = ", ".join(f"{_json(key)}: {_json(value)}" for key, value in head.items())
        end = "," if i + 1 < len(ledger.pages) else ""
        if not page.questions:
            lines.append(f'    {_json(page.url)}: {{{fields}, "questions": []}}{end}')
            continue
        lines.append(f'    {_json(page.url)}: {{{fields}, "questions": [')
        lines += [f"      {_json([q.anchor, q.number, q.said])}{',' if j + 1 < len(page.questions) else ''}"
                  for j, q in enumerate(page.questions)]
        lines.append(f"    ]}}{end}")
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def _page(url: str, page: dict[str, Any]) -> PublishedPage:
    if not _ADDRESS.fullmatch(url):
        # Also what keeps an address like "../../etc/" from leaving the output folder.
        raise ValueError("its address is not transcripts/<slug>/ with a slug of lower-case letters, digits and hyphens")
    year = page["year"]
    if year is not None and not isinstance(year, int):
        raise ValueError(f"year {year!r} is not a number")
    questions = []
    for anchor, number, said in page["questions"]:
        if not (isinstance(anchor, str) and isinstance(number, int) and isinstance(said, str)):
            raise ValueError(f"question {[anchor, number, said]!r} is not [anchor, number, digest]")
        questions.append(PublishedQuestion(anchor, number, said))
    for name in ("source", "source_url", "title"):
        if not isinstance(page[name], str):
            raise ValueError(f"{name} is not text")
    return PublishedPage(url, page["source"], page["source_url"], page["title"], year, tuple(questions))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _line_of(text: str, url: str) -> int | None:
    at = text.find(_json(url))
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _error(path: Path, line: int | None, message: str) -> ContentError:
    return ContentError(Problem(str(path), line, "bad-ledger", message, _RESTORE))
