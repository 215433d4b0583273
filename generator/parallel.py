"""Work spread over the machine's cores: the one way any stage uses more than one.

Workers are forked, so each starts with everything the work reads already
in memory (the directory, the corpus, the topic index, the page groups);
only positions go to them and only results come back. Sending a corpus to
workers would cost more than the work. Small jobs run in this process: a
pool costs more to start than it saves. Where processes cannot fork, all
work runs here; the results never depend on where it ran.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SERIAL_BELOW = 48
"""Below this many items, a pool's start-up outweighs the other cores."""


def worker_count(requested: int | None) -> int:
    """Cores to use: as requested, else every core this process may run on."""
    if requested:
        return max(1, requested)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parallel_map(
    function: Callable[[T], R],
    items: Sequence[T],
    workers: int | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[R]:
    """``function(item)`` for each item, in order, on up to ``workers`` forked processes (None: every core).

    ``function`` may be any callable, a closure included: it is inherited,
    not sent. Each result is sent back pickled. ``on_done(count)`` is told
    how many results have come back so far.
    """
    done = on_done or (lambda _count: None)
    count = min(worker_count(workers), len(items))
    if count <= 1 or len(items) < SERIAL_BELOW or not _can_fork():
        for at, item in enumerate(items, start=1):
            yield function(item)
            done(at)
        return
    # Small chunks keep every core busy to the end: one item may take many others' time.
    size = max(1, len(items) // (count * 16))
    spans = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    finished = 0
    with _fork().Pool(count, initializer=_receive, initargs=(function, items)) as pool:
        for results in pool.imap(_run_span, spans):
            for result in results:
                finished += 1
                yield result
                done(finished)


def beside(work: Callable[[], T], *, workers: int | None = None, fork: bool = True) -> Callable[[], T]:
    """Start ``work`` in a forked child process while this one goes on; call the result to wait for it.

    Without ``fork``, with one worker (``workers``: as for ``worker_count``),
    or where processes cannot fork, ``work`` runs here when waited for.
    """
    if not fork or worker_count(workers) == 1 or not _can_fork():
        return work
    receive, send = _fork().Pipe(duplex=False)
    child = _fork().Process(target=_send_result, args=(work, send), daemon=True)
    child.start()
    send.close()

    def wait() -> T:
        try:
            failed, value = receive.recv()
        except EOFError:
            raise RuntimeError("the child process doing part of the work ended without a result") from None
        finally:
            receive.close()
            child.join()
        if failed:
            raise value
        return value  # type: ignore[no-any-return]

    return wait


# What a forked worker of parallel_map inherited: set in the worker only, by the pool's initializer.
_received: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def _receive(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _received
    _received = (function, items)


def _run_span(span: tuple[int, int]) -> list[Any]:
    assert _received is not None, "run only in a worker of parallel_map"
    function, items = _received
    return [function(items[at]) for at in range(*span)]


def _send_result(work: Callable[[], object], send: Connection) -> None:
    try:
        outcome: tuple[bool, object] = (False, work())
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (True, error)
    send.send(outcome)
    send.close()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _fork() -> Any:
    return multiprocessing.get_context("fork")
