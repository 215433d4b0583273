"""The synthetic corpus: deterministic, varied like the archive, and true to its ground truth."""

from __future__ import annotations

import datetime as dt
import random
import re
import statistics
from collections import Counter

import pytest
import yaml

from benchmarks.synthetic import META_SUFFIX, SyntheticTranscript, generate_corpus, write_corpus
from benchmarks.synthetic.__main__ import main
from benchmarks.synthetic.chrome import ENDONYMS, FORMS, LANGUAGE_NAMES, PHRASES
from benchmarks.synthetic.corpus import meta_yaml
from benchmarks.synthetic.setting import EVENT_TYPES, make_setting
from benchmarks.synthetic.world import DEPUTIES, OUTLETS, SECRETARIES_GENERAL
from generator.reading.metadata import parse_metadata_yaml

LABEL_STYLES = {
    "q", "q_outlet", "question", "question_outlet", "name_outlet", "name_comma_outlet", "outlet_only",
    "follow_up", "role_only", "title_name", "name_brackets_role", "name_parens_role", "upper_name",
    "bare_surname", "name_comma_role", "drift", "bold", "bold_colon_outside", "bold_whole", "space_colon",
    "alone_blank", "alone_tight",
}
CHROME_KINDS = {
    "account", "verification", "newsletter", "password", "language_menu", "reading_time", "as_delivered",
    "last_updated", "site_link", "site_name", "rule", "subtitle", "share",
}
TERMINAL = (".", "?", "!", "”", ")", "]", ":", ":**", "**")


@pytest.fixture(scope="module")
def corpus() -> list[SyntheticTranscript]:
    return generate_corpus(200, 7)


def text_of(item: SyntheticTranscript) -> str:
    """The decoded text with LF line ends."""
    return item.raw.decode(item.truth.encoding).lstrip("\ufeff").replace("\r\n", "\n")


def test_same_seed_same_bytes_and_prefix_stable() -> None:
    first, second = generate_corpus(12, 3), generate_corpus(12, 3)
    assert [t.raw for t in first] == [t.raw for t in second]
    assert [t.meta for t in first] == [t.meta for t in second]
    assert [t.truth for t in first] == [t.truth for t in second]
    assert [t.raw for t in generate_corpus(5, 3)] == [t.raw for t in first[:5]]  # N=1,000 is a prefix of 10,000
    assert [t.raw for t in generate_corpus(12, 4)] != [t.raw for t in first]


def test_every_label_style_chrome_kind_format_and_encoding_occurs(corpus: list[SyntheticTranscript]) -> None:
    truths = [t.truth for t in corpus]
    assert {s for t in truths for s in t.label_styles} == LABEL_STYLES
    assert {k for t in truths for k, _ in t.chrome} == CHROME_KINDS
    assert {t.format for t in truths} == {"blank", "lines", "markdown"}
    assert {t.encoding for t in truths} == {"utf-8", "utf-8-sig", "utf-16", "cp1252"}
    assert {t.line_end for t in truths} == {"lf", "crlf"}
    assert {t.chrome_language for t in truths} == {"en", "fr", "de", "ru", "uk", "es"}
    assert {t.event_type for t in truths} == set(EVENT_TYPES)
    principals = Counter(t.principal for t in truths)
    for name in ("Jaap de Hoop Scheffer", "Anders Fogh Rasmussen", "Jens Stoltenberg", "Mark Rutte"):
        assert principals[name] >= 5
    years = [int(t.meta["date"][:4]) for t in corpus]
    assert min(years) <= 1997 and max(years) >= 2025
    questions = [q for t in truths for q in t.questions]
    assert sum(q.inaudible for q in questions) >= 20
    assert sum(q.follow_up_of is not None for q in questions) >= 50
    assert sum(q.called_outlet is not None for q in questions) >= 500
    assert len({q.outlet for q in questions}) >= 30
    assert sum(t.page_breaks for t in truths) >= 100 and sum(t.notes for t in truths) >= 50
    assert sum(t.moderator is not None for t in truths) >= 60


def test_sizes_and_question_counts_like_the_archive(corpus: list[SyntheticTranscript]) -> None:
    sizes = [t.truth.text_bytes for t in corpus]
    assert all(5_000 <= s <= 30_000 for s in sizes)
    assert 20_000 <= statistics.mean(sizes) <= 25_000
    assert all(5 <= t.truth.question_count <= 25 for t in corpus)
    assert {t.truth.question_count for t in corpus} >= {5, 25}


def test_metadata_sidecar(corpus: list[SyntheticTranscript]) -> None:
    for item in corpus[:60]:  # the schema's YAML checks are slow; every event type occurs in 60
        assert list(item.meta) == ["title", "date", "location", "source_url", "event_type"]
        loaded, findings = parse_metadata_yaml(meta_yaml(item.meta), item.name)
        assert findings == ()  # the generator's own schema accepts it: no field unknown or unreadable
        assert loaded.date == dt.date.fromisoformat(item.meta["date"])
        assert loaded.title == item.meta["title"] and loaded.event_type == item.truth.event_type
        assert item.meta["source_url"].startswith("https://www.nato.int/")


