"""The topic index records where each unit first mentions each taxonomy topic."""

from __future__ import annotations

from generator.enrich import TopicConfig, build_corpus
from generator.topics import TopicSettings, UnitKey
from generator.topics.units import transcript_units
from tests.support import Parsed
from tests.topics.conftest import make_transcript, taxonomy_from

TAXONOMY = taxonomy_from(
    """
topics:
  - {name: Crimea, kind: country-region, description: d}
  - {name: ISIL, kind: organisation-treaty, description: d, aliases: [Daesh]}
"""
)


def test_the_first_mention_in_reading_order_question_before_answer() -> None:
    one = make_transcript(
        "one",
        [("Daesh and crimea?", "ISIL, then Crimea."), ("Anything else?", "The fossil record. Then ISIL and ISIL.")],
        statement="On Crimea.",
    )
    index = build_corpus(Parsed((one,)), TopicConfig(TAXONOMY, TopicSettings())).topic_index
    assert index is not None
    rows = [index.units.index(UnitKey("one", anchor)) for anchor in ("statement", "q1", "q2")]
    units = transcript_units(index.transcript("one"), 0)
    assert index.mentions.of(rows, index.column_of("crimea")) == [(True, 3, 9), (False, 10, 16), None]
    assert index.mentions.of(rows, index.column_of("isil")) == [None, (False, 0, 5), (True, 24, 28)]
    assert units[1].asked[10:16] == "crimea" and units[2].answered[24:28] == "ISIL"
