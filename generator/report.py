"""The content report: what a build or check found, for a maintainer and for CI.

Built from the parsed corpus (and, when a site was built, from the later
stages' suggestions and warnings). :func:`summarise_report` gives the short
text printed after every build; :func:`report_to_json` the file CI reads.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Problem
from generator.model import TurnKind
from generator.parsing import ParsedCorpus

REPORT_SCHEMA = "pressroom.report/1"


@dataclass(frozen=True)
class Issue:
    """One located thing a maintainer should look at."""

    kind: str  # a stable code: "bad-date", "unattributed-label", "duplicate-slug"
    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True)
class Suggestion:
    """Something the data files could learn: a person, an outlet or a topic, with evidence."""

    kind: str  # "person", "outlet", "topic"
    name: str
    detail: str
    evidence: tuple[str, ...]  # files (and anchors) where it was seen


@dataclass(frozen=True)
class ContentReport:
    counts: tuple[tuple[str, int], ...]
    problems: tuple[Issue, ...]  # a transcript not published, or content that is wrong
    warnings: tuple[Issue, ...]  # published, but something was not understood
    chrome_removed: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # file -> (rule, lines)
    missing_metadata: tuple[tuple[str, tuple[str, ...]], ...]  # file -> optional fields not given
    facts_from_text: tuple[tuple[str, tuple[str, ...]], ...] = ()  # file -> metadata fields read from its text
    suggestions: tuple[Suggestion, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Nothing for --strict to fail on."""
        return not self.problems and not self.warnings


def content_report(
    parsed: ParsedCorpus,
    *,
    site_warnings: Iterable[Issue] = (),
    suggestions: Iterable[Suggestion] = (),
    extra_counts: Iterable[tuple[str, int]] = (),
) -> ContentReport:
    """Everything a maintainer needs to act on, from the parsed corpus and later stages."""
    transcripts = parsed.transcripts
    people = {t.speaker.id for tr in transcripts for t in tr.turns if t.speaker.id}
    outlets = {t.speaker.outlet for tr in transcripts for t in tr.turns if t.speaker.outlet}
    counts = (
        ("transcripts", len(transcripts)),
        ("questions", sum(len(t.questions) for t in transcripts)),
        ("people", len(people)),
        ("outlets", len(outlets)),
        *extra_counts,
    )
    warnings = [
        Issue(finding.code, finding.file or transcript.source, finding.line, finding.message)
        for transcript in transcripts
        for finding in transcript.findings
    ]
    warnings += list(site_warnings)
    chrome = tuple(
        (t.source, tuple(sorted(Counter(r.rule for r in t.removed if r.rule != "link-target").items())))
        for t in sorted(transcripts, key=lambda t: t.source)
        if any(r.rule != "link-target" for r in t.removed)
    )
    missing = tuple(
        (t.source, fields)
        for t in sorted(transcripts, key=lambda t: t.source)
        if (fields := tuple(name for name, value in (("location", t.location), ("source_url", t.source_url))
                            if not value))
    )
    return ContentReport(
        counts=counts,
        problems=tuple(_issue(p) for p in parsed.problems),
        warnings=tuple(sorted(warnings, key=lambda i: (i.path, i.line or 0, i.kind))),
        chrome_removed=chrome,
        missing_metadata=missing,
        facts_from_text=tuple((t.source, t.from_text) for t in sorted(transcripts, key=lambda t: t.source)
                              if t.from_text),
        suggestions=tuple(_people_and_outlets(parsed)) + tuple(suggestions),
    )


