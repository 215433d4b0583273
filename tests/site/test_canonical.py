"""Pagefind's filter files in a fixed order (generator/site/canonical.py), on a bundle Pagefind writes here."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.canonical import MAGIC, sort_filters
from generator.site.cbor import decode, encode

SPEAKERS = ("Jens Stoltenberg", "Mark Rutte", "Anders Fogh Rasmussen", "Jaap de Hoop Scheffer", "Lord Robertson")


def page(number: int) -> str:
    speaker = SPEAKERS[number % len(SPEAKERS)]
    return (
        '<!doctype html><html lang="en"><head>'
        f'<meta data-pagefind-filter="year[content]" content="{2000 + number}">'
        f'<meta data-pagefind-filter="speaker[content]" content="{speaker}">'
        f'</head><body><article data-pagefind-body><h1>Press conference {number}</h1>'
        f"<p>{speaker} spoke about deterrence and defence.</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bundle as Pagefind writes it, filters in its own order."""
    site = tmp_path_factory.mktemp("site")
    for number in range(12):
        (site / f"p{number}").mkdir()
        (site / f"p{number}" / "index.html").write_text(page(number), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], check=True)
    return site / "pagefind"


def files_of(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def copy_of(bundle: Path, into: Path) -> Path:
    for name, data in files_of(bundle).items():
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        (into / name).write_bytes(data)
    return into


def rewrite(path: Path, change) -> None:
    """Decode a Pagefind file, apply ``change`` to its item, encode it back under the same name."""
    item = decode(gzip.decompress(path.read_bytes()).removeprefix(MAGIC))
    path.write_bytes(gzip.compress(MAGIC + encode(change(item))))


def test_filters_in_any_order_give_the_same_bundle(written: Path, tmp_path: Path) -> None:
    canonical = copy_of(written, tmp_path / "canonical")
    sort_filters(canonical)
    shuffled = copy_of(written, tmp_path / "shuffled")
    for filter_file in (shuffled / "filter").iterdir():
        rewrite(filter_file, lambda item: [item[0], item[1][::-1]])  # values in the other order
    (meta,) = shuffled.glob("pagefind.*.pf_meta")
    rewrite(meta, lambda item: [*item[:3], item[3][::-1], *item[4:]])  # filters in the other order

    assert sort_filters(shuffled) is True
    assert files_of(shuffled) == files_of(canonical)
    assert len(list((canonical / "filter").iterdir())) == 2  # year and speaker, no file left behind
    assert sort_filters(canonical) is False  # already in order


def test_a_filter_file_not_understood_leaves_the_bundle_as_pagefind_wrote_it(written: Path, tmp_path: Path) -> None:
    bundle = copy_of(written, tmp_path / "bundle")
    (meta,) = bundle.glob("pagefind.*.pf_meta")
    filters = decode(gzip.decompress(meta.read_bytes()).removeprefix(MAGIC))[3]
    # The last filter the meta file lists is damaged: the ones before it must not be rewritten.
    last = bundle / "filter" / f"{filters[-1][1]}.pf_filter"
    rewrite(last, lambda item: [item[0], "not a list of values"])
    before = files_of(bundle)

    assert sort_filters(bundle) is False
    assert files_of(bundle) == before
