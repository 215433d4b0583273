"""A page's header and footer lines: what kind of event, by whom, when and where.

Press offices print the same facts above a transcript in their own forms:

* nato.int: an event-type line ("Doorstep statement"), a by-line naming the
  speaker and the occasion ("by NATO Secretary General Jens Stoltenberg
  ahead of the meetings of NATO Defence Ministers", sometimes on two lines,
  sometimes merged with the event type), a bulleted date line ("• 24 Mar.
  2022 -", "• 06 Dec. 2007 - 07 Dec. 2007") and a lone "|" bullet;
* White House briefings: a place line and a time line ("James S. Brady
  Press Briefing Room", "7:06 P.M. EST"), an end time and "###" at the end;
* Kremlin pages: the title, a lead sentence, the date, the time and the place.

These lines are not speech. The rules here recognise each one in the runs
of chrome at the edges of a file (see :mod:`generator.cleaning.zones`),
name it "header-..." in the report, and keep what it says as a fact, which
the parser turns into the transcript's title, event type, date and place
where the metadata does not give them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from generator.cleaning.dates import find_date, is_time
from generator.cleaning.line_text import ends_sentence, unbulleted
from generator.cleaning.verdicts import LineContext, Strength, Verdict
from generator.reading.source_lines import SourceLine, Style

# Words that name a kind of event, with the event type each stands for, most specific first.
EVENT_WORDS: tuple[tuple[str, str], ...] = (
    (r"joint press conference|conf[ée]rence de presse conjointe|gemeinsame pressekonferenz", "joint-press-conference"),
    (r"(?:pre-?(?:ministerial|summit) |final |closing |monthly |online |on-line )?press conference|news conference"
     r"|conf[ée]rence de presse|pressekonferenz|пресс-конференци\w*|прес-?конференці\w*", "press-conference"),
    (r"(?:joint )?press (?:point|stake-?out)|stake-?out|point de presse", "press-point"),
    (r"doorstep(?: statement)?|заявление на пороге", "doorstep"),
    (r"background (?:briefing|press call)", "background-briefing"),
    (r"(?:weekly |monthly |pre-?ministerial |press )?briefing|press gaggle|gaggle|press call", "briefing"),
    (r"q ?& ?a(?: session)?|questions? and answers?|question and answer session|direct line", "qa-session"),
    (r"interview|entretien|entrevista|интервью|інтерв'?ю", "interview"),
    (r"(?:keynote )?(?:speech|address|lecture)|discours|выступление|виступ", "speech"),
    (r"(?:opening |closing |welcoming )?remarks|opening words|conversation", "remarks"),
    (r"(?:joint )?(?:press )?statement|d[ée]claration(?: commune)?|заявление|заява", "statement"),
    (r"meeting|talks|plenary session|discussion|forum|session|совещание|встреча|засідання|réunion", "meeting"),
)
_EVENT = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<e{index}>{pattern})" for index, (pattern, _) in enumerate(EVENT_WORDS)) + r")(?!\w)",
    re.I,
)
_BYLINE_START = re.compile(
    r"^(?:by|with|par|avec|von|mit|por|con|di|від|з|со?|by the|with the)\s+\S", re.I
)
_CONTINUATION_START = re.compile(
    r"^(?:and|at|ahead|following|after|before|during|on|in|including|to|for|held|hosted|joined)\b"
)
_END_MARK = re.compile(r"^(?:\\?#\s*){3}$|^-+\s*(?:end|30)\s*-+$|^end$", re.I)
_LONGEST_EVENT_LINE = 12  # words of an event-type line on its own ("Pre-ministerial press conference")
_LONGEST_BYLINE = 70
_LONGEST_PLACE = 8
_LONGEST_LEAD = 150  # words of the summary a page prints under its title
_DIGIT = re.compile(r"\d")
_PLACE_MAY_BE = frozenset({"chrome-block", "corpus-repeated", "title-echo", "byline"})
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|we|my|our|us|me|thank|thanks)(?!\w)", re.I)


def event_type_in(text: str | None) -> str | None:
    """The event type a title or header line names ("Doorstep statement by ..." -> doorstep), or None."""
    if not text:
        return None
    match = _EVENT.search(text)
    if match is None:
        return None
    return EVENT_WORDS[int((match.lastgroup or "e0")[1:])][1]


def event_line(line: SourceLine, context: LineContext) -> Verdict | None:
    """``Doorstep statement``, or the event and by-line on one line (``Press briefing by NATO Spokesperson ...``)."""
    text = unbulleted(line.text)
    words = text.split()
    if not words or ends_sentence(text) or len(words) > _LONGEST_BYLINE:
        return None
    if context.edge != "top":
        return None
    match = _EVENT.search(text)
    # The event words open the line (after at most two qualifiers: "Joint", "Pre-ministerial", a title's words)...
    if match is None or len(text[: match.start()].split()) > 2:
        return None
    # ...and the line is short, or goes on as a by-line.
    tail = text[match.end():].strip()
    if len(words) > _LONGEST_EVENT_LINE and not _BYLINE_START.match(tail):
        return None
    return Verdict("header-event", fact=("event_line", text))


def byline(line: SourceLine, context: LineContext) -> Verdict | None:
    """``by NATO Secretary General Jens Stoltenberg ahead of ...``, ``with the Prime Minister of Norway, ...``.

    Only at the top of a page, after the event line or the title, or
    opening the header; the line must name someone (a capitalised word).
    """
    text = unbulleted(line.text)
    if context.edge != "top" or context.after not in (None, "header-event", "page-title", "header-date",
                                                      "header-separator", "as-delivered"):
        return None
    if not _BYLINE_START.match(text) or len(text.split()) > _LONGEST_BYLINE or text.endswith("?"):
        return None
    if ends_sentence(text) and _FIRST_PERSON.search(text):
        return None  # "With that, I am ready to take your questions."
    if not any(word[:1].isupper() for word in text.split()[1:]):
        return None
    return Verdict("header-byline", fact=("byline", text))


def byline_continued(line: SourceLine, context: LineContext) -> Verdict | None:
    """The second line of a by-line split in two: ``at the New Year's Press Reception``."""
    text = unbulleted(line.text)
    if context.after not in ("header-byline", "header-event") or ends_sentence(text.rstrip(".")):
        return None
    if not _CONTINUATION_START.match(text) or len(text.split()) > _LONGEST_BYLINE // 2:
        return None
    return Verdict("header-byline", fact=("byline_more", text))


