"""The ``pressroom`` command line: a thin layer over the library.

No logic lives here: each command calls one library function and turns
content problems into messages and exit codes (documented in README.md).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from generator.errors import ContentError

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from generator.build import BuildReport
    from generator.site import SearchIndex

EXIT_OK = 0
EXIT_PROBLEMS = 1  # nothing published: problems (any, with --strict), or a build that failed
EXIT_USAGE = 2  # click's own code for a misused command


@click.group()
@click.version_option(package_name="pressroom")
def main() -> None:
    """Pressroom: raw press transcripts in, a searchable static archive out."""


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the pressroom.transcript/1 JSON.")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Content folder with people.yaml and outlets.yaml (default: the folder above FILE's).",
)
def parse(file: Path, as_json: bool, content: Path | None) -> None:
    """Parse one raw transcript FILE and print the model.

    \b
    Examples:
      pressroom parse content/transcripts/000_dc2035bffcbcb803.txt
      pressroom parse content/transcripts/002_a855cd627493f53a.txt --json | jq .questions
    """
    from generator.parsing import parse_file
    from generator.parsing.summary import summarise_transcript
    from generator.serialize import transcript_to_json

    try:
        transcript = parse_file(file, content_dir=content)
    except ContentError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    for finding in transcript.findings:
        # A finding in the metadata sidecar names it, as the path it sits at beside FILE.
        path = file.with_name(Path(finding.file).name) if finding.file else file
        where = f"{path}:{finding.line}" if finding.line else str(path)
        click.echo(f"note: {where}: {finding.message}", err=True)
    click.echo(transcript_to_json(transcript) if as_json else summarise_transcript(transcript), nl=not as_json)


def _folder_option(name: str, default: str, help: str, exists: bool = False) -> Callable:
    """A folder option shared by the build and serve commands."""
    return click.option(
        name,
        type=click.Path(exists=exists, file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=help,
    )


@main.command()
@_folder_option("--content", "content", "Content folder: transcripts/, people.yaml, outlets.yaml.", exists=True)
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on warnings: labels or facts not understood.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the report as JSON (pressroom.report/1) to this file.")
def check(content: Path, strict: bool, report_file: Path | None) -> None:
    """Validate the content folder without building anything.

    Parses and enriches every transcript and prints what could not be
    published (exit 1), what was published but not fully understood, and
    suggestions for the people, outlets and topics files: the summary
    `pressroom build` prints for the same content.

    \b
    Examples:
      pressroom check
      pressroom check --strict --report build/report.json
    """
    from generator.build import check_content
    from generator.report import report_to_json, summarise_report

    try:
        report = check_content(content)
    except ContentError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    click.echo(summarise_report(report), nl=False)
    if report_file is not None:
        report_file.parent.mkdir(parents=True, exist_ok=True)
        report_file.write_text(report_to_json(report), encoding="utf-8")
    if report.problems or (strict and report.warnings):
        sys.exit(EXIT_PROBLEMS)


@main.command()
@_folder_option("--content", "content", "Content folder: transcripts/, people.yaml, outlets.yaml.", exists=True)
@_folder_option("--out", "site", "Folder the site is built into (replaced only when the build succeeds).")
@_folder_option("--docs", "build/docs", "Folder for the generated Markdown pages (replaced with the site).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) and publish nothing on any problem or warning.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("build/report.json"), show_default=True,
              help="Where to write the report as JSON (pressroom.report/1), for CI.")
@click.option("--full", is_flag=True,
              help="Render every page, not only those whose inputs changed since the last build.")
def build(content: Path, out: Path, docs: Path, strict: bool, report_file: Path, full: bool) -> None:
    """Build the searchable archive site from the content folder.

    Parses every transcript, writes one Markdown page per transcript,
    builds the site with MkDocs and indexes it with Pagefind. The new site
    replaces --out only when the build succeeds. Only the pages whose
    inputs changed since the build in --docs are rendered again (--full:
    all). Every transcript that parses is published; problems and warnings are listed (exit 0), or,
    with --strict, fail the build (exit 1). Serve the result over HTTP to
    use search, e.g. `python -m http.server -d site` or `pressroom serve`.

    \b
    Examples:
      pressroom build
      pressroom build --strict --out /tmp/archive --report /tmp/report.json
    """
    from generator.build import BuildSettings
    from generator.build import build as build_archive
    from generator.report import report_to_json

    settings = BuildSettings(content_dir=content, site_dir=out, docs_dir=docs, strict=strict, incremental=not full)

    def run() -> BuildReport:
        with _ProgressBars(sys.stderr) as progress:  # closed before any message is printed
            return build_archive(settings, progress)

    report = _run_build(run)
    _echo_report(report)
    report_file.parent.mkdir(parents=True, exist_ok=True)
    report_file.write_text(report_to_json(report.content, report.changes), encoding="utf-8")
    if not report.published:
        sys.exit(EXIT_PROBLEMS)


@main.command()
@_folder_option("--content", "content", "Content folder to build and watch.", exists=True)
@_folder_option("--out", "build/preview", "Folder the preview site is built into.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
def serve(content: Path, out: Path, host: str, port: int) -> None:
    """Preview the site locally; rebuild when a file under the content folder changes.

    Pages open in the browser reload themselves once a rebuild is in.

    \b
    Examples:
      pressroom serve
      pressroom serve --port 8080
    """
    from generator.build import BuildSettings
    from generator.preview import preview

    def on_build(result: BuildReport | Exception) -> None:
        if isinstance(result, Exception):
            click.echo(f"error: {result}", err=True)
        else:
            _echo_report(result)

    def on_indexed(result: SearchIndex | Exception, seconds: float) -> None:
        if isinstance(result, Exception):
            click.echo(f"error: search index not refreshed: {result}", err=True)
        else:
            click.echo(f"Search index refreshed: {result.page_count} transcripts searchable ({seconds:.1f}s).")

    settings = BuildSettings(content_dir=content, site_dir=out, docs_dir=Path("build/preview-docs"))
    try:
        preview(
            settings, host, port, on_build=on_build, on_indexed=on_indexed,
            ready=lambda url: click.echo(f"Serving {url} (Ctrl+C to stop); rebuilding on changes"),
        )
    except KeyboardInterrupt:
        pass


def _run_build(run: Callable[[], BuildReport]) -> BuildReport:
    """Run a build, turning the library's errors into a message and exit code."""
    from generator.site import SearchIndexError, SiteError
    from generator.write import WriteError

    try:
        return run()
    except (ContentError, SiteError, SearchIndexError, WriteError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)


