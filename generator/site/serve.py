"""Serve a built site on this machine and rebuild it when its sources change.

Changes are found by polling modification times once a second: no extra
dependency, and it behaves the same on every filesystem (including network
and container mounts where change notifications do not arrive).

The search index is refreshed in the background (:class:`SearchRefresh`):
Pagefind reads every page again, so it takes far longer than the rest of a
rebuild, and an edited page should show as soon as it is built.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .search import IndexingCancelled, SearchIndex, index_site

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under ``paths``."""
    found: Snapshot = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for file in files:
            try:
                stat = file.stat()
            except FileNotFoundError:  # deleted while we looked
                continue
            found[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


def serve(
    site_dir: Path,
    watch: Iterable[Path],
    rebuild: Callable[[], None],
    host: str = "127.0.0.1",
    port: int = 8000,
    interval: float = 1.0,
    stop: threading.Event | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``site_dir`` at http://host:port/ and call ``rebuild`` after a change under ``watch``.

    Runs until ``stop`` is set (or the process is interrupted); ``ready``
    receives the site's URL once the server listens.
    """
    stop = stop or threading.Event()
    watch = tuple(watch)
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    with ThreadingHTTPServer((host, port), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            if ready:
                ready(f"http://{host}:{server.server_address[1]}/")
            seen = snapshot(watch)
            while not stop.wait(interval):
                now = snapshot(watch)
                if now != seen:
                    seen = now
                    rebuild()
        finally:
            server.shutdown()


IndexDone = Callable[[SearchIndex | Exception, float], None]
"""Told the index (or the error that stopped it) and the seconds it took, once a refresh ends."""


class SearchRefresh:
    """One search index refresh at a time, in a thread, for a site being served.

    ``start`` cancels a refresh still running (its Pagefind is stopped and
    the bundles in place stay as they were) and begins another; ``stop``
    only cancels. ``on_done`` hears of each refresh that was not cancelled.
    """

    def __init__(self, on_done: IndexDone, index: Callable[[Path, threading.Event], SearchIndex] = index_site) -> None:
        self._on_done, self._index = on_done, index
        self._running: tuple[threading.Thread, threading.Event] | None = None

    def start(self, site_dir: Path) -> None:
        """Index ``site_dir`` in the background, after cancelling the refresh under way."""
        self.stop()
        cancelled = threading.Event()
        thread = threading.Thread(target=self._refresh, args=(site_dir, cancelled), daemon=True)
        self._running = (thread, cancelled)
        thread.start()

    def stop(self) -> None:
        """Cancel the refresh under way, if any, and wait until it has let go of the site."""
        if self._running is not None:
            thread, cancelled = self._running
            cancelled.set()
            thread.join()
            self._running = None

    def _refresh(self, site_dir: Path, cancelled: threading.Event) -> None:
        started = time.perf_counter()
        try:
            index = self._index(site_dir, cancelled)
        except IndexingCancelled:
            return
        except Exception as error:  # told to the maintainer; the next edit tries again
            self._on_done(error, time.perf_counter() - started)
        else:
            self._on_done(index, time.perf_counter() - started)
