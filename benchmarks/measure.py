"""Measure one build of one corpus, stage by stage, in a process of its own.

``benchmarks.run`` starts this module once per corpus size, so the memory
a smaller run leaves behind never inflates the peak of a larger one:

    python -m benchmarks.measure --content DIR --project DIR --json OUT [--stages generator]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from benchmarks.baseline import BARE_SITE, bare_build
from benchmarks.memory import cpu_seconds, lifetime_peak, measure_peak
from benchmarks.sizes import site_sizes
from benchmarks.stages import GENERATOR, STAGES, Context, Stage

ROOT = Path(__file__).resolve().parents[1]
THEME = "site_config"  # mkdocs.yml's custom_dir lives here


def prepare_project(project: Path, root: Path = ROOT) -> None:
    """A build folder laid out like the repository: mkdocs.yml, the theme folder, no old output.

    mkdocs.yml names its docs, site and theme folders relative to itself;
    copying it and linking the theme keeps it byte-identical to the real one.
    """
    project.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / "mkdocs.yml", project / "mkdocs.yml")
    theme = project / THEME
    if not theme.exists() and (root / THEME).is_dir():
        theme.symlink_to(root / THEME, target_is_directory=True)
    for old in ("build", "site", BARE_SITE):
        shutil.rmtree(project / old, ignore_errors=True)


def run_stages(
    ctx: Context, names: tuple[str, ...], python_heap: bool = False, stages: tuple[Stage, ...] = STAGES,
    profile_dir: Path | None = None,
) -> list[dict[str, Any]]:
    """Run the named stages in build order; report each, or why it did not run.

    With ``profile_dir``, each stage also runs under cProfile (slower): its
    statistics go to ``profile_dir/STAGE.prof`` and its costliest functions
    into the row.
    """
    results: list[dict[str, Any]] = []
    blocked: str | None = None
    for stage in (s for s in stages if s.name in names):
        row: dict[str, Any] = {"stage": stage.name, "title": stage.title}
        results.append(row)
        function = stage.resolve()
        if blocked or isinstance(function, str):
            row["skipped"] = blocked or function
            blocked = blocked or f"needs {stage.title}, which did not run"
            continue
        gc.collect()  # garbage of the stage before is not this stage's peak
        with measure_peak(python_heap) as peak:
            cpu_start, start = cpu_seconds(), time.perf_counter()
            profiler = cProfile.Profile() if profile_dir else None
            try:
                if profiler:
                    profiler.enable()
                row.update(stage.run(function, ctx))
            except Exception as error:  # a failing stage is a result; the report says what failed
                row["error"] = f"{type(error).__name__}: {error}"
                row["traceback"] = traceback.format_exc()[-3000:]
                blocked = f"needs {stage.title}, which failed"
            finally:
                if profiler:
                    profiler.disable()
            row["seconds"] = time.perf_counter() - start
            row["cpu_seconds"] = cpu_seconds() - cpu_start
        if profiler and profile_dir:
            row["profile"] = _profile(profiler, profile_dir / f"{stage.name}.prof")
        row.update(peak_bytes=peak.total, process_peak_bytes=peak.process, children_peak_bytes=peak.children)
        if peak.python_heap is not None:
            row["python_heap_peak_bytes"] = peak.python_heap
    return results


def _profile(profiler: cProfile.Profile, path: Path, top: int = 12) -> list[str]:
    """Save the statistics; return the functions that took most time, callees included."""
    path.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(path)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    rows = []
    for (file, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((cumulative, f"{cumulative:8.2f} s {calls:>9} calls  {name} ({Path(file).name}:{line})"))
    return [text for _, text in sorted(rows, reverse=True)[:top]]


def measure(
    content: Path, project: Path, names: tuple[str, ...], python_heap: bool = False, profile_dir: Path | None = None,
) -> dict[str, Any]:
    """Time and measure the stages, then the output's sizes and the bare MkDocs + Pagefind baseline."""
    prepare_project(project)
    load = os.getloadavg()[0]  # other work on a shared machine slows every stage: say how much there was
    ctx = Context(content, project)
    stages = run_stages(ctx, names, python_heap, profile_dir=profile_dir)
    done = {row["stage"] for row in stages if "seconds" in row and "error" not in row}
    # The whole build's peak, every process together: the highest of its stages' (this process's alone if unsampled).
    peak = max([lifetime_peak()] + [row.get("peak_bytes") or 0 for row in stages])
    result: dict[str, Any] = {"stages": stages, "peak_bytes": peak, "load_average": load}
    transcripts = next((row.get("transcripts", 0) for row in stages if row["stage"] == "parse"), 0)
    result["transcripts"] = transcripts
    if "site" in done:
        result["sizes"] = site_sizes(ctx.docs_dir, ctx.site_dir, transcripts)
    if "write" in done and "site" in names:
        result["baseline"] = bare_build(project)
    return result


def main(argv: list[str] | None = None) -> int:
    """Measure one build and write the result as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure", description=__doc__)
    parser.add_argument("--content", type=Path, required=True, help="content folder to build")
    parser.add_argument("--project", type=Path, required=True, help="folder for mkdocs.yml, docs and site")
    parser.add_argument("--stages", choices=("all", "generator"), default="all")
    parser.add_argument("--python-heap", action="store_true", help="also trace Python allocations (slow)")
    parser.add_argument("--profile", type=Path, help="profile each stage into this folder (slow)")
    parser.add_argument("--json", type=Path, required=True, help="where to write the result")
    args = parser.parse_args(argv)
    names = GENERATOR if args.stages == "generator" else tuple(s.name for s in STAGES)
    result = measure(args.content, args.project, names, args.python_heap, args.profile)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
