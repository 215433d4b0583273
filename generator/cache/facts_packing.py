"""The facts of many transcripts as a few long arrays, the form the facts cache keeps them in.

Unpickling costs per object: a transcript's facts hold a dozen or so
small arrays, but as one long array per field (and each transcript's
lengths) they are a few dozen, and slicing views back out is cheap.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np

from generator.enrich import TranscriptFacts
from generator.topics.facts import TopicFacts

# TopicFacts fields that hold arrays (annotations are strings under postponed evaluation).
_ARRAYS = tuple(f.name for f in dataclasses.fields(TopicFacts) if f.type == "np.ndarray")
_OTHERS = tuple(f.name for f in dataclasses.fields(TopicFacts) if f.name not in _ARRAYS)


def packed(facts: Mapping[str, TranscriptFacts]) -> dict[str, Any]:
    """Facts by key as long arrays (see :func:`unpacked`)."""
    topics = [f.topics for f in facts.values() if f.topics is not None]
    return {
        "keys": list(facts),
        "summaries": [f.summary for f in facts.values()],
        "topics": [f.topics is not None for f in facts.values()],
        "lengths": {name: np.array([getattr(t, name).size for t in topics], dtype=np.int64) for name in _ARRAYS},
        "arrays": {name: np.concatenate([getattr(t, name) for t in topics]) if topics else None for name in _ARRAYS},
        "others": {name: [getattr(t, name) for t in topics] for name in _OTHERS},
    }


def unpacked(pack: Mapping[str, Any]) -> dict[str, TranscriptFacts]:
    """The facts by key that :func:`packed` was given (arrays are views of the long ones)."""
    pieces = {name: _split(array, pack["lengths"][name]) for name, array in pack["arrays"].items()}
    fields = {**pieces, **pack["others"]}
    count = sum(pack["topics"])
    topics = iter([TopicFacts(**{name: values[i] for name, values in fields.items()}) for i in range(count)])
    return {
        key: TranscriptFacts(summary, next(topics) if has_topics else None)
        for key, summary, has_topics in zip(pack["keys"], pack["summaries"], pack["topics"], strict=True)
    }


def _split(array: np.ndarray | None, lengths: np.ndarray) -> list[np.ndarray]:
    """Consecutive views of the given lengths (``np.split`` costs ten times as much)."""
    if array is None:
        return []
    ends = np.cumsum(lengths).tolist()
    return [array[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]
