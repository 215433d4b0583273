"""How many processes the stages that spread work over the machine may use."""

from __future__ import annotations

import os


def worker_count(requested: int | None) -> int:
    """Cores to use: as requested, else every core this process may run on."""
    if requested:
        return max(1, requested)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