def _echo_report(report: BuildReport) -> None:
    """The report's summary; then what was built, or why nothing was."""
    from generator.report import summarise_report

    click.echo(summarise_report(report.content), nl=False)
    if not report.published:
        click.echo(f"error: {report.refused}; {report.site_dir}/ was left as it was", err=True)
        return
    if report.changes is not None:
        click.echo(report.changes.summary())
    from generator.wording import count

    stages = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in report.timings)
    searchable = f"{report.indexed} searchable" if report.indexed is not None else "search index refreshing"
    click.echo(
        f"Built {count(report.transcripts, 'transcript')} ({count(report.pages, 'page')}, {report.rendered} of them "
        f"rendered anew, "
        f"{searchable}) "
        f"into {report.site_dir}/ in {report.seconds:.1f}s ({stages})."
    )


class _ProgressBars:
    """A progress bar on a terminal for each stage of the build that runs long.

    A stage gets its bar once it has run for ``delay`` seconds, so a short
    build prints only its report; nothing is shown when ``stream`` is not a
    terminal (a log file, CI).
    """

    def __init__(self, stream: TextIO, delay: float = 1.0) -> None:
        self.stream = stream
        self.delay = delay
        self.shown = stream.isatty()
        self.stage = ""
        self.started = 0.0
        self.bar: ProgressBar[int] | None = None
        self.open = ExitStack()

    def __enter__(self) -> _ProgressBars:
        return self

    def __exit__(self, *_: object) -> None:
        self.open.close()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.shown:
            return
        if stage != self.stage:
            self.open.close()  # ends the previous stage's line
            self.stage, self.started, self.bar = stage, time.monotonic(), None
        if self.bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            self.bar = self.open.enter_context(
                click.progressbar(length=total, label=f"{stage:<7}", file=self.stream, show_pos=True))
        self.bar.update(done - self.bar.pos)
