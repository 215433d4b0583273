"""Rebuilds render only the pages whose view changed, and end as a full build would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import parallel
from generator.build import BuildSettings, Run, parse_corpus, run_stages, stages_through
from generator.cache import MANIFEST
from generator.cache import pages as pages_module
from generator.enrich import build_corpus, load_topic_config
from generator.topics import STATEMENT_ANCHOR, UnitKey
from generator.write import Staging, Written
from tests.support import CONTENT, render_all

SEED_000 = "transcripts/000_dc2035bffcbcb803.txt"
SLUG_000 = "2015-11-24-statement-extraordinary-nac-meeting"
DOWNLOADS = ("data/transcripts.jsonl.gz", "data/questions.csv.gz")  # every transcript, every question


def rebuild(content: Path, docs: Path, workers: int = 1) -> tuple[Written, set[str]]:
    """The generator's stages into ``docs``, as ``pressroom build`` runs them (without a cache); the pages rendered."""
    settings = BuildSettings(content_dir=content, docs_dir=docs, cache_dir=None, workers=workers)
    with Staging(docs) as staged:
        # The write stage lets go of the rendered pages: what was rendered is read before it runs.
        rendered, _timings = run_stages(Run.begin(settings, docs_dir=staged.path), stages_through("render"))
        run, _timings = run_stages(rendered, stages_through("write")[-1:])
        staged.publish()
    assert run.written is not None and rendered.rendered is not None
    return run.written, {page.path for page in rendered.rendered.pages}


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
    assert (first.written, first.kept) == (192, 0)
    assert (second.written, second.kept, rendered) == (0, 192, set())
    assert files_of(docs) == before


def topic_pages_listing(content: Path, slug: str, anchor: str) -> tuple[set[str], set[str]]:
    """The topic pages that list the unit ``anchor`` of transcript ``slug`` (the seeds' topics have
    no year pages), and all."""
    index = build_corpus(parse_corpus(content), load_topic_config(content)).topic_index
    assert index is not None
    every = {topic.slug for topic in index.topics}
    listing = {t for t in every if UnitKey(slug, anchor) in {ref.key for ref in index.coverage(t).units}}
    return {f"topics/{t}.md" for t in listing}, {f"topics/{t}.md" for t in every}


def edit(raw: Path, old: str, new: str) -> None:
    text = raw.read_text(encoding="utf-8")
    assert text.count(old) == 1
    raw.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_an_answer_past_its_lead_renders_its_transcript_alone(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    # Past the start of an answer that topic pages and similar questions quote, with no topic in it.
    edit(content / SEED_000, "we would welcome even more contacts", "we would welcome still more contacts")

    written, rendered = rebuild(content, docs)

    # Its page and open data, and the downloads of the whole archive; not the
    # year page or the corpus index (the word count is the same), no topic
    # page, no other transcript's page.
    assert rendered == {f"transcripts/{SLUG_000}.md", f"data/transcripts/{SLUG_000}.json", *DOWNLOADS}
    assert written.written == len(rendered)
    assert files_of(docs) == full_build(content, tmp_path)


def test_editing_the_passage_a_topic_page_quotes_renders_that_topic_page(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    # The sentence of the statement that mentions Ahmet Davutoglu, the same number of words:
    # the corpus index stays as it was. The other topics of the statement are quoted elsewhere in it.
    edit(content / SEED_000, "I have also spoken to Prime Minister", "I have also talked to Prime Minister")

    _, rendered = rebuild(content, docs)

    listing, every = topic_pages_listing(content, SLUG_000, STATEMENT_ANCHOR)
    assert "topics/ahmet-davutoglu.md" in listing and len(listing) > 1
    assert rendered == {
        f"transcripts/{SLUG_000}.md", f"data/transcripts/{SLUG_000}.json", *DOWNLOADS, "topics/ahmet-davutoglu.md"
    }
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

    assert not (docs / f"data/transcripts/{SLUG_000}.json").exists()
    notice = (docs / f"transcripts/{SLUG_000}.md").read_text(encoding="utf-8")  # its address was published
    assert "# Withdrawn: Statement by the NATO Secretary General after the extraordinary NAC meeting\n" in notice
    assert files_of(docs) == full_build(content, tmp_path)


def test_a_manifest_it_cannot_read_renders_everything(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    rebuild(content, docs)
    (docs / MANIFEST).write_text("{not json", encoding="utf-8")

    written, _ = rebuild(content, docs)

    assert (written.written, written.kept) == (192, 0)


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
    monkeypatch.setattr(pages_module, "code_version", lambda: "another version")

    written, _ = rebuild(content, docs)

    assert (written.written, written.kept) == (192, 0)


def test_pages_do_not_depend_on_how_many_processes_render_them(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 1)  # however few pages the seeds make

    assert render_all(corpus, workers=2) == render_all(corpus, workers=1)
