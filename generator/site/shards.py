"""MkDocs on every core: the pages of one ``mkdocs build`` converted and written in shards, one child process each.

MkDocs 1.6 builds a site in one process (``mkdocs.commands.build.build``):
it lists the files and the navigation, reads and converts every page,
copies the static files, renders the theme's own templates (404.html,
sitemap.xml), writes every page through the theme, and last checks every
link to an anchor against the anchors of the page it points to. Each child
here runs those same steps on its share of the pages (a shard):

- every shard lists the files and makes the navigation, and reads and
  converts the pages in the navigation (a handful: their titles and front-
  matter show in every page's navigation);
- shard 0 alone copies the static files and renders the theme's templates;
- each shard reads, converts and writes its own pages, one after the other,
  and then keeps of each only its anchors and its links to anchors;
- links to anchors on another shard's pages go through this process to the
  shard that has those pages, which says which anchors are there; each
  shard then checks its own pages' links with MkDocs' own check.

So the files written are MkDocs' own, byte for byte. This holds when a
page's HTML depends only on the page itself, the navigation and the site's
files, which is so for MkDocs' and Material's templates and for this
archive's overrides; a plugin could read every page (Material's search and
tags plugins do), so a configuration with any plugin or hook is built in
one process (``shardable``). The warnings are MkDocs' own too, each tagged
with its step and its page's place, so that sorted they come in the order
one process logs them.

Children are new Python processes, not forks: the preview server runs
threads, and a child that holds nothing of the parent's memory leaves the
parent as lean as before MkDocs ran, for Pagefind after it; nor do the
children's resident sizes count the parent's pages again.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_commands_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .mkdocs_steps import SiteError, Tagged, load, source_date, translated

# The steps of a build whose warnings are kept, in the order one process logs them.
FILES, READ, SITE, WRITE, ANCHORS = range(1, 6)  # 0: loading the configuration, in the parent

Where = tuple[int, int]
"""(step, the page's place among the documentation pages) a warning was logged in; place 0 for site-wide steps."""


@dataclass(frozen=True)
class ShardJob:
    """What a child needs to build its shard: picklable, since it goes to a new process."""

    config_file: str
    docs_dir: str
    site_dir: str
    build_date: dt.date | None
    shard: int
    shards: int
    log_level: int  # the parent's level for MkDocs' loggers: MkDocs keeps anchor links only above DEBUG


def owners(pages: Sequence[File], shards: int) -> dict[str, int]:
    """Which shard builds each page, by source path: the largest first, each to the shard with least Markdown so far.

    Pages written to one place go to one shard, so that the last written wins as in one process.
    """
    groups: dict[str, list[File]] = {}
    for file in pages:
        groups.setdefault(file.dest_uri, []).append(file)
    sizes = {dest: sum(_size(file) for file in files) for dest, files in groups.items()}
    load = [0] * shards
    owner: dict[str, int] = {}
    for dest in sorted(groups, key=lambda dest: -sizes[dest]):  # stable: ties keep the documentation order
        shard = load.index(min(load))
        load[shard] += sizes[dest] + 1
        for file in groups[dest]:
            owner[file.src_uri] = shard
    return owner


def _size(file: File) -> int:
    return os.path.getsize(file.abs_src_path) if file.abs_src_path else 0


def build_shards(
    config_file: str, docs_dir: str, site_dir: str, build_date: dt.date | None, shards: int,
    on_page: Callable[[int, int], None] | None,
) -> list[tuple[Where, int, str]]:
    """Build the site in ``shards`` child processes; MkDocs' warnings, each with where and when it was logged.

    ``site_dir`` must be empty or hold only what MkDocs may clean. Raises
    SiteError as the one-process build does; the children are ended when one fails.
    """
    level = logging.getLogger("mkdocs").getEffectiveLevel()
    pipes: list[Connection] = []
    children: list[subprocess.Popen[bytes]] = []
    try:
        for shard in range(shards):
            mine, theirs = socket.socketpair()
            with mine, theirs:
                children.append(_start(theirs.fileno()))
                pipes.append(Connection(mine.detach()))
            pipes[-1].send(ShardJob(config_file, docs_dir, site_dir, build_date, shard, shards, level))
        return _conduct(pipes, children, on_page or (lambda done, total: None))
    finally:
        for pipe in pipes:
            pipe.close()
        for child in children:
            if child.poll() is None:
                child.kill()  # a shard failed, or this process was interrupted: the others' work is lost anyway
            child.wait()


def _start(fd: int) -> subprocess.Popen[bytes]:
    """A fresh Python that builds a shard, talking through the socket ``fd``.

    A new interpreter rather than multiprocessing's "spawn": that one also
    imports the program's main module again, which for ``pressroom build``
    is most of Pressroom, in every shard. It finds this copy of
    ``generator`` first (``-P``: not the working folder's).
    """
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (root, env.get("PYTHONPATH"))))
    code = "import sys; from generator.site.shards import run_child; run_child(int(sys.argv[1]))"
    command = [sys.executable, "-P", "-c", code, str(fd)]
    return subprocess.Popen(command, pass_fds=(fd,), env=env, stdin=subprocess.DEVNULL)


