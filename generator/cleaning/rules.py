"""Named rules that recognise website chrome, one small function each.

A rule looks at one source line and returns a :class:`Verdict` or None.
``ANYWHERE_RULES`` are safe on any line of a file (their patterns cannot be
speech); ``EDGE_RULES`` (with the header rules of :mod:`generator.cleaning.header`)
apply only in the runs of chrome at the top and bottom of a scrape (see :mod:`generator.cleaning.zones`), where forms, menus
and taglines live.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from generator.cleaning.vocabulary import CHROME_PATTERN, LANGUAGE_CODES, LANGUAGE_NAMES
from generator.reading.decode import holds_any
from generator.reading.source_lines import SourceLine, Style


class Strength(str, Enum):
    STRONG = "strong"  # chrome on its own evidence
    WEAK = "weak"  # chrome only inside a run that strong lines confirm


@dataclass(frozen=True)
class Verdict:
    rule: str
    strength: Strength = Strength.STRONG
    fact: tuple[str, str] | None = None


@dataclass(frozen=True)
class LineContext:
    """What a rule may know besides the line: the title, other files' lines."""

    title: str | None
    corpus_counts: Mapping[str, int]
    edge: str = "top"  # the run of chrome being read: "top" of the file, or "bottom" (read backwards)
    after: str | None = None  # the rule of the last line of the run that was surely chrome or header


_BULLET = re.compile(r"^(?:[•·▪‣◦*\-–|]+\s*)+")


def unbulleted(text: str) -> str:
    """A header line without the bullet or pipe a web page's list put before it ("• Last updated: ...")."""
    # A line's text comes with its spaces collapsed and trimmed: only a bullet needs taking off.
    return _BULLET.sub("", text).strip() if text[:1] in "•·▪‣◦*-–|" else text


