"""Fuzz the reader and parser for a bounded time; replay every crash ever found.

Hypothesis generates raw files (bytes in any of the archive's encodings,
Markdown-ish, transcript-shaped and caption-shaped text, read as .txt, .md,
.vtt or .srt) for ``PRESSROOM_FUZZ_SECONDS``
seconds (default 20; CI sets more). Every run first replays the named
regression fixtures in ``tests/fuzz/regressions/``: when fuzzing finds a
crash, save the failing input there as ``<what-it-exercises>.bin`` so it is
checked forever after.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.directory import load_directory
from generator.errors import ContentError
from generator.parsing import parse_document
from generator.reading import read_text
from tests.parsing.test_properties import kept_words, model_words, parse_text
from tests.support import CONTENT

DIRECTORY = load_directory(CONTENT)
REGRESSIONS = sorted((Path(__file__).parent / "regressions").glob("*.bin"))
BUDGET = float(os.environ.get("PRESSROOM_FUZZ_SECONDS", "20"))
EXPECTED_ERRORS = {"empty-file", "binary-file", "only-chrome", "bad-metadata"}

FRAGMENTS = st.sampled_from([
    "Q:", "Q (Reuters):", "QUESTION:", "**", "*", "[", "](", ")", "# ", "- ", "1. ", "> ", "```", "---\n",
    "---\ntitle: x\n---\n", "date: 2015-13-45\n", "Secretary General:", "STOLTENBERG :", "(Laughter)",
    "[inaudible]", "Follow-up:", "Create an account", "Reset password", "5 min read", "(As delivered)",
    "Last updated: 1 Jan", "English", "Français", "<script>", "&amp;", "{{ x }}", "{: .x}", "\u200b", "\u00ad",
    "\r\n", "\r", "\n", "\n\n", " ", ":", "Jens", "Stoltenberg", "NATO", "ü", "\u0301", "\ufeff", "\x00",
    # Captions: structure, speaker changes, voices and markup.
    "WEBVTT\n", "NOTE ", "STYLE\n", "REGION\n", "1\n", "00:00:01.000 --> 00:00:02.500\n", "00:01,000 --> 00:02,000",
    "-->", ">> ", "&gt;&gt;", "- ", "<v Jens Stoltenberg>", "<v.loud>", "</v>", "<i>", "<c.yellow>", "</c>",
    "<00:00:01.200>", "{\\an8}", "&#39;",
])
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=80).map("".join)
ENCODED = st.tuples(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])).map(
    lambda pair: pair[0].encode(pair[1], errors="replace")
)
RAW = st.one_of(ENCODED, st.binary(max_size=3000))
SUFFIX = st.sampled_from([".txt", ".txt", ".md", ".vtt", ".srt"])


def parse_raw(data: bytes, suffix: str = ".txt") -> None:
    """Read and parse; anything but a located, expected ContentError is a crash."""
    try:
        transcript = parse_document(read_text(data, f"fuzz{suffix}", suffix=suffix), DIRECTORY)
    except ContentError as error:
        assert error.problem.path.startswith(f"fuzz{suffix}")
        # A front-matter field unknown or unreadable ("date: 2015-13-45") is a finding, never an error.
        assert error.problem.code in EXPECTED_ERRORS, error.problem
        return
    ids = [turn.id for turn in transcript.turns]
    assert len(ids) == len(set(ids))
    for question in transcript.questions:
        assert set(question.answers) <= set(ids)


@pytest.mark.parametrize("fixture", REGRESSIONS, ids=lambda path: path.stem)
def test_regression(fixture: Path) -> None:
    data = fixture.read_bytes()
    for suffix in (".txt", ".vtt"):
        parse_raw(data, suffix)
    # And, read as plain text, every word not on a removed line is kept in order.
    text = data.decode("utf-8", errors="replace")
    transcript = parse_text(text, plain=True)
    if transcript is not None:
        assert model_words(transcript) == kept_words(text, transcript)


def test_fuzz_for_the_time_budget() -> None:
    deadline = time.monotonic() + BUDGET
    rounds = 0

    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(RAW, SUFFIX)
    def one_round(data: bytes, suffix: str) -> None:
        parse_raw(data, suffix)

    while rounds == 0 or time.monotonic() < deadline:
        one_round()
        rounds += 1
