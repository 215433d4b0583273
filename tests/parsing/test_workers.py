"""Parsing runs small jobs in this process and big ones on every core."""

from __future__ import annotations

import os

from generator.parsing.workers import SERIAL_BELOW, pool


def _process(_item: int) -> int:
    return os.getpid()


def test_a_job_of_a_few_files_runs_here_and_starts_no_pool() -> None:
    with pool(2) as workers:
        assert set(workers.map(_process, range(3))) == {os.getpid()}


def test_a_job_of_many_files_runs_on_the_pool() -> None:
    with pool(2) as workers:
        assert os.getpid() not in set(workers.map(_process, range(SERIAL_BELOW)))


def test_one_worker_never_starts_a_pool() -> None:
    with pool(1) as workers:
        assert set(workers.map(_process, range(SERIAL_BELOW))) == {os.getpid()}
