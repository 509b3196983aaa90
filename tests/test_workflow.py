"""The command line in a team's workflow: configuration found per repository, --fail-on,
--output, baselines, safe fixes and the progress bar."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import main
from claimcheck.progress import MIN_FILES, wanted

OVERCLAIM = "Oxytocin, the love hormone, floods your brain when you hug.\n"  # OXT101 warning, safe fix
TREATMENT = "Intranasal oxytocin is a proven treatment for autism.\n"  # OXT201 error


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with docs, a drafts folder and a pyproject.toml; the cwd is its root."""
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    (tmp_path / "docs" / "handout.md").write_text("# Handout\n\n" + OVERCLAIM + "\n" + TREATMENT, encoding="utf-8")
    (tmp_path / "docs" / "drafts" / "wip.md").write_text(TREATMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --- configuration ---------------------------------------------------------------------


def test_config_from_pyproject_is_found_by_walking_up(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.claimcheck]\nexclude = ["**/drafts/**"]\nfail-on = "error"\n'
        'per-file-ignores = { "docs/handout.md" = ["OXT2"] }\n',
        encoding="utf-8",
    )
    result = cli("check", "docs")
    assert [line.split(": ")[0:2] for line in result.stdout.splitlines() if ": OXT" in line] == [
        ["docs/handout.md:3:15", "OXT101 [warning] \"love hormone\" presents a nickname as fact; oxytocin does not "
         "produce love on its own."],
    ]  # fmt: skip
    assert result.exit_code == 0  # fail-on error: a warning does not fail
    named = cli("check", "docs/drafts/wip.md")  # a file named directly is checked even when excluded
    assert named.exit_code == 1 and "OXT201" in named.stdout
    assert cli("check", "--isolated", "docs").stdout.count("OXT201") == 2
    assert cli("check", "--fail-on", "warning", "docs").exit_code == 1  # the command line wins


def test_config_errors_name_file_key_and_line(repo: Path) -> None:
    (repo / ".claimcheck.toml").write_text('select = ["OXT1"]\nmin-levl = "error"\n', encoding="utf-8")
    result = cli("check", "docs")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: .claimcheck.toml:2: unknown key 'min-levl'")
    assert "did you mean 'min-level'?" in result.stderr and len(result.stderr.splitlines()) == 1
    assert cli("check", "--isolated", "docs").exit_code == 1


def test_config_select_of_an_unknown_code_names_the_line(repo: Path) -> None:
    (repo / ".claimcheck.toml").write_text('\nselect = ["OXT1", "OXT9"]\n', encoding="utf-8")
    result = cli("check", "docs")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: .claimcheck.toml:2:") and "'OXT9'" in result.stderr


def test_config_command_prints_values_and_where_they_come_from(repo: Path) -> None:
    (repo / ".claimcheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    out = cli("config").stdout
    assert 'fail-on = "error"  # .claimcheck.toml:1' in out
    assert 'min-level = "suggestion"  # default' in out
    other = repo / "elsewhere.toml"
    other.write_text('min-level = "error"\n', encoding="utf-8")
    assert 'min-level = "error"  # elsewhere.toml:1' in cli("config", "--config", str(other)).stdout
    assert "default" in cli("config", "--isolated").stdout.split("fail-on")[1].splitlines()[0]


def test_extend_rules_adds_a_validated_pack(repo: Path) -> None:
    pack = repo / "packs" / "sleep"
    pack.mkdir(parents=True)
    (pack / "sources.yaml").write_text(
        "sources:\n  - id: sleep-review\n    short: Sleep review 2020\n    citation: A review of melatonin.\n"
        "    shows: Melatonin shortens sleep onset a little in some adults.\n",
        encoding="utf-8",
    )
    flag = [
        f'"{s}"'
        for s in (
            "[[Melatonin cures insomnia]].",
            "[[Melatonin cures insomnia]] fast.",
            "Yes: [[melatonin cures insomnia]].",
        )
    ]
    rule = (
        "code: SLP101\nname: melatonin-cure\nfamily: treatment\nlevel: warning\n"
        "summary: Presents melatonin as a cure for insomnia.\nwhy: Trials show small effects on sleep onset.\n"
        "evidence: contested\nmessage: '\"{match}\" overstates what melatonin does.'\n"
        "match:\n  phrases: [melatonin cures insomnia]\nsources:\n  - id: sleep-review\n"
        "examples:\n  flag: [" + ", ".join(flag) + "]\n"
        '  pass: ["Melatonin may help a little.", "It does not cure insomnia.", "Sleep hygiene matters."]\n'
    )
    (pack / "SLP101.yml").write_text(rule, encoding="utf-8")
    (repo / ".claimcheck.toml").write_text('extend-rules = ["packs/sleep"]\n', encoding="utf-8")
    (repo / "docs" / "sleep.md").write_text("Melatonin cures insomnia, says the ad.\n", encoding="utf-8")
    result = cli("check", "--select", "SLP", "docs/sleep.md")
    assert "docs/sleep.md:1:1: SLP101 [warning]" in result.stdout
    (pack / "SLP101.yml").write_text(rule.replace("level: warning", "level: loud"), encoding="utf-8")
    broken = cli("check", "docs/sleep.md")
    assert broken.exit_code == 2 and "SLP101.yml:4: field 'level'" in broken.stderr


# --- --fail-on and --output ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "text", "code"),
    [
        ("warning", OVERCLAIM, 1),
        ("error", OVERCLAIM, 0),
        ("error", TREATMENT, 1),
        ("never", TREATMENT, 0),
        ("suggestion", "Oxytocin, the so-called love hormone, is in the news.\n", 1),
        ("warning", "Oxytocin, the so-called love hormone, is in the news.\n", 0),
    ],
)
def test_fail_on_sets_the_lowest_failing_level(tmp_path: Path, fail_on: str, text: str, code: int) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert cli("check", "--isolated", "--fail-on", fail_on, str(tmp_path / "a.txt")).exit_code == code


