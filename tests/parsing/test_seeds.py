"""The three seed transcripts: exact acceptance facts and golden JSON.

Golden files are the whole ``pressroom.transcript/1`` JSON of each seed. After a
deliberate change to the parser, rewrite them with
``PRESSROOM_UPDATE_GOLDEN=1 pytest tests/parsing/test_seeds.py`` and review the diff.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.model import Transcript, TurnKind
from generator.build import parse_corpus
from generator.parsing import parse_file
from generator.serialize import transcript_to_json

from tests.support import CONTENT, SEEDS

GOLDEN = Path(__file__).parent / "golden"


def parse_seed(prefix: str) -> Transcript:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return parse_file(path, content_dir=CONTENT)


def turns_of(transcript: Transcript, kind: TurnKind):
    return [turn for turn in transcript.turns if turn.kind is kind]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_whole_json_matches_golden(seed: Path) -> None:
    produced = transcript_to_json(parse_file(seed, content_dir=CONTENT))
    golden = GOLDEN / f"{seed.stem[:3]}.json"
    if os.environ.get("PRESSROOM_UPDATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


# SHA-256 of the seed transcripts as scraped: the copies in content/ must stay byte-identical.
ORIGINAL_SEEDS = {
    "000_dc2035bffcbcb803.txt": "7931a948330fc4b65891cbe57f15144b3b63427df7217f6716cf527587136db9",
    "002_a855cd627493f53a.txt": "df27974640bcd8b7533189b0e0f2104a28caba71709c4639213d62cd80e68768",
    "003_31df2163731fa648.txt": "c7a2cd1e3c7bee3a9251408e76dcae55c0e7a61c6eb69de6e4a8d90acea3d19c",
}


def test_content_seeds_are_byte_identical_to_the_originals() -> None:
    assert {seed.name: hashlib.sha256(seed.read_bytes()).hexdigest() for seed in SEEDS} == ORIGINAL_SEEDS


def test_000_statement_then_five_questions_all_answered_by_stoltenberg() -> None:
    transcript = parse_seed("000")
    assert [(q.anchor, q.asker, q.outlet) for q in transcript.questions] == [
        ("q1-cnn", None, "CNN"),
        ("q2-kurdish-media", None, "Kurdish media"),
        ("q3-wall-street-journal", None, "The Wall Street Journal"),
        ("q4-reuters", None, "Reuters"),
        ("q5", None, None),
    ]
    answers = turns_of(transcript, TurnKind.ANSWER)
    assert len(answers) == 5
    assert {turn.speaker.name for turn in answers} == {"Jens Stoltenberg"}
    assert [q.answers for q in transcript.questions] == [("t3",), ("t5",), ("t7",), ("t9",), ("t11",)]
    opening = transcript.turns[0]
    assert (opening.kind, opening.speaker.name, opening.speaker.label) == (
        TurnKind.STATEMENT, "Jens Stoltenberg", None)
    assert opening.paragraphs[0].startswith("The North Atlantic Council has just held a meeting")
    assert [p.name for p in transcript.principal_speakers] == ["Jens Stoltenberg"]


def test_000_no_chrome_line_left_in_any_turn() -> None:
    transcript = parse_seed("000")
    removed = {r.line for r in transcript.removed}
    # Every line above the statement is website chrome, and all of it is gone.
    assert removed == {1, 3, 5, 7, 9, 11, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 31, 32, 33, 35, 37, 39, 41, 43}
    text = " ".join(p for turn in transcript.turns for p in turn.paragraphs)
    for chrome in ("verification code", "password", "newsletter", "account", "Register"):
        assert chrome not in text


def test_002_thirteen_questions_twelve_journalists_and_a_follow_up() -> None:
    transcript = parse_seed("002")
    assert [(q.asker, q.outlet, q.follow_up_of) for q in transcript.questions] == [
        ("Alex Marquardt", "CNN", None),
        ("Denis Dubrovin", "TASS", None),
        ("Dmytro Shkurko", "Ukrinform", None),
        ("David Herszenhorn", "POLITICO", None),
        ("Thomas Gutschker", "Frankfurter Allgemeine Zeitung", None),
        ("Anastasia Popova", "Rossiya 1", None),
        ("Steven Erlanger", "The New York Times", None),
        ("Simen Ekern", "NRK", None),
        ("Perry Stein", "The Washington Post", None),
        ("Nadim Zuai", "RIA Novosti", None),
        ("Greg Palkot", "Fox News", None),
        (None, None, 11),
        ("Lorne Cook", "The Associated Press", None),
    ]
    moderators = turns_of(transcript, TurnKind.MODERATOR)
    assert len(moderators) == 13
    assert {turn.speaker.name for turn in moderators} == {"Oana Lungescu"}
    assert {turn.speaker.name for turn in turns_of(transcript, TurnKind.ANSWER)} == {"Jens Stoltenberg"}


def test_002_label_alone_on_its_line_takes_the_paragraph_below() -> None:
    transcript = parse_seed("002")
    question = transcript.turn(transcript.questions[4].turn)
    assert question.speaker.label == "Thomas Gutschker (Frankfurter Allgemeine Zeitung)"
    assert question.paragraphs[0].startswith("Secretary General, two questions both interrelated.")


def test_002_every_page_break_split_is_mended() -> None:
    transcript = parse_seed("002")
    assert transcript.mended_lines == (59, 79, 101, 109, 119, 137, 155, 173, 181, 183, 193, 205, 217)
    paragraphs = [p for turn in transcript.turns for p in turn.paragraphs]
    assert "their ability to protect and defend each other." in " ".join(paragraphs)
    assert any("the National News Agency of Ukraine. In the back." in p for p in paragraphs)
    for paragraph in paragraphs:
        assert paragraph[0].isupper() or not paragraph[0].isalpha(), paragraph[:60]


def test_002_clip_header_is_understood_not_kept() -> None:
    transcript = parse_seed("002")
    assert transcript.title == (
        "Press conference by NATO Secretary General Jens Stoltenberg following the meeting of the NATO-Russia Council"
    )
    assert dict(transcript.facts)["reading_time"] == "26-33 minutes"
    assert [(r.line, r.rule) for r in transcript.removed] == [
        (3, "link-only"), (5, "page-title"), (7, "byline"), (9, "reading-time"), (11, "horizontal-rule"),
        (13, "title-echo"), (15, "language-menu"), (16, "language-menu"), (17, "language-menu"),
        (19, "as-delivered"),
    ]


def test_003_twenty_two_questions_and_twenty_three_answers_by_stoltenberg() -> None:
    transcript = parse_seed("003")
    assert len(transcript.questions) == 22
    assert {(q.asker, q.outlet) for q in transcript.questions} == {(None, "Ekho Moskvy")}
    answers = turns_of(transcript, TurnKind.ANSWER)
    assert len(answers) == 23
    assert {(t.speaker.id, t.speaker.name) for t in answers} == {("jens-stoltenberg", "Jens Stoltenberg")}
    # Four spellings of one man's label.
    assert {t.speaker.label for t in answers} == {
        "NATO Secretary General Jens STOLTENBERG", "STOLTENBERG", "JENS STOLTENBERG"}
    assert [r.rule for r in transcript.removed] == [
        "account-form", "newsletter-form", "account-form", "account-form", "account-form", "account-form"]


def test_003_closing_stage_direction_is_a_note() -> None:
    transcript = parse_seed("003")
    note = turns_of(transcript, TurnKind.NOTE)
    assert [(t.paragraphs, t.speaker.outlet) for t in note] == [(("(Journalists talked to the Sec Gen)",), "Ekho Moskvy")]


def test_corpus_parses_all_seeds_oldest_first_without_problems() -> None:
    corpus = parse_corpus(CONTENT)
    assert [t.slug for t in corpus.transcripts] == [
        "2014-11-29-interview-russian-radio-station-ekho-moskvy",
        "2015-11-24-statement-extraordinary-nac-meeting",
        "2022-01-12-press-conference-meeting-nato-russia-council",
    ]
    assert corpus.problems == ()
