"""The archive as downloads: JSON Lines of every transcript, CSV of every question, their data package."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from generator.build import parse_corpus
from generator.enrich import Corpus, build_corpus, load_topic_config
from generator.render import paths
from generator.render.bulk import QUESTION_COLUMNS
from generator.render.escape import inline
from generator.render.frontmatter import read
from tests.support import CONTENT, Parsed, render_all
from tests.topics.conftest import make_transcript

SEED_002 = "2022-01-12-press-conference-meeting-nato-russia-council"



@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))


@pytest.fixture(scope="module")
def site(corpus: Corpus) -> dict[str, str | bytes]:
    return {page.path: page.text for page in render_all(corpus)}


def unzipped(site: dict[str, str | bytes], path: str) -> str:
    data = site[path]
    assert isinstance(data, bytes)
    return gzip.decompress(data).decode("utf-8")


def questions(site: dict[str, str | bytes]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(unzipped(site, paths.QUESTIONS_TABLE))))


def test_the_dump_is_every_transcript_as_its_open_data_says(corpus: Corpus, site: dict[str, str | bytes]) -> None:
    lines = unzipped(site, paths.TRANSCRIPTS_DUMP).split("\n")
    assert lines[-1] == ""  # each line ends with a newline
    records = [json.loads(line) for line in lines[:-1]]
    assert [record["slug"] for record in records] == [entry.slug for entry in corpus.entries]
    for record in records:
        page = site[paths.transcript_data(record["slug"])]
        assert isinstance(page, str)
        assert record == json.loads(page)  # the transcript's own JSON, every turn
        assert "\n" not in json.dumps(record, ensure_ascii=False)


def test_a_row_per_question_as_the_page_shows_it(corpus: Corpus, site: dict[str, str | bytes]) -> None:
    rows = questions(site)
    assert list(rows[0]) == [name for name, _type, _meaning in QUESTION_COLUMNS]
    assert len(rows) == sum(len(entry.questions) for entry in corpus.entries) == corpus.question_count
    row = next(r for r in rows if r["transcript"] == SEED_002 and r["number"] == "2")
    assert row["date"] == "2022-01-12"
    assert row["permalink"] == f"transcripts/{SEED_002}/#q2-tass"
    assert (row["asker"], row["outlet"]) == ("Denis Dubrovin", "TASS")
    _meta, body = read(str(site[paths.transcript(SEED_002)]))
    heading = next(line for line in body.split("\n") if line.endswith("{#q2-tass}"))
    assert heading.startswith("## Q2 · [Denis Dubrovin](../people/denis-dubrovin.md), [TASS](../outlets/tass.md):")
    assert row["question"] and row["answer"]
    for paragraph in (*row["question"].split("\n\n"), *row["answer"].split("\n\n")):
        assert inline(paragraph) in body  # the page says the same words


def test_the_data_package_describes_the_files(site: dict[str, str | bytes]) -> None:
    package = json.loads(str(site[paths.DATA_PACKAGE]))
    resources = {resource["name"]: resource for resource in package["resources"]}
    folder = paths.DATA_PACKAGE.rpartition("/")[0]
    assert {f"{folder}/{r['path']}" for r in resources.values()} == {paths.TRANSCRIPTS_DUMP, paths.QUESTIONS_TABLE}
    fields = [field["name"] for field in resources["questions"]["schema"]["fields"]]
    assert fields == list(questions(site)[0])
    assert package["licenses"][0]["name"] == "CC0-1.0"
    assert package["pressroom"]["questions"] == len(questions(site))


def test_the_open_data_page_links_the_downloads_and_says_the_licence(site: dict[str, str | bytes]) -> None:
    _meta, body = read(str(site[paths.OPEN_DATA]))
    for target in (paths.TRANSCRIPTS_DUMP, paths.QUESTIONS_TABLE, paths.DATA_PACKAGE):
        assert f"]({paths.link(paths.OPEN_DATA, target)})" in body
    assert "## Licence" in body and "CC0 1.0" in body


def test_the_downloads_are_the_same_bytes_every_build(corpus: Corpus, site: dict[str, str | bytes]) -> None:
    again = {page.path: page.text for page in render_all(corpus, workers=1)}
    for path in (paths.TRANSCRIPTS_DUMP, paths.QUESTIONS_TABLE, paths.DATA_PACKAGE):
        assert again[path] == site[path]
    data = site[paths.QUESTIONS_TABLE]
    assert isinstance(data, bytes) and data[4:8] == b"\0\0\0\0"  # no time in the gzip header


def test_text_that_looks_like_csv_or_markup_comes_back_as_written() -> None:
    hostile = 'He said, "no"\nthen: =SUM(A1) <b>{{ x }}</b>'
    transcript = make_transcript("odd", [(hostile, hostile)], outlets=['Outlet, "Inc"'])
    site = {page.path: page.text for page in render_all(build_corpus(Parsed((transcript,))))}
    [row] = questions(site)
    assert (row["question"], row["answer"], row["outlet"]) == (hostile, hostile, 'Outlet, "Inc"')