def date_line(line: SourceLine, context: LineContext) -> Verdict | None:
    """``• 24 Mar. 2022 -``, ``06 Dec. 2007 - 07 Dec. 2007``, ``December 10, 2012``, ``Taormina, 10 Feb. 2006 |``."""
    text = line.text
    if len(text) > 90 or _DIGIT.search(text) is None:
        return None
    found = find_date(text)
    if found is None:
        return None
    before = unbulleted(found.before).rstrip(",|").strip(" ([")
    after = found.after.strip(" -–|)]")
    if after and not is_time(after):
        return None
    if before and (len(before.split()) > _LONGEST_PLACE or ends_sentence(before) or not before[:1].isupper()):
        return None
    value = found.date.isoformat() + (f"/{found.end.isoformat()}" if found.end else "")
    return Verdict("header-date", fact=("printed_date", value))


def time_line(line: SourceLine, context: LineContext) -> Verdict | None:
    """``7:06 P.M. EST``, ``17:15``: when the event began (at the top) or ended (at the bottom)."""
    text = unbulleted(line.text)
    return Verdict("header-time", fact=("printed_time", text)) if is_time(text) else None


def separator(line: SourceLine, context: LineContext) -> Verdict | None:
    """A bullet or pipe left alone on its line by a page's header list (``• |``)."""
    return Verdict("header-separator") if line.text.strip() and not unbulleted(line.text) else None


def end_mark(line: SourceLine, context: LineContext) -> Verdict | None:
    """``###``, ``- END -``: a press release's end, not speech."""
    return Verdict("end-mark") if _END_MARK.match(line.text.strip()) else None


