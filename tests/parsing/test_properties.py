"""Properties of the parser on arbitrary input (hypothesis).

* Parsing never fails with anything but a ContentError that names the file.
* Nothing is lost: every word of the input that is not on a line reported in
  ``removed`` appears in the model, in the same order (labels included).

Both hold for caption files (WebVTT, SRT) too, whose words are those left
once their markup is off; their timing lines are always reported. Of a web
page, every letter and digit it shows is in the model or on a removed line,
once.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.directory import load_directory
from generator.errors import ContentError
from generator.model import Transcript
from generator.parsing import parse_document
from generator.reading import Metadata, read_text
from generator.reading.decode import normalise_text
from generator.reading.webpage import parse_html
from tests.support import CONTENT, SEEDS

DIRECTORY = load_directory(CONTENT)
WORD = re.compile(r"\w+")
KNOWN_ERRORS = {"empty-file", "binary-file", "only-chrome"}

# Lines shaped like the archive's: labels of every style, chrome, page breaks, stage directions.
LABELS = st.sampled_from([
    "Q:", "Q (Reuters):", "QUESTION:", "Question [AFP]:", "Follow-up:", "Secretary General:",
    "JENS STOLTENBERG:", "STOLTENBERG :", "Anders Fogh Rasmussen (Secretary General of NATO):",
    "NATO Spokesperson Oana Lungescu:", "MODERATOR:", "Lorne Cook, The Associated Press:", "EKHO MOSKVY:",
    "MARK RUTTE [NATO Secretary General]:", "", "", "",
])
CHROME = st.sampled_from([
    "Create an account", "Reset password", "Subscribe to our newsletter", "5 min read", "(As delivered)",
    "Last updated: 12 Jan. 2022", "English", "Français", "EN | FR | RU", "Page 2 of 5", "https://www.nato.int",
    "Mot de passe oublié", "Lesezeit: 4 Min.", "(Laughter)", "[inaudible]",
])
SPEECH = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=0, max_size=120,
)
LINE = st.one_of(
    st.tuples(LABELS, SPEECH).map(lambda pair: f"{pair[0]} {pair[1]}".strip()),
    CHROME,
    SPEECH,
)
DOCUMENT = st.lists(LINE, min_size=1, max_size=30).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n", "\r"]).map(lambda end: end.join(lines))
)


def model_words(transcript: Transcript) -> list[str]:
    words: list[str] = []
    for turn in transcript.turns:
        if turn.speaker.label:
            words += WORD.findall(turn.speaker.label)
        for paragraph in turn.paragraphs:
            words += WORD.findall(paragraph)
    return words


def kept_words(text: str, transcript: Transcript) -> list[str]:
    removed = {r.line for r in transcript.removed}
    lines = normalise_text(text).split("\n")
    return [w for number, line in enumerate(lines, start=1) if number not in removed for w in WORD.findall(line)]


def parse_text(text: str, *, plain: bool) -> Transcript | None:
    metadata = Metadata(format="text") if plain else None
    try:
        document = read_text(text.encode("utf-8"), "fuzz.txt", metadata)
        return parse_document(document, DIRECTORY)
    except ContentError as error:
        assert error.problem.path == "fuzz.txt"
        assert error.problem.code in KNOWN_ERRORS
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes_the_parser(text: str) -> None:
    parse_text(text, plain=False)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_reader(data: bytes) -> None:
    try:
        parse_document(read_text(data, "fuzz.txt"), DIRECTORY)
    except ContentError as error:
        assert error.problem.code in KNOWN_ERRORS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_every_word_not_removed_is_kept_in_order(text: str) -> None:
    transcript = parse_text(text, plain=True)
    if transcript is None:
        return
    assert model_words(transcript) == kept_words(text, transcript)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1500))
def test_every_word_of_arbitrary_plain_text_is_kept_in_order(text: str) -> None:
    transcript = parse_text(text, plain=True)
    if transcript is None:
        return
    assert model_words(transcript) == kept_words(text, transcript)


def test_every_word_of_the_seeds_is_kept_in_order() -> None:
    for seed in SEEDS:
        raw = seed.read_text(encoding="utf-8")
        document = read_text(seed.read_bytes(), seed.name)
        transcript = parse_document(document, DIRECTORY)
        link_targets = [w for r in transcript.removed if r.rule == "link-target" for w in WORD.findall(r.text)]
        expected = kept_words(raw, transcript)
        for word in link_targets:  # a link's address is reported removed; its text stays
            expected.remove(word)
        assert model_words(transcript) == expected, seed.name


def test_nfc_normalisation_is_what_the_words_are_compared_in() -> None:
    decomposed = "Q: Is the Cafe\u0301 in Bru\u0308ssel open?"
    transcript = parse_text(decomposed, plain=True)
    assert transcript is not None
    assert transcript.turns[0].paragraphs == (unicodedata.normalize("NFC", "Is the Cafe\u0301 in Bru\u0308ssel open?"),)


# --- captions (WebVTT, SRT) -----------------------------------------------------
# A caption file is generated line by line with, for each line, the words it holds once its
# markup is off: the words of every line not reported as removed must be in the model, in order.

CUE_SPEECH = st.text(
    # No "-", "<", ">", "&", "{": markers and markup are generated on purpose, below.
    alphabet=st.characters(categories=("L", "N", "Zs"), include_characters=".,?!:;'\"()[]…/"),
    max_size=40,
)
# Markup around speech, and the text it leaves: (raw template, plain template).
MARKUP = st.sampled_from([
    ("{}", "{}"), ("<i>{}</i>", "{}"), ("<b>{}</b>", "{}"), ("<u>{}</u>", "{}"), ("<c.yellow.bg_black>{}</c>", "{}"),
    ("<00:00:01.250><c>{}</c>", "{}"), ("{{\\an8}}{}", "{}"), ('<font color="#ffff00">{}</font>', "{}"),
    ("{}&amp;", "{}&"), ("&quot;{}&quot;", '"{}"'), ("caf&eacute; {}", "café {}"), ("<ruby>{}<rt>Nato</rt></ruby>", "{}Nato"),
])
FRAGMENT = st.tuples(CUE_SPEECH, MARKUP).map(lambda pair: (pair[1][0].format(pair[0]), pair[1][1].format(pair[0])))
MARKERS = st.sampled_from(["", "", "", ">> ", "&gt;&gt; ", "- ", ">>> "])
VOICES = st.sampled_from([None, None, None, "Oana Lungescu", "Jens Stoltenberg", "Q (Reuters)", "Speaker_1", "anna"])
CUE_LINE = st.tuples(MARKERS, VOICES, st.booleans(), st.lists(FRAGMENT, min_size=1, max_size=3))
TIMING = st.tuples(st.integers(0, 10**8), st.integers(0, 4000), st.sampled_from([".", ","]),
                   st.sampled_from(["", " align:start position:0%", " line:0"]), st.booleans())
STRAY_BLOCKS = st.sampled_from([
    ["NOTE a comment", "over two lines"], ["STYLE", "::cue { color: white; }"], ["REGION", "id:lower"],
    ["Subtitles by the press office"], ["[MUSIC]"], ["17"], ["<i></i>"], ["&nbsp;"], ["Kind: captions"],
    ["WEBVTT"], ["-->"], ["00:00:01.000 --> garbage"], ["1", "2"],
])
CUE = st.tuples(st.sampled_from(["", "", "number", "identifier"]), TIMING, st.lists(CUE_LINE, max_size=3),
                st.booleans())
CAPTIONS = st.tuples(
    st.sampled_from(["", "WEBVTT", "WEBVTT\nKind: captions\nLanguage: en"]),
    st.lists(st.one_of(CUE, STRAY_BLOCKS), min_size=1, max_size=12),
    st.sampled_from(["\n", "\r\n"]), st.booleans(),
)


def clock(milliseconds: int, separator: str) -> str:
    seconds, fraction = divmod(milliseconds, 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{separator}{fraction:03d}"


def caption_file(spec: tuple) -> tuple[str, list[list[str]], list[int]]:
    """The text of a caption file, the words each of its lines holds, and its timing lines' numbers."""
    header, blocks, line_end, bom = spec
    lines: list[str] = []
    words: list[list[str]] = []
    timings: list[int] = []
    voice: str | None = None  # as the reader follows it: named once, until someone else speaks

    def add(raw: str, plain: str | None = None) -> None:
        lines.append(raw)
        words.append(WORD.findall(normalise_text(raw if plain is None else plain)))

    for raw in header.split("\n") if header else []:
        add(raw)
    for block in blocks:
        if isinstance(block, list):
            if lines:
                add("")
            for raw in block:
                add(raw)
            continue
        head, (start, length, separator, settings, garbled), cue_lines, blank_before = block
        if blank_before or not lines:
            add("")
        if head:
            add(str(len(lines)) if head == "number" else f"cue-{len(lines)}")
        end = clock(start + length, separator)
        timings.append(len(lines) + 1)
        add(f"{clock(start, separator)} --> {end[:-2] + 'x0' if garbled else end}{settings}")
        for marker, name, loud, fragments in cue_lines:
            raw = marker + "".join(fragment[0] for fragment in fragments)
            plain = "".join(fragment[1] for fragment in fragments)
            if marker:
                voice = None
            if name is not None:
                raw = marker + ("<v.loud {}>" if loud else "<v {}>").format(name) + raw[len(marker):]
                plain = (f"{name}: " if name != voice else "") + plain
                voice = name
            add(raw, plain)
    text = line_end.join(lines)
    return ("\ufeff" + text if bom else text), words, timings


