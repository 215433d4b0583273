"""How taxonomy phrases become the literal strings the matcher looks for.

A phrase is folded (typographic quotes, hyphens and spaces made plain),
then expanded: ``{a,b}`` alternatives, a trailing ``*`` (any word ending),
and the plural of the last word for plain aliases. The rules are documented
at the top of content/topics.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One character in, one character out, so positions in folded text are
# positions in the original text. Typographic punctuation becomes ASCII so
# that most English transcripts fold to pure ASCII, which Python lower-cases
# and the automaton scan fastest.
_FOLD = (
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2026", "."),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u00ad", "-"),
    ("\n", " "),
    ("\r", " "),
    ("\t", " "),
    ("\u00a0", " "),
    ("\u202f", " "),
)

_BRACES = re.compile(r"\{([^{}]*)\}")


def fold(text: str) -> str:
    """Plain quotes, hyphens and spaces; the result has the same length."""
    # str.replace runs in C; str.translate with a mapping costs a dict
    # lookup per character, which dominates on a long transcript.
    for old, new in _FOLD:
        if old in text:
            text = text.replace(old, new)
    return text


def lower_same_length(text: str) -> str:
    """Lower-cased text that keeps every position (``str.lower`` may not).

    A few characters ("İ") lower to two; those keep their own case here, so
    match positions still index the original text.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_acronym(phrase: str) -> bool:
    """Written with capitals and no lower-case letter: matched in exact case."""
    return any(c.isupper() for c in phrase) and not any(c.islower() for c in phrase)


def is_word_char(char: str) -> bool:
    """Letters and digits make words; punctuation, hyphens and spaces end them."""
    return char.isalnum()


@dataclass(frozen=True)
class Literal:
    """One exact string to look for, and how to match it."""

    text: str  # folded; lower-cased unless case_sensitive
    case_sensitive: bool
    open_end: bool  # a trailing "*": the last word may go on


class PhraseError(ValueError):
    """A pattern that cannot be expanded; the message says what to fix."""


def plurals(word: str) -> tuple[str, ...]:
    """Regular English plurals of the last word (none for words ending in s)."""
    if not word or not word[-1].isalpha():
        return ()
    lower = word.lower()
    if lower.endswith("s"):
        return ()
    if lower.endswith(("x", "z", "ch", "sh")):
        return (word + "es",)
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    if lower.endswith("o") and len(lower) > 1 and lower[-2] not in "aeiou":
        return (word + "s", word + "es")  # "embargoes", "photos": both are written
    return (word + "s",)


def expand_braces(pattern: str) -> list[str]:
    """``"join{,s,ed} NATO"`` -> ``["join NATO", "joins NATO", "joined NATO"]``."""
    if pattern.count("{") != pattern.count("}"):
        raise PhraseError(f"unbalanced braces in {pattern!r}; write alternatives as {{a,b}}")
    match = _BRACES.search(pattern)
    if match is None:
        if "{" in pattern or "}" in pattern:
            raise PhraseError(f"nested or misplaced braces in {pattern!r}")
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    out: list[str] = []
    for choice in match.group(1).split(","):
        out.extend(expand_braces(head + choice.strip() + tail))
    return out


def literals_for_alias(alias: str, *, case_sensitive: bool) -> list[Literal]:
    """An alias as written, plus the plural of its last word (not for acronyms)."""
    text = " ".join(fold(alias).split())
    exact = case_sensitive or is_acronym(text)
    forms = [text]
    if not is_acronym(text):
        forms.extend(plurals(text))
    return [_literal(form, exact, open_end=False) for form in forms]


def literals_for_pattern(pattern: str, *, case_sensitive: bool) -> list[Literal]:
    """A pattern's expansions; no automatic plural (patterns say what they mean)."""
    text = " ".join(fold(pattern).split())
    out: list[Literal] = []
    for form in expand_braces(text):
        form = " ".join(form.split())
        open_end = form.endswith("*")
        if open_end:
            form = form[:-1]
        if "*" in form:
            raise PhraseError(f"'*' may only end a pattern, not sit inside {pattern!r}")
        if not form or not is_word_char(form[0]):
            raise PhraseError(f"pattern {pattern!r} must start with a letter or digit")
        out.append(_literal(form, case_sensitive or is_acronym(form), open_end))
    return out


def _literal(form: str, exact: bool, open_end: bool) -> Literal:
    return Literal(form if exact else lower_same_length(form), exact, open_end)
