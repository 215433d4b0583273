"""How many processes the stages that spread work over the machine may use, and work done beside."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")


def worker_count(requested: int | None) -> int:
    """Cores to use: as requested, else every core this process may run on."""
    if requested:
        return max(1, requested)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def beside(work: Callable[[], T], *, workers: int | None = None, fork: bool = True) -> Callable[[], T]:
    """Start ``work`` in a forked child process while this one goes on; call the result to wait for it.

    The child starts with everything ``work`` reads already in memory (a
    fork shares it), so only the result is sent back. Without ``fork``, with
    one worker (``workers``: as for ``worker_count``), or where processes
    cannot fork, ``work`` runs here when waited for.
    """
    if not fork or worker_count(workers) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return work
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_send_result, args=(work, send), daemon=True)
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
        return value

    return wait


def _send_result(work: Callable[[], object], send: Connection) -> None:
    try:
        outcome: tuple[bool, object] = (False, work())
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        outcome = (True, error)
    send.send(outcome)
    send.close()
