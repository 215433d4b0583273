"""Pages at addresses the archive once published: a redirect where a transcript moved, a notice where it was withdrawn.

A redirect is a small static HTML page, not a Markdown page: it must send
the reader on before any theme loads, it works in any static host and
after any site generator, and MkDocs copies it as it is. It sends readers
on without JavaScript (a refresh), keeps the question's anchor with
JavaScript, and tells search engines where the page is now.
"""

from __future__ import annotations

import html
import json
import posixpath

from . import paths
from .escape import inline
from .frontmatter import document, index_meta
from .page import Page
from .views import RedirectPage, WithdrawnPage


def render_redirect(view: RedirectPage) -> Page:
    """The static page at a moved transcript's old address."""
    target = posixpath.relpath(paths.url(view.target), view.url) + "/"
    href, title = html.escape(target), html.escape(view.title)
    text = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({_script_string(target)} + location.hash)</script>
</head>
<body>
<p>This transcript has moved to <a href="{href}">{title}</a>.</p>
</body>
</html>
"""
    return Page(view.path, text)


def render_withdrawn(view: WithdrawnPage) -> Page:
    """The page at a withdrawn transcript's address: what it was, that it is gone, where to look instead."""
    year = "undated transcripts" if view.year is None else f"transcripts of {view.year}"
    if view.year_page == paths.YEARS:
        year = "years of the archive"
    body = "\n\n".join([
        f"# Withdrawn: {inline(view.title)}",
        "This transcript was withdrawn from the archive. Its address is kept so that links and citations "
        "to it lead here rather than nowhere.",
        f"[All {year}]({paths.link(view.path, view.year_page)})",
    ])
    meta = index_meta(f"Withdrawn: {view.title}", "A transcript withdrawn from the archive.")
    return Page(view.path, document(meta, body))


def _script_string(text: str) -> str:
    """``text`` as a JavaScript string literal that cannot end the script element it sits in."""
    return json.dumps(text).replace("<", "\\u003c")
