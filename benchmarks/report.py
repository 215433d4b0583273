"""Derived figures, the issue's targets, and the printed table."""

from __future__ import annotations

from typing import Any

from benchmarks.stages import GENERATOR, STAGES

MB = 1_000_000
# The targets of the "Archive scale" issue (docs/benchmark.md).
MIN_RATE_AT_1000 = 500  # transcripts per second, read -> write
MAX_SCALING_10000_1000 = 12  # generator time at 10,000 over time at 1,000
MAX_BUILD_OVER_BASELINE = 1.25  # whole build at 10,000 over bare mkdocs + pagefind
MAX_HTML_OVER_MARKDOWN = 3.0  # every transcript page, every N
MAX_SIZE_DRIFT = 0.25  # bytes per added transcript may differ this much between size steps


def _seconds(run: dict[str, Any], names: tuple[str, ...]) -> float | None:
    rows = {row["stage"]: row for row in run.get("stages", [])}
    if any(name not in rows or "error" in rows[name] or "seconds" not in rows[name] for name in names):
        return None
    return sum(rows[name]["seconds"] for name in names)


def derive(run: dict[str, Any]) -> dict[str, Any]:
    """Totals of one run: generator time and rate, whole build, baseline, peak memory."""
    n = run["n"]
    generator = _seconds(run, GENERATOR)
    build = _seconds(run, tuple(s.name for s in STAGES))
    baseline = run.get("baseline", {}).get("seconds")
    peaks = [row.get("peak_bytes") or 0 for row in run.get("stages", [])]
    return {
        "generator_seconds": generator,
        "generator_rate": n / generator if generator else None,
        "build_seconds": build,
        "baseline_seconds": baseline,
        "build_over_baseline": build / baseline if build and baseline else None,
        "peak_bytes": max(peaks) if any(peaks) else None,
    }


def _target(text: str, value: float | None, limit: float, ok: bool | None, shown: str) -> dict[str, Any]:
    status = "not measured" if ok is None else "pass" if ok else "fail"
    return {"target": text, "value": value, "limit": limit, "status": status, "shown": shown}


