"""The topic stage in the archive: its configuration, the corpus it enriches, the pages it adds."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from generator.enrich import TopicConfig, build_corpus, load_topic_config
from generator.errors import ContentError
from generator.model import Question, Speaker, Transcript, Turn, TurnKind
from generator.render.frontmatter import read
from generator.topics import TopicSettings, UnitKey, parse_taxonomy
from tests.render.conftest import STOLTENBERG, Parsed, make_transcript
from tests.render.test_render import html
from tests.support import CONTENT, render_all

TAXONOMY = """\
topics:
  - {name: Crimea, kind: country-region, description: The peninsula.}
  - {name: Ukraine, kind: country-region, description: The country.}
  - {name: Russia, kind: country-region, description: The Russian Federation.}
"""


def topics_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "topics.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def failure(tmp_path: Path, text: str) -> tuple[str, int | None, str, str]:
    with pytest.raises(ContentError) as caught:
        load_topic_config(topics_file(tmp_path, text))
    problem = caught.value.problem
    return problem.code, problem.line, problem.message, problem.hint


# --- configuration: content/topics.yaml ------------------------------------------------------------


def test_the_shipped_topics_file_has_the_taxonomy_and_default_settings() -> None:
    config = load_topic_config(CONTENT)
    assert len(config.taxonomy.topics) > 100
    assert config.taxonomy.source == str(CONTENT / "topics.yaml")
    assert config.settings == TopicSettings()


def test_a_content_folder_without_topics_file_has_no_curated_topics(tmp_path: Path) -> None:
    config = load_topic_config(tmp_path)
    assert (config.taxonomy.topics, config.settings) == ((), TopicSettings())


def test_settings_sit_beside_the_topics(tmp_path: Path) -> None:
    text = TAXONOMY + "settings:\n  publish_discovered: true\n  related_count: 3\n  main_share: 0.1\n"
    config = load_topic_config(topics_file(tmp_path, text))
    assert [t.slug for t in config.taxonomy.topics] == ["crimea", "ukraine", "russia"]
    assert config.settings == TopicSettings(publish_discovered=True, related_count=3, main_share=0.1)
    assert load_topic_config(topics_file(tmp_path, "settings:\n" + TAXONOMY)).settings == TopicSettings()


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("  publish_discoverd: true\n", ("unknown-setting", 6, "unknown topic setting 'publish_discoverd'")),
        ("  related_count: 3\n  similar_count: many\n",
         ("bad-setting", 7, "topic setting 'similar_count' has a wrong value 'many'")),
        ("  main_share: 8\n", ("bad-setting", 6, "topic setting 'main_share' is a share, at most 1, not 8")),
        ("  related_count: 3\n  related_count: 4\n",
         ("duplicate-setting", 7, "setting 'related_count' is given twice")),
        ("  - publish_discovered\n", ("bad-settings", 6, "'settings:' must be a mapping of setting: value")),
    ],
)
def test_a_bad_setting_names_its_line(tmp_path: Path, settings: str, expected: tuple[str, int, str]) -> None:
    code, line, message, _hint = failure(tmp_path, TAXONOMY + "settings:\n" + settings)
    assert (code, line, message) == expected


def test_a_share_given_as_a_percentage_gets_the_fraction_as_hint(tmp_path: Path) -> None:
    assert failure(tmp_path, TAXONOMY + "settings:\n  main_share: 8\n")[3] == "write 0.08 for 8 %"


def test_the_taxonomy_is_still_checked_with_its_lines(tmp_path: Path) -> None:
    code, line, message, _hint = failure(tmp_path, TAXONOMY + "setings:\n  main_share: 0.1\n")
    assert (code, line, message) == ("unknown-key", 5, "unknown top-level key 'setings'")


# --- the corpus: build_corpus with topics --------------------------------------------------------


def config(settings: TopicSettings = TopicSettings()) -> TopicConfig:
    return TopicConfig(parse_taxonomy(TAXONOMY, "topics.yaml"), settings)


def pair(anchor: str = "q1-cnn") -> tuple[Transcript, Transcript]:
    """Two press conferences asking about Crimea, eight years apart."""
    sg = Speaker(STOLTENBERG.id, STOLTENBERG.name, STOLTENBERG.role, None, "SG")

    def conference(slug: str, date: dt.date, anchor: str) -> Transcript:
        turns = (
            Turn("t1", TurnKind.STATEMENT, Speaker(None, None, None, None, None), ("We discussed Ukraine.",), 1),
            Turn("t2", TurnKind.QUESTION, Speaker(None, None, None, "CNN", "Q (CNN)"),
                 ("What about Crimea and Ukraine?",), 2),
            Turn("t3", TurnKind.ANSWER, sg, ("Crimea is Ukraine.",), 3),
            Turn("t4", TurnKind.QUESTION, Speaker(None, None, None, "TASS", "Q (TASS)"), ("And Russia?",), 4),
            Turn("t5", TurnKind.ANSWER, sg, ("Russia must withdraw.",), 5),
        )
        questions = (
            Question(1, anchor, "t2", None, "CNN", ("t3",), None),
            Question(2, "q2-tass", "t4", None, "TASS", ("t5",), None),
        )
        return make_transcript(slug=slug, title=f"Press conference {date.year}", date=date, turns=turns,
                               questions=questions)

    return (conference("2014-03-01-crimea", dt.date(2014, 3, 1), anchor),
            conference("2022-01-12-crimea", dt.date(2022, 1, 12), "q1-cnn"))


def test_the_corpus_carries_the_topic_index() -> None:
    corpus = build_corpus(Parsed(pair()), config())
    assert corpus.topic_index is not None
    assert {t.slug for t in corpus.topics} == {"crimea", "ukraine", "russia"}
    related = corpus.topic_index.related_to("2014-03-01-crimea")
    assert [r.slug for r in related] == ["2022-01-12-crimea"]


def test_links_go_to_the_anchor_the_page_uses() -> None:
    # An unusable anchor is replaced by the enrich stage; the topic stage must link the replacement.
    corpus = build_corpus(Parsed(pair(anchor="Bad Anchor!")), config())
    assert [q.question.anchor for q in corpus.entries[0].questions] == ["q1", "q2-tass"]
    index = corpus.topic_index
    assert index.topics_of_unit(UnitKey("2014-03-01-crimea", "q1"))
    assert index.topics_of_unit(UnitKey("2014-03-01-crimea", "Bad Anchor!")) == ()
    since = index.asked_elsewhere(UnitKey("2022-01-12-crimea", "q1-cnn")).before
    assert [s.key for s in since] == [UnitKey("2014-03-01-crimea", "q1")]


# --- the pages -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    return {page.path: page.text for page in render_all(build_corpus(Parsed(pair()), config()))}


def test_topic_pages_and_the_index_are_rendered(site: dict[str, str]) -> None:
    assert [path for path in site if path.startswith("topics/")] == [
        "topics/crimea.md", "topics/index.md", "topics/russia.md", "topics/ukraine.md",
    ]
    assert "(../transcripts/2014-03-01-crimea.md#q1-cnn)" in site["topics/crimea.md"]
    home = site["index.md"]
    assert "browse them [by year](years/index.md) or [by topic](topics/index.md)." in home
    assert "## Recurring topics" in home and "[All 3 topics](topics/index.md)" in home


def test_a_transcript_page_carries_its_topics(site: dict[str, str]) -> None:
    meta, body = read(site["transcripts/2022-01-12-crimea.md"])
    assert meta["tags"] == ["Ukraine", "Crimea", "Russia"]
    chips = '{: .md-tags .pr-topics data-pagefind-ignore="" }'
    blocks = body.split("\n\n")
    # Under the facts, under the statement heading, under each question heading.
    at = blocks.index("## Opening statement {#opening-statement}")
    assert blocks[at - 1] == (
        "[Ukraine](../topics/ukraine.md){ .md-tag } [Crimea](../topics/crimea.md){ .md-tag } "
        f"[Russia](../topics/russia.md){{ .md-tag }}\n{chips}"
    )
    assert blocks[at + 1] == f"[Ukraine](../topics/ukraine.md){{ .md-tag }}\n{chips}"
    q1 = blocks.index("## Q1 · [CNN](../outlets/cnn.md): What about Crimea and Ukraine? {#q1-cnn}")
    assert blocks[q1 + 1] == (
        f"[Crimea](../topics/crimea.md){{ .md-tag }} [Ukraine](../topics/ukraine.md){{ .md-tag }}\n{chips}"
    )
    # After the answers, before the next question: the same question asked before.
    q2 = blocks.index("## Q2 · [TASS](../outlets/tass.md): And Russia? {#q2-tass}")
    asked = '{: .pr-asked data-pagefind-ignore="" }'
    assert blocks[q2 - 2:q2] == [
        f"**Asked before**\n{asked}",
        "- [1 March 2014, CNN](2014-03-01-crimea.md#q1-cnn): What about Crimea and Ukraine?"
        f"\n  {asked}",
    ]
    assert blocks[q2 + 1] == f"[Russia](../topics/russia.md){{ .md-tag }}\n{chips}"
    # At the end, before the neighbours: related transcripts with what they share.
    # A title, not a heading: the table of contents stays the list of questions.
    related = '{: .pr-related data-pagefind-ignore="" }'
    assert blocks[-3:-1] == [
        f"**Related transcripts**\n{related}",
        "- [Press conference 2014](2014-03-01-crimea.md), 1 March 2014: shares Ukraine, Crimea, Russia"
        f"\n  {related}",
    ]


def test_topic_pieces_render_as_tagged_blocks_out_of_the_search_index(site: dict[str, str]) -> None:
    soup = html(site["transcripts/2022-01-12-crimea.md"])
    chips = soup.select("p.md-tags.pr-topics")
    assert len(chips) == 4 and all(p.has_attr("data-pagefind-ignore") for p in chips)
    assert [a["class"] for a in chips[0].find_all("a")] == [["md-tag"]] * 3
    items = soup.select("li.pr-asked, li.pr-related")  # one asked before each question, one related
    assert len(items) == 3 and all(li.has_attr("data-pagefind-ignore") for li in items)
    title = soup.select_one("p.pr-related")
    assert title.get_text() == "Related transcripts" and title.has_attr("data-pagefind-ignore")
    assert [h.get("id") for h in soup.find_all("h2")] == ["opening-statement", "q1-cnn", "q2-tass"]
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_pages_are_the_same_whatever_the_order_of_the_transcripts() -> None:
    first, second = pair()
    assert render_all(build_corpus(Parsed((first, second)), config())) == \
        render_all(build_corpus(Parsed((second, first)), config()))


def test_without_topics_a_page_has_no_topic_pieces(site: dict[str, str]) -> None:
    plain = {page.path: page.text for page in render_all(build_corpus(Parsed(pair())))}
    assert not [path for path in plain if path.startswith("topics/")]
    meta, body = read(plain["transcripts/2022-01-12-crimea.md"])
    assert meta["tags"] == []
    assert "md-tag" not in body and "Asked before" not in body and "Related transcripts" not in body
    assert "by topic" not in plain["index.md"]


def test_an_empty_taxonomy_still_links_similar_questions() -> None:
    empty = TopicConfig(replace(config().taxonomy, topics=()))
    corpus = build_corpus(Parsed(pair()), empty)
    assert corpus.topics == ()
    _meta, body = read({p.path: p.text for p in render_all(corpus)}["transcripts/2022-01-12-crimea.md"])
    assert "**Asked before**" in body and "md-tag" not in body
