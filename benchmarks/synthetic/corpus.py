"""Generate the synthetic corpus in memory or on disk.

Transcript ``i`` of seed ``s`` depends only on ``(s, i)``: the corpus of
1,000 is the first 1,000 transcripts of the corpus of 10,000, and every
file is byte-identical from run to run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Container, Iterator
from pathlib import Path

import yaml

from benchmarks.synthetic.compose import compose
from benchmarks.synthetic.render import render
from benchmarks.synthetic.truth import GroundTruth, SyntheticTranscript
from benchmarks.synthetic.world import World, build_world

META_SUFFIX = ".meta.yaml"


def iter_corpus(n: int, seed: int) -> Iterator[SyntheticTranscript]:
    """Yield the ``n`` transcripts of the corpus drawn from ``seed``, one at a time."""
    world = build_world(seed)
    taken: set[tuple[dt.date, str]] = set()  # (day, event type) of the transcripts so far
    for index in range(n):
        item = make_transcript(index, seed, world, taken)
        taken.add((dt.date.fromisoformat(item.meta["date"]), item.truth.event_type))
        yield item


def generate_corpus(n: int, seed: int) -> list[SyntheticTranscript]:
    """The ``n`` transcripts of the corpus drawn from ``seed``, with metadata and ground truth."""
    return list(iter_corpus(n, seed))


def make_transcript(
    index: int, seed: int, world: World, taken: Container[tuple[dt.date, str]] = (),
) -> SyntheticTranscript:
    """Transcript ``index`` of the corpus drawn from ``seed``; ``taken`` as for :func:`compose`."""
    event, rng = compose(index, seed, world, taken)
    rendered = render(event, rng)
    raw, encoding = encode(rendered.text, event.encoding, event.line_end)
    setting = event.setting
    truth = GroundTruth(
        format=event.fmt, encoding=encoding, line_end=event.line_end, event_type=setting.event_type,
        principal=setting.principal.name, principal_role=setting.principal.role,
        guest=setting.guest.name if setting.guest else None,
        moderator=setting.moderator.name if setting.moderator else None, chrome_language=event.lang,
        questions=tuple(event.questions), chrome=rendered.chrome, page_breaks=rendered.page_breaks,
        notes=rendered.notes, label_styles=tuple(sorted(event.styles | rendered.quirks)),
        topics=tuple(t.name for t in event.topics), title_in_text=rendered.title_in_text,
        text_bytes=len(rendered.text.encode("utf-8")),
    )
    meta = {
        "title": setting.title, "date": setting.day.isoformat(), "location": setting.location,
        "source_url": setting.source_url, "event_type": setting.event_type,
    }
    digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]
    return SyntheticTranscript(f"{index:05d}_{digest}", raw, meta, truth)


def encode(text: str, encoding: str, line_end: str) -> tuple[bytes, str]:
    """Encode as the file was saved; returns the bytes and the encoding really used.

    Windows-1252 cannot carry every name ("Geoană"); such a text stays UTF-8.
    UTF-16 is written little-endian with a byte-order mark on every platform.
    """
    if line_end == "crlf":
        text = text.replace("\n", "\r\n")
    if encoding == "cp1252":
        try:
            return text.encode("cp1252"), "cp1252"
        except UnicodeEncodeError:
            encoding = "utf-8"
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le"), "utf-16"
    return text.encode(encoding), encoding


def meta_yaml(meta: dict[str, str]) -> str:
    """The metadata sidecar's text, keys in a fixed order; the date unquoted, as a maintainer writes it."""
    data = {**meta, "date": dt.date.fromisoformat(meta["date"])}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def write_corpus(n: int, seed: int, out: Path, directory: Path | None = None) -> list[Path]:
    """Write ``out/transcripts/NAME.txt`` and ``NAME.meta.yaml`` for ``n`` transcripts; returns the raw paths.

    With ``directory`` (a content folder), its top-level YAML files (people,
    outlets, topics) are copied into ``out`` too, making ``out`` a content
    folder a build can use. Refuses an ``out`` that already holds transcripts,
    so that files of an earlier, larger run are never silently mixed in.
    """
    folder = out / "transcripts"
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty; use an empty output folder")
    folder.mkdir(parents=True, exist_ok=True)
    if directory is not None:
        for data in sorted(directory.glob("*.yaml")):
            shutil.copyfile(data, out / data.name)
    paths = []
    for item in iter_corpus(n, seed):
        path = folder / item.filename
        path.write_bytes(item.raw)
        (folder / f"{item.name}{META_SUFFIX}").write_text(meta_yaml(item.meta), encoding="utf-8")
        paths.append(path)
    return paths
