"""Serve a built site on this machine and rebuild it when its sources change.

Changes are found by polling modification times once a second: no extra
dependency, and it behaves the same on every filesystem (including network
and container mounts where change notifications do not arrive).

The search index is refreshed in the background (:class:`SearchRefresh`):
Pagefind reads every page again, so it takes far longer than the rest of a
rebuild, and an edited page should show as soon as it is built.

A page open in the browser reloads itself once a rebuild is published. The
server answers :data:`BUILD_PATH` with the id of the last published build,
and adds to every HTML page it sends a small script (:func:`with_reload`)
that asks for that id every second and reloads the page when it changes.
The script is added as each page is sent, never written into the site's
files, so a published site is byte for byte what ``pressroom build``
writes; it needs no MkDocs plugin and no network beyond this server.
"""

from __future__ import annotations

import functools
import io
import os
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

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


BUILD_PATH = "/.pressroom/build"
"""Where the preview answers with the id of its last published build (plain text)."""

RELOAD_SCRIPT_ID = "pressroom-live-reload"
"""The ``id`` of the script the preview adds to the pages it sends; no published file holds it."""

_RELOAD_SCRIPT = """<script id="%(id)s">
(function () {
  // pressroom serve: reload this page once a newer build is published.
  var shown = "%(build)s";
  function look() {
    fetch("%(path)s", {cache: "no-store"})
      .then(function (response) { return response.ok ? response.text() : shown; })
      .then(function (build) {
        if (build !== shown) { location.reload(); } else { setTimeout(look, 1000); }
      }, function () { setTimeout(look, 1000); });  // the preview restarting: ask again
  }
  setTimeout(look, 1000);
})();
</script>
"""


def with_reload(html: bytes, build: str) -> bytes:
    """``html`` with the live-reload script for a page built by ``build``, before its ``</body>``.

    A page without ``</body>`` gets the script at its end: browsers run it there too.
    """
    script = (_RELOAD_SCRIPT % {"id": RELOAD_SCRIPT_ID, "build": build, "path": BUILD_PATH}).encode()
    end = html.lower().rfind(b"</body>")
    return html + script if end < 0 else html[:end] + script + html[end:]


class Builds:
    """The id of the last published build, which the preview's pages compare with their own."""

    def __init__(self) -> None:
        # Unique per server, so that a tab left open across a restart of
        # ``pressroom serve`` (which builds the site again) reloads too.
        self._start = f"{time.time_ns():x}"
        self._count = 0

    @property
    def current(self) -> str:
        """The id of the build being served."""
        return f"{self._start}-{self._count}"

    def published(self) -> None:
        """Tell the open pages that a new build is being served."""
        self._count += 1


class _PreviewHandler(SimpleHTTPRequestHandler):
    """The site's files as they are, except HTML pages, which get the live-reload script."""

    def __init__(self, *args: Any, builds: Builds, **kwargs: Any) -> None:
        self.builds = builds  # before the base class, which handles the request as it starts
        super().__init__(*args, **kwargs)

    def send_head(self) -> BinaryIO | io.BytesIO | None:
        url_path = urlsplit(self.path).path
        if url_path == BUILD_PATH:
            return self._send(self.builds.current.encode(), "text/plain; charset=utf-8")
        file = self.translate_path(self.path)
        if url_path.endswith("/") and os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if file.endswith(".html"):
            # The id first: a page read while a build rewrites it reloads once more, never stays stale.
            build = self.builds.current
            try:
                page = Path(file).read_bytes()
            except OSError:  # no such file (or removed by a rebuild as we looked): the usual answer
                return super().send_head()
            return self._send(with_reload(page, build), "text/html; charset=utf-8")
        return super().send_head()

    def _send(self, body: bytes, content_type: str) -> io.BytesIO:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        # The browser must not keep a page whose script waits for a build it has already seen.
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


def serve(
    site_dir: Path,
    watch: Iterable[Path],
    rebuild: Callable[[], bool],
    host: str = "127.0.0.1",
    port: int = 8000,
    interval: float = 1.0,
    stop: threading.Event | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``site_dir`` at http://host:port/ and call ``rebuild`` after a change under ``watch``.

    ``rebuild`` returns whether it published a new site; if it did, the
    pages open in a browser reload themselves. Runs until ``stop`` is set
    (or the process is interrupted); ``ready`` receives the site's URL once
    the server listens.
    """
    stop = stop or threading.Event()
    watch = tuple(watch)
    builds = Builds()
    handler = functools.partial(_PreviewHandler, directory=str(site_dir), builds=builds)
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
                    if rebuild():
                        builds.published()
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
