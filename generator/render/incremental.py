"""Render the pages whose key changed, on every core.

A rebuild after one edit renders the few pages it affects; a first build
renders them all, spread over a pool of processes. The pool is forked, so
each worker starts with the corpus and its topic index already in memory:
sending them to workers would cost more than rendering them.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.cores import worker_count

from .groups import PageGroup, RenderedGroup
from .page import Page

PARALLEL_FROM = 64
"""Fewer groups to render than this are rendered in this process: a pool costs more to start."""


@dataclass(frozen=True)
class Rendered:
    """One group after a build: the key of each of its pages, and the pages that had to be rendered."""

    name: str
    keys: tuple[tuple[str, str], ...]  # (path, key) of every page of the group
    pages: tuple[Page, ...]
    """The pages whose key is not the one the previous build had; the others are unchanged."""


def render_groups(
    groups: Sequence[PageGroup],
    known: Mapping[str, str] | None = None,
    workers: int | None = None,
    on_group: Callable[[int, int], None] | None = None,
) -> tuple[Rendered, ...]:
    """Each group's page keys, and the pages whose key ``known`` (path -> key) does not have.

    ``workers``: processes to use (default: every core). The result does not
    depend on it. ``on_group(done, total)`` is told as groups are done.
    """
    known = known or {}
    step = on_group or (lambda done, total: None)
    total = len(groups)
    # Pages rendered while planning cost nothing more here; the others go to the pool.
    heavy = [at for at, group in enumerate(groups) if not isinstance(group, RenderedGroup)]
    results: list[Rendered | None] = [None] * total
    done = 0
    for at, group in enumerate(groups):
        if isinstance(group, RenderedGroup):
            results[at] = _render(group, known)
            done += 1
    step(done, total)
    for at, rendered in _render_all(groups, heavy, known, _worker_count(workers, len(heavy))):
        results[at] = rendered
        done += 1
        step(done, total)
    return tuple(r for r in results if r is not None)


def _render(group: PageGroup, known: Mapping[str, str]) -> Rendered:
    keys = group.keys()
    changed = {path for path, key in keys if known.get(path) != key}
    return Rendered(group.name, keys, group.render(changed) if changed else ())


# What forked workers inherit: set just before the pool starts, cleared after.
_GROUPS: Sequence[PageGroup] = ()
_KNOWN: Mapping[str, str] = {}


def _render_chunk(chunk: Sequence[int]) -> list[tuple[int, Rendered]]:
    return [(at, _render(_GROUPS[at], _KNOWN)) for at in chunk]


def _render_all(
    groups: Sequence[PageGroup], todo: Sequence[int], known: Mapping[str, str], workers: int
) -> Iterator[tuple[int, Rendered]]:
    if workers == 1:
        for at in todo:
            yield at, _render(groups[at], known)
        return
    global _GROUPS, _KNOWN
    # Small chunks keep both cores busy to the end: a big topic takes many transcripts' time.
    size = max(1, len(todo) // (workers * 16))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    _GROUPS, _KNOWN = groups, known
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for chunk in pool.imap(_render_chunk, chunks):
                yield from chunk
    finally:
        _GROUPS, _KNOWN = (), {}


def _worker_count(requested: int | None, groups: int) -> int:
    if groups < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return worker_count(requested)