def parse_captions(text: str, suffix: str) -> Transcript | None:
    try:
        return parse_document(read_text(text.encode("utf-8"), f"fuzz{suffix}", suffix=suffix), DIRECTORY)
    except ContentError as error:
        assert error.problem.path == f"fuzz{suffix}"
# --- web pages ------------------------------------------------------------------
# Random nesting of a site's parts around random text, entities and broken markup.

TAGS = st.sampled_from([
    "nav", "footer", "article", "main", "header", "aside", "form", "div", "p", "b", "strong", "span", "li", "ul",
    "blockquote", "pre", "h1", "h3", "script", "style", "template", "table", "td", "button", "label",
    "a href='https://www.facebook.com/sharer.php?u=1'", "a href='/page'", "a rel='license' href='/l'",
    "time datetime='2020-01-02T10:30'", "span class='tooltip'", "div hidden", "div role='navigation'",
    "div itemprop='articleBody'", "span style='display:none'", "span class='place'",
])
HTML_LEAVES = st.one_of(
    SPEECH.map(lambda text: text[:40]),
    LABELS.map(lambda label: f"<b>{label}</b> "),
    st.sampled_from([
        "&nbsp;", "&amp;", "&#160;", "&#8203;", "&lt;b&gt;", "&bogus;", "&", "<", "<b", "</p>", "<!-- note -->",
        "<br>", "<br/><br/>", "<hr>", "<b>Jens</b> <b>Stoltenberg:</b> ", "<b>Question</b><b>:</b> ", "\u00a0",
        "Jens Stoltenberg: ", "* * *", "<…>", "© 2020", "\n", "e\u0301",
    ]),
)
HTML_NODES = st.recursive(
    HTML_LEAVES,
    lambda inner: st.tuples(TAGS, st.lists(inner, max_size=4)).map(
        lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0].split()[0]}>"
    ),
    max_leaves=40,
)
HTML_PAGES = st.tuples(
    st.sampled_from(["", "<!DOCTYPE html>", "<html lang='en'><head><title>T</title></head><body>"]),
    st.lists(HTML_NODES, max_size=6),
).map(lambda pair: pair[0] + "".join(pair[1]))
_NO_TEXT = ("head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "video",
            "audio", "canvas", "title", "noframes")


