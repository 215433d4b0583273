"""The Pagefind that builds the index is the one the Makefile pins, where it pins one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata

from tests.support import REPO


def test_the_pagefind_that_runs_is_the_pinned_one() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if os.environ.get("PAGEFIND_BINARY_PATH"):  # make site / make test on x86-64 Linux
        pinned = re.search(r"^PAGEFIND_VERSION := (\S+)$", (REPO / "Makefile").read_text(), re.M)
        assert pinned is not None
        assert printed == f"pagefind {pinned.group(1)}"
    else:  # the binary of pagefind[bin], from PyPI
        assert printed == f"pagefind {metadata.version('pagefind')}"
