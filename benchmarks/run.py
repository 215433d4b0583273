"""The archive-scale benchmark, in one command:

    python -m benchmarks.run --n 100 1000 10000
    python -m benchmarks.run --n 1000 --stages generator     # read -> write only, quick

For each N it writes (or reuses) a synthetic corpus, builds it stage by stage
in a fresh process (benchmarks.measure), then prints a table and writes JSON
to benchmarks/out/. See docs/benchmark.md.
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

from benchmarks.report import derive, table, targets
from benchmarks.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SCHEMA = "pressroom.benchmark/1"
PACKAGES = {"MkDocs": "mkdocs", "Material": "mkdocs-material", "Pagefind": "pagefind"}


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


def machine(seed: int) -> dict[str, Any]:
    """What the figures were measured on."""
    versions = {}
    for label, package in PACKAGES.items():
        try:
            versions[label] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[label] = "missing"
    return {"seed": seed, "cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "versions": versions}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every N asked for; print the table, write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000], help="corpus sizes (default: 100 1000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--stages", choices=("all", "generator"), default="all",
                        help="all stages and the baseline, or read -> write only")
    parser.add_argument("--out", type=Path, default=OUT, help="cached corpora, build folders and results")
    parser.add_argument("--keep", action="store_true", help="keep the built docs and sites for inspection")
    parser.add_argument("--python-heap", action="store_true",
                        help="also trace Python allocations per stage (tracemalloc; slows Python stages)")
    parser.add_argument("--profile", action="store_true",
                        help="profile each stage (cProfile; slower) into OUT/profiles/nN/STAGE.prof")
    args = parser.parse_args(argv)
    runs = []
    for n in sorted(set(args.n)):
        content, corpus = ensure_corpus(args.out, n, args.seed)
        project = args.out / "work" / f"n{n}"
        print(f"N={n:,}: corpus {'reused' if corpus['generated_seconds'] is None else 'written'}, building ...",
              file=sys.stderr, flush=True)
        profile = args.out / "profiles" / f"n{n}" if args.profile else None
        run = {"n": n, "corpus": corpus, **measure_in_child(content, project, args.stages, args.python_heap, profile)}
        run["derived"] = derive(run)
        runs.append(run)
        if not args.keep:
            shutil.rmtree(project, ignore_errors=True)
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
