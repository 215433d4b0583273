"""Find the runs of website chrome at the top and bottom of a scrape.

Scrapes carry forms, menus and taglines above and below the transcript.
Reading from each end, a line is chrome if a rule says so; short
unpunctuated lines (taglines, buttons), and lines the rules miss right
before form chrome, are held back and count as chrome only if stronger
chrome follows them, whose kind they then take. The run ends at the first
speaker label or the first line of speech, so a transcript is never cut into.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from generator.cleaning.anywhere_rules import ANYWHERE_RULES, is_language_name
from generator.cleaning.edge_rules import EDGE_RULES, page_title, title_echo
from generator.cleaning.header import HEADER_RULES
from generator.cleaning.line_text import vocabulary_hits
from generator.cleaning.verdicts import LineContext, Rule, Strength, Verdict
from generator.reading.source_lines import SourceLine, Style

# The title first (the header rules read it), then the page header's lines, then chrome.
_EDGE_RULES: tuple[Rule, ...] = (page_title, title_echo, *HEADER_RULES, *EDGE_RULES)
# Kinds of chrome that lend their name to the lines they confirm.
_FORM_RULES = frozenset({"account-form", "newsletter-form", "cookie-notice", "site-menu"})


_LONGEST_LANGUAGE_NAME = 24


def language_menu_runs(lines: Sequence[SourceLine]) -> dict[int, Verdict]:
    """Two or more consecutive lines that each name a language."""
    found: dict[int, Verdict] = {}
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and len(lines[index].text) <= _LONGEST_LANGUAGE_NAME and is_language_name(lines[index].text):
            run.append(index)
            continue
        if len(run) >= 2:
            found.update({i: Verdict("language-menu") for i in run})
        run = []
    return found


# Longer lines are speech for every rule but "link-only"; skipping them early
# keeps cleaning linear in the number of lines at a few microseconds each.
_LONGEST_INTERFACE_LINE = 160
_MOST_INTERFACE_SPACES = 14


def anywhere_verdict(line: SourceLine, context: LineContext) -> Verdict | None:
    if not line.link_only and (len(line.text) > _LONGEST_INTERFACE_LINE or line.text.count(" ") > _MOST_INTERFACE_SPACES):
        return None
    return _anywhere(line.text, line.style, line.link_only)


@lru_cache(maxsize=1 << 13)
def _anywhere(text: str, style: Style, link_only: bool) -> Verdict | None:
    """The first rule that holds anywhere and knows the line. These rules read the line's text, style
    and links alone, and a site's chrome repeats across its pages: each line is judged once a process."""
    line = SourceLine(0, text, text, style, link_only=link_only)
    context = _NO_CONTEXT
    for rule in ANYWHERE_RULES:
        verdict = rule(line, context)
        if verdict is not None:
            return verdict
    return None


_NO_CONTEXT = LineContext(None, {})


def edge_verdicts(
    lines: Sequence[SourceLine],
    order: Sequence[int],
    context: LineContext,
    known: dict[int, Verdict],
    starts_speech: Callable[[SourceLine], bool],
) -> tuple[dict[int, Verdict], LineContext]:
    """Chrome lines of the run that starts at ``order[0]`` and follows ``order``.

    Returns the verdicts and the context, updated with a title found on the way.
    """
    found: dict[int, Verdict] = {}
    pending: list[tuple[int, Verdict]] = []
    for position, index in enumerate(order):
        line = lines[index]
        verdict = known.get(index) or anywhere_verdict(line, context)
        if verdict is None:
            if starts_speech(line):
                break
            verdict = _first_edge_verdict(line, context)
        if verdict is None and _form_follows(lines, order, position, context):
            # A line the rules miss, between lines of a form, belongs to the form.
            verdict = Verdict("chrome-block", Strength.WEAK)
        if verdict is None:
            break
        if verdict.strength is Strength.STRONG:
            found.update({i: _confirmed(v, verdict) for i, v in pending})
            pending = []
            found[index] = verdict
            context = replace(context, after=verdict.rule)
            if verdict.fact and verdict.fact[0] == "title" and not context.title:
                context = replace(context, title=verdict.fact[1])
        else:
            pending.append((index, verdict))
    return _name_form_fields(found, order), context


