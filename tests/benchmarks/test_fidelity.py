"""The fidelity benchmark on a small corpus of our own: its figures and the scoring of a hand-checked sample."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.fidelity.__main__ import main
from tests.support import REPO

FIXTURES = REPO / "tests" / "parsing" / "fixtures"


def test_figures_and_the_hand_checked_sample(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "briefings"
    corpus.mkdir()
    shutil.copy(FIXTURES / "whitehouse_header_place_time_and_end_mark.md", corpus / "one.md")
    shutil.copy(FIXTURES / "label_q_dot_no_colon.txt", corpus / "two.txt")
    (corpus / "three.txt").write_bytes(b"")  # refused: empty
    truth = tmp_path / "truth.yaml"
    truth.write_text(
        "briefings:\n"
        "  - file: one.md\n"
        "    title: Press Briefing by Press Secretary Dana Whitlock and National Security Adviser Omar Reyes, "
        "March 9, 2021\n"
        "    date: 2021-03-09\n"
        "    place: James S. Brady Press Briefing Room\n"
        "    principal: [Dana Whitlock, Omar Reyes]\n"
        "    officials: [MS. WHITLOCK, MR. REYES]\n"
        "    questions: 3\n", encoding="utf-8")
    report = tmp_path / "fidelity.json"

    assert main(["--corpus", str(corpus), "--truth", str(truth), "--json", str(report), "--workers", "1"]) == 0

    printed = capsys.readouterr().out
    assert "  files read                                                3" in printed
    assert "  refused                                                   1" in printed
    assert "  files with question labels, questions within 5 % of them  2/2 (100.0 %)" in printed
    # Officials' labels are capitals that are not "Q": three MS. WHITLOCK, three MR. REYES, three DE HOOP SCHEFFER.
    assert "  officials' turns not taken as questions                   9/9 (100.0 %)" in printed
    assert "  question labels / questions found                         5 / 5" in printed
    assert "  title known                                               1/2 (50.0 %)" in printed  # two.txt has none
    assert "    questions exact 1/1, within 5 % 1/1" in printed
    assert "    principal 1/1, date 1/1, title 1/1, place 1/1" in printed
    figures = {f["source"]: f for f in json.loads(report.read_text(encoding="utf-8"))["briefings"]["figures"]}
    assert figures["one.md"]["question_labels"] == 3 and figures["one.md"]["questions"] == 3
    assert figures["one.md"]["chrome_in_turns"] == []
