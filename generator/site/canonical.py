"""Make Pagefind's filter files independent of hash-map order.

A Pagefind bundle names each file by a hash of its content. Filter files
(``filter/<lang>_<hash>.pf_filter``) list a filter's values in whatever
order Pagefind's hash map yields, and the language's meta file
(``pagefind.<lang>_<hash>.pf_meta``) lists the filters the same way; both
change from run to run although they mean the same. This module sorts
values and filters, renames the files by a hash of their new content and
points ``pagefind-entry.json`` at the new meta file.

Both formats are gzip of ``pagefind_dcd`` followed by one CBOR item. A file
that does not decode exactly as expected is left as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from .cbor import CBORError, Item, decode, encode

MAGIC = b"pagefind_dcd"


def sort_filters(bundle: Path) -> bool:
    """Rewrite the bundle's filter and meta files in a fixed order; False if left as is."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    changed = False
    for language in entry["languages"].values():
        new_hash = _sort_language(bundle, language["hash"])
        if new_hash is not None and new_hash != language["hash"]:
            language["hash"] = new_hash
            changed = True
    if changed:
        entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


def _sort_language(bundle: Path, meta_hash: str) -> str | None:
    """Sort one language's filters; return its new meta hash, None if not understood."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_path)
    if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
        return None
    lang = meta_hash.rsplit("_", 1)[0]
    # Every filter file is read before any is rewritten: one not understood
    # leaves the whole language as Pagefind wrote it.
    read: list[tuple[str, Path, str, list[tuple[str, list[int]]]]] = []
    for pair in meta[3]:
        if not (isinstance(pair, list) and len(pair) == 2):
            return None
        name, file_hash = pair
        if not (isinstance(name, str) and isinstance(file_hash, str)):
            return None
        path = bundle / "filter" / f"{file_hash}.pf_filter"
        content = _filter(_read(path))
        if content is None:
            return None
        read.append((name, path, *content))
    filters: list[tuple[str, str]] = []
    for name, path, filter_name, values in read:
        values.sort(key=lambda value: value[0].encode("utf-8"))
        # [*...]: the pages as a list of Items, which is what a CBOR list holds.
        sorted_content: Item = [filter_name, [[value, [*sorted(pages)]] for value, pages in values]]
        new_hash = _write(bundle / "filter", lang, "{}.pf_filter", sorted_content, 7)
        if path.name != f"{new_hash}.pf_filter":
            path.unlink()
        filters.append((name, new_hash))
    filters.sort(key=lambda pair: pair[0].encode("utf-8"))
    meta[3] = [[name, new_hash] for name, new_hash in filters]
    new_meta = _write(bundle, lang, "pagefind.{}.pf_meta", meta, 10)
    if new_meta != meta_hash:
        meta_path.unlink()
    return new_meta


def _filter(content: Item | None) -> tuple[str, list[tuple[str, list[int]]]] | None:
    """A filter file's name and its values with their pages, or None if it is not one."""
    if not (isinstance(content, list) and len(content) == 2):
        return None
    name, entries = content
    if not (isinstance(name, str) and isinstance(entries, list)):
        return None
    values: list[tuple[str, list[int]]] = []
    for entry in entries:
        if not (isinstance(entry, list) and len(entry) == 2):
            return None
        value, pages = entry
        if not (isinstance(value, str) and isinstance(pages, list)):
            return None
        numbers = [page for page in pages if isinstance(page, int)]
        if len(numbers) != len(pages):
            return None
        values.append((value, numbers))
    return name, values


def _read(path: Path) -> Item | None:
    """The CBOR item of a Pagefind file, or None unless it round-trips exactly."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return None
    if not data.startswith(MAGIC):
        return None
    try:
        item = decode(data[len(MAGIC):])
    except (CBORError, UnicodeDecodeError):
        return None
    return item if encode(item) == data[len(MAGIC):] else None


def _write(folder: Path, lang: str, pattern: str, item: Item, digits: int) -> str:
    """Write ``item`` under a name made from its content's hash; return ``<lang>_<hash>``."""
    data = MAGIC + encode(item)
    name = f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"
    # mtime=0: a fixed gzip header, so equal content gives equal bytes.
    (folder / pattern.format(name)).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name
