"""The benchmark runner: stages skipped or failed cleanly, sizes, targets, and one small real run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.measure import run_stages
from benchmarks.memory import measure_peak
from benchmarks.report import table, targets
from benchmarks.sizes import transcript_pages
from benchmarks.stages import GENERATOR, STAGES, Context, Stage
from tests.support import SEEDS


def _ok(function, ctx: Context) -> dict:
    return {"value": function()}


def _fails(function, ctx: Context) -> dict:
    raise RuntimeError("broken")


def test_missing_stage_is_skipped_with_a_reason_and_blocks_the_rest(tmp_path: Path) -> None:
    stages = (
        Stage("a", "first", "json", "dumps", lambda f, c: {"out": f([1])}),
        Stage("b", "second", "generator.no_such_module", "run", _ok),
        Stage("c", "third", "json", "dumps", _ok),
    )
    rows = run_stages(Context(tmp_path, tmp_path), ("a", "b", "c"), stages=stages)
    assert rows[0]["out"] == "[1]" and rows[0]["seconds"] >= 0 and rows[0]["peak_bytes"] > 0
    assert "generator.no_such_module cannot be imported" in rows[1]["skipped"]
    assert rows[2]["skipped"] == "needs second, which did not run"


def test_failing_stage_is_reported_and_blocks_the_rest(tmp_path: Path) -> None:
    stages = (Stage("a", "first", "json", "dumps", _fails), Stage("b", "second", "json", "dumps", _ok))
    rows = run_stages(Context(tmp_path, tmp_path), ("a", "b"), stages=stages)
    assert rows[0]["error"] == "RuntimeError: broken" and "seconds" in rows[0]
    assert rows[1]["skipped"] == "needs first, which failed"


def test_peak_memory_sees_an_allocation() -> None:
    with measure_peak(python_heap=True) as peak:
        block = bytearray(50_000_000)
        block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
    assert peak.process is not None and peak.process > 50_000_000
    assert peak.python_heap is not None and peak.python_heap >= 50_000_000


def test_peak_memory_counts_child_processes_together_with_this_one() -> None:
    code = "import time; block = bytearray(80_000_000); block[::4096] = b'x' * len(block[::4096]); time.sleep(1.5)"
    with measure_peak() as peak:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert peak.children is not None and peak.children > 80_000_000
    assert peak.process is not None and peak.total is not None
    assert peak.children < peak.total <= peak.process + peak.children


def test_transcript_page_ratio(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    for slug, md, html in (("a", 100, 250), ("b", 200, 300)):
        (docs / "transcripts").mkdir(parents=True, exist_ok=True)
        (docs / "transcripts" / f"{slug}.md").write_bytes(b"m" * md)
        (site / "transcripts" / slug).mkdir(parents=True)
        (site / "transcripts" / slug / "index.html").write_bytes(b"h" * html)
    pages = transcript_pages(docs, site)
    assert pages["pages"] == 2 and pages["ratio_max"] == 2.5 and pages["ratio_max_page"] == "transcripts/a"
    assert pages["ratio_overall"] == 550 / 300


def _run(n: int, seconds: float, site: float, ratio: float, baseline: float, plain: float = 0.0,
         peak: float = 1e8, plain_site: float = 0.0) -> dict:
    names = [stage.name for stage in STAGES]
    stages = [{"stage": s, "title": s, "seconds": seconds / len(names), "peak_bytes": peak} for s in names]
    result = {"n": n, "stages": stages, "baseline": {"seconds": baseline},
              "sizes": {"site_bytes": site, "index_bytes": 0, "site_bytes_per_transcript": site / n,
                        "transcript_pages": {"ratio_max": ratio, "ratio_mean": ratio}}}
    if plain:
        result["plain"] = {"seconds": plain, "mkdocs": {"seconds": plain * 0.7, "peak_bytes": 5e7},
                           "pagefind": {"seconds": plain * 0.3, "peak_bytes": 4e7}, "write_seconds": 0.1,
                           "site_bytes": plain_site, "index_bytes": 0, "site_bytes_per_transcript": plain_site / n}
    result["derived"] = run.derive(result)
    return result


TARGETS = [
    "whole build / plain alternative at N=1,000",
    "whole build / plain alternative at N=10,000",
    "peak memory of the whole build, every process together, at N=10,000",
    "site bytes per transcript / plain alternative's, worst of every corpus measured",
    "whole build time N=10,000 / N=1,000",
    "generator (read -> write) at N=1,000, transcripts/s",
    "transcript page HTML / Markdown, worst page at any N",
    "site bytes per added transcript, spread across size steps (linear growth)",
]


def test_targets_pass_and_fail_where_measured() -> None:
    # Site: 5 MB of assets and 100 KB a transcript, then 130 KB a transcript from 1,000 to 10,000.
    # The plain site: 30 KB a transcript; the build 7 times the plain alternative, 12 times slower at 10,000.
    slow = [_run(100, 1.0, 15e6, 2.0, 2.0, 1.0, 1e8, 3e6), _run(1000, 6.0, 105e6, 2.0, 10.0, 0.8, 1e8, 30e6),
            _run(10000, 90.0, 105e6 + 9000 * 130e3, 3.5, 60.0, 8.0, 7e9, 300e6)]
    status = {t["target"]: t["status"] for t in targets(slow)}
    assert list(status) == TARGETS
    assert list(status.values()) == ["fail"] * 8
    # 1,000 transcripts through the generator's stages in under 2 s is over 500/s.
    fast = [_run(100, 0.2, 15e6, 2.0, 2.0, 0.2, 1e8, 5e6), _run(1000, 1.2, 105e6, 2.0, 10.0, 1.0, 1e8, 40e6),
            _run(10000, 13.0, 105e6 + 9000 * 110e3, 2.9, 60.0, 10.0, 5e9, 400e6)]
    assert [t["status"] for t in targets(fast)] == ["pass"] * 8
    partial = [t["status"] for t in targets(fast[:2])]
    assert partial == ["pass", "not measured", "not measured", "pass", "not measured", "pass", "pass", "not measured"]
    text = table(fast, {"seed": 7, "cpus": 2, "python": "3.11", "versions": {}})
    assert "N=10,000" in text and "[pass] generator (read -> write) at N=1,000" in text
    assert "site per added transcript" in text and "110.0 KB" in text
    for row in ("plain alternative (mkdocs + pagefind)", "build / plain alternative", "plain: mkdocs build",
                "plain: pagefind", "plain site per transcript", "site per transcript / plain",
                "bare mkdocs + pagefind, Pressroom's pages", "build / bare (Pressroom's pages)"):
        assert row in text, row
    assert "[pass] whole build / plain alternative at N=10,000: 1.30x" in text
    assert "[pass] peak memory of the whole build, every process together, at N=10,000: 5.00 GB" in text


def test_real_corpus_column_is_labelled_and_left_out_of_the_size_targets() -> None:
    real = {**_run(1000, 6.0, 105e6, 2.0, 10.0, 1.0, 1e8, 30e6), "label": "kremlin (1,000)", "kind": "real"}
    document = targets([real])
    assert [t["status"] for t in document][:3] == ["not measured"] * 3
    assert document[3]["status"] == "fail" and "(kremlin (1,000))" in document[3]["shown"]
    assert "kremlin (1,000)" in table([real], {"seed": 7, "cpus": 2, "python": "3.11", "versions": {}})


def test_real_corpus_folder_is_linked_with_the_directory(tmp_path: Path, capsys) -> None:
    """``--corpus DIR``: a folder of raw files is read through links, its column named after it."""
    corpus = tmp_path / "briefings"
    corpus.mkdir()
    for seed in SEEDS[:2]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "README.md").write_text("# About these files\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run.main(["--corpus", str(corpus), "--stages", "generator", "--out", str(out)]) == 0
    document = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    (result,) = document["runs"]
    assert result["label"] == "briefings (2)" and result["kind"] == "real" and result["n"] == 2
    assert result["corpus"]["transcripts"] == 2 and "plain" not in result  # generator stages only
    content = out / "corpus" / "real-briefings"
    assert sorted(p.name for p in (content / "transcripts").iterdir()) == sorted(s.name for s in SEEDS[:2])
    assert all(p.is_symlink() for p in (content / "transcripts").iterdir()) and (content / "people.yaml").is_file()
    assert "briefings (2)" in capsys.readouterr().out


def test_generator_stages_of_a_tiny_corpus(tmp_path: Path, capsys) -> None:
    """The whole command, at N=3 and generator stages only: every stage has a row, the JSON is written."""
    assert run.main(["--n", "3", "--stages", "generator", "--out", str(tmp_path)]) in (0, 1)
    document = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    (result,) = document["runs"]
    assert result["n"] == 3 and result["corpus"]["raw_bytes"] > 15_000
    assert [row["stage"] for row in result.get("stages", [])] == list(GENERATOR), result.get("error")
    assert all("seconds" in row or "skipped" in row for row in result["stages"])
    assert [row for row in result["stages"] if "error" in row or "skipped" in row] == []  # every stage ran
    assert "census" in capsys.readouterr().out


def test_corpus_is_cached_until_the_generator_changes(tmp_path: Path) -> None:
    folder, first = run.ensure_corpus(tmp_path, 3, 7)
    assert first["generated_seconds"] is not None and (folder / "people.yaml").is_file()
    _, second = run.ensure_corpus(tmp_path, 3, 7)
    assert second["generated_seconds"] is None and second["raw_bytes"] == first["raw_bytes"]
    (folder / ".fingerprint").write_text("an older generator")
    _, third = run.ensure_corpus(tmp_path, 3, 7)
    assert third["generated_seconds"] is not None


def test_the_figures_name_the_pagefind_that_ran(monkeypatch: pytest.MonkeyPatch) -> None:
    printed = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True,
                     check=True).stdout.strip()
    assert run.machine(7)["versions"]["Pagefind"] == printed.removeprefix("pagefind ")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    assert run.pagefind_version() == "missing"
