"""Citations: APA and Chicago by their CSL styles, BibTeX and RIS, exactly, for the seeds and odd transcripts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.enrich import Entry, build_corpus, load_topic_config
from generator.build import parse_corpus
from generator.model import Speaker, Turn, TurnKind
from generator.render import cite
from generator.render.frontmatter import read
from tests.render.conftest import Parsed, make_transcript
from tests.support import CONTENT, render_all

ARCHIVE = "NATO Secretaries General: press conferences and interviews"
PAGE = "https://example.org/transcripts/page/"


def filled(pieces: cite.Pieces, url: str = PAGE, label: str = "") -> str:
    """A citation as the theme's script fills it: the address, and ", Q3" for a question."""
    slots = {"url": url, "label": f", {label}" if label else ""}
    return "".join(piece if i % 2 == 0 else slots[piece] for i, piece in enumerate(pieces))


@pytest.fixture(scope="module")
def interview() -> Entry:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    return next(entry for entry in corpus.entries if entry.slug == "2014-11-29-interview-russian-radio-station-ekho-moskvy")


def entry_of(**changes: object) -> Entry:
    return build_corpus(Parsed((replace(make_transcript(), **changes),))).entries[0]


def test_a_seed_in_every_format(interview: Entry) -> None:
    made = cite.citations(interview, ARCHIVE)
    assert list(made) == ["apa", "chicago", "bibtex", "ris"]
    assert filled(made["apa"]) == (
        "Stoltenberg, J. (2014, November 29). Interview of NATO Secretary General Jens Stoltenberg by the Russian "
        "radio station Ekho Moskvy [Interview transcript]. NATO Secretaries General: Press Conferences and "
        "Interviews. https://example.org/transcripts/page/"
    )
    assert filled(made["chicago"]) == (
        "Stoltenberg, Jens. 2014. “Interview of NATO Secretary General Jens Stoltenberg by the Russian Radio Station "
        "Ekho Moskvy”. Interview transcript. NATO Secretaries General: Press Conferences and Interviews, "
        "November 29. https://example.org/transcripts/page/."
    )
    assert filled(made["bibtex"]) == (
        "@misc{2014-11-29-interview-russian-radio-station-ekho-moskvy,\n"
        "  author = {Stoltenberg, Jens},\n"
        "  title = {Interview of NATO Secretary General Jens Stoltenberg by the Russian radio station Ekho Moskvy},\n"
        "  year = {2014},\n"
        "  month = {11},\n"
        "  date = {2014-11-29},\n"
        "  howpublished = {NATO Secretaries General: press conferences and interviews},\n"
        "  url = {https://example.org/transcripts/page/},\n"
        "  note = {Interview transcript}\n"
        "}"
    )
    assert filled(made["ris"]) == (
        "TY  - ELEC\n"
        "TI  - Interview of NATO Secretary General Jens Stoltenberg by the Russian radio station Ekho Moskvy\n"
        "AU  - Stoltenberg, Jens\n"
        "PY  - 2014\n"
        "DA  - 2014/11/29/\n"
        "T2  - NATO Secretaries General: press conferences and interviews\n"
        "M3  - Interview transcript\n"
        "LA  - en\n"
        "UR  - https://example.org/transcripts/page/\n"
        "ER  - "
    )


def test_a_question_is_cited_with_its_address_and_label(interview: Entry) -> None:
    made = cite.citations(interview, ARCHIVE)
    url = PAGE + "#q3-ekho-moskvy"
    assert filled(made["apa"], url, "Q3").endswith(
        " Ekho Moskvy [Interview transcript, Q3]. NATO Secretaries General: Press Conferences and Interviews. "
        "https://example.org/transcripts/page/#q3-ekho-moskvy"
    )
    assert filled(made["bibtex"], url, "Q3").endswith(
        "  url = {https://example.org/transcripts/page/#q3-ekho-moskvy},\n  note = {Interview transcript, Q3}\n}"
    )
    assert "\nM3  - Interview transcript, Q3\n" in filled(made["ris"], url, "Q3")


def test_the_csl_item(interview: Entry) -> None:
    assert cite.csl_item(interview, ARCHIVE) == {
        "id": "2014-11-29-interview-russian-radio-station-ekho-moskvy",
        "type": "webpage",
        "title": "Interview of NATO Secretary General Jens Stoltenberg by the Russian radio station Ekho Moskvy",
        "author": [{"family": "Stoltenberg", "given": "Jens"}],
        "issued": {"date-parts": [[2014, 11, 29]]},
        "genre": "Interview transcript" + cite.LABEL_SLOT,
        "container-title": ARCHIVE,
        "language": "en",
        "URL": cite.URL_SLOT,
    }


