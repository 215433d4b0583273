"""Archive scale: 10,000 transcripts and 150,000 questions, built in memory.

Not a timing test (benchmarks/topics_bench.py measures time): it checks the
structure that keeps the stage linear. Similarity scores at most
rows x max_terms x max_postings pairs, whatever the corpus size, so five
times the transcripts means at most about five times the work once the
postings are full, never the twenty-five times of comparing all pairs.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from generator.model import Transcript
from generator.topics import TopicIndex, TopicSettings, UnitKey
from tests.topics.conftest import topic_index_of

from .conftest import make_transcript

QUESTIONS_PER_TRANSCRIPT = 15


def synthetic(n: int, seed: int = 3) -> list[Transcript]:
    """``n`` transcripts of Zipf-distributed words, sprinkled with taxonomy names."""
    rng = np.random.default_rng(seed)
    vocabulary = np.array(
        [_letters(i) for i in range(20_000)]
        + ["Ukraine", "Crimea", "ISIL", "OSCE", "arms control", "sanctions"]
    )
    weights = 1.0 / np.arange(1, vocabulary.size + 1) ** 1.1
    weights /= weights.sum()
    words = vocabulary[rng.choice(vocabulary.size, size=(n, QUESTIONS_PER_TRANSCRIPT, 2, 40), p=weights)]
    start = dt.date(1995, 1, 1)
    return [
        make_transcript(
            f"t{i:05d}",
            [
                (" ".join(words[i, q, 0, :20]) + "?", " ".join(words[i, q, 1]))
                for q in range(QUESTIONS_PER_TRANSCRIPT)
            ],
            date=start + dt.timedelta(days=int(i * 11_000 / n)),
        )
        for i in range(n)
    ]


def _letters(number: int) -> str:
    """A made-up word of letters only ("zab"), as the tokeniser reads letters."""
    word = "z"
    while True:
        number, digit = divmod(number, 26)
        word += chr(ord("a") + digit)
        if number == 0:
            return word


def build(n: int, taxonomy) -> TopicIndex:  # type: ignore[no-untyped-def]
    return topic_index_of(synthetic(n), taxonomy, TopicSettings())


@pytest.mark.slow
def test_ten_thousand_transcripts_stay_linear(taxonomy) -> None:  # type: ignore[no-untyped-def]
    settings = TopicSettings()
    small, large = build(2_000, taxonomy), build(10_000, taxonomy)
    questions = 10_000 * QUESTIONS_PER_TRANSCRIPT
    assert len(large.units) == questions
    per_question = settings.max_terms * settings.max_postings
    assert small.similar.work <= 2_000 * QUESTIONS_PER_TRANSCRIPT * per_question
    assert large.similar.work <= questions * per_question
    # Work per question grows only until the postings fill up, then stays
    # flat: five times the corpus costs well under the 25 times of all pairs.
    assert large.similar.work / max(small.similar.work, 1) < 10
    assert large.related.work <= 10_000 * settings.max_terms * settings.max_postings
    neighbours = np.diff(large.similar.indptr)
    assert neighbours.max() <= settings.similar_count
    assert np.diff(large.related.indptr).max() <= settings.related_count
    # Links go where they should: never inside a transcript, and both ways in time.
    found = large.asked_elsewhere(UnitKey("t05000", "q1"))
    assert all(item.key.transcript != "t05000" for item in (*found.before, *found.since, *found.elsewhere))
    assert {c.topic.slug for c in map(large.coverage, ("ukraine", "isil"))} == {"ukraine", "isil"}
    assert large.coverage("crimea").transcript_count > 1
