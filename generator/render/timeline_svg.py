"""A topic's timeline: how often it came up per year, as an inline SVG bar chart.

Made at build time, so the chart needs no JavaScript; every number is
formatted with fixed precision, so the same counts give the same bytes.
The SVG carries a ``<title>`` and a ``<desc>`` (read out by screen
readers), each bar its own ``<title>``; the page adds a table as the text
alternative. Colours follow the text colour, so dark mode needs nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

WIDTH = 640
HEIGHT = 180
_LEFT, _RIGHT, _TOP, _BOTTOM = 36, 8, 12, 28


def full_years(counts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every year from the first to the last, with 0 where the topic did not come up."""
    if not counts:
        return []
    known = dict(counts)
    first, last = min(known), max(known)
    return [(year, known.get(year, 0)) for year in range(first, last + 1)]


def _count(number: int, unit: str) -> str:
    return f"{number} {unit if number == 1 else unit + 's'}"


def describe(counts: Sequence[tuple[int, int]], unit: str = "time") -> str:
    """One sentence for the ``<desc>``: span, total and the busiest year."""
    years = full_years(counts)
    if not years:
        return "No dated occurrences."
    total = sum(n for _year, n in years)
    peak_year, peak = max(years, key=lambda item: (item[1], -item[0]))
    span = f"in {years[0][0]}" if len(years) == 1 else f"from {years[0][0]} to {years[-1][0]}"
    return f"{_count(total, unit)} {span}; most in {peak_year} ({peak})."


def timeline_svg(counts: Sequence[tuple[int, int]], *, title: str, ident: str, unit: str = "time") -> str:
    """The chart as one SVG element without blank lines (safe inside a Markdown HTML block).

    ``counts`` are (year, count) pairs; years without a count are drawn as
    zero. ``unit`` is the singular noun counted ("time", "question").
    ``ident`` must be unique on the page (it names the title and desc).
    """
    years = full_years(counts)
    label_id, desc_id = f"{ident}-title", f"{ident}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pr-timeline" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-labelledby="{label_id} {desc_id}">',
        f'<title id="{label_id}">{_text(title)}</title>',
        f'<desc id="{desc_id}">{_text(describe(counts, unit))}</desc>',
    ]
    if years:
        parts.extend(_bars(years, unit))
    parts.append("</svg>")
    return "\n".join(parts)


def _bars(years: list[tuple[int, int]], unit: str) -> list[str]:
    top = max(n for _year, n in years) or 1
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM
    slot = plot_w / len(years)
    bar = max(slot * 0.7, 1.0)
    base = _TOP + plot_h
    out = [
        f'<line x1="{_LEFT}" y1="{base}" x2="{WIDTH - _RIGHT}" y2="{base}" '
        'stroke="currentColor" stroke-opacity="0.4"/>',
        f'<text x="{_LEFT - 4}" y="{_TOP + 4}" text-anchor="end" font-size="11" '
        f'fill="currentColor">{top}</text>',
        f'<text x="{_LEFT - 4}" y="{base}" text-anchor="end" font-size="11" fill="currentColor">0</text>',
    ]
    # Label every year when they fit, else every fifth (and the last).
    step = 1 if len(years) <= 16 else 5
    for i, (year, n) in enumerate(years):
        height = plot_h * n / top
        x = _LEFT + i * slot + (slot - bar) / 2
        out.append(
            f'<rect x="{x:.2f}" y="{base - height:.2f}" width="{bar:.2f}" height="{height:.2f}" '
            f'fill="currentColor" fill-opacity="0.7"><title>{year}: {_text(_count(n, unit))}</title></rect>'
        )
        if i % step == 0 or i == len(years) - 1:
            out.append(
                f'<text x="{x + bar / 2:.2f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="11" '
                f'fill="currentColor">{year}</text>'
            )
    return out


def _text(value: str) -> str:
    """Escaped for HTML; braces as references so no template engine reads them."""
    return html.escape(" ".join(value.split()), quote=True).replace("{", "&#123;").replace("}", "&#125;")
