"""What a MkDocs build does the same in one process and in shards: its configuration, date, warnings and errors."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException


class SiteError(Exception):
    """The site could not be built at all (bad configuration, theme error)."""


class Tagged(logging.Handler):
    """Keeps MkDocs' warnings, each with where in the build it was logged (``where``; None: not kept) and when."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.where: tuple[int, int] | None = (0, 0)
        self.messages: list[tuple[tuple[int, int], int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.where is not None:
            self.messages.append((self.where, len(self.messages), record.getMessage()))


def load(config_file: str, docs_dir: str, site_dir: str) -> MkDocsConfig:
    """mkdocs.yml, with the docs and site folders of this build (absolute paths)."""
    return load_config(config_file=config_file, docs_dir=docs_dir, site_dir=site_dir, strict=False)


def translated(error: BaseException) -> BaseException:
    """A SiteError saying what MkDocs could not do, for errors that mean the site cannot be built; else ``error``."""
    if isinstance(error, MkDocsException):
        site_error = SiteError(f"MkDocs could not build the site: {error}")
    elif isinstance(error, TemplateError):  # a broken theme override
        where = ""
        if isinstance(error, TemplateSyntaxError) and error.lineno:  # the errors that know their line
            where = f" ({error.filename}, line {error.lineno})"
        site_error = SiteError(f"MkDocs could not build the site: template error{where}: {error}")
    else:
        return error
    site_error.__cause__ = error
    return site_error


@contextmanager
def source_date(date: dt.date | None) -> Iterator[None]:
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
