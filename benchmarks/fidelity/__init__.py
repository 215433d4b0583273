"""The fidelity benchmark: how well the parser understands real transcripts nobody here wrote.

    python -m benchmarks.fidelity                      # the two corpora in ../shared/corpora/
    python -m benchmarks.fidelity --corpus DIR [--corpus DIR ...] [--truth FILE] [--json FILE]

Each corpus folder is read as a maintainer would drop it into
``content/transcripts/``: every file as published, with the project's own
people and outlets files. The benchmark prints, per corpus, the files read,
refused and crashed, and the figures of :mod:`benchmarks.fidelity.measures`;
then it scores the hand-checked sample in ``benchmarks/fidelity_truth.yaml``.
See docs/benchmark.md.
"""
