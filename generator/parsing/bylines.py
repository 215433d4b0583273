"""The people a title or by-line names, with the office printed beside each.

"Press Briefing by Press Secretary Jen Psaki and National Economic Director
Brian Deese", "with NATO Secretary General Jens Stoltenberg and the Prime
Minister of Norway, Erna Solberg", "Direct Line with Vladimir Putin": who
holds the event is printed in its title, in three shapes: office then name,
"office, name", and "name, office". Nothing here knows the people directory;
the parser prefers it where it knows a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.labels.recognisers import ROLE_WORDS

# Where the list of people starts: after the event words, at "by" or "with".
_PEOPLE_START = re.compile(r"(?<!\w)(?:by|with|of|featuring|between)\s+", re.I)
# Where one person's part ends and the next begins.
_PERSON_SEPARATOR = re.compile(r"\s*(?:[;,]|\s+and\s+|\s+with\s+|\s+by\s+|\s+joined by\s+|\s+&\s+)\s*", re.I)
# Words after a name that start the occasion: "... Jens Stoltenberg ahead of the meetings".
_OCCASION = re.compile(
    r"(?:,\s*|\s+)(?:at|ahead|following|after|before|during|on|in|to|for|aboard|en route|via|about|regarding|"
    r"prior|upon|over|from|held|hosted|previewing|announcing|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b",
    re.I,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.\-]*|de|van|von|der|den|da|di|du|la|le|bin|al|el|ter|ten)$")
_PARTICLES = frozenset("de van von der den da di du la le bin al el ter ten".split())
_RANKS = frozenset("admiral general colonel lieutenant ltgen major captain commander ambassador dr mr mrs ms "
                   "sir dame president prime minister secretary senator governor".split())
_OFFICE_RANKS = frozenset("admiral general colonel lieutenant ltgen major captain commander ambassador president "
                          "prime minister secretary senator governor".split())  # ranks that are offices too
_NOT_NAMES = frozenset("nato otan un eu us usa uk the press white house officials official senior administration "
                       "team covid-19 response public health summit council committee conference meeting meetings "
                       "forum ministers alliance union assembly commission parliament government office department "
                       "ministry agency force forces group club headquarters room region province state republic city country "
                       "district territory".split())


_ASKER = re.compile(r"\b(?:journalist|correspondent|reporter|editor|interviewer|anchor|host|presenter)\b", re.I)
_OFFICE_DOMAIN = re.compile(r"\b(?:of|for|to)\b", re.I)


@dataclass(frozen=True)
class NamedPerson:
    """Someone a title names: the name as printed, the office printed with it, and whether they ask.

    ``asks`` is true for the journalist of an interview ("by Deutsche Welle
    journalist Sarah Kelly").
    """

    name: str
    role: str | None
    asks: bool = False


@lru_cache(maxsize=1 << 12)
def _people_named_in(text: str) -> tuple[NamedPerson, ...]:
    return tuple(_named(text))


def people_named_in(text: str | None) -> list[NamedPerson]:
    """Everyone a title or by-line names, in order.

    ``"Press Briefing by Press Secretary Jen Psaki, January 20, 2021"`` ->
    ``[NamedPerson("Jen Psaki", "Press Secretary")]``. Titles and by-lines
    repeat across an archive, so each is read once.
    """
    return list(_people_named_in(text)) if text else []


def _named(text: str) -> list[NamedPerson]:
    start = _PEOPLE_START.search(text)
    if start is None:
        return []
    pieces = [piece.strip(" ,.;:") for piece in _PERSON_SEPARATOR.split(text[start.end():])]
    pieces = [re.sub(r"^(?:and\s+)?(?:the|his|her)?\s*", "", piece, flags=re.I) for piece in pieces if piece]
    found: list[NamedPerson] = []
    index = 0
    while index < len(pieces):
        piece = _without_occasion(pieces[index])
        following = _without_occasion(pieces[index + 1]) if index + 1 < len(pieces) else ""
        person = None
        if following and _is_office(piece) and _is_name(_without_rank(following)):
            person, index = NamedPerson(_without_rank(following), piece), index + 1  # "the Prime Minister, Erna Solberg"
        elif following and _is_name(piece) and _is_office(following):
            person, index = NamedPerson(piece, following), index + 1  # "Jens Stoltenberg, NATO Secretary General"
        else:
            person = office_and_name(piece)
        index += 1
        if person is not None and all(person.name != other.name for other in found):
            found.append(NamedPerson(person.name, person.role, bool(person.role and _ASKER.search(person.role))))
    return found


def _without_occasion(piece: str) -> str:
    """A by-line's part up to where the occasion starts: "Jens Stoltenberg ahead of the meetings" -> "Jens Stoltenberg".

    The occasion starts at the first of its words that follows a name; "to"
    inside an office ("Port Envoy to the White House ... John Porcari") does not.
    """
    for match in _OCCASION.finditer(piece):
        before = piece[: match.start()].strip(" ,.")
        if _is_name(before) or office_and_name(before) is not None:
            return before
    return piece.strip(" ,.")


# "Vladimir Putin had a working meeting with ...": the subject of a page's summary holds the event.
_HOST = re.compile(
    r"^(?:(?:[\w-]+\s+){0,6}?(?:the\s+)?(?:president|prime minister|secretary[- ]general|chancellor|minister)\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:met|had|held|took part|attended|visited|chaired|"
    r"addressed|spoke|made|gave|answered|delivered|opened|hosted|received|signed|presented)\b",
)


def host_of(summary: str | None) -> NamedPerson | None:
    """Who a page's summary says held the event: its subject, when a name opens it."""
    match = _HOST.match(summary or "")
    if match is None or not _is_name(match.group("name")):
        return None
    return NamedPerson(match.group("name"), None)


@lru_cache(maxsize=1 << 14)
def office_and_name(part: str) -> NamedPerson | None:
    """``Press Secretary Jen Psaki``, ``NATO Secretary General Jaap de Hoop Scheffer``, ``President Zelenskyy``."""
    if _is_name(part):
        return NamedPerson(part, None)
    words = part.split()
    size = 2 if len(words) > 2 and _is_name(" ".join(words[-2:])) else 0
    if size == 0:
        # One name after an office: "President Zelenskyy", "Admiral Bauer".
        if len(words) >= 2 and _is_office(" ".join(words[:-1])) and _is_name(words[-1], single=True):
            return NamedPerson(words[-1], " ".join(words[:-1]))
        return None
    # Take the name's first words back from the office while the office does not end on an office
    # word and its capitalised words cannot be its own domain ("Secretary of Homeland Security").
    while size < 4 and len(words) > size + 1:
        step = 2 if words[-size - 1] in _PARTICLES and len(words) > size + 2 else 1  # "Jaap de Hoop Scheffer"
        before, taken = words[: -size - step], words[-size - step:-size]
        if ROLE_WORDS.fullmatch(taken[0].strip(",")) or _OFFICE_DOMAIN.search(" ".join(before + taken)):
            break
        if taken[0].lower().rstrip(".") in _RANKS:
            break  # "Dr. Ashish Jha": the courtesy title is no part of the name
        if size + step > 4 or not _is_name(" ".join(words[-size - step:])):
            break
        size += step
    office_words = words[:-size]
    if office_words and office_words[-1] in ("of", "the", "for", "to", "in", "and"):
        return None  # "Governor of the Lake Region": the capitals are the office's domain, not a name
    while office_words and office_words[-1].lower().rstrip(".") in _RANKS - _OFFICE_RANKS:
        office_words = office_words[:-1]  # "Response Coordinator Dr." -> "Response Coordinator"
    office = " ".join(office_words)
    return NamedPerson(" ".join(words[-size:]), office) if _is_office(office) else None


def _is_office(text: str) -> bool:
    return bool(text) and (ROLE_WORDS.search(text) is not None or _ASKER.search(text) is not None)


def _without_rank(text: str) -> str:
    words = text.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in _RANKS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1 << 14)
def _is_name(text: str, *, single: bool = False) -> bool:
    """Two to four capitalised words (particles allowed), none of them an office or an institution.

    With ``single``, one capitalised word will do (a surname after an office).
    """
    words = text.split()
    if not (1 if single else 2) <= len(words) <= 4 or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    if any(not _NAME_WORD.match(word) or word.lower() in _NOT_NAMES for word in words):
        return False
    if ROLE_WORDS.search(text) or _ASKER.search(text):
        return False
    return not any(word.isupper() and len(word) > 3 for word in words[:-1])
