"""Each label recogniser on its own, then find_label on whole paragraphs."""

from __future__ import annotations

import pytest

from generator.labels import Label, find_label
from generator.labels.recognisers import (
    capitals,
    name_comma_detail,
    name_with_brackets,
    plain_name,
    question_marker,
)


@pytest.mark.parametrize(
    ("candidate", "detail", "follow_up"),
    [
        ("Q", None, False),
        ("Q1", None, False),
        ("QUESTION", None, False),
        ("Question", None, False),
        ("Q (CNN)", "CNN", False),
        ("Q [Agence France-Presse]", "Agence France-Presse", False),
        ("Question (Kurdish media)", "Kurdish media", False),
        ("Q, Reuters", "Reuters", False),
        ("Question from Robin Emmott, Reuters", "Robin Emmott, Reuters", False),
        ("Q - Deutsche Welle", "Deutsche Welle", False),
        ("Follow-up question", None, True),
        ("Follow up", None, True),
        ("FOLLOW-UP (AP)", "AP", True),
    ],
)
def test_question_marker(candidate: str, detail: str | None, follow_up: bool) -> None:
    assert question_marker(candidate) == Label(
        candidate, "question-marker", detail=detail, question=True, follow_up=follow_up
    )


@pytest.mark.parametrize("candidate", ["Questions about Libya", "Queen Elizabeth", "Quite", "Qatar"])
def test_question_marker_ignores_words_that_start_like_it(candidate: str) -> None:
    assert question_marker(candidate) is None


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("Alex Marquardt (CNN)", Label("Alex Marquardt (CNN)", "name-brackets", "Alex Marquardt", "CNN")),
        (
            "ANDERS FOGH RASMUSSEN (Secretary General of NATO)",
            Label("ANDERS FOGH RASMUSSEN (Secretary General of NATO)", "capitals-brackets",
                  "ANDERS FOGH RASMUSSEN", "Secretary General of NATO", "role"),
        ),
        (
            "JAAP DE HOOP SCHEFFER [NATO Secretary General]",
            Label("JAAP DE HOOP SCHEFFER [NATO Secretary General]", "capitals-brackets",
                  "JAAP DE HOOP SCHEFFER", "NATO Secretary General", "role"),
        ),
        ("Kurt Volker (US Ambassador to NATO)",
         Label("Kurt Volker (US Ambassador to NATO)", "name-brackets", "Kurt Volker", "US Ambassador to NATO", "role")),
    ],
)
def test_name_with_brackets(candidate: str, expected: Label) -> None:
    assert name_with_brackets(candidate) == expected


def test_name_with_brackets_needs_a_name_before_the_brackets() -> None:
    assert name_with_brackets("(Laughter)") is None
    assert name_with_brackets("and then we said (quote)") is None


def test_name_comma_detail() -> None:
    assert name_comma_detail("Lorne Cook, The Associated Press") == Label(
        "Lorne Cook, The Associated Press", "name-comma", "Lorne Cook", "The Associated Press")
    assert name_comma_detail("Oana Lungescu, NATO Spokesperson") == Label(
        "Oana Lungescu, NATO Spokesperson", "name-comma", "Oana Lungescu", "NATO Spokesperson", "role")
    assert name_comma_detail("Second, and more importantly") is None


@pytest.mark.parametrize("candidate", ["STOLTENBERG", "JENS STOLTENBERG", "EKHO MOSKVY", "MARK RUTTE"])
def test_capitals(candidate: str) -> None:
    assert capitals(candidate) == Label(candidate, "capitals", name=candidate)


@pytest.mark.parametrize("candidate", ["Stoltenberg", "NATO Secretary General Jens STOLTENBERG", "A"])
def test_capitals_needs_every_letter_in_capitals(candidate: str) -> None:
    assert capitals(candidate) is None


@pytest.mark.parametrize(
    "candidate",
    ["Secretary General", "NATO Spokesperson Oana Lungescu", "Jaap de Hoop Scheffer"],
)
def test_plain_name(candidate: str) -> None:
    assert plain_name(candidate) == Label(candidate, "plain", name=candidate)


@pytest.mark.parametrize(
    ("recogniser", "candidate", "style", "honorific", "name"),
    [
        (plain_name, "Mr. Stoltenberg", "plain", "Mr.", "Stoltenberg"),
        (plain_name, "Dr Fauci", "plain", "Dr", "Fauci"),
        (capitals, "MS. PSAKI", "capitals", "MS.", "PSAKI"),
        (capitals, "MR. KIRBY", "capitals", "MR.", "KIRBY"),
    ],
)
def test_honorific_is_taken_off_the_name(recogniser, candidate: str, style: str, honorific: str, name: str) -> None:
    assert recogniser(candidate) == Label(candidate, style, name=name, honorific=honorific)


