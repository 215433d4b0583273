"""What an archive's own markup says, read from its raw files without the parser.

The figures compare the parse with what the archive itself printed: its
question labels, its officials' labels, its page chrome. Each is found here
with plain patterns on the raw text, independently of the parser, so that
the parser is not scored against itself.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# An anonymous question label opening a line or paragraph: "Q", "Q:", "QUESTION:", "Question:", "Q (CNN):".
QUESTION_LABEL = re.compile(
    r"^\s*[*_]{0,2}(?:Q|QUESTION|Question|Journalist|Reporter)(?:\s*\([^)\n]{1,60}\))?[*_]{0,2}"
    r"(?:\s*:|\.\s|\s+(?=[A-Z“\"'(\[—–…])|\s*$)"
)
# White House officials: an honorific or a role in capitals, then a colon.
CAPITALS_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Z.'\- ]{1,60}[A-Z.]):")
_BLOCK = re.compile(r"<(?:p|div|li|h[1-6]|td|br|dt|dd)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_HIDDEN = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)
_ARTICLE_BODY = re.compile(r"""itemprop=["']articleBody["']""")


@dataclass(frozen=True)
class RawFacts:
    """What one raw file's own markup says."""

    question_labels: int
    official_labels: Counter[str]  # label as printed -> how many turns it opens
    blocks: tuple[str, ...]  # the text blocks of the file (lines, or a page's elements)
    outside_article: tuple[str, ...]  # text blocks of a page outside its article (HTML only)


def text_blocks(markup: str) -> list[str]:
    """The visible text of an HTML fragment, one entry per block element."""
    markup = _HIDDEN.sub(" ", markup)
    return [" ".join(html.unescape(_TAG.sub("", part)).split()) for part in _BLOCK.split(markup)]


def raw_facts(path: Path) -> RawFacts:
    """Read one raw file's question labels, official labels and blocks."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    if path.suffix.lower() in (".html", ".htm"):
        match = _ARTICLE_BODY.search(text)
        start = text.rfind("<", 0, match.start()) if match else 0
        # The article body ends where the page's publication details begin.
        end = text.find('class="read__bottommeta', start) if match else -1
        article = text[start:end if end > 0 else len(text)]
        blocks = [b for b in text_blocks(article) if b]
        outside = [b for b in text_blocks(text[:start] + text[end if end > 0 else len(text):]) if b]
    else:
        blocks = [" ".join(line.replace("\u00a0", " ").split()) for line in text.split("\n")]
        blocks = [b for b in blocks if b]
        outside = []
    raw_lines = text.split("\n") if not outside else blocks
    questions = sum(1 for line in raw_lines if QUESTION_LABEL.match(line.replace("\u00a0", " ")))
    if outside:  # a page: labels open its paragraphs
        questions = sum(1 for block in blocks if re.match(r"^(?:Question|Q)\s*:", block))
    officials: Counter[str] = Counter()
    for line in raw_lines:
        match = CAPITALS_LABEL.match(line.replace("\u00a0", " "))
        if match and match.group("label").strip() not in ("Q", "QUESTION"):
            officials[" ".join(match.group("label").split())] += 1
    return RawFacts(questions, officials, tuple(blocks), tuple(outside))


def site_chrome(pages: Iterable[RawFacts], share: float = 0.5) -> frozenset[str]:
    """Text blocks outside the article that recur on at least ``share`` of a site's pages: its menus and footer."""
    facts = list(pages)
    counts = Counter(block for page in facts for block in set(page.outside_article))
    floor = max(2, int(len(facts) * share))
    return frozenset(block for block, count in counts.items() if count >= floor)
