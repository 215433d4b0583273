"""The theme's templates are compiled once for builds that share them (a preview's rebuilds); an edited one is compiled again."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from generator.site.mkdocs import CompiledTemplates, build_mkdocs
from tests.e2e.test_build import built, files_of  # noqa: F401 - the built seeds' docs folder, a module fixture
from tests.support import REPO

pytestmark = pytest.mark.slow


def test_a_second_build_compiles_no_template_and_writes_the_same_site(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    _site, docs, _output = built
    templates = CompiledTemplates()
    build_mkdocs(REPO / "mkdocs.yml", docs, tmp_path / "first", None, templates=templates)
    assert len(templates) > 10  # Material's templates and the overrides

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(jinja2.Environment, "_parse", refuse)
    build_mkdocs(REPO / "mkdocs.yml", docs, tmp_path / "second", None, templates=templates)

    assert files_of(tmp_path / "second") == files_of(tmp_path / "first")


def test_an_edited_override_is_compiled_again(built, tmp_path: Path) -> None:  # noqa: F811
    _site, docs, _output = built
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "mkdocs.yml", config / "mkdocs.yml")
    shutil.copytree(REPO / "site_config", config / "site_config")
    templates = CompiledTemplates()
    build_mkdocs(config / "mkdocs.yml", docs, tmp_path / "site", None, templates=templates)
    template = config / "site_config" / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('<meta charset="utf-8">', '<meta charset="utf-8"><!-- edited override -->'),
                        encoding="utf-8")

    build_mkdocs(config / "mkdocs.yml", docs, tmp_path / "site", None, templates=templates)

    assert "<!-- edited override -->" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
