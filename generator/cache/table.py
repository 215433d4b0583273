"""One kind of entry kept between builds, and the one way a stage's results are memoised.

Keys are content keys: a digest of everything an entry was made from, so
an entry is right for as long as it exists and nothing is invalidated by
hand. A table's context (a digest of the code that makes its entries, and
of the configuration they depend on) is written in each of its packs: a
pack of another context reads as empty. The entries of a table are spread
over a few pack files by key, so that a change to a few entries rewrites
a few packs, not all of them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from .packs import PackMemory

T = TypeVar("T")
V = TypeVar("V")

SHARDS = 16
"""Pack files of a table with many entries."""


class Codec(Generic[V]):
    """How a table's entries are kept in a pack: as they are, unless a table says otherwise."""

    def encode(self, entries: Mapping[str, V]) -> dict[str, Any]:
        return dict(entries)

    def decode(self, stored: dict[str, Any]) -> dict[str, V]:
        return stored


class Table(Generic[V]):
    """Entries by key, in the packs of one folder; read when first asked for, written by :meth:`save`.

    An entry asked for (:meth:`get`) or :meth:`put` since the table was
    opened is kept at a save; the others are dropped, so the table holds
    what the last build used and nothing older.
    """

    def __init__(
        self, folder: Path, context: str, memory: PackMemory, shards: int = SHARDS, codec: Codec[V] | None = None
    ) -> None:
        self._packs = [folder / f"{shard:02d}.pickle" for shard in range(shards)]
        self._context, self._memory, self._codec = context, memory, codec or Codec()
        self._stored: dict[str, V] | None = None  # None until first used
        self._current: dict[str, V] = {}
        self._dirty: set[int] = set()

    def get(self, key: str) -> V | None:
        """The entry of ``key``, if the table holds it (put by this build, or kept from an earlier one)."""
        found = self._current.get(key)
        if found is None:
            found = self._read().get(key)
            if found is not None:
                self._current[key] = found
        return found

    def put(self, key: str, value: V) -> None:
        """Keep ``value`` as the entry of ``key``."""
        self._read()
        self._current[key] = value
        self._dirty.add(self._shard(key))

    def save(self) -> None:
        """Write the packs whose entries changed or were dropped; nothing if the table was not used."""
        if self._stored is None:
            return
        self._dirty.update(self._shard(key) for key in self._stored.keys() - self._current.keys())
        shards: list[dict[str, V]] = [{} for _ in self._packs]
        for key, value in self._current.items():
            shards[self._shard(key)][key] = value
        for shard in sorted(self._dirty):
            self._memory.dump(self._packs[shard], self._context, self._codec.encode(shards[shard]), shards[shard])
        self._stored, self._dirty = dict(self._current), set()

    def close(self) -> None:
        """Let go of every entry read or put, unsaved ones included: the table is not used again."""
        self._stored, self._current, self._dirty = None, {}, set()

    def _read(self) -> dict[str, V]:
        if self._stored is None:
            self._stored = {}
            for pack in self._packs:
                # What a pack holds may be shared with later builds: it is copied into this table, not changed.
                self._stored.update(self._memory.load(pack, self._context, self._codec.decode))
        return self._stored

    def _shard(self, key: str) -> int:
        return zlib.crc32(key.encode()) % len(self._packs)


def memoised(
    table: Table[V],
    items: Sequence[T],
    keys: Sequence[str | None],
    compute: Callable[[Sequence[T]], Sequence[V]],
) -> list[V]:
    """``compute`` over ``items``, but for those whose key the table holds: their entry is taken.

    What is computed is kept under its item's key; an item whose key is None
    is always computed and never kept. ``compute`` returns a value for each
    item it is given, in order, and is not called when every item is kept.
    """
    found: list[V | None] = [table.get(key) if key is not None else None for key in keys]
    missing = [at for at, value in enumerate(found) if value is None]
    if missing:
        for at, value in zip(missing, compute([items[at] for at in missing]), strict=True):
            key = keys[at]
            if key is not None:
                table.put(key, value)
            found[at] = value
    return found  # type: ignore[return-value]  # every None was filled
