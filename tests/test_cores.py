"""Work done beside: in a forked child process, its result or its error handed back."""

from __future__ import annotations

import os

import pytest

import generator.cores as cores
from generator.cores import beside


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on the machines the archive is built on, whatever this one has."""
    monkeypatch.setattr(cores, "worker_count", lambda requested: requested or 2)


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
