"""A readable plain-text view of a parsed transcript, for ``pressroom parse``."""

from __future__ import annotations

import textwrap

from generator.model import Transcript, TurnKind


def summarise_transcript(transcript: Transcript) -> str:
    """Header facts, then each turn as ``[t3 question] Name (Outlet): words...``."""
    lines = [
        transcript.title,
        f"  date: {transcript.date or 'unknown'}   event: {transcript.event_type or 'unknown'}   "
        f"place: {transcript.location or 'unknown'}",
        f"  principal speakers: {', '.join(p.name for p in transcript.principal_speakers) or 'unknown'}",
        f"  {len(transcript.turns)} turns, {len(transcript.questions)} questions, "
        f"{len(transcript.removed)} lines removed, {len(transcript.mended_lines)} page-break splits mended",
        "",
    ]
    anchors = {q.turn: q for q in transcript.questions}
    for turn in transcript.turns:
        speaker = turn.speaker
        who = speaker.name or speaker.outlet or speaker.role or "unknown speaker"
        if speaker.name and speaker.outlet:
            who = f"{speaker.name} ({speaker.outlet})"
        mark = f" #{anchors[turn.id].anchor}" if turn.id in anchors else ""
        text = " / ".join(turn.paragraphs)
        if turn.kind is not TurnKind.NOTE:
            text = textwrap.shorten(text, 100, placeholder=" ...")
        lines.append(f"[{turn.id} {turn.kind.value}{mark}] {who}: {text}")
    return "\n".join(lines) + "\n"
