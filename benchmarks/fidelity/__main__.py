"""Run the fidelity benchmark; see the package docstring."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.fidelity.archives import raw_facts, site_chrome
from benchmarks.fidelity.measures import FileFigures, file_figures
from benchmarks.fidelity.truth import score_truth
from generator.cleaning import line_keys
from generator.directory import Directory, load_directory
from generator.errors import ContentError
from generator.model import Transcript
from generator.parsing import parse_document
from generator.parsing.census import full_census
from generator.reading import TRANSCRIPT_SUFFIXES, census_lines, read_document, read_raw

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_CORPORA = (CORPORA / "whitehouse-briefings", CORPORA / "kremlin")
TRUTH = ROOT / "benchmarks" / "fidelity_truth.yaml"
# The labels each archive gives its officials, where its own capitals labels do not say it.
OFFICIALS: dict[str, re.Pattern[str]] = {"kremlin": re.compile(r"\bPutin\b")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fidelity", description=__doc__)
    parser.add_argument("--corpus", action="append", type=Path, help="a folder of raw transcripts (repeatable)")
    parser.add_argument("--truth", type=Path, default=TRUTH, help="the hand-checked sample (YAML)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--show", type=int, default=5, help="examples to print for each failing measure")
    args = parser.parse_args(argv)
    corpora = args.corpus or [path for path in DEFAULT_CORPORA if path.is_dir()]
    if not corpora:
        parser.error(f"no corpus given and none found in {CORPORA}")
    directory = load_directory(ROOT / "content")
    results: dict[str, Any] = {}
    parsed_by_corpus: dict[str, dict[str, Transcript]] = {}
    for folder in corpora:
        started = time.perf_counter()
        outcome = run_corpus(folder, directory, args.workers)
        outcome["wall_seconds"] = time.perf_counter() - started
        parsed_by_corpus[folder.name] = outcome.pop("transcripts")
        results[folder.name] = outcome
        print(corpus_table(folder.name, outcome, args.show))
    if args.truth.is_file():
        truth = score_truth(args.truth, parsed_by_corpus)
        results["truth"] = truth["figures"]
        print(truth["table"])
    if args.json:
        for name, outcome in results.items():
            if name != "truth":
                outcome["figures"] = figures_as_json(outcome["figures"])
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


def run_corpus(folder: Path, directory: Directory, workers: int | None) -> dict[str, Any]:
    """Parse every file of one corpus as a build would (line census included); measure each."""
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES)
    skipped = sorted(p.name for p in folder.iterdir() if p.is_file() and p not in paths and not p.name.endswith(
        (".meta.yaml", ".meta.yml", ".md.txt")) and p.name.lower() != "readme.md")
    with ProcessPoolExecutor(workers) as pool:
        keys = dict(zip((p.name for p in paths), pool.map(_census_keys, paths, chunksize=8)))
        census = full_census({name: found for name, found in keys.items() if found is not None})
        raws = list(pool.map(raw_facts, paths, chunksize=8))
        jobs = [(path, directory, census.get(path.name, {})) for path in paths]
        outcomes = list(pool.map(_parse, jobs, chunksize=4))
    chrome = site_chrome(raws)
    official = OFFICIALS.get(folder.name)
    refused: list[str] = []
    crashed: list[str] = []
    figures: list[FileFigures] = []
    transcripts: dict[str, Transcript] = {}
    for path, raw, (kind, value, cpu) in zip(paths, raws, outcomes):
        if kind == "refused":
            refused.append(value)
        elif kind == "crashed":
            crashed.append(value)
        else:
            transcripts[path.name] = value
            figures.append(file_figures(value, raw, chrome, official, path.stat().st_size / 1024, cpu))
    return {"files": len(paths), "not_transcripts": skipped, "refused": refused, "crashed": crashed,
            "figures": figures, "transcripts": transcripts}


def _census_keys(path: Path) -> frozenset[str] | None:
    try:
        return line_keys(census_lines(read_raw(path, path.name)))
    except ContentError:
        return None


def _parse(job: tuple[Path, Directory, dict[str, int]]) -> tuple[str, Any, float]:
    path, directory, census = job
    started = time.process_time()
    try:
        transcript = parse_document(read_document(path, path.name), directory, census)
    except ContentError as error:
        return "refused", str(error.problem), 0.0
    except Exception:  # noqa: BLE001 - a crash is what this measures
        return "crashed", f"{path.name}: {traceback.format_exc(limit=-3).strip().splitlines()[-1]}", 0.0
    return "parsed", transcript, time.process_time() - started


def corpus_table(name: str, outcome: dict[str, Any], show: int) -> str:
    """The figures of one corpus, as printed."""
    figures: list[FileFigures] = outcome["figures"]
    parsed = len(figures)
    labelled = [f for f in figures if f.question_labels]
    within = sum(1 for f in labelled if f.questions_within <= 0.05)
    official_turns = sum(f.official_turns for f in figures)
    official_questions = sum(f.official_questions for f in figures)
    files_with_official = [f for f in figures if f.official_turns]
    never_questioner = sum(1 for f in files_with_official if not f.official_questions)
    label_turns = sum(f.question_label_turns for f in figures)
    label_misses = sum(f.question_label_misses for f in figures)
    with_chrome = [f for f in figures if f.chrome_in_turns]
    kilobytes = sum(f.kilobytes for f in figures)
    cpu = sum(f.cpu_seconds for f in figures)

    def share(part: int, whole: int) -> str:
        return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"

    rows = [
        ("files read", str(outcome["files"])),
        ("files of no transcript format (not read)", str(len(outcome["not_transcripts"]))),
        ("refused", str(len(outcome["refused"]))),
        ("crashed", str(len(outcome["crashed"]))),
        ("files with question labels, questions within 5 % of them", share(within, len(labelled))),
        ("question labels / questions found", f"{sum(f.question_labels for f in figures)} / "
                                              f"{sum(f.questions for f in figures)}"),
        ("officials' turns not taken as questions", share(official_turns - official_questions, official_turns)),
        ("files where an official is never a questioner", share(never_questioner, len(files_with_official))),
        ("question-label turns taken as questions", share(label_turns - label_misses, label_turns)),
        ("files with no chrome or header line in a turn", share(parsed - len(with_chrome), parsed)),
        ("title known", share(sum(f.title_known for f in figures), parsed)),
        ("date known", share(sum(f.date_known for f in figures), parsed)),
        ("principal speaker known", share(sum(f.principal_known for f in figures), parsed)),
        ("parse cost", f"{1000 * cpu / kilobytes:.2f} ms CPU per KB ({kilobytes / 1024:.1f} MB, {cpu:.1f} s)"
         if kilobytes else "-"),
        ("wall time", f"{outcome['wall_seconds']:.1f} s"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"\n== {name} =="] + [f"  {label.ljust(width)}  {value}" for label, value in rows]
    examples = [
        ("refused", outcome["refused"]),
        ("crashed", outcome["crashed"]),
        ("questions off by more than 5 %", [f"{f.source}: {f.questions} questions, {f.question_labels} labels"
                                            for f in labelled if f.questions_within > 0.05]),
        ("officials taken as questioners", [f"{f.source}: {f.official_questions} of {f.official_turns} turns"
                                            for f in figures if f.official_questions]),
        ("question labels not taken as questions", [f"{f.source}: {f.question_label_misses}"
                                                    for f in figures if f.question_label_misses]),
        ("chrome left in turns", [f"{f.source}: {f.chrome_in_turns[:3]}" for f in with_chrome]),
        ("no date", [f.source for f in figures if not f.date_known]),
        ("no principal", [f.source for f in figures if not f.principal_known]),
    ]
    for title, items in examples:
        if items and show:
            lines.append(f"  {title} ({len(items)}), e.g.:")
            lines += [f"    {item}" for item in items[:show]]
    return "\n".join(lines)


def figures_as_json(figures: list[FileFigures]) -> list[dict[str, Any]]:
    """Each file's figures as plain JSON-ready data."""
    return [asdict(f) for f in figures]


if __name__ == "__main__":
    sys.exit(main())
