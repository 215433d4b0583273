"""MkDocs in shards (generator.site.shards) writes the site, and logs the warnings, of MkDocs in one process."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_commands_build
from mkdocs.structure.pages import Page

from benchmarks.synthetic import write_corpus
from generator.build import BuildSettings, Run, run_stages, stages_through
from generator.site import SiteError
from generator.site.mkdocs import build_mkdocs, shard_count
from generator.site.mkdocs_steps import load
from tests.e2e.test_build import built, files_of  # noqa: F401 - the built seeds' docs folder, a module fixture
from tests.support import CONTENT, REPO

pytestmark = pytest.mark.slow

DATE = dt.date(2024, 5, 1)


def build(docs: Path, site: Path, shards: int, config: Path = REPO / "mkdocs.yml") -> tuple[str, ...]:
    steps: list[tuple[int, int]] = []
    warnings = build_mkdocs(config, docs, site, DATE, lambda done, total: steps.append((done, total)), shards=shards)
    total = steps[-1][1]
    assert steps[0] == (0, total) and steps[-1] == (total, total) and len(steps) == total + 1  # every page, twice
    return warnings


def assert_same_site(docs: Path, tmp_path: Path) -> tuple[str, ...]:
    """Built in one process and in 2 and 3 shards: the same files, byte for byte, and the same warnings."""
    warnings = build(docs, tmp_path / "one", 1)
    one = files_of(tmp_path / "one")
    assert "sitemap.xml" in one and "404.html" in one and "index.html" in one
    for shards in (2, 3):
        assert build(docs, tmp_path / f"in{shards}", shards) == warnings
        sharded = files_of(tmp_path / f"in{shards}")
        assert sorted(sharded) == sorted(one)
        assert [path for path in one if sharded[path] != one[path]] == []
    return warnings


def test_the_seeds_site_in_shards_is_the_one_process_site(built, tmp_path: Path) -> None:  # noqa: F811
    _site, docs, _output = built
    assert assert_same_site(docs, tmp_path) == ()


@pytest.fixture(scope="module")
def synthetic_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs folder of 40 synthetic transcripts (seed 7), as the build writes it."""
    root = tmp_path_factory.mktemp("synthetic")
    write_corpus(40, seed=7, out=root / "content", directory=CONTENT)
    settings = BuildSettings(content_dir=root / "content", site_dir=root / "site", docs_dir=root / "docs",
                             config_file=REPO / "mkdocs.yml", cache_dir=None, incremental=False)
    run, _timings = run_stages(replace(Run.begin(settings), docs_dir=root / "docs", site_dir=root / "site"),
                               stages_through("write"))
    assert run.written is not None and run.written.pages > 400
    return root / "docs"


def test_a_synthetic_site_in_shards_is_the_one_process_site(synthetic_docs: Path, tmp_path: Path) -> None:
    assert_same_site(synthetic_docs, tmp_path)


def test_a_shard_for_each_megabyte_of_markdown_up_to_the_workers(built, synthetic_docs: Path) -> None:  # noqa: F811
    _site, seeds, _output = built
    config = str(REPO / "mkdocs.yml")
    assert shard_count(load(config, str(seeds), "site"), 8) == 1  # the seeds: a third of a megabyte
    synthetic = load(config, str(synthetic_docs), "site")  # some 3 MB
    assert (shard_count(synthetic, 2), shard_count(synthetic, 1)) == (2, 1)


def test_broken_links_and_anchors_warn_alike_in_shards(built, tmp_path: Path) -> None:  # noqa: F811
    _site, seeds, _output = built
    docs = tmp_path / "docs"
    shutil.copytree(seeds, docs)
    transcripts = sorted(path.relative_to(docs).as_posix() for path in (docs / "transcripts").glob("*.md"))
    assert len(transcripts) >= 3
    first = {page: re.search(r"\{: #(p-[0-9a-f]{8})", (docs / page).read_text(encoding="utf-8")).group(1)
             for page in transcripts}  # each page's first paragraph
    links = [f"- [{at}](../{page}#no-such-anchor-{at}), [here](../{page}#{first[page]})"
             for at, page in enumerate(transcripts)]
    (docs / "topics" / "broken-links.md").write_text(
        "# Broken links\n\n" + "\n".join(links) + "\n\n[gone](../transcripts/gone.md) [self](#nowhere)\n",
        encoding="utf-8")
    (docs / "people" / "more-broken-links.md").write_text(
        f"# More\n\n[a page]({Path(transcripts[0]).name}) [an anchor](../{transcripts[-1]}#nor-this)\n",
        encoding="utf-8")

    warnings = assert_same_site(docs, tmp_path)

    assert len([w for w in warnings if "does not contain an anchor '#no-such-anchor-" in w]) == len(transcripts)
    assert not [w for w in warnings if any(f"#{anchor}'" in w for anchor in first.values())]  # anchors that are there
    assert any("'../transcripts/gone.md'" in w and "not found" in w for w in warnings)
    assert any("'#nowhere'" in w and "there is no such anchor on this page" in w for w in warnings)
    assert any("#nor-this" in w for w in warnings) and any(Path(transcripts[0]).name in w for w in warnings)


def test_a_template_error_names_its_file_and_line_in_shards_as_in_one_process(
    built, tmp_path: Path  # noqa: F811
) -> None:
    _site, docs, _output = built
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "mkdocs.yml", config / "mkdocs.yml")
    shutil.copytree(REPO / "site_config", config / "site_config")
    override = config / "site_config" / "overrides" / "main.html"
    lines = override.read_text(encoding="utf-8").splitlines(keepends=True)
    after = next(at for at, line in enumerate(lines) if line.strip() == "-#}") + 1  # the template's opening comment
    override.write_text("".join(lines[:after]) + "{% if %}\n" + "".join(lines[after:]), encoding="utf-8")

    errors = []
    for shards in (1, 2):
        with pytest.raises(SiteError) as raised:
            build_mkdocs(config / "mkdocs.yml", docs, tmp_path / f"site{shards}", DATE, shards=shards)
        errors.append(str(raised.value))
    assert f"({override}, line {after + 1})" in errors[0]
    assert errors[1] == errors[0]


# generator.site.shards runs these steps of MkDocs 1.6.1's build for a share of the pages (private ones
# included: _populate_page, _build_page, _build_theme_template, _build_extra_template). If MkDocs changes
# them, the sharded build may no longer be the one-process build: read build() again, mend the shards'
# copy of it, then record the new digests.
MKDOCS_STEPS = {
    "build": "c476b64474acfaa2",
    "_populate_page": "31a70ea4caef1e12",
    "_build_page": "adcdbd14b2361126",
    "_build_theme_template": "628a78f6a129c8a0",
    "_build_extra_template": "ecfe1ffd8b50aee7",
    "validate_anchor_links": "874bc52fc630d5e8",
}


def _digest(function: object) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]  # type: ignore[arg-type]


def test_the_mkdocs_steps_the_shards_repeat_are_unchanged() -> None:
    functions = {name: getattr(mkdocs_commands_build, name) for name in MKDOCS_STEPS if name != "validate_anchor_links"}
    functions["validate_anchor_links"] = Page.validate_anchor_links
    assert {name: _digest(function) for name, function in functions.items()} == MKDOCS_STEPS
