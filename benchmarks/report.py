"""Derived figures, the issue's targets, and the printed table."""

from __future__ import annotations

from typing import Any

from benchmarks.stages import GENERATOR, STAGES

MB = 1_000_000
GB = 1_000_000_000
# Issue 17's targets, against the plain alternative (benchmarks/plain.py; docs/benchmark.md).
MAX_BUILD_OVER_PLAIN = 1.5  # whole build over the plain alternative, at N = 1,000 and at 10,000
MAX_PEAK_AT_10000 = 6 * GB  # the whole build, every process together
MAX_SITE_OVER_PLAIN = 3.0  # site bytes per transcript, search index included
MAX_BUILD_SCALING = 11  # whole build time at 10,000 over time at 1,000
# The "Archive scale" issue's targets that issue 17 did not replace.
MIN_RATE_AT_1000 = 500  # transcripts per second, read -> write
MAX_HTML_OVER_MARKDOWN = 3.0  # every transcript page, every N
MAX_SIZE_DRIFT = 0.25  # bytes per added transcript may differ this much between size steps


def _seconds(run: dict[str, Any], names: tuple[str, ...]) -> float | None:
    rows = {row["stage"]: row for row in run.get("stages", [])}
    if any(name not in rows or "error" in rows[name] or "seconds" not in rows[name] for name in names):
        return None
    return sum(rows[name]["seconds"] for name in names)


def _plain_seconds(run: dict[str, Any]) -> float | None:
    plain = run.get("plain", {})
    failed = any("error" in plain.get(part, {"error": None}) for part in ("mkdocs", "pagefind"))
    return None if failed else plain.get("seconds")


