"""Run per-file work on every core, in input order.

Reading and parsing one transcript never looks at another (the corpus-wide
line census is gathered in between), so files are spread over a process
pool. Small corpora run in-process: a pool costs more to start than it saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from generator.cores import worker_count

T = TypeVar("T")
R = TypeVar("R")

# Below this many files the pool's start-up outweighs the second core.
SERIAL_BELOW = 48


class _InProcess:
    def map(self, function: Callable[[T], R], items: Iterable[T], chunksize: int = 1) -> Iterator[R]:
        return map(function, items)


@contextmanager
def pool(workers: int | None, items: int) -> Iterator[Any]:
    """A ``map``-able executor: a process pool, or this process for small jobs."""
    count = worker_count(workers)
    if count == 1 or items < SERIAL_BELOW:
        yield _InProcess()
        return
    with ProcessPoolExecutor(max_workers=count) as executor:
        yield executor


def chunk_size(items: int, workers: int | None) -> int:
    """Chunks big enough to amortise pickling, small enough to balance the cores."""
    return max(1, items // (worker_count(workers) * 8))
