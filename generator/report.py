"""The content report: what a build or check found, for a maintainer and for CI.

Built from the parsed corpus (and, when a site was built, from the later
stages' suggestions and warnings). :func:`summarise_report` gives the short
text printed after every build and check (the same for the same content);
:func:`report_to_json` the file CI reads. Every count in the summary names
what it counts, up to a few, then "and N more"; the JSON lists them all.
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
from generator.wording import count, series

REPORT_SCHEMA = "pressroom.report/1"

NAMED = 3
"""How many files (or names) a line of the summary names before "and N more"."""

# The singular of each count's name (the JSON keys are the plurals).
_SINGULAR = {"transcripts": "transcript", "questions": "question", "people": "person", "outlets": "outlet",
             "topics": "topic"}
_SUGGESTED = {"person": ("person", "people"), "outlet": ("outlet", "outlets"), "topic": ("topic", "topics")}
_FIELD_NAMES = {"location": "place", "source_url": "source address", "event_type": "event type"}


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


@dataclass(frozen=True)
class Changes:
    """What a build changed in the published site since the build before it, by address from the site root.

    ``added``, ``changed`` and ``removed`` cover every file of the site's
    docs folder (pages, data, feeds, and the redirect and withdrawn pages);
    ``redirects`` and ``withdrawn`` are the addresses this build began to
    keep as a redirect (old, new) or as a withdrawn page. A first build has
    every page added.
    """

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    redirects: tuple[tuple[str, str], ...] = ()
    withdrawn: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line: how many pages were added, changed and removed, and the redirects and withdrawals made."""
        line = (f"Since the last build: {count(len(self.added), 'page')} added, {len(self.changed)} changed, "
                f"{len(self.removed)} removed")
        if self.redirects:
            line += (f"; {count(len(self.redirects), 'redirect')} created ("
                     + series([f"{old} -> {new}" for old, new in self.redirects], NAMED) + ")")
        if self.withdrawn:
            line += f"; {count(len(self.withdrawn), 'transcript')} withdrawn ({series(self.withdrawn, NAMED)})"
        return line + "."


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


def report_to_json(report: ContentReport, changes: Changes | None = None) -> str:
    """The report as stable JSON (``pressroom.report/1``), for CI and tools; a build's adds its ``changes``."""
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
    if changes is not None:
        data["changes"] = {
            "added": list(changes.added), "changed": list(changes.changed), "removed": list(changes.removed),
            "redirects": [{"from": old, "to": new} for old, new in changes.redirects],
            "withdrawn": list(changes.withdrawn),
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summarise_report(report: ContentReport, *, limit: int = 10) -> str:
    """A short text summary: counts, then problems and warnings grouped by kind, then what else to look at.

    Each problem or warning is listed (up to ``limit`` of a kind); each other
    line names its files or names (up to NAMED, then "and N more").
    """
    lines = [", ".join(count(number, _SINGULAR.get(name, name), name) for name, number in report.counts)]
    for title, issues in (("problem", report.problems), ("warning", report.warnings)):
        if not issues:
            continue
        lines.append(f"{count(len(issues), title)}:")
        for kind, group in _by_kind(issues).items():
            lines.append(f"  {kind} ({len(group)}):")
            lines += [f"    {issue}" for issue in group[:limit]]
            if len(group) > limit:
                lines.append(f"    ... and {len(group) - limit} more (see the JSON report)")
    removed = sum(number for _, rules in report.chrome_removed for _, number in rules)
    # Not all of them chrome: a page's header lines and a caption file's timings are reported the same way.
    line = (f"{count(removed, 'line')} of website chrome, page headers and caption timings removed from "
            f"{count(len(report.chrome_removed), 'file')}")
    lines.append(line + (f": {_files(path for path, _ in report.chrome_removed)}" if report.chrome_removed else ""))
    if report.missing_metadata:
        lacking = [f"{path} ({' and '.join(_FIELD_NAMES.get(f, f) for f in fields)})"
                   for path, fields in report.missing_metadata]
        verb = "lacks" if len(lacking) == 1 else "lack"
        lines.append(f"{count(len(lacking), 'transcript')} {verb} a place or source address: {series(lacking, NAMED)}")
    if report.facts_from_text:
        read = [f"{path} ({', '.join(_FIELD_NAMES.get(f, f) for f in found)})" for path, found in report.facts_from_text]
        lines.append(f"facts read from the text, as no metadata gave them, in {count(len(read), 'transcript')}: "
                     f"{series(read, NAMED)}")
    if report.suggestions:
        kinds: dict[str, list[str]] = defaultdict(list)
        for suggestion in report.suggestions:
            kinds[suggestion.kind].append(f'"{suggestion.name}"' if suggestion.kind == "topic" else suggestion.name)
        lines.append("suggestions: " + "; ".join(
            f"{count(len(names), *_SUGGESTED.get(kind, (kind, kind + 's')))} ({series(names, NAMED)})"
            for kind, names in sorted(kinds.items())) + " (see the JSON report)")
    return "\n".join(lines) + "\n"


def _files(paths: Iterable[str]) -> str:
    return series(list(paths), NAMED)


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
