"""Nothing lost, end to end: every word of a raw transcript is on its built page.

For every published transcript, the words of the raw file, except what the
build's report lists as removed (see tests/e2e/words.py), appear in the
transcript's built HTML ``<article>`` in the same order: exactly, turn by
turn, in the paragraphs of that turn; and as a subsequence of the whole
article, which also holds what the page adds (title, facts, headings with
gists, speaker names, topic chips, questions asked before and since, related
transcripts). Run through the real build (parser, topics, MkDocs, Pagefind)
on the seeds, on the parser's quirk fixtures, and on generated transcripts.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildReport, BuildSettings, build
from generator.build import parse_corpus
from generator.parsing import transcript_paths
from tests.e2e.words import assert_nothing_lost
from tests.support import CONTENT, REPO

pytestmark = pytest.mark.slow

FIXTURES = REPO / "tests" / "parsing" / "fixtures"


def build_into(content: Path, out: Path) -> BuildReport:
    return build(BuildSettings(content_dir=content, site_dir=out / "site", docs_dir=out / "docs",
                               config_file=REPO / "mkdocs.yml", cache_dir=out / "cache"))


def assert_every_transcript_kept(content: Path, out: Path) -> None:
    """Build ``content``; each transcript is published with all its words, or reported as a problem."""
    report = build_into(content, out)
    assert report.published, report.content.problems
    assert report.warnings == ()
    parsed = parse_corpus(content)
    published = {t.source for t in parsed.transcripts}
    problems = {p.path for p in parsed.problems}
    raw_files = {p.relative_to(content).as_posix() for p in transcript_paths(content)}
    assert raw_files <= published | problems  # no file silently missing
    assert report.transcripts == len(parsed.transcripts)
    for transcript in parsed.transcripts:
        assert_nothing_lost(content, out / "site", transcript)


def test_seeds(tmp_path: Path) -> None:
    assert_every_transcript_kept(CONTENT, tmp_path)


def test_quirk_fixtures_as_one_archive(tmp_path: Path) -> None:
    """The plain-text and caption fixtures of the parser's specification (labels, chrome, page breaks, encodings).

    Markdown clips are the seeds' part: a clip's link addresses must be
    reported as written for its words to be accounted for. Web pages are
    left out: their raw lines are markup, many blocks to a line, so this
    line-by-line comparison cannot read them; that nothing of a page is
    lost is stated on its visible text by tests/parsing/test_properties.py.
    """
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content / "transcripts",
                    ignore=shutil.ignore_patterns("*.expected.yaml", "errors", "*.html", "html_*.meta.yaml"))
    for name in ("people.yaml", "outlets.yaml", "topics.yaml"):
        shutil.copy(CONTENT / name, content / name)
    for sidecar in (content / "transcripts").rglob("*.meta.yaml"):
        # Fixtures of one event would share a page: give each its own.
        name = sidecar.name.removesuffix(".meta.yaml").lower().replace("_", "-")
        sidecar.write_text(sidecar.read_text(encoding="utf-8").rstrip("\n") + f"\nslug: fixture-{name}\n",
                           encoding="utf-8")
    assert_every_transcript_kept(content, tmp_path)


# Generated transcripts: lines shaped like the archive's, with speech that
# mixes words, markup-like syntax and any Unicode.
LABELS = st.sampled_from([
    "Q:", "Q (Reuters):", "QUESTION:", "Question [AFP]:", "Follow-up:", "Secretary General:",
    "JENS STOLTENBERG:", "STOLTENBERG :", "NATO Spokesperson Oana Lungescu:", "MODERATOR:",
    "Lorne Cook, The Associated Press:", "MARK RUTTE [NATO Secretary General]:", "", "", "",
])
CHROME = st.sampled_from([
    "Create an account", "Subscribe to our newsletter", "5 min read", "(As delivered)",
    "Last updated: 12 Jan. 2022", "English", "Français", "Page 2 of 5", "(Laughter)", "[inaudible]",
])
SYNTAX = st.sampled_from([
    "<script>alert(1)</script>", "*", "**", "_", "[x](javascript:alert(1))", "![i](x.png)", "{: .x}",
    "{{ config }}", "{% raw %}", "#", "- ", "1.", "|", "&amp;", "---", "`", ">", "\\", "~~~", "<!--",
])
SPEECH = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12),
        st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True),
        SYNTAX,
    ),
    max_size=12,
).map(" ".join)
LINE = st.one_of(st.tuples(LABELS, SPEECH).map(lambda pair: f"{pair[0]} {pair[1]}".strip()), CHROME, SPEECH)
DOCUMENT = st.lists(LINE, min_size=1, max_size=20).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n"]).map(lambda end: end.join(lines))
)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DOCUMENT, min_size=1, max_size=4))
def test_generated_transcripts(documents: list[str]) -> None:
    # One site per example holds every generated transcript: each build costs MkDocs and Pagefind.
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        content = out / "content"
        (content / "transcripts").mkdir(parents=True)
        for name in ("people.yaml", "outlets.yaml", "topics.yaml"):
            shutil.copy(CONTENT / name, content / name)
        for number, text in enumerate(documents):
            (content / "transcripts" / f"g{number}.txt").write_text(text, encoding="utf-8")
            (content / "transcripts" / f"g{number}.meta.yaml").write_text(
                f"title: Generated {number}\ndate: 2020-01-0{number + 1}\nevent_type: press-conference\n"
                f"format: text\nslug: generated-{number}\n",
                encoding="utf-8",
            )
        assert_every_transcript_kept(content, out)
