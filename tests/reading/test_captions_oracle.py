"""The caption reader agrees with webvtt-py on well-formed files.

Pressroom reads captions with its own lenient reader (webvtt-py drops
malformed blocks unreported and gives no line numbers), so a well-kept
library serves as the oracle where both apply: on generated well-formed
WebVTT and SRT files, the reader finds the same cues, and the same words
in them, as webvtt-py does. Voice names (a label to Pressroom, markup to
webvtt-py) and speaker markers (no words) are left out of the comparison,
and webvtt-py's text is compared in NFC, as Pressroom reads all text.
"""

from __future__ import annotations

import io
import re
import unicodedata

import webvtt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.reading import read_text

WORD = re.compile(r"\w+")
SPEECH = st.text(
    # Entities and {\an8} are not webvtt-py's to decode; "-" and ">" would read as markers.
    alphabet=st.characters(categories=("L", "N"), include_characters=" .,?!:;'\"()…"),
    min_size=1, max_size=40,
).filter(lambda text: bool(text.strip()))
MARKUP = st.sampled_from(["{}", "<i>{}</i>", "<b>{}</b>", "<c.yellow>{}</c>", "<00:00:01.500><c>{}</c>", "<u>{}</u>"])
CUE_LINE = st.tuples(st.sampled_from(["", ">> ", "- "]), st.sampled_from([None, "Oana Lungescu", "Speaker_1"]),
                     MARKUP, SPEECH)
CUES = st.lists(st.tuples(st.integers(0, 10**7), st.integers(1, 5000), st.lists(CUE_LINE, min_size=1, max_size=2)),
                min_size=1, max_size=10)


def clock(milliseconds: int, separator: str) -> str:
    seconds, fraction = divmod(milliseconds, 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{separator}{fraction:03d}"


def caption_text(cues: list, srt: bool) -> str:
    blocks = [] if srt else ["WEBVTT"]
    for number, (start, length, lines) in enumerate(cues, start=1):
        separator = "," if srt else "."
        timing = f"{clock(start, separator)} --> {clock(start + length, separator)}"
        text = [marker + (f"<v {voice}>" if voice and not srt else "") + markup.format(speech)
                for marker, voice, markup, speech in lines]
        blocks.append("\n".join([str(number), timing, *text]))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CUES, st.booleans())
def test_the_reader_finds_the_cues_and_words_webvtt_py_finds(cues: list, srt: bool) -> None:
    text = caption_text(cues, srt)
    suffix = ".srt" if srt else ".vtt"
    document = read_text(text.encode("utf-8"), f"oracle{suffix}", suffix=suffix)
    oracle = webvtt.from_buffer(io.StringIO(text), format="srt" if srt else "vtt")
    assert sum(line.chrome == "caption-timing" for line in document.lines) == len(oracle.captions)
    ours = [word for line in document.lines if not line.chrome
            for word in WORD.findall(line.text[len(line.strong_prefix or ""):])]
    # Pressroom reads every text in NFC; webvtt-py leaves it as written.
    theirs = [word for caption in oracle.captions for word in WORD.findall(unicodedata.normalize("NFC", caption.text))]
    assert ours == theirs
