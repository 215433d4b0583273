"""Run per-file work on every core, in input order.

Reading and parsing one transcript never looks at another (the corpus-wide
line census is gathered in between), so files are spread over a process
pool. Small jobs run in-process: a pool costs more to start than it saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

from generator.cores import worker_count

T = TypeVar("T")
R = TypeVar("R")

# Below this many files to work on, the pool's start-up outweighs the second core.
SERIAL_BELOW = 48


class _Workers:
    """Maps in this process, or on a process pool started by the first map big enough to pay for it.

    A rebuild after an edit parses a file or two: starting a pool for them
    would cost more than parsing them here.
    """

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def map(self, function: Callable[[T], R], items: Sequence[T], chunksize: int = 1) -> Iterator[R]:
        if self._executor is None and (self._workers == 1 or len(items) < SERIAL_BELOW):
            return map(function, items)
        if self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=self._workers)
        return self._executor.map(function, items, chunksize=chunksize)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()


@contextmanager
def pool(workers: int | None) -> Iterator[_Workers]:
    """A ``map``-able executor that runs small jobs in this process and big ones on every core."""
    executor = _Workers(worker_count(workers))
    try:
        yield executor
    finally:
        executor.close()


def chunk_size(items: int, workers: int | None) -> int:
    """Chunks big enough to amortise pickling, small enough to balance the cores."""
    return max(1, items // (worker_count(workers) * 8))