def test_an_undated_transcript() -> None:
    made = cite.citations(entry_of(date=None, slug="undated-press-conference"), ARCHIVE)
    # APA's style asks for the day it was read when there is no date; a build never says when it ran.
    assert filled(made["apa"]) == (
        "Stoltenberg, J. (n.d.). Press conference by the Secretary General [Press conference transcript]. NATO "
        "Secretaries General: Press Conferences and Interviews. Retrieved https://example.org/transcripts/page/"
    )
    assert filled(made["chicago"]) == (
        "Stoltenberg, Jens. n.d. “Press Conference by the Secretary General”. Press conference transcript. NATO "
        "Secretaries General: Press Conferences and Interviews. https://example.org/transcripts/page/."
    )
    assert "  year = " not in filled(made["bibtex"]) and "  date = " not in filled(made["bibtex"])
    assert "PY  -" not in filled(made["ris"]) and "DA  -" not in filled(made["ris"])


def test_a_transcript_without_speakers() -> None:
    words = Turn("t1", TurnKind.STATEMENT, Speaker(None, None, None, None, None), ("The Council met today.",), 1)
    entry = entry_of(turns=(words,), questions=(), principal_speakers=(), event_type=None, slug="2022-01-12-statement")
    made = cite.citations(entry, ARCHIVE)
    # Nobody named: the archive (no publisher is known) is the author, as APA's group author.
    assert filled(made["apa"]) == (
        "NATO Secretaries General: press conferences and interviews. (2022, January 12). Press conference by the "
        "Secretary General [Transcript]. NATO Secretaries General: Press Conferences and Interviews. "
        "https://example.org/transcripts/page/"
    )
    assert filled(made["chicago"]) == (
        "NATO Secretaries General: press conferences and interviews. 2022. “Press Conference by the Secretary "
        "General”. Transcript. NATO Secretaries General: Press Conferences and Interviews, January 12. "
        "https://example.org/transcripts/page/."
    )
    assert "  author = {{NATO Secretaries General: press conferences and interviews}},\n" in filled(made["bibtex"])
    assert "\nAU  - NATO Secretaries General: press conferences and interviews\n" in filled(made["ris"])


HOSTILE = "<script>alert(1)</script> *x* {y} \\emph{z} 100% & #1 [a](b) é" + cite.URL_SLOT


def test_hostile_text_stays_text_in_every_format() -> None:
    entry = entry_of(title=HOSTILE, slug="2022-01-12-hostile", date_end=dt.date(2022, 1, 13))
    made = cite.citations(entry, ARCHIVE)
    title = "<script>alert(1)</script> *x* {y} \\emph{z} 100% & #1 [a](b) é"  # the slot character taken out
    # citeproc-py cannot lay out a range of days: APA and Chicago give the first.
    assert filled(made["apa"]) == (
        f"Stoltenberg, J. (2022, January 12). {title} [Press conference transcript]. NATO Secretaries General: "
        "Press Conferences and Interviews. https://example.org/transcripts/page/"
    )
    assert f"“{title[:-1]}É”" in filled(made["chicago"])
    bibtex = filled(made["bibtex"])
    assert ("  title = {\\ensuremath{<}script\\ensuremath{>}alert(1)\\ensuremath{<}/script\\ensuremath{>} *x* \\{y\\} "
            "{\\textbackslash}emph\\{z\\} 100\\% \\& \\#1 [a](b) \\'e},\n") in bibtex
    assert "  date = {2022-01-12/2022-01-13},\n" in bibtex
    assert f"\nTI  - {title}\n" in filled(made["ris"])
    assert cite.csl_item(entry, ARCHIVE)["issued"] == {"date-parts": [[2022, 1, 12], [2022, 1, 13]]}


def test_the_page_carries_each_citation_once_in_its_front_matter() -> None:
    transcript = replace(make_transcript(), title=HOSTILE)
    pages = {page.path: page.text for page in render_all(build_corpus(Parsed((transcript,))))}
    text = pages[f"transcripts/{transcript.slug}.md"]
    meta, body = read(text)
    assert list(meta["cite"]) == ["apa", "chicago", "bibtex", "ris"]
    assert meta["cite"]["apa"][1::2] == ["label", "url"]
    assert "Stoltenberg, J. (2022, January 12)" not in body
    assert text.count("Stoltenberg, J. (2022, January 12)") == 1


def test_formatting_is_deterministic(interview: Entry) -> None:
    assert cite.citations(interview, ARCHIVE) == cite.citations(interview, ARCHIVE)


def test_a_citation_does_not_depend_on_those_formatted_before(interview: Entry) -> None:
    # citeproc-py's lookups are made once per style (cite._speed_up_citeproc): none may carry one reference into another.
    first = cite.citations(interview, ARCHIVE)
    others = [entry_of(date=None, slug="undated"), entry_of(slug="2022-01-12-other", principal_speakers=())]
    for other in others:
        cite.citations(other, "Another archive")
    assert cite.citations(interview, ARCHIVE) == first
    assert [cite.citations(other, "Another archive") for other in reversed(others)][::-1] == [
        cite.citations(other, "Another archive") for other in others]