_FORM_SPAN_LINES = 80  # a site's forms sit in the first lines of a page
_FORM_SPAN_WORDS = 60  # longer lines are paragraphs of speech: a form's span never crosses one
_FORM_LINE_WORDS = 40
_FIRST_PERSON = re.compile(r"(?<!\w)(?:i|we|my|our|us|me|je|nous|ich|wir|я|мы|ми)(?!\w)", re.I)


def form_span(
    lines: Sequence[SourceLine],
    known: dict[int, Verdict],
    context: LineContext,
    starts_speech: Callable[[SourceLine], bool],
) -> dict[int, Verdict]:
    """Every line above a page's last form line, when nothing between them can be speech.

    A site's account or newsletter form opens with taglines in its own
    words ("The one place for broadcast-quality video", in any language),
    which no vocabulary can list. The form's own lines can be recognised,
    so whatever sits above its last one, in short lines that speak to no
    one in the first person, belongs to it and takes its kind.
    """
    last = None
    for index in range(min(len(lines), _FORM_SPAN_LINES)):
        line = lines[index]
        verdict = known.get(index)
        if verdict is None:
            if starts_speech(line):
                break
            words = line.text.split()
            # Only a line with a form's words can be a form line: the rules are asked about those alone.
            if len(words) <= _FORM_LINE_WORDS and _FORM_RULES & vocabulary_hits(line.text).keys():
                verdict = anywhere_verdict(line, context) or _first_edge_verdict(line, context)
            if (verdict is None or verdict.strength is not Strength.STRONG) and (
                    len(words) > _FORM_SPAN_WORDS or _FIRST_PERSON.search(line.text)):
                break
        if verdict is not None and verdict.strength is Strength.STRONG and verdict.rule in _FORM_RULES - {"site-menu"}:
            last = index
    if last is None:
        return {}
    found: dict[int, Verdict] = {}
    kind = None
    for index in range(last, -1, -1):  # each line takes the kind of the form line below it
        verdict = known.get(index) or anywhere_verdict(lines[index], context)
        if verdict is not None and verdict.strength is Strength.STRONG and verdict.rule in _FORM_RULES:
            kind = verdict.rule
        if index not in known:
            found[index] = verdict if verdict is not None and verdict.strength is Strength.STRONG \
                else Verdict(kind or "account-form")
    return found


def _name_form_fields(found: dict[int, Verdict], order: Sequence[int]) -> dict[int, Verdict]:
    """An e-mail field takes the kind of the form line before it, else after it."""
    run = [index for index in order if index in found]
    named = dict(found)
    for position, index in enumerate(run):
        if found[index].rule != "form-field":
            continue
        before = [found[i].rule for i in reversed(run[:position]) if found[i].rule in _FORM_RULES]
        after = [found[i].rule for i in run[position + 1:] if found[i].rule in _FORM_RULES]
        rule = (before or after or ["account-form"])[0]
        named[index] = Verdict(rule, Strength.STRONG, found[index].fact)
    return named


_LOOK_AHEAD = 2
_LONGEST_SANDWICHED_WORDS = 40


def _form_follows(lines: Sequence[SourceLine], order: Sequence[int], position: int, context: LineContext) -> bool:
    """Whether form chrome comes within the next two lines of the run."""
    line = lines[order[position]]
    if len(line.text.split()) > _LONGEST_SANDWICHED_WORDS:
        return False
    if position == 0 and not vocabulary_hits(line.text):
        # The first line of a file (or the last, read backwards) has chrome on
        # one side only: it must name a form term itself ("You can unsubscribe...").
        return False
    for index in order[position + 1 : position + 1 + _LOOK_AHEAD]:
        verdict = anywhere_verdict(lines[index], context) or _first_edge_verdict(lines[index], context)
        if verdict is not None and verdict.strength is Strength.STRONG and verdict.rule in _FORM_RULES:
            return True
    return False


def _first_edge_verdict(line: SourceLine, context: LineContext) -> Verdict | None:
    for rule in _EDGE_RULES:
        verdict = rule(line, context)
        if verdict is not None:
            return verdict
    return None


def _confirmed(verdict: Verdict, by: Verdict) -> Verdict:
    rule = by.rule if by.rule in _FORM_RULES else verdict.rule
    return Verdict(rule, Strength.STRONG, verdict.fact)
