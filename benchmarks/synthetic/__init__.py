"""A realistic synthetic raw corpus of NATO press transcripts, at any size.

``generate_corpus(n, seed)`` returns transcripts with their raw bytes,
metadata and ground truth; ``write_corpus(n, seed, out)`` writes them as a
content folder. See docs/benchmark.md for what the corpus contains.
"""

from benchmarks.synthetic.corpus import META_SUFFIX, generate_corpus, iter_corpus, write_corpus
from benchmarks.synthetic.truth import GroundTruth, QuestionTruth, SyntheticTranscript

__all__ = [
    "META_SUFFIX", "GroundTruth", "QuestionTruth", "SyntheticTranscript", "generate_corpus", "iter_corpus",
    "write_corpus",
]
