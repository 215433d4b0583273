"""What a topic page lists: its transcripts, then its questions under their transcript.

Each question is an item that links to it on its transcript's page, with
its number, asker and outlet and the start of the question and of its
answer; an opening statement is an item with the start of the statement.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Transcript
from generator.topics import STATEMENT_ANCHOR, TopicIndex, TranscriptRef, UnitKey, UnitRef

from .escape import inline
from .paths import PagePath, cached_link, fragment
from .text import ANSWER_EXCERPT, QUESTION_EXCERPT, count, excerpt, long_date
from .transcript import STATEMENT_ID


def topic_listing(
    index: TopicIndex,
    refs: Sequence[TranscriptRef],
    units: Sequence[UnitRef],
    path: str,
    page_path_for: PagePath,
    items: dict[tuple[UnitKey, str], str],
) -> list[str]:
    """The "Transcripts" and "Questions" sections of the topic page at ``path``, in the order given.

    ``items`` holds the question entries already rendered, by question and
    link to its page; new ones are added to it.
    """
    transcripts = "\n".join(
        f"- [{inline(index.transcript(ref.slug).title)}]"
        f"({cached_link(path, page_path_for(index.transcript(ref.slug)))}), "
        f"{long_date(ref.date)}: {count(ref.mentions, 'mention')}"
        for ref in refs
    )
    return [
        "## Transcripts",
        transcripts,
        "## Questions",
        *_questions(index, units, path, page_path_for, items),
    ]


def _questions(
    index: TopicIndex,
    units: Sequence[UnitRef],
    path: str,
    page_path_for: PagePath,
    items_done: dict[tuple[UnitKey, str], str],
) -> list[str]:
    """Questions grouped under their transcript, in the order given."""
    blocks: list[str] = []
    current: str | None = None
    items: list[str] = []
    for ref in units:
        key = ref.key
        transcript = index.transcript(key.transcript)
        if key.transcript != current:
            if items:
                blocks.append("\n".join(items))
            current, items = key.transcript, []
            blocks.append(
                f"### [{inline(transcript.title)}]({cached_link(path, page_path_for(transcript))}), "
                f"{long_date(transcript.date)}"
            )
        # An entry depends only on its question and where its link starts.
        memo = (key, cached_link(path, page_path_for(transcript)))
        item = items_done.get(memo)
        if item is None:
            item = items_done[memo] = _unit_item(index, transcript, key, path, page_path_for)
        items.append(item)
    if items:
        blocks.append("\n".join(items))
    return blocks


def _unit_item(
    index: TopicIndex, transcript: Transcript, key: UnitKey, path: str, page_path_for: PagePath
) -> str:
    page = cached_link(path, page_path_for(transcript))
    asked, answered = index.unit_text(key)
    if key.anchor == STATEMENT_ANCHOR:
        return f"- [Opening statement]({page}#{STATEMENT_ID}): {inline(excerpt(answered, ANSWER_EXCERPT))}"
    question = index.question(key)
    if question is None:
        return f"- [Question]({page}#{fragment(key.anchor)})"
    who = ", ".join(inline(v) for v in (question.asker, question.outlet) if v)
    label = f"Question {question.number}" + (f", {who}" if who else "")
    line = f"- [{label}]({page}#{fragment(question.anchor)}): {inline(excerpt(asked, QUESTION_EXCERPT))}"
    answer = excerpt(answered, ANSWER_EXCERPT)
    return f"{line}  \n  *Answer:* {inline(answer)}" if answer else line

