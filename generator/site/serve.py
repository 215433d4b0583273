"""Serve a built site on this machine and rebuild it when its sources change.

Changes are found by polling modification times once a second: no extra
dependency, and it behaves the same on every filesystem (including network
and container mounts where change notifications do not arrive).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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