def lead(line: SourceLine, context: LineContext) -> Verdict | None:
    """The sentence under a page's title that sums the event up ("Vladimir Putin met with ...").

    Weak: it counts as header only when a date line follows, as on pages
    that print title, lead and date together.
    """
    if context.edge != "top" or context.after != "page-title" or line.style is not Style.PLAIN:
        return None
    if not 4 <= len(line.text.split()) <= _LONGEST_LEAD or not ends_sentence(line.text):
        return None
    return Verdict("header-lead", Strength.WEAK, fact=("summary", line.text))


def header_line(line: SourceLine, context: LineContext) -> Verdict | None:
    """The first header rule that knows the line, asked only where its cheap signs show.

    The edge runs ask about every line of a page's chrome: most are no header line,
    and a glance at a digit, a bullet or the first word rules most rules out.
    """
    text = line.text
    if not text:
        return None
    if text[0] in "•·▪‣◦*-–|" and not unbulleted(text):
        return separator(line, context)
    if _DIGIT.search(text) is not None:
        verdict = date_line(line, context) or time_line(line, context)
        if verdict is not None:
            return verdict
    if len(text) <= 12 and (verdict := end_mark(line, context)) is not None:
        return verdict
    if context.edge != "top":
        return None
    return event_line(line, context) or byline(line, context) or byline_continued(line, context) or lead(line, context)


HEADER_RULES = (header_line,)


def place_verdicts(lines: Sequence[SourceLine], verdicts: Mapping[int, Verdict]) -> dict[int, Verdict]:
    """Place lines beside a header's date or time line: ``Moscow``, ``James S. Brady Press Briefing Room``.

    A place has no form of its own; it is a short unpunctuated line next to
    a date or time line, at the edge of the file (every line before it, or
    every line after it, already a header or chrome line).
    """
    found: dict[int, Verdict] = {}
    for index, verdict in verdicts.items():
        if verdict.rule not in ("header-date", "header-time"):
            continue
        for neighbour, step in ((index - 1, -1), (index + 1, 1)):
            place = list(_place_lines(lines, verdicts, found, neighbour, step))
            if not place:
                continue
            # A place over two lines ("Aboard Air Force One" / "En Route Atlanta, Georgia") is one place.
            place.sort()
            text = " ".join(unbulleted(lines[i].text) for i in place)
            found[place[0]] = Verdict("header-place", fact=("printed_location", text))
            found.update({i: Verdict("header-place") for i in place[1:]})
    return found


def _place_lines(
    lines: Sequence[SourceLine], verdicts: Mapping[int, Verdict], found: Mapping[int, Verdict], start: int, step: int
) -> Iterator[int]:
    """The place lines from ``start`` away from a date or time line: one, or two above it that go together
    ("Aboard Air Force One" / "En Route Atlanta, Georgia"); below a date, the next line is the page's own."""
    for index in (start, start + step) if step < 0 else (start,):
        if not 0 <= index < len(lines) or index in found:
            return
        current = verdicts.get(index)
        # A place repeated across an archive's pages ("James S. Brady Press Briefing Room"), echoed by the
        # title ("En Route Atlanta, Georgia") or set in italics is still the place beside the date or time.
        if current is not None and current.rule not in _PLACE_MAY_BE:
            return
        if not _at_edge(index, len(lines), verdicts) or not _looks_like_place(lines[index]):
            return
        yield index


def _at_edge(index: int, count: int, verdicts: Mapping[int, Verdict]) -> bool:
    return all(i in verdicts for i in range(index)) or all(i in verdicts for i in range(index + 1, count))


def _looks_like_place(line: SourceLine) -> bool:
    text = unbulleted(line.text)
    words = text.split()
    if not words or len(words) > _LONGEST_PLACE or not text[:1].isupper() or ":" in text:
        return False
    if text.rstrip()[-1:] in ".!?;" and not words[-1].rstrip(".").isupper():
        return False
    return not _FIRST_PERSON.search(text) and not is_time(text) and find_date(text) is None