def _conduct(
    pipes: list[Connection], children: list[subprocess.Popen[bytes]], on_page: Callable[[int, int], None]
) -> list[tuple[Where, int, str]]:
    """Follow the shards: their progress, then route the anchors they ask of each other, then their warnings."""
    done, total = 0, 0
    wanted: dict[int, dict[int, dict[str, set[str]]]] = {}
    while len(wanted) < len(pipes):
        for ready in wait([pipe for at, pipe in enumerate(pipes) if at not in wanted]):
            at = pipes.index(ready)  # type: ignore[arg-type] # wait() hands back the Connections it was given
            kind, value = _receive(pipes[at], children[at])
            if kind == "total":
                if not total:
                    total = value
                    on_page(done, total)
            elif kind == "step":
                done += value
                on_page(done, total)
            else:
                wanted[at] = value
    asked: list[dict[str, set[str]]] = [{} for _ in pipes]
    for by_owner in wanted.values():
        for owner, targets in by_owner.items():
            for source, anchors in targets.items():
                asked[owner].setdefault(source, set()).update(anchors)
    for pipe, question in zip(pipes, asked):
        pipe.send(question)
    present: dict[str, set[str] | None] = {}
    for pipe, child in zip(pipes, children):
        present.update(_receive(pipe, child)[1])
    for at, pipe in enumerate(pipes):
        pipe.send({source: present[source] for targets in wanted[at].values() for source in targets})
    warnings: list[tuple[Where, int, str]] = []
    for pipe, child in zip(pipes, children):
        warnings.extend(_receive(pipe, child)[1])
    return warnings


def _receive(pipe: Connection, child: subprocess.Popen[bytes]) -> tuple[str, Any]:
    """The next message of a shard; raises what the shard raised, or SiteError if it ended without a word."""
    try:
        kind, value = pipe.recv()
    except (EOFError, OSError):
        child.wait()
        ended = f"a shard ended without finishing (exit code {child.returncode})"
        raise SiteError(f"MkDocs could not build the site: {ended}") from None
    if kind == "failed":
        raise value
    return kind, value


def run_child(fd: int) -> None:
    """A child's work: receive its job through the socket ``fd``, build that shard."""
    pipe = Connection(fd)
    run_shard(pipe.recv(), pipe)


def run_shard(job: ShardJob, pipe: Connection) -> None:
    """Build one shard, talking with the parent through ``pipe``."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(job.log_level)
    logger.propagate = False  # the warnings go to the parent, not to this child's standard error
    tagged = Tagged()
    logger.addHandler(tagged)
    try:
        with source_date(job.build_date):
            _build_shard(job, pipe, tagged)
        pipe.send(("warnings", tagged.messages))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        pipe.send(("failed", _picklable(translated(error) if isinstance(error, Exception) else error)))
    finally:
        logger.removeHandler(tagged)
        pipe.close()


def _picklable(error: BaseException) -> BaseException:
    """``error`` if it can go to the parent as it is, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any error that does not survive the trip
        return RuntimeError("".join(traceback.format_exception(error)))
    return error


