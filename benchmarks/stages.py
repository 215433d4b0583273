"""The build's stages as the benchmark calls them, one at a time.

The order and the calls mirror ``generator.build``; they are repeated here
because the benchmark times and measures each stage on its own. Every stage
function is looked up by name when the benchmark runs: a stage the generator
does not have (yet) is skipped with what is missing, and so is every stage
after it, since each needs the output of the one before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Context:
    """Where one measured build reads and writes, and what each stage handed on."""

    content_dir: Path
    project: Path  # holds mkdocs.yml; docs and site folders as mkdocs.yml names them
    parsed: Any = None
    corpus: Any = None
    pages: Any = None  # the rendered site

    @property
    def config_file(self) -> Path:
        return self.project / "mkdocs.yml"

    @property
    def docs_dir(self) -> Path:
        return self.project / "build" / "docs"

    @property
    def site_dir(self) -> Path:
        return self.project / "site"


def _parse(parse_corpus: Callable, ctx: Context) -> dict[str, Any]:
    ctx.parsed = parse_corpus(ctx.content_dir)
    return {"transcripts": len(ctx.parsed.transcripts), "problems": len(ctx.parsed.problems)}


def _enrich(build_corpus: Callable, ctx: Context) -> dict[str, Any]:
    # As generator.build does: the topic stage runs with the content folder's topics.yaml.
    from generator.enrich import load_topic_config

    ctx.corpus = build_corpus(ctx.parsed, load_topic_config(ctx.content_dir))
    return {"entries": len(ctx.corpus.entries), "problems": len(ctx.corpus.problems), "topics": len(ctx.corpus.topics)}


def _render(render_site: Callable, ctx: Context) -> dict[str, Any]:
    ctx.pages = render_site(ctx.corpus)
    pages = ctx.pages.pages
    return {"pages": len(pages), "markdown_bytes": sum(len(p.text.encode("utf-8")) for p in pages)}


def _write(write_site: Callable, ctx: Context) -> dict[str, Any]:
    return {"files": write_site(ctx.pages, ctx.docs_dir).pages}


def _mkdocs(build_mkdocs: Callable, ctx: Context) -> dict[str, Any]:
    warnings = build_mkdocs(ctx.config_file, ctx.docs_dir, ctx.site_dir, getattr(ctx.corpus, "last_date", None))
    return {"warnings": len(warnings)}


def _index(index_site: Callable, ctx: Context) -> dict[str, Any]:
    return {"indexed": index_site(ctx.site_dir).page_count}


@dataclass(frozen=True)
class Stage:
    """One stage: its name in reports, the generator function it calls, and how."""

    name: str
    title: str
    module: str
    function: str
    run: Callable[[Callable, Context], dict[str, Any]]

    def resolve(self) -> Callable | str:
        """The generator's function, or why it is not there."""
        try:
            module = importlib.import_module(self.module)
        except ImportError as error:
            return f"{self.module} cannot be imported ({error})"
        found = getattr(module, self.function, None)
        return found if callable(found) else f"{self.module}.{self.function} does not exist"


STAGES = (
    Stage("parse", "read + parse", "generator.parsing", "parse_corpus", _parse),
    Stage("enrich", "enrich", "generator.enrich", "build_corpus", _enrich),
    Stage("render", "render", "generator.render", "render_site", _render),
    Stage("write", "write", "generator.write", "write_site", _write),
    Stage("mkdocs", "mkdocs build", "generator.site.mkdocs", "build_mkdocs", _mkdocs),
    Stage("index", "search index", "generator.site.search", "index_site", _index),
)
GENERATOR = ("parse", "enrich", "render", "write")  # read -> write: the generator's own work
