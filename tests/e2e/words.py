"""Words of a raw transcript against the words of its built page.

A raw file's words are compared after the normalisation the reader applies
(``normalise_text``: NFC, line ends, invisible characters), as ``\\w+`` tokens.
What the report lists as removed is left out: whole lines of website chrome,
and the addresses of links (rule ``link-target``), whose text stays.

Markdown files lose the inline tags of a publisher's corrections and emphasis
(``<s>``, ``<b>``), whose words stay, and their backslash escapes. Caption files (.vtt, .srt) are compared as the reader reads their cue
lines: caption markup (``<v Name>``, ``<i>``, ``{\\an8}``, entities) holds no
spoken words, and timing lines and cue numbers are reported as removed.

Metadata in front-matter (between ``---`` lines at the top) is not
transcript text: the page shows it as facts. Speaker labels are the one kind of words a page shows differently: each
turn is attributed to the resolved speaker ("Q (CNN):" shows as "CNN:",
"SECRETARY GENERAL:" as "Jens Stoltenberg:"). So a label's words are checked
to be exactly the words opening the turn, then set aside.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from generator.model import Transcript
from generator.reading import FORMATS, read_document
from generator.reading.decode import decode_bytes, normalise_text
from generator.reading.markdown_inline import EDITORIAL_TAG
from generator.render.transcript import paragraph_anchors

WORD = re.compile(r"\w+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark's backslash escapes


def assert_nothing_lost(content: Path, site: Path, transcript: Transcript) -> None:
    """The raw file's words are its page's: exactly, turn by turn, and in order in the whole article."""
    html = (site / "transcripts" / transcript.slug / "index.html").read_text(encoding="utf-8")
    [article] = BeautifulSoup(html, "html.parser").find_all("article")
    expected = raw_words_by_turn(raw_lines(content / transcript.source), transcript)
    assert page_words_by_turn(article, paragraph_anchors(transcript)) == expected, transcript.source
    assert is_subsequence([w for turn in expected for w in turn], article_words(article)), transcript.source


def raw_lines(path: Path) -> list[str]:
    """The lines of a raw file as its words are compared (see the module's docstring)."""
    raw, _ = decode_bytes(path.read_bytes())
    lines = normalise_text(raw).split("\n")
    if FORMATS.get(path.suffix.lower()) == "captions":
        for line in read_document(path).lines:
            lines[line.number - 1] = line.text
    elif FORMATS.get(path.suffix.lower()) == "markdown":
        # A publisher's <s>correction</s> keeps its words and loses its tags, and an escaped character
        # ("\_today\_") is the character, as the reader reads them.
        lines = [_ESCAPE.sub(r"\1", EDITORIAL_TAG.sub(" ", line)) for line in lines]
    return lines


def raw_words_by_turn(lines: list[str], transcript: Transcript) -> list[list[str]]:
    """The words of each turn as the raw file's lines have them, without chrome, link addresses and labels.

    A turn runs from its line to the next turn's. Older pages run several
    speakers' turns into one line; there, a turn ends after its own words
    and the next one's label opens the rest of the line.
    """
    chrome = {r.line for r in transcript.removed if r.rule != "link-target"} | _front_matter(lines)
    addresses: dict[int, list[str]] = defaultdict(list)
    for removed in transcript.removed:
        if removed.rule == "link-target":
            addresses[removed.line].append(removed.text)
    starts = [turn.line for turn in transcript.turns] + [len(lines) + 1]
    before = [w for n in range(1, starts[0]) if n not in chrome for w in _line_words(lines[n - 1], addresses[n])]
    assert before == [], f"{transcript.source}: words before the first turn belong to no turn"
    stream = [(number, token) for number in range(starts[0], len(lines) + 1) if number not in chrome
              for token in _line_words(lines[number - 1], addresses[number])]
    turns = []
    position = 0
    for index, turn in enumerate(transcript.turns):
        label = WORD.findall(turn.speaker.label) if turn.speaker.label else []
        if starts[index + 1] == turn.line:  # the next turn starts inside this one's line
            end = position + len(label) + sum(len(WORD.findall(p)) for p in turn.paragraphs)
        else:
            end = next((i for i in range(position, len(stream)) if stream[i][0] >= starts[index + 1]), len(stream))
        tokens = [token for _, token in stream[position:end]]
        if label and stream[position:position + 1] and stream[position][0] == turn.line:
            assert tokens[: len(label)] == label, f"{transcript.source}:{turn.line}: the label opens the turn"
            tokens = tokens[len(label):]
        turns.append(tokens)
        position = end
    return turns


def page_words_by_turn(article: Tag, anchors: tuple[tuple[str | None, ...], ...]) -> list[list[str]]:
    """The words of each turn's paragraphs (found by their ``anchors``), without the speaker shown before them."""
    result = []
    for turn in anchors:
        words = []
        for paragraph in (article.find("p", id=anchor) for anchor in turn if anchor is not None):
            assert paragraph is not None, "a paragraph of the transcript is not on its page"
            paragraph = BeautifulSoup(str(paragraph), "html.parser").p  # a copy to take the speaker from
            first = next(iter(paragraph.contents), None)
            if isinstance(first, Tag) and first.name == "strong":
                first.decompose()
            words += WORD.findall(paragraph.get_text())
        result.append(words)
    return result


def article_words(article: Tag) -> list[str]:
    """Every word of the article, in document order."""
    return WORD.findall(article.get_text(" "))


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    """True when ``needles`` all occur in ``haystack`` in the same order (others may come between)."""
    remaining = iter(haystack)
    return all(any(word == seen for seen in remaining) for word in needles)


def _front_matter(lines: list[str]) -> set[int]:
    """Numbers of the lines of a front-matter block, fences included; empty when there is none."""
    if not lines or lines[0].strip() != "---":
        return set()
    end = next((n for n, line in enumerate(lines[1:], start=2) if line.strip() == "---"), None)
    return set(range(1, end + 1)) if end else set()


def _line_words(line: str, addresses: list[str]) -> list[str]:
    tokens = WORD.findall(line)
    for address in addresses:
        target = WORD.findall(address)
        at = next((i for i in range(len(tokens) - len(target) + 1) if tokens[i:i + len(target)] == target), None)
        assert at is not None, f"link address {address!r} is on its line"
        del tokens[at:at + len(target)]
    return tokens
