"""The command line: exact output, JSON shape, exit codes and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
FINDING_KEYS = {
    "code", "name", "level", "message", "path", "line", "column", "end_line", "end_column", "start", "end",
    "text", "status", "suggestion", "evidence", "sources",
}  # fmt: skip
SOURCE_KEYS = {"id", "citation", "doi", "url", "says"}
OVERCLAIM = "Oxytocin, the love hormone, keeps couples together.\n"
CAREFUL = "Oxytocin is often called the love hormone, but the label misleads.\n"


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(OVERCLAIM, encoding="utf-8")
    (tmp_path / "good.txt").write_text(CAREFUL, encoding="utf-8")
    (tmp_path / "ignored.py").write_text(OVERCLAIM, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["sample.md"])
def test_cli_text_output_matches_expected_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = run("check", name)
    expected = FIXTURES / f"{name}.expected.txt"
    if os.environ.get("CLAIMCHECK_UPDATE_SNAPSHOTS"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
    assert result.exit_code == 1


def test_cli_json_output_has_every_field(docs: Path) -> None:
    result = run("check", "--format", "json", str(docs / "bad.md"))
    payload = json.loads(result.stdout)
    assert payload["version"] == 1 and payload["errors"] == [] and payload["files"] == 1
    (finding,) = payload["findings"]
    assert set(finding) >= FINDING_KEYS
    assert (finding["code"], finding["level"], finding["status"]) == ("OXT101", "warning", "asserted")
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 15, 1, 27)
    assert OVERCLAIM[finding["start"] : finding["end"]] == finding["text"] == "love hormone"
    assert all(set(s) >= SOURCE_KEYS for s in finding["sources"])
    assert any(s["doi"] for s in finding["sources"])


def test_cli_exit_0_when_clean(docs: Path) -> None:
    result = run("check", str(docs / "good.txt"))
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 file.\n"


def test_cli_exit_1_on_findings_and_directory_recursion(docs: Path) -> None:
    result = run("check", str(docs))
    assert result.exit_code == 1
    assert f"{docs / 'bad.md'}:1:15: OXT101 [warning]" in result.stdout
    assert "ignored.py" not in result.stdout
    assert result.stdout.endswith("in 2 files.\n")


def test_cli_exit_0_when_only_suggestions(docs: Path) -> None:
    result = run("check", "-", stdin="Oxytocin is often called the love hormone.\n")
    assert "[suggestion]" in result.stdout
    assert result.exit_code == 0


def test_cli_reads_stdin() -> None:
    result = run("check", "-", stdin=OVERCLAIM)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:15: OXT101 [warning]")


def test_cli_select_ignore_and_min_level(docs: Path) -> None:
    path = str(docs / "bad.md")
    assert run("check", "--ignore", "OXT101", path).exit_code == 0
    assert run("check", "--select", "OXT2,OXT3", path).exit_code == 0
    assert run("check", "--select", "OXT1", path).exit_code == 1
    assert run("check", "--min-level", "error", path).stdout == "No findings in 1 file.\n"


def test_cli_exit_2_on_usage_errors(docs: Path) -> None:
    assert run("check").exit_code == 2
    assert run("check", "--format", "xml", str(docs)).exit_code == 2
    result = run("check", "--select", "NOPE", str(docs))
    assert result.exit_code == 2
    assert result.stderr == "claimcheck: error: command line: option --select: unknown rule code or prefix 'NOPE'\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "missing.md: no such file or directory"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt: binary file, not text"),
        ("control.txt", b"Oxytocin\x01\x02\x03\x04 \x05\x06", "control.txt: binary file, not text"),
        ("empty", "dir", "empty: directory holds no file claimcheck reads (.docx .htm"),
    ],
)
def test_cli_bad_input_is_one_line_and_others_still_checked(
    docs: Path, name: str, content: bytes | str | None, message: str
) -> None:
    target = docs / name
    if content == "dir":
        target.mkdir()
    elif isinstance(content, bytes):
        target.write_bytes(content)
    result = run("check", str(target), str(docs / "bad.md"))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("claimcheck: error: ") and message in line
    assert "Traceback" not in result.output
    assert "OXT101 [warning]" in result.stdout


def test_cli_accepts_utf8_bom_and_utf16(docs: Path) -> None:
    (docs / "bom.txt").write_bytes(b"\xef\xbb\xbf" + OVERCLAIM.encode())
    (docs / "wide.txt").write_bytes(OVERCLAIM.encode("utf-16"))
    for name in ("bom.txt", "wide.txt"):
        result = run("check", "--format", "json", str(docs / name))
        (finding,) = json.loads(result.stdout)["findings"]
        assert (finding["line"], finding["column"], finding["text"]) == (1, 15, "love hormone")


def test_cli_broken_rule_pack_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "rules" / "x").mkdir(parents=True)
    (tmp_path / "rules" / "x" / "ABC001.yml").write_text("code: ABC001\nlevl: warning\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    monkeypatch.setattr("claimcheck.paths.data_dir", lambda: tmp_path)
    result = run("check", "-", stdin="text")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: ")
    assert "ABC001.yml:2: field 'levl': Extra inputs are not permitted" in result.stderr


def test_cli_rules_table_lists_every_rule(rules: list[object]) -> None:
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["CODE", "LEVEL", "FAMILY", "NAME"]
    assert len(lines) == len(rules) + 1


def test_cli_rule_explains_with_citations() -> None:
    result = run("rule", "OXT101")
    assert result.exit_code == 0
    out = result.stdout
    for part in ("OXT101 love-hormone-label", "Why:", "Evidence: misleading", "Flagged:", "Not flagged:", "Sources:"):
        assert part in out
    assert "doi:10.1016/j.cpnec.2021.100107" in out and "https://doi.org/10.1016/j.cpnec.2021.100107" in out
    assert run("rule", "love-hormone-label").stdout == out


def test_cli_rule_unknown_code_exits_2() -> None:
    result = run("rule", "OXT000")
    assert result.exit_code == 2
    assert result.stderr == "claimcheck: error: unknown rule 'OXT000' (see `claimcheck rules`)\n"


def test_cli_sources_lists_every_source(sources: dict[str, object]) -> None:
    result = run("sources")
    assert result.exit_code == 0
    for source_id in sources:
        assert f"\n{source_id}\n" in "\n" + result.stdout


def test_cli_jobs_pool_gives_the_same_report_in_order(tmp_path: Path) -> None:
    for i in range(20):
        text = OVERCLAIM if i % 3 == 0 else CAREFUL
        (tmp_path / f"doc-{i:02d}.md").write_text(f"Line {i}.\n\n{text}", encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    serial = run("check", "--jobs", "1", "--format", "json", str(tmp_path))
    pooled = run("check", "--jobs", "2", "--format", "json", str(tmp_path))
    assert serial.exit_code == pooled.exit_code == 2
    assert json.loads(serial.stdout) == json.loads(pooled.stdout)
    payload = json.loads(pooled.stdout)
    assert [f["path"] for f in payload["findings"]] == sorted(f["path"] for f in payload["findings"])
    assert len(payload["findings"]) == 7 and payload["files"] == 20 and len(payload["errors"]) == 1


def test_cli_invalid_token_pattern_exits_2_without_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    good = (ROOT / "rules" / "oxytocin" / "OXT103.yml").read_text(encoding="utf-8")
    bad = good.replace("match:\n", "match:\n  requires: [oxytocin]\n  patterns: [[{LOWER: {IN: [1, 2]}}]]\n")
    (tmp_path / "rules" / "x").mkdir(parents=True)
    (tmp_path / "rules" / "x" / "OXT103.yml").write_text(bad, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "sources.yaml").write_bytes((ROOT / "corpus" / "sources.yaml").read_bytes())
    monkeypatch.setattr("claimcheck.paths.data_dir", lambda: tmp_path)
    result = run("check", "-", stdin=OVERCLAIM)
    assert result.exit_code == 2
    assert result.stderr.startswith("claimcheck: error: rule OXT103: field 'match.patterns':")
    assert len(result.stderr.splitlines()) == 1


def test_cli_selection_that_leaves_no_rule_is_an_error(docs: Path) -> None:
    for args in (["--ignore", "ALL"], ["--select", "OXT2", "--ignore", "OXT2"]):
        result = run("check", *args, str(docs / "bad.md"))
        assert result.exit_code == 2
        assert result.stderr == "claimcheck: error: the selection leaves no rule to run (check --select and --ignore)\n"


def test_cli_same_file_named_twice_is_checked_once(docs: Path) -> None:
    result = run("check", str(docs / "bad.md"), str(docs / "bad.md"), str(docs))
    assert result.stdout.count("OXT101 [warning]") == 1
    assert result.stdout.endswith("in 2 files.\n")


def test_cli_unreadable_path_is_one_line(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Denied(type(Path())):  # type: ignore[misc]
        def is_dir(self) -> bool:
            raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("claimcheck.inputs.Path", Denied)
    result = run("check", str(docs / "secret" / "a.md"), str(docs / "bad.md"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 2
    assert result.stderr.splitlines()[0].endswith("secret/a.md: cannot read: Permission denied")


def test_cli_paragraph_longer_than_spacy_default_limit(tmp_path: Path) -> None:
    big = tmp_path / "transcript.txt"
    big.write_text("Sleep well today and drink water.\n" * 32000 + "Oxytocin is the love hormone.\n", encoding="utf-8")
    result = run("check", "--format", "json", str(big))
    assert result.exit_code == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["text"]) == (32001, "love hormone")


# --- formats and suppressions on the command line ---------------------------------------

SUPPRESSED = "Oxytocin, the love hormone, keeps couples together. claimcheck: ignore[OXT101] -- the client's words\n"


def test_cli_suppressed_findings_are_hidden_counted_and_shown_on_request(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(SUPPRESSED, encoding="utf-8")
    hidden = run("check", str(tmp_path / "note.txt"))
    assert hidden.exit_code == 0
    assert "OXT101" not in hidden.stdout
    assert hidden.stdout.endswith("No findings in 1 file. 1 finding suppressed.\n")
    shown = run("check", "--show-suppressed", str(tmp_path / "note.txt"))
    assert shown.exit_code == 0  # a suppressed finding never fails the run
    assert "OXT101 [warning]" in shown.stdout and "(suppressed: the client's words)" in shown.stdout
    data = json.loads(run("check", "--format", "json", "--show-suppressed", str(tmp_path / "note.txt")).stdout)
    assert [(f["code"], f["suppressed"], f["suppression_reason"]) for f in data["findings"]] == [
        ("OXT101", True, "the client's words")
    ]
    assert data["suppressed"] == 1 and data["notices"] == []


def test_cli_suppression_problems_are_reported_and_fail(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(
        "Fine.  claimcheck: ignore[OXT999] -- typo\nOxytocin is the love hormone. claimcheck: ignore\n",
        encoding="utf-8",
    )
    result = run("check", str(tmp_path / "note.txt"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'note.txt'}:1:8: suppression names unknown rule 'OXT999'" in result.stdout
    assert "no reason" not in result.stdout
    strict = run("check", "--require-reason", str(tmp_path / "note.txt"))
    assert f"{tmp_path / 'note.txt'}:2:31: suppression gives no reason (add `-- reason`)" in strict.stdout
    notices = json.loads(run("check", "--format", "json", str(tmp_path / "note.txt")).stdout)["notices"]
    assert [(n["line"], n["column"]) for n in notices] == [(1, 8)]


def test_cli_format_in_overrides_the_extension(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text("```\nOxytocin is the love hormone.\n```\n", encoding="utf-8")
    assert run("check", str(tmp_path / "post.txt")).exit_code == 1  # plain text: the fence is prose
    assert run("check", "--format-in", "markdown", str(tmp_path / "post.txt")).exit_code == 0


def test_cli_malformed_markdown_is_one_line_and_others_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Intro.\n\n```\n" + OVERCLAIM, encoding="utf-8")
    (tmp_path / "b.md").write_text(OVERCLAIM, encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"claimcheck: error: {tmp_path / 'a.md'}:3: code fence '```' opened here is never closed "
        "(everything after it would be read as code)\n"
    )
    assert f"{tmp_path / 'b.md'}:1:15: OXT101" in result.stdout
    assert result.stdout.endswith("in 1 file.\n")


def test_cli_folders_skip_record_files_unless_named(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # a data table, not notes
    (tmp_path / "page.md").write_text(OVERCLAIM, encoding="utf-8")
    folder = run("check", str(tmp_path))
    assert folder.exit_code == 1 and folder.stdout.endswith("in 1 file.\n")
    named = run("check", str(tmp_path / "data.csv"))
    assert named.exit_code == 2 and "data.csv:1: no column 'text'" in named.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("post.md", "---\ntitle: x\n\n" + OVERCLAIM, "post.md:1: front matter opened here is never closed"),
        ("page.html", "<html><body><p>" + OVERCLAIM + '<a href="x', "page.html:2: truncated HTML"),
        ("handout.docx", b"PK\x03\x04 this is not a whole zip", "handout.docx: "),
        ("notes.csv", "id,body\n1,x\n", "notes.csv:1: no column 'text' (columns: id, body); use --text-field"),
    ],
)
def test_cli_bad_input_in_each_format_is_one_line_exit_2_and_others_still_checked(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    (tmp_path / "good.md").write_text(OVERCLAIM, encoding="utf-8")
    result = run("check", str(bad), str(tmp_path / "good.md"))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimcheck: error: {tmp_path / message}")
    assert "Traceback" not in result.output
    assert f"{tmp_path / 'good.md'}:1:15: OXT101" in result.stdout


def test_cli_bad_record_is_reported_and_the_other_records_still_checked(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        '{"id": "a", "text": "Oxytocin is the love hormone."}\n{"id": "b", "text": oops}\n'
        '{"id": "c", "text": "Intranasal oxytocin is a proven treatment for autism."}\n',
        encoding="utf-8",
    )
    result = run("check", str(notes))
    assert result.exit_code == 2
    assert result.stderr == f"claimcheck: error: {notes}:2: not valid JSON: Expecting value (column 21)\n"
    assert f"{notes}[a]:1:17: OXT101" in result.stdout and f"{notes}[c]:1:1: OXT201" in result.stdout
