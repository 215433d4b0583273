"""The people and outlets directory that speaker labels resolve against.

Load it once with ``load_directory(content_dir)`` and pass the Directory to
whatever resolves labels; nothing here is loaded at import time.
"""

from .load import DIRECTORY_FILES, DirectoryError, load_directory
from .model import Directory, OutletEntry, PersonEntry, RoleEntry, RoleSpell
from .text import proper_case_name, proper_case_title, slugify

__all__ = [
    "DIRECTORY_FILES",
    "Directory",
    "DirectoryError",
    "OutletEntry",
    "PersonEntry",
    "RoleEntry",
    "RoleSpell",
    "load_directory",
    "proper_case_name",
    "proper_case_title",
    "slugify",
]
