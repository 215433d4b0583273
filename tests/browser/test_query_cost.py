"""The benchmark's search measurement (benchmarks/query.py), run on the seeds' site.

On the 10,000-transcript site it is run by hand (docs/benchmark.md); here it
must measure what a reader's browser fetches. Its times are reported, not
asserted: a shared CI machine is no place to time anything.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from benchmarks.query import MAX_BYTES, measure_queries
from tests.browser.conftest import SEED_002

pytestmark = pytest.mark.browser


def test_a_query_fetches_pagefind_once_then_only_its_index_and_results(page: Page, site_url: str) -> None:
    first, second = measure_queries(page, site_url, f"transcripts/{SEED_002}/", ["INF Treaty", "Ukraine"])

    assert (first.query, first.results) == ("INF Treaty", 3)  # three sections of seed 002 mention it
    assert 150_000 < first.bytes <= MAX_BYTES  # Pagefind's script and WebAssembly are most of it
    # Three transcripts are fewer than a page of results, so every query asks both indexes:
    # the quick one (script, worker, entry, metadata, WebAssembly, one index chunk), then the
    # every-word one (entry, metadata, WebAssembly, one index chunk) and the one result's fragment.
    assert first.requests == 11
    assert second.results > 0 and second.requests >= 1
    assert second.bytes < 20_000  # the index chunk and the results' fragments only
    assert first.milliseconds > 0 and second.milliseconds > 0


def test_a_query_typed_key_by_key_costs_what_it_costs_pasted(page: Page, browser, site_url: str) -> None:
    # The benchmark's --pace: the search runs once, when typing pauses, on the whole query.
    (typed,) = measure_queries(page, site_url, f"transcripts/{SEED_002}/", ["INF Treaty"], pace=30)
    context = browser.new_context()  # its own cache: Pagefind is loaded again
    try:
        (pasted,) = measure_queries(context.new_page(), site_url, f"transcripts/{SEED_002}/", ["INF Treaty"])
    finally:
        context.close()

    assert (pasted.results, pasted.requests) == (3, 11)
    assert (typed.results, typed.requests, typed.bytes) == (pasted.results, pasted.requests, pasted.bytes)


def test_with_every_word_ticked_only_the_every_word_index_is_searched(page: Page, site_url: str) -> None:
    (cost,) = measure_queries(page, site_url, f"transcripts/{SEED_002}/", ["INF Treaty"], every_word=True)

    assert cost.results == 3
    # As a pasted query (11 requests), less the quick index's chunk: its script, worker, entry,
    # metadata and WebAssembly still load when the box is clicked.
    assert cost.requests == 10


def test_with_an_outlet_chosen_the_question_index_answers_from_every_part(page: Page, site_url: str) -> None:
    # The seeds' site is built with its question index in three parts (conftest.built_root).
    (cost,) = measure_queries(page, site_url, f"transcripts/{SEED_002}/", ["risk"], outlet="TASS")

    assert cost.results == 1  # TASS's question in seed 002; NRK's, which says it too, is not TASS's
    assert cost.bytes <= MAX_BYTES
    # Pagefind's script and worker are loaded already (opening the filters loaded the quick index).
    # The list of parts; the first part's entry, metadata and WebAssembly; the entry and metadata
    # of the two others (they share the first's WebAssembly); in each part, the index chunk for
    # "risk" and the filter chunk for outlets; the one result's fragment.
    assert cost.requests == 1 + 3 + 2 * 2 + 3 + 3 + 1
