"""Work spread over the cores: results in order, small jobs here, closures inherited, errors raised here."""

from __future__ import annotations

import os

import pytest

import generator.parallel as parallel
from generator.parallel import SERIAL_BELOW, beside, parallel_map


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on the machines the archive is built on, whatever this one has."""
    monkeypatch.setattr(parallel, "worker_count", lambda requested: requested or 2)


def test_a_big_job_runs_on_other_processes_with_results_in_order() -> None:
    data = {n: n * n for n in range(SERIAL_BELOW * 3)}  # the workers read it without being sent it
    done: list[int] = []

    results = list(parallel_map(lambda n: (os.getpid(), data[n]), list(data), on_done=done.append))

    assert [square for _pid, square in results] == [n * n for n in range(SERIAL_BELOW * 3)]
    assert os.getpid() not in {pid for pid, _square in results}
    assert done == list(range(1, SERIAL_BELOW * 3 + 1))


def test_a_job_of_a_few_items_runs_here() -> None:
    assert set(parallel_map(lambda _n: os.getpid(), range(SERIAL_BELOW - 1))) == {os.getpid()}


def test_one_worker_runs_everything_here() -> None:
    assert set(parallel_map(lambda _n: os.getpid(), range(SERIAL_BELOW), workers=1)) == {os.getpid()}


def test_an_error_in_a_worker_is_raised_here() -> None:
    with pytest.raises(ZeroDivisionError):
        list(parallel_map(lambda n: 1 // (n - 60), range(SERIAL_BELOW * 2)))


def test_work_beside_runs_in_another_process_and_hands_back_its_result() -> None:
    data = list(range(1000))  # the child reads it without being sent it

    wait = beside(lambda: (os.getpid(), sum(data)))

    pid, total = wait()
    assert (pid != os.getpid(), total) == (True, 499500)


def test_an_error_beside_is_raised_where_the_result_is_waited_for() -> None:
    wait = beside(lambda: int("not a number"))

    with pytest.raises(ValueError, match="not a number"):
        wait()


def test_work_not_to_be_forked_runs_here_when_waited_for() -> None:
    wait = beside(os.getpid, fork=False)

    assert wait() == os.getpid()
