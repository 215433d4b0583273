"""What a maintainer waits for in ``pressroom serve`` after saving one transcript.

    python -m benchmarks.preview --n 1000

On a copy of the synthetic corpus of N transcripts it runs the preview as
``pressroom serve`` does (its build, HTTP server and change polling, in this
process), waits for the first build and its search index, then changes one
word of a transcript's speech to a word found nowhere else, several times
over, each edit once the previous one's index is refreshed. It checks that
the served page and the every-word search index hold the new word, and
reports for each edit the seconds from saving the file

- to the rebuilt page being served with the new word (the preview's build:
  the generator's stages and MkDocs' dirty build; the polling adds up to
  ``--interval``);
- to the search index being refreshed (Pagefind, in the background).

It prints a table and writes ``OUT/preview-latest.json``. The work folder is
deleted afterwards unless --keep. See docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.run import ensure_corpus
from benchmarks.stages import GENERATOR
from tests.support import indexed_text

SCHEMA = "pressroom.benchmark-preview/1"
ROOT = Path(__file__).resolve().parent.parent


class _Events:
    """The preview's builds and index refreshes, with the time each was told."""

    def __init__(self) -> None:
        self.builds: list[tuple[float, Any]] = []
        self.indexes: list[tuple[float, Any, float]] = []
        self.urls: list[str] = []

    def wait(self, condition: Any, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("the preview did not answer in time")
            time.sleep(0.02)


def measure(content: Path, work: Path, edits: int, interval: float, timeout: float) -> dict[str, Any]:
    """Run the preview on ``content`` and time ``edits`` edits; the figures as plain data."""
    from generator.build import BuildReport, BuildSettings
    from generator.preview import preview

    events = _Events()
    settings = BuildSettings(content_dir=content, site_dir=work / "site", docs_dir=work / "docs",
                             cache_dir=work / "cache", config_file=ROOT / "mkdocs.yml")
    stop = threading.Event()
    started = time.monotonic()
    thread = threading.Thread(target=preview, daemon=True, kwargs={
        "settings": settings, "port": 0, "interval": interval, "stop": stop, "ready": events.urls.append,
        "on_build": lambda report: events.builds.append((time.monotonic(), report)),
        "on_indexed": lambda index, seconds: events.indexes.append((time.monotonic(), index, seconds)),
    })
    thread.start()
    try:
        events.wait(lambda: events.indexes, timeout)
        first_build, first_index = events.builds[0][0] - started, events.indexes[0][0] - started
        rows = []
        for number in range(edits):
            word = f"previewmark{number}"
            edited = _edit(content, number, word)
            saved = time.monotonic()
            events.wait(lambda count=number + 2: len(events.indexes) >= count, timeout)
            built_at, report = events.builds[number + 1]
            if not isinstance(report, BuildReport):
                raise SystemExit(f"the preview's build failed: {report}")
            indexed_at, index, index_seconds = events.indexes[number + 1]
            if isinstance(index, Exception):
                raise SystemExit(f"the search index was not refreshed: {index}")
            page = _page_with(settings.docs_dir, word)
            html = urllib.request.urlopen(events.urls[0] + page).read().decode()
            rows.append({
                "edited": edited,
                "page_shown_seconds": round(built_at - saved, 3),
                "search_refreshed_seconds": round(indexed_at - saved, 3),
                "stages": dict(report.timings),
                "pages_rendered": report.rendered,
                "indexing_seconds": round(index_seconds, 3),
                "page_has_word": word in html,
                "index_has_word": word in indexed_text(settings.site_dir / "pagefind-full").get("/" + page, ""),
            })
    finally:
        stop.set()
        thread.join(timeout=timeout)
    return {"first_build_seconds": round(first_build, 3), "first_index_seconds": round(first_index, 3),
            "edits": rows}


def _edit(content: Path, skip: int, word: str) -> str:
    """Replace a " the " past the middle of a transcript in the middle of the corpus (past ``skip``
    files) with ``word``; the raw file's path in the content folder. UTF-16 files have no ASCII " the "."""
    files = sorted((content / "transcripts").glob("*.txt"))
    middle = len(files) // 2 + skip
    for target in files[middle:] + files[:middle]:
        data = target.read_bytes()
        at = data.find(b" the ", len(data) // 2)
        if at >= 0:
            target.write_bytes(data[:at] + f" {word} ".encode() + data[at + 5:])
            return target.relative_to(content).as_posix()
    raise SystemExit(f"found no word to change in {content}")


def _page_with(docs: Path, word: str) -> str:
    """The URL path of the one transcript page whose Markdown holds ``word``."""
    found = [page for page in (docs / "transcripts").glob("*.md") if word in page.read_text(encoding="utf-8")]
    if len(found) != 1:
        raise SystemExit(f"{word!r} is on {len(found)} transcript pages, not one")
    return f"transcripts/{found[0].stem}/"


def table(result: dict[str, Any]) -> str:
    """The edits as a Markdown table, a row each, and their medians."""
    lines = [
        (f"N = {result['n']:,}; first build {result['first_build_seconds']:.1f} s, "
         f"its search index {result['first_index_seconds']:.1f} s after the start"),
        "",
        "| edit | page served | search refreshed | generator | MkDocs (dirty) | pages rendered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for number, row in enumerate(result["edits"], 1):
        stages = row["stages"]
        generator = sum(stages[name] for name in GENERATOR)
        lines.append(f"| {number} | {row['page_shown_seconds']:.2f} s | {row['search_refreshed_seconds']:.1f} s | "
                     f"{generator:.2f} s | {stages['site']:.2f} s | {row['pages_rendered']:,} |")
    shown = statistics.median(row["page_shown_seconds"] for row in result["edits"])
    refreshed = statistics.median(row["search_refreshed_seconds"] for row in result["edits"])
    lines.append(f"| median | {shown:.2f} s | {refreshed:.1f} s | | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--edits", type=int, default=3, help="edits to time (default 3)")
    parser.add_argument("--interval", type=float, default=1.0,
                        help="seconds between looks for changes (default 1, as pressroom serve)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for any one step")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)

    corpus, _ = ensure_corpus(args.out, args.n, args.seed)
    work = args.out / "work" / f"preview-n{args.n}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(corpus, work / "content")
    result = {"schema": SCHEMA, "n": args.n, "seed": args.seed, "interval": args.interval,
              **measure(work / "content", work, args.edits, args.interval, args.timeout)}
    (args.out / "preview-latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    missing = [row["edited"] for row in result["edits"] if not (row["page_has_word"] and row["index_has_word"])]
    if missing:
        print(f"the served page or the search index lacks the edit of: {', '.join(missing)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
