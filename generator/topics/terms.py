"""Words of each unit as vocabulary ids, read once for similarity and discovery.

Each unit contributes its question and the lead of its answer (or of the
statement); see ``TopicSettings.lead_chars``. Words are lower-cased letters
with inner hyphens ("build-up"); numbers are left out. Punctuation is kept as
a break so that discovered phrases never run across a sentence or clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from generator.topics.units import Unit

# A word, or punctuation that ends a phrase (captured as the empty string).
_TOKEN = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)|[.,;:!?()\[\]\"\u201c\u201d\u2013\u2014]")

BREAK = 0
"""Vocabulary id of a phrase break."""

# Words that never start or end a discovered phrase, on top of English stop
# words: the archive's own vocabulary, said in every transcript.
DOMAIN_WORDS = frozenset(
    """
    nato allies ally alliance allied secretary general spokesperson question questions answer
    thank thanks today yesterday tomorrow week weeks month months year years time times day days
    way ways think know say said says want wants like just really mr ms mrs dr sir madam president
    minister prime ambassador meeting meetings issue issues course fact lot lots thing things
    important different many several new good great clear clearly make made need needs needed
    let point also yes okay ok mean whether able go going come coming take taking look looking
    believe believes seen see sure told tell ready continue continues continued working work
    discussion discussions discuss discussed part kind sort countries country nation nations
    """.split()
)


@dataclass(frozen=True, eq=False)
class Terms:
    """All units' tokens in one id array; unit ``i`` is ``ids[starts[i]:starts[i+1]]``.

    ``question_ends[i]`` is where the question's tokens of unit ``i`` end.
    ``stop[id]`` is true for stop words and the archive's own words.
    """

    vocabulary: tuple[str, ...]  # id -> word; id 0 is the break
    ids: np.ndarray  # int32
    starts: np.ndarray  # int64, len(units) + 1
    question_ends: np.ndarray  # int64, len(units)
    stop: np.ndarray  # bool, len(vocabulary)


def read_terms(units: Sequence[Unit], lead_chars: int) -> Terms:
    """Tokenise every unit once."""
    vocabulary: dict[str, int] = {"": BREAK}
    ids: list[int] = []
    starts = [0]
    question_ends: list[int] = []
    findall = _TOKEN.findall
    lookup = vocabulary.setdefault
    for unit in units:
        # setdefault with len() gives each new word the next id in one step
        ids.extend([lookup(word, len(vocabulary)) for word in findall(unit.asked.lower())])
        question_ends.append(len(ids))
        ids.append(BREAK)
        ids.extend([lookup(word, len(vocabulary)) for word in findall(unit.answered[:lead_chars].lower())])
        starts.append(len(ids))
    words = tuple(vocabulary)
    stop = np.fromiter(
        (word == "" or len(word) < 2 or word in ENGLISH_STOP_WORDS or word in DOMAIN_WORDS for word in words),
        dtype=bool,
        count=len(words),
    )
    return Terms(
        vocabulary=words,
        ids=np.asarray(ids, dtype=np.int32),
        starts=np.asarray(starts, dtype=np.int64),
        question_ends=np.asarray(question_ends, dtype=np.int64),
        stop=stop,
    )


def unit_of_token(terms: Terms) -> np.ndarray:
    """For every token position, the index of its unit."""
    return np.repeat(np.arange(len(terms.starts) - 1), np.diff(terms.starts))
