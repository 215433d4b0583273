"""The ledger of published URLs: its file, and what a build keeps from it (generator.ledger)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from generator.enrich import Corpus, build_corpus
from generator.errors import ContentError
from generator.ledger import (
    LEDGER_FILE, Ledger, PublishedPage, PublishedQuestion, Redirect, Withdrawn, ledger_text, question_digest,
    read_ledger, reconcile, write_ledger,
)
from generator.model import Question, Speaker, Transcript, Turn, TurnKind
from generator.render import paths
from tests.render.conftest import Parsed, make_transcript

LEDGER = Ledger((
    PublishedPage("transcripts/a/", "transcripts/a.txt", "https://example.org/a", "A talk", 2023, (
        PublishedQuestion("q1-reuters", 1, "0a1b2c3d4e5f"),
        PublishedQuestion("q2-tass", 2, "ffeeddccbbaa"),
    )),
    PublishedPage("transcripts/b/", "transcripts/b.txt", "", "B \"quoted\" talk", None),
))

LEDGER_TEXT = """{
  "schema": "pressroom.published/1",
  "pages": {
    "transcripts/a/": {"source": "transcripts/a.txt", "source_url": "https://example.org/a", "title": "A talk", "year": 2023, "questions": [
      ["q1-reuters", 1, "0a1b2c3d4e5f"],
      ["q2-tass", 2, "ffeeddccbbaa"]
    ]},
    "transcripts/b/": {"source": "transcripts/b.txt", "source_url": "", "title": "B \\"quoted\\" talk", "year": null, "questions": []}
  }
}
"""


def test_the_file_has_a_line_per_page_and_per_anchor_and_reads_back(tmp_path: Path) -> None:
    assert ledger_text(LEDGER) == LEDGER_TEXT
    assert write_ledger(tmp_path, LEDGER) is True
    assert (tmp_path / LEDGER_FILE).read_text(encoding="utf-8") == LEDGER_TEXT
    assert read_ledger(tmp_path) == LEDGER


def test_an_unchanged_ledger_is_not_written_again(tmp_path: Path) -> None:
    write_ledger(tmp_path, LEDGER)
    before = (tmp_path / LEDGER_FILE).stat().st_mtime_ns
    assert write_ledger(tmp_path, LEDGER) is False
    assert (tmp_path / LEDGER_FILE).stat().st_mtime_ns == before


def test_an_archive_without_a_ledger_has_published_nothing_yet(tmp_path: Path) -> None:
    assert read_ledger(tmp_path) == Ledger()


def test_a_ledger_that_is_not_json_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / LEDGER_FILE).write_text(LEDGER_TEXT.replace('"year": 2023,', '"year": 2023'), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_ledger(tmp_path)
    problem = raised.value.problem
    assert (problem.path, problem.line, problem.code) == (str(tmp_path / LEDGER_FILE), 4, "bad-ledger")
    assert problem.message == "the ledger of published URLs is not JSON: Expecting ',' delimiter"
    assert problem.hint == ("restore it with `git checkout -- published-urls.json` in the content folder; "
                            "the build rewrites it")


def test_a_bad_entry_names_its_line_and_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / LEDGER_FILE).write_text(LEDGER_TEXT.replace('"year": null', '"year": "2023"'), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_ledger(tmp_path)
    problem = raised.value.problem
    assert problem.line == 8
    assert problem.message == "the entry of transcripts/b/ is not a published page (year '2023' is not a number)"


def test_a_file_that_is_not_a_ledger_says_what_one_looks_like(tmp_path: Path) -> None:
    (tmp_path / LEDGER_FILE).write_text("[]\n", encoding="utf-8")
    with pytest.raises(ContentError, match='expected an object with "schema": "pressroom.published/1" and "pages"'):
        read_ledger(tmp_path)


# --- reconcile -----------------------------------------------------------------------------------------------------

def _turn(id: str, kind: TurnKind, name: str, outlet: str | None, text: str) -> Turn:
    return Turn(id, kind, Speaker(None, name, None, outlet, name), (text,), 1)


def _transcript(
    source: str, slug: str, questions: list[tuple[str, str | None, str]], source_url: str | None = None
) -> Transcript:
    """A transcript whose questions are (anchor, outlet, words), each answered."""
    turns, asked = [], []
    for number, (anchor, outlet, words) in enumerate(questions, start=1):
        turns.append(_turn(f"t{number}q", TurnKind.QUESTION, "Reporter", outlet, words))
        turns.append(_turn(f"t{number}a", TurnKind.ANSWER, "Jens Stoltenberg", None, "An answer."))
        asked.append(Question(number, anchor, f"t{number}q", "Reporter", outlet, (f"t{number}a",), None))
    made = make_transcript(slug=slug, title=f"Talk {slug}", date=dt.date(2023, 5, 4), source_url=source_url,
                           turns=tuple(turns), questions=tuple(asked))
    return replace(made, source=source)


def _corpus(*transcripts: Transcript) -> Corpus:
    return build_corpus(Parsed(tuple(transcripts)), None)


def _page(url: str, source: str, questions: list[tuple[str, int, str]], source_url: str = "") -> PublishedPage:
    return PublishedPage(url, source, source_url, "Old title", 2023,
                         tuple(PublishedQuestion(a, n, question_digest([w])) for a, n, w in questions))


def test_a_transcript_at_a_new_address_keeps_its_old_one_as_a_redirect() -> None:
    corpus = _corpus(_transcript("transcripts/a.txt", "new-a", [("q1-reuters", "Reuters", "Why?")]))
    ledger = Ledger((_page("transcripts/old-a/", "transcripts/a.txt", [("q1-reuters", 1, "Why?")]),))
    continuity = reconcile(ledger, corpus, paths.transcript_url)
    assert continuity.redirects == (Redirect("transcripts/old-a/", "new-a", "Talk new-a"),)
    assert continuity.withdrawn == ()
    assert dict(continuity.aliases) == {}  # the anchor is on the new page as it was
    assert [page.url for page in continuity.ledger.pages] == ["transcripts/new-a/", "transcripts/old-a/"]


def test_a_renamed_file_is_found_by_its_publishers_address() -> None:
    corpus = _corpus(_transcript("transcripts/renamed.txt", "new-a", [], source_url="https://example.org/a"))
    ledger = Ledger((_page("transcripts/old-a/", "transcripts/a.txt", [], source_url="https://example.org/a"),))
    assert reconcile(ledger, corpus, paths.transcript_url).redirects == (
        Redirect("transcripts/old-a/", "new-a", "Talk new-a"),)


def test_a_publishers_address_two_transcripts_share_finds_neither() -> None:
    corpus = _corpus(
        _transcript("transcripts/x.txt", "x", [], source_url="https://example.org/a"),
        _transcript("transcripts/y.txt", "y", [], source_url="https://example.org/a"),
    )
    ledger = Ledger((_page("transcripts/old-a/", "transcripts/a.txt", [], source_url="https://example.org/a"),))
    assert reconcile(ledger, corpus, paths.transcript_url).withdrawn == (
        Withdrawn("transcripts/old-a/", "Old title", 2023),)


def test_a_transcript_that_is_gone_is_withdrawn_and_stays_in_the_ledger() -> None:
    corpus = _corpus(_transcript("transcripts/b.txt", "b", []))
    gone = _page("transcripts/a/", "transcripts/a.txt", [("q1", 1, "Why?")])
    continuity = reconcile(Ledger((gone,)), corpus, paths.transcript_url)
    assert continuity.withdrawn == (Withdrawn("transcripts/a/", "Old title", 2023),)
    assert continuity.ledger.pages[0] == gone


def test_renumbered_anchors_lead_to_the_same_words_then_the_same_asker_then_the_nearest_number() -> None:
    now = _transcript("transcripts/a.txt", "a", [
        ("q1-afp", "AFP", "A new first question?"),
        ("q2-reuters", "Reuters", "How many systems?"),
        ("q3-tass", "TASS", "Is it a signal, reworded?"),
        ("q4", None, "And the last one?"),
    ])
    ledger = Ledger((_page("transcripts/a/", "transcripts/a.txt", [
        ("q1-reuters", 1, "How many systems?"),  # the same words, now q2
        ("q2-tass", 2, "Is it a message?"),  # reworded: TASS's question, now q3
        ("q3-nrk", 3, "A question that is gone?"),  # no such words nor asker: the nearest number, q3
        ("q4", 4, "And the last one?"),  # still there
    ]),))
    continuity = reconcile(ledger, _corpus(now), paths.transcript_url)
    assert continuity.aliases_of("a") == (("q1-reuters", "q2-reuters"), ("q2-tass", "q3-tass"), ("q3-nrk", "q3-tass"))
    [page] = continuity.ledger.pages
    assert [q.anchor for q in page.questions] == [
        "q1-afp", "q1-reuters", "q2-reuters", "q2-tass", "q3-nrk", "q3-tass", "q4"]  # every anchor ever published


def test_anchors_published_at_an_old_address_are_kept_on_the_new_page() -> None:
    now = _transcript("transcripts/a.txt", "new-a", [("q1-afp", "AFP", "First?"), ("q2-reuters", "Reuters", "Why?")])
    ledger = Ledger((_page("transcripts/old-a/", "transcripts/a.txt", [("q1-reuters", 1, "Why?")]),))
    assert reconcile(ledger, _corpus(now), paths.transcript_url).aliases_of("new-a") == (("q1-reuters", "q2-reuters"),)


def test_a_page_without_questions_keeps_no_aliases() -> None:
    now = _transcript("transcripts/a.txt", "a", [])
    ledger = Ledger((_page("transcripts/a/", "transcripts/a.txt", [("q1-reuters", 1, "Why?")]),))
    assert reconcile(ledger, _corpus(now), paths.transcript_url).aliases_of("a") == ()


def test_question_digests_ignore_how_whitespace_and_paragraphs_split_the_words() -> None:
    assert question_digest(["Why  now?", "And\nhow?"]) == question_digest(["Why now? And how?"])
    assert question_digest(["Why now?"]) != question_digest(["Why not?"])


def test_an_address_outside_the_transcripts_is_refused(tmp_path: Path) -> None:
    (tmp_path / LEDGER_FILE).write_text(LEDGER_TEXT.replace('"transcripts/b/"', '"transcripts/../../etc/"'),
                                        encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_ledger(tmp_path)
    assert raised.value.problem.line == 8
    assert raised.value.problem.message == (
        "the entry of transcripts/../../etc/ is not a published page (its address is not transcripts/<slug>/ "
        "with a slug of lower-case letters, digits and hyphens)")