def test_a_bare_initial_is_no_honorific() -> None:
    assert plain_name("M Smith") == Label("M Smith", "plain", name="M Smith")


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("Q Thanks, Jen. First off", "Q", "Thanks, Jen. First off"),
        ("Q And last question: what happens next?", "Q", "And last question: what happens next?"),
        ("Q “Is it done?” he asked.", "Q", "“Is it done?” he asked."),
        ("Q (Inaudible.)", "Q", "(Inaudible.)"),
        ("QUESTION Will you go?", "QUESTION", "Will you go?"),
    ],
)
def test_question_marker_without_colon(text: str, label: str, rest: str) -> None:
    split = find_label(text)
    assert split is not None and split.label.text == label and split.label.question and split.rest == rest


@pytest.mark.parametrize("text", ["Q and A is next.", "Q fever spread.", "Q&A follows."])
def test_words_that_start_with_q_are_no_label(text: str) -> None:
    assert find_label(text) is None


def test_q_with_outlet_keeps_its_outlet() -> None:
    split = find_label("Q (Yle): Will NATO deploy?")
    assert split is not None and split.label.detail == "Yle" and split.rest == "Will NATO deploy?"


@pytest.mark.parametrize(
    ("text", "name", "detail"),
    [
        ("JENS STOLTENBERG [NATO Secretary General]", "JENS STOLTENBERG", "NATO Secretary General"),
        ("Mark Rutte (NATO Secretary General)", "Mark Rutte", "NATO Secretary General"),
    ],
)
def test_bracketed_label_alone_on_its_line(text: str, name: str, detail: str) -> None:
    split = find_label(text)
    assert split is not None and split.rest == "" and split.label.name == name and split.label.detail == detail


@pytest.mark.parametrize("text", ["Press conference (as delivered)", "Brussels (Belgium)", "Opening remarks (video)"])
def test_a_heading_with_brackets_is_no_label(text: str) -> None:
    assert find_label(text) is None


def test_a_stage_remark_in_brackets_is_no_outlet() -> None:
    split = find_label("Vladimir Putin (responding to a remark by a pilot): First of all.")
    assert split is not None
    assert split.label.name == "Vladimir Putin" and split.label.detail_kind == "remark"


@pytest.mark.parametrize(
    "candidate",
    ["He said", "Article 5", "The answer is simple", "So my question is", "Second", "Yes", "In 2014 we decided"],
)
def test_plain_name_rejects_sentence_openings(candidate: str) -> None:
    assert plain_name(candidate) is None


@pytest.mark.parametrize(
    ("text", "strong", "label", "rest"),
    [
        ("Q (CNN): The Russians are saying", None, "Q (CNN)", "The Russians are saying"),
        ("STOLTENBERG : It's not targeted", None, "STOLTENBERG", "It's not targeted"),
        ("Q. Will you meet him?", None, "Q", "Will you meet him?"),
        ("JENS STOLTENBERG:", None, "JENS STOLTENBERG", ""),
        ("Oana Lungescu: Ok, we'll go to CNN.", "Oana Lungescu:", "Oana Lungescu", "Ok, we'll go to CNN."),
        ("Mark Rutte: Thank you.", "Mark Rutte", "Mark Rutte", "Thank you."),
        ("NATO Spokesperson: We'll go to POLITICO.", "NATO Spokesperson: We'll go to POLITICO.",
         "NATO Spokesperson", "We'll go to POLITICO."),
    ],
)
def test_find_label(text: str, strong: str | None, label: str, rest: str) -> None:
    split = find_label(text, strong)
    assert split is not None
    assert (split.label.text, split.rest) == (label, rest)


@pytest.mark.parametrize(
    "text",
    [
        "He said: we will not compromise.",
        "Article 5: one for all and all for one.",
        "The answer is simple: no.",
        "including balanced arms control, measures for risk reduction, more transparency: that all countries",
        "Secretary General; Greg Talcott, FOX",
        "There is one principle at stake: sovereignty.",
    ],
)
def test_a_colon_inside_a_sentence_is_not_a_label(text: str) -> None:
    assert find_label(text) is None
