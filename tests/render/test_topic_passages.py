"""Topic pages quote the passage where a unit mentions the topic, with the mention marked."""

from __future__ import annotations

import datetime as dt
import re

import markdown
import pytest

from generator.build import parse_corpus
from generator.enrich import TopicConfig, build_corpus, load_topic_config
from generator.render import render_page
from generator.render.frontmatter import read
from generator.render.passage import PASSAGE_CHARS, passage
from generator.render.topic_views import Labels, topic_views
from generator.render.views import TopicPage
from generator.render.views.topics import Passage
from generator.topics import TopicIndex, TopicSettings, compile_matcher
from tests.support import CONTENT, Parsed, render_all
from tests.topics.conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: Crimea, kind: country-region, description: d}
  - {name: Ukraine, kind: country-region, description: d}
"""
)
# Past the first 400 characters of the answer that the index keeps of it.
PAD = "We talked for a long time about many things that matter to all of us. " * 8
HOSTILE = "Is <mark>Crimea</mark> **bold** {{ x }} [link](y) | `code` & more?"
RULE = ("What about the rule of law here?", "The rule of law matters. The rule of law is key.")


@pytest.fixture(scope="module")
def index() -> TopicIndex:
    one = make_transcript(
        "one",
        [
            ("Will you meet again?", f"{PAD}Yes, and we will speak of Crimea then."),
            ("What of Crimea and Ukraine?", "Crimea stays Ukrainian."),
            (HOSTILE, "No."),
        ],
        date=dt.date(2020, 1, 1),
        outlets=["TASS", None, "Outlet *x*"],
        askers=["Jane Doe", None, None],
        statement="Good morning. Crimea, Crimea and Crimea.",
    )
    # A phrase the taxonomy lacks, published as a discovered topic: assigned without matched words.
    others = [make_transcript(f"d-{n}", [RULE], date=dt.date(2019, 1, n)) for n in (1, 2, 3)]
    corpus = build_corpus(Parsed((one, *others)), TopicConfig(TAXONOMY, TopicSettings(publish_discovered=True)))
    assert corpus.topic_index is not None
    return corpus.topic_index


def questions(index: TopicIndex, slug: str) -> list[str]:
    """The items of a topic page's "Questions" section."""
    [view] = [v for v in topic_views(index, Labels(index)) if isinstance(v, TopicPage) and v.topic.slug == slug]
    _meta, body = read(render_page(view).text)
    listed = body.split("## Questions\n\n", 1)[1]
    return [line for line in listed.split("\n") if line and not line.startswith("###")]


def test_each_question_quotes_the_sentence_of_its_first_mention(index: TopicIndex) -> None:
    assert questions(index, "crimea") == [
        # Statement: the first of three mentions.
        "- [Opening statement](../transcripts/one.md#opening-statement): <mark>Crimea</mark>, Crimea and Crimea.",
        # Only in the answer, past what the index keeps of it.
        "- [Question 1, Jane Doe, TASS](../transcripts/one.md#q1-tass), in the answer: "
        "Yes, and we will speak of <mark>Crimea</mark> then.",
        # In the question and in the answer: the question, which is read first.
        "- [Question 2](../transcripts/one.md#q2): What of <mark>Crimea</mark> and Ukraine?",
        # Markup around the mention shows literally; only the mark is HTML.
        "- [Question 3, Outlet \\*x\\*](../transcripts/one.md#q3-outlet-x): Is &lt;mark&gt;<mark>Crimea</mark>&lt;/mark&gt; "
        "\\*\\*bold\\*\\* &#123;&#123; x &#125;&#125; \\[link\\](y) &#124; \\`code\\` &amp; more?",
    ]
    assert questions(index, "ukraine") == [
        "- [Question 2](../transcripts/one.md#q2): What of Crimea and <mark>Ukraine</mark>?",
    ]


def test_a_topic_without_words_to_point_at_quotes_the_start_of_the_question_and_answer(index: TopicIndex) -> None:
    assert index.topic("rule-of-law").kind.value == "discovered"
    item = "- [Question 1](../transcripts/d-{n}.md#q1): What about the rule of law here?  \n" \
           "  *Answer:* The rule of law matters. The rule of law is key."
    assert questions(index, "rule-of-law") == [
        line for n in (3, 2, 1) for line in item.format(n=n).split("\n")
    ]


