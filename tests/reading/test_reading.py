"""Reading raw bytes: every encoding and artefact of the archive parses to the same words.

The text fixture ``tests/parsing/fixtures/reading_accents.txt`` (UTF-8, NFC, LF line ends,
accents, curly quotes and dashes that Windows-1252 can also hold) is written
again as the bytes other scrapers produced: with a BOM, in UTF-16, in
Windows-1252, with CRLF or CR line ends, with invisible characters and NUL
inside words, decomposed (NFD). Each must parse to exactly the transcript of
the UTF-8 original: every turn, word, question, removed line and fact. What
the original itself must give is stated in ``reading_accents.expected.yaml``.
"""

from __future__ import annotations

import codecs
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.parsing import parse_file
from generator.serialize import transcript_to_dict

FIXTURES = Path(__file__).parents[1] / "parsing" / "fixtures"
CONTENT = Path(__file__).resolve().parents[2] / "content"
SOURCE = FIXTURES / "reading_accents.txt"
SIDECAR = FIXTURES / "reading_accents.meta.yaml"

# Characters that scrapes leave inside words and that carry no text.
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_WORD = re.compile(r"[^\W\d_]{4,}")


def text() -> str:
    """The original text of the fixture."""
    return SOURCE.read_text(encoding="utf-8")


def inside_words(original: str, characters: tuple[str, ...], every: int = 3) -> str:
    """The text with one of ``characters`` (in turn) put after the second letter
    of every ``every``-th word of four letters or more, labels included."""
    count = 0

    def insert(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        word = match.group()
        if count % every:
            return word
        return word[:2] + characters[(count // every) % len(characters)] + word[2:]

    return _WORD.sub(insert, original)


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16 little-endian with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16 big-endian with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "windows-1252": lambda t: t.encode("cp1252"),
    "windows-1252 with CRLF": lambda t: t.replace("\n", "\r\n").encode("cp1252"),
    "CRLF line ends": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "CR line ends": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "zero-width characters inside words": lambda t: inside_words(t, INVISIBLE).encode("utf-8"),
    "NUL inside a few words": lambda t: inside_words(t, ("\x00",), every=25).encode("utf-8"),
    "NUL inside many words": lambda t: inside_words(t, ("\x00",)).encode("utf-8"),
    "decomposed (NFD)": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
}


def parsed(path: Path) -> dict[str, Any]:
    """The published JSON of a parse, without the path of the file it came from."""
    data = transcript_to_dict(parse_file(path, content_dir=CONTENT))
    del data["source"]
    return data


def write_variant(folder: Path, data: bytes) -> Path:
    """The bytes as a transcript beside a copy of the fixture's sidecar."""
    path = folder / SOURCE.name
    path.write_bytes(data)
    shutil.copy(SIDECAR, folder / SIDECAR.name)
    return path


def test_variants_really_differ_from_the_original() -> None:
    original = text().encode("utf-8")
    for name, make in VARIANTS.items():
        assert make(text()) != original, name
    assert unicodedata.normalize("NFD", text()) != text()
    assert inside_words(text(), ("\x00",), every=25).count("\x00") == 3
    assert inside_words(text(), ("\x00",)).count("\x00") >= 20


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_parses_to_the_same_transcript(name: str, tmp_path: Path) -> None:
    variant = write_variant(tmp_path, VARIANTS[name](text()))
    assert parsed(variant) == parsed(SOURCE)


PAGE = (
    '<html><head>{meta}<title>Talks</title></head><body><article><h1>Talks in Minsk</h1>'
    '<p><b>Оксана Левченко:</b> Добрый день. Переговоры окончены.</p></article></body></html>'
)


@pytest.mark.parametrize("meta", ['<meta charset="windows-1251">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'])
def test_a_web_page_is_read_in_the_encoding_it_declares(meta: str, tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_bytes(PAGE.format(meta=meta).encode("windows-1251"))
    transcript = parse_file(page)
    assert [(t.speaker.name, t.paragraphs) for t in transcript.turns] == [
        ("Оксана Левченко", ("Добрый день. Переговоры окончены.",))]


def test_an_encoding_python_does_not_know_falls_back_to_the_usual_guess(tmp_path: Path) -> None:
    page = tmp_path / "talks.html"
    page.write_bytes(PAGE.format(meta='<meta charset="x-no-such-encoding">').encode("windows-1251"))
    # Not UTF-8, the declared name unknown: read as Windows-1252, every byte kept as a character
    # (the label then reads as no name: its words stay in the paragraph).
    assert parse_file(page).turns[0].paragraphs == ("Îêñàíà Ëåâ÷åíêî: Äîáðûé äåíü. Ïåðåãîâîðû îêîí÷åíû.",)
