"""Build the generated docs folder into a site with MkDocs and the theme in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class SiteError(Exception):
    """The site could not be built at all (bad configuration, theme error)."""


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings so the build report can show and count them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_mkdocs(
    config_file: Path, docs_dir: Path, site_dir: Path, build_date: dt.date | None
) -> tuple[str, ...]:
    """Build ``docs_dir`` into ``site_dir``; return MkDocs' warnings, in order.

    The build date written into sitemap.xml is ``build_date`` (the newest
    transcript's), not today: the same content gives the same site.
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
            mkdocs_build(config)
    except MkDocsException as error:
        raise SiteError(f"MkDocs could not build the site: {error}") from error
    finally:
        logger.removeHandler(collect)
    return tuple(collect.messages)


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