def visible_characters(page: str) -> Counter[str]:
    """Letters and digits of the text a browser shows (decomposed, so that where NFC joined them does not matter)."""
    root = parse_html(normalise_text(page))
    if root is None:
        return Counter()
    shown: list[str] = []

    def visit(element: Any) -> None:
        hidden = isinstance(element.tag, str) and (
            element.tag in _NO_TEXT or element.get("hidden") is not None
            or "display:none" in (element.get("style") or "").replace(" ", ""))
        if isinstance(element.tag, str) and not hidden:
            shown.append(element.text or "")
            for child in element:
                visit(child)
        shown.append(element.tail or "")

    visit(root)
    return characters("".join(shown))


def characters(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFD", text) if c.isalnum())


def parse_page(page: str) -> Transcript | None:
    try:
        return parse_document(read_text(page.encode("utf-8"), "fuzz.html", suffix=".html"), DIRECTORY)
    except ContentError as error:
        assert error.problem.path == "fuzz.html"
        assert error.problem.code in KNOWN_ERRORS
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CAPTIONS, st.sampled_from([".vtt", ".srt"]))
def test_every_word_of_a_caption_file_not_removed_is_kept_in_order(spec: tuple, suffix: str) -> None:
    text, words, timings = caption_file(spec)
    transcript = parse_captions(text, suffix)
    if transcript is None:
        return
    removed = {r.line: r.rule for r in transcript.removed}
    assert {removed.get(number) for number in timings} <= {"caption-timing"}
    assert model_words(transcript) == [w for number, found in enumerate(words, 1) if number not in removed for w in found]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=1500), st.sampled_from([".vtt", ".srt"]))
def test_arbitrary_text_never_crashes_the_caption_reader(text: str, suffix: str) -> None:
    parse_captions(text, suffix)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".vtt", ".srt"]))
def test_arbitrary_bytes_never_crash_the_caption_reader(data: bytes, suffix: str) -> None:
    try:
        parse_document(read_text(data, f"fuzz{suffix}", suffix=suffix), DIRECTORY)
    except ContentError as error:
        assert error.problem.path == f"fuzz{suffix}"
        assert error.problem.code in KNOWN_ERRORS
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(HTML_PAGES)
def test_every_visible_character_of_a_page_is_kept_or_reported(page: str) -> None:
    transcript = parse_page(page)
    if transcript is None:
        return
    kept = "".join(
        (turn.speaker.label or "") + "".join(turn.paragraphs) for turn in transcript.turns
    )
    removed = "".join(r.text for r in transcript.removed)
    assert characters(kept) + characters(removed) == visible_characters(page)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=1500))
def test_arbitrary_text_read_as_a_page_never_crashes(text: str) -> None:
    parse_page(text)
