"""The archive-scale benchmark, in one command:

    python -m benchmarks.run --n 100 1000 10000
    python -m benchmarks.run --n 1000 --stages generator     # read -> write only, quick
    python -m benchmarks.run --corpus ../shared/corpora/kremlin   # a real corpus folder

For each N it writes (or reuses) a synthetic corpus, builds it stage by stage
in a fresh process (benchmarks.measure), then builds the plain alternative of
the same raw files (benchmarks.plain); a real corpus is built the same way.
It prints a table and writes JSON to benchmarks/out/. See docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.plain import plain_build, raw_transcripts
from benchmarks.report import derive, table, targets
from benchmarks.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SCHEMA = "pressroom.benchmark/2"  # 2: the plain alternative, real corpora, issue 17's targets
PACKAGES = {"MkDocs": "mkdocs", "Material": "mkdocs-material"}


def corpus_fingerprint() -> str:
    """Changes whenever the corpus generator's code does, so a stale cached corpus is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "benchmarks" / "synthetic").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(out: Path, n: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The content folder of N synthetic transcripts, generated or reused from an earlier run."""
    folder = out / "corpus" / f"seed{seed}-n{n}"
    stamp = folder / ".fingerprint"
    fingerprint = corpus_fingerprint()
    reused = stamp.is_file() and stamp.read_text() == fingerprint
    start = time.perf_counter()
    if not reused:
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(n, seed, folder)
        stamp.write_text(fingerprint)
    for data in sorted((ROOT / "content").glob("*.yaml")):  # the directory as it is today
        shutil.copyfile(data, folder / data.name)
    raw = sum(p.stat().st_size for p in (folder / "transcripts").glob("*.txt"))
    return folder, {"raw_bytes": raw, "generated_seconds": None if reused else time.perf_counter() - start}


def real_content(out: Path, corpus: Path) -> tuple[Path, dict[str, Any]]:
    """A content folder for a real corpus: links to its raw files, the repository's directory and topics.

    ``corpus`` is a folder of raw transcripts (as in ../shared/corpora/) or a
    content folder with a ``transcripts/`` folder. The files are linked, never
    copied: the corpora stay out of the repository.
    """
    source = corpus / "transcripts" if (corpus / "transcripts").is_dir() else corpus
    folder = out / "corpus" / f"real-{corpus.resolve().name}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "transcripts").mkdir(parents=True)
    for path in sorted(source.iterdir()):
        if path.is_file() and path.name.lower() != "readme.md":  # the corpus's own description is no transcript
            (folder / "transcripts" / path.name).symlink_to(path.resolve())
    for data in sorted((ROOT / "content").glob("*.yaml")):
        own = corpus / data.name  # a content folder's own directory wins
        shutil.copyfile(own if own.is_file() else data, folder / data.name)
    raw = raw_transcripts(folder)
    return folder, {"name": corpus.resolve().name, "path": str(corpus.resolve()), "transcripts": len(raw),
                    "raw_bytes": sum(p.stat().st_size for p in raw)}


def measure_in_child(
    content: Path, project: Path, stages: str, python_heap: bool = False, profile: Path | None = None,
) -> dict[str, Any]:
    """Run benchmarks.measure in a new Python process and read its result."""
    result_file = project.parent / f"{project.name}.json"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, "-m", "benchmarks.measure", "--content", str(content), "--project", str(project),
               "--stages", stages, "--json", str(result_file)]
    command += ["--python-heap"] if python_heap else []
    command += ["--profile", str(profile)] if profile else []
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode or not result_file.is_file():
        return {"error": f"benchmarks.measure exited with {done.returncode}: {done.stderr.strip()[-2000:]}"}
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["wall_seconds"] = time.perf_counter() - start
    return result


def pagefind_version() -> str:
    """The version of the Pagefind that runs: its Python wrapper honours PAGEFIND_BINARY_PATH (the Makefile's pin)."""
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True,
                              check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "missing"
    return done.stdout.strip().removeprefix("pagefind ")


def machine(seed: int) -> dict[str, Any]:
    """What the figures were measured on."""
    versions = {}
    for label, package in PACKAGES.items():
        try:
            versions[label] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[label] = "missing"
    versions["Pagefind"] = pagefind_version()
    return {"seed": seed, "cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions}


def measure_corpus(
    name: str, size: int | None, content: Path, corpus: dict[str, Any], args: argparse.Namespace,
) -> dict[str, Any]:
    """One column of the table: the build stage by stage, then the plain alternative of the same raw files.

    ``size`` is a synthetic corpus's N; ``None`` for a real corpus, whose N is its count of raw transcripts.
    """
    project = args.out / "work" / name
    real = size is None
    n = corpus["transcripts"] if size is None else size
    label = f"{corpus['name']} ({n:,})" if real else f"N={n:,}"
    state = "linked" if real else "reused" if corpus["generated_seconds"] is None else "written"
    print(f"{label}: corpus {state}, building ...", file=sys.stderr, flush=True)
    profile = args.out / "profiles" / name if args.profile else None
    run = {"n": n, "label": label, "kind": "real" if real else "synthetic", "corpus": corpus,
           **measure_in_child(content, project, args.stages, args.python_heap, profile)}
    if args.stages == "all":
        # Right after the build, on the same raw files: back to back, as the issue measured them.
        print(f"{label}: the plain alternative ...", file=sys.stderr, flush=True)
        run["plain"] = plain_build(content, project / "plain")
    run["derived"] = derive(run)
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return run


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every N asked for; print the table, write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+",
                        help="synthetic corpus sizes (default: 100 1000, none with --corpus)")
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="also a real corpus: a folder of raw transcripts (repeatable)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--stages", choices=("all", "generator"), default="all",
                        help="all stages, the plain alternative and the bare baseline, or read -> write only")
    parser.add_argument("--out", type=Path, default=OUT, help="cached corpora, build folders and results")
    parser.add_argument("--keep", action="store_true", help="keep the built docs and sites for inspection")
    parser.add_argument("--python-heap", action="store_true",
                        help="also trace Python allocations per stage (tracemalloc; slows Python stages)")
    parser.add_argument("--profile", action="store_true",
                        help="profile each stage (cProfile; slower) into OUT/profiles/nN/STAGE.prof "
                             "(real-NAME/ for a corpus)")
    args = parser.parse_args(argv)
    sizes = args.n if args.n is not None else ([] if args.corpus else [100, 1000])
    corpora: list[tuple[str, int | None, Path, dict[str, Any]]] = [
        (f"n{n}", n, *ensure_corpus(args.out, n, args.seed)) for n in sorted(set(sizes))]
    corpora += [(f"real-{folder.resolve().name}", None, *real_content(args.out, folder)) for folder in args.corpus]
    runs = [measure_corpus(name, n, content, corpus, args) for name, n, content, corpus in corpora]
    info = machine(args.seed)
    print(table(runs, info))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    document = {"schema": SCHEMA, "created": stamp, "stages": args.stages, "machine": info, "runs": runs,
                "targets": targets(runs)}
    args.out.mkdir(parents=True, exist_ok=True)
    for name in (f"benchmark-{stamp}.json", "latest.json"):
        (args.out / name).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out / f'benchmark-{stamp}.json'}", file=sys.stderr)
    return 1 if any("error" in run for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