# A sentence ends on one of these, perhaps followed by closing quotes and brackets.
_TERMINATORS = ".!?…:;"
_CLOSERS = "\"'”’)]"
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
_METADATA_LINE = re.compile(
    r"^(?P<key>date|location|place|venue|time|source|lieu|datum|ort|fecha|lugar|дата|место|місце"
    # what a page prints about its own publication, under or over the transcript
    r"|publication date|published(?: in(?: sections)?| on)?|posted(?: on| in)?|direct link|permalink|short link"
    r"|tags|topics|categories|filed under|keywords|sections|geography|persons|people|subjects"
    r"|date de publication|publié le|veröffentlicht|дата публикации|опубликовано)\s*:\s*(?P<value>.{1,120})$",
    re.I,
)
_METADATA_KEYS = {"date": "date", "datum": "date", "fecha": "date", "дата": "date", "time": "time",
                  "location": "location", "place": "location", "venue": "location", "lieu": "location",
                  "ort": "location", "lugar": "location", "место": "location", "місце": "location"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, without punctuation."""
    return [word.casefold() for word in _WORD.findall(text)]


def ends_sentence(text: str) -> bool:
    """Whether the text ends on a full stop, question mark, colon..., perhaps inside quotes or brackets."""
    # Read from the end: a search for the pattern would try every position of a long paragraph.
    last = text.rstrip().rstrip(_CLOSERS)[-1:]
    return bool(last) and last in _TERMINATORS


def vocabulary_hits(text: str) -> dict[str, int]:
    """How many chrome terms of each group the text holds."""
    return dict(_vocabulary_hits(text))


@lru_cache(maxsize=1 << 12)
def _vocabulary_hits(text: str) -> tuple[tuple[str, int], ...]:
    """vocabulary_hits, cached: the pattern scans ~1 MB/s, the edge-zone rules
    ask about most lines two or three times, and chrome lines recur across files."""
    hits: dict[str, int] = {}
    for match in CHROME_PATTERN.finditer(text):
        group = (match.lastgroup or "").replace("_", "-")
        hits[group] = hits.get(group, 0) + 1
    return tuple(hits.items())


_LONGEST_COUNTED_LINE = 300
# Markdown syntax around a line's words: "**Register**" and "Register" are one line to the census.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SYNTAX = re.compile(r"^\s*(?:[-+]|\d+[.)])\s+|[*_#>`\[\]]")
_SYNTAX_CHARACTERS = "*_#>`[]"
_LIST_STARTS = frozenset("-+0123456789")


def corpus_key(raw: str) -> str:
    """The form under which a raw line is counted across files ("" for lines not counted).

    Chrome lines are short; paragraphs of speech are long and would only
    fill the census, so lines over 300 characters are left out of it. The
    key is made from the raw line, so that it can be counted without
    parsing the file's Markdown.
    """
    if len(raw) > _LONGEST_COUNTED_LINE:
        return ""
    if "](" in raw:
        raw = _LINK_TARGET.sub("]", raw)
    if holds_any(raw, _SYNTAX_CHARACTERS) or raw.lstrip()[:1] in _LIST_STARTS:
        raw = _SYNTAX.sub("", raw)
    return " ".join(raw.casefold().split())


# --- rules that hold anywhere -------------------------------------------------


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


# --- rules for the chrome runs at the edges -----------------------------------


def chrome_vocabulary(line: SourceLine, context: LineContext) -> Verdict | None:
    """Form and notice text: ``Reset password``, ``Enter the code we sent to your email address.``

    An unpunctuated interface string needs one chrome term. A sentence needs
    the voice of an interface as well: an imperative ("Register to...") with
    one term, or two terms addressed to the reader ("your", "vous"), so that
    a speaker who mentions passwords and accounts keeps every word.
    """
    hits = vocabulary_hits(line.text)
    total = sum(hits.values())
    if _password_rule(line.text):
        return Verdict("account-form")
    if not total:
        return None
    if not ends_sentence(line.text) and len(line.text.split()) <= _LONGEST_INTERFACE_STRING:
        return Verdict(chrome_kind(hits))
    if _IMPERATIVE.match(line.text) or (total >= 2 and _SECOND_PERSON.search(line.text)):
        return Verdict(chrome_kind(hits))
    return None


_LONGEST_INTERFACE_STRING = 12
# Interface text speaks to the reader; speech at a press conference rarely
# does both that and name two parts of a web form.
_SECOND_PERSON = re.compile(
    r"(?<!\w)(?:you|your|yours|vous|votre|vos|sie|ihr|ihre|ihren|ihrem|ihres|usted|ustedes|su|sus|tu|tuo|tua|"
    r"vostro|vostra|ваш\w*|вы|вас|вам|ви|свою|свой|свій|twój|twoje|twoja|pan|pani)(?!\w)",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(?:enter|click|check|create|subscribe|sign|log|reset|verify|download|register|accept|manage|resend|receive|"
    r"recevez|erhalten|получайте|отримуйте|"
    r"saisissez|entrez|cliquez|v[ée]rifiez|cr[ée]ez|abonnez|inscrivez|connectez|t[ée]l[ée]chargez|"
    r"geben|klicken|pr[üu]fen|erstellen|abonnieren|registrieren|melden|"
    r"introduzca|haga|compruebe|cree|suscr[ií]base|reg[ií]strese|"
    r"введите|нажмите|проверьте|создайте|подпишитесь|зарегистрируйтесь|войдите|"
    r"введіть|натисніть|перевірте|створіть|підпишіться|зареєструйтеся|увійдіть|"
    r"wpisz|kliknij|sprawd[źz]|utw[óo]rz|zarejestruj)\b",
    re.I,
)
# When a line names terms of several forms, the more specific form names it.
_KIND_ORDER = ("newsletter-form", "cookie-notice", "site-menu", "account-form", "form-field")


def chrome_kind(hits: Mapping[str, int]) -> str:
    """The kind of chrome a line's terms point to."""
    return max(hits, key=lambda kind: (hits[kind], -_KIND_ORDER.index(kind)))


_PASSWORD_LENGTH = re.compile(
    r"(?:at least|au moins|mindestens|al menos|almeno|не менее|щонайменше|co najmniej) \d+ "
    r"(?:characters|caract[èe]res|zeichen|caracteres|caratteri|символ\w*|znak\w*)",
    re.I,
)


_DIGIT = re.compile(r"\d")


def _password_rule(text: str) -> bool:
    # The pattern scans slowly (case-insensitive alternatives at every position);
    # most lines hold no digit, which a search finds at memory speed.
    return _DIGIT.search(text) is not None and _PASSWORD_LENGTH.search(text) is not None


def metadata_line(line: SourceLine, context: LineContext) -> Verdict | None:
    """``Date: 12 January 2022`` or ``Location: NATO HQ`` above a transcript."""
    match = _METADATA_LINE.match(line.text)
    if not match:
        return None
    key = _METADATA_KEYS.get(match.group("key").casefold())
    fact = (f"printed_{key}", match.group("value").strip()) if key else ("publication", line.text)
    return Verdict("metadata-line", fact=fact)


_METADATA_HEADING = re.compile(
    r"^(?:publication status|publication details|related (?:news|content|articles|materials?)|tags|topics|persons|"
    r"people|geography|categories|keywords|see also|read more|share|statut de publication|mots-cl[ée]s|"
    r"статус публикации|темы|персоны|география)$",
    re.I,
)


def metadata_heading(line: SourceLine, context: LineContext) -> Verdict | None:
    """``Publication status``, ``Topics``: the heading of a page's block about itself, alone on its line."""
    return Verdict("metadata-line") if _METADATA_HEADING.match(line.text.strip(" :")) else None


def page_title(line: SourceLine, context: LineContext) -> Verdict | None:
    """The page heading of a clip: the transcript's title, kept as a fact."""
    if line.style is Style.HEADING:
        return Verdict("page-title", fact=("title", line.text))
    return None


def title_echo(line: SourceLine, context: LineContext) -> Verdict | None:
    """A subtitle that repeats part of the title (``by NATO Secretary General ...``)."""
    if not context.title:
        return None
    line_words = words(line.text)
    while line_words and line_words[0] in ("by", "par", "von", "por", "di"):
        line_words = line_words[1:]
    title_words = _title_words(context.title)
    if len(line_words) < 3 or len(line_words) > len(title_words):
        return None
    size = len(line_words)
    line_run = tuple(line_words)
    for start in range(len(title_words) - size + 1):
        if title_words[start : start + size] == line_run:
            return Verdict("title-echo")
    return None


@lru_cache(maxsize=64)
def _title_words(title: str) -> tuple[str, ...]:
    """The words of a title, which title_echo compares with every line of the edge zones."""
    return tuple(words(title))


def byline(line: SourceLine, context: LineContext) -> Verdict | None:
    """A short italic line under a clip's title: the site or author name."""
    if line.style is Style.EMPHASIS and len(line.text.split()) <= 4:
        return Verdict("byline", fact=("publisher", line.text))
    return None


_SPEECH_WORDS = re.compile(
    r"(?<!\w)(?:i|we|you|our|us|my|thank|thanks|good|morning|afternoon|evening|welcome|ladies|gentlemen|"
    r"je|nous|vous|merci|bonjour|ich|wir|danke|я|мы|вы|спасибо|дякую|ми)(?!\w)",
    re.I,
)


def repeated_across_corpus(line: SourceLine, context: LineContext) -> Verdict | None:
    """An unpunctuated line of three words or more that other files carry too.

    Speakers repeat themselves across the archive ("Thank you very much.",
    "NATO's door remains open."), so a sentence, or a line with words of
    address or greeting, is never chrome for being repeated.
    """
    if ends_sentence(line.text) or line.text.rstrip()[-1:] in ",;-–—" or _SPEECH_WORDS.search(line.text):
        return None
    key = corpus_key(line.raw)
    if key.count(" ") >= 2 and context.corpus_counts.get(key, 0) >= 2:
        return Verdict("corpus-repeated")
    return None


def interface_fragment(line: SourceLine, context: LineContext) -> Verdict | None:
    """A short unpunctuated line (a tagline or button) that is chrome only among chrome."""
    if len(line.text.split()) <= 12 and not ends_sentence(line.text):
        return Verdict("chrome-block", Strength.WEAK)
    return None


Rule = Callable[[SourceLine, LineContext], Verdict | None]

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
EDGE_RULES: tuple[Rule, ...] = (
    byline,
    metadata_line,
    metadata_heading,
    chrome_vocabulary,
    repeated_across_corpus,
    interface_fragment,
)


def is_language_name(text: str) -> bool:
    """``English``, ``Русский``, ``FR``: one entry of a language menu."""
    return _is_language(text.strip(" -*•|"))


def _is_language(token: str) -> bool:
    token = token.strip("()[]")
    # Codes count only in capitals ("EN | FR"): "no", "it" and "is" are English words.
    return token.casefold() in LANGUAGE_NAMES or (token.isupper() and token.casefold() in LANGUAGE_CODES)
