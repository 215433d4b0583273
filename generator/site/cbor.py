"""The small part of CBOR (RFC 8949) that Pagefind's index files use.

Decoding keeps enough of the encoding (integer widths, float bytes) that
``encode(decode(data)) == data`` for every file Pagefind writes; callers
check that before changing anything, so an unexpected file is left alone
rather than rewritten wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Raw:
    """An item kept as its encoded bytes (floats, tags, simple values)."""

    data: bytes


Item = Union[int, str, bytes, list["Item"], dict["Item", "Item"], Raw]  # noqa: UP007 - recursive alias


class CBORError(ValueError):
    """Bytes this decoder does not understand."""


def decode(data: bytes) -> Item:
    """The single item encoded in ``data``."""
    item, end = _item(data, 0)
    if end != len(data):
        raise CBORError(f"{len(data) - end} bytes after the item")
    return item


def encode(item: Item) -> bytes:
    """Canonical encoding: definite lengths, shortest integer heads."""
    if isinstance(item, Raw):
        return item.data
    if isinstance(item, bool) or item is None:
        raise CBORError("booleans and null are decoded as Raw")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(encode(i) for i in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise CBORError(f"cannot encode {type(item).__name__}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise CBORError("integer too large")


def _argument(data: bytes, at: int) -> tuple[int, int, int]:
    """Major type, argument and the offset after the head at ``at``."""
    if at >= len(data):
        raise CBORError("truncated")
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info not in sizes:
        raise CBORError(f"indefinite or reserved length at byte {at}")
    size = sizes[info]
    if at + 1 + size > len(data):
        raise CBORError("truncated")
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _item(data: bytes, at: int) -> tuple[Item, int]:
    major, value, end = _argument(data, at)
    if major == 7:
        info = data[at] & 31
        if info in (25, 26, 27):
            return Raw(data[at:end]), end
        if info < 24:  # false, true, null, undefined
            return Raw(data[at:end]), end
        raise CBORError(f"unsupported simple value at byte {at}")
    if _head(major, value) != data[at:end]:
        raise CBORError(f"non-shortest integer at byte {at}")  # would not round-trip
    if major == 0:
        return value, end
    if major == 1:
        return -1 - value, end
    if major in (2, 3):
        chunk = data[end:end + value]
        if len(chunk) != value:
            raise CBORError("truncated")
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), end + value
    if major == 4:
        items = []
        for _ in range(value):
            item, end = _item(data, end)
            items.append(item)
        return items, end
    if major == 5:
        mapping: dict[Item, Item] = {}
        for _ in range(value):
            key, end = _item(data, end)
            mapping[key], end = _item(data, end)  # type: ignore[index]
        return mapping, end
    raise CBORError(f"tagged items are not used by Pagefind (byte {at})")


__all__ = ["CBORError", "Item", "Raw", "decode", "encode"]
