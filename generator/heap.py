"""The garbage collector around stages that make many objects and little garbage."""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the garbage collector while a stage makes many objects and no reference
    cycles (unpickling a pack, gathering the corpus, rendering pages), then file
    what it kept as old. Its other garbage is freed as it goes, by reference counts.

    The packs of a corpus make hundreds of objects per transcript, none of
    them garbage. With the collector running, its young-generation passes
    would visit each of them several times as they are made; paused, the
    first pass after it resumes would still visit them all. So
    every live object is moved to the oldest generation (freeze, then
    unfreeze), which a collection visits only when it has grown by a
    quarter. Skipped if something else in the process has frozen objects.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def give_back() -> None:
    """Hand the memory Python has freed back to the operating system, where the C library allows.

    Freed objects go back to the C library's heap, not to the system, so a
    build process that held its rendered pages would keep their memory while
    MkDocs and Pagefind run beside it. glibc's ``malloc_trim`` returns the
    free pages; on any other C library this does nothing.
    """
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (AttributeError, OSError):  # not glibc, or no C library to open (Windows)
        return
    trim(0)
