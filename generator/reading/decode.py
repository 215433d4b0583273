"""Bytes to clean Unicode text.

The archive was scraped over many years by many tools, so files arrive as
UTF-8 (with or without BOM), UTF-16 or Windows-1252, with any line ends.
The order of guesses follows the WHATWG rule for legacy web text: a BOM
wins, then UTF-8 if the bytes are valid UTF-8, then the encoding a web page
declares (``<meta charset>``), then Windows-1252. That rule
is deterministic and explainable, which a statistical detector is not.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Invisible characters that scrapes leave inside words: zero-width space and
# joiners, word joiner, BOMs in the middle of text, soft hyphen.
_INVISIBLE_CHARACTERS = "\u200b\u2060\ufeff\u00ad\u0000"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
# Joiners shape emoji sequences and Arabic-script words, so they stay there;
# next to Latin letters, digits or spaces they are debris inside words.
_STRAY_JOINER = re.compile("(?<=[\u0000-\u024f])[\u200c\u200d]|[\u200c\u200d](?=[\u0000-\u024f])|^[\u200c\u200d]|[\u200c\u200d]$", re.M)
# Control characters other than tab and newline carry no text.
_CONTROL_CHARACTERS = "".join(map(chr, [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
_CONTROL = re.compile(f"[{re.escape(_CONTROL_CHARACTERS)}]")
_SPACE_CHARACTERS = "\u00a0\u2007\u202f\u3000\t"
_SPACES = re.compile(f"[{_SPACE_CHARACTERS}]")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the archive uses."""


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode raw bytes; return ``(text, encoding name)``.

    ``declared`` is the encoding the file names for itself (a web page's
    ``<meta charset>``): bytes that are not UTF-8 are read in it, not
    guessed, when Python knows it. Raises UndecodableError for binary data
    (NUL bytes outside UTF-16, or many control characters).
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    nuls = data.count(0)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
        # Valid UTF-8 with a few NULs in words is text a tool damaged; binary
        # formats are rarely valid UTF-8, and then mostly NULs.
        if nuls > len(data) // 10:
            raise UndecodableError(f"it contains {nuls} NUL bytes, so it is binary, not text")
    except UnicodeDecodeError:
        if nuls > max(8, len(data) // 100):
            raise UndecodableError(f"it contains {nuls} NUL bytes, so it is binary, not text") from None
        text, encoding = _declared(data, declared) or _windows_1252(data)
    # "in" runs at memory speed where str.count does not: count only what is there.
    controls = sum(text.count(character) for character in _CONTROL_CHARACTERS if character in text)
    if text and controls > max(8, len(text) // 100):
        raise UndecodableError(f"it has {controls} control characters, so it is binary, not text")
    return text, encoding


def normalise_text(text: str) -> str:
    """NFC, LF line ends, no invisible or control characters, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # A pattern steps through the whole text, where a search for one character
    # runs at memory speed: most files hold none of these, so look before scanning.
    if holds_any(text, _INVISIBLE_CHARACTERS):
        text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    if holds_any(text, _CONTROL_CHARACTERS):
        text = _CONTROL.sub("", text)
    if holds_any(text, _SPACE_CHARACTERS):
        text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def holds_any(text: str, characters: str) -> bool:
    """Whether the text holds any of the characters.

    A substring test per character runs in C at memory speed, where a
    character-class pattern steps its matcher through every position and a
    generator runs Python code for every character it tries.
    """
    for character in characters:
        if character in text:
            return True
    return False


def _declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """The bytes in the encoding the file declares, when Python knows it and every byte reads in it."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        return data.decode(name), name
    except (LookupError, UnicodeDecodeError):
        return None


def _windows_1252(data: bytes) -> tuple[str, str]:
    # Windows-1252 leaves five bytes undefined; map them as Latin-1 so no byte is lost.
    try:
        return data.decode("windows-1252"), "windows-1252"
    except UnicodeDecodeError:
        return "".join(_cp1252_char(b) for b in data), "windows-1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 shows as a NUL in every other byte of ASCII-heavy text."""
    sample = data[:4000]
    if len(sample) < 16:  # too short to tell from text with a stray NUL
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.4 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.4 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("windows-1252")
    except UnicodeDecodeError:
        return chr(byte)