def test_output_writes_the_report_and_prints_a_summary(repo: Path) -> None:
    (repo / "report.sarif").write_text("old", encoding="utf-8")
    result = cli("check", "--isolated", "--format", "sarif", "--output", "report.sarif", "docs")
    assert result.exit_code == 1
    assert result.stdout == "Found 3 findings (2 errors, 1 warning) in 2 files.\n"
    sarif = json.loads((repo / "report.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 3
    assert [p.name for p in repo.iterdir() if p.name.startswith(".report")] == []  # no temporary file left


def test_output_to_an_unwritable_place_is_one_line_exit_2(repo: Path) -> None:
    result = cli("check", "--isolated", "--output", "missing/dir/report.txt", "docs")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: missing/dir/report.txt: cannot write")


# --- baseline ----------------------------------------------------------------------------


def test_baseline_round_trip_survives_moved_lines_and_reports_new_and_stale(repo: Path) -> None:
    written = cli("check", "--isolated", "--write-baseline", "claimcheck-baseline.json", "docs")
    assert written.exit_code == 1
    assert "wrote 3 findings to claimcheck-baseline.json" in written.stderr
    assert cli("check", "--isolated", "--baseline", "claimcheck-baseline.json", "docs").exit_code == 0
    # lines move and unrelated text changes: still known
    handout = repo / "docs" / "handout.md"
    handout.write_text("# Handout\n\nA new intro paragraph.\n\nMore words.\n\n" + OVERCLAIM + "\n" + TREATMENT)
    moved = cli("check", "--isolated", "--baseline", "claimcheck-baseline.json", "docs")
    assert (moved.exit_code, moved.stdout) == (0, "No findings in 2 files.\n")
    # a new overclaim is reported; a fixed one makes its entry stale
    handout.write_text("# Handout\n\n" + OVERCLAIM + "\nOxytocin increases trust.\n")
    changed = cli("check", "--isolated", "--baseline", "claimcheck-baseline.json", "docs")
    assert changed.exit_code == 1
    assert [line.split(":")[0:3] for line in changed.stdout.splitlines() if ": OXT" in line] == [
        ["docs/handout.md", "5", "1"]
    ]
    assert "1 baseline entry in claimcheck-baseline.json no longer match" in changed.stderr


def test_baseline_paths_are_relative_to_the_baseline_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("check", "--isolated", "--write-baseline", "claimcheck-baseline.json", "docs")
    entries = json.loads((repo / "claimcheck-baseline.json").read_text())["findings"]
    assert sorted({e["path"] for e in entries}) == ["docs/drafts/wip.md", "docs/handout.md"]
    monkeypatch.chdir(repo / "docs")  # run from elsewhere: the same entries still match
    assert cli("check", "--isolated", "--baseline", "../claimcheck-baseline.json", ".").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: baseline file not found (create it with --write-baseline)"),
        ("{not json", "base.json:1: not a claimcheck baseline (invalid JSON)"),
        ('{"version": 9, "findings": []}', "base.json: not a claimcheck baseline"),
    ],
)
def test_bad_baseline_is_one_line_exit_2(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "base.json").write_text(content, encoding="utf-8")
    result = cli("check", "--isolated", "--baseline", "base.json", "docs")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claimcheck: error: {message}")


# --- safe fixes ----------------------------------------------------------------------------


