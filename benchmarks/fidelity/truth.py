"""Score the parser against the hand-checked sample (``benchmarks/fidelity_truth.yaml``).

Each entry of the sample was read by a person, who counted its question
turns and officials' turns and noted its title, date, place and principal
speakers. Here the parse of the same file is compared with that reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.model import Transcript, TurnKind

_QUESTION_LABELS = re.compile(r"^(?:Question|Q)$")


def _key(text: str | None) -> str:
    # The sample keeps its titles as the front-matter decodes them: non-breaking spaces, word joiners.
    return " ".join((text or "").replace("\u00a0", " ").replace("\u2060", "").casefold().split())


def _turn_label(transcript: Transcript, kinds: set[TurnKind], labels: set[str]) -> int:
    return sum(1 for turn in transcript.turns
               if turn.kind in kinds and _key(turn.speaker.label) in labels)


def score_entry(entry: Mapping[str, Any], transcript: Transcript | None) -> dict[str, Any]:
    """The comparison of one hand-checked file with its parse."""
    if transcript is None:
        return {"file": entry["file"], "parsed": False}
    truth_questions = entry.get("questions", entry.get("asking_turns"))
    found = len(transcript.questions)
    officials = {_key(label) for label in entry.get("officials", [])}
    officials |= {_key(label) for label in entry.get("moderators", [])}
    principal = {_key(name) for name in entry.get("principal", [])}
    officials_labels = officials | {_key(t.speaker.label) for t in transcript.turns
                                    if t.speaker.label and any(p and p in _key(t.speaker.label) for p in principal)}
    official_questions = _turn_label(transcript, {TurnKind.QUESTION}, officials_labels)
    official_turns = _turn_label(transcript, set(TurnKind), officials_labels)
    parsed_principal = {_key(p.name) for p in transcript.principal_speakers}
    date = entry.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return {
        "file": entry["file"],
        "parsed": True,
        "questions_truth": truth_questions,
        "questions_found": found,
        "questions_exact": found == truth_questions,
        "questions_within_5": bool(truth_questions) and abs(found - truth_questions) <= 0.05 * truth_questions
        or found == truth_questions,
        "official_turns": official_turns,
        "official_questions": official_questions,
        # No named principal (an anonymous background call): right when the parse names only offices.
        "principal_right": principal <= parsed_principal if principal
        else all(p.name == p.role for p in transcript.principal_speakers),
        "date_right": transcript.date == date,
        "title_right": _key(transcript.title) == _key(entry.get("title")),
        "place_right": _key(entry.get("place")) in ("", _key(transcript.location)) if entry.get("place")
        else transcript.location is None,
    }


def score_truth(path: Path, parsed: Mapping[str, Mapping[str, Transcript]]) -> dict[str, Any]:
    """Score every hand-checked file of every corpus that was parsed; a table and the figures."""
    truth = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    figures: dict[str, list[dict[str, Any]]] = {}
    lines = [f"\n== hand-checked sample ({path.name}) =="]
    for corpus, entries in truth.items():
        if corpus not in parsed:
            lines.append(f"  {corpus}: not run")
            continue
        scores = [score_entry(entry, parsed[corpus].get(entry["file"])) for entry in entries]
        figures[corpus] = scores
        done = [s for s in scores if s["parsed"]]

        def count(key: str) -> str:
            return f"{sum(1 for s in done if s[key])}/{len(scores)}"

        official_turns = sum(s["official_turns"] for s in done)
        official_questions = sum(s["official_questions"] for s in done)
        lines += [
            f"  {corpus}: {len(done)}/{len(scores)} parsed",
            f"    questions exact {count('questions_exact')}, within 5 % {count('questions_within_5')}",
            f"    officials' turns taken as questions: {official_questions} of {official_turns}",
            f"    principal {count('principal_right')}, date {count('date_right')}, "
            f"title {count('title_right')}, place {count('place_right')}",
        ]
        wrong = [s for s in done if not (s["questions_within_5"] and s["principal_right"] and s["date_right"])]
        for s in wrong[:8]:
            lines.append(f"    {s['file']}: questions {s['questions_found']}/{s['questions_truth']}, "
                         f"principal {'ok' if s['principal_right'] else 'wrong'}, "
                         f"date {'ok' if s['date_right'] else 'wrong'}")
    return {"figures": figures, "table": "\n".join(lines)}
