"""Chrome rules safe on any line of a file: their patterns cannot be speech.

Separators, page numbers, reading times, "as delivered" notes, "last
updated" lines, language menus, lines of nothing but links, and buttons or
form headings in the middle of a page. Each rule looks at one source line
and returns a :class:`~generator.cleaning.verdicts.Verdict` or None.
"""

from __future__ import annotations

import re

from generator.cleaning.line_text import chrome_kind, ends_sentence, unbulleted, vocabulary_hits
from generator.cleaning.verdicts import LineContext, Rule, Verdict
from generator.cleaning.vocabulary import LANGUAGE_CODES, LANGUAGE_NAMES
from generator.reading.source_lines import SourceLine, Style


_READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|temps de lecture|lesezeit|tiempo de lectura|tempo di lettura|"
    r"время чтения|час читання|czas czytania)\s*:?\s*)?"
    r"(?:about |environ |ca\. |около |близько )?\d+(?:\s*[-–]\s*\d+)?\s*"
    r"(?:min(?:ute)?s?\.?|minuten|minutos|minuti|мин(?:ут[аы]?)?\.?|хв(?:илин[аи]?)?\.?|minut)"
    r"(?:\s+(?:read|de lecture|lesezeit|de lectura|di lettura|чтения|читання|czytania))?$",
    re.I,
)
_AS_DELIVERED = re.compile(
    r"^\(?\s*(?:as delivered|as prepared(?: for delivery)?|check against delivery|"
    r"seul le texte prononc[ée] fait foi|texte prononc[ée]|tel que prononc[ée]|es gilt das gesprochene wort|"
    r"sólo el texto pronunciado es válido|texto pronunciado|проверять по факту произнесения|"
    r"текст выступления|текст виступу|стенограмма|стенограма|"
    r"в том виде, как было произнесено|у тому вигляді, як було виголошено)\s*\)?\.?$",
    re.I,
)
_LAST_UPDATED = re.compile(
    r"^(?:last updated|updated|last modified|derni[èe]re mise [àa] jour|mis [àa] jour(?: le)?|"
    r"zuletzt aktualisiert|aktualisiert am|[úu]ltima actualizaci[óo]n|ultimo aggiornamento|"
    r"последнее обновление|обновлено|останнє оновлення|оновлено|ostatnia aktualizacja)\s*:?\s*(?P<when>.{0,60})$",
    re.I,
)
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|p[áa]gina|страница|стр\.|сторінка|strona)\s*\d+(?:\s*(?:of|/|de|von|из|з|z)\s*\d+)?"
    r"|[-–—]\s*\d+\s*[-–—]|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$",
    re.I,
)


def horizontal_rule(line: SourceLine, context: LineContext) -> Verdict | None:
    """``---``, ``***``: a separator, no words."""
    return Verdict("horizontal-rule") if line.style is Style.RULE else None


def page_number(line: SourceLine, context: LineContext) -> Verdict | None:
    """``Page 3 of 7``, ``- 3 -``: what a PDF leaves at a page break."""
    return Verdict("page-number") if _PAGE_NUMBER.match(line.text) else None


def reading_time(line: SourceLine, context: LineContext) -> Verdict | None:
    """``26-33 minutes``, ``5 min read``, ``Lesezeit: 4 Min.``."""
    if _READING_TIME.match(line.text):
        return Verdict("reading-time", fact=("reading_time", line.text))
    return None


def as_delivered(line: SourceLine, context: LineContext) -> Verdict | None:
    """``(As delivered)``, ``Check against delivery``: a fact about the text, not speech."""
    text = unbulleted(line.text)
    if _AS_DELIVERED.match(text):
        return Verdict("as-delivered", fact=("delivery", text.strip("() .")))
    return None


def last_updated(line: SourceLine, context: LineContext) -> Verdict | None:
    """``Last updated: 12 Jan. 2022 16:03`` and its translations."""
    match = _LAST_UPDATED.match(unbulleted(line.text))
    if match and (match.group("when").strip() or len(line.text.split()) <= 3):
        return Verdict("last-updated", fact=("last_updated", match.group("when").strip()))
    return None


_MENU_SEPARATORS = re.compile(r"[\s|/·•,]+")


def language_menu(line: SourceLine, context: LineContext) -> Verdict | None:
    """``English | Français | Русский`` on one line (runs of single names: see zones)."""
    first = line.text.split(None, 1)
    # A Markdown heading of nothing but hashes ("# #") has no text at all.
    if not first or len(line.text) > 80 or not _is_language(first[0].strip("|/·•,")):
        return None
    tokens = [t for t in _MENU_SEPARATORS.split(line.text) if t]
    if len(tokens) >= 2 and all(_is_language(t) for t in tokens):
        return Verdict("language-menu")
    return None


_BARE_ADDRESSES = re.compile(r"(?:<?https?://\S+>?\s*)+")


def link_only(line: SourceLine, context: LineContext) -> Verdict | None:
    """A line that holds nothing but links or a bare address."""
    if line.link_only or _BARE_ADDRESSES.fullmatch(line.text):
        return Verdict("link-only")
    return None


def short_interface_text(line: SourceLine, context: LineContext) -> Verdict | None:
    """A button or form heading in the middle of a page: ``Subscribe to our newsletter``."""
    if len(line.text.split()) > 6 or ends_sentence(line.text) or line.text[:1].islower():
        return None
    hits = vocabulary_hits(line.text)
    return Verdict(chrome_kind(hits)) if hits else None


ANYWHERE_RULES: tuple[Rule, ...] = (
    horizontal_rule,
    page_number,
    reading_time,
    as_delivered,
    last_updated,
    language_menu,
    link_only,
    short_interface_text,
)


def is_language_name(text: str) -> bool:
    """``English``, ``Русский``, ``FR``: one entry of a language menu."""
    return _is_language(text.strip(" -*•|"))


def _is_language(token: str) -> bool:
    token = token.strip("()[]")
    # Codes count only in capitals ("EN | FR"): "no", "it" and "is" are English words.
    return token.casefold() in LANGUAGE_NAMES or (token.isupper() and token.casefold() in LANGUAGE_CODES)
