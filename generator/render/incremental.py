"""Render the pages whose key changed, on every core.

A rebuild works out every page's key here first (keys are cheap, see
generator.render.groups), then renders the few pages an edit affects in
this process; a first build renders them all, keys included, on every core
(generator.parallel: each worker starts with the corpus and its topic index
already in memory).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from generator.heap import without_gc
from generator.parallel import parallel_map

from .groups import PageGroup
from .page import Page

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
    keys: dict[int, Keys] = {}
    # Lookup tables and pages are many objects, none of them in a cycle.
    with without_gc():
        if known:
            keys = {at: group.keys() for at, group in enumerate(groups)}
            changed = {at: frozenset(path for path, key in keys[at] if known.get(path) != key) for at in keys}
            todo: list[Job] = [(at, paths) for at, paths in changed.items() if paths]
        else:
            # Every page is rendered: its keys are worked out where it is, on every core.
            todo = [(at, None) for at in range(total)]
        pages: dict[int, tuple[Page, ...]] = {}
        done = total - len(todo)
        step(done, total)
        outcomes = parallel_map(lambda job: _render(groups[job[0]], job[1]), todo, workers)
        for (at, _paths), (group_keys, rendered) in zip(todo, outcomes):
            if group_keys is not None:
                keys[at] = group_keys
            pages[at] = rendered
            done += 1
            step(done, total)
    return tuple(Rendered(group.name, keys[at], pages.get(at, ())) for at, group in enumerate(groups))


Keys = tuple[tuple[str, str], ...]
Job = tuple[int, Collection[str] | None]
"""A group's position and the paths of its pages to render (None: all of them, keys too)."""


def _render(group: PageGroup, paths: Collection[str] | None) -> tuple[Keys | None, tuple[Page, ...]]:
    """The group's keys when it works them out (``paths`` None: every page), and its pages."""
    if paths is not None:
        return None, group.render(paths)
    keys = group.keys()
    return keys, group.render({path for path, _ in keys})
