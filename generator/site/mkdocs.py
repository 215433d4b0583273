"""Build the generated docs folder into a site with MkDocs and the theme in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import BytecodeCache, Environment, TemplateError, TemplateSyntaxError
from jinja2.bccache import Bucket
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files


_DIRTY_NOTICE = "A 'dirty' build is being performed"


class SiteError(Exception):
    """The site could not be built at all (bad configuration, theme error)."""


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so the build report can show and count them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Progress(BasePlugin):
    """Counts pages as MkDocs reads (converts) and then writes each one."""

    def __init__(self, on_page: Callable[[int, int], None]) -> None:
        self.tell = on_page  # not "on_...": MkDocs takes every on_* attribute for an event
        self.done = 0
        self.total = 0

    def on_files(self, files: Files, **_: object) -> Files:
        self.total = 2 * len(files.documentation_pages())
        self.tell(0, self.total)
        return files

    def on_page_content(self, html: str, **_: object) -> str:
        self._step()
        return html

    def on_post_page(self, output: str, **_: object) -> str:
        self._step()
        return output

    def _step(self) -> None:
        self.done += 1
        self.tell(self.done, self.total)


class CompiledTemplates(BytecodeCache):
    """The theme's templates as Jinja compiled them, kept in memory for the next build in this process.

    MkDocs makes a new Jinja environment for every build, which compiles
    each of Material's templates again: a large share of a preview rebuild
    that converts a few pages (``pressroom serve``). Jinja checks each
    template's source against the checksum kept with its code, so an edited
    override is compiled again; the key also holds what of the environment
    decides the compiled code (extensions, delimiters, whitespace rules).
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, f"{_settings(environment)}\0{self.get_cache_key(name, filename)}",
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


def _settings(environment: Environment) -> str:
    """What of a Jinja environment its compiled templates depend on."""
    return repr((
        sorted(environment.extensions), environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string, environment.comment_start_string,
        environment.comment_end_string, environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.autoescape is True,
        environment.autoescape is False, environment.is_async,
    ))


class _KeepCompiledTemplates(BasePlugin):
    """Gives a build's Jinja environment the templates earlier builds compiled into ``templates``."""

    def __init__(self, templates: CompiledTemplates) -> None:
        self.templates = templates

    def on_env(self, env: Environment, **_: object) -> Environment:
        env.bytecode_cache = self.templates
        return env


def build_mkdocs(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    build_date: dt.date | None,
    on_page: Callable[[int, int], None] | None = None,
    dirty: bool = False,
    templates: CompiledTemplates | None = None,
) -> tuple[str, ...]:
    """Build ``docs_dir`` into ``site_dir``; return MkDocs' warnings, in order.

    ``dirty``: rebuild into the site already in ``site_dir``, rendering only
    the pages whose Markdown is newer than their HTML (MkDocs' dirty build;
    for previews: a page whose source is gone stays until a full build).

    The build date written into sitemap.xml is ``build_date`` (the newest
    transcript's), not today: the same content gives the same site.
    ``on_page(done, total)`` follows the build: each page counts twice,
    once read and once written. ``templates``: compiled templates to reuse
    and add to, for builds that follow one another (``pressroom serve``).
    """
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        with _source_date(build_date):
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(site_dir.resolve()),
                strict=False,
            )
            if templates is not None:
                config.plugins["pressroom-compiled-templates"] = _KeepCompiledTemplates(templates)
            if on_page:
                config.plugins["pressroom-progress"] = _Progress(on_page)
            mkdocs_build(config, dirty=dirty)
    except MkDocsException as error:
        raise SiteError(f"MkDocs could not build the site: {error}") from error
    except TemplateError as error:  # a broken theme override
        where = ""
        if isinstance(error, TemplateSyntaxError) and error.lineno:  # the errors that know their line
            where = f" ({error.filename}, line {error.lineno})"
        raise SiteError(f"MkDocs could not build the site: template error{where}: {error}") from error
    finally:
        logger.removeHandler(collect)
    # A dirty build's notice is what the caller asked for, not a problem of the content.
    return tuple(m for m in collect.messages if not (dirty and m.startswith(_DIRTY_NOTICE)))


@contextmanager
def _source_date(date: dt.date | None) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH (MkDocs' reproducible-build date) for one build."""
    day = date or dt.date(1970, 1, 1)
    epoch = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(max(epoch, 0))
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
