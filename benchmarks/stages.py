"""The build's stages as the benchmark runs them, one at a time.

They are ``generator.build.STAGES``, in its order: the benchmark times and
measures each on its own, and says what each handed on (transcripts, pages,
warnings...). A stage is looked up when the benchmark runs: one the
generator does not have (yet) is skipped with what is missing, and so is
every stage after it, since each needs the output of the one before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any


@dataclass
class Context:
    """Where one measured build reads and writes, and the build so far (a ``generator.build.Run``)."""

    content_dir: Path
    project: Path  # holds mkdocs.yml; docs and site folders as mkdocs.yml names them
    run: Any = None

    @property
    def config_file(self) -> Path:
        return self.project / "mkdocs.yml"

    @property
    def docs_dir(self) -> Path:
        return self.project / "build" / "docs"

    @property
    def site_dir(self) -> Path:
        return self.project / "site"

    def start(self) -> Any:
        """The build so far: a first build, as ``pressroom build`` runs it without a cache, into the project."""
        if self.run is None:
            from generator.build import BuildSettings, Run
            from generator.enrich import load_topic_config
            from generator.parsing import ComputedSteps

            settings = BuildSettings(content_dir=self.content_dir, site_dir=self.site_dir, docs_dir=self.docs_dir,
                                     config_file=self.config_file, cache_dir=None, incremental=False)
            self.run = Run(settings, ComputedSteps(), load_topic_config(self.content_dir),
                           docs_dir=self.docs_dir, site_dir=self.site_dir)
        return self.run


# What each stage handed on, as the benchmark reports it.
_FACTS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "read": lambda run: {"files": len(run.sources.files)},
    "census": lambda run: {"problems": len(run.census.problems)},
    "parse": lambda run: {"transcripts": len(run.parsed.transcripts), "problems": len(run.parsed.problems)},
    "enrich": lambda run: {"entries": len(run.corpus.entries), "problems": len(run.corpus.problems),
                           "topics": len(run.corpus.topics)},
    "view": lambda run: {"pages": len(run.views)},
    "render": lambda run: {"pages": len(run.rendered.pages),
                           "markdown_bytes": sum(len(p.encoded()) for p in run.rendered.pages)},
    "write": lambda run: {"files": run.written.pages},
    "site": lambda run: {"warnings": len(run.site.warnings)},
    "search": lambda run: {"indexed": run.search.page_count},
}


def _build_stage(name: str, stages: Any, ctx: Context) -> dict[str, Any]:
    """Run the generator's stage ``name`` on the build so far; what it handed on."""
    (stage,) = [stage for stage in stages if stage.name == name]
    ctx.run = stage.run(ctx.start(), lambda done, total: None)
    return _FACTS.get(name, lambda run: {})(ctx.run)


@dataclass(frozen=True)
class Stage:
    """One stage: its name in reports, the generator function it calls, and how."""

    name: str
    title: str
    module: str
    function: str
    run: Callable[[Callable, Context], dict[str, Any]]

    def resolve(self) -> Any:
        """What the stage runs (the generator's stages, a function), or why it is not there."""
        try:
            module = importlib.import_module(self.module)
        except ImportError as error:
            return f"{self.module} cannot be imported ({error})"
        found = getattr(module, self.function, None)
        return found if found is not None else f"{self.module}.{self.function} does not exist"


_TITLES = {"read": "read", "census": "census", "parse": "parse", "enrich": "enrich", "view": "view", "render": "render",
           "write": "write", "site": "mkdocs build", "search": "search index"}


def _stages() -> tuple[Stage, ...]:
    from generator.build import STAGES as BUILD_STAGES

    return tuple(Stage(stage.name, _TITLES.get(stage.name, stage.name), "generator.build", "STAGES",
                       partial(_build_stage, stage.name)) for stage in BUILD_STAGES)


STAGES = _stages()
GENERATOR = tuple(stage.name for stage in STAGES[: [s.name for s in STAGES].index("write") + 1])
"""read -> write: the generator's own work, before MkDocs and Pagefind."""