def _build_shard(job: ShardJob, pipe: Connection, tagged: Tagged) -> None:
    """``mkdocs.commands.build.build`` for one shard's pages (see the module's docstring); step for step the same."""
    config = load(job.config_file, job.docs_dir, job.site_dir)  # its warnings: the parent logged them already
    first = job.shard == 0
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        tagged.where = (FILES, 0) if first else None
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        inclusion = InclusionLevel.is_included
        pages = files.documentation_pages(inclusion=inclusion)
        place = {file.src_uri: at for at, file in enumerate(pages)}
        owner = owners(pages, job.shards)
        mine = [file for file in pages if owner[file.src_uri] == job.shard]
        pipe.send(("total", 2 * len(pages)))
        for file in pages:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
        shown = [page.file for page in nav.pages if page.file.src_uri in place]
        for file in shown:  # every shard reads these: the navigation in every page shows them
            tagged.where = (READ, place[file.src_uri]) if owner[file.src_uri] == job.shard else None
            _populate(file, config, files)
            if tagged.where:
                pipe.send(("step", 1))

        env = config.plugins.on_env(env, config=config, files=files)
        if first:
            tagged.where = (SITE, 0)
            written = {file.dest_uri for file in pages}  # a page overwrites a static file or template at its place
            Files([file for file in files if file.dest_uri not in written]).copy_static_files(inclusion=inclusion)
            for template in config.theme.static_templates:
                if template not in written:
                    mkdocs_commands_build._build_theme_template(template, env, files, config, nav)
            for template in config.extra_templates:
                mkdocs_commands_build._build_extra_template(template, files, config, nav)

        read = {file.src_uri for file in shown}
        for file in mine:
            if file.src_uri not in read:
                tagged.where = (READ, place[file.src_uri])
                _populate(file, config, files)
                pipe.send(("step", 1))
            tagged.where = (WRITE, place[file.src_uri])
            page = _page(file)
            mkdocs_commands_build._build_page(page, config, pages, nav, env, excluded=file.inclusion.is_excluded())
            pipe.send(("step", 1))
            if file.src_uri not in read:
                # Only its anchors and links to anchors are needed from now on.
                page.markdown, page.content, page.toc = None, None, []  # type: ignore[assignment]

        _check_anchors(config, files, mine, owner, place, pipe, tagged)
        if first:
            tagged.where = None
            config.plugins.on_post_build(config=config)
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            raise Abort("Aborted with a BuildError!") from error
        raise


def _populate(file: File, config: MkDocsConfig, files: Files) -> None:
    mkdocs_commands_build._populate_page(_page(file), config, files)


def _page(file: File) -> Page:
    assert file.page is not None, "every documentation page has its Page before it is read"
    return file.page


def _check_anchors(
    config: MkDocsConfig, files: Files, mine: list[File], owner: Mapping[str, int], place: Mapping[str, int],
    pipe: Connection, tagged: Tagged,
) -> None:
    """MkDocs' check of links to anchors, on this shard's pages; other shards' anchors are asked through the parent."""
    wanted: dict[int, dict[str, set[str]]] = {}
    for file in mine:
        for target, links in (_page(file).links_to_anchors or {}).items():
            page = target.page
            if page is not None and page.present_anchor_ids is None and target.src_uri in owner:
                wanted.setdefault(owner[target.src_uri], {}).setdefault(target.src_uri, set()).update(links)
    pipe.send(("wanted", wanted))
    asked: dict[str, set[str]] = pipe.recv()
    pipe.send(("present", {source: _anchors_of(files, source, anchors) for source, anchors in asked.items()}))
    found: dict[str, set[str] | None] = pipe.recv()
    for source, anchors in found.items():
        remote = files.get_file_from_path(source)
        assert remote is not None, "a page asked for is one of the site's"
        _page(remote).present_anchor_ids = anchors  # only the anchors asked for: all the check looks up
    level = config.validation.links.anchors
    for file in mine:
        tagged.where = (ANCHORS, place[file.src_uri])
        _page(file).validate_anchor_links(files=files, log_level=level)


def _anchors_of(files: Files, source: str, anchors: set[str]) -> set[str] | None:
    """Which of ``anchors`` the page ``source`` has; None if it was not converted (MkDocs then checks nothing)."""
    found = files.get_file_from_path(source)
    present = found.page.present_anchor_ids if found is not None and found.page is not None else None
    return None if present is None else anchors & present
