"""The ledger of published URLs: no address the archive published ever breaks.

Readers cite transcript pages and their question anchors for years. The
ledger (``content/published-urls.json``, committed with the content) lists
every transcript address and every question anchor the archive ever
published; each build that publishes adds its own. From it a build works
out (:func:`reconcile`) a redirect page for each address whose transcript
moved (a corrected title, a new ``slug:``), a "withdrawn" page for each
whose transcript is gone, and an alias id for each anchor a re-parse
renumbered, on the question it now is (or the nearest one).

    read_ledger(content_dir) -> Ledger
    reconcile(ledger, corpus, address) -> Continuity    (its .ledger: the ledger to keep)
    write_ledger(content_dir, ledger)
"""

from __future__ import annotations

from .model import Continuity, Ledger, PublishedPage, PublishedQuestion, Redirect, Withdrawn
from .reconcile import published_questions, question_digest, reconcile
from .store import LEDGER_FILE, ledger_text, read_ledger, write_ledger

__all__ = [
    "LEDGER_FILE", "Continuity", "Ledger", "PublishedPage", "PublishedQuestion", "Redirect", "Withdrawn",
    "ledger_text", "published_questions", "question_digest", "read_ledger", "reconcile", "write_ledger",
]