def test_the_mark_is_the_only_html_python_markdown_sees() -> None:
    line = (
        "- [Question 3](x.md#q3): Is &lt;mark&gt;<mark>Crimea</mark>&lt;/mark&gt; \\*\\*bold\\*\\* "
        "&#123;&#123; x &#125;&#125; \\[link\\](y) &#124; \\`code\\` &amp; more?"
    )
    html = markdown.markdown(line, extensions=["attr_list", "toc"])
    assert html == (
        '<ul>\n<li><a href="x.md#q3">Question 3</a>: Is &lt;mark&gt;<mark>Crimea</mark>&lt;/mark&gt; **bold** '
        "&#123;&#123; x &#125;&#125; [link](y) &#124; `code` &amp; more?</li>\n</ul>"
    )


def test_a_short_sentence_is_quoted_whole() -> None:
    text = "Good morning.  Mr. Putin spoke of\nCrimea today! Then we left."
    start = text.index("Crimea")
    assert passage(text, start, start + 6, True) == Passage(True, "Mr. Putin spoke of ", "Crimea", " today!")


def test_a_long_sentence_is_cut_to_whole_words_around_the_mention() -> None:
    before = " ".join(f"w{n:03d}" for n in range(100))  # 399 characters, no sentence end
    after = " ".join(f"v{n:03d}" for n in range(100))
    text = f"{before} Crimea {after}."
    start = len(before) + 1
    quoted = passage(text, start, start + 6, False)
    assert quoted == Passage(
        False,
        "…" + " ".join(f"w{n:03d}" for n in range(77, 100)) + " ",  # half the room on each side
        "Crimea",
        " " + " ".join(f"v{n:03d}" for n in range(23)) + "…",
    )
    assert len(quoted.before + quoted.words + quoted.after) <= PASSAGE_CHARS + 2  # and the two ellipses


def test_a_long_sentence_keeps_its_start_when_the_mention_is_near_it() -> None:
    text = "First. On Crimea " + "and more " * 60 + "end."
    start = text.index("Crimea")
    quoted = passage(text, start, start + 6, False)
    assert quoted.before == "On " and quoted.words == "Crimea"
    assert quoted.after.startswith(" and more") and quoted.after.endswith(" and…")
    assert len(quoted.before + quoted.words + quoted.after) <= PASSAGE_CHARS + 1


@pytest.fixture(scope="module")
def seed_pages() -> dict[str, str]:
    corpus = build_corpus(parse_corpus(CONTENT), load_topic_config(CONTENT))
    return {page.path: page.text for page in render_all(corpus)}


def test_seed_topic_pages_mark_the_topic_in_every_item(seed_pages: dict[str, str]) -> None:
    config = load_topic_config(CONTENT)
    spans = compile_matcher(config.taxonomy).spans
    topics = {path: text for path, text in seed_pages.items() if path.startswith("topics/") and path != "topics/index.md"}
    assert len(topics) > 40
    for path, text in topics.items():
        slug = path.removeprefix("topics/").removesuffix(".md")
        items = [line for line in read(text)[1].split("\n") if line.startswith(("- [Question", "- [Opening statement"))]
        assert items, path
        for item in items:
            [marked] = re.findall(r"<mark>(.*?)</mark>", item)
            # The words marked are the topic's, as the topic stage matches them.
            assert [topic for topic, _start, _end in spans(marked)] == [slug], (path, item)


def test_a_seed_topic_page_quotes_the_answer_that_mentions_it(seed_pages: dict[str, str]) -> None:
    body = read(seed_pages["topics/crimea.md"])[1]
    assert (
        "- [Question 15, Ekho Moskvy](../transcripts/2014-11-29-interview-russian-radio-station-ekho-moskvy.md"
        "#q15-ekho-moskvy), in the answer: First, we were told that were no Russian soldiers in <mark>Crimea</mark>."
    ) in body
    assert (
        "- [Question 6, Anastasia Popova, Rossiya 1](../transcripts/2022-01-12-press-conference-meeting-nato-russia-council.md"
        "#q6-rossiya-1), in the answer: In 2014, they occupied and took a part of Ukraine, <mark>Crimea</mark>.\n"
    ) in body
