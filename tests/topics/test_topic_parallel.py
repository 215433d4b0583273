"""The ordered thread map used for reading text."""

from __future__ import annotations

import threading
import time

from generator.topics.parallel import ordered_map


def test_results_come_in_input_order_whatever_finishes_first() -> None:
    def slow_for_small(n: int) -> int:
        time.sleep(0.001 * (10 - n % 10))
        return n * n

    assert list(ordered_map(slow_for_small, range(40), workers=3)) == [n * n for n in range(40)]


def test_one_worker_runs_inline() -> None:
    names = list(ordered_map(lambda _: threading.current_thread().name, range(3), workers=1))
    assert names == [threading.current_thread().name] * 3


def test_at_most_two_items_per_worker_are_in_flight() -> None:
    taken = []

    def items():  # type: ignore[no-untyped-def]
        for n in range(20):
            taken.append(n)
            yield n

    results = ordered_map(lambda n: n, items(), workers=2)
    assert next(results) == 0
    assert len(taken) <= 5
