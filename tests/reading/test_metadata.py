"""Metadata as publishers write it: tolerated, kept, and warned about.

A field Pressroom does not know is a warning and its value is kept under
``extra``; a value that cannot be read loses that field only; a field given
twice keeps its first value. Each warning is a finding of the transcript,
naming the file, the line and the field, and the transcript is published.
Only metadata that is not YAML, not a mapping, or given twice over (front-
matter and sidecar) stops a file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.directory import load_directory
from generator.errors import ContentError
from generator.model import ExtraMap, Finding, Transcript
from generator.build import parse_corpus
from generator.parsing import parse_document
from generator.reading import read_document, read_text
from generator.reading.metadata import parse_metadata_yaml
from generator.report import content_report
from generator.serialize import transcript_to_dict, transcript_to_json
from tests.support import CONTENT

DIRECTORY = load_directory(CONTENT)
FIXTURES = Path(__file__).parents[1] / "parsing" / "fixtures" / "metadata"
KNOWN = "title, date, location, source_url, event_type, language, slug, speakers, format, notes"
BODY = (
    "MS. OKAFOR: Good afternoon. The Council met this morning on the harbour agreement.\n\n"
    "Q (Reuters): When will the agreement be signed?\n\n"
    "MS. OKAFOR: Before the end of the month.\n"
)


def with_front_matter(front_matter: str, source: str = "transcripts/briefing.md") -> Transcript:
    """The transcript of BODY opened by ``front_matter`` (the lines between the two ``---``)."""
    data = f"---\n{front_matter}---\n\n{BODY}".encode()
    return parse_document(read_text(data, source, suffix=".md"), DIRECTORY)


def with_sidecar(tmp_path: Path, sidecar: str) -> Transcript:
    """The transcript of BODY in ``transcripts/briefing.txt`` with ``sidecar`` beside it."""
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "briefing.txt").write_text(BODY, encoding="utf-8")
    (folder / "briefing.meta.yaml").write_text(sidecar, encoding="utf-8")
    return parse_document(read_document(folder / "briefing.txt", "transcripts/briefing.txt"), DIRECTORY)


def unknown(name: str) -> str:
    """The message of an unknown field whose value was kept."""
    return (f"unknown metadata field {name!r}, kept under 'extra' in the transcript's JSON; "
            f"rename it to a known field or remove it (known fields: {KNOWN})")


# --- Unknown fields -------------------------------------------------------------------------------

BRIEFING = """\
tags: press-briefings
date: '2021-01-20'
modified_time: 2021-01-21 19:32:28-05:00
source_url: https://example.gov/briefings/2021/01/20/harbour/
published_time: 2021-01-20 19:06:00-05:00
title: "Press Briefing by Spokesperson Ada\\_Okafor, January 20,\\_2021"
category: [Briefings, Harbour]
seo: {robots: index, weight: 0.5, draft: false, note: null}
"""


def test_unknown_front_matter_fields_are_warnings_and_their_values_are_kept() -> None:
    transcript = with_front_matter(BRIEFING)

    assert transcript.title == "Press Briefing by Spokesperson Ada Okafor, January 20, 2021"
    assert transcript.date == dt.date(2021, 1, 20)
    assert transcript.source_url == "https://example.gov/briefings/2021/01/20/harbour/"
    assert transcript.extra == (
        ("category", ("Briefings", "Harbour")),
        ("modified_time", "2021-01-21T19:32:28-05:00"),
        ("published_time", "2021-01-20T19:06:00-05:00"),
        ("seo", ExtraMap((("robots", "index"), ("weight", 0.5), ("draft", False), ("note", None)))),
        ("tags", "press-briefings"),
    )
    assert transcript.dropped == ()
    # Lines of the raw file: the front-matter starts on line 2.
    assert transcript.findings == (
        Finding(2, "unknown-field", unknown("tags")),
        Finding(4, "unknown-field", unknown("modified_time")),
        Finding(6, "unknown-field", unknown("published_time")),
        Finding(8, "unknown-field", unknown("category")),
        Finding(9, "unknown-field", unknown("seo")),
    )


def test_unknown_fields_are_written_under_extra_in_the_json() -> None:
    data = transcript_to_dict(with_front_matter(BRIEFING))
    assert list(data)[-1] == "extra"
    assert data["extra"] == {
        "category": ["Briefings", "Harbour"],
        "modified_time": "2021-01-21T19:32:28-05:00",
        "published_time": "2021-01-20T19:06:00-05:00",
        "seo": {"robots": "index", "weight": 0.5, "draft": False, "note": None},
        "tags": "press-briefings",
    }
    assert data["findings"][0] == {"line": 2, "code": "unknown-field", "message": unknown("tags"), "file": None}
    assert json.loads(transcript_to_json(with_front_matter(BRIEFING)))["extra"] == data["extra"]


def test_a_transcript_without_unknown_fields_has_an_empty_extra() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\n")
    assert transcript.extra == ()
    assert transcript_to_dict(transcript)["extra"] == {}


def test_an_unknown_sidecar_field_names_the_sidecar_and_its_line() -> None:
    transcript = parse_document(read_document(FIXTURES / "unknown_field.txt", "transcripts/unknown_field.txt"),
                                DIRECTORY)
    assert transcript.location is None
    assert transcript.extra == (("place", "NATO Headquarters, Brussels"),)
    assert transcript.findings == (
        Finding(3, "unknown-field", unknown("place"), file="transcripts/unknown_field.meta.yaml"),
    )


def test_an_unknown_field_close_to_a_known_one_is_named() -> None:
    [finding] = with_front_matter("title: Press point\ndate: 2021-01-20\nsourceurl: https://example.gov/a\n").findings
    assert finding.message == (
        "unknown metadata field 'sourceurl', kept under 'extra' in the transcript's JSON; did you mean "
        f"'source_url'? Else rename it to a known field or remove it (known fields: {KNOWN})"
    )


def test_an_unknown_value_that_holds_itself_is_not_kept_and_says_so() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\nloop: &loop [*loop]\n")
    assert transcript.extra == ()
    assert [f.message for f in transcript.findings] == [
        "unknown metadata field 'loop' (its value is not kept: it holds itself); "
        f"rename it to a known field or remove it (known fields: {KNOWN})"
    ]


def test_an_unknown_value_of_billions_of_aliased_values_is_not_kept() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{b}: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n" for a, b in zip("abcdefgh", "bcdefghi")
    )
    metadata, findings = parse_metadata_yaml(laughs, "x.meta.yaml")
    assert [name for name, _ in metadata.extra] == ["a", "b", "c"]  # 11, 111 and 1,111 values
    assert [f.message.split(";")[0] for f in findings[3:]] == [
        f"unknown metadata field {name!r} (its value is not kept: more than 10,000 values)" for name in "defghi"
    ]


def test_values_nested_deeper_than_metadata_needs_are_warnings_not_crashes() -> None:
    deep = "[" * 500 + "]" * 500  # YAML accepts it; building it would exhaust Python's stack
    metadata, findings = parse_metadata_yaml(f"title: {deep}\nspeakers: {deep}\nnested: {deep}\n", "x.meta.yaml")
    assert metadata.dropped == ("title", "speakers")
    assert metadata.extra == ()
    assert [f.message.split(";")[0] for f in findings] == [
        "metadata field 'title' is a list: it must be non-empty text",
        "metadata field 'speakers' is a list: it must be a list of names",
        "unknown metadata field 'nested' (its value is not kept: lists or mappings nested more than 100 deep)",
    ]


def test_unknown_values_json_cannot_hold_are_kept_as_written() -> None:
    metadata, _ = parse_metadata_yaml(
        "weight: .inf\nday: 2011-02-30\ncode: !local x1\n1999: a year\nlist: [1, {2020-01-01: new year}]\n",
        "x.meta.yaml",
    )
    assert dict(metadata.extra) == {
        "1999": "a year",
        "code": "x1",
        "day": "2011-02-30",
        "list": (1, ExtraMap((("2020-01-01", "new year"),))),
        "weight": ".inf",
    }


# --- Values that cannot be read -------------------------------------------------------------------

GOOD = {
    "title": "Press point on the harbour agreement",
    "date": "2021-01-20",
    "location": "Council building, Valletta",
    "source_url": "https://example.gov/briefings/harbour/",
    "event_type": "press-point",
    "language": "en",
    "slug": "2021-01-20-harbour-press-point",
}


@pytest.mark.parametrize(
    ("field", "value", "code", "message"),
    [
        ("date", "24/11/2015", "bad-date",
         "metadata field 'date' is '24/11/2015': it must be a date written as YYYY-MM-DD, e.g. 2015-11-24"),
        ("date", "2011-02-30", "bad-date",
         "metadata field 'date' is '2011-02-30', which cannot be read (day is out of range for month): "
         "write a real date as YYYY-MM-DD, e.g. 2015-11-24"),
        ("source_url", "www.example.gov/harbour", "bad-source-url",
         "metadata field 'source_url' is 'www.example.gov/harbour': it must be a full http(s) address, "
         "e.g. https://www.nato.int/..."),
        ("event_type", "gala dinner", "bad-event-type",
         "metadata field 'event_type' is 'gala dinner': it must be one of: press-conference, "
         "joint-press-conference, press-point, doorstep, statement, speech, remarks, interview, qa-session, "
         "background-briefing, briefing, meeting"),
        ("slug", "../../outside", "bad-slug",
         "metadata field 'slug' is '../../outside': it must be lower-case letters, digits and single hyphens "
         "only, e.g. 2015-11-24-nac-statement"),
        ("language", "English", "bad-language",
         "metadata field 'language' is 'English': it must be a language code such as en, fr or pt-BR"),
        ("location", "", "bad-location",
         "metadata field 'location' is empty: give it a value or remove the line"),
        ("title", "[a, b]", "bad-title", "metadata field 'title' is a list: it must be non-empty text"),
    ],
)
def test_a_bad_value_loses_only_its_field(field: str, value: str, code: str, message: str) -> None:
    fields = {**GOOD, field: value}
    line = 2 + list(fields).index(field)
    transcript = with_front_matter("".join(f"{name}: {text}\n" for name, text in fields.items()))

    assert transcript.findings == (Finding(line, code, f"{message}; the transcript is published without it"),)
    assert transcript.dropped == (field,)
    published = transcript_to_dict(transcript)
    for name, text in GOOD.items():
        if name != field:
            assert published[name] == text, name
    if field in ("date", "location", "source_url"):
        assert published[field] is None
    elif field == "event_type":
        assert transcript.event_type == "press-point"  # found in the title, as without an event_type
    elif field == "slug":
        assert transcript.slug == "2021-01-20-press-point-harbour-agreement"  # made, as without a slug
    elif field == "language":
        assert transcript.language == "en"
    else:
        assert transcript.title == "Press point with Ms. Okafor, 2021-01-20"  # made, as without a title


def test_a_bad_value_in_a_sidecar_names_the_sidecar_and_its_line() -> None:
    transcript = parse_document(
        read_document(FIXTURES / "bad_date_sidecar.txt", "transcripts/bad_date_sidecar.txt"), DIRECTORY)
    assert transcript.date is None
    assert transcript.location == "NATO Headquarters, Brussels"
    assert transcript.findings == (Finding(
        2, "bad-date", "metadata field 'date' is '2011-02-30', which cannot be read (day is out of range for "
        "month): write a real date as YYYY-MM-DD, e.g. 2015-11-24; the transcript is published without it",
        file="transcripts/bad_date_sidecar.meta.yaml"),)


def test_a_dropped_date_is_not_reported_again_as_missing() -> None:
    transcript = with_front_matter("title: Press point\ndate: 20 January\n")
    assert [f.code for f in transcript.findings] == ["bad-date"]
    no_date = with_front_matter("title: Press point\n")
    assert [f.code for f in no_date.findings] == ["missing-metadata"]


def test_a_field_given_twice_keeps_the_first_value() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\nlocation: Valletta\ndate: 2021-01-21\n")
    assert transcript.date == dt.date(2021, 1, 20)
    assert transcript.findings == (Finding(
        5, "duplicate-field", "metadata field 'date' is given twice (first on line 3); the first value is kept: "
        "remove this one"),)


def test_an_unknown_field_given_twice_keeps_the_first_value() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\ntags: one\ntags: two\n")
    assert transcript.extra == (("tags", "one"),)
    assert [(f.line, f.code) for f in transcript.findings] == [(4, "unknown-field"), (5, "duplicate-field")]


# --- The one alias --------------------------------------------------------------------------------

def test_an_absolute_permalink_is_the_source_url() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\npermalink: https://example.gov/p/1/\n")
    assert transcript.source_url == "https://example.gov/p/1/"
    assert transcript.extra == ()
    assert transcript.findings == ()


def test_a_permalink_beside_a_source_url_is_an_unknown_field() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\npermalink: https://example.gov/p/1/\n"
                                   "source_url: https://example.gov/briefings/1/\n")
    assert transcript.source_url == "https://example.gov/briefings/1/"
    assert transcript.extra == (("permalink", "https://example.gov/p/1/"),)
    assert transcript.findings == (Finding(
        4, "unknown-field", "unknown metadata field 'permalink', kept under 'extra' in the transcript's JSON; "
        "'permalink' is read as 'source_url' only when 'source_url' is not given and the value is a full "
        f"http(s) address; rename it to a known field or remove it (known fields: {KNOWN})"),)


def test_a_relative_permalink_is_an_unknown_field() -> None:
    transcript = with_front_matter("title: Press point\ndate: 2021-01-20\npermalink: /2021/01/20/press-point/\n")
    assert transcript.source_url is None
    assert transcript.dropped == ()
    assert transcript.extra == (("permalink", "/2021/01/20/press-point/"),)
    assert [(f.line, f.code) for f in transcript.findings] == [(4, "unknown-field")]


# --- YAML that is valid but unusual ---------------------------------------------------------------

def test_folded_literal_and_continued_values_read_as_one_line_of_text() -> None:
    transcript = with_front_matter(
        "title: >-\n"
        "  Press point by the Spokesperson\n"
        "  on the harbour agreement\n"
        "location: |\n"
        "  Council building,\n"
        "  Valletta\n"
        "notes: written in two\n"
        "  lines of plain text\n"
        "date: 2021-01-20\n"
        "source_url: https://example.gov/p/1/\n"
    )
    assert transcript.title == "Press point by the Spokesperson on the harbour agreement"
    assert transcript.location == "Council building, Valletta"
    assert transcript.date == dt.date(2021, 1, 20)
    assert transcript.source_url == "https://example.gov/p/1/"
    assert transcript.findings == ()
    metadata, _ = parse_metadata_yaml("notes: written in two\n  lines of plain text\n", "x.meta.yaml")
    assert metadata.notes == ("written in two lines of plain text",)


def test_escapes_in_double_quotes_read_as_plain_text() -> None:
    # "\_" is YAML's escape for a no-break space; "\t" a tab; "\u00e9" an e with an acute accent.
    transcript = with_front_matter('title: "Press point by Ad\\u00e9la\\_Okafor,\\tJanuary\\_20"\ndate: 2021-01-20\n')
    assert transcript.title == "Press point by Adéla Okafor, January 20"


@pytest.mark.parametrize(
    "written",
    ["2021-01-20", "'2021-01-20'", '"2021-01-20"', "2021-01-20 19:06:00-05:00", "2021-01-20T23:30:00Z",
     "'2021-01-20 19:06:00-05:00'"],
)
def test_a_date_is_read_quoted_or_not_and_from_a_datetime(written: str) -> None:
    transcript = with_front_matter(f"title: Press point\ndate: {written}\n")
    assert transcript.date == dt.date(2021, 1, 20)  # the date as written, whatever its time zone
    assert transcript.findings == ()


def test_numbers_and_booleans_in_text_fields_are_the_text_written() -> None:
    metadata, findings = parse_metadata_yaml("title: 1984\nlocation: Yes\nslug: 2021\nspeakers: [Ada Okafor]\n",
                                             "x.meta.yaml")
    assert (metadata.title, metadata.location, metadata.slug, metadata.speakers) == (
        "1984", "Yes", "2021", ("Ada Okafor",))
    assert findings == ()


# --- Still errors that stop a file ----------------------------------------------------------------

def test_front_matter_that_is_not_yaml_stops_the_file_and_names_the_line() -> None:
    with pytest.raises(ContentError) as caught:
        with_front_matter("title: Press point\ndate: [2021-01-20\nlocation: Valletta\n")
    problem = caught.value.problem
    assert (problem.path, problem.line, problem.code) == ("transcripts/briefing.md", 4, "bad-metadata")
    assert str(problem).startswith("transcripts/briefing.md:4: metadata is not valid YAML")


def test_a_sidecar_that_is_not_a_mapping_stops_the_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        with_sidecar(tmp_path, "- title: Press point\n- date: 2021-01-20\n")
    assert str(caught.value.problem) == (
        f"transcripts/briefing.meta.yaml:1: metadata must be a mapping of field: value (known fields: {KNOWN})")


def test_metadata_in_front_matter_and_a_sidecar_stops_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "briefing.md").write_text(f"---\ntags: harbour\n---\n\n{BODY}", encoding="utf-8")
    (folder / "briefing.meta.yaml").write_text("title: Press point\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_document(folder / "briefing.md", "transcripts/briefing.md")
    assert str(caught.value.problem) == ("transcripts/briefing.md:1: metadata is given both in front-matter and in "
                                         "a sidecar file (keep one of the two)")


# --- In the corpus and its report -----------------------------------------------------------------

def test_the_report_lists_metadata_warnings_at_the_file_they_are_in(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "transcripts").mkdir(parents=True)
    for name in ("people.yaml", "outlets.yaml"):
        (content / name).write_bytes((CONTENT / name).read_bytes())
    (content / "transcripts" / "sidecar.txt").write_text(BODY, encoding="utf-8")
    (content / "transcripts" / "sidecar.meta.yaml").write_text(
        "title: Press point\ndate: 2021-01-20\nsource_url: example.gov\ntags: harbour\n", encoding="utf-8")
    (content / "transcripts" / "front.md").write_text(
        f"---\ntitle: Press briefing\ndate: 2021-01-21\ncategory: briefings\n---\n\n"
        + BODY.replace("end of the month", "summer"), encoding="utf-8")

    corpus = parse_corpus(content, workers=1)
    report = content_report(corpus)

    assert [t.source for t in corpus.transcripts] == ["transcripts/sidecar.txt", "transcripts/front.md"]
    assert corpus.problems == ()
    assert [(i.kind, i.path, i.line) for i in report.warnings] == [
        ("unknown-field", "transcripts/front.md", 4),
        ("bad-source-url", "transcripts/sidecar.meta.yaml", 3),
        ("unknown-field", "transcripts/sidecar.meta.yaml", 4),
    ]
    assert not report.ok  # what --strict fails on


def test_pressroom_parse_notes_the_sidecar_line_and_prints_extra() -> None:
    source = FIXTURES / "unknown_field.txt"
    result = CliRunner().invoke(main, ["parse", str(source), "--json", "--content", str(CONTENT)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"note: {FIXTURES / 'unknown_field.meta.yaml'}:3: {unknown('place')}\n"
    assert json.loads(result.stdout)["extra"] == {"place": "NATO Headquarters, Brussels"}
