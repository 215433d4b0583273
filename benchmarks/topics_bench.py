"""Time the topic stage on the synthetic corpus: ``python -m benchmarks.topics_bench``.

Generates N synthetic transcripts (benchmarks.synthetic), parses them once
(cached under benchmarks/out/topics/, which git ignores), then runs
the topic part of enrichment (what each transcript holds, then the topic
index: ``generator.enrich.per_transcript``) and prints the wall-clock and CPU time of each step, in
all and per transcript. Parsing is not timed: it belongs to another stage.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_corpus
from generator.model import Transcript
from generator.build import parse_corpus
from generator.enrich import TopicConfig
from generator.enrich.per_transcript import corpus_facts, topic_index
from generator.topics import TopicSettings, load_taxonomy

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "benchmarks" / "out" / "topics"


def parsed_corpus(n: int, seed: int) -> tuple[Transcript, ...]:
    """The parsed synthetic corpus of ``n`` transcripts, from the cache when there."""
    cache = CACHE / f"parsed-{n}-{seed}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(n, seed, Path(folder), REPO / "content")
        transcripts = parse_corpus(Path(folder)).transcripts
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(transcripts))
    return transcripts


def run(transcripts: tuple[Transcript, ...], settings: TopicSettings) -> list[tuple[str, float, float]]:
    """(step, wall seconds, CPU seconds) of each step of one run of the topic part of enrichment."""
    config = TopicConfig(load_taxonomy(REPO / "content" / "topics.yaml"), settings)
    marks: list[tuple[str, float, float]] = []
    start = (time.perf_counter(), time.process_time())

    def step(name: str) -> None:
        marks.append((name, time.perf_counter(), time.process_time()))

    facts, vocabulary = corpus_facts(transcripts, config)
    step("facts")
    topic_index(transcripts, facts, vocabulary, config, on_step=step)
    out, last = [], start
    for name, wall, cpu in marks:
        out.append((name, wall - last[0], cpu - last[1]))
        last = (wall, cpu)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print a table of step timings for each N."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.topics_bench", description=__doc__)
    parser.add_argument(
        "--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts (default 3)")
    args = parser.parse_args(argv)
    settings = TopicSettings()
    for n in args.n:
        transcripts = parsed_corpus(n, args.seed)
        count = max(len(transcripts), 1)
        questions = sum(len(t.questions) for t in transcripts)
        runs = [run(transcripts, settings) for _ in range(args.repeat)]
        best = min(runs, key=lambda steps: sum(wall for _name, wall, _cpu in steps))
        wall = sum(w for _name, w, _cpu in best)
        cpu = sum(c for _name, _wall, c in best)
        print(
            f"N={len(transcripts)} transcripts, {questions} questions: "
            f"{wall:.2f} s ({1000 * wall / count:.3f} ms per transcript), CPU {cpu:.2f} s"
        )
        print(f"  {'step':<10} {'wall ms/transcript':>19} {'CPU ms/transcript':>18}")
        for name, w, c in best:
            print(f"  {name:<10} {1000 * w / count:19.3f} {1000 * c / count:18.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