def test_diff_shows_the_fix_and_changes_nothing(repo: Path) -> None:
    before = (repo / "docs" / "handout.md").read_bytes()
    result = cli("check", "--isolated", "--diff", "docs/handout.md")
    assert result.exit_code == 1
    assert result.stdout == (
        "--- a/docs/handout.md\n+++ b/docs/handout.md\n@@ -1,5 +1,5 @@\n # Handout\n \n"
        "-Oxytocin, the love hormone, floods your brain when you hug.\n"
        "+Oxytocin, the hormone involved in social bonding, floods your brain when you hug.\n"
        " \n Intranasal oxytocin is a proven treatment for autism.\n"
    )
    assert (repo / "docs" / "handout.md").read_bytes() == before


def test_fix_writes_the_safe_fix_and_reports_what_remains(repo: Path) -> None:
    result = cli("check", "--isolated", "--fix", "docs/handout.md")
    assert (repo / "docs" / "handout.md").read_text(encoding="utf-8") == (
        "# Handout\n\nOxytocin, the hormone involved in social bonding, floods your brain when you hug.\n\n" + TREATMENT
    )
    assert "fixed 1 finding" in result.stderr
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if ": OXT" in line] == ["OXT201"]
    assert result.exit_code == 1  # the treatment claim has no safe fix
    again = cli("check", "--isolated", "--fix", "docs/handout.md")
    assert "fixed" not in again.stderr


def test_fix_keeps_encoding_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    original = ("Caf\u00e9 notes \u2014 2003\r\n\r\n" + OVERCLAIM.replace("\n", "\r\n")).encode("cp1252")
    path.write_bytes(original)
    assert cli("check", "--isolated", "--fix", str(path)).exit_code == 0
    assert path.read_bytes() == original.replace(b"the love hormone", b"the hormone involved in social bonding")