def _ratio(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top and bottom else None


def derive(run: dict[str, Any]) -> dict[str, Any]:
    """Totals of one run: generator time and rate, whole build, plain alternative, bare baseline, peak memory.

    ``peak_bytes`` is the whole build's: the highest, over its stages, of the
    build process's resident memory plus its children's, summed (Pagefind,
    parsing and rendering workers), sampled every 50 ms.
    """
    n = run["n"]
    generator = _seconds(run, GENERATOR)
    build = _seconds(run, tuple(s.name for s in STAGES))
    baseline = run.get("baseline", {}).get("seconds")
    plain = _plain_seconds(run)
    peaks = [row.get("peak_bytes") or 0 for row in run.get("stages", [])]
    per_transcript = run.get("sizes", {}).get("site_bytes_per_transcript")
    plain_per_transcript = run.get("plain", {}).get("site_bytes_per_transcript")
    return {
        "generator_seconds": generator,
        "generator_rate": n / generator if generator else None,
        "build_seconds": build,
        "plain_seconds": plain,
        "build_over_plain": _ratio(build, plain),
        "baseline_seconds": baseline,
        "build_over_baseline": _ratio(build, baseline),
        "peak_bytes": max(peaks) if any(peaks) else None,
        "plain_peak_bytes": run.get("plain", {}).get("peak_bytes"),
        "site_over_plain": _ratio(per_transcript, plain_per_transcript),
    }


def _target(text: str, value: float | None, limit: float, ok: bool | None, shown: str) -> dict[str, Any]:
    status = "not measured" if ok is None else "pass" if ok else "fail"
    return {"target": text, "value": value, "limit": limit, "status": status, "shown": shown}


def _synthetic(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The runs of synthetic corpora: the targets at N = 1,000 and 10,000 are theirs."""
    return [run for run in runs if run.get("kind", "synthetic") == "synthetic"]


def targets(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target, checked where this run measured what it needs; ``not measured`` elsewhere."""
    by_n = {run["n"]: run.get("derived", {}) for run in _synthetic(runs)}
    out = []
    for n in (1000, 10000):
        over = by_n.get(n, {}).get("build_over_plain")
        out.append(_target(f"whole build / plain alternative at N={n:,}", over, MAX_BUILD_OVER_PLAIN,
                           None if over is None else over <= MAX_BUILD_OVER_PLAIN, _num(over, "x", 2)))
    peak = by_n.get(10000, {}).get("peak_bytes")
    out.append(_target("peak memory of the whole build, every process together, at N=10,000", peak,
                       MAX_PEAK_AT_10000, None if peak is None else peak <= MAX_PEAK_AT_10000,
                       _num(None if peak is None else peak / GB, " GB", 2)))
    sized = [(run["derived"]["site_over_plain"], run.get("label", f"N={run['n']:,}")) for run in runs
             if run.get("derived", {}).get("site_over_plain") is not None]
    worst, where = max(sized) if sized else (None, "")
    out.append(_target("site bytes per transcript / plain alternative's, worst of every corpus measured", worst,
                       MAX_SITE_OVER_PLAIN, None if worst is None else worst <= MAX_SITE_OVER_PLAIN,
                       "-" if worst is None else f"{worst:.2f}x ({where})"))
    small, large = by_n.get(1000, {}).get("build_seconds"), by_n.get(10000, {}).get("build_seconds")
    scaling = _ratio(large, small)
    out.append(_target("whole build time N=10,000 / N=1,000", scaling, MAX_BUILD_SCALING,
                       None if scaling is None else scaling <= MAX_BUILD_SCALING, _num(scaling, "x", 1)))
    rate = by_n.get(1000, {}).get("generator_rate")
    out.append(_target("generator (read -> write) at N=1,000, transcripts/s", rate, MIN_RATE_AT_1000,
                       None if rate is None else rate >= MIN_RATE_AT_1000, _num(rate, "/s")))
    pages = [r["sizes"]["transcript_pages"].get("ratio_max") for r in _synthetic(runs) if "sizes" in r]
    top = max((p for p in pages if p is not None), default=None)
    out.append(_target("transcript page HTML / Markdown, worst page at any N", top, MAX_HTML_OVER_MARKDOWN,
                       None if top is None else top <= MAX_HTML_OVER_MARKDOWN, _num(top, "x", 2)))
    steps = marginal_site_bytes(runs)
    drift = max(steps.values()) / min(steps.values()) - 1 if len(steps) > 1 else None
    out.append(_target("site bytes per added transcript, spread across size steps (linear growth)", drift,
                       MAX_SIZE_DRIFT, None if drift is None else drift <= MAX_SIZE_DRIFT,
                       _num(None if drift is None else drift * 100, "%")))
    return out


def marginal_site_bytes(runs: list[dict[str, Any]]) -> dict[int, float]:
    """Bytes the site (search index included) grew by per transcript, from the size before to each N.

    Theme assets are a fixed cost, so bytes per transcript fall as N grows even
    when pages grow linearly; the growth from one size to the next does not.
    """
    sized = sorted((r["n"], r["sizes"]["site_bytes"] + r["sizes"]["index_bytes"]) for r in _synthetic(runs)
                   if "sizes" in r)
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
    """The printed report: stages by corpus, the plain alternative, the bare baseline, sizes, then the targets."""
    header = ["stage"] + [run.get("label", f"N={run['n']:,}") for run in runs]
    lines = [f"Pressroom benchmark: seed {machine['seed']}, {machine['cpus']} CPUs, Python {machine['python']}, "
             + ", ".join(f"{k} {v}" for k, v in machine["versions"].items()), ""]
    rows: list[list[str]] = []
    for stage in STAGES:
        cells = [stage.title]
        for run in runs:
            row = next((r for r in run.get("stages", []) if r["stage"] == stage.name), None)
            cells.append("  ".join(c for c in _stage_cells(row, run["n"]) if c))
        rows.append(cells)
    derived = (
        ("generator, read -> write", "generator_seconds", " s", 2), ("generator rate", "generator_rate", "/s", 0),
        ("pressroom build, all stages", "build_seconds", " s", 2), ("peak memory, whole build", "peak_bytes", " MB", 0),
        ("plain alternative (mkdocs + pagefind)", "plain_seconds", " s", 2),
        ("build / plain alternative", "build_over_plain", "x", 2),
    )
    rows += [[label] + [_num(_scaled(run.get("derived", {}).get(key), key), unit, digits) for run in runs]
             for label, key, unit, digits in derived]
    rows.append(["plain: pages written"] + [_num(run.get("plain", {}).get("write_seconds"), " s", 2) for run in runs])
    rows.append(["plain: mkdocs build"] + [_command(run.get("plain", {}).get("mkdocs")) for run in runs])
    rows.append(["plain: pagefind"] + [_command(run.get("plain", {}).get("pagefind")) for run in runs])
    rows += [[label] + [_num(_scaled(run.get("derived", {}).get(key), key), unit, digits) for run in runs]
             for label, key, unit, digits in (
                 ("bare mkdocs + pagefind, Pressroom's pages", "baseline_seconds", " s", 2),
                 ("build / bare (Pressroom's pages)", "build_over_baseline", "x", 2))]
    rows.append(["bare mkdocs build"] + [_command(run.get("baseline", {}).get("mkdocs")) for run in runs])
    rows.append(["bare pagefind"] + [_command(run.get("baseline", {}).get("pagefind")) for run in runs])
    for label, part, get in (
        ("site, without index", "sizes", lambda s: _num(s["site_bytes"] / MB, " MB", 1)),
        ("search index", "sizes", lambda s: _num(s["index_bytes"] / MB, " MB", 1)),
        ("site per transcript", "sizes", lambda s: _num(s["site_bytes_per_transcript"] / 1000, " KB", 1)),
        ("plain site, without index", "plain", lambda s: _num(s["site_bytes"] / MB, " MB", 1)),
        ("plain search index", "plain", lambda s: _num(s["index_bytes"] / MB, " MB", 1)),
        ("plain site per transcript", "plain", lambda s: _num(s["site_bytes_per_transcript"] / 1000, " KB", 1)),
        ("transcript HTML fixed part", "sizes",
         lambda s: _num(_kilo(s["transcript_pages"].get("html_fixed_bytes")), " KB", 1)),
        ("transcript HTML/MD worst", "sizes", lambda s: _num(s["transcript_pages"].get("ratio_max"), "x", 2)),
        ("transcript HTML/MD mean", "sizes", lambda s: _num(s["transcript_pages"].get("ratio_mean"), "x", 2)),
    ):
        rows.append([label] + [get(run[part]) if "site_bytes" in run.get(part, {}) else "-" for run in runs])
    rows.append(["site per transcript / plain"] + [_num(run.get("derived", {}).get("site_over_plain"), "x", 2)
                                                   for run in runs])
    steps = marginal_site_bytes(runs)
    rows.append(["site per added transcript"] + [
        _num(steps[r["n"]] / 1000, " KB", 1) if r["n"] in steps and r in _synthetic(runs) else "-" for r in runs])
    rows.append(["load average before"] + [_num(run.get("load_average"), "", 1) for run in runs])
    rows.append(["load average before plain"] + [_num(run.get("plain", {}).get("load_average"), "", 1) for run in runs])
    rows = [row for row in rows if any(cell not in ("", "-") for cell in row[1:])]  # rows no run measured
    lines += _columns([header] + rows)
    lines += ["", "targets:"]
    for target in targets(runs):
        lines.append(f"  [{target['status']}] {target['target']}: {target['shown']}")
    notes = [f"  {_label(run)} {r['title']}: {r.get('skipped') or r.get('error')}"
             for run in runs for r in run.get("stages", []) if "skipped" in r or "error" in r]
    notes += [f"  {_label(run)}: {run['error']}" for run in runs if "error" in run]
    notes += [f"  {_label(run)} plain {part}: {run['plain'][part]['error']}" for run in runs
              for part in ("mkdocs", "pagefind") if "error" in run.get("plain", {}).get(part, {})]
    return "\n".join(lines + (["", "not run:"] + notes if notes else []))


def _label(run: dict[str, Any]) -> str:
    return str(run.get("label", f"N={run['n']:,}"))


def _kilo(value: float | None) -> float | None:
    return None if value is None else value / 1000


def _scaled(value: float | None, key: str) -> float | None:
    return value / MB if value is not None and key.endswith("peak_bytes") else value


def _command(row: dict[str, Any] | None) -> str:
    """A command's cell: its time, CPU time and peak memory."""
    if row is None:
        return "-"
    if "error" in row:
        return "failed"
    cpu = f"  (cpu {row['cpu_seconds']:.2f})" if "cpu_seconds" in row else ""
    return f"{row['seconds']:.2f} s{cpu}  {_num(row['peak_bytes'] and row['peak_bytes'] / MB, ' MB')}"


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
