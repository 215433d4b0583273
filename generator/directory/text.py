"""Text helpers for the directory: match keys, slugs and casing of labels.

Transcripts print names and titles in capitals ("JENS STOLTENBERG",
"SECRETARY GENERAL OF NATO"), with or without accents, with stray spaces.
Everything here turns such text into something to look up or to show.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nameparser import parse as parse_name
from slugify import slugify as _slugify

# Apostrophes and full stops are dropped rather than turned into separators,
# so "l'OTAN" and "l’OTAN" give one key (python-slugify otherwise treats the
# straight and the curly apostrophe differently), and so do "F.A.Z." and "FAZ".
_DROPPED = (("'", ""), ("\u2019", ""), ("\u2018", ""), ("`", ""), (".", ""))

# Kept in capitals by proper_case_title: the organisations and outlets that
# transcripts name by their initials.
ACRONYMS = frozenset(
    """NATO OTAN EU UN OSCE US USA UK SACEUR SHAPE CMC DSG SG NAC KFOR ISAF
    AP AFP BBC CNN WSJ NYT FT DW NRK TASS ITAR RIA FAZ ZDF ARD NHK NPR CBS NBC
    ABC PAP TVP TRT ERR LRT LETA EFE ANSA UNIAN RFE RL TV""".split()
)

# Lower-case inside a title (never as its first word); English and French,
# the two official languages of NATO.
SMALL_WORDS = frozenset(
    "a an and as at by for in of on or the to de des du et l la le les d".split()
)

_LETTERS = re.compile(r"[^\W\d_]+")


# ASCII letters and digits in words joined by single spaces or hyphens: most
# names and every id. python-slugify makes their slug by lower-casing them and
# joining the words with hyphens, after a series of pattern substitutions
# that change nothing in them (checked on 290,000 random such strings).
_PLAIN_WORDS = re.compile(r"[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*")


def _plain_slug(text: str) -> str | None:
    """The slug python-slugify makes of plain ASCII words, or None for other text."""
    return text.lower().replace(" ", "-") if _PLAIN_WORDS.fullmatch(text) else None


def slugify(text: str) -> str:
    """Readable ASCII slug: "Mircea Geoană" -> "mircea-geoana"."""
    return _plain_slug(text) or _slugify(text)


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """The form names and aliases are compared in.

    Case, accents (transliterated, so "Wörner" and "Worner" meet), spacing
    and punctuation do not count. Cached because the parser asks
    for the same few thousand labels again and again.
    """
    return _plain_slug(text) or _slugify(text, replacements=_DROPPED)


def title_key(text: str) -> str:
    """The match key of a role or outlet: as match_key, and a leading "The"
    does not count either ("The Wall Street Journal", "The Secretary General")."""
    key = match_key(text)
    return key.removeprefix("the-") or key


def _is_one_case(text: str) -> bool:
    """True when the text has letters, all in capitals."""
    return text.upper() == text and text.lower() != text


def proper_case_name(text: str) -> str:
    """A name printed in capitals, in its usual case.

    "ANDERS FOGH RASMUSSEN" -> "Anders Fogh Rasmussen", "JAAP DE HOOP
    SCHEFFER" -> "Jaap de Hoop Scheffer", "MCDONALD" -> "McDonald". Text that
    already has lower-case letters ("Jens STOLTENBERG") is returned as is.
    nameparser knows the particles and the Mc/Mac/O' forms; its tokens carry
    their place in the text, so the words are put back where they stood and
    the order and punctuation of the label are kept (HumanName's str() would
    reorder "STOLTENBERG, JENS").
    """
    if not _is_one_case(text):
        return text
    out = text
    for token in reversed(parse_name(text).capitalized(force=True).tokens):
        if token.span is not None:  # a token nameparser made up has no place in the text
            out = out[: token.span.start] + token.text + out[token.span.end :]
    return out


def proper_case_title(text: str) -> str:
    """A role or outlet printed in capitals, in title case.

    "SECRETARY GENERAL OF NATO" -> "Secretary General of NATO": words in
    ACRONYMS stay in capitals, SMALL_WORDS go lower-case after the first word.
    Text that already has lower-case letters is returned as is.
    """
    if not _is_one_case(text):
        return text
    first = True

    def fix(match: re.Match[str]) -> str:
        nonlocal first
        word, was_first, first = match.group(), first, False
        if word in ACRONYMS:
            return word
        lower = word.lower()
        return lower if lower in SMALL_WORDS and not was_first else lower.capitalize()

    return _LETTERS.sub(fix, text)
