"""What one search costs a reader: bytes fetched and time to results, in Chromium.

    python -m benchmarks.query --site benchmarks/out/work/n10000/site
    python -m benchmarks.query --site site --query "nuclear deterrence" --query "Ukraine"

It serves the built site on 127.0.0.1, opens a transcript page in headless
Chromium (Debian's, /usr/bin/chromium), clicks into the header search and
types each query at once, as a paste would. For each query it reports the
bytes and requests the search fetched from the click until the results
showed (for the first query that includes loading Pagefind, which the
click starts while a reader types), and the milliseconds from the query
being entered to the first result, which include the search box's 120 ms
wait for typing to pause. With ``--pace 100`` it types each query a key
every 100 ms instead, as a reader does, and times from the last key;
``--every-word`` ticks the search box's "Every word" first; ``--outlet
NAME`` chooses that outlet in the search box's filters first, so that the
question index (in parts on a large archive) answers.

Limits (issue "Archive scale"): at most 500 KB and 300 ms for one query on
the 10,000-transcript site. The command exits 1 when a query exceeds them.
Build the site with ``python -m benchmarks.run --n 10000 --keep``.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, Response, sync_playwright

CHROMIUM = "/usr/bin/chromium"
MAX_BYTES = 500_000
MAX_MILLISECONDS = 300
QUERIES = ("nuclear deterrence", "Ukraine membership", "defence spending two percent")
RESULT = "#pr-search-results a[href*='#']"
SEARCH_FILES = re.compile(r"/pagefind(-full|-questions)?/")  # the quick, the every-word and the question index


@dataclass(frozen=True)
class QueryCost:
    """One query as a reader's browser ran it."""

    query: str
    bytes: int
    requests: int
    milliseconds: float
    results: int  # result links shown

    @property
    def within_limits(self) -> bool:
        return self.bytes <= MAX_BYTES and self.milliseconds <= MAX_MILLISECONDS


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` over HTTP on a free local port; its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure_queries(
    page: Page, url: str, start_page: str, queries: Sequence[str], pace: float | None = None,
    every_word: bool = False, outlet: str | None = None,
) -> list[QueryCost]:
    """Run ``queries`` one after another from the search box of ``url + start_page``.

    Each query is entered at once, as a paste would, or with ``pace`` a key
    at a time, ``pace`` milliseconds apart, as a reader types; the time is
    counted from the query being entered (its last key) to the first result.
    ``every_word``: with the search box's "Every word" ticked. ``outlet``:
    with that outlet chosen for each query (the first loads the question index).
    """
    fetched: list[Response] = []  # bodies are read after the timing: reading one is a round trip

    def on_response(response: Response) -> None:
        if SEARCH_FILES.search(response.url):
            fetched.append(response)

    page.goto(url + start_page)
    page.wait_for_load_state("networkidle")
    if every_word:
        page.locator("[data-pr-every-word]").evaluate("box => { box.checked = true; }")
    box = page.locator("[data-pr-search-query]")
    outlets = page.locator("select[data-pr-filter='outlet']")

    def choose(name: str) -> None:
        """Choose the outlet ``name`` ("": any) without a search of its own: the next query's search uses it."""
        outlets.evaluate("(select, name) => { select.value = name; }", name)

    if outlet is not None:
        box.click()
        page.locator("[data-pr-search-filters] summary").click()  # opening the filters loads their values
        outlets.locator("option").filter(has_text=outlet).first.wait_for(state="attached")
        page.keyboard.press("Escape")
    page.on("response", on_response)
    costs = []
    for query in queries:
        fetched.clear()
        box.click()  # the first click loads Pagefind, while a reader starts typing
        if outlet is not None:
            choose("")  # else the emptied box would list the outlet's questions, shown until the query's are
        box.fill("")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)  # past the box's pause for typing: the emptied box is not searched with the query
        if outlet is not None:
            choose(outlet)
        if pace is None:
            started = time.perf_counter()
            box.fill(query)
        else:
            box.press_sequentially(query, delay=pace)
            started = time.perf_counter()
        page.locator(RESULT).first.wait_for(state="visible")
        elapsed = (time.perf_counter() - started) * 1000
        page.wait_for_load_state("networkidle")  # fragments of further results still on their way count too
        size = sum(len(response.body()) for response in fetched)
        costs.append(QueryCost(query, size, len(fetched), round(elapsed, 1), page.locator(RESULT).count()))
        page.keyboard.press("Escape")
    return costs


def first_transcript(site: Path) -> str:
    """The path of a transcript page of the site, to search from."""
    pages = sorted((site / "transcripts").glob("*/index.html"))
    if not pages:
        raise SystemExit(f"{site} has no transcript pages: build the site first")
    return pages[len(pages) // 2].parent.relative_to(site).as_posix() + "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, required=True, help="a built site folder")
    parser.add_argument("--query", action="append", help=f"a query (repeatable; default: {', '.join(QUERIES)})")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--pace", type=float, metavar="MS",
                        help="type each query a key at a time, MS milliseconds apart, as a reader does "
                        "(default: enter it at once); the time is counted from the last key")
    parser.add_argument("--every-word", action="store_true", help='with the search box\'s "Every word" ticked')
    parser.add_argument("--outlet", metavar="NAME", help="with this outlet chosen in the search box's filters")
    args = parser.parse_args(argv)
    queries = args.query or list(QUERIES)
    with served(args.site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        try:
            costs = measure_queries(
                browser.new_page(), url, first_transcript(args.site), queries, args.pace, args.every_word, args.outlet
            )
        finally:
            browser.close()
    print("| query | fetched | requests | to first result | results shown |")
    print("|---|---:|---:|---:|---:|")
    for at, cost in enumerate(costs):
        note = " (first: loads Pagefind)" if at == 0 else ""
        print(f"| {cost.query}{note} | {cost.bytes / 1000:,.1f} KB | {cost.requests} | "
              f"{cost.milliseconds:,.0f} ms | {cost.results} |")
    if args.json:
        args.json.write_text(json.dumps([asdict(c) for c in costs], indent=2) + "\n", encoding="utf-8")
    over = [c.query for c in costs if not c.within_limits]
    if over:
        print(f"over {MAX_BYTES // 1000} KB or {MAX_MILLISECONDS} ms: {', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
