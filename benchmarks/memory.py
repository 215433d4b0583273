"""Peak memory of a stage: resident memory of this process and its children.

A background thread samples the resident set size (RSS) of this process
and of its child processes (parsing and rendering workers, MkDocs' shards,
Pagefind) every few milliseconds, so each stage gets its own peak: of this
process, of the children summed, and of all of them together at one moment.
Without psutil, only this process's high-water mark so far is known
(``getrusage``): each stage then reports that, and children go unmeasured.
"""

from __future__ import annotations

import resource
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import psutil
except ImportError:  # the benchmark still runs; memory per stage is then unknown
    psutil = None

INTERVAL = 0.05  # seconds between samples: short stages still get one or two
RESCAN = 10  # list child processes every this many samples: listing scans all of /proc


@dataclass
class Peak:
    """Highest memory seen during one stage, in bytes; ``None`` when not measurable."""

    process: int | None = None  # this process's RSS
    children: int | None = None  # its child processes' RSS, summed
    python_heap: int | None = None  # tracemalloc's peak, when asked for
    together: int | None = None  # this process's and its children's RSS, summed at one sample

    @property
    def total(self) -> int | None:
        """Process and children together, at their highest at one moment: what the stage needs from the machine.

        Not the two peaks added: the build process and its children (MkDocs'
        shards) are each at their highest at different times.
        """
        if self.process is None:
            return None
        return self.together if self.together is not None else self.process + (self.children or 0)


class _Sampler(threading.Thread):
    def __init__(self, peak: Peak) -> None:
        super().__init__(daemon=True)
        self.peak = peak
        self.stopped = threading.Event()
        self.me = psutil.Process()
        self.children: list = []

    def run(self) -> None:
        count = 0
        while True:
            self.sample(rescan=count % RESCAN == 0)
            count += 1
            if self.stopped.wait(INTERVAL):
                self.sample(rescan=True)
                return

    def sample(self, rescan: bool) -> None:
        if rescan:
            self.children = self.me.children(recursive=True)
        own = self.me.memory_info().rss
        children = 0
        for child in self.children:
            try:
                children += child.memory_info().rss
            except psutil.Error:  # the child has ended
                pass
        peak = self.peak
        peak.process = max(peak.process or 0, own)
        peak.children = max(peak.children or 0, children)
        peak.together = max(peak.together or 0, own + children)


@contextmanager
def measure_peak(python_heap: bool = False) -> Iterator[Peak]:
    """Measure the peak memory of the ``with`` body; the Peak is filled in on exit.

    ``python_heap`` also traces Python allocations (tracemalloc), which slows
    Python code down several times: use it for memory, not for timing.
    """
    peak = Peak()
    sampler = _Sampler(peak) if psutil is not None else None
    if sampler is not None:
        sampler.start()
    if python_heap:
        tracemalloc.start()
    try:
        yield peak
    finally:
        if python_heap:
            peak.python_heap = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        if sampler is not None:
            sampler.stopped.set()
            sampler.join()
        else:
            peak.process = lifetime_peak()


def lifetime_peak() -> int:
    """This process's highest RSS since it started (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """CPU time used so far by this process and its ended children, user and system.

    Less sensitive than wall time to other work on a shared machine; a child
    counts once it has ended, which every stage's children have by its end.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_command(command: list[str], cwd: Path) -> dict[str, Any]:
    """Run a command as a child process: its wall and CPU seconds, its peak memory (children summed), any error."""
    with measure_peak() as peak:
        cpu_start, start = cpu_seconds(), time.perf_counter()
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
    result: dict[str, Any] = {
        "command": " ".join(command[1:]), "seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak.children,
    }
    if done.returncode:
        result["error"] = (done.stderr or done.stdout).strip()[-2000:]
    return result