def targets(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target of the issue, checked where this run measured what it needs."""
    by_n = {run["n"]: run for run in runs}
    out = []
    rate = by_n.get(1000, {}).get("derived", {}).get("generator_rate")
    out.append(_target("generator (read -> write) at N=1,000, transcripts/s", rate, MIN_RATE_AT_1000,
                       None if rate is None else rate >= MIN_RATE_AT_1000, _num(rate, "/s")))
    small = by_n.get(1000, {}).get("derived", {}).get("generator_seconds")
    large = by_n.get(10000, {}).get("derived", {}).get("generator_seconds")
    ratio = large / small if small and large else None
    out.append(_target("generator time N=10,000 / N=1,000", ratio, MAX_SCALING_10000_1000,
                       None if ratio is None else ratio <= MAX_SCALING_10000_1000, _num(ratio, "x")))
    over = by_n.get(10000, {}).get("derived", {}).get("build_over_baseline")
    out.append(_target("whole build / bare mkdocs + pagefind at N=10,000", over, MAX_BUILD_OVER_BASELINE,
                       None if over is None else over <= MAX_BUILD_OVER_BASELINE, _num(over, "x", 2)))
    worst = [r["sizes"]["transcript_pages"].get("ratio_max") for r in runs if "sizes" in r]
    worst = [w for w in worst if w is not None]
    top = max(worst) if worst else None
    out.append(_target("transcript page HTML / Markdown, worst page at any N", top, MAX_HTML_OVER_MARKDOWN,
                       None if top is None else top <= MAX_HTML_OVER_MARKDOWN, _num(top, "x", 2)))
    steps = marginal_site_bytes(runs)
    drift = max(steps.values()) / min(steps.values()) - 1 if len(steps) > 1 else None
    out.append(_target("site bytes per added transcript, spread across size steps (linear growth)", drift,
                       MAX_SIZE_DRIFT, None if drift is None else drift <= MAX_SIZE_DRIFT,
                       _num(None if drift is None else drift * 100, "%")))
    peak = by_n.get(10000, {}).get("derived", {}).get("peak_bytes")
    out.append(_target("peak memory at N=10,000 (stated)", peak, 0, None if peak is None else True,
                       _num(None if peak is None else peak / MB, " MB")))
    return out


def marginal_site_bytes(runs: list[dict[str, Any]]) -> dict[int, float]:
    """Bytes the site (search index included) grew by per transcript, from the size before to each N.

    Theme assets are a fixed cost, so bytes per transcript fall as N grows even
    when pages grow linearly; the growth from one size to the next does not.
    """
    sized = sorted((r["n"], r["sizes"]["site_bytes"] + r["sizes"]["index_bytes"]) for r in runs if "sizes" in r)
    return {n: (size - before) / (n - n_before) for (n_before, before), (n, size) in zip(sized, sized[1:])}


def _num(value: float | None, unit: str, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}{unit}"


def _stage_cells(row: dict[str, Any] | None, n: int) -> list[str]:
    if row is None:
        return [""]
    if "skipped" in row:
        return ["skipped"]
    if "error" in row:
        return ["failed"]
    seconds = row["seconds"]
    peak = row.get("peak_bytes")
    cpu = row.get("cpu_seconds")
    return [f"{seconds:.2f} s", f"(cpu {cpu:.2f})" if cpu is not None else "",
            _num(n / seconds if seconds else None, "/s"), _num(peak and peak / MB, " MB")]


def table(runs: list[dict[str, Any]], machine: dict[str, Any]) -> str:
    """The printed report: stages by N, output sizes, then the targets."""
    header = ["stage"] + [f"N={run['n']:,}" for run in runs]
    lines = [f"Pressroom benchmark: seed {machine['seed']}, {machine['cpus']} CPUs, Python {machine['python']}, "
             + ", ".join(f"{k} {v}" for k, v in machine["versions"].items()), ""]
    rows: list[list[str]] = []
    for stage in STAGES:
        cells = [stage.title]
        for run in runs:
            row = next((r for r in run.get("stages", []) if r["stage"] == stage.name), None)
            cells.append("  ".join(c for c in _stage_cells(row, run["n"]) if c))
        rows.append(cells)
    for label, key, unit, digits in (
        ("generator, read -> write", "generator_seconds", " s", 2), ("generator rate", "generator_rate", "/s", 0),
        ("pressroom build, all stages", "build_seconds", " s", 2), ("bare mkdocs + pagefind", "baseline_seconds", " s", 2),
        ("build / baseline", "build_over_baseline", "x", 2), ("peak memory", "peak_bytes", " MB", 0),
    ):
        rows.append([label] + [_num(_scaled(run.get("derived", {}).get(key), key), unit, digits) for run in runs])
    rows.append(["bare mkdocs build"] + [_baseline(run, "mkdocs") for run in runs])
    rows.append(["bare pagefind"] + [_baseline(run, "pagefind") for run in runs])
    for label, get in (
        ("site, without index", lambda s: _num(s["site_bytes"] / MB, " MB", 1)),
        ("search index", lambda s: _num(s["index_bytes"] / MB, " MB", 1)),
        ("site per transcript", lambda s: _num(s["site_bytes_per_transcript"] / 1000, " KB", 1)),
        ("transcript HTML fixed part", lambda s: _num(_kilo(s["transcript_pages"].get("html_fixed_bytes")), " KB", 1)),
        ("transcript HTML/MD worst", lambda s: _num(s["transcript_pages"].get("ratio_max"), "x", 2)),
        ("transcript HTML/MD mean", lambda s: _num(s["transcript_pages"].get("ratio_mean"), "x", 2)),
    ):
        rows.append([label] + [get(run["sizes"]) if "sizes" in run else "-" for run in runs])
    steps = marginal_site_bytes(runs)
    rows.append(["site per added transcript"] + [_num(steps[r["n"]] / 1000, " KB", 1) if r["n"] in steps else "-"
                                                 for r in runs])
    rows.append(["load average before"] + [_num(run.get("load_average"), "", 1) for run in runs])
    rows = [row for row in rows if any(cell not in ("", "-") for cell in row[1:])]  # stages no run measured
    lines += _columns([header] + rows)
    lines += ["", "targets:"]
    for target in targets(runs):
        lines.append(f"  [{target['status']}] {target['target']}: {target['shown']}")
    notes = [f"  N={run['n']:,} {r['title']}: {r.get('skipped') or r.get('error')}"
             for run in runs for r in run.get("stages", []) if "skipped" in r or "error" in r]
    notes += [f"  N={run['n']:,}: {run['error']}" for run in runs if "error" in run]
    return "\n".join(lines + (["", "not run:"] + notes if notes else []))


def _kilo(value: float | None) -> float | None:
    return None if value is None else value / 1000


def _scaled(value: float | None, key: str) -> float | None:
    return value / MB if value is not None and key == "peak_bytes" else value


def _baseline(run: dict[str, Any], part: str) -> str:
    row = run.get("baseline", {}).get(part)
    if row is None:
        return "-"
    if "error" in row:
        return "failed"
    cpu = f"  (cpu {row['cpu_seconds']:.2f})" if "cpu_seconds" in row else ""
    return f"{row['seconds']:.2f} s{cpu}  {_num(row['peak_bytes'] and row['peak_bytes'] / MB, ' MB')}"


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
