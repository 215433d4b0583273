"""The ``pressroom`` command line: a thin layer over the library.

No logic lives here: each command calls one library function and turns
content problems into messages and exit codes (documented in README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.errors import ContentError

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the content has problems (with --strict, or a file that cannot be parsed)
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
        where = f"{file}:{finding.line}" if finding.line else str(file)
        click.echo(f"note: {where}: {finding.message}", err=True)
    click.echo(transcript_to_json(transcript) if as_json else summarise_transcript(transcript), nl=not as_json)
