"""Rebuilds render only the groups of pages whose inputs changed, and end as a full build would."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import parallel
from generator.build import BuildSettings, Run, parse_corpus, run_stages, stages_through
from generator.cache import MANIFEST
from generator.enrich import build_corpus, load_topic_config
from generator.render import render_site
from generator.render import groups as groups_module
from generator.render.groups import TopicGroup
from generator.render.topic_inputs import TopicInputs
from generator.write import Staging, Written
from tests.support import CONTENT
from tests.topics.conftest import make_transcript, taxonomy_from, topic_index_of

SEED_000 = "transcripts/000_dc2035bffcbcb803.txt"
SLUG_000 = "2015-11-24-statement-extraordinary-nac-meeting"


def rebuild(content: Path, docs: Path, workers: int = 1) -> tuple[Written, set[str]]:
    """The generator's stages into ``docs``, as ``pressroom build`` runs them (without a cache); the pages rendered."""
    settings = BuildSettings(content_dir=content, docs_dir=docs, cache_dir=None, workers=workers)
    with Staging(docs) as staged:
        run, _timings = run_stages(Run.begin(settings, docs_dir=staged.path), stages_through("write"))
        staged.publish()
    assert run.written is not None and run.rendered is not None
    return run.written, {page.path for page in run.rendered.pages}


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def full_build(content: Path, tmp_path: Path) -> dict[str, bytes]:
    docs = tmp_path / "full-docs"
    rebuild(content, docs)
    return files_of(docs)


def test_a_rebuild_without_changes_renders_nothing(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first, _ = rebuild(content, docs)
    before = files_of(docs)
    second, rendered = rebuild(content, docs)
    assert (first.written, first.kept) == (70, 0)
    assert (second.written, second.kept, rendered) == (0, 70, set())
    assert files_of(docs) == before


def topic_pages_listing(content: Path, slug: str) -> tuple[set[str], set[str]]:
    """The topic pages that list transcript ``slug`` (the seeds' topics have no year pages), and all."""
    index = build_corpus(parse_corpus(content), load_topic_config(content)).topic_index
    assert index is not None
    every = {topic.slug for topic in index.topics}
    listing = {t for t in every if slug in {ref.slug for ref in index.coverage(t).transcripts}}
    return {f"topics/{t}.md" for t in listing}, {f"topics/{t}.md" for t in every}


def test_editing_an_answer_renders_its_transcript_and_the_pages_listing_it(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    raw = content / SEED_000
    text = raw.read_text(encoding="utf-8")
    # Past the lead of an answer (topic pages quote the first 240 characters), with no topic in it.
    old = "we would welcome even more contacts"
    assert text.count(old) == 1
    raw.write_text(text.replace(old, "we would welcome still more contacts"), encoding="utf-8")

    written, rendered = rebuild(content, docs)

    listing, every = topic_pages_listing(content, SLUG_000)
    assert listing and listing < every
    # Its page and open data, and its topics' pages; not the year page or the
    # corpus index (the word count is the same), no other transcript's page.
    assert rendered == {f"transcripts/{SLUG_000}.md", f"data/transcripts/{SLUG_000}.json"} | listing
    assert written.written == len(rendered)
    assert files_of(docs) == full_build(content, tmp_path)


def test_an_edit_that_changes_topics_renders_the_topic_pages_too(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    raw = content / SEED_000
    raw.write_text(raw.read_text(encoding="utf-8") + "\nJENS STOLTENBERG: We discussed cyber defence.\n",
                   encoding="utf-8")

    _, rendered = rebuild(content, docs)

    assert {f"transcripts/{SLUG_000}.md", "topics/cyber-defence.md", "topics/index.md"} <= rendered
    assert files_of(docs) == full_build(content, tmp_path)


def test_a_removed_transcript_takes_its_pages_with_it(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    (content / SEED_000).unlink()
    (content / SEED_000).with_suffix(".meta.yaml").unlink()

    rebuild(content, docs)

    assert not (docs / f"transcripts/{SLUG_000}.md").exists()
    assert files_of(docs) == full_build(content, tmp_path)


def test_a_manifest_it_cannot_read_renders_everything(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    (docs / MANIFEST).write_text("{not json", encoding="utf-8")

    written, _ = rebuild(content, docs)

    assert (written.written, written.kept) == (70, 0)


def test_a_page_missing_from_the_last_build_is_rendered_again(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    (docs / f"data/transcripts/{SLUG_000}.json").unlink()

    _, rendered = rebuild(content, docs)

    assert rendered == {f"data/transcripts/{SLUG_000}.json"}
    assert files_of(docs) == full_build(content, tmp_path)


def test_new_generator_code_renders_everything(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    monkeypatch.setattr(groups_module, "code_version", lambda: "another version")

    written, _ = rebuild(content, docs)

    assert (written.written, written.kept) == (70, 0)


def test_pages_do_not_depend_on_how_many_processes_render_them(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 1)  # however few groups the seeds make

    assert render_site(corpus, workers=2) == render_site(corpus, workers=1)


def test_a_big_topic_keys_each_year_page_on_that_year_alone() -> None:
    taxonomy = taxonomy_from("topics:\n  - {name: Crimea, kind: country-region, description: d}\n")

    def crimea_pages(answer_2016: str) -> dict[str, str]:
        older = make_transcript("older", [("Crimea?", "Crimea.")], date=dt.date(2014, 3, 1))
        newer = make_transcript("newer", [("Crimea again?", answer_2016)], date=dt.date(2016, 1, 1))
        index = topic_index_of((older, newer), taxonomy)
        digests = {"older": "same", "newer": answer_2016}  # the digest changes with the transcript
        return dict(TopicGroup(index, "crimea", TopicInputs(index), digests, {}, per_page=1).keys())

    before, after = crimea_pages("Crimea, yes."), crimea_pages("Crimea, indeed.")

    assert sorted(before) == ["topics/crimea.md", "topics/crimea/2014.md", "topics/crimea/2016.md"]
    assert before["topics/crimea/2014.md"] == after["topics/crimea/2014.md"]
    assert before["topics/crimea/2016.md"] != after["topics/crimea/2016.md"]
