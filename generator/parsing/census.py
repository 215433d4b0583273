"""The line census: how often each line occurs in two files or more, per file.

Website chrome and PDF running heads repeat across files, so the parser
reads each file with its census slice: each of its lines that occurs in
two files or more, with the number of files. Given the previous build's
census, a rebuild after an edit updates its slices instead of counting
every file's lines again: a line's count changes only if some file gained
or lost it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

MAX_MOVED_KEYS = 256
"""Beyond this many lines gained or lost, counting all files again is as quick."""

Census = dict[str, dict[str, int]]
"""Each file's census slice, by source."""

Counted = tuple[Mapping[str, bytes], Census]
"""A census with what it was counted from: each file's census keys as :func:`packed_keys` packs them."""


def census_of(keys: Mapping[str, bytes], previous: Counted | None = None) -> Census:
    """Each file's slice, from each file's packed census keys; the same whatever ``previous`` is.

    ``previous``, the census of an earlier corpus with what it was counted
    from, saves counting again the lines no file gained or lost.
    """
    if previous is not None:
        before_keys, before = previous
        if keys == before_keys:
            return before
        now = {source: None if before_keys.get(source) == packed else unpacked_keys(packed)
               for source, packed in keys.items()}
        updated = updated_census({source: (packed, before[source]) for source, packed in before_keys.items()}, now)
        if updated is not None:
            return updated
    return full_census({source: unpacked_keys(packed) for source, packed in keys.items()})


def full_census(keys_of: Mapping[str, frozenset[str]]) -> Census:
    """Each file's slice, counted from every file's census keys."""
    counts = Counter(key for keys in keys_of.values() for key in keys)
    return {source: {key: counts[key] for key in keys if counts[key] >= 2} for source, keys in keys_of.items()}


def updated_census(
    before: Mapping[str, tuple[bytes, Mapping[str, int]]],
    now: Mapping[str, frozenset[str] | None],
) -> Census | None:
    """Each file's slice, from the previous build's; None when too much changed to be worth it.

    ``before`` holds every decodable file of the previous build: its census
    keys as :func:`packed_keys` packs them, and its slice. ``now``
    holds every decodable file of this build: its census keys if it is new
    or changed, None if it is the file ``before`` holds. The result is
    ``full_census`` of the files as they are now.
    """
    changed: dict[str, frozenset[str]] = {source: keys for source, keys in now.items() if keys is not None}
    moved: set[str] = set()  # lines some file gained or lost: only their counts can differ
    for source, keys in changed.items():
        moved |= keys ^ unpacked_keys(before[source][0]) if source in before else keys
    for source in before.keys() - now.keys():
        moved |= unpacked_keys(before[source][0])
    if len(moved) > MAX_MOVED_KEYS:
        return None
    needles = {key: f"\n{key}\n".encode() for key in moved}
    counts = dict.fromkeys(moved, 0)
    holding: dict[str, list[str]] = {}  # unchanged files -> the moved lines they hold
    for source, held in now.items():
        if held is None:
            packed = b"\n" + before[source][0] + b"\n"
            found = [key for key, needle in needles.items() if needle in packed]
            if found:
                holding[source] = found
        else:
            found = [key for key in moved if key in held]
        for key in found:
            counts[key] += 1
    census: Census = {}
    for source, held in now.items():
        if held is None:
            kept = dict(before[source][1])
            for key in holding.get(source, ()):
                kept.pop(key, None)
                if counts[key] >= 2:
                    kept[key] = counts[key]
            census[source] = kept
        else:
            # A line it held before and nobody gained or lost keeps its count (1 if not in the slice).
            earlier = before[source][1] if source in before else {}
            found_counts = {key: counts[key] if key in counts else earlier.get(key, 1) for key in held}
            census[source] = {key: count for key, count in found_counts.items() if count >= 2}
    return census


def packed_keys(keys: frozenset[str]) -> bytes:
    """Census keys as one string of bytes (a key is one line, so holds no line break):
    kept between builds as one object, not hundreds, and searched for a line without decoding."""
    return "\n".join(sorted(keys)).encode()


def unpacked_keys(lines: bytes) -> frozenset[str]:
    """The census keys ``packed_keys`` packed."""
    return frozenset(lines.decode().split("\n")) if lines else frozenset()
