"""The README stays true: CI runs its test command, and it lists every rule."""

from __future__ import annotations

import re
from pathlib import Path

from claimcheck import Rule

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh|bash|console)?\n(.*?)\n```", section, re.DOTALL)


def test_readme_quick_start_is_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2 and all("\n" not in c for c in commands), commands
    assert "claimcheck check examples/" in commands[0]
    assert (ROOT / commands[0].split("claimcheck check ", 1)[1].split()[0]).is_file()


def test_readme_ci_runs_the_readme_test_command() -> None:
    test_command = _quick_start()[1]
    assert "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_readme_lists_every_rule(rules: list[Rule]) -> None:
    for rule in rules:
        assert f"| {rule.code} | {rule.name} |" in README, f"README rule list lacks {rule.code}"
