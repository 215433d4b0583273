"""Rebuilds and cores: what one edit costs, and what the second core buys.

    python -m benchmarks.incremental --n 1000

On a copy of the synthetic corpus of N transcripts it times the generator's
stages (read, census, parse, enrich, view, render, write; MkDocs and Pagefind are timed by
``benchmarks.run``), each build in a fresh process as ``pressroom build``
runs them:

- a first build (empty parse cache, no earlier pages), on 1 and on 2 cores;
- a rebuild with nothing changed;
- a rebuild after one word of one transcript's answer changed;
- the same in a process that has just built (as ``pressroom serve`` rebuilds
  after each change, into its own docs folder), with one word of another
  transcript changed.

The docs folders left by the last rebuilds, for publishing and for the
preview, must be byte-identical to full builds' of the edited corpus.

It prints a table and writes ``OUT/incremental-latest.json``. The work folder
is deleted afterwards unless --keep. See docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.run import ensure_corpus
from benchmarks.stages import GENERATOR

SCHEMA = "pressroom.benchmark-incremental/1"


def generator_build(content: Path, docs: Path, cache: Path, workers: int, serve: Any = None) -> dict[str, Any]:
    """One build's generator stages (generator.build's, read -> write); seconds per stage and pages rendered.

    ``serve``: a ``generator.build.ServeRebuild`` shared by the builds of one process, as ``pressroom serve``
    shares one between its rebuilds (what the caches read stays in memory).
    """
    from generator.build import BuildSettings, Run, run_stages, stages_through
    from generator.write import Staging

    settings = BuildSettings(content_dir=content, docs_dir=docs, cache_dir=cache, workers=workers)
    with Staging(docs) as staged:
        after_render, timings = run_stages(Run.begin(settings, serve, docs_dir=staged.path), stages_through("render"))
        # The write stage lets go of the rendered pages: what was rendered is read before it runs.
        run, write_timings = run_stages(after_render, stages_through("write")[-1:])
        staged.publish()
    seconds = {name: round(spent, 3) for name, spent in (*timings, *write_timings)}
    return {
        "seconds": seconds,
        "generator_seconds": round(sum(seconds.values()), 3),
        "pages": run.written.pages,
        "pages_rendered": run.written.written,
        "pages_rendered_paths": [page.path for page in after_render.rendered.pages],
    }


def in_child(
    content: Path, docs: Path, cache: Path, workers: int, warm: bool = False, preview: bool = False
) -> dict[str, Any]:
    """``generator_build`` in a fresh Python process: nothing warm but the files on disk.

    ``preview``: build as ``pressroom serve`` does (its own docs folder, no
    downloads). ``warm``: a preview that builds once, edits one more
    transcript (``edit_one(content, 1)``) and reports the second build, as
    ``pressroom serve`` rebuilds.
    """
    command = [sys.executable, "-m", "benchmarks.incremental", "--child", str(content), str(docs), str(cache),
               str(workers), *(["--warm"] if warm else []), *(["--preview"] if preview else [])]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def edit_one(content: Path, skip: int = 0) -> str:
    """Change one word in the speech of a transcript in the middle of the corpus; its file.

    The corpus mixes encodings, so the word is changed as ASCII bytes, in
    the first file from the middle on (past ``skip`` files) that is not UTF-16.
    """
    files = sorted((content / "transcripts").glob("*.txt"))
    middle = len(files) // 2 + skip
    for target in files[middle:] + files[:middle]:
        data = target.read_bytes()
        at = data.find(b" the ", len(data) // 2)  # past the top of the file, inside someone's speech
        if at >= 0:
            target.write_bytes(data[:at] + b" this " + data[at + 5:])
            return target.relative_to(content).as_posix()
    raise SystemExit(f"found no word to change in {content}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--preview", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        content, docs, cache, workers = args.child
        serve = None
        if args.warm or args.preview:
            from generator.build import ServeRebuild

            serve = ServeRebuild()  # kept across the two builds, as pressroom serve keeps one
        if args.warm:
            generator_build(Path(content), Path(docs), Path(cache), int(workers), serve)
            edit_one(Path(content), 1)
        print(json.dumps(generator_build(Path(content), Path(docs), Path(cache), int(workers), serve)))
        return 0

    corpus, _ = ensure_corpus(args.out, args.n, args.seed)
    work = args.out / "work" / f"incremental-n{args.n}"
    shutil.rmtree(work, ignore_errors=True)
    content = work / "content"
    shutil.copytree(corpus, content)
    runs: dict[str, Any] = {}
    for workers in (1, 2):
        shutil.rmtree(work / "cache", ignore_errors=True)
        shutil.rmtree(work / "docs", ignore_errors=True)
        runs[f"first build, {workers} core{'s' if workers > 1 else ''}"] = in_child(
            content, work / "docs", work / "cache", workers
        )
    runs["rebuild, nothing changed"] = in_child(content, work / "docs", work / "cache", 2)
    edited = edit_one(content)
    runs["rebuild, one transcript edited"] = in_child(content, work / "docs", work / "cache", 2)
    # The preview keeps its own docs folder, as pressroom serve does (build/preview-docs).
    runs["rebuild in a running process (serve), one more edited"] = in_child(
        content, work / "preview-docs", work / "cache", 2, warm=True
    )
    # The rebuilt pages must be those a full build of the edited corpus writes, for publishing and for the preview.
    in_child(content, work / "docs", work / "cache", 2)
    in_child(content, work / "full-docs", work / "full-cache", 2)
    in_child(content, work / "full-preview-docs", work / "full-cache", 2, preview=True)
    same = _files(work / "docs") == _files(work / "full-docs") and _files(work / "preview-docs") == _files(
        work / "full-preview-docs"
    )
    result = {"schema": SCHEMA, "n": args.n, "seed": args.seed, "edited": edited, "runs": runs,
              "rebuild_equals_full_build": same}
    (args.out / "incremental-latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    print(f"rebuilt docs folder identical to a full build's: {'yes' if same else 'NO'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def table(result: dict[str, Any]) -> str:
    """The runs as a Markdown table, a row each."""
    stages = GENERATOR
    lines = [
        f"N = {result['n']:,}; edited: {result['edited']}",
        "",
        "| build | " + " | ".join(stages) + " | generator | pages rendered |",
        "|---|" + "---:|" * (len(stages) + 2),
    ]
    for name, run in result["runs"].items():
        cells = [f"{run['seconds'][s]:.2f} s" for s in stages]
        rate = result["n"] / run["generator_seconds"] if run["generator_seconds"] else 0
        lines.append(
            f"| {name} | " + " | ".join(cells)
            + f" | {run['generator_seconds']:.2f} s ({rate:,.0f}/s) | {run['pages_rendered']:,} of {run['pages']:,} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
