"""Build the generated docs folder into a site with MkDocs and the theme in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.parallel import worker_count

from .mkdocs_steps import SiteError, Tagged, load, source_date, translated
from .shards import build_shards


_DIRTY_NOTICE = "A 'dirty' build is being performed"

MARKDOWN_PER_SHARD = 1_000_000
"""Bytes of Markdown each shard (child process) converts at least, else fewer shards; one is this process alone.

A shard has a cost of its own, whatever its pages: a Python process
started, MkDocs, Material and the theme's templates loaded, the files
listed and the navigation's pages converted. A megabyte of Markdown takes
several times that to convert, so a shard pays for itself; the seeds'
site (a third of a megabyte) is built sooner in one process
(docs/benchmark.md, "Figures behind design choices")."""


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
    workers: int | None = None,
    shards: int | None = None,
) -> tuple[str, ...]:
    """Build ``docs_dir`` into ``site_dir``; return MkDocs' warnings, in order.

    The pages are built in shards, in up to ``workers`` child processes
    (None: every core; generator.site.shards), when there are enough of
    them (``MARKDOWN_PER_SHARD`` each) and mkdocs.yml has no plugin: the site
    and the warnings are those of ``mkdocs build`` in one process, byte for
    byte and in its order, and this process does not grow by what MkDocs
    holds. Else, and for ``dirty`` builds and builds given ``templates``
    (``pressroom serve``'s, which convert a handful of pages), MkDocs runs
    in this process. ``shards``: exactly that many (1: in this process), where sharding may be done at all.

    ``dirty``: rebuild into the site already in ``site_dir``, rendering only
    the pages whose Markdown is newer than their HTML (MkDocs' dirty build;
    for previews: a page whose source is gone stays until a full build).

    The build date written into sitemap.xml is ``build_date`` (the newest
    transcript's), not today: the same content gives the same site.
    ``on_page(done, total)`` follows the build: each page counts twice,
    once read and once written. ``templates``: compiled templates to reuse
    and add to, for builds that follow one another (``pressroom serve``).
    Raises SiteError when the site cannot be built (a template error names its file and line).
    """
    tagged = Tagged()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(tagged)
    try:
        with source_date(build_date):
            config = load(str(config_file), str(docs_dir.resolve()), str(site_dir.resolve()))
            if dirty or templates is not None or config.plugins:  # mkdocs.yml's plugins and hooks may read every page
                shards = 1
            elif shards is None:
                shards = shard_count(config, workers)
            if shards > 1:
                utils.clean_directory(config.site_dir)
                found = build_shards(str(config_file), config.docs_dir, config.site_dir, build_date, shards, on_page)
                tagged.messages.extend(found)
            else:
                if templates is not None:
                    config.plugins["pressroom-compiled-templates"] = _KeepCompiledTemplates(templates)
                if on_page:
                    config.plugins["pressroom-progress"] = _Progress(on_page)
                mkdocs_build(config, dirty=dirty)
    except Exception as error:
        failure = translated(error)
        if failure is error:
            raise
        raise failure from error
    finally:
        logger.removeHandler(tagged)
    messages = [message for _where, _at, message in sorted(tagged.messages)]
    # A dirty build's notice is what the caller asked for, not a problem of the content.
    return tuple(m for m in messages if not (dirty and m.startswith(_DIRTY_NOTICE)))


def shard_count(config: MkDocsConfig, workers: int | None) -> int:
    """How many shards to build ``config``'s site in: as many as ``workers`` allows, ``MARKDOWN_PER_SHARD`` each.

    One where a child process cannot be handed a socket (``pass_fds``: POSIX only).
    """
    if os.name != "posix":
        return 1
    markdown = sum(
        os.path.getsize(os.path.join(folder, name))
        for folder, _dirs, names in os.walk(config.docs_dir, followlinks=True)
        for name in names if utils.is_markdown_file(name)
    )
    return max(1, min(worker_count(workers), markdown // MARKDOWN_PER_SHARD))