def test_fix_never_touches_a_file_that_failed_to_parse(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text(OVERCLAIM + "\n```\ncode never closed\n", encoding="utf-8")
    before = path.read_bytes()
    result = cli("check", "--isolated", "--fix", str(path))
    assert result.exit_code == 2 and "never closed" in result.stderr
    assert path.read_bytes() == before


def test_fix_leaves_suppressed_findings_alone(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = OVERCLAIM.rstrip("\n") + "  claimcheck: ignore[OXT101] -- her words\n"
    path.write_text(text, encoding="utf-8")
    cli("check", "--isolated", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text


# --- progress bar --------------------------------------------------------------------------


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("total", "tty", "env", "shown"),
    [
        (MIN_FILES, True, {}, True),
        (MIN_FILES - 1, True, {}, False),  # a few files finish before a bar says anything
        (500, False, {}, False),  # redirected or piped
        (500, True, {"CI": "true"}, False),
        (500, True, {"CI": "false"}, True),
    ],
)
def test_progress_bar_only_on_a_terminal_outside_ci(total: int, tty: bool, env: dict[str, str], shown: bool) -> None:
    assert wanted(total, _Stream(tty), env) is shown


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path: Path) -> None:
    for i in range(MIN_FILES + 2):
        (tmp_path / f"n{i}.txt").write_text("Plain words.\n", encoding="utf-8")
    result = cli("check", "--isolated", "--jobs", "1", str(tmp_path))
    assert result.stderr == "" and result.exit_code == 0


def test_folders_pass_over_hidden_and_tool_folders(repo: Path) -> None:
    for folder in (".venv/lib", "node_modules/pkg", "docs/_build", ".git"):
        (repo / folder).mkdir(parents=True, exist_ok=True)
        (repo / folder / "README.md").write_text(TREATMENT, encoding="utf-8")
    result = cli("check", "--isolated", ".")
    assert result.stdout.endswith("in 2 files.\n")
    assert cli("check", "--isolated", ".venv/lib").stdout.endswith("in 1 file.\n")  # named: walked


def test_include_can_take_in_record_files_while_walking(repo: Path) -> None:
    (repo / "notes").mkdir()
    (repo / "notes" / "export.jsonl").write_text('{"id": "n1", "text": "' + TREATMENT.strip() + '"}\n')
    assert "export.jsonl" not in cli("check", "--isolated", ".").stdout
    (repo / ".claimcheck.toml").write_text('include = ["docs/**", "notes/*.jsonl"]\n', encoding="utf-8")
    result = cli("check", ".")
    assert "notes/export.jsonl[n1]:1:1: OXT201" in result.stdout
    assert result.stdout.endswith("in 3 files.\n")


def test_require_reason_from_the_config_file_holds_without_the_flag(repo: Path) -> None:
    (repo / "docs" / "note.txt").write_text(OVERCLAIM.rstrip("\n") + " claimcheck: ignore[OXT101]\n")
    assert "no reason" not in cli("check", "--isolated", "docs/note.txt").stdout
    (repo / ".claimcheck.toml").write_text("require-reason = true\n", encoding="utf-8")
    assert "suppression gives no reason" in cli("check", "docs/note.txt").stdout


# --- review fixes: what --fix may touch, config per run, include/exclude, baselines ------------


def test_fix_follows_a_symlink_and_refuses_hard_links_and_read_only_files(repo: Path) -> None:
    shared = repo / "shared.md"
    shared.write_text(OVERCLAIM, encoding="utf-8")
    (repo / "docs" / "intro.md").symlink_to(shared)
    cli("check", "--isolated", "--fix", "docs/intro.md")
    assert (repo / "docs" / "intro.md").is_symlink()
    assert "social bonding" in shared.read_text(encoding="utf-8")
    linked = repo / "linked.md"
    linked.write_text(OVERCLAIM, encoding="utf-8")
    (repo / "other-name.md").hardlink_to(linked)
    locked = repo / "locked.md"
    locked.write_text(OVERCLAIM, encoding="utf-8")
    locked.chmod(0o444)
    result = cli("check", "--isolated", "--fix", "linked.md", "locked.md")
    assert result.exit_code == 2
    assert "linked.md: not fixed: the file has other hard links" in result.stderr
    assert "locked.md: not fixed: the file is read-only" in result.stderr
    assert linked.read_text(encoding="utf-8") == OVERCLAIM == locked.read_text(encoding="utf-8")


def test_fix_leaves_findings_below_min_level_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(OVERCLAIM, encoding="utf-8")
    cli("check", "--isolated", "--min-level", "error", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == OVERCLAIM


def test_diff_still_writes_the_report_file_and_explains_formats_it_cannot_fix(repo: Path) -> None:
    result = cli("check", "--isolated", "--diff", "--format", "sarif", "-o", "r.sarif", "docs/handout.md")
    assert result.stdout.startswith("--- a/docs/handout.md") and (repo / "r.sarif").is_file()
    (repo / "notes.jsonl").write_text('{"id": 1, "text": "' + OVERCLAIM.strip() + '"}\n', encoding="utf-8")
    note = cli("check", "--isolated", "--diff", "notes.jsonl")
    assert "notes.jsonl: not fixed: --fix changes plain text, Markdown and HTML files" in note.stderr


def test_paths_under_different_configuration_files_are_an_error(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["OXT1"]\n', encoding="utf-8")
    (repo / "docs" / ".claimcheck.toml").write_text('select = ["OXT102"]\n', encoding="utf-8")
    (repo / "README.md").write_text(OVERCLAIM, encoding="utf-8")
    result = cli("check", "README.md", "docs/handout.md")
    assert result.exit_code == 2 and "fall under different configuration files" in result.stderr
    assert cli("check", "docs/handout.md", "docs/drafts/wip.md").exit_code in (0, 1)


def test_force_exclude_applies_exclude_to_named_files(repo: Path) -> None:
    (repo / ".claimcheck.toml").write_text('exclude = ["**/drafts/**"]\n', encoding="utf-8")
    assert "OXT201" in cli("check", "docs/drafts/wip.md").stdout
    forced = cli("check", "--force-exclude", "docs/drafts/wip.md", "docs/handout.md")
    assert "wip.md" not in forced.stdout and "handout.md" in forced.stdout


def test_broad_include_takes_in_no_data_files_and_a_typo_is_an_error(repo: Path) -> None:
    (repo / "docs" / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (repo / ".claimcheck.toml").write_text('include = ["docs/**"]\n', encoding="utf-8")
    assert cli("check", "docs").exit_code == 1  # findings, not the CSV's missing text column
    (repo / ".claimcheck.toml").write_text('include = ["doc/**"]\n', encoding="utf-8")
    typo = cli("check", "docs")
    assert typo.exit_code == 2 and "docs: every file here is left out by include/exclude" in typo.stderr


def test_a_dangling_symlink_in_a_folder_is_passed_over(repo: Path) -> None:
    (repo / "docs" / "broken.md").symlink_to(repo / "nowhere.md")
    assert cli("check", "--isolated", "docs").exit_code == 1


def test_write_baseline_keeps_entries_of_files_not_checked_and_stale_covers_deleted_files(repo: Path) -> None:
    cli("check", "--isolated", "--write-baseline", "b.json", "docs")
    assert len(json.loads((repo / "b.json").read_text())["findings"]) == 3
    cli("check", "--isolated", "--write-baseline", "b.json", "docs/handout.md")  # part of the repository
    assert len(json.loads((repo / "b.json").read_text())["findings"]) == 3
    (repo / "docs" / "drafts" / "wip.md").unlink()
    result = cli("check", "--isolated", "--baseline", "b.json", "docs")
    assert result.exit_code == 0 and "1 baseline entry in b.json no longer match" in result.stderr