def report_to_json(report: ContentReport) -> str:
    """The report as stable JSON (``pressroom.report/1``), for CI and tools."""
    data: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "ok": report.ok,
        "counts": dict(report.counts),
        "problems": _grouped(report.problems),
        "warnings": _grouped(report.warnings),
        "chrome_removed": {path: dict(rules) for path, rules in report.chrome_removed},
        "missing_metadata": {path: list(fields) for path, fields in report.missing_metadata},
        "facts_from_text": {path: list(fields) for path, fields in report.facts_from_text},
        "suggestions": [
            {"kind": s.kind, "name": s.name, "detail": s.detail, "evidence": list(s.evidence)}
            for s in report.suggestions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summarise_report(report: ContentReport, *, limit: int = 10) -> str:
    """A short text summary: counts, then problems and warnings grouped by kind."""
    lines = [", ".join(f"{count} {name}" for name, count in report.counts)]
    for title, issues in (("problems", report.problems), ("warnings", report.warnings)):
        if not issues:
            continue
        lines.append(f"{len(issues)} {title}:")
        for kind, group in _by_kind(issues).items():
            lines.append(f"  {kind} ({len(group)}):")
            lines += [f"    {issue}" for issue in group[:limit]]
            if len(group) > limit:
                lines.append(f"    ... and {len(group) - limit} more (see the JSON report)")
    removed = sum(count for _, rules in report.chrome_removed for _, count in rules)
    # Not all of them chrome: a page's header lines and a caption file's timings are reported the same way.
    lines.append(f"{removed} lines of website chrome, page headers and caption timings removed from "
                 f"{len(report.chrome_removed)} files")
    if report.missing_metadata:
        lines.append(f"{len(report.missing_metadata)} transcripts lack a place or source address")
    if report.facts_from_text:
        fields = Counter(field for _, found in report.facts_from_text for field in found)
        lines.append(f"facts read from the text of {len(report.facts_from_text)} transcripts (no metadata gave them): "
                     + ", ".join(f"{field} {count}" for field, count in sorted(fields.items())))
    if report.suggestions:
        kinds = Counter(s.kind for s in report.suggestions)
        plural = {"person": "people", "outlet": "outlets", "topic": "topics"}
        lines.append("suggestions: " + ", ".join(
            f"{count} {plural.get(kind, kind)}" for kind, count in sorted(kinds.items())))
    return "\n".join(lines) + "\n"


def _issue(problem: Problem) -> Issue:
    return Issue(problem.code, problem.path, problem.line, problem.message, problem.hint)


def _by_kind(issues: Sequence[Issue]) -> dict[str, list[Issue]]:
    groups: dict[str, list[Issue]] = defaultdict(list)
    for issue in issues:
        groups[issue.kind].append(issue)
    return dict(sorted(groups.items()))


def _grouped(issues: Sequence[Issue]) -> dict[str, list[dict[str, Any]]]:
    return {
        kind: [{"path": i.path, "line": i.line, "message": i.message, "hint": i.hint} for i in group]
        for kind, group in _by_kind(issues).items()
    }


def _people_and_outlets(parsed: ParsedCorpus) -> Iterable[Suggestion]:
    """Officials and outlets the directory does not know, most frequent first."""
    directory = parsed.directory
    people: dict[str, tuple[str, str, list[str]]] = {}
    outlets: dict[str, list[str]] = defaultdict(list)
    for transcript in parsed.transcripts:
        for turn in transcript.turns:
            speaker = turn.speaker
            # Journalists are many and come and go; officials and moderators belong in the directory.
            official = turn.kind in (TurnKind.STATEMENT, TurnKind.ANSWER, TurnKind.MODERATOR)
            if official and speaker.name and directory.find_person(speaker.name) is None:
                entry = people.setdefault(speaker.name, (speaker.role or "", speaker.outlet or "", []))
                if transcript.source not in entry[2]:
                    entry[2].append(transcript.source)
            if speaker.outlet and directory.find_outlet(speaker.outlet) is None:
                if transcript.source not in outlets[speaker.outlet]:
                    outlets[speaker.outlet].append(transcript.source)
    for name, (role, outlet, files) in sorted(people.items(), key=lambda item: (-len(item[1][2]), item[0])):
        detail = ", ".join(part for part in (role, outlet) if part) or "no role or outlet printed"
        yield Suggestion("person", name, f"{detail}; add to content/people.yaml", tuple(files))
    for name, files in sorted(outlets.items(), key=lambda item: (-len(item[1]), item[0])):
        yield Suggestion("outlet", name, "add to content/outlets.yaml", tuple(files))
