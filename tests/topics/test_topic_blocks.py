"""The topic stage reads units in batches of text; the order it computes is the batches' order."""

from __future__ import annotations

import numpy as np
import pytest

from generator.topics.blocks import batch_order, corpus_batches, segment_shapes
from generator.topics.model import UnitKey
from generator.topics.units import Unit


@pytest.mark.parametrize("limit", [1 << 20, 5_000, 700])
def test_batch_order_is_the_order_of_corpus_batches(limit: int) -> None:
    rng = np.random.default_rng(limit)
    units = [
        Unit(UnitKey("t", f"q{i}"), 0, None, "x" * int(rng.integers(0, 300)) + "é" * int(rng.random() < 0.1),
             "y" * int(rng.integers(0, 3_000)) + "\u2019" * int(rng.random() < 0.1))
        for i in range(600)
    ]
    for lead in (None, 300):
        want = [2 * u + p for batch in corpus_batches(units, lead, limit) for u, p in zip(batch.units, batch.parts)]
        assert batch_order(*segment_shapes(units, lead), limit).tolist() == want
