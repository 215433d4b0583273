"""Chrome rules for the runs of chrome at the top and bottom of a scrape.

``EDGE_RULES`` (with :func:`page_title` and :func:`title_echo`, which find
the title and its echoes, and the header rules of
:mod:`generator.cleaning.header`) apply only in the runs of chrome at the
edges of a file (see :mod:`generator.cleaning.zones`), where forms, menus,
taglines and a page's lines about itself live: there, text that would be
speech anywhere else may be an interface's. Each rule looks at one source
line and returns a :class:`~generator.cleaning.verdicts.Verdict` or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.cleaning.line_text import chrome_kind, corpus_key, ends_sentence, vocabulary_hits, words
from generator.cleaning.verdicts import LineContext, Rule, Strength, Verdict
from generator.reading.source_lines import SourceLine, Style


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


EDGE_RULES: tuple[Rule, ...] = (
    byline,
    metadata_line,
    metadata_heading,
    chrome_vocabulary,
    repeated_across_corpus,
    interface_fragment,
)
