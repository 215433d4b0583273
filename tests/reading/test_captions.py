"""Reading caption files (WebVTT, SRT): what each line becomes.

Every line of the file is one SourceLine with its number: structure lines
carry the chrome rule that reports them, cue lines carry the words without
markup, a speaker change or a voice's label, and where a paragraph starts.
The whole parse of caption files is specified by the ``captions_*``
fixtures (test_fixtures.py); these tests pin the reader's own decisions.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.cleaning import clean
from generator.directory import load_directory
from generator.errors import ContentError
from generator.build import parse_corpus
from generator.parsing import parse_document
from generator.reading import FORMATS, Metadata, RawDocument, read_text
from generator.reading.captions import CueText, read_cue_text
from tests.support import CONTENT


def read(text: str, suffix: str = ".vtt") -> RawDocument:
    return read_text(text.encode("utf-8"), f"captions{suffix}", suffix=suffix)


def chrome_of(document: RawDocument) -> dict[int, str | None]:
    return {line.number: line.chrome for line in document.lines}


def texts(document: RawDocument) -> list[str]:
    return [line.text for line in document.lines if not line.chrome]


@pytest.mark.parametrize(("raw", "expected"), [
    ("<i>Allies</i> <b>agreed</b>", CueText("Allies agreed")),
    ("<c.yellow.bg_blue>three</c> <u>things</u>", CueText("three things")),
    ("We<00:00:01.200><c> will</c><00:00:01.500><c> act</c>", CueText("We will act")),
    ("{\\an8}Above the picture", CueText("Above the picture")),
    ("{\\pos(10,20)}{\\i1}Placed", CueText("Placed")),
    ("R&amp;D &quot;now&quot;&nbsp;or never", CueText('R&D "now" or never')),
    ("&lt;i&gt; is written, not markup", CueText("<i> is written, not markup")),
    ("if x < 2 and y > 3", CueText("if x < 2 and y > 3")),
    ("one<br>two", CueText("one two")),
    ("<font color=\"#ffff00\">Yellow</font>", CueText("Yellow")),
    (">> Good morning.", CueText("Good morning.", change=True)),
    ("&gt;&gt; MODERATOR: Next question.", CueText("MODERATOR: Next question.", change=True)),
    (">>> A new story", CueText("A new story", change=True)),
    (">>", CueText("", change=True)),
    ("- Yes.", CueText("Yes.", change=True)),
    ("-No, not yet.", CueText("No, not yet.", change=True)),
    ("-", CueText("", change=True)),
    ("-based on facts", CueText("-based on facts")),
    ("<v Oana Lungescu>Good afternoon.</v>", CueText("Good afternoon.", voice="Oana Lungescu")),
    ("<v.loud.first Jens Stoltenberg>Thank you", CueText("Thank you", voice="Jens Stoltenberg")),
    ("<i><v Anna>Inside italics", CueText("Inside italics", voice="Anna")),
    (">> <v Anna>After a chevron", CueText("After a chevron", voice="Anna", change=True)),
    ("<v>No name", CueText("No name")),
    ("Words <v Anna>mid-line", CueText("Words mid-line")),
])
def test_cue_text_loses_markup_and_keeps_words(raw: str, expected: CueText) -> None:
    assert read_cue_text(raw) == expected


def test_caption_suffixes_read_as_captions() -> None:
    assert FORMATS[".vtt"] == FORMATS[".srt"] == "captions"
    document = read("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n")
    assert document.format == "captions"


def test_structure_lines_are_chrome_with_their_rule() -> None:
    document = read(
        "WEBVTT - a header\nKind: captions\n\nNOTE written by hand\nover two lines\n\nSTYLE\n::cue { color: red }\n\n"
        "REGION\nid:left\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nGood afternoon.\n"
    )
    assert chrome_of(document) == {
        1: "caption-header", 2: "caption-header", 4: "caption-note", 5: "caption-note", 7: "caption-style",
        8: "caption-style", 10: "caption-region", 11: "caption-region", 13: "caption-cue-identifier",
        14: "caption-timing", 15: None,
    }
    assert document.lines[-1].raw == "Good afternoon."


def test_srt_cue_numbers_and_timings_are_chrome() -> None:
    document = read("1\n00:00:01,000 --> 00:00:02,500\nFirst words\n\n2\n00:00:02,600 --> 00:00:04,000\nrun on.\n",
                    ".srt")
    assert chrome_of(document) == {1: "caption-cue-number", 2: "caption-timing", 3: None,
                                   5: "caption-cue-number", 6: "caption-timing", 7: None}


def test_an_srt_under_a_webvtt_header_is_read() -> None:
    document = read("WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nWords of an SRT.\n")
    assert chrome_of(document) == {1: "caption-header", 3: "caption-cue-number", 4: "caption-timing", 5: None}


def test_cues_without_blank_lines_between_are_split_at_their_timings() -> None:
    document = read("1\n00:00:01,000 --> 00:00:02,000\nFirst cue\n2\n00:00:02,000 --> 00:00:03,000\nsecond cue.\n",
                    ".srt")
    assert chrome_of(document) == {1: "caption-cue-number", 2: "caption-timing", 3: None,
                                   4: "caption-cue-number", 5: "caption-timing", 6: None}


def test_garbled_timing_and_stray_numbers_are_reported_and_stray_text_is_kept() -> None:
    document = read(
        "WEBVTT\n\n00:00:01.000 --> 00:00:0x\nWords under a garbled timing.\n\n17\n\n"
        "Words that lost their timing.\n\n00:00:05.000 --> 00:00:06.000\nLast words.\n"
    )
    assert chrome_of(document) == {1: "caption-header", 3: "caption-timing", 4: None, 6: "caption-cue-number",
                                   8: None, 10: "caption-timing", 11: None}
    assert texts(document) == ["Words under a garbled timing.", "Words that lost their timing.", "Last words."]


def test_a_line_of_markup_alone_is_reported() -> None:
    document = read("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i></i>\nWords.\n")
    assert chrome_of(document)[4] == "caption-markup"


def test_a_chevron_alone_gives_the_change_to_the_next_line() -> None:
    document = read("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFirst speaker.\n>>\nSecond speaker.\n")
    assert chrome_of(document)[5] == "caption-speaker-marker"
    assert [line.speaker_change for line in document.lines if not line.chrome] == [False, True]


def test_a_voice_reads_as_a_label_once_until_someone_else_speaks() -> None:
    document = read(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Oana Lungescu>Good afternoon.\n\n"
        "00:00:02.000 --> 00:00:03.000\n<v Oana Lungescu>We start now.\n\n"
        "00:00:03.000 --> 00:00:04.000\n>> Thank you.\n\n"
        "00:00:04.000 --> 00:00:05.000\n<v Oana Lungescu>Next question.\n"
    )
    spoken = [line for line in document.lines if not line.chrome]
    assert [line.text for line in spoken] == [
        "Oana Lungescu: Good afternoon.", "We start now.", "Thank you.", "Oana Lungescu: Next question.",
    ]
    assert [line.strong_prefix for line in spoken] == ["Oana Lungescu:", None, None, "Oana Lungescu:"]
    assert [line.speaker_change for line in spoken] == [True, False, True, True]


def cue(start: float, end: float, *lines: str) -> str:
    def clock(seconds: float) -> str:
        return f"00:{int(seconds) // 60:02d}:{seconds % 60:06.3f}"
    return f"{clock(start)} --> {clock(end)}\n" + "\n".join(lines) + "\n\n"


def test_a_pause_after_a_sentence_starts_a_paragraph() -> None:
    document = read("WEBVTT\n\n"
                    + cue(1, 3, "The ministers met today.")  # 0.1 s later: runs on
                    + cue(3.1, 5, "They agreed on two things.")  # 1.5 s after a sentence: a new paragraph
                    + cue(6.5, 8, "First, the budget")  # 2 s without a sentence end: runs on
                    + cue(10, 12, "for next year."))
    cleaned = clean(document)
    assert [p.text for p in cleaned.paragraphs] == [
        "The ministers met today. They agreed on two things.", "First, the budget for next year.",
    ]
    assert cleaned.mended_lines == ()


def test_a_long_monologue_is_cut_into_paragraphs_at_sentence_ends() -> None:
    sentence = "Allies agreed to do more together for our shared security."  # ten words
    body = "".join(cue(second, second + 1, sentence) for second in range(30))
    paragraphs = clean(read("WEBVTT\n\n" + body)).paragraphs
    assert [len(p.text.split()) for p in paragraphs] == [120, 120, 60]


def test_a_stage_direction_stands_alone() -> None:
    document = read("WEBVTT\n\n" + cue(1, 2, "We are ready") + cue(2, 3, "[APPLAUSE]") + cue(3, 4, "to act."))
    assert [p.text for p in clean(document).paragraphs] == ["We are ready", "[APPLAUSE]", "to act."]


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_a_caption_file_without_any_timing_reads_as_text(suffix: str) -> None:
    document = read("Q: Is this plain text?\n\nSecretary General: It is.\n", suffix)
    assert document.format == "text"
    assert texts(document) == ["Q: Is this plain text?", "Secretary General: It is."]


def test_bom_and_crlf_read_as_the_plain_file() -> None:
    text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Oana Lungescu>Good afternoon.\n"
    plain = read(text)
    windows = read_text(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"), "captions.vtt", suffix=".vtt")
    assert windows.lines == plain.lines


def test_caption_files_with_no_words_are_a_located_problem() -> None:
    document = read("WEBVTT\n\nNOTE nothing here\n\n00:00:01.000 --> 00:00:02.000\n\n00:00:03.000 --> 00:00:04.000\n")
    with pytest.raises(ContentError) as raised:
        parse_document(document, load_directory(CONTENT))
    assert raised.value.problem.path == "captions.vtt"
    assert raised.value.problem.code == "only-chrome"


def test_a_caption_file_in_the_content_folder_is_parsed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    for name in ("people.yaml", "outlets.yaml"):
        (content / name).write_bytes((CONTENT / name).read_bytes())
    (content / "transcripts" / "briefing.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Oana Lungescu>Good afternoon, and welcome.\n", encoding="utf-8")
    (content / "transcripts" / "briefing.meta.yaml").write_text(
        "title: Press briefing by the NATO Spokesperson\ndate: 2016-05-02\nevent_type: briefing\n", encoding="utf-8")
    corpus = parse_corpus(content, workers=1)
    assert corpus.problems == ()
    [transcript] = corpus.transcripts
    assert transcript.source == "transcripts/briefing.vtt"
    assert transcript.turns[0].speaker.name == "Oana Lungescu"
    assert transcript.turns[0].paragraphs == ("Good afternoon, and welcome.",)
    assert [r.rule for r in transcript.removed] == ["caption-header", "caption-timing"]


def test_the_rules_for_web_pages_leave_cue_text_alone() -> None:
    # Fragments that the page rules would take for a title echo, a site menu, a reading time.
    document = read_text(
        ("WEBVTT\n\n" + cue(1, 2, "the Prime Minister of Norway") + cue(2, 3, "Search and rescue")
         + cue(3, 4, "5 minutes")).encode("utf-8"),
        "captions.vtt", Metadata(title="Press point with the Prime Minister of Norway"), suffix=".vtt")
    cleaned = clean(document)
    assert [p.text for p in cleaned.paragraphs] == ["the Prime Minister of Norway Search and rescue 5 minutes"]
    assert {r.rule for r in cleaned.removed} == {"caption-header", "caption-timing"}


def test_a_chevron_before_the_first_words_changes_from_nobody() -> None:
    document = read("WEBVTT\n\n" + cue(1, 2, ">> Good afternoon.") + cue(2, 3, ">> Thank you."))
    spoken = [line for line in document.lines if not line.chrome]
    assert [(line.text, line.speaker_change) for line in spoken] == [("Good afternoon.", False), ("Thank you.", True)]
