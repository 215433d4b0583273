"""Run a function over a stream of items in a few threads, results in order.

The text steps spend their time in the Aho-Corasick automaton (Rust) and in
numpy, which both release the GIL, so threads use the second core without
copying the corpus into other processes. At most ``2 x workers`` items are
in flight, so memory stays bounded however long the stream.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(function: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``map(function, items)``, computed by ``workers`` threads; one worker runs inline."""
    if workers <= 1:
        yield from map(function, items)
        return
    with ThreadPoolExecutor(workers) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
