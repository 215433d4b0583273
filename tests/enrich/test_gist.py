"""The gist a question heading shows."""

from __future__ import annotations

import pytest

from generator.enrich.gist import question_gist


@pytest.mark.parametrize(
    ("paragraphs", "gist"),
    [
        (("These talks went longer. Could you tell us what prolonged them? And Ukraine?",),
         "Could you tell us what prolonged them?"),
        (("Mr. Secretary General, it seems you made progress. Do you consider a new treaty limiting missiles in Europe feasible in the future at all.",),
         "Do you consider a new treaty limiting missiles in Europe feasible in the future…"),
        (("Secretary General, what about the U.S. position on Ukraine?",), "What about the U.S. position on Ukraine?"),
        (("Thank you. Secretary General: do you agree",), "Do you agree"),
        (("What's biggest threat - Russia or ISIL?",), "What's biggest threat - Russia or ISIL?"),
        (("A statement of fact. Another one.",), "A statement of fact."),
        (("First paragraph without end", "and its second half?"), "First paragraph without end and its second half?"),
        ((), ""),
        (("   ",), ""),
    ],
)
def test_gist(paragraphs: tuple[str, ...], gist: str) -> None:
    assert question_gist(paragraphs) == gist


def test_abbreviations_do_not_end_sentences() -> None:
    # Without a "?" the gist is the first sentence; with one, the sentence that ends there:
    # together they show the text splits after "today." and nowhere before.
    text = "Mr. Smith met Dr. Jones in the U.S. today. Then left"
    assert question_gist((text + ".",)) == "Mr. Smith met Dr. Jones in the U.S. today."
    assert question_gist((text + "?",)) == "Then left?"