def test_no_two_events_of_a_type_on_one_day(corpus: list[SyntheticTranscript]) -> None:
    days = Counter((t.meta["date"], t.truth.event_type) for t in corpus)
    assert max(days.values()) == 1
    first = make_setting(random.Random("s"), 0)
    moved = make_setting(random.Random("s"), 0, {(first.day, first.event_type)})
    assert moved.day == first.day + dt.timedelta(days=1) and moved.event_type == first.event_type


def test_principal_held_office_on_the_day(corpus: list[SyntheticTranscript]) -> None:
    offices = {o.name: o for o in SECRETARIES_GENERAL + DEPUTIES}
    for item in corpus:
        office = offices[item.truth.principal]
        assert office.shown in item.meta["title"]
        assert office.start <= dt.date.fromisoformat(item.meta["date"]) < office.end


def test_text_decodes_and_has_the_recorded_size_and_line_ends(corpus: list[SyntheticTranscript]) -> None:
    for item in corpus:
        text = text_of(item)
        assert len(text.encode("utf-8")) == item.truth.text_bytes
        assert ("\r\n" in item.raw.decode(item.truth.encoding)) == (item.truth.line_end == "crlf")
        if item.truth.encoding in ("utf-16", "utf-8-sig"):
            assert item.raw.startswith((b"\xff\xfe", b"\xef\xbb\xbf"))


def question_label_pattern(label: str) -> re.Pattern[str]:
    """A question label at the start of a line, bold or not, with or without a space before the colon."""
    return re.compile(rf"^(?:\*\*)?{re.escape(label)}(?:\*\*)? ?:", re.MULTILINE)


def test_question_labels_appear_in_order_and_count(corpus: list[SyntheticTranscript]) -> None:
    for item in corpus:
        text = text_of(item)
        position = 0
        for question in item.truth.questions:
            match = question_label_pattern(question.label).search(text, position)
            assert match, (item.name, question)
            position = match.end()
        labels = {q.label for q in item.truth.questions}
        starts = {m.start() for label in labels for m in question_label_pattern(label).finditer(text)}
        assert len(starts) == item.truth.question_count, item.name


def test_question_outlets_match_their_labels(corpus: list[SyntheticTranscript]) -> None:
    spellings = {o.name: set(o.spellings) for o in OUTLETS}
    for item in corpus:
        for question in item.truth.questions:
            if question.outlet is None:
                assert question.style in {"q", "question", "follow_up"} or question.label == "Q (unknown)"
                continue
            assert question.spelling in spellings[question.outlet]
            assert question.spelling.upper() in question.label.upper()


def chrome_matcher(meta: dict[str, str]):
    """Recognise a chrome line independently of the generator's bookkeeping."""
    exact = {s for strings in FORMS.values() for s in strings.values()}
    exact |= {p[i] for p in PHRASES.values() for i in (1, 3, 4, 5)} | {"Facebook", "LinkedIn"}
    exact |= {"[nato.int](https://www.nato.int)", "*NATO*", "---", *ENDONYMS}
    exact |= {f"- {n}" for names in LANGUAGE_NAMES.values() for n in names}
    exact |= {f"- [{n}](#)" for names in LANGUAGE_NAMES.values() for n in names}
    title = meta["title"]
    exact |= {f"**{w} {title.split(f' {w} ', 1)[1]}**" for w in ("by", "with", "of") if f" {w} " in title}
    exact.add(f"**{title}**")
    prefixes = tuple(p[2].split("{")[0] for p in PHRASES.values())
    reading = re.compile(r"^\d+-\d+ \w+$")

    def is_chrome(line: str) -> bool:
        return line in exact or line.startswith(prefixes) or bool(reading.match(line)) or " | " in line

    return is_chrome


def test_chrome_lines_counted(corpus: list[SyntheticTranscript]) -> None:
    for item in corpus:
        is_chrome = chrome_matcher(item.meta)
        lines = [line for line in text_of(item).split("\n") if line.strip()]
        assert sum(map(is_chrome, lines)) == item.truth.chrome_lines, item.name


def test_page_breaks_counted(corpus: list[SyntheticTranscript]) -> None:
    """A page break leaves a body paragraph ending mid-sentence; nothing else does."""
    for item in corpus:
        is_chrome = chrome_matcher(item.meta)
        title = item.meta["title"]
        lines = [line for line in text_of(item).split("\n") if line.strip()]
        breaks = sum(
            1 for line in lines[:-1]
            if not is_chrome(line) and line not in (title, f"# {title}") and not line.endswith(TERMINAL)
        )
        assert breaks == item.truth.page_breaks, item.name


def test_write_corpus_and_cli(tmp_path) -> None:
    assert main(["--n", "3", "--seed", "7", "--out", str(tmp_path / "a"), "--truth", str(tmp_path / "t.jsonl")]) == 0
    expected = generate_corpus(3, 7)
    folder = tmp_path / "a" / "transcripts"
    for item in expected:
        assert (folder / item.filename).read_bytes() == item.raw
        sidecar = yaml.safe_load((folder / f"{item.name}{META_SUFFIX}").read_text(encoding="utf-8"))
        assert sidecar["title"] == item.meta["title"]
    assert len((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    with pytest.raises(FileExistsError):
        write_corpus(1, 7, tmp_path / "a")
    assert main(["--n", "1", "--out", str(tmp_path / "a")]) == 1
